"""The spaCy side of cooperation-graph: entities and relations from French news text.

Importing `extract` is cheap; spaCy loads on first use of a name that needs it.

>>> from extract import extract_documents
>>> texts = ["Le Maroc et le Qatar coopèrent."]
>>> [(r.source, r.target, r.type) for result in extract_documents(None, texts)
...  for r in result.relations]
[('country:MA', 'country:QA', 'cooperation')]
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .records import Document, DocumentResult, Entity, Mention, Relation

_LAZY = {
    "load_pipeline": "extract.pipeline",
    "extract_documents": "extract.engine",
}

__all__ = ["Document", "DocumentResult", "Entity", "Mention", "Relation", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
