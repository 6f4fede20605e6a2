"""Acronyms the text defines: "Direction générale de la sécurité nationale (DGSN)".

A parenthesised acronym right after a name links the two when the acronym spells the
name's initials (with or without its short words: "de", "la", "et"...). The name is read
off the tokens before the parenthesis, so the link holds even when the model missed or
cut the long form. The reverse order works too: "la DGSN (Direction générale de la
sécurité nationale)". A compound acronym ("(DGSN-DGST)") is read part by part: each part
is an organisation, and a long form coordinating both ("Direction générale de la
sécurité nationale et de la surveillance du territoire") gives its first conjunct to the
first part.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .lexicon import strip_accents
from .mentions import Candidate, is_acronym

# Short words an acronym usually skips ("Direction générale DE LA sécurité").
SKIPPED_WORDS = frozenset(
    {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "pour", "à", "a", "aux", "au",
     "sur", "of", "the", "and", "for"}
)
WINDOW = 15  # tokens before the parenthesis where the long form may start
PART_SEPARATORS = frozenset({"-", "/", "–"})


@dataclass(frozen=True)
class Definition:
    """An acronym and the token range of the long form the text gives for it."""

    acronym: str
    start: int
    end: int


def initials(text: str, *, skip: bool) -> str:
    """Return the upper-case initials of the words of `text` (skipping short words if asked)."""
    words = strip_accents(text).replace("’", " ").replace("'", " ").replace("-", " ").split()
    return "".join(w[0].upper() for w in words if w and not (skip and w.lower() in SKIPPED_WORDS))


def matches_initials(acronym: str, text: str) -> bool:
    """Return True when `acronym` spells the initials of `text`."""
    return acronym.upper() in (initials(text, skip=True), initials(text, skip=False))


def acronym_parts(doc: Doc, open_i: int) -> tuple[int, list[str]] | None:
    """Return (index of ")", [parts]) when "(" at `open_i` holds only acronyms, else None."""
    close = next((t.i for t in doc[open_i + 1 : open_i + 8] if t.text == ")"), None)
    if close is None:
        return None
    parts = [t.text for t in doc[open_i + 1 : close] if t.text not in PART_SEPARATORS]
    if parts and all(is_acronym(part) for part in parts):
        return close, parts
    return None


def long_form_before(doc: Doc, open_i: int, acronym: str) -> Span | None:
    """Return the shortest capitalised name ending before "(" whose initials spell `acronym`."""
    end = open_i
    for start in range(end - 1, max(end - WINDOW, 0) - 1, -1):
        token = doc[start]
        if "\n" in token.text:
            return None
        if token.text[:1].isupper() and matches_initials(acronym, doc[start:end].text):
            return doc[start:end]
    return None


def coordinated_long_form(doc: Doc, open_i: int, parts: list[str]) -> Span | None:
    """Return the first conjunct of "X et de Y (ACR1-ACR2)" when X spells ACR1 and X+Y both."""
    for et in range(open_i - 1, max(open_i - WINDOW, 0), -1):
        if doc[et].lower_ != "et":
            continue
        first = long_form_before(doc, et, parts[0])
        if first is None:
            continue
        whole = initials(doc[first.start : open_i].text, skip=True)
        second = parts[1]
        if any(whole == parts[0] + second[k:] for k in range(1, len(second))):
            return first
    return None


def acronym_definitions(doc: Doc) -> list[Definition]:
    """Return every acronym the text defines with the token range of its long form."""
    found = []
    for token in doc:
        if token.text != "(":
            continue
        inside = acronym_parts(doc, token.i)
        if inside is not None:
            _, parts = inside
            span = long_form_before(doc, token.i, parts[0]) if len(parts) == 1 else None
            if len(parts) == 2:
                span = coordinated_long_form(doc, token.i, parts)
            if span is not None:
                found.append(Definition(parts[0], span.start, span.end))
        elif token.i > 0 and is_acronym(doc[token.i - 1].text):
            definition = reverse_definition(doc, token.i)
            if definition is not None:
                found.append(definition)
    return found


def reverse_definition(doc: Doc, open_i: int) -> Definition | None:
    """Return the definition of "ACR (Long Form)", when the parenthesis spells the acronym."""
    close = next((t.i for t in doc[open_i + 1 : open_i + WINDOW] if t.text == ")"), None)
    acronym = doc[open_i - 1].text
    if close is None or close == open_i + 1 or not doc[open_i + 1].text[:1].isupper():
        return None
    if matches_initials(acronym, doc[open_i + 1 : close].text):
        return Definition(acronym, open_i + 1, close)
    return None


def long_form_candidates(definitions: list[Definition]) -> list[Candidate]:
    """Return the long forms of defined acronyms as organisation candidates."""
    return [Candidate(d.start, d.end, "organization") for d in definitions]
