"""Make a graph safe to serialise: XML-legal text, bounded evidence, one type per attribute."""

from __future__ import annotations

import math
import re
from typing import Any

import networkx as nx

# Characters XML 1.0 cannot carry: C0 controls but tab/newline/return, surrogates, U+FFFE/F.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_TEXT = 2000  # characters kept of one attribute value (long evidence is cut)
ELLIPSIS = "…"


def xml_text(text: str, *, limit: int = MAX_TEXT) -> str:
    """Return `text` without XML-illegal characters, cut to `limit` characters with an ellipsis.

    >>> xml_text("a\\x00b")
    'ab'
    >>> xml_text("abcdef", limit=4)
    'abc…'
    """
    text = XML_ILLEGAL.sub("", text)
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def safe_value(value: Any) -> str | int | float | bool:
    """Return an export-safe scalar: cleaned text, finite numbers, joined sequences."""
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else 0.0
    if value is None:
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        return xml_text("|".join(sorted(str(v) for v in value)))
    return xml_text(str(value))


def export_safe(G: nx.Graph) -> nx.Graph:
    """Return a copy of `G` whose ids and attribute values every writer can serialise."""
    H = nx.Graph()
    H.graph.update({k: safe_value(v) for k, v in G.graph.items()})
    for node, data in G.nodes(data=True):
        H.add_node(xml_text(str(node)), **{k: safe_value(v) for k, v in data.items()})
    for a, b, data in G.edges(data=True):
        H.add_edge(xml_text(str(a)), xml_text(str(b)), **{k: safe_value(v) for k, v in data.items()})
    return H
