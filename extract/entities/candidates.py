"""A candidate mention, and which candidate wins where two claim the same tokens.

`extract.entities.mentions` gathers candidates from several sources (the country ruler,
defined long forms, the model's NER, the knowledge base, acronyms); these rules settle
their overlaps and the acronyms the model was unsure of.
"""

from __future__ import annotations

from typing import NamedTuple

from ..tokens import TokenTable

UNSURE = "?"  # the key of an acronym the model calls MISC, until the document decides


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


def overlap(a: Candidate, b: Candidate) -> bool:
    """Return True when two candidates share a token."""
    return a.start < b.end and b.start < a.end


def without_overlaps(cands: list[Candidate], winners: list[Candidate]) -> list[Candidate]:
    """Return the candidates of `cands` that overlap none of `winners`."""
    taken = {i for w in winners for i in range(w.start, w.end)}
    return [c for c in cands if not any(i in taken for i in range(c.start, c.end))]


def outranks(known: Candidate, other: Candidate) -> bool:
    """Return True when a knowledge-base name wins over an overlapping candidate.

    It does, unless the other starts before it and holds it whole: « Commission de
    l’Union africaine » is another organisation than « Union africaine ».
    """
    return not (other.start < known.start and known.end <= other.end)


def decide_unsure(
    named: list[Candidate], tokens: TokenTable, defined: frozenset[str]
) -> list[Candidate]:
    """Keep an acronym the model calls MISC only where the document treats it as a name.

    It does when the same acronym is an organisation elsewhere (the model's or the
    knowledge base's) or the text defines it: « DGSN » tagged MISC in one sentence and
    ORG in another is the DGSN; « UNIX » or « MESSENGER » alone is a product.
    """
    sure = {tokens.texts[c.start] for c in named if c.type == "organization" and c.key != UNSURE}
    sure |= defined
    kept = []
    for cand in named:
        if cand.key == UNSURE:
            if tokens.texts[cand.start] not in sure:
                continue
            cand = cand._replace(key="")
        kept.append(cand)
    return kept
