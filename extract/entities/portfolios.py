"""Posts told apart by their portfolio: « le ministre de l’Intérieur », « le directeur de la police ».

`described_persons` resolves « le ministre de l’Intérieur a signé… » to the one person
named before as « ministre de l’Intérieur »: the same post and the same portfolio, the
words of the post's own complements (« de l’Intérieur », « des Affaires étrangères »),
read off the parse. A state in it (« ministre de la Défense britannique ») is not part
of the portfolio: the description and its antecedent may name it or not.

« le responsable du ministère de l’Intérieur » (or its « chef », « titulaire ») is « le
ministre de l’Intérieur ».
"""

from __future__ import annotations

from spacy.tokens import Doc

# Dependencies that keep a word inside its post's complement (« de la Défense nationale »).
PORTFOLIO_DEPS = frozenset({"case", "det", "nmod", "amod", "cc", "conj", "fixed", "flat"})
# Words of a complement that do not tell one portfolio from another.
GLUE_DEPS = frozenset({"case", "det", "cc"})
MINISTRY = "ministere"
# « le responsable du ministère de X » is its minister.
MINISTRY_HEADS = frozenset({"responsable", "chef", "titulaire", "patron"})
MINISTER = "ministre"

Portfolio = tuple[str, ...]


def portfolio_at(
    doc: Doc, words: list[str], post: int, skip: set[int], stop: set[int]
) -> tuple[int, Portfolio]:
    """Return where the complement of the post at token `post` ends and its portfolio.

    The complement is the words right after the post in its own subtree, linked to it by
    `PORTFOLIO_DEPS` only; tokens in `stop` (a person's name) end it, tokens in `skip`
    (a state) are in it but not in the portfolio.
    """
    end = post + 1
    words_in: list[str] = []
    while end < len(doc) and end not in stop and under_post(doc, end, post):
        if end not in skip and doc[end].dep_ not in GLUE_DEPS:
            words_in.append(words[end])
        end += 1
    return end, tuple(words_in)


def under_post(doc: Doc, i: int, post: int) -> bool:
    """Return True when token `i` hangs from `post` through portfolio dependencies only."""
    token = doc[i]
    if token.is_punct:
        return False
    while token.i != post:
        if token.dep_ not in PORTFOLIO_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return True


def as_minister(lemma: str, portfolio: Portfolio) -> tuple[str, Portfolio]:
    """Return « ministre » and its portfolio for « le responsable du ministère de X »."""
    if lemma in MINISTRY_HEADS and len(portfolio) > 1 and portfolio[0] == MINISTRY:
        return MINISTER, portfolio[1:]
    return lemma, portfolio
