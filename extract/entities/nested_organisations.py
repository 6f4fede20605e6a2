"""An organisation named inside a longer organisation's name, after « de »: its owner.

« le Parlement de la CEDEAO », « la Mission de l’ONU au Mali », « le Conseil de
sécurité de l’ONU »: the longer name is an organisation of its own (the longest name
wins), and the one after « de » is what it belongs to. That inner name becomes a mention
too, nested in the longer one, so that the relation rules can read the `part_of` the
name states; the longer name keeps every word it covers for every other rule.

An inner name is a known one (the knowledge base's, without ambiguity) or another
organisation the document names on its own.
"""

from __future__ import annotations

from ..lexicon import slugify
from ..tokens import TokenTable
from .candidates import Candidate
from .organisations import OrganisationBase
from .organisations import base as organisation_base

LINKS = frozenset({"de", "du", "des", "d'", "d’"})
ARTICLES = frozenset({"la", "le", "les", "l'", "l’"})
INNER_WORDS_MAX = 6


def nested_organisations(tokens: TokenTable, named: list[Candidate]) -> list[Candidate]:
    """Return the organisations named after a « de » inside a longer organisation's name."""
    kb = organisation_base()
    alone = {
        slugify(tokens.span_text(c.start, c.end)): c for c in named if c.type == "organization"
    }
    found = []
    for outer in named:
        if outer.type != "organization" or outer.end - outer.start < 3:
            continue
        inner = inner_organisation(tokens, outer, kb, alone)
        if inner is not None:
            found.append(inner)
    return found


def inner_organisation(
    tokens: TokenTable, outer: Candidate, kb: OrganisationBase, alone: dict[str, Candidate]
) -> Candidate | None:
    """Return the first organisation after a « de » of `outer`'s name, or None."""
    lowers = tokens.lowers
    for link in range(outer.start + 1, outer.end - 1):
        if lowers[link] not in LINKS:
            continue
        start = link + 1
        while start < outer.end and (lowers[start] in ARTICLES or tokens.is_space[start]):
            start += 1
        for end in range(min(outer.end, start + INNER_WORDS_MAX), start, -1):
            text = tokens.span_text(start, end)
            if not text[:1].isupper():
                break
            org_id = kb.resolve(text)
            if org_id is not None:
                return Candidate(start, end, "organization", org_id)
            other = alone.get(slugify(text))
            if other is not None and (other.start, other.end) != (outer.start, outer.end):
                return Candidate(start, end, "organization", other.key)
    return None
