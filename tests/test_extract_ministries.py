"""A ministry named with its state is an organisation of that state (pipeline tests).

Each case is a sentence of our own, the exact organisation ids the pipeline gives it and
the exact relations that involve a ministry or the person serving one.
"""

from __future__ import annotations

import pytest

CASES = [
    # The demonym before or after the portfolio, or the state after « de »: one key.
    (
        "Le ministère chilien de la Défense a signé un contrat avec Thales.",
        ["org:ministere-defense-cl", "org:thales"],
        {
            ("org:ministere-defense-cl", "country:CL", "part_of"),
            ("org:ministere-defense-cl", "org:thales", "cooperation"),
        },
    ),
    (
        "Le ministère de la Défense chilien a conclu un accord avec Naval Group.",
        ["org:ministere-defense-cl", "org:naval-group"],
        {
            ("org:ministere-defense-cl", "country:CL", "part_of"),
            ("org:ministere-defense-cl", "org:naval-group", "cooperation"),
        },
    ),
    (
        "Le ministère des Affaires étrangères du Portugal a publié un communiqué.",
        ["org:ministere-affaires-etrangeres-pt"],
        {("org:ministere-affaires-etrangeres-pt", "country:PT", "part_of")},
    ),
    # The person serving the ministry serves it and its state.
    (
        "Rui Barreto, porte-parole du ministère portugais de l’Intérieur, a démenti l’information.",
        ["org:ministere-interieur-pt"],
        {
            ("org:ministere-interieur-pt", "country:PT", "part_of"),
            ("person:rui-barreto", "org:ministere-interieur-pt", "affiliation"),
            ("person:rui-barreto", "country:PT", "affiliation"),
        },
    ),
    # Near misses: no state, no ministry node; a minister is no ministry.
    ("Le ministère de la Défense a signé un contrat avec Thales.", ["org:thales"], set()),
    (
        "Le ministre chilien de la Défense a signé un contrat avec Thales.",
        ["org:thales"],
        {("country:CL", "org:thales", "cooperation")},
    ),
    # A ministry the text defines with an acronym is named by it.
    (
        "Le ministère portugais de la Défense nationale (MDN) a démenti.",
        ["org:mdn"],
        {("org:mdn", "country:PT", "part_of")},
    ),
]


@pytest.mark.parametrize(("text", "organisations", "relations"), CASES)
def test_ministry_entities(docs, text, organisations, relations):
    ids = sorted(e.id for e in docs[text]._.coopgraph_entities if e.type == "organization")
    assert ids == organisations


@pytest.mark.parametrize(("text", "organisations", "relations"), CASES)
def test_ministry_relations(relations_of, text, organisations, relations):
    assert {(r.source, r.target, r.type) for r in relations_of[text]} == relations
