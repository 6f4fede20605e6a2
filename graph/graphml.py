"""GraphML for Gephi, igraph and networkx: typed keys, schema-valid, UTF-8."""

from __future__ import annotations

import os

import networkx as nx

from .atomic import atomic_path
from .safety import export_safe


def write_graphml(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write `G` as GraphML at `path`, atomically.

    >>> import tempfile, pathlib
    >>> G = nx.Graph(); G.add_edge("country:MA", "country:QA", weight=1.0)
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> write_graphml(G, out)
    >>> sorted(read_graphml(out).nodes)
    ['country:MA', 'country:QA']
    """
    H = export_safe(G)
    with atomic_path(path) as tmp:
        nx.write_graphml(H, tmp, encoding="utf-8", prettyprint=True, named_key_ids=False)


def read_graphml(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a GraphML file written by `write_graphml`."""
    return nx.read_graphml(path)
