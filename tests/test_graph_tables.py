"""The nodes/edges CSV pair: formula injection guarded, ids kept, values recoverable."""

from __future__ import annotations

import csv

import networkx as nx
import pytest

from graph import write_graph
from graph.tables import cell, guard_cell, table_paths, unguard_cell

HOSTILE = [
    '=HYPERLINK("http://evil.example";"clic")',
    "+33 1 23 45 67 89",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTab",
    "\rRetour",
    "'déjà cité",
]


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows


@pytest.mark.parametrize("text", HOSTILE)
def test_a_cell_that_could_start_a_formula_gets_a_quote_and_comes_back(text):
    guarded = guard_cell(text)
    assert guarded == "'" + text
    assert unguard_cell(guarded) == text


@pytest.mark.parametrize(
    "text", ["country:MA", "person:abdellatif-hammouchi", "org:dgsn", "Maroc", "l’Algérie", ""]
)
def test_ordinary_text_and_our_ids_are_unchanged(text):
    assert guard_cell(text) == text == unguard_cell(guard_cell(text))


def test_numbers_stay_numbers():
    assert [cell(v) for v in (-3, 2.5, -0.5, True)] == ["-3", "2.5", "-0.5", "true"]


def test_the_csv_pair_guards_every_text_cell_and_keeps_ids(tmp_path):
    G = nx.Graph()
    G.add_node("country:MA", label="Maroc", type="country", aliases="=1+1|Maroc", mentions=3)
    G.add_node("org:x", label="@evil", type="organization", aliases="+cmd", mentions=-1)
    G.add_edge(
        "country:MA",
        "org:x",
        weight=2.0,
        relations="cooperation",
        evidence="-Le Maroc coopère avec @evil.",
        documents="=doc.txt",
    )
    write_graph(G, tmp_path / "g.csv")
    nodes_path, edges_path = table_paths(tmp_path / "g.csv")
    nodes = {row["Id"]: row for row in read_rows(nodes_path)}
    assert set(nodes) == {"country:MA", "org:x"}  # ids intact, edges still find them
    assert nodes["country:MA"]["Aliases"] == "'=1+1|Maroc"
    assert nodes["org:x"]["Label"] == "'@evil"
    assert nodes["org:x"]["Aliases"] == "'+cmd"
    assert nodes["org:x"]["Mentions"] == "-1"  # a number, not text: no quote
    [edge] = read_rows(edges_path)
    assert (edge["Source"], edge["Target"]) == ("country:MA", "org:x")
    assert edge["Evidence"] == "'-Le Maroc coopère avec @evil."
    assert edge["Documents"] == "'=doc.txt"
    for row in [*nodes.values(), edge]:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), value
    assert unguard_cell(edge["Evidence"]) == "-Le Maroc coopère avec @evil."
