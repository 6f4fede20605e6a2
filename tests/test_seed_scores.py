"""The issues' targets on the seed articles, scored as ANNOTATION.md says."""

from __future__ import annotations

import pytest
from conftest import GOLD

from graph import build_graph
from graph.evaluate import evaluate_graph, total_score
from graph.gold import read_gold_dir


@pytest.fixture(scope="module")
def seed_graphs(seed_results):
    return {record["id"]: build_graph([record]) for record in seed_results}


@pytest.fixture(scope="module")
def total(seed_graphs):
    golds = {gold.doc: gold for gold in read_gold_dir(GOLD)}
    assert sorted(golds) == sorted(seed_graphs)
    return total_score(
        evaluate_graph(seed_graphs[doc], gold, doc=doc) for doc, gold in golds.items()
    )


def test_entities_reach_the_target_without_splits(total):
    assert total.entities.f1 >= 0.95
    assert total.splits == 0


def test_relations_reach_the_targets_without_polarity_errors(total):
    assert total.relations.f1 >= 0.9
    assert total.typed.f1 >= 0.85
    assert total.polarity_errors == 0


def test_only_people_organisations_and_countries_are_nodes(seed_graphs):
    types = {data["type"] for G in seed_graphs.values() for _, data in G.nodes(data=True)}
    assert types <= {"person", "organization", "country"}


def test_co_occurrence_is_no_edge(seed_results):
    G = build_graph(seed_results, keep_furniture=True)
    assert not G.has_edge("country:US", "country:IL")
    assert not G.has_edge("person:david-govrin", "country:MA")
