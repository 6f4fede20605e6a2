"""`coopgraph plot` and `plot_graph`: pictures from every graph file we read, deterministic."""

from __future__ import annotations

import networkx as nx
import pytest

from extract.cli import main
from graph import write_graph
from graph.plot import layout, plot_graph


def sample_graph():
    G = nx.Graph()
    for i, (kind, name) in enumerate(
        [
            ("country", "Maroc"),
            ("country", "Qatar"),
            ("country", "Israël"),
            ("person", "Abdellatif Hammouchi"),
            ("organization", "DGSN"),
            ("organization", "Interpol"),
            ("location", "Rabat"),
        ]
    ):
        G.add_node(f"{kind}:{i}", label=name, type=kind, mentions=10 - i)
    G.add_edge("country:0", "country:1", weight=3.0, relations="cooperation")
    G.add_edge("country:0", "country:2", weight=1.0, relations="cooperation|opposition")
    G.add_edge("person:3", "organization:4", weight=2.0, relations="affiliation")
    G.add_edge("organization:4", "country:0", weight=1.0, relations="part_of")
    return G


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_plot_is_deterministic(tmp_path, suffix):
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    plot_graph(sample_graph(), first)
    plot_graph(sample_graph(), second)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes()[:5] in (b"\x89PNG\r", b"<?xml")


def test_layout_keeps_every_node_and_separates_components():
    G = sample_graph()
    pos = layout(G, seed=7)
    assert set(pos) == set(G.nodes)
    assert len({tuple(round(c, 6) for c in p) for p in pos.values()}) == len(G)


def test_plot_of_an_empty_graph_still_draws(tmp_path):
    plot_graph(nx.Graph(), tmp_path / "empty.png")
    assert (tmp_path / "empty.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_cli_plot_reads_each_graph_format(tmp_path, capsys, suffix):
    graph_file = tmp_path / f"g{suffix}"
    write_graph(sample_graph(), graph_file)
    assert main(["plot", str(graph_file), "-o", str(tmp_path / "g.png"), "--labels", "3"]) == 0
    assert (tmp_path / "g.png").stat().st_size > 10_000
    assert "7 nodes, 4 edges" in capsys.readouterr().err


def test_cli_plot_rejects_a_bad_picture_name_and_a_missing_graph(tmp_path, capsys):
    graph_file = tmp_path / "g.graphml"
    write_graph(sample_graph(), graph_file)
    assert main(["plot", str(graph_file), "-o", str(tmp_path / "g.pdf")]) == 2  # usage
    assert main(["plot", str(tmp_path / "none.graphml"), "-o", str(tmp_path / "g.png")]) == 1
    assert main(["plot", str(tmp_path / "g_nodes.csv"), "-o", str(tmp_path / "g.png")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("Error: cannot draw to") and ".png or .svg" in err[0]
    assert err[1] == f"Error: {tmp_path / 'none.graphml'}: no such file"
    assert err[2].startswith("Error: cannot read a graph from")
    assert not (tmp_path / "g.png").exists()


def test_the_most_connected_nodes_are_labelled_first():
    from graph.plot import importance

    G = sample_graph()
    G.add_node("organization:9", label="RTL", type="organization", mentions=50)
    order = sorted(G, key=lambda n: importance(G, n))
    assert order[0] == "country:0"  # three edges
    connected = [n for n in order if G.degree(n)]
    assert order[: len(connected)] == connected  # every node with an edge before any without
    assert order[len(connected)] == "organization:9"  # then the most mentioned of the rest


def test_plot_min_degree_leaves_out_lone_nodes(tmp_path, monkeypatch):
    import graph.plot

    drawn = {}
    real = graph.plot.layout

    def spy(G, *, seed):
        drawn["nodes"] = set(G)
        return real(G, seed=seed)

    monkeypatch.setattr(graph.plot, "layout", spy)
    plot_graph(sample_graph(), tmp_path / "all.png")
    assert "location:6" in drawn["nodes"] and "organization:5" in drawn["nodes"]
    plot_graph(sample_graph(), tmp_path / "linked.png", min_degree=1)
    assert drawn["nodes"] == {"country:0", "country:1", "country:2", "person:3", "organization:4"}
