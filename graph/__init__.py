"""The networkx side of cooperation-graph: build the graph from records, and write it.

>>> from graph import build_graph, write_graph  # doctest: +SKIP
"""

from .build import GraphBuilder, build_graph
from .gexf import read_gexf, write_gexf
from .graphml import read_graphml, write_graphml
from .nodelink import read_nodelink, write_nodelink
from .tables import write_tables
from .write import read_graph, write_graph

__all__ = [
    "GraphBuilder",
    "build_graph",
    "read_gexf",
    "read_graph",
    "read_graphml",
    "read_nodelink",
    "write_gexf",
    "write_graph",
    "write_graphml",
    "write_nodelink",
    "write_tables",
]
