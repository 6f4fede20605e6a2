"""A writer that dies half-way leaves the previous output intact and no temporary file."""

from __future__ import annotations

import os
import pathlib

import networkx as nx
import pytest

from graph import write_graph
from graph.tables import table_paths


def small_graph(label):
    G = nx.Graph()
    G.add_node("country:MA", label=label, type="country", mentions=2)
    G.add_node("country:QA", label="Qatar", type="country", mentions=1)
    G.add_edge("country:MA", "country:QA", weight=1.0, relations="cooperation")
    return G


def half_then(exc):
    """Return a stand-in writer that writes a few bytes to its target, then raises `exc`."""

    def writer(*args, **kwargs):
        target = next(a for a in args if isinstance(a, str | os.PathLike) or hasattr(a, "write"))
        if hasattr(target, "write"):
            target.write(b"<?xml version=")
        else:
            pathlib.Path(target).write_bytes(b"<?xml version=")
        raise exc

    return writer


def crash_points(monkeypatch, name):
    """Make the `name` writer die mid-write."""
    if name == "graphml":
        monkeypatch.setattr(nx, "write_graphml", half_then(KeyboardInterrupt()))
    elif name == "gexf":
        monkeypatch.setattr(
            "graph.gexf.GEXFWriter.write", lambda self, fh: half_then(OSError("disk full"))(fh)
        )
    elif name == "json":
        monkeypatch.setattr(
            pathlib.Path, "write_text", lambda self, *a, **k: half_then(KeyboardInterrupt())(self)
        )
    elif name == "csv":
        import graph.tables

        real = graph.tables.write_rows

        def rows_then_crash(path, header, rows):
            if path.name.startswith(".g_edges.csv"):
                half_then(KeyboardInterrupt())(path)
            real(path, header, rows)

        monkeypatch.setattr(graph.tables, "write_rows", rows_then_crash)


@pytest.mark.parametrize("name", ["graphml", "gexf", "json", "csv"])
def test_crash_mid_write_keeps_the_previous_output(tmp_path, monkeypatch, name):
    out = tmp_path / f"g.{name}"
    write_graph(small_graph("Maroc"), out)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert len(before) == (2 if name == "csv" else 1)
    crash_points(monkeypatch, name)
    with pytest.raises((KeyboardInterrupt, OSError)):
        write_graph(small_graph("Royaume du Maroc"), out)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after == before  # same files, same bytes, no temporary file left


def test_csv_writes_both_tables(tmp_path):
    write_graph(small_graph("Maroc"), tmp_path / "g.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g_edges.csv", "g_nodes.csv"]
    assert [p.name for p in table_paths(tmp_path / "g.csv")] == ["g_nodes.csv", "g_edges.csv"]


@pytest.mark.parametrize(("name", "fmt"), [("g.xml", "gexf"), ("g.out", "json")])
def test_format_option_overrides_the_suffix(tmp_path, name, fmt):
    write_graph(small_graph("Maroc"), tmp_path / name, format=fmt)
    assert (tmp_path / name).stat().st_size > 0


def test_unknown_suffix_names_the_allowed_ones(tmp_path):
    with pytest.raises(ValueError, match=r"\.csv, \.gexf, \.graphml, \.htm, \.html, \.json"):
        write_graph(small_graph("Maroc"), tmp_path / "g.xlsx")
    with pytest.raises(ValueError, match="csv, gexf, graphml, html, json"):
        write_graph(small_graph("Maroc"), tmp_path / "g.graphml", format="dot")


def test_new_outputs_get_ordinary_permissions_and_keep_existing_ones(tmp_path):
    umask = os.umask(0o022)
    try:
        write_graph(small_graph("Maroc"), tmp_path / "g.graphml")
        assert (tmp_path / "g.graphml").stat().st_mode & 0o777 == 0o644
        (tmp_path / "g.graphml").chmod(0o640)
        write_graph(small_graph("Maroc"), tmp_path / "g.graphml")
        assert (tmp_path / "g.graphml").stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(umask)
