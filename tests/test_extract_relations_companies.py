"""Companies: a joint venture is cooperation; a name after a group noun and a demonym is the group's."""

from __future__ import annotations

import pytest

AIRBUS, THALES, LEONARDO = "org:airbus", "org:thales", "org:leonardo"

CASES = [
    (
        "Airbus et Thales ont annoncé la création d’une coentreprise avec le groupe italien "
        "Leonardo.",
        {(AIRBUS, LEONARDO, "cooperation"), (LEONARDO, THALES, "cooperation")},
    ),
    (
        "Renault a créé une co-entreprise avec Nissan en Inde.",
        {("org:nissan", "org:renault", "cooperation")},
    ),
    # Near miss: a joint venture with nobody named.
    ("Le groupe Safran a annoncé la création d’une coentreprise.", set()),
]

ENTITIES = [
    ("Le parti espagnol Vox a dénoncé l’accord.", ["country:ES", "org:vox"]),
    # A rank and a demonym before a name: a person still.
    ("Le ministre a reçu le général italien Marco Rossi.", ["country:IT", "person:marco-rossi"]),
]

TEXTS = [text for text, _ in CASES + ENTITIES]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_joint_venture_relations(relations_of, text, expected):
    assert {(r.source, r.target, r.type) for r in relations_of[text]} == expected


@pytest.mark.parametrize(("text", "expected"), ENTITIES)
def test_name_after_group_noun_and_demonym(docs, text, expected):
    assert sorted(e.id for e in docs[text]._.coopgraph_entities if e.type != "location") == expected
