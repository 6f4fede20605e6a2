"""Where a word sits in the parse: its slot, its case, and the clause it belongs to.

The French model's parser emits Universal Dependencies labels; these sets name the slots
the relation rules ask about (subject, passive subject, agent, clause heads), and the
walks below stay inside one clause. `extract.relations.parties` and `.frames` read the
parse through them.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .lexicons import CASE_ROLES
from .parse import SentenceParse

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass"})
ANY_SUBJECT_DEPS = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
AGENT_DEPS = frozenset({"obl:agent"})
# Clause-level relations: a walk from a word up to its clause stops at them.
CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj"}
)
NOMINAL_DEPS = frozenset(
    {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:mod", "nmod", "appos", "fixed"}
)
VERBAL_CHILD_DEPS = frozenset(
    {"aux", "aux:tense", "aux:pass", "nsubj", "nsubj:pass", "obj", "mark", "expl:pass", "expl:comp"}
)
MAX_SEARCH_DEPTH = 4  # how deep `clause_tokens` looks under a clause's root


def case_role(token: Token, parse: SentenceParse) -> str:
    """Return the role of the case marker of a nominal ("au" → "à", "d’" → "de"), or ""."""
    for child in parse.children(token):
        if child.dep_ == "case":
            word = parse.folded[child.i]
            return CASE_ROLES.get(word, word)
    return ""


def looks_nominal(token: Token, parse: SentenceParse) -> bool:
    """Return True when the parse treats `token` as a noun (a determiner, a case, a noun slot)."""
    deps = {child.dep_ for child in parse.children(token)}
    if deps & {"det", "case"}:
        return True
    if deps & VERBAL_CHILD_DEPS:
        return False
    return token.dep_ in NOMINAL_DEPS


def clause_head(token: Token, parse: SentenceParse) -> Token:
    """Return the head of the clause `token` belongs to (the token itself if it heads one)."""
    while (
        token.dep_ not in CLAUSE_DEPS
        and not any(child.dep_ in ANY_SUBJECT_DEPS for child in parse.children(token))
        and not parse.is_root(token)
    ):
        token = parse.head(token)
    return token


def has_subject(token: Token, parse: SentenceParse) -> bool:
    """Return True when `token` has a subject of its own."""
    return any(child.dep_ in SUBJECT_DEPS for child in parse.children(token))


def path_to(token: Token, head: Token, parse: SentenceParse) -> list[Token]:
    """Return the tokens from `token` up to its ancestor `head`, both included."""
    path = [token]
    while path[-1] != head and not parse.is_root(path[-1]):
        path.append(parse.head(path[-1]))
    return path


def clause_tokens(root: Token, parse: SentenceParse, *, skip_subject: bool) -> Iterator[Token]:
    """Yield the tokens under `root` that belong to its clause (not to nested clauses)."""
    stack = [(child, 1) for child in parse.children(root)]
    while stack:
        token, depth = stack.pop()
        if token.dep_ in CLAUSE_DEPS or (
            skip_subject and depth == 1 and token.dep_ in SUBJECT_DEPS
        ):
            continue
        yield token
        if depth < MAX_SEARCH_DEPTH:
            stack.extend((child, depth + 1) for child in parse.children(token))
