"""Acronyms the text defines: "Direction générale de la sécurité nationale (DGSN)".

A parenthesised acronym right after an organisation name links the two when the
acronym's letters are the name's initials. A compound acronym ("(DGSN-DGST)") is read
part by part, each matched against the organisation names just before it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import slugify, strip_accents
from .mentions import Candidate, is_acronym

# Short words an acronym usually skips ("Direction générale DE LA sécurité").
SKIPPED_WORDS = frozenset(
    {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "pour", "à", "a", "aux", "au", "sur", "of", "the", "and", "for"}
)
WINDOW = 15  # tokens before the parenthesis where the long form may start


def initials(text: str, *, skip: bool) -> str:
    """Return the upper-case initials of the words of `text` (skipping short words if asked)."""
    words = strip_accents(text).replace("’", " ").replace("'", " ").replace("-", " ").split()
    return "".join(w[0].upper() for w in words if w and not (skip and w.lower() in SKIPPED_WORDS))


def matches_initials(acronym: str, text: str) -> bool:
    """Return True when `acronym` spells the initials of `text`."""
    return acronym.upper() in (initials(text, skip=True), initials(text, skip=False))


def parenthesised_acronyms(doc: Doc) -> list[tuple[int, list[str]]]:
    """Return (index of "(", [acronym parts]) for each "(ACR)" or "(ACR-ACR)" in `doc`."""
    found = []
    for token in doc:
        if token.text != "(":
            continue
        close = next((t.i for t in doc[token.i + 1 : token.i + 8] if t.text == ")"), None)
        if close is None:
            continue
        inside = [t.text for t in doc[token.i + 1 : close] if t.text not in {"-", "/", "–"}]
        if inside and all(is_acronym(part) for part in inside):
            found.append((token.i, inside))
    return found


def acronym_definitions(doc: Doc, candidates: list[Candidate]) -> dict[str, str]:
    """Return name key → acronym for every long form the text defines, and each acronym itself."""
    orgs = [c for c in candidates if c.type == "organization"]
    defined: dict[str, str] = {}
    for paren, parts in parenthesised_acronyms(doc):
        before = [c for c in orgs if paren - WINDOW <= c.start and c.end <= paren]
        for part in parts:
            for cand in before:
                long_form = doc[cand.start : cand.end].text
                if matches_initials(part, long_form):
                    defined[slugify(long_form)] = part
                    defined[slugify(part)] = part
    return defined
