"""Make a graph safe to serialise in every format we write.

`export_safe(G)` returns a copy in which:

- text carries only characters XML 1.0 allows (no NUL, C0 controls, unpaired surrogates,
  U+FFFE/U+FFFF), line ends are `\\n`, and a value longer than `MAX_TEXT` is cut with an ellipsis;
- node ids and attribute names are XML name tokens (GraphML declares them `xs:NMTOKEN`):
  other characters are escaped as `_xHHHH_`, and an id that collides after cleaning gets a
  `-2`, `-3`... suffix, so two nodes never merge;
- attribute names that GEXF or node-link JSON reserve (`id`, `start`, `viz`, `source`...)
  get a trailing `_`;
- every value is a str, int, float or bool, and every attribute name has ONE type across
  the graph (an int on one node and a str on another make it a str everywhere); None and
  non-finite numbers mean "no value" and are left out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

# Characters XML 1.0 cannot carry: C0 controls but tab/newline/return, surrogates, U+FFFE/F.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
LINE_ENDS = re.compile("\r\n?")
# Name-token characters every XML parser and schema validator agrees on (ASCII only).
NOT_NAME_CHAR = re.compile(r"[^A-Za-z0-9._:\-]")
MAX_TEXT = 2000  # characters kept of one attribute value (long evidence is cut)
ELLIPSIS = "…"
SEPARATOR = "|"
INT64 = range(-(2**63), 2**63)  # GraphML `long`, GEXF `long`
# Attribute names a format gives a meaning of its own (GEXF, node-link JSON, networkx).
RESERVED_NODE_NAMES = frozenset({"id", "pid", "start", "end", "viz", "spells", "parents", "slices"})
RESERVED_EDGE_NAMES = RESERVED_NODE_NAMES | {"source", "target", "key", "type", "networkx_key"}
# Names whose type a format fixes: GEXF puts `label` and `weight` in XML attributes.
FIXED_TYPES: dict[str, type] = {"label": str}
FIXED_EDGE_TYPES: dict[str, type] = {"label": str, "weight": float}


def xml_text(text: str, *, limit: int = MAX_TEXT) -> str:
    """Return `text` without XML-illegal characters, cut to `limit` characters with an ellipsis.

    >>> xml_text("a\\x00b\\r\\nc")
    'ab\\nc'
    >>> xml_text("abcdef", limit=4)
    'abc…'
    """
    text = LINE_ENDS.sub("\n", XML_ILLEGAL.sub("", text))
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def xml_name(text: str) -> str:
    """Return `text` as an XML name token: other characters escaped as `_xHHHH_`.

    >>> xml_name("country:MA")
    'country:MA'
    >>> xml_name("date de publication")
    'date_x0020_de_x0020_publication'
    """
    escaped = NOT_NAME_CHAR.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    return escaped or "_"


def unique(name: str, taken: set[str], *, suffix: str = "-") -> str:
    """Return `name`, or `name` with the first free numbered suffix, and mark it taken."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}{suffix}{n}"
    taken.add(candidate)
    return candidate


