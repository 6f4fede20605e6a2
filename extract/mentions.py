"""Candidate mentions: what in a parsed Doc names a person, organisation, country or place.

Sources, in order of trust: the country ruler (lexicon names and demonyms), the model's
NER (`PER`, `ORG`, `LOC`; `MISC` only for acronyms), and bare capital acronyms the model
missed. Rules here fix the model's systematic mislabels; they work on the shape of the
text (case, digits, line position), never on lists of particular names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .countries import SPANS_KEY
from .lexicon import read_lexicon

NER_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}
# A model designation such as "TB-2", "F-16", "S-400" or "A320" marks a product.
PRODUCT_CODE = re.compile(r"^(?=.*\d)[A-Z]{1,4}-?\d{1,4}[A-Z]?$|^[A-Z]{1,4}-\d")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*$")
ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")
# Lower-case words that may open a name ("de Gaulle", "al-Assad", "ben Salmane").
NAME_PARTICLES = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "al", "el", "ben", "bin", "van", "von", "ibn", "abou", "abu"})
ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’"})


@dataclass(frozen=True)
class Candidate:
    """A span of the Doc and what we take it to name."""

    start: int  # token index
    end: int
    type: str  # person | organization | country | location
    key: str = ""  # ISO code for countries, empty otherwise
    demonym: bool = False


def acronym_stoplist() -> frozenset[str]:
    """Return the all-capital words that are not organisation names ("PIB", "TV")."""
    return frozenset(row["word"] for row in read_lexicon("acronym_stoplist"))


def title_words() -> frozenset[str]:
    """Return the lower-cased titles that precede a name but are not part of it."""
    return frozenset(row["title"].lower() for row in read_lexicon("titles"))


def is_acronym(text: str) -> bool:
    """Return True for an all-capital token that can name an organisation ("DGSN")."""
    return (
        len(text) >= 2
        and ACRONYM.match(text) is not None
        and ROMAN_NUMERAL.match(text) is None
        and text not in acronym_stoplist()
    )


def is_product(span: Span) -> bool:
    """Return True when a span carries a model designation ("Bayraktar TB-2")."""
    return any(PRODUCT_CODE.match(token.text) for token in span)


def in_shouting_line(span: Span) -> bool:
    """Return True when the span's line is all capitals (a heading, where case says nothing)."""
    text = span.doc.text
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start : end if end != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 12 and all(c.isupper() for c in letters)


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
        elif token.text[:1].islower() and lower not in NAME_PARTICLES and not is_acronym(token.text):
            start += 1
        else:
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def country_candidates(doc: Doc) -> list[Candidate]:
    """Return the ruler's country names and demonyms as candidates."""
    spans = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else []
    return [
        Candidate(span.start, span.end, "country", key=span.id_, demonym=span.label_ == "DEMONYM")
        for span in spans
    ]


def ner_candidates(doc: Doc, countries: list[Candidate]) -> list[Candidate]:
    """Return the model's entities that survive the mislabel rules, with our types."""
    titles = title_words()
    covered = {i for c in countries for i in range(c.start, c.end)}
    found = []
    for ent in doc.ents:
        span = trim_span(ent, titles=titles)
        if span is None or is_product(span):
            continue
        if ent.label_ == "MISC":
            if len(span) == 1 and is_acronym(span.text):
                found.append(Candidate(span.start, span.end, "organization"))
            continue
        kind = NER_TYPES.get(ent.label_)
        if kind is None:
            continue
        if all(i in covered for i in range(span.start, span.end)):
            continue  # the lexicon already knows this country
        if kind == "person" and len(span) == 1 and is_acronym(span.text):
            kind = "organization"
        found.append(Candidate(span.start, span.end, kind))
    return found


def acronym_candidates(doc: Doc, taken: set[int]) -> list[Candidate]:
    """Return capital acronyms the model left out ("DGSN", "DGST") as organisations."""
    found = []
    for token in doc:
        if token.i in taken or not is_acronym(token.text):
            continue
        span = doc[token.i : token.i + 1]
        if in_shouting_line(span) or is_product(span):
            continue
        found.append(Candidate(token.i, token.i + 1, "organization"))
    return found


def find_candidates(doc: Doc) -> list[Candidate]:
    """Return every candidate mention of `doc`, sorted by position."""
    countries = country_candidates(doc)
    named = ner_candidates(doc, countries)
    # A person's name wins over a country word inside it ("Maurice Papon", "Jordan Bardella").
    people = [c for c in named if c.type == "person"]
    countries = [
        c
        for c in countries
        if not any(p.start <= c.start and c.end <= p.end and (p.end - p.start) > (c.end - c.start) for p in people)
    ]
    taken = {i for c in [*countries, *named] for i in range(c.start, c.end)}
    everything = countries + named + acronym_candidates(doc, taken)
    return sorted(everything, key=lambda c: (c.start, -c.end, c.type))
