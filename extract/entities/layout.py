"""Layout: line breaks are boundaries, and page furniture is marked.

The component runs first, before the NER, so that no entity or sentence crosses a line
break ("Cyber-sécurité\\n\\nDes experts qataris" is two lines, not one organisation), and it
records the character ranges of page-furniture lines ("Lire aussi | ...", "Article
suivant", teaser lists) in `doc._.coopgraph_furniture`, so later steps can keep what they
name out of the graph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..lexicon import read_lexicon, strip_accents
from ..tokens import doc_text

# A teaser is a line cut short by the site: it ends with an ellipsis right after a word.
TEASER_END = re.compile(r"\w\s*(\.\.\.|…)\s*$")
SEPARATORS = frozenset(":|»-–—")
NEWLINE = re.compile("\n")


def iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, line) for every non-blank line of `text`, without its newline."""
    offset = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        if line.strip():
            yield offset, offset + len(line), line
        offset += len(raw)


def _fold(text: str) -> str:
    return strip_accents(text).casefold().strip()


def _fold_head(text: str) -> str:
    # Folding is character by character, so the fold of a line's head is a prefix of the
    # fold of the whole line (before its final strip).
    return strip_accents(text).casefold().lstrip()


class FurnitureRules:
    """Decide which lines of a page are furniture, from the `furniture` lexicon."""

    def __init__(self, rows: tuple[dict, ...]) -> None:
        # Longest markers first, so "À lire aussi" wins over "À lire".
        self.rows = sorted(
            ({**row, "folded": _fold(row["marker"])} for row in rows),
            key=lambda row: -len(row["folded"]),
        )
        self.markers = tuple(row["folded"] for row in self.rows)
        self.longest = max(map(len, self.markers), default=0)
        self.head_chars = self.longest + 16

    def could_start(self, line: str) -> bool:
        """Return False when no marker can open `line`, reading only its first characters."""
        if len(line) <= self.head_chars:
            return True
        head = _fold_head(line[: self.head_chars])
        # A head shorter than the longest marker cannot rule out a marker beyond it.
        return len(head) < self.longest or head.startswith(self.markers)

    def marker_of(self, line: str) -> dict | None:
        """Return the furniture row whose marker `line` starts with, or None."""
        if not self.could_start(line):
            return None
        folded = _fold(line)
        for row in self.rows:
            marker = row["folded"]
            after = folded[len(marker) :]
            if not folded.startswith(marker) or after[:1].isalnum():
                continue
            after = after.lstrip()
            if not after or not row.get("needs_separator") or after[0] in SEPARATORS:
                return row
        return None

    def scope_of(self, line: str) -> str | None:
        """Return the scope ("line", "next", "rest") of the marker `line` starts with."""
        row = self.marker_of(line)
        return row["scope"] if row is not None else None

    def marker_length(self, line: str) -> int:
        """Return how many characters of `line` its furniture marker takes (0 if none)."""
        row = self.marker_of(line)
        if row is None:
            return 0
        return len(line) - len(line.lstrip()) + len(row["marker"])

    def ranges(self, text: str, *, teasers: bool = True) -> list[tuple[int, int]]:
        """Return the (start, end) character ranges of the furniture lines of `text`."""
        found: list[tuple[int, int]] = []
        pending_next = False
        rest = False
        for start, end, line in iter_lines(text):
            if rest or pending_next:
                found.append((start, end))
                pending_next = False
                if self.scope_of(line) == "rest":
                    rest = True
                continue
            scope = self.scope_of(line)
            if scope is not None:
                found.append((start, end))
                pending_next = scope == "next"
                rest = scope == "rest"
            elif teasers and ("…" in line or "..." in line) and TEASER_END.search(line):
                found.append((start, end))
        return found


class LayoutMarker:
    """Make line breaks sentence boundaries and mark page-furniture lines."""

    def __init__(self, nlp: Language, name: str, *, teasers: bool = True) -> None:
        register_extensions()
        self.name = name
        self.teasers = teasers
        self.rules = FurnitureRules(read_lexicon("furniture"))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        # A token's trailing whitespace is one space at most, so a line break is always
        # inside a space token: visit only the tokens holding one.
        breaks = line_break_tokens(doc, text)
        if breaks:
            if doc.has_annotation("DEP"):
                raise ValueError(Errors.E043)  # as `token.is_sent_start = ...` would
            # One `from_array` call: each `token.is_sent_start = ...` scans the whole Doc.
            starts = doc.to_array(SENT_START)
            for i in breaks:
                starts[i] = 1 if i == 0 else 0  # True, or None (unknown)
                if i + 1 < len(doc):
                    starts[i + 1] = 1
            doc.from_array([SENT_START], starts)
        doc._.coopgraph_furniture = self.rules.ranges(text, teasers=self.teasers)
        return doc


def line_break_tokens(doc: Doc, text: str) -> list[int]:
    """Return the indices of the space tokens holding a line break, in order."""
    if "\n" not in text:
        return []
    columns = doc.to_array([IDX, IS_SPACE]).T.tolist()
    starts, is_space = columns
    found = dict.fromkeys(
        i
        for i in (bisect_right(starts, m.start()) - 1 for m in NEWLINE.finditer(text))
        if is_space[i]
    )
    return list(found)


@Language.factory(
    "coopgraph_layout",
    assigns=["token.is_sent_start", "doc._.coopgraph_furniture"],
    default_config={"teasers": True},
)
def make_layout_marker(nlp: Language, name: str, teasers: bool) -> LayoutMarker:
    """Build the layout marker; `teasers` also marks lines cut short with an ellipsis."""
    return LayoutMarker(nlp, name, teasers=teasers)
