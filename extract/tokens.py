"""Per-token attributes of a Doc, read once into plain lists.

Every `doc[i]`, `for token in doc` and `span.text` builds new Python objects (a `Token`
per access, a string per `.text`); the rules in `extract/` look at each token many
times, so they read these lists instead. The attributes they read (text, lower case,
punctuation, space, title case, number) belong to the word type, not to the token, so
they are looked up once per word type (`Lexicon`) and shared by every Doc.
"""

from __future__ import annotations

from functools import cached_property

import numpy
from spacy.attrs import IDX, ORTH, SENT_START, SPACY
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Word types remembered by a `Lexicon` before it starts afresh, so memory stays flat.
LEXICON_SIZE = 200_000

WordType = tuple[str, str, bool, bool, bool, bool]  # text, lower, punct, space, title, num


class Lexicon:
    """The attributes of each word type of one vocabulary, read once per type."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.types: dict[int, WordType] = {}

    def word_types(self, orths: list[int]) -> list[WordType]:
        """Return the attributes of each word type in `orths`, in order."""
        types = self.types
        if len(types) > LEXICON_SIZE:
            types.clear()
        found = list(map(types.get, orths))
        if None in found:
            for i, orth in enumerate(orths):
                if found[i] is None:
                    found[i] = types.get(orth) or self.add(orth)
        return found

    def add(self, orth: int) -> WordType:
        """Remember and return the attributes of one word type."""
        # Token.text, .lower_, .is_punct... read these same lexeme attributes.
        lex = self.vocab[orth]
        found = (lex.orth_, lex.lower_, lex.is_punct, lex.is_space, lex.is_title, lex.like_num)
        self.types[orth] = found
        return found


def doc_text(doc: Doc) -> str:
    """Return `doc.text`, built from the string store rather than from `Token` objects."""
    if not len(doc):
        return ""
    strings = doc.vocab.strings
    orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist()
    return "".join(
        [strings[o] + " " if space else strings[o] for o, space in zip(orths, spaces, strict=True)]
    )


def sentence_numbers(doc: Doc) -> list[int]:
    """Return, for each token, the number of its sentence, as `doc.sents` cuts them.

    A sentence starts at every token after the first whose `sent_start` is 1.
    """
    if not len(doc):
        return []
    starts = doc.to_array(SENT_START) == 1
    starts[0] = False
    return numpy.cumsum(starts).tolist()


class TokenTable:
    """The text, offsets and flags of every token of a Doc, as Python sequences.

    Each column is read on first use, so a component pays only for what it looks at.
    """

    def __init__(self, doc: Doc, lexicon: Lexicon | None = None) -> None:
        self.doc = doc
        self.lexicon = lexicon or Lexicon(doc.vocab)

    def __len__(self) -> int:
        return len(self.doc)

    @cached_property
    def types(self) -> list[WordType]:
        """The word type of each token."""
        orths = self.doc.to_array(ORTH).tolist() if len(self.doc) else []
        return self.lexicon.word_types(orths)

    @cached_property
    def columns(self) -> list[tuple]:
        """The six attributes of `WordType`, each as a tuple over the tokens."""
        return list(zip(*self.types, strict=True)) if self.types else [()] * 6

    @cached_property
    def texts(self) -> tuple[str, ...]:
        """`token.text` of each token."""
        return self.columns[0]

    @cached_property
    def lowers(self) -> tuple[str, ...]:
        """`token.lower_` of each token."""
        return self.columns[1]

    @cached_property
    def is_punct(self) -> tuple[bool, ...]:
        """`token.is_punct` of each token."""
        return self.columns[2]

    @cached_property
    def is_space(self) -> tuple[bool, ...]:
        """`token.is_space` of each token."""
        return self.columns[3]

    @cached_property
    def is_title(self) -> tuple[bool, ...]:
        """`token.is_title` of each token."""
        return self.columns[4]

    @cached_property
    def like_num(self) -> tuple[bool, ...]:
        """`token.like_num` of each token."""
        return self.columns[5]

    @cached_property
    def starts(self) -> list[int]:
        """`token.idx` of each token."""
        return self.doc.to_array(IDX).tolist() if len(self.doc) else []

    @cached_property
    def ends(self) -> list[int]:
        """`token.idx + len(token)` of each token."""
        return [start + len(text) for start, text in zip(self.starts, self.texts, strict=True)]

    @cached_property
    def text(self) -> str:
        """`doc.text`."""
        spaces = self.doc.to_array(SPACY).tolist() if len(self.doc) else []
        return "".join(
            [text + " " if space else text for text, space in zip(self.texts, spaces, strict=True)]
        )

    def span_text(self, start: int, end: int) -> str:
        """Return the text of tokens [start, end), as `doc[start:end].text` does."""
        if start >= end:
            return ""
        return self.text[self.starts[start] : self.ends[end - 1]]
