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

from spacy.tokens import Doc

from ..lexicon import strip_accents
from ..tokens import TokenTable
from .mentions import Candidate, is_acronym
from .name_spans import names_organisation  # noqa: F401  (re-exported for the resolver)

# Short words an acronym usually skips ("Direction générale DE LA sécurité").
SKIPPED_WORDS = frozenset(
    {
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l",
        "d",
        "et",
        "en",
        "pour",
        "à",
        "a",
        "aux",
        "au",
        "sur",
        "of",
        "the",
        "and",
        "for",
    }
)
WINDOW = 15  # tokens before the parenthesis where the long form may start
PART_SEPARATORS = frozenset({"-", "/", "–"})
BRACKETS = {"(": ")", "[": "]"}


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


def acronym_parts(tokens: TokenTable, open_i: int) -> tuple[int, list[str]] | None:
    """Return (index of ")", [parts]) when "(" at `open_i` holds only acronyms, else None."""
    texts = tokens.texts
    closing = BRACKETS.get(texts[open_i], ")")
    close = next(
        (i for i in range(open_i + 1, min(open_i + 8, len(texts))) if texts[i] == closing), None
    )
    if close is None:
        return None
    parts = [text for text in texts[open_i + 1 : close] if text not in PART_SEPARATORS]
    if parts and all(is_acronym(part) for part in parts):
        return close, parts
    return None


def long_form_before(tokens: TokenTable, open_i: int, acronym: str) -> tuple[int, int] | None:
    """Return the shortest capitalised name ending before "(" whose initials spell `acronym`."""
    end = open_i
    for start in range(end - 1, max(end - WINDOW, 0) - 1, -1):
        text = tokens.texts[start]
        if "\n" in text:
            return None
        if text[:1].isupper() and matches_initials(acronym, tokens.span_text(start, end)):
            return start, end
    return None


def named_long_form(
    tokens: TokenTable, open_i: int, acronym: str, name_ends: dict[int, int]
) -> tuple[int, int] | None:
    """Return the model's organisation name right before "(" when it starts as `acronym` does.

    Not every acronym spells its name's initials: « Office français de lutte anti-drogue
    (OFAST) ». A name the model reads as an organisation, ending at the parenthesis or a
    few lower-case words before it, with the acronym's first letter, is its long form.
    """
    end = open_i
    while end > 0 and end not in name_ends and open_i - end < 3 and tokens.texts[end - 1].islower():
        end -= 1
    start = name_ends.get(end)
    if start is None or "\n" in tokens.span_text(start, open_i):
        return None
    if strip_accents(tokens.texts[start])[:1].upper() == acronym[:1]:
        return start, open_i
    return None


def coordinated_long_form(
    tokens: TokenTable, open_i: int, parts: list[str]
) -> tuple[int, int] | None:
    """Return the first conjunct of "X et de Y (ACR1-ACR2)" when X spells ACR1 and X+Y both."""
    for et in range(open_i - 1, max(open_i - WINDOW, 0), -1):
        if tokens.lowers[et] != "et":
            continue
        first = long_form_before(tokens, et, parts[0])
        if first is None:
            continue
        whole = initials(tokens.span_text(first[0], open_i), skip=True)
        second = parts[1]
        if any(whole == parts[0] + second[k:] for k in range(1, len(second))):
            return first
    return None


def acronym_definitions(doc: Doc, tokens: TokenTable | None = None) -> list[Definition]:
    """Return every acronym the text defines with the token range of its long form.

    `tokens` is the Doc's token table, if at hand.
    """
    if tokens is None:
        tokens = TokenTable(doc)
    texts = tokens.texts
    name_ends = {ent.end: ent.start for ent in doc.ents if ent.label_ == "ORG"}
    found = []
    for i in [i for i, text in enumerate(texts) if text in BRACKETS]:
        inside = acronym_parts(tokens, i)
        if inside is not None:
            _, parts = inside
            span = None
            if len(parts) == 1:
                span = long_form_before(tokens, i, parts[0]) or named_long_form(
                    tokens, i, parts[0], name_ends
                )
            if len(parts) == 2:
                span = coordinated_long_form(tokens, i, parts)
            if span is not None:
                found.append(Definition(parts[0], *span))
        elif i > 0 and texts[i] == "(" and is_acronym(texts[i - 1]):
            definition = reverse_definition(tokens, i)
            if definition is not None:
                found.append(definition)
    return found


def common_noun_acronyms(tokens: TokenTable) -> set[str]:
    """Return the acronyms the text spells out in lower case: « organismes génétiquement
    modifiés (OGM) ». An acronym of a phrase no organisation noun heads is a common noun's.
    """
    found = set()
    texts = tokens.texts
    for i in [i for i, text in enumerate(texts) if text == "("]:
        inside = acronym_parts(tokens, i)
        if inside is None or len(inside[1]) != 1:
            continue
        acronym = inside[1][0]
        for start in range(i - 1, max(i - WINDOW, 0) - 1, -1):
            if "\n" in texts[start] or tokens.is_punct[start]:
                break
            text = tokens.span_text(start, i)
            if texts[start][:1].islower() and matches_initials(acronym, text):
                if not names_organisation(text):
                    found.add(acronym)
                break
    return found


def reverse_definition(tokens: TokenTable, open_i: int) -> Definition | None:
    """Return the definition of "ACR (Long Form)", when the parenthesis spells the acronym."""
    texts = tokens.texts
    close = next(
        (i for i in range(open_i + 1, min(open_i + WINDOW, len(texts))) if texts[i] == ")"), None
    )
    acronym = texts[open_i - 1]
    if close is None or close == open_i + 1 or not texts[open_i + 1][:1].isupper():
        return None
    if matches_initials(acronym, tokens.span_text(open_i + 1, close)):
        return Definition(acronym, open_i + 1, close)
    return None


def long_form_candidates(definitions: list[Definition]) -> list[Candidate]:
    """Return the long forms of defined acronyms as organisation candidates."""
    return [Candidate(d.start, d.end, "organization") for d in definitions]
