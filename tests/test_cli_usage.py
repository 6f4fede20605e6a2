"""Any path, any misuse: `coopgraph` works, or says why in one line, before any work.

Bad output paths exit 1 with `Error: cannot write OUT: ...` for every subcommand that
writes, before an input is read or the model loads; usage errors exit 2; `--version` and
`--help` say what there is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS

from extract.cli import FORMATS_HELP, main
from extract.cli.build import OUTPUT_FORMATS


@pytest.fixture
def no_model(monkeypatch):
    """Make any load of the spaCy model fail the test."""
    import extract.pipeline

    def loaded(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(extract.pipeline, "load_pipeline", loaded)
    monkeypatch.setattr(extract.pipeline, "shared_pipeline", loaded)
    monkeypatch.setattr(extract.pipeline, "load_model", loaded)


@pytest.fixture
def graph_file(tmp_path):
    """A small graph file for `coopgraph plot` to read."""
    import networkx as nx

    from graph import write_graph

    G = nx.Graph()
    G.add_node("country:MA", label="Maroc", type="country", mentions=2)
    G.add_node("country:QA", label="Qatar", type="country", mentions=1)
    G.add_edge("country:MA", "country:QA", weight=1.0, relations="cooperation")
    path = tmp_path / "g.graphml"
    write_graph(G, path)
    return path


CASES = ["missing folder", "in /proc", "under a file", "a folder"]
REASONS = {
    "missing folder": "does not exist",
    "in /proc": "cannot create a file in /proc",
    "under a file": "is not a folder",
    "a folder": "it is a folder",
}


def bad_output(tmp_path: Path, case: str, name: str, *, pair: bool = False) -> tuple[Path, Path]:
    """Return an output name that cannot be written, and the file the error names.

    With `pair`, the name is a CSV pair's (`g.csv` writes `g_nodes.csv` and `g_edges.csv`).
    """
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    given = {
        "missing folder": tmp_path / "nodir" / "sub" / name,
        "in /proc": Path("/proc") / name,
        "under a file": a_file / name,
        "a folder": tmp_path / name,
    }[case]
    named = given.with_name(f"{given.stem}_nodes.csv") if pair else given
    if case == "a folder":
        named.mkdir()
    return given, named


def run(capsys, argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_error_line(err: str, path: Path | str, reason: str) -> None:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"Error: cannot write {path}: "), lines[0]
    assert reason in lines[0]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("name", ["g.graphml", "g.csv", "g.html"])
def test_build_stops_on_an_output_it_cannot_write(tmp_path, capsys, no_model, case, name):
    given, named = bad_output(tmp_path, case, name, pair=name.endswith(".csv"))
    code, out, err = run(capsys, ["build", SEEDS, "-o", given, "--jobs", "1"])
    assert code == 1
    assert_one_error_line(err, named, REASONS[case])
    assert out == ""


@pytest.mark.parametrize("case", CASES)
def test_build_stops_on_a_statements_table_it_cannot_write(tmp_path, capsys, no_model, case):
    given, _ = bad_output(tmp_path, case, "claims.csv")
    out = tmp_path / "g.graphml"
    code, _, err = run(capsys, ["build", SEEDS, "-o", out, "--statements", given])
    assert code == 1
    assert_one_error_line(err, given, REASONS[case])
    assert not out.exists()  # nothing written, not even the graph


@pytest.mark.parametrize("case", CASES)
def test_extract_stops_on_an_output_it_cannot_write(tmp_path, capsys, no_model, case):
    given, _ = bad_output(tmp_path, case, "r.jsonl")
    code, _, err = run(capsys, ["extract", SEEDS, "-o", given])
    assert code == 1
    assert_one_error_line(err, given, REASONS[case])


@pytest.mark.parametrize("case", CASES)
def test_plot_stops_on_an_output_it_cannot_write(tmp_path, capsys, graph_file, case):
    given, _ = bad_output(tmp_path, case, "g.png")
    code, _, err = run(capsys, ["plot", graph_file, "-o", given])
    assert code == 1
    assert_one_error_line(err, given, REASONS[case])


def test_build_from_a_results_file_checks_its_output_too(tmp_path, capsys, no_model):
    results = tmp_path / "results.jsonl"
    record = {"id": "a.txt", "sha1": "0", "entities": [], "relations": []}
    results.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "nodir" / "g.graphml"
    code, _, err = run(capsys, ["build", results, "-o", out])
    assert code == 1
    assert_one_error_line(err, out, "does not exist")


def test_a_read_only_folder_is_reported_with_the_system_reason(tmp_path, capsys, monkeypatch):
    """Root writes anywhere a mode allows nothing, so a read-only disk is simulated."""
    import tempfile

    def refuse(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    out = tmp_path / "g.png"
    code, _, err = run(capsys, ["plot", tmp_path / "none.graphml", "-o", out])
    assert code == 1
    assert_one_error_line(err, out, "(read-only file system)")


def test_extract_appends_to_an_existing_results_file_it_can_write(tmp_path, capsys):
    """The check writes nothing: an existing results file is left as it is."""
    from graph.atomic import check_writable

    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "a"}\n', encoding="utf-8")
    check_writable(path, append=True)
    assert path.read_text(encoding="utf-8") == '{"id": "a"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.jsonl"]  # no temporary file left


USAGE_ERRORS = {
    "build --jobs 0": ["build", "IN", "-o", "OUT/g.graphml", "--jobs", "0"],
    "build --jobs two": ["build", "IN", "-o", "OUT/g.graphml", "--jobs", "two"],
    "build --max-size": ["build", "IN", "-o", "OUT/g.graphml", "--max-size", "beaucoup"],
    "build --format": ["build", "IN", "-o", "OUT/g.graphml", "--format", "xml"],
    "build -o suffix": ["build", "IN", "-o", "OUT/g.xyz"],
    "build --statements suffix": ["build", "IN", "-o", "OUT/g.graphml", "--statements", "s.xls"],
    "build --statements over -o": [
        "build", "IN", "-o", "OUT/g.csv", "--statements", "OUT/g_edges.csv",
    ],
    "build --min-degree": ["build", "IN", "-o", "OUT/g.graphml", "--min-degree", "-1"],
    "build --scheduler": ["build", "IN", "-o", "OUT/g.graphml", "--scheduler", "tcp://x:1"],
    "build --engine": ["build", "IN", "-o", "OUT/g.graphml", "--engine", "spark"],
    "build unknown option": ["build", "IN", "-o", "OUT/g.graphml", "--colour"],
    "build without -o": ["build", "IN"],
    "extract --jobs 0": ["extract", "IN", "-o", "OUT/r.jsonl", "-j", "0"],
    "extract -o suffix": ["extract", "IN", "-o", "OUT/r.json"],
    "extract --scheduler": ["extract", "IN", "-o", "OUT/r.jsonl", "--scheduler", "tcp://x:1"],
    "plot --labels": ["plot", "OUT/g.graphml", "-o", "OUT/g.png", "--labels", "-1"],
    "plot --min-degree": ["plot", "OUT/g.graphml", "-o", "OUT/g.png", "--min-degree", "x"],
    "plot -o suffix": ["plot", "OUT/g.graphml", "-o", "OUT/g.pdf"],
    "evaluate without --gold": ["evaluate", "--texts", "IN"],
    "evaluate both sources": ["evaluate", "--gold", "IN", "--texts", "IN", "--results", "r.jsonl"],
    "no command": [],
    "unknown command": ["draw", "IN"],
}  # fmt: skip


@pytest.mark.parametrize("name", USAGE_ERRORS)
def test_every_usage_error_exits_2_before_any_work(tmp_path, capsys, no_model, name):
    argv = [
        arg.replace("IN", str(SEEDS)).replace("OUT", str(tmp_path)) for arg in USAGE_ERRORS[name]
    ]
    code, out, err = run(capsys, argv)
    assert code == 2, err
    assert "Traceback" not in err
    assert "error" in err.lower()
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_version(capsys):
    from extract.cli import version

    code, out, _ = run(capsys, ["--version"])
    assert code == 0
    assert out.strip() == f"coopgraph {version()}"
    assert version()[0].isdigit() or version().startswith("unknown")


def test_help_lists_the_formats_and_exit_codes(capsys):
    from graph.plot import FORMATS as PICTURES
    from graph.write import SUFFIXES, WRITERS

    code, out, _ = run(capsys, ["--help"])
    assert code == 0
    assert FORMATS_HELP.splitlines()[0] in out
    for suffix in [*SUFFIXES, *PICTURES, ".txt", ".jsonl", ".ndjson", ".csv", ".htm"]:
        assert suffix in out, suffix
    for code_line in ("0  done", "1  nothing written", "2  the command line", "3  the output"):
        assert code_line in out
    assert set(OUTPUT_FORMATS) == set(WRITERS)


def test_build_help_lists_every_output_suffix_and_format(capsys):
    from graph.write import SUFFIXES, WRITERS

    code, out, _ = run(capsys, ["build", "--help"])
    assert code == 0
    text = " ".join(out.split())  # argparse wraps lines
    for suffix in SUFFIXES:
        assert suffix in text, suffix
    assert "{" + ",".join(OUTPUT_FORMATS) + "}" in text and set(OUTPUT_FORMATS) == set(WRITERS)
    assert "--statements FILE.csv" in text and "--min-degree N" in text


def test_plot_help_lists_its_suffixes(capsys):
    code, out, _ = run(capsys, ["plot", "--help"])
    assert code == 0
    assert ".png or .svg" in " ".join(out.split()) and "--min-degree N" in out


def test_an_output_lost_during_the_run_is_one_error_line(tmp_path, capsys, monkeypatch, graph_file):
    """The check comes first, but a folder can go (or fill up) while the command runs."""
    import os

    import graph.atomic

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(graph.atomic.os, "replace", refuse)
    out = tmp_path / "g.png"
    code, _, err = run(capsys, ["plot", graph_file, "-o", out])
    assert code == 1
    assert_one_error_line(err, out, "permission denied")
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left
    assert os.replace is refuse  # (the module's os is the os module)
