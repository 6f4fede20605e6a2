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
    assert any("pip install . && coopgraph build seeds -o seeds.graphml" in c for c in commands)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(c for c in commands if "[test]" in c)
    assert test_command.split("&& ", 2)[-1].strip() in ci


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
        "coopgraph_parse_repair",
        "coopgraph_countries",
        "coopgraph_organisations",
        "coopgraph_entities",
        "coopgraph_relations",
    }
