"""`coopgraph build --statements FILE.csv` and `--min-degree N`, end to end."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from conftest import SEEDS

from extract.cli import main
from graph.statements import STATEMENT_FIELDS
from graph.tables import unguard_cell


def read_table(path):
    """Return the header and rows of a statements table, read with Python's csv module."""
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        return reader.fieldnames, list(reader)


@pytest.fixture(scope="module")
def seeds_texts():
    from extract.inputs.readers import read_documents

    return {document.id: document.text for document in read_documents([SEEDS])}


@pytest.fixture(scope="module")
def seeds_build(nlp, tmp_path_factory):
    """`coopgraph build seeds -o seeds.graphml --statements claims.csv`, run once."""
    folder = tmp_path_factory.mktemp("statements")
    out, table = folder / "seeds.graphml", folder / "claims.csv"
    assert main(["build", str(SEEDS), "-o", str(out), "--statements", str(table), "-j", "1"]) in (
        0,
        3,  # seeds/graph.png is no article
    )
    return nx.read_graphml(out), table


def test_every_statement_is_in_its_document_at_its_offsets(seeds_build, seeds_texts):
    G, table = seeds_build
    header, rows = read_table(table)
    assert tuple(header) == STATEMENT_FIELDS
    assert rows
    for row in rows:
        text = seeds_texts[unguard_cell(row["document"])]
        start, end = int(row["start_char"]), int(row["end_char"])
        assert text[start:end] == unguard_cell(row["sentence"]), row
        assert row["hedged"] in ("true", "false")
        assert row["type"] in ("cooperation", "affiliation", "part_of", "opposition")


def test_the_statements_are_the_graphs_edges(seeds_build):
    G, table = seeds_build
    _, rows = read_table(table)
    pairs = {frozenset((row["source"], row["target"])) for row in rows}
    assert pairs == {frozenset(edge) for edge in G.edges}
    for row in rows:
        assert G.nodes[row["source"]]["label"] == row["source_label"]
        assert G.nodes[row["target"]]["label"] == row["target_label"]
        assert row["type"] in G.edges[row["source"], row["target"]]["relations"].split("|")
    for a, b, data in G.edges(data=True):  # one row per statement, at least one per sentence
        count = sum(1 for row in rows if {row["source"], row["target"]} == {a, b})
        assert count >= data["weight"]


def results_file(tmp_path, sentence):
    """A results file of one document: Maroc and Qatar, one statement, and RTL alone."""
    record = {
        "id": "=cmd|a.txt",
        "sha1": "0",
        "title": "@Accord",
        "date": "2024-03-05",
        "url": "https://example.org/a",
        "entities": [
            {"id": "country:MA", "label": "Maroc", "type": "country", "aliases": ["Maroc"],
             "mentions": 2, "country_code": "MA"},
            {"id": "country:QA", "label": "+Qatar", "type": "country", "aliases": ["Qatar"],
             "mentions": 1, "country_code": "QA"},
            {"id": "org:rtl", "label": "RTL", "type": "organization", "aliases": ["RTL"],
             "mentions": 5},
        ],
        "relations": [
            {"source": "country:MA", "target": "country:QA", "type": "cooperation",
             "sentence": sentence, "start_char": 10, "end_char": 10 + len(sentence),
             "hedged": True},
        ],
    }  # fmt: skip
    path = tmp_path / "results.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_statement_cells_are_guarded_against_formulas(tmp_path):
    sentence = '=HYPERLINK("http://evil.example") : le Maroc et le Qatar coopèrent.'
    table = tmp_path / "claims.csv"
    code = main(
        ["build", str(results_file(tmp_path, sentence)), "-o", str(tmp_path / "g.graphml"),
         "--statements", str(table)]
    )  # fmt: skip
    assert code == 0
    _, [row] = read_table(table)
    assert row["sentence"] == "'" + sentence and unguard_cell(row["sentence"]) == sentence
    assert row["document"] == "'=cmd|a.txt" and row["title"] == "'@Accord"
    assert row["target_label"] == "'+Qatar"
    assert (row["source"], row["target"]) == ("country:MA", "country:QA")  # ids as they are
    assert (row["hedged"], row["start_char"], row["date"]) == ("true", "10", "2024-03-05")


def test_min_degree_leaves_lone_entities_out_of_build_only_when_asked(tmp_path):
    path = results_file(tmp_path, "Le Maroc et le Qatar coopèrent.")
    assert main(["build", str(path), "-o", str(tmp_path / "all.graphml")]) == 0
    assert main(["build", str(path), "-o", str(tmp_path / "linked.graphml"),
                 "--min-degree", "1"]) == 0  # fmt: skip
    assert set(nx.read_graphml(tmp_path / "all.graphml")) == {
        "country:MA",
        "country:QA",
        "org:rtl",
    }
    assert set(nx.read_graphml(tmp_path / "linked.graphml")) == {"country:MA", "country:QA"}
    assert main(["build", str(path), "-o", str(tmp_path / "none.graphml"), "--min-degree", "2",
                 "--statements", str(tmp_path / "none.csv")]) == 0  # fmt: skip
    assert nx.read_graphml(tmp_path / "none.graphml").number_of_nodes() == 0
    assert read_table(tmp_path / "none.csv")[1] == []  # no edge left, no statement


def test_plot_min_degree(tmp_path, capsys):
    path = results_file(tmp_path, "Le Maroc et le Qatar coopèrent.")
    assert main(["build", str(path), "-o", str(tmp_path / "g.graphml")]) == 0
    capsys.readouterr()
    out = tmp_path / "g.png"
    assert main(["plot", str(tmp_path / "g.graphml"), "-o", str(out), "--min-degree", "1"]) == 0
    assert out.read_bytes()[:4] == b"\x89PNG"
    err = capsys.readouterr().err.strip()
    assert err == f"2 nodes, 1 edges -> {out} (1 entity with no relation left out)"
