"""The networkx side of cooperation-graph: build the graph from records, and write it.

>>> from graph import build_graph, write_graph  # doctest: +SKIP
"""

from .build import GraphBuilder, build_graph
from .gexf import read_gexf, write_gexf
from .graphml import read_graphml, write_graphml
from .nodelink import read_nodelink, write_nodelink
from .statements import Statement, StatementTable, statements
from .tables import write_tables
from .write import read_graph, write_graph, write_html

__all__ = [
    "GraphBuilder",
    "Statement",
    "StatementTable",
    "build_graph",
    "read_gexf",
    "read_graph",
    "read_graphml",
    "read_nodelink",
    "statements",
    "write_gexf",
    "write_graph",
    "write_graphml",
    "write_html",
    "write_nodelink",
    "write_tables",
]
