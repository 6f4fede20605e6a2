"""Long documents: cut them on paragraph boundaries, and merge the pieces' results.

spaCy refuses texts longer than `nlp.max_length` (1,000,000 characters) and its memory
grows with the length of a Doc, so a document longer than `max_chars` is processed as
pieces cut at blank lines (else line breaks, else sentence ends, else spaces). The pieces'
results are merged back into one result whose character offsets and sentence numbers
point into the original text, and whose lone surnames resolve to a full name met in
another piece, as they would in one Doc.

What a cut still changes: a "rest of the page is furniture" marker only reaches the end
of its piece, and an acronym defined in one piece is merged with its long form by the
graph (organisations sharing an alias), not inside the document record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..records import DocumentResult, Mention

if TYPE_CHECKING:  # spaCy loads only where the model runs, not in a parent of workers
    from ..entities.resolver import EntityResolver

MAX_CHARS = 100_000  # well under spaCy's max_length, and a Doc of this size parses in ~1 s

# Boundaries, best first: a blank line, a line break, a sentence end, any space.
BOUNDARIES = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?…»][\"'’”)\]]*\s+"),
    re.compile(r"\s+"),
)


@dataclass(frozen=True)
class Piece:
    """The result of one piece of a document: where it starts and how many sentences it has."""

    offset: int
    sentences: int
    result: DocumentResult


def best_cut(text: str, start: int, end: int) -> int:
    """Return where to cut `text` in (start, end]: the latest, best boundary of the window.

    A boundary in the second half of the window is preferred to a better kind of boundary
    in the first half, so that pieces stay close to the maximum size.
    """
    for lowest in (start + (end - start) // 2, start + 1):
        for pattern in BOUNDARIES:
            cuts = [
                m.end() for m in pattern.finditer(text, lowest, end) if lowest <= m.end() <= end
            ]
            if cuts:
                return cuts[-1]
    return end


def split_text(text: str, *, max_chars: int = MAX_CHARS) -> list[tuple[int, int]]:
    """Return the (start, end) character ranges of the pieces of `text`, in order.

    >>> split_text("Un.\\n\\nDeux.\\n\\nTrois.", max_chars=12)
    [(0, 12), (12, 18)]
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    spans = []
    start = 0
    while len(text) - start > max_chars:
        cut = best_cut(text, start, start + max_chars)
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def shifted_mention(mention: Mention, offset: int, sentences: int, entity: str) -> Mention:
    """Return `mention` moved into the whole text's offsets and sentence numbers."""
    return replace(
        mention,
        start_char=mention.start_char + offset,
        end_char=mention.end_char + offset,
        sent=mention.sent + sentences,
        entity=entity,
    )


def person_ids(pieces: Sequence[Piece]) -> dict[str, str]:
    """Return piece-level person id → document-level id, resolving lone names across pieces."""
    from ..entities.resolver import name_key, person_key

    full_names = {}
    for piece in pieces:
        for mention in piece.result.mentions:
            if mention.type == "person" and len(mention.text.split()) > 1:
                full_names.setdefault(name_key(mention.text), mention.text)
    remap = {}
    for piece in pieces:
        for mention in piece.result.mentions:
            if mention.type == "person":
                key = f"person:{person_key(mention.text, full_names)}"
                if key != mention.entity:
                    remap[mention.entity] = key
    return remap


def merge_pieces(resolver: EntityResolver, pieces: Sequence[Piece]) -> DocumentResult:
    """Return the result of a whole document from the results of its pieces, in order."""
    first = pieces[0].result
    if len(pieces) == 1:
        return first
    remap = person_ids(pieces)
    mentions, relations = [], []
    sentences = 0
    for piece in pieces:
        for m in piece.result.mentions:
            mentions.append(
                shifted_mention(m, piece.offset, sentences, remap.get(m.entity, m.entity))
            )
        for r in piece.result.relations:
            relations.append(
                replace(
                    r,
                    source=remap.get(r.source, r.source),
                    target=remap.get(r.target, r.target),
                    start_char=r.start_char + piece.offset,
                    end_char=r.end_char + piece.offset,
                )
            )
        sentences += piece.sentences
    relations = [r for r in relations if r.source != r.target]
    return replace(
        first, mentions=mentions, entities=resolver.entities(mentions), relations=relations
    )
