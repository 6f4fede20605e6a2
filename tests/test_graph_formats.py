"""Every output of the seeds graph, read back by an independent reader: all agree."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from lxml import etree

from graph import build_graph, write_graph
from graph.tables import table_paths

FORMATS = ("graphml", "gexf", "csv", "json")
NODE_KEYS = ("label", "type", "aliases", "mentions", "documents", "country_code")
EDGE_KEYS = ("weight", "relations", "evidence", "documents", "hedged")


@pytest.fixture(scope="module")
def seeds_graph(seed_results):
    return build_graph(seed_results)


@pytest.fixture(scope="module")
def outputs(seeds_graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    paths = {}
    for name in FORMATS:
        paths[name] = folder / f"seeds.{name}"
        write_graph(seeds_graph, paths[name])
    return paths


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def edge_set(G):
    return {frozenset(e) for e in G.edges}


def test_seeds_graph_is_not_trivial(seeds_graph):
    assert seeds_graph.number_of_nodes() >= 5
    assert seeds_graph.number_of_edges() >= 2


def test_graphml_reads_in_networkx_with_every_attribute_and_type(seeds_graph, outputs):
    G = nx.read_graphml(outputs["graphml"])
    assert list(G.nodes) == list(seeds_graph.nodes)
    assert edge_set(G) == edge_set(seeds_graph)
    for node, data in seeds_graph.nodes(data=True):
        assert G.nodes[node] == data
    for a, b, data in seeds_graph.edges(data=True):
        assert G.edges[a, b] == data
        assert type(G.edges[a, b]["weight"]) is float and type(G.edges[a, b]["hedged"]) is int


def test_graphml_is_valid_against_the_schema(outputs, graphml_schema):
    document = etree.parse(str(outputs["graphml"]))
    assert graphml_schema.validate(document), graphml_schema.error_log


def test_graphml_reads_in_igraph_with_the_same_counts_and_values(seeds_graph, outputs):
    igraph = pytest.importorskip("igraph")
    g = igraph.Graph.Read_GraphML(str(outputs["graphml"]))
    assert (g.vcount(), g.ecount()) == (
        seeds_graph.number_of_nodes(),
        seeds_graph.number_of_edges(),
    )
    for vertex in g.vs:
        data = seeds_graph.nodes[vertex["id"]]
        assert vertex["label"] == data["label"]
        assert vertex["mentions"] == data["mentions"]
    ids = g.vs["id"]
    for edge in g.es:
        data = seeds_graph.edges[ids[edge.source], ids[edge.target]]
        assert edge["weight"] == data["weight"] and edge["relations"] == data["relations"]


def test_gexf_reads_in_networkx_with_the_same_attributes(seeds_graph, outputs):
    G = nx.read_gexf(outputs["gexf"])
    assert sorted(G.nodes) == sorted(seeds_graph.nodes)
    assert edge_set(G) == edge_set(seeds_graph)
    for node, data in seeds_graph.nodes(data=True):
        read = {k: v for k, v in G.nodes[node].items() if k != "viz"}
        assert read == data
    for a, b, data in seeds_graph.edges(data=True):
        read = {k: v for k, v in G.edges[a, b].items() if k not in ("id", "viz")}
        assert read == data


def test_gexf_colours_nodes_by_type_and_sizes_them_by_mentions(seeds_graph, outputs):
    G = nx.read_gexf(outputs["gexf"])
    colours = {}
    for _, data in G.nodes(data=True):
        colour = data["viz"]["color"]
        colours.setdefault(data["type"], set()).add((colour["r"], colour["g"], colour["b"]))
    assert all(len(c) == 1 for c in colours.values())
    assert len({next(iter(c)) for c in colours.values()}) == len(colours)
    most = max(seeds_graph.nodes, key=lambda n: seeds_graph.nodes[n]["mentions"])
    assert G.nodes[most]["viz"]["size"] == max(d["viz"]["size"] for _, d in G.nodes(data=True))
    assert G.graph["mode"] == "static"  # the seeds have no dates: no timeline


def test_json_reads_with_networkx_node_link_reader(seeds_graph, outputs):
    data = json.loads(outputs["json"].read_text(encoding="utf-8"))
    G = nx.node_link_graph(data, edges="edges")
    assert list(G.nodes) == list(seeds_graph.nodes)
    assert edge_set(G) == edge_set(seeds_graph)
    for node, attrs in seeds_graph.nodes(data=True):
        assert G.nodes[node] == attrs
    for a, b, attrs in seeds_graph.edges(data=True):
        assert G.edges[a, b] == attrs
    assert "Israël" in outputs["json"].read_text(encoding="utf-8")  # not \u-escaped


def test_csv_has_gephi_headers_and_the_same_values(seeds_graph, outputs):
    nodes_path, edges_path = table_paths(outputs["csv"])
    assert (nodes_path.name, edges_path.name) == ("seeds_nodes.csv", "seeds_edges.csv")
    header, nodes = read_csv(nodes_path)
    assert header == ["Id", "Label", "Type", "Aliases", "Mentions", "Documents", "Country_code"]
    assert [row["Id"] for row in nodes] == list(seeds_graph.nodes)
    for row in nodes:
        data = seeds_graph.nodes[row["Id"]]
        assert row["Label"] == data["label"] and row["Type"] == data["type"]
        assert int(row["Mentions"]) == data["mentions"]
        assert row["Country_code"] == data.get("country_code", "")
    header, edges = read_csv(edges_path)
    assert header == [
        "Source",
        "Target",
        "Type",
        "Weight",
        "Relations",
        "Evidence",
        "Documents",
        "Hedged",
    ]
    assert {frozenset((row["Source"], row["Target"])) for row in edges} == edge_set(seeds_graph)
    for row in edges:
        data = seeds_graph.edges[row["Source"], row["Target"]]
        assert row["Type"] == "Undirected"
        assert float(row["Weight"]) == data["weight"]
        assert (row["Relations"], row["Evidence"]) == (data["relations"], data["evidence"])


def test_all_readers_agree_on_counts(seeds_graph, outputs):
    counts = {
        "graphml": nx.read_graphml(outputs["graphml"]),
        "gexf": nx.read_gexf(outputs["gexf"]),
        "json": nx.node_link_graph(json.loads(outputs["json"].read_text("utf-8")), edges="edges"),
    }
    nodes_path, edges_path = table_paths(outputs["csv"])
    csv_counts = (len(read_csv(nodes_path)[1]), len(read_csv(edges_path)[1]))
    expected = (seeds_graph.number_of_nodes(), seeds_graph.number_of_edges())
    assert {name: (G.number_of_nodes(), G.number_of_edges()) for name, G in counts.items()} == {
        name: expected for name in counts
    }
    assert csv_counts == expected


@pytest.mark.parametrize("name", FORMATS)
def test_the_same_graph_gives_byte_identical_files(seeds_graph, outputs, tmp_path, name):
    again = tmp_path / f"seeds.{name}"
    write_graph(seeds_graph, again)
    if name == "csv":
        for first, second in zip(table_paths(outputs[name]), table_paths(again), strict=True):
            assert first.read_bytes() == second.read_bytes()
    else:
        assert again.read_bytes() == outputs[name].read_bytes()
