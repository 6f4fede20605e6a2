"""Candidate mentions: what in a parsed Doc names a person, organisation, country or place.

Sources, in order of trust: the country ruler (lexicon names and demonyms), long forms
of acronyms the text defines, the model's NER (`PER`, `ORG`, `LOC`; `MISC` only for
acronyms), and bare capital acronyms the model missed. The rules below fix the model's
systematic mislabels; they look at the shape of the text (case, digits, hyphens, line
position), never at lists of particular names:

- a name never crosses a line break: an entity spanning one is cut at it;
- a span holding a model designation ("Bayraktar TB-2", "F-16", "S-400") is a product;
- a short line that is only one name ("Cyber-sécurité") is a heading, not an organisation;
  nor is a word before a rubric bar ("Vidéo | ...") or a furniture marker ("Lire aussi");
- an organisation or place whose name is a lower-case description anchored by a demonym
  ("la cyber-direction israélienne", "la police marocaine", "qatari de l'Intérieur") is
  not an organisation node: the demonym makes it a mention of the country; a capitalised
  name with a demonym ("Centre national de cybersécurité qatari") stays an organisation,
  with the country as a mention inside it;
- a person's name that contains a country name wins over it ("Maurice Papon").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from .countries import SPANS_KEY
from .layout import FurnitureRules
from .lexicon import read_lexicon

NER_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}
# A model designation: letters, an optional hyphen, digits ("TB-2", "F-16", "A320", "Su-35").
PRODUCT_CODE = re.compile(r"^[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Z]?$")
ACRONYM = re.compile(r"^[A-Z][A-Z&]*[A-Z]$")
ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")
# Lower-case words that may open a name ("de Gaulle", "al-Assad", "ben Salmane").
NAME_PARTICLES = frozenset(
    {"de", "du", "des", "d'", "d’", "la", "le", "al", "el", "ben", "bin", "van", "von", "ibn",
     "abou", "abu"}
)
ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’"})
RUBRIC_BARS = frozenset({"|", "•"})
# Titles that only ever precede a person's name.
COURTESY_TITLES = frozenset({"M.", "Mme", "Mlle", "MM.", "Mmes", "Dr", "Pr", "Me", "Mgr"})
HEADING_MAX_TOKENS = 3
SHOUTING_MIN_LETTERS = 12


@dataclass(frozen=True)
class Candidate:
    """A span of the Doc and what we take it to name."""

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
def furniture_rules() -> FurnitureRules:
    """Return the furniture rules, built once."""
    return FurnitureRules(read_lexicon("furniture"))


def is_acronym(text: str) -> bool:
    """Return True for an all-capital word that can name an organisation ("DGSN")."""
    return (
        ACRONYM.match(text) is not None
        and ROMAN_NUMERAL.match(text) is None
        and text not in acronym_stoplist()
    )


def is_product(span: Span, label: str) -> bool:
    """Return True when a span carries a model designation ("Bayraktar TB-2", "F-16").

    A lone code without hyphen ("M23", "G20") is left to the model when it says ORG.
    """
    for token in span:
        if PRODUCT_CODE.match(token.text):
            return len(span) > 1 or "-" in token.text or label != "ORG"
    return False


class Lines:
    """The lines of a Doc's text, computed once (`doc.text` rebuilds the string each time)."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        self.starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self.markers: dict[int, int] = {}

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


def in_shouting_line(span: Span, lines: Lines) -> bool:
    """Return True when the span's line is all capitals (a heading, where case says nothing)."""
    letters = [c for c in lines.line(span.start_char) if c.isalpha()]
    return len(letters) > SHOUTING_MIN_LETTERS and all(c.isupper() for c in letters)


def is_heading(span: Span, lines: Lines) -> bool:
    """Return True when the span is all of a short line without sentence punctuation."""
    line = lines.line(span.start_char).strip()
    words = [t for t in span if not t.is_space]
    return line == span.text.strip() and len(words) <= HEADING_MAX_TOKENS and line[-1:] not in ".!?"


def is_rubric(span: Span) -> bool:
    """Return True for a one-word label opening a line before a bar ("Vidéo | ...")."""
    doc = span.doc
    opens_line = span.start == 0 or "\n" in doc[span.start - 1].text
    return opens_line and span.end < len(doc) and doc[span.end].text in RUBRIC_BARS


def in_furniture_marker(span: Span, lines: Lines) -> bool:
    """Return True when the span overlaps the marker of a furniture line ("Lire aussi")."""
    return span.start_char < lines.marker_end(span.start_char)


def line_pieces(span: Span) -> list[Span]:
    """Cut a span at its line breaks and rubric bars: a name never runs across them."""
    pieces, start = [], span.start
    for token in span:
        if "\n" in token.text or token.text in RUBRIC_BARS:
            if token.i > start:
                pieces.append(span.doc[start : token.i])
            start = token.i + 1
    if span.end > start:
        pieces.append(span.doc[start : span.end])
    return pieces


