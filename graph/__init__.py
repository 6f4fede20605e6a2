"""The networkx side of cooperation-graph: build the graph from records, and write it.

>>> from graph import build_graph, write_graph  # doctest: +SKIP
"""

from .build import GraphBuilder, build_graph
from .graphml import read_graphml, write_graphml
from .write import write_graph

__all__ = ["GraphBuilder", "build_graph", "read_graphml", "write_graph", "write_graphml"]
