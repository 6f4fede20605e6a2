"""What is not a name: the shape rules that drop spans the model tags by mistake.

Each rule looks at the shape of the text (case, digits, line position, the words around
a span), never at lists of particular names; `extract.entities.mentions` applies them to
the model's entities and to the acronyms it missed:

- a model designation ("Bayraktar TB-2", "F-16") is a product (`is_product`);
- a short line that is only one name is a heading (`is_heading`), a word before a rubric
  bar a label (`is_rubric`), a name inside a furniture marker page furniture;
- a capitalised word opening a line before a comma or dash is a dateline (`is_dateline`);
- a weekday, a month or a feast is a date (`is_calendar_word`); a word completing a rank
  (« général d'Armée ») is part of the title (`in_rank`);
- a portfolio after "ministre de" is no organisation (`is_portfolio`);
- a lower-case description anchored by a demonym is the country (`anchored_description`);
- a credit (« Photo : X / AFP ») names no one the article speaks of (`credit_ranges`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from ..lexicon import read_lexicon, slugify
from ..tokens import TokenTable
from .layout import FurnitureRules
from .name_spans import ARTICLES

# A model designation: letters, an optional hyphen, digits ("TB-2", "F-16", "A320", "Su-35").
PRODUCT_CODE = re.compile(r"^[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Z]?$")
CREDIT_IN_PARENTHESES = re.compile(r"\((?=[^()\n]*[A-Za-zÀ-ÿ]/[A-Za-zÀ-ÿ])[^()\n]{3,120}\)")
RUBRIC_BARS = frozenset({"|", "•"})
HEADING_MAX_TOKENS = 3
PORTFOLIO_LINKS = frozenset({"de", "du", "des", "d'", "d’"})
PORTFOLIO_REACH = 8  # tokens back from « et de » where the first portfolio's head may be
# A line opening with one of these words, then ":" or "/", credits a picture or a source.
CREDIT_WORDS = frozenset(
    {"photo", "photos", "crédit", "crédits", "credit", "illustration", "image", "images", "source"}
)
DATELINE_SEPARATORS = frozenset({",", "–", "—", "-"})
# What follows « général de », « capitaine de »: part of the rank (« général d'Armée »).
RANK_COMPLEMENTS = frozenset(
    {"armée", "brigade", "division", "corps", "vaisseau", "frégate", "corvette", "escadre"}
)
SHOUTING_MIN_LETTERS = 12


@cache
def title_words() -> frozenset[str]:
    """Return the lower-cased titles that precede a name but are not part of it."""
    return frozenset(row["title"].lower() for row in read_lexicon("titles"))


@cache
def portfolio_heads() -> frozenset[str]:
    """Return the words after which a capitalised name is a portfolio ("ministre de ...")."""
    return frozenset(row["word"] for row in read_lexicon("portfolio_heads"))


def is_portfolio(tokens: TokenTable, start: int) -> bool:
    """Return True for a name right after "ministre de", "ministère des": a portfolio.

    "Intérieur" or "Affaires étrangères" names a department of every government: as a
    node it would join the French and the Moroccan ministries, and their ministers. A
    qualifier may stand between the head and its "de" (« ministre letton de la Défense »,
    « ministre délégué de l’Intérieur »).
    """
    i = start - 1
    while i >= 0 and start - i <= 3 and tokens.lowers[i] in ARTICLES:
        i -= 1
    if start - i < 2 or i < 0:
        return False
    if is_portfolio_head(tokens.lowers[i]):
        return True
    if i > 0 and is_portfolio_head(tokens.lowers[i - 1]) and is_qualifier(tokens, i):
        return True
    # A second portfolio: « ministre des Affaires étrangères et de la Coopération ».
    if tokens.lowers[i] != "et" or not any(w in PORTFOLIO_LINKS for w in tokens.lowers[i:start]):
        return False
    for j in range(i - 1, max(i - PORTFOLIO_REACH, -1), -1):
        if is_portfolio_head(tokens.lowers[j]):
            return True
        if tokens.is_punct[j] or "\n" in tokens.texts[j]:
            return False
    return False


def is_qualifier(tokens: TokenTable, i: int) -> bool:
    """Return True for a lower-case adjective on the word before it (« letton », « délégué »)."""
    token = tokens.doc[i]
    return tokens.texts[i].isalpha() and tokens.texts[i].islower() and token.dep_ == "amod"


def is_portfolio_head(lower: str) -> bool:
    """Return True for "ministre", "ministère" and their compounds ("vice-ministre")."""
    heads = portfolio_heads()
    return lower in heads or lower.rsplit("-", 1)[-1] in heads


@cache
def furniture_rules() -> FurnitureRules:
    """Return the furniture rules, built once."""
    return FurnitureRules(read_lexicon("furniture"))


@cache
def calendar_words() -> frozenset[str]:
    """Return the folded weekdays, months and feasts (« Jeudi », « Mars », « Aïd el-Fitr »)."""
    return frozenset(slugify(row["word"]) for row in read_lexicon("calendar_words"))


def is_calendar_word(text: str) -> bool:
    """Return True for a weekday, a month or a feast: a date, never a name.

    >>> is_calendar_word("Jeudi"), is_calendar_word("aïd el-Fitr"), is_calendar_word("Jeudi 12")
    (True, True, True)
    """
    words = slugify(text).split("-")
    while words and words[-1].isdigit():
        words.pop()
    return "-".join(words) in calendar_words()


def is_dateline(tokens: TokenTable, i: int) -> bool:
    """Return True for a capitalised word opening a line before a comma or dash: a dateline.

    « NAIROBI, vendredi 11 octobre – » names the place a dispatch comes from.
    """
    opens_line = i == 0 or "\n" in tokens.texts[i - 1]
    return opens_line and i + 1 < len(tokens) and tokens.texts[i + 1] in DATELINE_SEPARATORS


def in_rank(tokens: TokenTable, start: int, end: int) -> bool:
    """Return True for a word completing a military rank: « Général d'Armée »."""
    return (
        end - start == 1
        and start >= 2
        and tokens.lowers[start] in RANK_COMPLEMENTS
        and tokens.lowers[start - 1] in ("de", "d'", "d’")
        and tokens.lowers[start - 2] in title_words()
    )


