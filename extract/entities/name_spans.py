"""The token range of a name: what to trim off an entity the model found, what to join.

The model's entities sometimes carry a leading article or title ("le général X"), or
stop short inside a name, cut after "de l'" ("Coordination des mouvements de l'" +
"Azawad"): an entity that ends with a dangling preposition or elided article is joined
to the entity that follows it, or loses the dangling words when none follows.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span

from ..lexicon import read_lexicon, strip_accents
from ..tokens import TokenTable

# Lower-case words that may open a name ("de Gaulle", "al-Assad", "ben Salmane").
NAME_PARTICLES = frozenset(
    {
        "de",
        "du",
        "des",
        "d'",
        "d’",
        "la",
        "le",
        "al",
        "el",
        "ben",
        "bin",
        "van",
        "von",
        "ibn",
        "abou",
        "abu",
    }
)
ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’"})
# Words a name cannot end with: they announce what follows ("Front de libération de l'").
DANGLING = frozenset({"de", "du", "des", "d'", "d’", "l'", "l’"})
DANGLING_ARTICLES = frozenset({"la", "le", "les"})  # dangling after a "de": « de la »
# A ministry's name is its portfolio: left to `mentions.is_portfolio` (not a node).
PORTFOLIO_WORDS = frozenset({"ministère", "ministères"})
# Possessives that open a description, never a name ("Son Excellence l'Ambassadeur").
POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos"})
# Tokens after which a capitalised word opens a sentence, so its capital says nothing.
SENTENCE_OPENERS = frozenset(
    {".", "!", "?", ":", ";", "«", '"', "“", "(", "[", "—", "–", "-", "…", "|", "•"}
)
# Words that make a title of the title after them ("Premier ministre").
TITLE_PREFIXES = frozenset({"premier", "première", "vice", "ex", "ancien", "ancienne"})


@cache
def organisation_heads() -> frozenset[str]:
    """Return the nouns that make a phrase an organisation's name ("agence", "front")."""
    return frozenset(strip_accents(row["word"]) for row in read_lexicon("organisation_heads"))


@cache
def post_words() -> frozenset[str]:
    """Return the folded words that name a post or a title held by a person (« ministre »)."""
    forms = {
        form
        for row in read_lexicon("affiliation_heads")
        for form in [row["lemma"], *row.get("forms", []), *row.get("extra_forms", [])]
    }
    forms |= {row["title"] for row in read_lexicon("titles")}
    return frozenset(strip_accents(form).lower() for form in forms)


def names_organisation(text: str) -> bool:
    """Return True when `text` holds a noun that heads organisation names.

    An acronym whose long form holds none abbreviates a common noun, not a name:
    « organismes génétiquement modifiés (OGM) », « Indice de développement humain (IDH) ».

    >>> names_organisation("Office français de lutte anti-drogue")
    True
    >>> names_organisation("acide ribonucléique")
    False
    """
    words = strip_accents(text).lower().replace("’", " ").replace("'", " ").split()
    heads = organisation_heads()
    return any(w in heads or any(part in heads for part in w.split("-")) for w in words)


def joined_entities(doc: Doc, tokens: TokenTable) -> list[tuple[int, int, str]]:
    """Return the model's entities as (start, end, label), joining one cut after "de l'".

    An entity that ends with a dangling word is joined to the entity right after it, and
    keeps its own label ("Coordination des mouvements de l'" ORG + "Azawad" LOC: ORG); a
    first name cut off a person's name is joined to it (`is_cut_first_name`).
    """
    joined: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if joined and joined[-1][1] == ent.start and tokens.lowers[ent.start - 1] in DANGLING:
            start, _, label = joined.pop()
            joined.append((start, ent.end, label))
        elif joined and is_cut_first_name(tokens, joined[-1], ent.start, ent.label_):
            start, _, _ = joined.pop()
            joined.append((start, ent.end, "PER"))
        else:
            joined.append((ent.start, ent.end, ent.label_))
    return [
        (start, with_coordinated_adjective(doc, tokens, start, end), label) if label == "ORG"
        else (start, end, label)
        for start, end, label in joined
    ]


def is_cut_first_name(
    tokens: TokenTable, previous: tuple[int, int, str], start: int, label: str
) -> bool:
    """Return True for a first word the model cut off the person's name right after it.

    « "Nikos Papadakis, ministre ... » opening a quote or a sentence: the model reads the
    first name as a place and the rest as a person. One capitalised word, then the
    person's name with nothing but a space between.
    """
    first, end, first_label = previous
    return (
        label == "PER"
        and first_label != "PER"
        and end == start
        and end - first == 1
        and tokens.is_title[first]
        and not tokens.texts[first].isupper()
        and opens_sentence(tokens, first)
    )


