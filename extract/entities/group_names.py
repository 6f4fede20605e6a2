"""A name right after a group noun is the group's: « le gang “X” », « le parti X ».

The press names gangs, militias, parties and media by a common noun then their name,
often in quotes: « le gang “Los Lobos”, dirigé par ... », « la milice « Les Lions de
Dieu » », « le groupe armé "Forces démocratiques alliées" ». The model reads such names
as people (a gang named after its leader's nickname), as places, or not at all. The
nouns are `group_nouns.jsonl`:

- a name in quotes after the noun, with up to two lower-case qualifiers between
  (« le groupe armé “X” »), is an organisation, whether the model saw it or not;
- a name the model found right after the noun and its determiner, with no quote, is one
  too (« le gang X », « du parti X »), whatever the model's label; not after a rank's
  « de » (« le général de brigade X » is a person).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from ..lexicon import read_lexicon, strip_accents
from ..tokens import TokenTable
from .candidates import Candidate
from .countries import fold
from .name_spans import organisation_heads, previous_word

OPENING_QUOTES = "«“\""
CLOSING_QUOTES = "»”\""
QUALIFIERS_MAX = 2
DETERMINERS = frozenset(
    {"le", "la", "l'", "les", "un", "une", "du", "des", "au", "aux", "ce", "cet", "cette"}
    | {"son", "sa"}
)
NAME_CHARS_MAX = 60


@cache
def group_nouns() -> frozenset[str]:
    """Return the folded nouns that name a group before its name (« gang », « parti »)."""
    return frozenset(fold(form) for row in read_lexicon("group_nouns") for form in row["forms"])


@cache
def quoted_name_pattern() -> re.Pattern[str]:
    """Return the pattern of « noun [qualifiers] “Name” », the name in group 1.

    The nouns match in any case, with or without their accents; the qualifiers only in
    lower case, and the name starts with a capital.
    """
    forms = {form for row in read_lexicon("group_nouns") for form in row["forms"]}
    forms |= {fold(form) for form in forms}
    nouns = "|".join(sorted((re.escape(n) for n in forms), key=len, reverse=True))
    qualifiers = rf"(?-i:(?:\s+[a-zà-ÿ-]+){{0,{QUALIFIERS_MAX}}})"
    name = rf"(?-i:[A-ZÀ-Ý][^{OPENING_QUOTES}{CLOSING_QUOTES}\n]{{0,{NAME_CHARS_MAX}}}?)"
    return re.compile(
        rf"\b(?:{nouns}){qualifiers}\s*[{OPENING_QUOTES}]\s*({name})\s*[{CLOSING_QUOTES}]",
        re.IGNORECASE,
    )


def quoted_group_names(doc: Doc, text: str) -> list[Candidate]:
    """Return the quoted names after a group noun as organisation candidates."""
    found = []
    for match in quoted_name_pattern().finditer(text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is not None and len(span):
            found.append(Candidate(span.start, span.end, "organization"))
    return found


def after_group_noun(tokens: TokenTable, start: int, demonyms: frozenset[int] = frozenset()) -> bool:
    """Return True when a determiner and a group noun stand right before token `start`.

    « le gang X », « du parti X », also with a demonym between (« le groupe italien X »,
    `demonyms` are the token indices that start one); not a rank's complement (« le
    général de brigade X »).
    """
    noun = previous_word(tokens, start)
    if noun in demonyms:
        noun = previous_word(tokens, noun)
    if noun < 0 or fold(tokens.lowers[noun]) not in group_nouns():
        return False
    determiner = previous_word(tokens, noun)
    return determiner >= 0 and fold(tokens.lowers[determiner]) in DETERMINERS



def headed_by_organisation_noun(tokens: TokenTable, start: int, end: int) -> bool:
    """Return True for a capitalised organisation noun, « de » and a name (« Parquet de Lyon »).

    The model reads such a name as the place it ends with; its head makes it the body.
    """
    return (
        end - start >= 3
        and tokens.texts[start][:1].isupper()
        and strip_accents(tokens.lowers[start]) in organisation_heads()
        and tokens.lowers[start + 1] in ("de", "d'", "d’", "du", "des")
    )
