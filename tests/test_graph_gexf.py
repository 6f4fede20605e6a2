"""GEXF 1.3: namespaces, colours, sizes, and spells that make Gephi's timeline play."""

from __future__ import annotations

import networkx as nx
from lxml import etree

from graph.gexf import MAX_SIZE, MIN_SIZE, TYPE_COLOURS, read_gexf, write_gexf

GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"


def dated_graph():
    G = nx.Graph()
    G.add_node(
        "country:MA",
        label="Maroc",
        type="country",
        mentions=9,
        first_date="2020-12-10",
        last_date="2021-03-02",
    )
    G.add_node(
        "person:ygal-unna",
        label="Ygal Unna",
        type="person",
        mentions=1,
        first_date="2021-03-02",
        last_date="2021-03-02",
    )
    G.add_node("org:dgsn", label="DGSN", type="organization", mentions=4)
    G.add_edge(
        "country:MA",
        "person:ygal-unna",
        weight=1.0,
        relations="cooperation",
        first_date="2021-03-02",
        last_date="2021-03-02",
    )
    G.add_edge("country:MA", "org:dgsn", weight=2.0, relations="part_of")
    return G


def test_dated_graph_is_dynamic_with_spells(tmp_path):
    out = tmp_path / "g.gexf"
    write_gexf(dated_graph(), out)
    root = etree.parse(str(out)).getroot()
    assert root.get("version") == "1.3"
    assert root.get(f"{XSI}schemaLocation") == "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
    assert root.find(f"{GEXF}meta").get("lastmodifieddate") is None
    graph = root.find(f"{GEXF}graph")
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("defaultedgetype")) == (
        "dynamic",
        "date",
        "undirected",
    )
    spells = {
        n.get("id"): [(s.get("start"), s.get("end")) for s in n.iter(f"{GEXF}spell")]
        for n in graph.iter(f"{GEXF}node")
    }
    assert spells == {
        "country:MA": [("2020-12-10", "2021-03-02")],
        "person:ygal-unna": [("2021-03-02", "2021-03-02")],
        "org:dgsn": [],
    }
    edge_spells = [
        [(s.get("start"), s.get("end")) for s in e.iter(f"{GEXF}spell")]
        for e in graph.iter(f"{GEXF}edge")
    ]
    assert edge_spells == [[("2021-03-02", "2021-03-02")], []]


def test_colour_by_type_and_size_by_mentions(tmp_path):
    out = tmp_path / "g.gexf"
    write_gexf(dated_graph(), out)
    G = read_gexf(out)
    r, g, b = TYPE_COLOURS["person"]
    assert G.nodes["person:ygal-unna"]["viz"]["color"] == {"r": r, "g": g, "b": b, "a": 1.0}
    assert G.nodes["country:MA"]["viz"]["size"] == MAX_SIZE
    assert (
        MIN_SIZE < G.nodes["person:ygal-unna"]["viz"]["size"] < G.nodes["org:dgsn"]["viz"]["size"]
    )
    assert G.nodes["country:MA"]["first_date"] == "2020-12-10"  # dates stay attributes too
    assert G.edges["country:MA", "org:dgsn"]["weight"] == 2.0


def test_a_bad_date_gives_no_spell(tmp_path):
    G = nx.Graph()
    G.add_node("a", first_date="décembre 2020")
    out = tmp_path / "g.gexf"
    write_gexf(G, out)
    assert read_gexf(out).graph["mode"] == "static"
