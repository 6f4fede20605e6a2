"""Opposition rules beside the trigger frames, on hand-built parses (no trained model)."""

from __future__ import annotations

import pytest
from test_extract_relation_rules import frame_pairs, vocab  # noqa: F401  (fixture)

# « La tension qui règne entre la Grèce et la Turquie persiste . »
RELATIVE_CLAUSE_SIDES = [
    ("La", 1, "det", "O"),
    ("tension", 10, "nsubj", "O"),
    ("qui", 3, "nsubj", "O"),
    ("règne", 1, "acl:relcl", "O"),
    ("entre", 6, "case", "O"),
    ("la", 6, "det", "O"),
    ("Grèce", 3, "obl:arg", "B-COUNTRY"),
    ("et", 9, "cc", "O"),
    ("la", 9, "det", "O"),
    ("Turquie", 6, "conj", "B-COUNTRY"),
    ("persiste", 10, "ROOT", "O"),
    (".", 10, "punct", "O"),
]
# « L’ OPL , qui s’ oppose au régime iranien . », the relative clause cut from its name.
CUT_RELATIVE = [
    ("L’", 1, "det", "O"),
    ("OPL", 5, "obl:mod", "B-ORG"),
    (",", 5, "punct", "O"),
    ("qui", 5, "nsubj", "O"),
    ("s’", 5, "expl:comp", "O"),
    ("oppose", 5, "ROOT", "O"),
    ("au", 7, "case", "O"),
    ("régime", 5, "obl:arg", "O"),
    ("iranien", 7, "amod", "B-COUNTRY"),
    (".", 5, "punct", "O"),
]
# « Le Japon soutient l’ aide à l’ Ukraine face à la guerre menée par la Russie . »: the
# war is Russia's against the one aided; who backs the aid is no side of it here.
SUPPORT_AGAINST_A_WAR = [
    ("Le", 1, "det", "O"),
    ("Japon", 2, "nsubj", "B-COUNTRY"),
    ("soutient", 2, "ROOT", "O"),
    ("l’", 4, "det", "O"),
    ("aide", 2, "obj", "O"),
    ("à", 7, "case", "O"),
    ("l’", 7, "det", "O"),
    ("Ukraine", 4, "nmod", "B-COUNTRY"),
    ("face", 11, "case", "O"),
    ("à", 8, "fixed", "O"),
    ("la", 11, "det", "O"),
    ("guerre", 4, "nmod", "O"),
    ("menée", 11, "acl", "O"),
    ("par", 15, "case", "O"),
    ("la", 15, "det", "O"),
    ("Russie", 12, "obl:agent", "B-COUNTRY"),
    (".", 2, "punct", "O"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (RELATIVE_CLAUSE_SIDES, {("opposition", "Grèce", "Turquie", False)}),
        (CUT_RELATIVE, {("opposition", "OPL", "iranien", False)}),
        (
            SUPPORT_AGAINST_A_WAR,
            {
                ("cooperation", "Japon", "Ukraine", False),
                ("opposition", "Russie", "Ukraine", False),
            },
        ),
    ],
    ids=["sides-in-a-relative-clause", "qui-cut-from-its-name", "support-against-a-war"],
)
def test_opposition_rules_on_hand_built_parses(vocab, rows, expected):  # noqa: F811
    assert frame_pairs(vocab, rows) == expected
