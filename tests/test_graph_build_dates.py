"""Document dates reach the graph as `first_date` and `last_date` on nodes and edges."""

from __future__ import annotations

import networkx as nx

from graph import build_graph, write_graph


def entity(id_, label, type_="country", mentions=1):
    return {"id": id_, "label": label, "type": type_, "aliases": [label], "mentions": mentions}


def relation(a, b, sentence, start=0):
    return {"source": a, "target": b, "type": "cooperation", "sentence": sentence,
            "start_char": start, "end_char": start + len(sentence)}


MA, QA = entity("country:MA", "Maroc"), entity("country:QA", "Qatar")
IL = entity("country:IL", "Israël")
S1, S2 = "Le Maroc et le Qatar coopèrent.", "Le Qatar forme des experts marocains."


def records():
    return [
        {"id": "a", "date": "2024-03-05", "entities": [MA, QA],
         "relations": [relation("country:MA", "country:QA", S1)]},
        {"id": "b", "date": "2023-11-20", "entities": [MA, QA],
         "relations": [relation("country:QA", "country:MA", S2)]},
        {"id": "c", "date": "2025-01-02", "entities": [MA, IL], "relations": []},
        {"id": "d", "date": "printemps 2024", "entities": [IL], "relations": []},
        {"id": "e", "entities": [QA], "relations": []},
    ]


def test_nodes_and_edges_span_the_dates_of_their_documents():
    G = build_graph(records())
    assert (G.nodes["country:MA"]["first_date"], G.nodes["country:MA"]["last_date"]) == (
        "2023-11-20", "2025-01-02")
    assert (G.nodes["country:QA"]["first_date"], G.nodes["country:QA"]["last_date"]) == (
        "2023-11-20", "2024-03-05")
    assert (G.nodes["country:IL"]["first_date"], G.nodes["country:IL"]["last_date"]) == (
        "2025-01-02", "2025-01-02")
    edge = G.edges["country:MA", "country:QA"]
    assert (edge["first_date"], edge["last_date"]) == ("2023-11-20", "2024-03-05")


def test_without_iso_dates_there_are_no_date_attributes():
    G = build_graph([{**record, "date": "mars 2024"} for record in records()]
                    + [{"id": "f", "date": None, "entities": [MA], "relations": []}])
    for _, data in [*G.nodes(data=True), *((None, d) for _, _, d in G.edges(data=True))]:
        assert "first_date" not in data and "last_date" not in data


def test_merged_organisations_span_both_nodes_dates():
    dgsn = {**entity("org:dgsn", "DGSN", "organization"), "aliases": ["DGSN"]}
    long = {**entity("org:direction-generale", "Direction générale", "organization"),
            "aliases": ["Direction générale", "DGSN"]}
    G = build_graph([
        {"id": "a", "date": "2022-05-01", "entities": [dgsn, MA],
         "relations": [relation("org:dgsn", "country:MA", "La DGSN et le Maroc.")]},
        {"id": "b", "date": "2024-06-30", "entities": [long, MA],
         "relations": [relation("org:direction-generale", "country:MA", "La Direction générale.")]},
    ])
    assert (G.nodes["org:dgsn"]["first_date"], G.nodes["org:dgsn"]["last_date"]) == (
        "2022-05-01", "2024-06-30")
    edge = G.edges["org:dgsn", "country:MA"]
    assert (edge["first_date"], edge["last_date"]) == ("2022-05-01", "2024-06-30")


def test_dates_are_string_attributes_in_graphml(tmp_path):
    write_graph(build_graph(records()), tmp_path / "g.graphml")
    G = nx.read_graphml(tmp_path / "g.graphml")
    assert G.nodes["country:MA"]["first_date"] == "2023-11-20"
    assert G.edges["country:MA", "country:QA"]["last_date"] == "2024-03-05"
    text = (tmp_path / "g.graphml").read_text(encoding="utf-8")
    assert 'attr.name="first_date" attr.type="string"' in text
