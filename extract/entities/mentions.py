"""Candidate mentions: what in a parsed Doc names a person, organisation, country or place.

Sources, in order of trust: the country ruler (lexicon names and demonyms), long forms
of acronyms the text defines, the model's NER (`PER`, `ORG`, `LOC`; `MISC` only for
acronyms), and bare capital acronyms the model missed. The rules below fix the model's
systematic mislabels; they look at the shape of the text (case, digits, hyphens, line
position), never at lists of particular names:

- a name never crosses a line break: an entity spanning one is cut at it; an entity cut
  after "de l'" is joined to the one that follows (`extract.entities.name_spans`);
- a span holding a model designation ("Bayraktar TB-2", "F-16", "S-400") is a product;
- a short line that is only one name ("Cyber-sécurité") is a heading, not an organisation;
  nor is a word before a rubric bar ("Vidéo | ...") or a furniture marker ("Lire aussi");
- an organisation or place whose name is a lower-case description anchored by a demonym
  ("la cyber-direction israélienne", "la police marocaine", "qatari de l'Intérieur") is
  not an organisation node: the demonym makes it a mention of the country; a capitalised
  name with a demonym ("Centre national de cybersécurité qatari") stays an organisation,
  with the country as a mention inside it;
- a person's name that contains a country name wins over it ("Maurice Papon");
- a portfolio after "ministre de", "ministère des" ("Intérieur", "Affaires étrangères")
  is not an organisation node: every government has one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cache
from typing import NamedTuple

from spacy.tokens import Doc

from ..lexicon import read_lexicon
from ..tokens import TokenTable
from .countries import SPANS_KEY
from .layout import FurnitureRules
from .name_spans import ARTICLES, joined_entities, trim_range
from .organisations import SPANS_KEY as ORGANISATIONS_KEY
from .organisations import known_organisations

NER_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}
# A model designation: letters, an optional hyphen, digits ("TB-2", "F-16", "A320", "Su-35").
PRODUCT_CODE = re.compile(r"^[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Z]?$")
ACRONYM = re.compile(r"^[A-Z][A-Z&]*[A-Z]$")
ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")
RUBRIC_BARS = frozenset({"|", "•"})
# Titles that only ever precede a person's name.
COURTESY_TITLES = frozenset({"M.", "Mme", "Mlle", "MM.", "Mmes", "Dr", "Pr", "Me", "Mgr"})
HEADING_MAX_TOKENS = 3
SHOUTING_MIN_LETTERS = 12


class Candidate(NamedTuple):
    """A span of the Doc and what we take it to name.

    A named tuple: as immutable and hashable as a frozen dataclass (the same fields hash
    the same way), and several times cheaper to build, which matters at one per name.
    """

    start: int  # token index
    end: int
    type: str  # person | organization | country | location | misc (a possible surname)
    key: str = ""  # ISO code(s) for countries ("MA", or "CD|CG" for a shared demonym)
    demonym: bool = False


@cache
def acronym_stoplist() -> frozenset[str]:
    """Return the all-capital words that are not organisation names ("PIB", "TV")."""
    return frozenset(row["word"] for row in read_lexicon("acronym_stoplist"))


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
    node it would join the French and the Moroccan ministries, and their ministers.
    """
    i = start - 1
    while i >= 0 and start - i <= 3 and tokens.lowers[i] in ARTICLES:
        i -= 1
    return start - i >= 2 and i >= 0 and tokens.lowers[i] in portfolio_heads()


@cache
def furniture_rules() -> FurnitureRules:
    """Return the furniture rules, built once."""
    return FurnitureRules(read_lexicon("furniture"))


