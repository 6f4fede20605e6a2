"""End to end: `coopgraph build` on the seed articles, read back by independent readers."""

from __future__ import annotations

import networkx as nx
import pytest
from conftest import SEEDS

from extract.cli import main


@pytest.fixture(scope="module")
def seeds_graphml(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("cli") / "seeds.graphml"
    assert main(["build", str(SEEDS), "-o", str(out)]) == 0
    return out


def test_build_finds_the_seed_entities_once_each(seeds_graphml):
    G = nx.read_graphml(seeds_graphml)
    labels = {data["label"]: node for node, data in G.nodes(data=True)}
    assert labels["Abdellatif Hammouchi"] == "person:abdellatif-hammouchi"
    assert labels["DGSN"] == "org:dgsn-ma"
    assert labels["Qatar"] == "country:QA"
    assert labels["Israël"] == "country:IL"
    assert labels["Maroc"] == "country:MA"
    hammouchi = G.nodes["person:abdellatif-hammouchi"]
    assert hammouchi["aliases"] == "Abdellatif Hammouchi|Hammouchi"
    assert G.nodes["country:MA"]["documents"] == 2
    assert [n for n, d in G.nodes(data=True) if d["label"] == "Hammouchi"] == []


def test_build_states_the_seed_cooperations_with_evidence(seeds_graphml):
    G = nx.read_graphml(seeds_graphml)
    qatar = G.edges["country:MA", "country:QA"]
    assert "cooperation" in qatar["relations"].split("|")
    assert "Le Maroc et le Qatar s’engagent" in qatar["evidence"]
    assert qatar["documents"] == "000_bd430c8d39cbc0dc.txt"
    israel = G.edges["country:IL", "country:MA"]
    assert "cooperation" in israel["relations"].split("|")
    assert "le Maroc et Israël ont signé leur premier accord de coopération" in israel["evidence"]


def test_build_graphml_types_every_attribute(seeds_graphml):
    G = nx.read_graphml(seeds_graphml)
    for _, data in G.nodes(data=True):
        assert isinstance(data["label"], str) and data["label"]
        assert data["type"] in {"person", "organization", "country"}
        assert isinstance(data["mentions"], int) and data["mentions"] > 0
        assert isinstance(data["documents"], int) and data["documents"] > 0
        assert data.get("country_code", "XX").isupper()
    for _, _, data in G.edges(data=True):
        assert isinstance(data["weight"], float) and data["weight"] > 0
        assert set(data["relations"].split("|")) <= {
            "cooperation",
            "affiliation",
            "part_of",
            "opposition",
        }
        assert data["evidence"] and isinstance(data["documents"], str)


def test_build_graphml_reads_in_igraph(seeds_graphml):
    igraph = pytest.importorskip("igraph")
    g = igraph.Graph.Read_GraphML(str(seeds_graphml))
    G = nx.read_graphml(seeds_graphml)
    assert g.vcount() == G.number_of_nodes()
    assert g.ecount() == G.number_of_edges()
    assert sorted(g.vs["label"]) == sorted(d["label"] for _, d in G.nodes(data=True))
    assert all(w > 0 for w in g.es["weight"])


def test_build_graphml_is_valid_against_the_schema(seeds_graphml, graphml_schema):
    from lxml import etree

    assert graphml_schema.validate(etree.parse(str(seeds_graphml))), graphml_schema.error_log


def test_build_without_readable_input_fails_with_one_line(tmp_path, capsys, nlp):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["build", str(empty), "-o", str(tmp_path / "g.graphml")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "Error: no input could be read; give .txt, .html, .jsonl or .csv files, or folders that "
        "contain them"
    ]
    assert not (tmp_path / "g.graphml").exists()


def test_build_rejects_an_unknown_output_suffix(tmp_path, capsys):
    assert main(["build", str(SEEDS), "-o", str(tmp_path / "g.xyz")]) == 2  # a usage error
    assert "cannot tell the format" in capsys.readouterr().err


def test_a_bug_keeps_its_traceback(monkeypatch):
    """Only our error types are user errors; anything else propagates out of `main`."""
    from extract.cli import build

    def broken(args):
        raise ValueError("zip() argument 2 is shorter than argument 1")

    monkeypatch.setattr(build, "run_build", broken)
    with pytest.raises(ValueError, match="zip"):
        main(["build", "seeds", "-o", "x.graphml"])


def test_the_engine_choices_are_the_libraries():
    from extract.cli.common import ENGINES as CLI_ENGINES
    from extract.engine import ENGINES

    assert CLI_ENGINES == ENGINES
