"""Opposition stated around the conflict word: misattached "contre", noun predicates,
coordinated verbs after a capital, territorial claims and conquests, supporters' clashes."""

from __future__ import annotations

import pytest

OPP, PART = "opposition", "part_of"
TD, SD, IL, NE, ML = "country:TD", "country:SD", "country:IL", "country:NE", "country:ML"
RU, UA, TR, GR, KR, KP, LB = (
    "country:RU",
    "country:UA",
    "country:TR",
    "country:GR",
    "country:KR",
    "country:KP",
    "country:LB",
)


def rel(kind, *pairs):
    """Return the triples of (a, b) pairs of one type, oriented the way the extractor does."""
    return {(*sorted(pair), kind) for pair in pairs}


CASES = [
    # "les accusations de X contre Y": the parser hangs "contre Y" on the name X.
    (
        "La visite intervient deux jours après les accusations du Tchad contre l’armée "
        "soudanaise, accusée d’exactions.",
        rel(OPP, (TD, "org:fas")) | {("org:fas", SD, PART)},
    ),
    ("La lutte du Tchad contre le terrorisme se poursuit.", set()),
    # A threat as the predicate noun: "menace" is no verb there.
    ("Le Hamas est une menace pour Israël.", rel(OPP, ("org:hamas", IL))),
    ("Le Niger n’est pas une menace pour le Mali.", set()),
    # A capital as the subject of two coordinated verbs; the first one's denial is its own.
    ("Moscou dément et accuse en retour l’Ukraine de mentir.", rel(OPP, (RU, UA))),
    ("Moscou a démenti et a accusé l’Ukraine de mentir.", rel(OPP, (RU, UA))),
    ("Ankara proteste et accuse Athènes de provocation.", rel(OPP, (TR, GR))),
    ("Séoul accuse Pyongyang de provocations.", rel(OPP, (KR, KP))),
    ("Moscou dément avoir attaqué l’Ukraine.", set()),
    ("Israël dément toute attaque contre le Liban.", set()),
    ("Le sommet s’est tenu à Séoul avec le Japon.", set()),
]


def triples(relations):
    return {(r.source, r.target, r.type) for r in relations}


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_relations_are_exactly(relations_of, text, expected):
    assert triples(relations_of[text]) == expected
    assert not any(r.hedged for r in relations_of[text])


def test_the_first_of_two_verbs_after_a_name_becomes_the_root(docs):
    doc = docs["Moscou dément et accuse en retour l’Ukraine de mentir."]
    assert [(t.text, t.dep_, t.head.text) for t in doc[:4]] == [
        ("Moscou", "nsubj", "dément"),
        ("dément", "ROOT", "dément"),
        ("et", "cc", "accuse"),
        ("accuse", "conj", "dément"),
    ]
