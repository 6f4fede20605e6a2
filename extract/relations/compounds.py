"""Compound demonyms: « la coopération franco-allemande », « algéro-russe », « sino-américaines ».

Each part names a state: the leading parts are combining forms (« franco », « algéro »:
`combining_forms.jsonl`), the last one a demonym. The tokenizer keeps some compounds as
one token (« franco-allemande ») and cuts others at the hyphen (« algéro - russe »);
both are read here as the list of (start_char, end_char, text, ISO code) of their parts.
A compound whose last part is no demonym (« anglo-saxon », « indo-européen ») names no
state.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import Mention
from .lexicons import combining_forms, demonym_table, fold
from .parse import SentenceParse

Part = tuple[int, int, str, str]


def compound_mentions(token: Token, parse: SentenceParse, sent: int) -> list[Mention]:
    """Return a country mention for each part of the compound demonym at `token`, or []."""
    return [
        Mention(text, start, end, sent, "country", f"country:{code}")
        for start, end, text, code in compound_parts(token, parse)
    ]


def compound_parts(token: Token, parse: SentenceParse) -> list[Part]:
    """Return the states the compound demonym `token` belongs to names, or []."""
    folded, i = parse.folded, token.i
    if "-" in folded[i].strip("-"):
        return read_parts(split_token(token))
    if not ((i > 0 and folded[i - 1] == "-") or (i + 1 < len(folded) and folded[i + 1] == "-")):
        return []  # most words: no Token looked at
    words = hyphen_chain(token, parse)
    return read_parts(words) if len(words) >= 2 else []


def has_compound(words: list[str]) -> bool:
    """Return True when folded `words` may hold a compound demonym (a cheap first test)."""
    forms = combining_forms()
    return any(
        word.split("-", 1)[0] in forms if "-" in word else word in forms for word in words
    )


def split_token(token: Token) -> list[tuple[int, str]]:
    """Return the (start_char, text) of the hyphen-separated parts of one token."""
    parts, offset = [], token.idx
    for piece in token.text.split("-"):
        parts.append((offset, piece))
        offset += len(piece) + 1
    return parts


def hyphen_chain(token: Token, parse: SentenceParse) -> list[tuple[int, str]]:
    """Return the words joined to `token` by hyphens written without spaces (« algéro-russe »)."""
    doc = parse.doc
    start = end = token.i
    while start >= 2 and glued(doc[start - 2], doc[start - 1], doc[start]):
        start -= 2
    while end + 2 < len(doc) and glued(doc[end], doc[end + 1], doc[end + 2]):
        end += 2
    return [(doc[i].idx, doc[i].text) for i in range(start, end + 1, 2)]


def glued(left: Token, hyphen: Token, right: Token) -> bool:
    """Return True for « left-right » written as one word but cut into three tokens."""
    return (
        hyphen.text == "-"
        and not left.whitespace_
        and not hyphen.whitespace_
        and left.text.isalpha()
        and right.text.isalpha()
    )


def read_parts(words: list[tuple[int, str]]) -> list[Part]:
    """Return the states of a compound's parts, or [] when one part names none."""
    *leading, (last_start, last) = words
    last_code = demonym_table().get(fold(last))
    if not leading or last_code is None:
        return []
    parts = []
    for start, word in leading:
        code = combining_forms().get(fold(word))
        if code is None:
            return []
        parts.append((start, start + len(word), word, code))
    return [*parts, (last_start, last_start + len(last), last, last_code)]
