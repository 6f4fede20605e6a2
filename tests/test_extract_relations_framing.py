"""A state framing its sentence owns the state bodies named without a state (pipeline tests)."""

from __future__ import annotations

import pytest

CASES = [
    (
        "Au Sénégal, la Gendarmerie nationale a démantelé un réseau de passeurs.",
        {("org:gendarmerie-nationale", "country:SN", "part_of")},
    ),
    (
        "En Espagne, la Garde civile et la Police nationale ont mené une opération commune.",
        {
            ("org:guardia-civil", "org:police-nationale", "cooperation"),
            ("org:guardia-civil", "country:ES", "part_of"),
            ("org:police-nationale", "country:ES", "part_of"),
        },
    ),
    # Near misses: a body with its own state, an international body, a place at the end.
    ("En Espagne, la police française a arrêté deux suspects.", set()),
    ("En Irak, l’OTAN a formé des officiers de l’armée.", set()),
    ("La Gendarmerie nationale a démantelé un réseau au Sénégal.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_framing_state_owns_its_bodies(relations_of, text, expected):
    assert {(r.source, r.target, r.type) for r in relations_of[text]} == expected
