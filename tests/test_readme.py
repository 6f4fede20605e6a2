"""The README is the front door: its commands and its library example must stay true."""

from __future__ import annotations

import re
from importlib import metadata

import pytest
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_readme_library_example_runs(tmp_path, monkeypatch, nlp):
    import networkx as nx

    import extract

    monkeypatch.chdir(tmp_path)
    # The example loads the pipeline itself; hand it the session's copy to save the load time.
    monkeypatch.setattr(extract, "load_pipeline", lambda: nlp)
    example = next(block for block in code_blocks("python") if "build_graph" in block)
    exec(compile(example, "README.md", "exec"), {})
    G = nx.read_graphml(tmp_path / "cooperation.graphml")
    assert G.edges["country:MA", "country:QA"]["relations"] == "cooperation"


def test_readme_set_up_commands_are_the_ci_commands():
    commands = [line for block in code_blocks("bash") for line in block.splitlines()]
    set_up = [c for c in commands if c.startswith("python3 -m venv .venv")]
    assert len(set_up) == 2
    assert "pip install . && coopgraph build seeds -o seeds.graphml" in set_up[0]
    assert 'pip install ".[test]" && python -m pytest' in set_up[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_lines = [line.strip() for line in ci.splitlines()]
    for command in set_up:  # word for word, each on a line of its own
        assert command.strip() in ci_lines
    # CI runs the pip a fresh Python ships, as a new user does.
    assert not re.search(r"pip install [^\n]*(-U|--upgrade)[^\n]* pip", ci)


def test_spacy_finds_our_factories_by_entry_point():
    try:
        points = metadata.entry_points(group="spacy_factories")
    except metadata.PackageNotFoundError:  # pragma: no cover
        pytest.skip("cooperation-graph is not installed")
    ours = {p.name: p.value for p in points if p.name.startswith("coopgraph_")}
    if not ours:
        pytest.skip("cooperation-graph is not installed (running from a source tree)")
    for name, target in ours.items():
        module, _, attr = target.partition(":")
        assert callable(getattr(__import__(module, fromlist=[attr]), attr)), name
    assert set(ours) == {
        "coopgraph_layout",
        "coopgraph_sentence_bounds",
        "coopgraph_parse_repair",
        "coopgraph_countries",
        "coopgraph_organisations",
        "coopgraph_entities",
        "coopgraph_periphrases",
        "coopgraph_relations",
        "coopgraph_sentence_bounds",
    }


def test_readme_engine_example_calls_the_real_api(monkeypatch, nlp):
    """The engine example names real arguments; run here in one process to stay fast."""
    import inspect

    import extract
    from extract.engine import run

    calls = []
    real = run.extract_documents

    def in_process(model, texts, **options):
        inspect.signature(real).bind(model, texts, **options)  # the example's arguments exist
        calls.append(options)
        return real(nlp, texts)

    monkeypatch.setattr(extract, "extract_documents", in_process)
    monkeypatch.chdir(ROOT)
    example = next(block for block in code_blocks("python") if "engine=" in block)
    namespace: dict = {}
    exec(compile(example, "README.md", "exec"), namespace)
    assert calls == [{"jobs": 2}, {"engine": "dask", "jobs": 2}]
    assert [r.id for r in namespace["results"]] == [
        "000_bd430c8d39cbc0dc.txt",
        "003_fef535b62677a795.txt",
    ]


def test_readme_reader_example_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "export.csv").write_text("id,body\na,Le Maroc et le Qatar coopèrent.\n")
    example = next(block for block in code_blocks("python") if "ReadReport()" in block)
    namespace: dict = {}
    exec(compile(example, "README.md", "exec"), namespace)
    assert [d.text for d in namespace["documents"]] == ["Le Maroc et le Qatar coopèrent."]
