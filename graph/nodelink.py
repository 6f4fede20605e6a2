"""JSON node-link (networkx's format) for web pages: `{"nodes": [...], "edges": [...]}`, UTF-8."""

from __future__ import annotations

import json
import os

import networkx as nx

from .atomic import atomic_path
from .safety import export_safe


def generate_nodelink(G: nx.Graph) -> str:
    """Return `G` as node-link JSON text (non-ASCII kept as is, keys in a stable order).

    >>> G = nx.Graph(); G.add_edge("country:MA", "country:IL", weight=1.0)
    >>> G.nodes["country:MA"]["label"], G.nodes["country:IL"]["label"] = "Maroc", "Israël"
    >>> print(generate_nodelink(G))  # doctest: +NORMALIZE_WHITESPACE
    {"directed": false, "multigraph": false, "graph": {},
     "nodes": [{"label": "Maroc", "id": "country:MA"}, {"label": "Israël", "id": "country:IL"}],
     "edges": [{"weight": 1.0, "source": "country:MA", "target": "country:IL"}]}
    """
    data = nx.node_link_data(export_safe(G), edges="edges")
    return json.dumps(data, ensure_ascii=False, allow_nan=False)


def write_nodelink(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write `G` as node-link JSON at `path`, atomically.

    >>> import tempfile, pathlib
    >>> G = nx.Graph(); G.add_node("country:IL", label="Israël")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> write_nodelink(G, out)
    >>> read_nodelink(out).nodes["country:IL"]["label"]
    'Israël'
    """
    text = generate_nodelink(G)
    with atomic_path(path) as tmp:
        tmp.write_text(text + "\n", encoding="utf-8")


def read_nodelink(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a node-link JSON file written by `write_nodelink`."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return nx.node_link_graph(data, edges="edges")
