"""Read the lexicons shipped in `extract/data/` (countries, triggers, titles, furniture)."""

from __future__ import annotations

import json
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any


@cache
def read_lexicon(name: str) -> tuple[dict[str, Any], ...]:
    """Return the records of `extract/data/<name>.jsonl`, one dict per line.

    >>> any(row["code"] == "MA" for row in read_lexicon("countries"))
    True
    """
    path = resources.files("extract") / "data" / f"{name}.jsonl"
    if not path.is_file():
        raise ValueError(f"lexicon {name!r} not found: expected {path}")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise ValueError(f"lexicon {name!r}, line {number}: invalid JSON ({e.msg})") from e
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
