"""Per-token attributes of a Doc, read once into plain lists.

Every `doc[i]`, `for token in doc` and `span.text` builds new Python objects (a `Token`
per access, a string per `.text`); the rules in `extract/` look at each token many
times, so they read these lists instead, filled by one `Doc.to_array` call.
"""

from __future__ import annotations

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, IS_TITLE, LIKE_NUM, ORTH, SPACY
from spacy.tokens import Doc

ATTRS = [ORTH, SPACY, IDX, IS_PUNCT, IS_SPACE, IS_TITLE, LIKE_NUM]


def doc_text(doc: Doc) -> str:
    """Return `doc.text`, built from the string store rather than from `Token` objects."""
    if not len(doc):
        return ""
    strings = doc.vocab.strings
    orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist()
    return "".join(
        [strings[o] + " " if space else strings[o] for o, space in zip(orths, spaces, strict=True)]
    )


class TokenTable:
    """The text, offsets and flags of every token of a Doc, as Python lists."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        columns = doc.to_array(ATTRS).T.tolist() if len(doc) else [[] for _ in ATTRS]
        orths, spaces, starts, self.is_punct, self.is_space, self.is_title, self.like_num = columns
        strings = doc.vocab.strings
        self.texts: list[str] = [strings[orth] for orth in orths]
        self.text = "".join(
            [text + " " if space else text for text, space in zip(self.texts, spaces, strict=True)]
        )
        self.starts: list[int] = starts
        self.ends = [start + len(text) for start, text in zip(starts, self.texts, strict=True)]
        # Token.lower_ is the lexeme's LOWER attribute: `str.lower` of its text.
        self.lowers = [text.lower() for text in self.texts]

    def __len__(self) -> int:
        return len(self.texts)

    def span_text(self, start: int, end: int) -> str:
        """Return the text of tokens [start, end), as `doc[start:end].text` does."""
        if start >= end:
            return ""
        return self.text[self.starts[start] : self.ends[end - 1]]
