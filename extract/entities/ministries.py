"""A ministry named with its state is an organisation: « le ministère tunisien de la Défense ».

A portfolio alone (« le ministère de l’Intérieur ») stays no node (`non_names.is_portfolio`):
every government has one. With its state beside it, the ministry is one body of one
state, the same however the sentence orders the words:

    ministère [demonym] de/des PORTFOLIO [demonym | de + country]

« le ministère indonésien de la Défense », « le ministère de la Défense indonésien » and
« le ministère de la Défense de l’Indonésie » are `org:ministere-defense-id`. The
portfolio is read off the parse (`portfolios.portfolio_at`); a ministry the text defines
with an acronym (« ... (MDN) ») is left to the acronym rules, which name it by its acronym.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import slugify
from ..tokens import TokenTable
from .candidates import Candidate
from .countries import fold
from .portfolios import portfolio_at

MINISTRY = "ministere"
PORTFOLIO_WORDS_MAX = 8


def is_ministry(entity: str) -> bool:
    """Return True for the id of a ministry named with its state (`org:ministere-defense-cl`)."""
    return entity.startswith(f"org:{MINISTRY}-")


def ministry_candidates(doc: Doc, tokens: TokenTable, countries: list[Candidate]) -> list[Candidate]:
    """Return an organisation candidate for each ministry named with its one state."""
    heads = [i for i, lower in enumerate(tokens.lowers) if fold(lower) == MINISTRY]
    if not heads:
        return []
    words = [fold(lower) for lower in tokens.lowers]
    found = [ministry_at(doc, tokens, words, i, countries) for i in heads]
    return [ministry for ministry in found if ministry is not None]


def ministry_at(
    doc: Doc, tokens: TokenTable, words: list[str], i: int, countries: list[Candidate]
) -> Candidate | None:
    """Return the ministry whose head noun is token `i`, if its phrase names one state."""
    in_phrase = [c for c in countries if c.start > i and c.end <= i + PORTFOLIO_WORDS_MAX + 4]
    skip = {t for c in in_phrase for t in range(c.start, c.end)}
    end, portfolio = portfolio_at(doc, words, i, skip, set())
    states = {c.key for c in in_phrase if c.end <= end}
    if not portfolio or len(portfolio) > PORTFOLIO_WORDS_MAX or len(states) != 1:
        return None
    (code,) = states
    if "|" in code or defined_by_acronym(tokens, end):
        return None
    key = f"org:{MINISTRY}-{slugify(' '.join(portfolio))}-{code.lower()}"
    return Candidate(i, end, "organization", key)


def defined_by_acronym(tokens: TokenTable, end: int) -> bool:
    """Return True when « (MDN) », « (Minfar) » follows the phrase: the acronym rules name it."""
    return (
        end + 2 < len(tokens)
        and tokens.texts[end] == "("
        and tokens.texts[end + 1][:1].isupper()
        and tokens.texts[end + 1].isalpha()
        and tokens.texts[end + 2] == ")"
    )
