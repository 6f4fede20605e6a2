"""One vocabulary: every module that names entity or relation types reads `graph.vocabulary`."""

from __future__ import annotations

from graph import build, evaluate_match, gexf, gold, plot
from graph.vocabulary import (
    ENTITIES,
    GRAPH_ENTITY_TYPES,
    RELATION_COLOURS,
    RELATION_TYPES,
    RELATIONS,
    entity_display,
    relation_display,
)


def test_the_graph_side_uses_the_vocabulary():
    assert build.DEFAULT_RELATIONS == RELATION_TYPES == gold.GOLD_RELATION_TYPES
    assert build.GRAPH_TYPES == GRAPH_ENTITY_TYPES == ("person", "organization", "country")
    assert gold.SCORED_TYPES == ("PERSON", "ORG", "COUNTRY")
    assert evaluate_match.NODE_TYPES == {
        "person": "PERSON",
        "organization": "ORG",
        "country": "COUNTRY",
    }
    assert gexf.RELATION_COLOURS is RELATION_COLOURS and plot.RELATION_COLOURS is RELATION_COLOURS
    assert gexf.TYPE_COLOURS["person"] == ENTITIES["person"].colour == (230, 159, 0)


def test_the_extract_side_uses_the_vocabulary():
    from extract import records
    from extract.relations import extractor

    assert records.RELATION_TYPES is RELATION_TYPES
    assert extractor.SYMMETRIC_TYPES == {name for name, r in RELATIONS.items() if not r.directed}


def test_directed_relations_say_which_types_they_join():
    assert RELATIONS["affiliation"].source == ("person",)
    assert RELATIONS["part_of"].target == ("country", "organization")
    assert [name for name, r in RELATIONS.items() if r.directed] == ["affiliation", "part_of"]


def test_display_names():
    assert [entity_display(t) for t in (*GRAPH_ENTITY_TYPES, "location", "event")] == [
        "person",
        "organisation",
        "country",
        "place",
        "other",
    ]
    assert relation_display("part_of") == "part of"
