"""A common noun that describes the organisation named right after it.

« l'industriel naval de défense français Naval Group », « la société suédoise Saab »,
« le groupe jihadiste Boko Haram »: the phrase stands for the organisation it ends
with. Its demonyms describe that organisation (its part_of, read elsewhere); they are
no party of their own, so « a choisi de travailler avec l'industriel français Naval
Group » relates to Naval Group, not to France. The parser often hangs the name off the
noun (as an object of the verb, a sibling), so the phrase is read left to right.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import Mention
from .parse import SentenceParse

# What the words between the noun and the name may be: a noun phrase's modifiers.
DESCRIPTION_DEPS = frozenset({"amod", "nmod", "case", "det", "flat", "flat:name", "obj", "appos"})
MAX_DESCRIPTION = 8


def described_organisation(
    noun: Token, parse: SentenceParse, mention_at: dict[int, Mention], end: int
) -> Mention | None:
    """Return the organisation whose name ends the description headed by `noun`, or None.

    Between the noun and the name only modifiers may stand, and states (the demonyms);
    a comma, a verb, another kind of name or a capitalised word outside any name ends it,
    and the name must be apposed, not a complement (« de l'OTAN »).
    """
    if noun.i in mention_at or not parse.folded[noun.i].isalpha():
        return None
    for i in range(noun.i + 1, min(end, noun.i + MAX_DESCRIPTION)):
        mention = mention_at.get(i)
        if mention is not None and mention.type == "organization":
            # « les forces américaines de l'OTAN »: a complement, not the name described.
            start = first_token(mention, mention_at, i)
            apposed = parse.token(start - 1).dep_ not in ("case", "det")
            return mention if i == start and apposed else None
        if mention is not None and mention.type != "country":
            return None
        token = parse.token(i)
        if mention is None and (token.dep_ not in DESCRIPTION_DEPS or token.text[:1].isupper()):
            return None
    return None


def first_token(mention: Mention, mention_at: dict[int, Mention], i: int) -> int:
    """Return where `mention` starts, walking back from its token `i`."""
    while mention_at.get(i - 1) is mention:
        i -= 1
    return i
