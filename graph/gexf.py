"""GEXF 1.3 for Gephi: colour by type, size by mentions, and a timeline when dates are known.

Gephi's GraphML importer has no notion of time; GEXF is how dates reach its timeline. A node
or edge with `first_date`/`last_date` (ISO dates) gets one spell from the first to the last
date, and the graph is then `mode="dynamic"` with `timeformat="date"`.
"""

from __future__ import annotations

import math
import os
import re
from typing import Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from .atomic import atomic_path
from .safety import export_safe
from .vocabulary import ENTITY_COLOURS, OTHER_COLOUR, RELATION_COLOURS

# Okabe–Ito colours, as RGB; relations in order of precedence on an edge (`graph.vocabulary`).
TYPE_COLOURS = ENTITY_COLOURS
MIN_SIZE, MAX_SIZE = 6.0, 40.0  # viz size of the least and the most mentioned node
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
XSI = "http://www.w3.org/2001/XMLSchema-instance"  # networkx 3.6 writes a wrong one for 1.3


def type_colour(node_type: str) -> tuple[int, int, int]:
    """Return the RGB colour of a node type."""
    return TYPE_COLOURS.get(node_type, OTHER_COLOUR)


def relation_colour(relations: str) -> tuple[int, int, int]:
    """Return the RGB colour of an edge: that of its first relation in order of precedence."""
    present = set(relations.split("|"))
    return next((c for name, c in RELATION_COLOURS.items() if name in present), OTHER_COLOUR)


def node_size(mentions: float, most: float) -> float:
    """Return a viz size whose area grows with `mentions` (the most mentioned gets MAX_SIZE)."""
    share = math.sqrt(max(mentions, 0) / most) if most > 0 else 0.0
    return round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * share, 2)


def spell(data: dict[str, Any]) -> tuple[str, str] | None:
    """Return the (start, end) dates of a node or edge, or None when it has no valid date."""
    first, last = data.get("first_date"), data.get("last_date", data.get("first_date"))
    if (
        isinstance(first, str)
        and isinstance(last, str)
        and ISO_DATE.fullmatch(first)
        and ISO_DATE.fullmatch(last)
    ):
        return (first, last) if first <= last else (last, first)
    return None


def colour(rgb: tuple[int, int, int]) -> dict[str, Any]:
    """Return a networkx viz colour."""
    r, g, b = rgb
    return {"r": r, "g": g, "b": b, "a": 1.0}


def gexf_graph(G: nx.Graph) -> nx.Graph:
    """Return the export-safe copy of `G` with networkx's `viz` and `spells` entries added."""
    H = export_safe(G)
    P = nx.Graph(mode="static")  # networkx switches to dynamic at the first spell
    numbers = [
        v
        for _, v in H.nodes(data="mentions")
        if isinstance(v, int | float) and not isinstance(v, bool)
    ]
    most = max(numbers, default=0)
    for node, data in H.nodes(data=True):
        attrs = dict(data)
        mentions = data.get("mentions", 0)
        mentions = (
            mentions if isinstance(mentions, int | float) and not isinstance(mentions, bool) else 0
        )
        attrs["viz"] = {
            "color": colour(type_colour(str(data.get("type", "")))),
            "size": node_size(mentions, most),
        }
        if (dates := spell(data)) is not None:
            attrs["spells"] = [dates]
        P.add_node(node, **attrs)
    for a, b, data in H.edges(data=True):
        attrs = dict(data)
        attrs["viz"] = {"color": colour(relation_colour(str(data.get("relations", ""))))}
        if (dates := spell(data)) is not None:
            attrs["spells"] = [dates]
        P.add_edge(a, b, **attrs)
    return P


def gexf_writer(G: nx.Graph) -> GEXFWriter:
    """Return a networkx GEXF 1.3 writer holding `G`, with a deterministic header."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.3")
    writer.xml.set("xmlns:xsi", XSI)
    meta = writer.xml.find("meta")
    meta.attrib.pop("lastmodifieddate", None)  # today's date would make outputs differ by day
    meta.find("creator").text = f"coopgraph (networkx {nx.__version__})"
    writer.add_graph(gexf_graph(G))
    if not writer.graph_element.get("name"):
        del writer.graph_element.attrib["name"]  # networkx writes name="" on every graph
    return writer


def write_gexf(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write `G` as GEXF 1.3 at `path`, atomically.

    >>> import tempfile, pathlib
    >>> G = nx.Graph()
    >>> day = {"first_date": "2020-12-10"}
    >>> G.add_node("country:MA", label="Maroc", type="country", mentions=3, **day)
    >>> G.add_node("country:IL", label="Israël", type="country", mentions=1, **day)
    >>> G.add_edge("country:MA", "country:IL", weight=1.0, relations="cooperation")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> write_gexf(G, out)
    >>> H = read_gexf(out)
    >>> H.nodes["country:MA"]["spells"], H.nodes["country:MA"]["viz"]["color"]
    ([('2020-12-10', '2020-12-10')], {'r': 0, 'g': 158, 'b': 115, 'a': 1.0})
    """
    writer = gexf_writer(G)
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        writer.write(fh)


def read_gexf(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a GEXF file written by `write_gexf` (viz and spells come back as networkx keys)."""
    return nx.read_gexf(path, version="1.3")
