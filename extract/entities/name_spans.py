"""The token range of a name: what to trim off an entity the model found, what to join.

The model's entities sometimes carry a leading article or title ("le général X"), or
stop short inside a name, cut after "de l'" ("Coordination des mouvements de l'" +
"Azawad"): an entity that ends with a dangling preposition or elided article is joined
to the entity that follows it, or loses the dangling words when none follows.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

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


def joined_entities(doc: Doc, tokens: TokenTable) -> list[tuple[int, int, str]]:
    """Return the model's entities as (start, end, label), joining one cut after "de l'".

    An entity that ends with a dangling word is joined to the entity right after it, and
    keeps its own label ("Coordination des mouvements de l'" ORG + "Azawad" LOC: ORG).
    """
    joined: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if joined and joined[-1][1] == ent.start and tokens.lowers[ent.start - 1] in DANGLING:
            start, _, label = joined.pop()
            joined.append((start, ent.end, label))
        else:
            joined.append((ent.start, ent.end, ent.label_))
    return joined


def trim_span(span: Span, *, titles: frozenset[str]) -> Span | None:
    """Drop leading articles, titles and stray lower-case words; trailing punctuation and
    dangling words ("de l'")."""
    trimmed = trim_range(TokenTable(span.doc), span.start, span.end, titles=titles)
    return None if trimmed is None else span.doc[trimmed[0] : trimmed[1]]


def trim_range(
    tokens: TokenTable, start: int, end: int, *, titles: frozenset[str]
) -> tuple[int, int] | None:
    """Return tokens [start, end) trimmed as `trim_span` does, or None when no name is left."""
    lowers, texts = tokens.lowers, tokens.texts
    is_punct, is_space = tokens.is_punct, tokens.is_space
    while start < end:
        lower = lowers[start]
        if lower in ARTICLES or lower.rstrip(".") in titles or lower in titles:
            start += 1
        elif is_punct[start] or is_space[start]:
            start += 1
        elif texts[start][:1].islower() and lower not in NAME_PARTICLES:
            start += 1
        else:
            break
    while end > start and (is_punct[end - 1] or is_space[end - 1] or lowers[end - 1] in DANGLING):
        end -= 1
    if start >= end or not any(map(str.isalpha, tokens.span_text(start, end))):
        return None  # a name has letters: "�" or "2022" alone names nobody
    return start, end
