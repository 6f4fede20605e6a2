"""Mislabel rules: products, headings, rubric words, glued clitics, demonym descriptions."""

from __future__ import annotations

import pytest

GRAPH_TYPES = {"person", "organization", "country"}

CASES = [
    # products with a model designation
    ("Le Maroc a commandé des drones Bayraktar TB-2 à la Turquie.", {"country:MA", "country:TR"}),
    ("Les F-16 et les S-400 ont été livrés à l’Égypte.", {"country:EG"}),
    # headings and rubric words
    ("Cyber-sécurité\nLe Maroc forme des experts.", {"country:MA"}),
    ("Vidéo | Le Maroc reçoit le Qatar", {"country:MA", "country:QA"}),
    # a country name with a glued clitic
    ("Les commandos d’Israëlse sont entraînés au Maroc.", {"country:IL", "country:MA"}),
    ("Les troupes du Marocse sont repliées vers le sud.", {"country:MA"}),
    ("Les soldats d’Israëls’étaient entraînés avec la Jordanie.", {"country:IL", "country:JO"}),
    # demonym-anchored descriptions are the country, not an organisation
    ("Le ministère qatari de l’Intérieur a signé la convention.", {"country:QA"}),
    ("La police marocaine a arrêté trois suspects.", {"country:MA"}),
    ("Ygal Unna dirige la cyber-direction israélienne.", {"person:ygal-unna", "country:IL"}),
    (
        "Le Centre national de cybersécurité qatari a publié un rapport.",
        {"org:centre-national-de-cybersecurite-qatari", "country:QA"},
    ),
    # units, roman numerals, all-capital headlines
    ("La centrale solaire produit 500 MW pour le Maroc.", {"country:MA"}),
    ("Le roi Mohammed VI a reçu le ministre.", {"person:mohammed-vi"}),
    (
        "LE MAROC ET LE QATAR RENFORCENT LEUR COOPÉRATION\nLe texte suit.",
        {"country:MA", "country:QA"},
    ),
    # a person's name containing a country name is the person
    ("Maurice Papon a été jugé à Bordeaux.", {"person:maurice-papon"}),
    ("Salvador Dalí est né en Espagne.", {"person:salvador-dali", "country:ES"}),
    ("Dominique a répondu aux questions des journalistes.", {"person:dominique"}),
    # a courtesy title introduces a name the model missed; the title is not part of it
    ("M. Nasser Bourita s’est rendu à Doha.", {"person:nasser-bourita"}),
]


@pytest.fixture(scope="module")
def docs(nlp):
    texts = [text for text, _ in CASES]
    return dict(zip(texts, nlp.pipe(texts), strict=True))


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_graph_entities_in_sentence(docs, text, expected):
    assert {e.id for e in docs[text]._.coopgraph_entities if e.type in GRAPH_TYPES} == expected


def test_glued_clitic_keeps_the_written_form_as_alias(docs):
    doc = docs["Les commandos d’Israëlse sont entraînés au Maroc."]
    israel = next(e for e in doc._.coopgraph_entities if e.id == "country:IL")
    assert israel.aliases == ("Israëlse",)


@pytest.mark.parametrize("words", [["\ufffd"], ["2022"], ["«", "»"]])
def test_a_span_without_letters_is_no_name(words):
    import spacy

    from extract.mentions import trim_span

    doc = spacy.blank("fr").make_doc(" ".join(words))
    assert trim_span(doc[:], titles=frozenset()) is None
