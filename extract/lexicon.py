"""Read the lexicons shipped in `extract/data/` (countries, triggers, titles, furniture).

A row that names a type (`relation`, `type`) is checked against `graph.vocabulary` when
read: a trigger for a relation the graph does not know would otherwise find nothing,
silently. Triggers must also say their part of speech.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from graph.vocabulary import ENTITY_TYPES, RELATION_TYPES

from .errors import LexiconError

# Fields that name a closed set of values, wherever a row has them.
CLOSED_FIELDS: dict[str, tuple[str, ...]] = {"relation": RELATION_TYPES, "type": ENTITY_TYPES}
# Fields each row of a lexicon must have, with their allowed values.
REQUIRED_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "triggers": {"relation": RELATION_TYPES, "pos": ("noun", "verb", "adj")},
}


@cache
def read_lexicon(name: str) -> tuple[dict[str, Any], ...]:
    """Return the records of `extract/data/<name>.jsonl`, one dict per line.

    >>> any(row["code"] == "MA" for row in read_lexicon("countries"))
    True
    """
    path = resources.files("extract") / "data" / f"{name}.jsonl"
    if not path.is_file():
        raise LexiconError(f"lexicon {name!r} not found: expected {path}")
    return parse_lexicon(path.read_text(encoding="utf-8"), name=name, source=str(path))


def parse_lexicon(text: str, *, name: str, source: str) -> tuple[dict[str, Any], ...]:
    """Return the rows of the JSON Lines `text` of lexicon `name`, each checked.

    `source` names the file in errors. A row naming a type the vocabulary lacks is an error:

    >>> parse_lexicon('{"lemma": "pacte", "relation": "alliance", "pos": "noun"}',
    ...               name="triggers", source="triggers.jsonl")
    Traceback (most recent call last):
    extract.errors.LexiconError: triggers.jsonl, line 1: relation 'alliance' is unknown; \
use one of: cooperation, affiliation, part_of, opposition
    """
    rows = []
    required = REQUIRED_FIELDS.get(name, {})
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}, line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise LexiconError(f"{where}: invalid JSON ({e.msg})") from e
        if not isinstance(row, dict):
            raise LexiconError(f"{where}: not a JSON object")
        for field, allowed in required.items():
            if field not in row:
                raise LexiconError(f"{where}: no {field!r}; give one of: {', '.join(allowed)}")
        for field, allowed in {**CLOSED_FIELDS, **required}.items():
            if field in row and row[field] not in allowed:
                raise LexiconError(
                    f"{where}: {field} {row[field]!r} is unknown; use one of: {', '.join(allowed)}"
                )
        rows.append(row)
    return tuple(rows)


def strip_accents(text: str) -> str:
    """Return `text` without combining accents ("États" → "Etats")."""
    if text.isascii():
        return text  # nothing to decompose: the common case, kept cheap
    return _strip_accents(text)


@lru_cache(maxsize=1 << 16)
def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """Return a lower-case ASCII slug usable in an XML name token ("Israël" → "israel")."""
    folded = strip_accents(text).lower()
    out = []
    for char in folded:
        if char.isascii() and char.isalnum():
            out.append(char)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-") or "x"