def is_acronym(text: str) -> bool:
    """Return True for an all-capital word that can name an organisation ("DGSN")."""
    return (
        text.isupper()  # a cheap first test: every acronym passes it
        and ACRONYM.match(text) is not None
        and ROMAN_NUMERAL.match(text) is None
        and text not in acronym_stoplist()
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


def country_candidates(doc: Doc) -> list[Candidate]:
    """Return the ruler's country names and demonyms as candidates."""
    if SPANS_KEY not in doc.spans:
        return []
    strings = doc.vocab.strings
    demonym = strings.add("DEMONYM")
    codes: dict[int, str] = {}  # span.id → span.id_, looked up once per code
    found = []
    for span in doc.spans[SPANS_KEY]:
        code = codes.get(span.id)
        if code is None:
            code = codes[span.id] = span.id_
        found.append(Candidate(span.start, span.end, "country", code, span.label == demonym))
    return found


class CountryIndex:
    """The country candidates of a Doc, indexed for the questions NER spans ask of them."""

    def __init__(self, countries: list[Candidate]) -> None:
        self.countries = sorted(countries, key=lambda c: c.start)
        self.starts = [c.start for c in self.countries]
        # Tokens inside a country name (not a demonym); an empty name overlaps the spans
        # strictly around its position.
        self.named_tokens = {i for c in countries if not c.demonym for i in range(c.start, c.end)}
        self.empty_names = [c.start for c in countries if not c.demonym and c.start == c.end]

    def covered_length(self, start: int, end: int) -> int:
        """Return the number of tokens of the countries inside tokens [start, end)."""
        # A country inside starts in [start, end]; one starting at `end` is empty.
        lo = bisect_left(self.starts, start)
        hi = bisect_right(self.starts, end)
        return sum(c.end - c.start for c in self.countries[lo:hi] if c.end <= end)

    def overlaps_name(self, start: int, end: int) -> bool:
        """Return True when a country name (not a demonym) overlaps tokens [start, end)."""
        named = self.named_tokens
        return any(i in named for i in range(start, end)) or any(
            start < p < end for p in self.empty_names
        )


def ner_candidate(
    tokens: TokenTable, start: int, end: int, label: str, countries: CountryIndex, lines: Lines
) -> Candidate | None:
    """Return the candidate one trimmed NER span gives, or None when a rule drops it."""
    if is_product(tokens, start, end, label) or in_furniture_marker(tokens.starts[start], lines):
        return None
    if countries.covered_length(start, end) == end - start:
        return None  # the lexicon already knows this country
    if end - start == 1 and is_acronym(tokens.texts[start]):
        return Candidate(start, end, "organization")
    if label == "MISC" and end - start == 1 and tokens.texts[start].istitle():
        # Kept only if it turns out to be a surname ("Govrin" after "David Govrin").
        return Candidate(start, end, "misc")
    kind = NER_TYPES.get(label)
    if kind == "organization" and is_portfolio(tokens, start):
        return None
    if kind is None or (
        kind != "person"
        and (is_heading(tokens, start, end, lines) or is_rubric(tokens, start, end))
    ):
        return None
    if kind == "location" and countries.overlaps_name(start, end):
        return None  # a place overlapping a country name is that country
    return Candidate(start, end, kind)


def ner_candidates(
    doc: Doc, tokens: TokenTable, countries: list[Candidate], lines: Lines
) -> list[Candidate]:
    """Return the model's entities that survive the mislabel rules, with our types."""
    titles = title_words()
    demonym_starts = {c.start for c in countries if c.demonym and tokens.texts[c.start].islower()}
    index = CountryIndex(countries)
    found = []
    for ent_start, ent_end, label in joined_entities(doc, tokens):
        for start, end in line_pieces(tokens, ent_start, ent_end):
            if label != "PER" and anchored_description(tokens, start, end, demonym_starts):
                continue
            trimmed = trim_range(tokens, start, end, titles=titles)
            if trimmed is not None:
                cand = ner_candidate(tokens, *trimmed, label, index, lines)
                if cand is not None:
                    found.append(cand)
    return found


def titled_names(tokens: TokenTable, taken: set[int]) -> list[Candidate]:
    """Return the names after a courtesy title the model missed ("M. Nasser Bourita")."""
    texts, n = tokens.texts, len(tokens)
    found = []
    for i in range(n - 1):
        if texts[i] not in COURTESY_TITLES:
            continue
        end = i + 1
        while end < n and tokens.is_title[end] and not is_acronym(texts[end]):
            end += 1
        span = range(i + 1, end)
        if span and not any(j in taken for j in span):
            found.append(Candidate(i + 1, end, "person"))
    return found


def acronym_candidates(tokens: TokenTable, taken: set[int], lines: Lines) -> list[Candidate]:
    """Return capital acronyms the model left out ("DGSN", "DGST") as organisations.

    An acronym right after a number ("500 MW", "3 GB") is a unit.
    """
    found = []
    for i, text in enumerate(tokens.texts):
        if not text.isupper() or i in taken or not is_acronym(text):
            continue
        if i > 0 and tokens.like_num[i - 1]:
            continue
        position = tokens.starts[i]
        if lines.is_shouting(position) or in_furniture_marker(position, lines):
            continue
        found.append(Candidate(i, i + 1, "organization"))
    return found


def organisation_candidates(
    doc: Doc, tokens: TokenTable, countries: list[Candidate], named: list[Candidate], lines: Lines
) -> list[Candidate]:
    """Return the knowledge base's organisations named in `doc`, their id in `key`.

    A one-word name inside a longer person's name of the document is that person's
    ("Wagner" when the text names "Richard Wagner"); a name in a furniture marker is none.
    """
    if ORGANISATIONS_KEY not in doc.spans:
        return []
    codes = Counter(code for c in countries for code in c.key.split("|"))
    people = {
        tokens.span_text(c.start, c.end).lower()
        for c in named
        if c.type == "person" and c.end - c.start > 1
    }
    found = []
    for start, end, org_id in known_organisations(doc, codes):
        if in_furniture_marker(tokens.starts[start], lines):
            continue
        if end - start == 1 and any(tokens.lowers[start] in person.split() for person in people):
            continue
        found.append(Candidate(start, end, "organization", org_id))
    return found


def outranks(known: Candidate, other: Candidate) -> bool:
    """Return True when a knowledge-base name wins over an overlapping candidate.

    It does, unless the other starts before it and holds it whole: « Commission de
    l’Union africaine » is another organisation than « Union africaine ».
    """
    return not (other.start < known.start and known.end <= other.end)


def overlap(a: Candidate, b: Candidate) -> bool:
    """Return True when two candidates share a token."""
    return a.start < b.end and b.start < a.end


def without_overlaps(cands: list[Candidate], winners: list[Candidate]) -> list[Candidate]:
    """Return the candidates of `cands` that overlap none of `winners`."""
    taken = {i for w in winners for i in range(w.start, w.end)}
    return [c for c in cands if not any(i in taken for i in range(c.start, c.end))]


def find_candidates(
    doc: Doc, long_forms: list[Candidate] = (), tokens: TokenTable | None = None
) -> list[Candidate]:
    """Return every candidate mention of `doc`, sorted by position.

    `long_forms` are organisation spans the text defines with an acronym; they win over
    the model's spans that overlap them. `tokens` is the Doc's token table, if at hand.
    """
    if tokens is None:
        tokens = TokenTable(doc)
    lines = Lines(tokens.text)
    countries = country_candidates(doc)
    named = ner_candidates(doc, tokens, countries, lines)
    named = without_overlaps(named, list(long_forms)) + list(long_forms)
    known = organisation_candidates(doc, tokens, countries, named, lines)
    # The longer of a known name and a candidate holding it whole wins; else the known.
    known = [k for k in known if all(outranks(k, c) for c in named if overlap(k, c))]
    named = without_overlaps(named, known) + known
    # A person's name wins over a country word inside it ("Maurice Papon", "Jordan Bardella").
    people = [c for c in named if c.type == "person"]
    countries = [
        c
        for c in countries
        if not any(
            p.start <= c.start and c.end <= p.end and (p.end - p.start) > (c.end - c.start)
            for p in people
        )
    ]
    taken = {i for c in [*countries, *named] for i in range(c.start, c.end)}
    named += titled_names(tokens, taken)
    taken = {i for c in [*countries, *named] for i in range(c.start, c.end)}
    everything = countries + named + acronym_candidates(tokens, taken, lines)
    return sorted(set(everything), key=lambda c: (c.start, -c.end, c.type))