def is_product(tokens: TokenTable, start: int, end: int, label: str) -> bool:
    """Return True when tokens [start, end) carry a model designation ("Bayraktar TB-2").

    A lone code without hyphen ("M23", "G20") is left to the model when it says ORG.
    """
    for text in tokens.texts[start:end]:
        if PRODUCT_CODE.match(text):
            return end - start > 1 or "-" in text or label != "ORG"
    return False


class Lines:
    """The lines of a Doc's text, computed once (`doc.text` rebuilds the string each time)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self.markers: dict[int, int] = {}
        self.shouting: dict[int, bool] = {}

    def bounds(self, position: int) -> tuple[int, int]:
        """Return the (start, end) offsets of the line holding character `position`."""
        index = bisect_right(self.starts, position) - 1
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return start, end

    def line(self, position: int) -> str:
        """Return the line holding character `position`, without its newline."""
        start, end = self.bounds(position)
        return self.text[start:end]

    def marker_end(self, position: int) -> int:
        """Return where the furniture marker of the line of `position` ends (line start if none)."""
        start, end = self.bounds(position)
        if start not in self.markers:
            self.markers[start] = start + furniture_rules().marker_length(self.text[start:end])
        return self.markers[start]

    def is_shouting(self, position: int) -> bool:
        """Return True when the line of `position` is all capitals (a heading)."""
        start, end = self.bounds(position)
        if start not in self.shouting:
            letters = [c for c in self.text[start:end] if c.isalpha()]
            self.shouting[start] = len(letters) > SHOUTING_MIN_LETTERS and all(
                c.isupper() for c in letters
            )
        return self.shouting[start]


def is_heading(tokens: TokenTable, start: int, end: int, lines: Lines) -> bool:
    """Return True when tokens [start, end) are all of a short line without sentence punctuation."""
    line = lines.line(tokens.starts[start]).strip()
    words = end - start - sum(tokens.is_space[start:end])
    return (
        line == tokens.span_text(start, end).strip()
        and words <= HEADING_MAX_TOKENS
        and line[-1:] not in ".!?"
    )


def is_rubric(tokens: TokenTable, start: int, end: int) -> bool:
    """Return True for a one-word label opening a line before a bar ("Vidéo | ...")."""
    opens_line = start == 0 or "\n" in tokens.texts[start - 1]
    return opens_line and end < len(tokens) and tokens.texts[end] in RUBRIC_BARS


def in_furniture_marker(position: int, lines: Lines) -> bool:
    """Return True when character `position` is inside the marker of a furniture line."""
    return position < lines.marker_end(position)


def line_pieces(tokens: TokenTable, start: int, end: int) -> list[tuple[int, int]]:
    """Cut tokens [start, end) at line breaks and rubric bars: a name never runs across them."""
    pieces = []
    for i in range(start, end):
        text = tokens.texts[i]
        if "\n" in text or text in RUBRIC_BARS:
            if i > start:
                pieces.append((start, i))
            start = i + 1
    if end > start:
        pieces.append((start, end))
    return pieces


def anchored_description(
    tokens: TokenTable, start: int, end: int, demonym_starts: set[int]
) -> bool:
    """Return True for a lower-case description anchored by a demonym ("police marocaine").

    The demonym comes before any capitalised word of the span: "qatari de l'Intérieur",
    "ministère qatari de l'Intérieur", "cyber-direction israélienne".
    """
    for i in range(start, end):
        if i in demonym_starts:
            return True
        if tokens.texts[i][:1].isupper() and tokens.lowers[i] not in ARTICLES:
            return False
    return False


def credit_ranges(text: str) -> list[tuple[int, int]]:
    """Return the character ranges of credits: « Photo : X / AFP », « (Archives/X/Y) ».

    A line opening with "Photo", "Crédit", "Source"... and a colon or slash credits a
    picture or a source; so does a parenthesis holding a slash between names. Names in a
    credit (a photographer, an agency) are not what the article says.
    """
    ranges = []
    start = 0
    for line in text.split("\n"):
        head = line.lstrip(" ©").split(":", 1)[0].split("/", 1)[0].strip().lower()
        if line.lstrip().startswith("©") or (
            head in CREDIT_WORDS and len(line) > len(head) and (":" in line or "/" in line)
        ):
            ranges.append((start, start + len(line)))
        start += len(line) + 1
    ranges += [m.span() for m in CREDIT_IN_PARENTHESES.finditer(text)]
    return ranges


def in_ranges_(position: int, ranges: list[tuple[int, int]]) -> bool:
    """Return True when character `position` falls in one of `ranges`."""
    return any(a <= position < b for a, b in ranges)