def with_coordinated_adjective(doc: Doc, tokens: TokenTable, start: int, end: int) -> int:
    """Return the end of an organisation's name the model cut before « et » + an adjective.

    « Agence fédérale de la Sécurité sanitaire et alimentaire »: the model stops at
    « sanitaire ». The name goes on when a lower-case word ends it, and « et » joins
    a lower-case word the parse coordinates with a word of the name; not an article
    (« l’Union africaine et les Nations unies »), a post or an organisation's noun.
    """
    after = end + 1
    if after >= len(tokens) or tokens.lowers[end] != "et":
        return end
    last, word = tokens.texts[end - 1], tokens.texts[after]
    if not (last.isalpha() and last.islower() and word.isalpha() and word.islower()):
        return end
    token = doc[after]
    if token.dep_ != "conj" or not start <= token.head.i < end or word in ARTICLES | POSSESSIVES:
        return end
    folded = strip_accents(word).lower()
    if folded in post_words() or folded in organisation_heads():
        return end  # « du Conseil national suprême et ministre de la Défense »
    return after + 1


def trim_span(span: Span, *, titles: frozenset[str]) -> Span | None:
    """Drop leading articles, titles and stray lower-case words; trailing punctuation and
    dangling words ("de l'")."""
    trimmed = trim_range(TokenTable(span.doc), span.start, span.end, titles=titles)
    return None if trimmed is None else span.doc[trimmed[0] : trimmed[1]]


def is_title(lower: str, titles: frozenset[str]) -> bool:
    """Return True for a title, hyphenated ones included (« vice-ministre », « caporal-chef »)."""
    if (
        lower in titles
        or lower.rstrip(".") in titles
        or (lower[-1:] == "s" and lower[:-1] in titles)
    ):
        return True
    parts = lower.split("-")
    return len(parts) > 1 and (parts[0] in titles or parts[-1] in titles)


def previous_word(tokens: TokenTable, i: int) -> int:
    """Return the index of the token before `i` that is not a space (-1 if none)."""
    i -= 1
    while i >= 0 and tokens.is_space[i] and "\n" not in tokens.texts[i]:
        i -= 1
    return i


def opens_sentence(tokens: TokenTable, i: int) -> bool:
    """Return True when token `i` opens the text, a line or a sentence."""
    i = previous_word(tokens, i)
    return i < 0 or "\n" in tokens.texts[i] or tokens.texts[i] in SENTENCE_OPENERS


def is_complement_head(tokens: TokenTable, i: int) -> bool:
    """Return True for a lower-case noun with a "de" complement: « police de Rome »."""
    return i + 1 < len(tokens) and tokens.lowers[i + 1] in DANGLING - {"l'", "l’"}


def trim_range(
    tokens: TokenTable, start: int, end: int, *, titles: frozenset[str], label: str = ""
) -> tuple[int, int] | None:
    """Return tokens [start, end) trimmed as `trim_span` does, or None when no name is left.

    An article written with a capital inside a sentence is part of the name (« le parti
    Le Foyer juif », « Le Corbusier »). An organisation keeps a lower-case first word
    that takes a complement (« la police de Rome », « l'université d'Oxford »): without
    it, the name would be the place's. A person's name stops before a number (« Karim S.
    38 ans »).
    """
    lowers, texts = tokens.lowers, tokens.texts
    is_punct, is_space = tokens.is_punct, tokens.is_space
    while start < end:
        lower = lowers[start]
        if lower in ARTICLES or lower in POSSESSIVES:
            if (
                lower in ARTICLES
                and texts[start][:1].isupper()
                and not opens_sentence(tokens, start)
            ):
                break  # « le parti Le Foyer juif »: the capital makes it part of the name
            start += 1
        elif is_title(lower, titles):
            start += 1
        elif lower in TITLE_PREFIXES and start + 1 < end and lowers[start + 1] in titles:
            start += 2
        elif is_punct[start] or is_space[start]:
            start += 1
        elif texts[start][:1].islower() and lower not in NAME_PARTICLES:
            if (
                label == "ORG"
                and is_complement_head(tokens, start)
                and start + 2 < end
                and lower not in PORTFOLIO_WORDS
            ):
                break  # « police de Rome »
            start += 1
        else:
            break
    if label == "PER":
        end = next((i for i in range(start, end) if tokens.like_num[i]), end)
    while end > start and (
        is_punct[end - 1]
        or is_space[end - 1]
        or lowers[end - 1] in DANGLING
        or (
            lowers[end - 1] in DANGLING_ARTICLES and end - 2 > start and lowers[end - 2] in DANGLING
        )
    ):
        end -= 1  # « Agence fédérale de la » before « Fédération de Russie »: its state
    if start >= end or not any(map(str.isalpha, tokens.span_text(start, end))):
        return None  # a name has letters: "�" or "2022" alone names nobody
    return start, end
