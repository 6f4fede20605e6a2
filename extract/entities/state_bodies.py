"""A state's body named by its common noun and the state's demonym: « la marine roumaine ».

« la marine roumaine », « l’armée béninoise », « la présidence sénégalaise » each
describe one organisation, as uniquely as « la Marine royale » names Morocco's; written
with a capital (« la Marine roumaine ») the model already reads it as one. The
nouns are `state_bodies.jsonl` (army, navy, police, presidency...; not « le
gouvernement indien » nor « le renseignement iranien », which stand for the state
itself): a determiner, one of them, up to two lower-case qualifiers (« garde côtière »,
« armée nationale ») and a lower-case demonym make an organisation. The plural « les
armées françaises », « les forces maliennes » are the state's troops: the state. The
demonym still names the state, which the organisation belongs to (`part_of`); its id
joins the state's code to the noun (`org:marine-ro`), so the same body is one node
across articles however the article spells the demonym.
"""

from __future__ import annotations

from functools import cache

from ..lexicon import read_lexicon
from ..tokens import TokenTable
from .candidates import Candidate
from .countries import fold
from .name_spans import previous_word

DETERMINERS = frozenset(
    {"le", "la", "l'", "les", "du", "des", "au", "aux", "sa", "son", "leur", "leurs"}
)
QUALIFIERS_MAX = 2
COMPLEMENT_LINKS = frozenset({"de", "d'", "du", "des"})


@cache
def state_body_nouns() -> frozenset[str]:
    """Return the folded nouns that name a state's body before its demonym (« marine »)."""
    return frozenset(fold(form) for row in read_lexicon("state_bodies") for form in row["forms"])


def state_body_candidates(tokens: TokenTable, countries: list[Candidate]) -> list[Candidate]:
    """Return the organisations a state-body noun and a demonym describe together.

    Only the words before a lower-case demonym are looked at: one dictionary lookup per
    demonym of the document.
    """
    nouns = state_body_nouns()
    found = []
    for country in countries:
        if not country.demonym or not tokens.texts[country.start].islower():
            continue
        i = previous_word(tokens, country.start)
        for _ in range(QUALIFIERS_MAX + 1):
            if i < 0 or not tokens.texts[i].isalpha() or not tokens.texts[i].islower():
                break
            determiner = previous_word(tokens, i)
            if fold(tokens.lowers[i]) in nouns and (
                determiner >= 0 and fold(tokens.lowers[determiner]) in DETERMINERS
            ):
                if not has_complement(tokens, country.end):
                    found.append(Candidate(i, country.end, "organization"))
                break
            i = determiner  # « forces armées maliennes »: « armées » qualifies « forces »
    return found


def has_complement(tokens: TokenTable, end: int) -> bool:
    """Return True when a « de » complement follows: the description goes on as a name.

    « le gouvernement libyen d’union nationale » is a longer name than its first words.
    """
    i = end
    while i < len(tokens) and tokens.is_space[i] and "\n" not in tokens.texts[i]:
        i += 1
    return i < len(tokens) and fold(tokens.lowers[i]) in COMPLEMENT_LINKS

