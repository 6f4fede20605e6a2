"""The relation rules on hand-built parses: frames and parties without the trained model.

The model-based tests (`test_extract_relations*.py`) check what the pipeline finds on
French sentences; these fix the parse by hand (`Doc(words=..., heads=..., deps=...,
ents=...)` on `spacy.blank("fr")`), so after a model upgrade a broken rule and a changed
parse no longer look the same.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extract.lexicon import slugify
from extract.records import Mention
from extract.relations.frames import FrameFinder
from extract.relations.parties import SentenceParties

# Entity labels of the hand-built Docs → our mention types.
TYPES = {"COUNTRY": "country", "PER": "person", "ORG": "organization", "LOC": "location"}


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("fr").vocab


def parsed(vocab, rows):
    """Return (doc, mentions) for rows of (word, head index, dep, IOB entity tag)."""
    words, heads, deps, ents = zip(*rows, strict=True)
    doc = Doc(vocab, words=list(words), heads=list(heads), deps=list(deps), ents=list(ents))
    mentions = [
        Mention(
            text=ent.text,
            start_char=ent.start_char,
            end_char=ent.end_char,
            sent=0,
            type=TYPES[ent.label_],
            entity=f"{TYPES[ent.label_]}:{slugify(ent.text)}",
        )
        for ent in doc.ents
    ]
    return doc, mentions


def frame_pairs(vocab, rows):
    """Return the (relation, party, party, hedged) of every frame of the one sentence."""
    doc, mentions = parsed(vocab, rows)
    [sent] = doc.sents
    parties = SentenceParties(doc, sent, mentions)
    return {
        (frame.relation, *sorted((a.text, b.text)), frame.hedged)
        for frame in FrameFinder(sent, parties, list).frames()
        for a, b in frame.pairs()
    }


# « Le Maroc et le Qatar coopèrent . »
COORDINATED_SUBJECTS = [
    ("Le", 1, "det", "O"),
    ("Maroc", 5, "nsubj", "B-COUNTRY"),
    ("et", 4, "cc", "O"),
    ("le", 4, "det", "O"),
    ("Qatar", 1, "conj", "B-COUNTRY"),
    ("coopèrent", 5, "ROOT", "O"),
    (".", 5, "punct", "O"),
]
# « Le Maroc a signé un accord avec Israël . »
PARTNER_WITH_AVEC = [
    ("Le", 1, "det", "O"),
    ("Maroc", 3, "nsubj", "B-COUNTRY"),
    ("a", 3, "aux:tense", "O"),
    ("signé", 3, "ROOT", "O"),
    ("un", 5, "det", "O"),
    ("accord", 3, "obj", "O"),
    ("avec", 7, "case", "O"),
    ("Israël", 3, "obl:arg", "B-COUNTRY"),
    (".", 3, "punct", "O"),
]
# « L’ Algérie menace le Maroc . »
THREAT = [
    ("L’", 1, "det", "O"),
    ("Algérie", 2, "nsubj", "B-COUNTRY"),
    ("menace", 2, "ROOT", "O"),
    ("le", 4, "det", "O"),
    ("Maroc", 2, "obj", "B-COUNTRY"),
    (".", 2, "punct", "O"),
]
# « Le Maroc n’ a pas signé d’ accord avec Israël . »
NEGATED = [
    ("Le", 1, "det", "O"),
    ("Maroc", 5, "nsubj", "B-COUNTRY"),
    ("n’", 5, "advmod", "O"),
    ("a", 5, "aux:tense", "O"),
    ("pas", 5, "advmod", "O"),
    ("signé", 5, "ROOT", "O"),
    ("d’", 7, "det", "O"),
    ("accord", 5, "obj", "O"),
    ("avec", 9, "case", "O"),
    ("Israël", 5, "obl:arg", "B-COUNTRY"),
    (".", 5, "punct", "O"),
]
# « Le Maroc aurait signé un accord avec Israël . »
CONDITIONAL = [(w if w != "a" else "aurait", h, d, e) for w, h, d, e in PARTNER_WITH_AVEC]
# « Le Maroc et le Qatar ont condamné la guerre . »: onlookers of a conflict, not its sides.
ONLOOKERS = [
    ("Le", 1, "det", "O"),
    ("Maroc", 6, "nsubj", "B-COUNTRY"),
    ("et", 4, "cc", "O"),
    ("le", 4, "det", "O"),
    ("Qatar", 1, "conj", "B-COUNTRY"),
    ("ont", 6, "aux:tense", "O"),
    ("condamné", 6, "ROOT", "O"),
    ("la", 8, "det", "O"),
    ("guerre", 6, "obj", "O"),
    (".", 6, "punct", "O"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (COORDINATED_SUBJECTS, {("cooperation", "Maroc", "Qatar", False)}),
        (PARTNER_WITH_AVEC, {("cooperation", "Israël", "Maroc", False)}),
        (THREAT, {("opposition", "Algérie", "Maroc", False)}),
        (NEGATED, set()),
        (CONDITIONAL, {("cooperation", "Israël", "Maroc", True)}),
        (ONLOOKERS, set()),
    ],
    ids=["coordinated-subjects", "avec-partner", "threat", "negated", "conditional", "onlookers"],
)
def test_frames_on_hand_built_parses(vocab, rows, expected):
    assert frame_pairs(vocab, rows) == expected


def parties_of(vocab, rows, index):
    doc, mentions = parsed(vocab, rows)
    [sent] = doc.sents
    parties = SentenceParties(doc, sent, mentions)
    return [m.entity for m in parties.group(doc[index])]


# « une délégation qatarie et marocaine »: a common noun stands for the states modifying it.
DELEGATION = [
    ("une", 1, "det", "O"),
    ("délégation", 1, "ROOT", "O"),
    ("qatarie", 1, "amod", "B-COUNTRY"),
    ("et", 4, "cc", "O"),
    ("marocaine", 2, "conj", "B-COUNTRY"),
]
# « Rabat et Doha ont signé » (actors) against « à Rabat » (a place).
CAPITAL_SUBJECTS = [
    ("Rabat", 4, "nsubj", "B-LOC"),
    ("et", 2, "cc", "O"),
    ("Doha", 0, "conj", "B-LOC"),
    ("ont", 4, "aux:tense", "O"),
    ("signé", 4, "ROOT", "O"),
]
CAPITAL_PLACE = [
    ("Il", 1, "nsubj", "O"),
    ("arrive", 1, "ROOT", "O"),
    ("à", 3, "case", "O"),
    ("Rabat", 1, "obl:mod", "B-LOC"),
]


@pytest.mark.parametrize(
    ("rows", "index", "expected"),
    [
        (DELEGATION, 1, ["country:qatarie", "country:marocaine"]),
        (CAPITAL_SUBJECTS, 0, ["country:MA", "country:QA"]),
        (CAPITAL_PLACE, 3, []),
    ],
    ids=["demonyms-modify-a-noun", "capitals-as-actors", "capital-as-a-place"],
)
def test_parties_on_hand_built_parses(vocab, rows, index, expected):
    assert parties_of(vocab, rows, index) == expected
