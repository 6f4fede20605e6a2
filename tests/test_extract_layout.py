"""Layout: line breaks are boundaries; page-furniture lines are marked and kept out of the graph."""

from __future__ import annotations

import pytest

from extract.engine.documents import doc_result
from extract.entities.layout import FurnitureRules
from extract.lexicon import read_lexicon
from extract.records import Document
from graph import build_graph


def furniture_lines(text: str) -> list[str]:
    rules = FurnitureRules(read_lexicon("furniture"))
    return [text[a:b] for a, b in rules.ranges(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le texte.\nLire aussi | Un autre sujet\nLa suite.", ["Lire aussi | Un autre sujet"]),
        (
            "Le texte.\nÀ lire : Les commandos s’entraînent\nLa suite.",
            ["À lire : Les commandos s’entraînent"],
        ),
        ("Le texte.\nLire la suite de l’entretien ci-dessous.", []),
        (
            "Le texte.\nArticle précédent\n\nUn titre\nArticle suivant\nUn autre titre",
            ["Article précédent", "Un titre", "Article suivant", "Un autre titre"],
        ),
        (
            "Le texte.\nAller plus loin\nPremier titre\nSecond titre",
            ["Aller plus loin", "Premier titre", "Second titre"],
        ),
        (
            "Le texte.\nCes articles devraient vous intéresser :\nUn titre",
            ["Ces articles devraient vous intéresser :", "Un titre"],
        ),
        (
            "Le texte.\nUn résumé coupé par le site qui se...\nLa suite.",
            ["Un résumé coupé par le site qui se..."],
        ),
    ],
)
def test_furniture_lines(text, expected):
    assert furniture_lines(text) == expected


CASES = [
    ("Cyber-sécurité\n\nDes experts qataris visitent le Maroc.", {"country:QA", "country:MA"}),
    (
        "Coopération\nLe Centre national de cybersécurité\nqatari a publié un rapport.",
        {"org:centre-national-de-cybersecurite", "country:QA"},
    ),
    ("Abdellatif Hammouchi\nHammouchi a reçu la délégation.", {"person:abdellatif-hammouchi"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_no_entity_crosses_a_line(docs, text, expected):
    doc = docs[text]
    assert {e.id for e in doc._.coopgraph_entities} == expected
    assert all("\n" not in m.text for m in doc._.coopgraph_mentions)
    assert all("\n" not in sent.text.strip() for sent in doc.sents)


FURNITURE_TEXT = (
    "Le Maroc coopère avec le Qatar.\n"
    "Lire aussi | La Turquie et l’Algérie signent un accord\n"
    "La suite de l’article.\n"
    "Article précédent\n\n"
    "La DGSN lance un nouveau service"
)


def test_furniture_entities_are_marked_and_left_out_of_the_graph(nlp):
    doc = nlp(FURNITURE_TEXT)
    flags = {e.id: e.furniture for e in doc._.coopgraph_entities if e.type != "location"}
    assert flags == {
        "country:MA": False,
        "country:QA": False,
        "country:TR": True,
        "country:DZ": True,
        "org:dgsn-ma": True,
    }
    record = doc_result(doc, Document(id="a", text=FURNITURE_TEXT)).to_dict()
    assert sorted(build_graph([record]).nodes) == ["country:MA", "country:QA"]
    assert sorted(build_graph([record], keep_furniture=True).nodes) == [
        "country:DZ",
        "country:MA",
        "country:QA",
        "country:TR",
        "org:dgsn-ma",
    ]


def test_furniture_marker_words_are_not_entities(nlp):
    doc = nlp("Le texte.\nLire aussi | Le Maroc\nÀ lire : Le Qatar\nPartager : Israël")
    assert all(m.text not in {"Lire", "À lire", "Partager"} for m in doc._.coopgraph_mentions)
    assert {e.id for e in doc._.coopgraph_entities} == {"country:MA", "country:QA", "country:IL"}
