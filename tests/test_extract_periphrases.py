"""States named by a description: fixed periphrases, "l’État" + demonym, and anaphors."""

from __future__ import annotations

import pytest

from extract.lexicon import read_lexicon

COOP, OPP = "cooperation", "opposition"

# (text, the country mentions the descriptions make: (text, entity), in order)
RESOLVED = [
    ("Le royaume chérifien a signé un accord avec le Qatar.", [("royaume chérifien", "MA")]),
    ("L’Hexagone a livré des frégates à la Grèce.", [("Hexagone", "FR")]),
    ("Le pays du Cèdre a accusé Israël de violations.", [("pays du Cèdre", "LB")]),
    (
        "Pékin a protesté. L’Empire du Milieu accuse le Canada d’ingérence.",
        [("Empire du Milieu", "CN")],
    ),
    ("Le gouvernement britannique a accusé l’État chinois.", [("État chinois", "CN")]),
    (
        "Le Maroc a reçu le ministre qatari. Le royaume a signé un accord avec l’Algérie.",
        [("royaume", "MA")],
    ),
    (
        "La Norvège et le Japon ont signé un accord. L’archipel a dénoncé les menaces de la "
        "Chine.",
        [("archipel", "JP")],
    ),
    (
        "Le Mali soutient son armée. Mais le pays est sous sanctions de la Cédéao.",
        [("pays", "ML")],
    ),
    (
        "Le Maroc et l’Espagne ont tenu un sommet. Les deux pays ont signé un accord.",
        [("deux pays", "MA"), ("deux pays", "ES")],
    ),
]

NOT_RESOLVED = [
    # No kingdom named before: "le royaume" is nobody.
    "Le royaume a signé un accord avec l’Algérie.",
    # A geometric hexagon; a group that calls itself a state; an indefinite description.
    "Le drapeau porte un hexagone rouge.",
    "L’État islamique a revendiqué l’attentat.",
    "Le Maroc a signé un accord. Un royaume voisin a protesté.",
    # "le pays hôte" is not any country named before it; nor is "le royaume de Bahreïn" Morocco.
    "Le Bénin a accueilli le Togo. Le pays hôte a signé un accord avec le Niger.",
    "Le Maroc a signé un accord. Le royaume de Bahreïn a protesté.",
    # Three states named together: "les deux pays" cannot say which two.
    "Le Maroc, l’Espagne et la France ont tenu un sommet. Les deux pays ont signé un accord.",
    # Two states in the nearest sentence: "ce pays" cannot say which.
    "Le Maroc et l’Espagne ont tenu un sommet. Ce pays a signé un accord.",
]

RELATIONS = [
    ("Le royaume chérifien a signé un accord avec le Qatar.", {("country:MA", "country:QA", COOP)}),
    (
        "Le Maroc et l’Espagne ont tenu un sommet. Les deux pays ont signé un accord.",
        {("country:ES", "country:MA", COOP)},
    ),
    (
        "Le Mali soutient son armée. Mais le pays est sous sanctions de la Cédéao.",
        {("country:ML", "org:cedeao", OPP)},
    ),
    ("Le royaume a signé un accord avec l’Algérie.", set()),
]

TEXTS = [t for t, _ in RESOLVED] + NOT_RESOLVED + [t for t, _ in RELATIONS]


@pytest.fixture(scope="module")
def docs(nlp):
    texts = list(dict.fromkeys(TEXTS))
    return dict(zip(texts, nlp.pipe(texts), strict=True))


@pytest.mark.parametrize(("text", "expected"), RESOLVED)
def test_descriptions_become_country_mentions(docs, text, expected):
    doc = docs[text]
    found = [
        (m.text, m.entity.split(":", 1)[1])
        for m in doc._.coopgraph_mentions
        if m.type == "country" and (m.text, m.entity.split(":", 1)[1]) in expected
    ]
    assert found == expected
    for mention in doc._.coopgraph_mentions:
        assert text[mention.start_char : mention.end_char] == mention.text


@pytest.mark.parametrize("text", NOT_RESOLVED)
def test_descriptions_without_a_clear_state_stay_unresolved(docs, text):
    doc = docs[text]
    words = {"royaume", "hexagone", "état islamique", "pays", "pays hôte", "deux pays"}
    assert not [
        m for m in doc._.coopgraph_mentions if m.type == "country" and m.text.lower() in words
    ]


@pytest.mark.parametrize(("text", "expected"), RELATIONS)
def test_described_states_are_parties(docs, text, expected):
    assert {(r.source, r.target, r.type) for r in docs[text]._.coopgraph_relations} == expected


def test_a_description_counts_as_a_mention_of_the_country(docs):
    doc = docs["Le Maroc a reçu le ministre qatari. Le royaume a signé un accord avec l’Algérie."]
    (morocco,) = [e for e in doc._.coopgraph_entities if e.id == "country:MA"]
    assert (morocco.label, morocco.aliases, morocco.mentions) == ("Maroc", ("Maroc", "royaume"), 2)


def test_a_description_alone_adds_its_country_and_replaces_the_place(docs):
    doc = docs["L’Hexagone a livré des frégates à la Grèce."]
    entities = {e.id: (e.label, e.aliases, e.mentions) for e in doc._.coopgraph_entities}
    assert entities["country:FR"] == ("France", ("Hexagone",), 1)
    assert not [e for e in entities if e.startswith("location:")]


def test_a_capital_read_as_a_person_is_a_place(nlp):
    doc = nlp("Washington a accusé Pékin d’espionnage.")
    assert not [e for e in doc._.coopgraph_entities if e.type == "person"]
    assert {(r.source, r.target, r.type) for r in doc._.coopgraph_relations} == {
        ("country:CN", "country:US", OPP)
    }


def test_every_periphrase_names_a_known_country():
    codes = {row["code"] for row in read_lexicon("countries")}
    for row in read_lexicon("periphrases"):
        assert {row.get("code", "MA"), *row.get("codes", ())} <= codes, row
