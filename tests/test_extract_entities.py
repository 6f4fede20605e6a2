"""Resolution: surnames alone, titles, first names, shared demonyms, ids across documents."""

from __future__ import annotations

import pytest

from extract import extract_documents
from graph import build_graph

GRAPH_TYPES = {"person", "organization", "country"}


def people(doc) -> dict[str, tuple[str, ...]]:
    return {e.id: e.aliases for e in doc._.coopgraph_entities if e.type == "person"}


CASES = [
    (
        "Abdellatif Hammouchi a reçu la délégation. Hammouchi a ensuite visité le port.",
        {"person:abdellatif-hammouchi": ("Abdellatif Hammouchi", "Hammouchi")},
    ),
    (
        "Hammouchi a parlé le premier. Abdellatif Hammouchi a conclu la réunion.",
        {"person:abdellatif-hammouchi": ("Hammouchi", "Abdellatif Hammouchi")},
    ),
    ("Le général Mustafa Rabii a signé l’accord.", {"person:mustafa-rabii": ("Mustafa Rabii",)}),
    (
        "M. Nasser Bourita s’est rendu à Doha. M. Bourita a rencontré son homologue.",
        {"person:nasser-bourita": ("Nasser Bourita", "Bourita")},
    ),
    (
        "Emmanuel Macron et Brigitte Macron sont arrivés. Macron a parlé.",
        {
            "person:emmanuel-macron": ("Emmanuel Macron",),
            "person:brigitte-macron": ("Brigitte Macron",),
            "person:macron": ("Macron",),
        },
    ),
    (
        "Selon David Govrin, l’accord sera signé. Govrin a précisé la date.",
        {"person:david-govrin": ("David Govrin", "Govrin")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_people_and_their_aliases(docs, text, expected):
    assert people(docs[text]) == expected


def test_surname_alone_counts_as_a_mention_of_the_full_name(docs):
    doc = docs["Abdellatif Hammouchi a reçu la délégation. Hammouchi a ensuite visité le port."]
    (person,) = [e for e in doc._.coopgraph_entities if e.type == "person"]
    assert (person.label, person.mentions) == ("Abdellatif Hammouchi", 2)


def test_same_full_name_in_two_documents_is_one_node(nlp):
    texts = [
        "David Govrin a rencontré le ministre à Rabat.",
        "Le diplomate David Govrin a quitté Rabat.",
    ]
    G = build_graph(extract_documents(nlp, texts))
    assert [n for n, d in G.nodes(data=True) if d["type"] == "person"] == ["person:david-govrin"]
    assert G.nodes["person:david-govrin"]["documents"] == 2


def test_every_entity_keeps_its_aliases_and_mention_count(nlp):
    doc = nlp(
        "Des experts qataris sont au Maroc. Le Qatar et la délégation qatarie remercient le Maroc."
    )
    summary = {e.id: (e.aliases, e.mentions) for e in doc._.coopgraph_entities}
    assert summary == {
        "country:QA": (("qataris", "Qatar", "qatarie"), 3),
        "country:MA": (("Maroc",), 2),
    }