def scalar(value: Any) -> str | int | float | bool | None:
    """Return an export-safe scalar, or None for "no value".

    Sets are joined in sorted order, lists and tuples in their own order.

    >>> scalar(["b", "a"]), scalar({"b", "a"}), scalar(float("nan")), scalar(2**70)
    ('b|a', 'a|b', None, '1180591620717411303424')
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value if value in INT64 else str(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, set | frozenset):
        return xml_text(SEPARATOR.join(sorted(str(v) for v in value)))
    if isinstance(value, list | tuple):
        return xml_text(SEPARATOR.join(str(v) for v in value))
    if isinstance(value, bytes):
        return xml_text(value.decode("utf-8", "replace"))
    return xml_text(str(value))


def common_type(values: Iterable[Any]) -> type:
    """Return the one type all `values` can take: bool, int, float, else str.

    >>> [common_type(values).__name__ for values in ([1, 2.5], [True, 3], [1, "a"])]
    ['float', 'int', 'str']
    """
    kinds = {type(v) for v in values}
    for candidate, allowed in ((bool, {bool}), (int, {bool, int}), (float, {bool, int, float})):
        if kinds <= allowed:
            return candidate
    return str


def coerce(value: str | int | float | bool, kind: type) -> str | int | float | bool | None:
    """Return `value` as `kind` (None when a fixed numeric type cannot take it)."""
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    if kind is str:
        return xml_text(str(value).lower() if isinstance(value, bool) else str(value))
    try:
        converted = kind(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return converted if not isinstance(converted, float) or math.isfinite(converted) else None


def safe_names(names: Iterable[Any], reserved: frozenset[str]) -> dict[Any, str]:
    """Return each attribute name → an XML name token, clear of `reserved`, unique."""
    out: dict[Any, str] = {}
    taken: set[str] = set()
    for name in names:
        clean = xml_name(xml_text(str(name)))
        while clean in reserved:
            clean += "_"
        out[name] = unique(clean, taken, suffix="_")
    return out


def safe_attributes(
    items: list[Mapping[Any, Any]], *, reserved: frozenset[str], fixed: Mapping[str, type]
) -> list[dict[str, Any]]:
    """Return `items` with safe names and values, one type per attribute name."""
    names = safe_names(dict.fromkeys(k for data in items for k in data), reserved)
    cleaned = [
        {names[k]: v for k, v in ((k, scalar(v)) for k, v in data.items()) if v is not None}
        for data in items
    ]
    kinds = {
        name: common_type(data[name] for data in cleaned if name in data) for name in names.values()
    }
    kinds.update((name, kind) for name, kind in fixed.items() if name in kinds)
    out = []
    for data in cleaned:
        coerced = {k: coerce(v, kinds[k]) for k, v in data.items()}
        out.append({k: v for k, v in coerced.items() if v is not None})
    return out


def safe_ids(nodes: Iterable[Any]) -> dict[Any, str]:
    """Return each node → a unique XML name token id (kept as is when it already is one)."""
    taken: set[str] = set()
    return {node: unique(xml_name(xml_text(str(node), limit=10**9)), taken) for node in nodes}


def safe_value(value: Any) -> str | int | float | bool:
    """Return an export-safe scalar for one value on its own ("" for no value)."""
    clean = scalar(value)
    return "" if clean is None else clean


def export_safe(G: nx.Graph) -> nx.Graph:
    """Return an undirected copy of `G` that every writer can serialise and every reader re-reads.

    >>> G = nx.Graph()
    >>> G.add_node("a b", label="A\\x00", mentions=2)
    >>> G.add_node("c", label=3, mentions="many")
    >>> H = export_safe(G)
    >>> dict(H.nodes(data=True))
    {'a_x0020_b': {'label': 'A', 'mentions': '2'}, 'c': {'label': '3', 'mentions': 'many'}}
    >>> export_safe(nx.Graph([("x", "y")])).nodes["x"]
    {'label': 'x'}
    """
    ids = safe_ids(G.nodes)
    H = nx.Graph()
    [graph_data] = safe_attributes([G.graph], reserved=frozenset(), fixed={})
    H.graph.update(graph_data)
    node_data = safe_attributes(
        [data for _, data in G.nodes(data=True)], reserved=RESERVED_NODE_NAMES, fixed=FIXED_TYPES
    )
    for node, data in zip(G.nodes, node_data, strict=True):
        # Every node has a display name; GEXF and Gephi's tables would show the id anyway.
        data.setdefault("label", xml_text(str(node)))
        H.add_node(ids[node], **data)
    edges = list(G.edges(data=True))
    edge_data = safe_attributes(
        [data for _, _, data in edges], reserved=RESERVED_EDGE_NAMES, fixed=FIXED_EDGE_TYPES
    )
    for (a, b, _), data in zip(edges, edge_data, strict=True):
        H.add_edge(ids[a], ids[b], **data)
    return H
