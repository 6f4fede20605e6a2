"""Layout: line breaks are boundaries, and page furniture is marked.

The component runs first, before the NER, so that no entity or sentence crosses a line
break ("Cyber-sécurité\\n\\nDes experts qataris" is two lines, not one organisation), and it
records the character ranges of page-furniture lines ("Lire aussi | ...", "Article
suivant", teaser lists) in `doc._.coopgraph_furniture`, so later steps can keep what they
name out of the graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import register_extensions
from .lexicon import read_lexicon, strip_accents

# A teaser is a line cut short by the site: it ends with an ellipsis right after a word.
TEASER_END = re.compile(r"\w\s*(\.\.\.|…)\s*$")
SEPARATORS = frozenset(":|»-–—")


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


class FurnitureRules:
    """Decide which lines of a page are furniture, from the `furniture` lexicon."""

    def __init__(self, rows: tuple[dict, ...]) -> None:
        # Longest markers first, so "À lire aussi" wins over "À lire".
        self.rows = sorted(
            ({**row, "folded": _fold(row["marker"])} for row in rows),
            key=lambda row: -len(row["folded"]),
        )

    def marker_of(self, line: str) -> dict | None:
        """Return the furniture row whose marker `line` starts with, or None."""
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
            elif teasers and TEASER_END.search(line):
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
        for token in doc:
            if "\n" in token.text and token.is_space:
                token.is_sent_start = token.i == 0 or None
                if token.i + 1 < len(doc):
                    doc[token.i + 1].is_sent_start = True
            elif "\n" in doc[token.i - 1].whitespace_ and token.i > 0:
                token.is_sent_start = True
        doc._.coopgraph_furniture = self.rules.ranges(doc.text, teasers=self.teasers)
        return doc


@Language.factory(
    "coopgraph_layout",
    assigns=["token.is_sent_start", "doc._.coopgraph_furniture"],
    default_config={"teasers": True},
)
def make_layout_marker(nlp: Language, name: str, teasers: bool) -> LayoutMarker:
    """Build the layout marker; `teasers` also marks lines cut short with an ellipsis."""
    return LayoutMarker(nlp, name, teasers=teasers)
