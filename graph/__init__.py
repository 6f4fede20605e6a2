"""The networkx side of cooperation-graph: build the graph from records, and write it.

Importing `graph` is cheap: networkx loads on first use of a name that needs it, so
`graph.vocabulary` and `graph.errors` serve `extract` without it.

>>> from graph import build_graph, write_graph
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {
    "GraphBuilder": "graph.build",
    "build_graph": "graph.build",
    "read_gexf": "graph.gexf",
    "write_gexf": "graph.gexf",
    "read_graphml": "graph.graphml",
    "write_graphml": "graph.graphml",
    "read_nodelink": "graph.nodelink",
    "write_nodelink": "graph.nodelink",
    "write_tables": "graph.tables",
    "read_graph": "graph.write",
    "write_graph": "graph.write",
    "write_html": "graph.html",
    "Statement": "graph.statements",
    "StatementTable": "graph.statements",
    "statement_rows": "graph.statements",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
