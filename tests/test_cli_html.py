"""`coopgraph build ... -o graph.html`: the interactive page from articles or results."""

from __future__ import annotations

import html
import json

import pytest
from conftest import SEEDS
from test_graph_html import REMOTE, documents_json

from extract.cli import main
from extract.cli.build import PAGE_NODES
from graph.html import DEFAULT_MAX_NODES


@pytest.fixture(scope="module")
def results_file(seed_results, tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-html") / "results.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for record in seed_results:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def test_build_from_articles_writes_a_page_with_every_statement(tmp_path, nlp, capsys):
    out = tmp_path / "seeds.html"
    assert main(["build", str(SEEDS), "-o", str(out), "--jobs", "1"]) == 0
    text = out.read_text(encoding="utf-8")
    assert not REMOTE.findall(text)
    inside = documents_json(text)
    assert "Statements (" in inside and "left out" not in inside
    assert html.escape("Le Maroc et le Qatar s’engagent à donner un nouvel élan") in inside
    assert f"-> {out}" in capsys.readouterr().err


def test_build_from_a_results_file_caps_the_nodes(tmp_path, results_file, seed_results):
    out = tmp_path / "seeds.html"
    assert main(["build", str(results_file), "-o", str(out), "--max-nodes", "3"]) == 0
    inside = documents_json(out.read_text(encoding="utf-8"))
    assert "3 entities" in inside and "entities are left out" in inside
    # Statements hold the sentences the graph file cuts to three an edge.
    sentences = {r["sentence"] for d in seed_results for r in d["relations"]}
    assert any(html.escape(s) in inside for s in sentences)


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_max_nodes_must_be_a_positive_number(tmp_path, results_file, value, capsys):
    out = str(tmp_path / "g.html")
    assert main(["build", str(results_file), "-o", out, "--max-nodes", value]) == 2
    assert "--max-nodes" in capsys.readouterr().err


def test_max_nodes_is_for_a_page(tmp_path, results_file, capsys):
    out = tmp_path / "g.graphml"
    assert main(["build", str(results_file), "-o", str(out), "--max-nodes", "3"]) == 2  # usage
    assert "Error: --max-nodes is for an .html page" in capsys.readouterr().err
    assert not out.exists()


def test_help_names_the_page_and_its_default(capsys):
    assert PAGE_NODES == DEFAULT_MAX_NODES
    assert main(["build", "--help"]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert ".html or .htm (an interactive page)" in shown
    assert f"(default: {DEFAULT_MAX_NODES})" in shown