def trim_span(span: Span, *, titles: frozenset[str]) -> Span | None:
    """Drop leading articles, titles and stray lower-case words, and trailing punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end:
        token = doc[start]
        lower = token.lower_
        if lower in ARTICLES or lower.rstrip(".") in titles or lower in titles:
            start += 1
        elif token.is_punct or token.is_space:
            start += 1
        elif token.text[:1].islower() and lower not in NAME_PARTICLES:
            start += 1
        else:
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end or not any(c.isalpha() for c in doc[start:end].text):
        return None  # a name has letters: "�" or "2022" alone names nobody
    return doc[start:end]


def anchored_description(ent: Span, demonym_starts: set[int]) -> bool:
    """Return True for a lower-case description anchored by a demonym ("police marocaine").

    The demonym comes before any capitalised word of the span: "qatari de l'Intérieur",
    "ministère qatari de l'Intérieur", "cyber-direction israélienne".
    """
    for token in ent:
        if token.i in demonym_starts:
            return True
        if token.text[:1].isupper() and token.lower_ not in ARTICLES:
            return False
    return False


def country_candidates(doc: Doc) -> list[Candidate]:
    """Return the ruler's country names and demonyms as candidates."""
    spans = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else []
    return [
        Candidate(span.start, span.end, "country", key=span.id_, demonym=span.label_ == "DEMONYM")
        for span in spans
    ]


def ner_candidate(
    span: Span, label: str, countries: list[Candidate], lines: Lines
) -> Candidate | None:
    """Return the candidate one trimmed NER span gives, or None when a rule drops it."""
    if is_product(span, label) or in_furniture_marker(span, lines):
        return None
    inside = [c for c in countries if span.start <= c.start and c.end <= span.end]
    if sum(c.end - c.start for c in inside) == len(span):
        return None  # the lexicon already knows this country
    if len(span) == 1 and is_acronym(span.text):
        return Candidate(span.start, span.end, "organization")
    if label == "MISC" and len(span) == 1 and span.text.istitle():
        # Kept only if it turns out to be a surname ("Govrin" after "David Govrin").
        return Candidate(span.start, span.end, "misc")
    kind = NER_TYPES.get(label)
    if kind is None or (kind != "person" and (is_heading(span, lines) or is_rubric(span))):
        return None
    if kind == "location" and any(
        c.start < span.end and span.start < c.end and not c.demonym for c in countries
    ):
        return None  # a place overlapping a country name is that country
    return Candidate(span.start, span.end, kind)


def ner_candidates(doc: Doc, countries: list[Candidate], lines: Lines) -> list[Candidate]:
    """Return the model's entities that survive the mislabel rules, with our types."""
    titles = title_words()
    demonym_starts = {c.start for c in countries if c.demonym and doc[c.start].text.islower()}
    found = []
    for ent in doc.ents:
        for piece in line_pieces(ent):
            if ent.label_ != "PER" and anchored_description(piece, demonym_starts):
                continue
            span = trim_span(piece, titles=titles)
            if span is not None:
                cand = ner_candidate(span, ent.label_, countries, lines)
                if cand is not None:
                    found.append(cand)
    return found


def titled_names(doc: Doc, taken: set[int]) -> list[Candidate]:
    """Return the names after a courtesy title the model missed ("M. Nasser Bourita")."""
    found = []
    for token in doc[:-1]:
        if token.text not in COURTESY_TITLES:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].is_title and not is_acronym(doc[end].text):
            end += 1
        span = range(token.i + 1, end)
        if span and not any(i in taken for i in span):
            found.append(Candidate(token.i + 1, end, "person"))
    return found


def follows_number(doc: Doc, i: int) -> bool:
    """Return True when token `i` comes right after a number ("500 MW", "3 GB"): a unit."""
    return i > 0 and doc[i - 1].like_num


def acronym_candidates(doc: Doc, taken: set[int], lines: Lines) -> list[Candidate]:
    """Return capital acronyms the model left out ("DGSN", "DGST") as organisations."""
    found = []
    for token in doc:
        if token.i in taken or not is_acronym(token.text) or follows_number(doc, token.i):
            continue
        span = doc[token.i : token.i + 1]
        if in_shouting_line(span, lines) or in_furniture_marker(span, lines):
            continue
        found.append(Candidate(token.i, token.i + 1, "organization"))
    return found


def without_overlaps(cands: list[Candidate], winners: list[Candidate]) -> list[Candidate]:
    """Return the candidates of `cands` that overlap none of `winners`."""
    taken = {i for w in winners for i in range(w.start, w.end)}
    return [c for c in cands if not any(i in taken for i in range(c.start, c.end))]


def find_candidates(doc: Doc, long_forms: list[Candidate] = ()) -> list[Candidate]:
    """Return every candidate mention of `doc`, sorted by position.

    `long_forms` are organisation spans the text defines with an acronym; they win over
    the model's spans that overlap them.
    """
    lines = Lines(doc)
    countries = country_candidates(doc)
    named = ner_candidates(doc, countries, lines)
    named = without_overlaps(named, list(long_forms)) + list(long_forms)
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
    named += titled_names(doc, taken)
    taken = {i for c in [*countries, *named] for i in range(c.start, c.end)}
    everything = countries + named + acronym_candidates(doc, taken, lines)
    return sorted(set(everything), key=lambda c: (c.start, -c.end, c.type))
