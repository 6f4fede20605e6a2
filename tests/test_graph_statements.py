"""Statement rows from literal records and from the seeds: one row per stated relation."""

from __future__ import annotations

import csv
import io

from conftest import SEEDS

from graph import build_graph, statement_rows
from graph.statements import STATEMENT_FIELDS, StatementTable, as_dicts, by_edge


def entity(id_, label, type_, aliases, mentions=1, **extra):
    return {"id": id_, "label": label, "type": type_, "aliases": aliases, "mentions": mentions,
            **extra}  # fmt: skip


def relation(a, b, type_, sentence, start, **extra):
    return {"source": a, "target": b, "type": type_, "sentence": sentence, "start_char": start,
            "end_char": start + len(sentence), **extra}  # fmt: skip


MA = entity("country:MA", "Maroc", "country", ["Maroc", "marocain"], 2, country_code="MA")
QA = entity("country:QA", "Qatar", "country", ["Qatar", "qataris"], 1, country_code="QA")
IL = entity("country:IL", "Israël", "country", ["Israël"], 1, country_code="IL")
RABAT = entity("location:rabat", "Rabat", "location", ["Rabat"])
AGREE = "Le Maroc et le Qatar s’engagent à donner un nouvel élan à la coopération."
TALKS = "Rabat et Doha négocieraient un accord, selon des sources non confirmées."


def test_one_row_per_statement_with_its_document():
    record = {
        "id": "maroc-qatar.html",
        "title": "Le Maroc et le Qatar renforcent leur coopération",
        "date": "2023-11-20",
        "url": "https://example.org/maroc-qatar",
        "entities": [MA, QA, RABAT],
        "relations": [
            relation("country:MA", "country:QA", "cooperation", AGREE, 120),
            relation("country:QA", "country:MA", "cooperation", TALKS, 12, hedged=True),
            relation("country:MA", "location:rabat", "part_of", "Rabat, capitale du Maroc.", 0),
        ],
    }
    rows = statement_rows([record])
    assert [(r.start_char, r.end_char, r.hedged) for r in rows] == [
        (12, 12 + len(TALKS), True),
        (120, 120 + len(AGREE), False),
    ]  # in document order; Rabat is no graph node, so its relation is no statement
    first = rows[0]
    assert (first.source, first.source_label, first.target, first.target_label) == (
        "country:QA", "Qatar", "country:MA", "Maroc"
    )  # fmt: skip
    assert (first.type, first.sentence, first.document) == ("cooperation", TALKS, record["id"])
    assert (first.date, first.title, first.url) == ("2023-11-20", record["title"], record["url"])
    assert first.pair == rows[1].pair == ("country:MA", "country:QA")


def test_rows_follow_the_graph_rules():
    records = [
        {
            "id": "a",
            "entities": [MA, QA, {**IL, "furniture": True}],
            "relations": [
                relation("country:MA", "country:QA", "cooperation", AGREE, 0),
                relation("country:MA", "country:IL", "cooperation", "Le Maroc et Israël.", 80),
                relation("country:MA", "country:QA", "opposition", "Le Maroc contre le Qatar.",
                         200, furniture=True),  # fmt: skip
            ],
        },
        {"id": "b", "entities": [MA, QA], "relations": [
            relation("country:QA", "country:MA", "affiliation", "Qatar du Maroc.", 5)]},
    ]  # fmt: skip
    rows = statement_rows(records, relation_types=["cooperation", "opposition"])
    assert [(r.document, r.type) for r in rows] == [("a", "cooperation")]
    G = build_graph(records, relation_types=["cooperation", "opposition"])
    assert set(by_edge(rows)) == {tuple(sorted(edge)) for edge in G.edges}
    kept = statement_rows(records, keep_furniture=True)
    assert len(kept) == 4
    assert {tuple(sorted(edge)) for edge in build_graph(records, keep_furniture=True).edges} == set(
        by_edge(kept)
    )


def test_ends_are_the_graph_nodes_after_merging_organisations():
    long_form = entity("org:direction-generale-de-la-surete-nationale",
                       "Direction générale de la sûreté nationale", "organization",
                       ["Direction générale de la sûreté nationale", "DGSN"], 3)  # fmt: skip
    short = entity("org:dgsn", "DGSN", "organization", ["DGSN"], 1)
    records = [
        {"id": "a", "entities": [long_form, MA], "relations": [
            relation(long_form["id"], "country:MA", "part_of", "La DGSN du Maroc.", 0)]},
        {"id": "b", "entities": [short, QA], "relations": [
            relation("org:dgsn", "country:QA", "cooperation", "La DGSN et le Qatar.", 0)]},
    ]  # fmt: skip
    G = build_graph(records)
    rows = statement_rows(records)
    assert {r.source for r in rows} == {"org:dgsn"} and "org:dgsn" in G
    assert {r.source_label for r in rows} == {G.nodes["org:dgsn"]["label"]}
    assert set(by_edge(rows)) == {tuple(sorted(edge)) for edge in G.edges}


def test_fed_one_record_at_a_time_and_as_dicts():
    table = StatementTable()
    table.add(
        {
            "id": "a",
            "entities": [MA, QA],
            "relations": [relation("country:MA", "country:QA", "cooperation", AGREE, 3)],
        }
    )
    (row,) = table.rows()  # fmt: skip
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=STATEMENT_FIELDS)
    writer.writeheader()
    writer.writerows(as_dicts([row]))
    (read,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert read["sentence"] == AGREE and read["start_char"] == "3" and read["hedged"] == "False"


def test_empty_input_gives_no_rows():
    assert statement_rows([]) == []
    assert statement_rows([{"id": "a", "entities": [], "relations": []}]) == []


def test_every_seed_statement_is_in_its_document_at_its_offsets(seed_results):
    from extract.inputs import read_documents

    texts = {document.id: document.text for document in read_documents([SEEDS])}
    rows = statement_rows(seed_results)
    assert rows
    for row in rows:
        assert texts[row.document][row.start_char : row.end_char] == row.sentence
    G = build_graph(seed_results)
    grouped = by_edge(rows)
    assert set(grouped) == {tuple(sorted(edge)) for edge in G.edges}
    for pair, edge_rows in grouped.items():
        statements_of_edge = {(r.document, r.start_char) for r in edge_rows}
        assert len(statements_of_edge) == G.edges[pair]["weight"]
