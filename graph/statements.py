"""One row per relation statement: who, whom, what, in which sentence of which article.

The graph keeps counts and at most three sentences an edge; this table keeps every
statement, so an analyst can check each claim. Rows come from the same records the graph
is built from (`DocumentResult.to_dict()` dicts or results-file lines) and follow the same
rules: the same entity and relation types, furniture left out unless asked for, and
organisations that share an alias across documents merged under the same node id as in
the graph (`build.merge_organisations`), so a row's ends are the graph's node ids.

Feed records one at a time to a `StatementTable` next to a `GraphBuilder` (a corpus never
needs to sit in memory twice), or call `statement_rows(records)` on a list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from typing import Any

from .build import DEFAULT_RELATIONS, GRAPH_TYPES, as_record, merge_organisations


@dataclass(frozen=True)
class Statement:
    """One sentence stating one relation between two entities.

    `source` and `target` are graph node ids (the relation's own direction: the person or
    the smaller party first where direction matters); `start_char` and `end_char` are the
    sentence's offsets in its document's text; `date` is the document's date as given.
    """

    source: str
    source_label: str
    target: str
    target_label: str
    type: str
    hedged: bool
    sentence: str
    document: str
    date: str
    title: str
    url: str
    start_char: int
    end_char: int

    @property
    def pair(self) -> tuple[str, str]:
        """Return the graph edge the statement supports: its two ends, sorted."""
        a, b = sorted((self.source, self.target))
        return a, b


STATEMENT_FIELDS = tuple(f.name for f in fields(Statement))


class StatementTable:
    """Collect the statements of many documents' records, then give them as rows.

    Options are `GraphBuilder`'s, with the same meaning, so the rows match its graph.

    >>> table = StatementTable()
    >>> table.add({"id": "a", "date": "2020-12-10", "entities": [
    ...     {"id": "country:MA", "label": "Maroc", "type": "country", "aliases": ["Maroc"],
    ...      "mentions": 1},
    ...     {"id": "country:IL", "label": "Israël", "type": "country", "aliases": ["Israël"],
    ...      "mentions": 1}],
    ...   "relations": [{"source": "country:MA", "target": "country:IL", "type": "cooperation",
    ...      "sentence": "Le Maroc et Israël coopèrent.", "start_char": 0, "end_char": 29}]})
    >>> [(row.source_label, row.target_label, row.type, row.date) for row in table.rows()]
    [('Maroc', 'Israël', 'cooperation', '2020-12-10')]
    """

    def __init__(
        self,
        *,
        keep_furniture: bool = False,
        relation_types: Iterable[str] = DEFAULT_RELATIONS,
        entity_types: Iterable[str] = GRAPH_TYPES,
    ) -> None:
        self.keep_furniture = keep_furniture
        self.relation_types = frozenset(relation_types)
        self.entity_types = frozenset(entity_types)
        # What `merge_organisations` and the labels need of a node: type, aliases, labels.
        self.nodes: dict[str, dict[str, Any]] = {}
        self.found: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = []  # (document, relation)

    def add(self, record: Mapping[str, Any] | Any) -> None:
        """Add one document's record."""
        record = as_record(record)
        document = {key: str(record.get(key) or "") for key in ("id", "date", "title", "url")}
        kept = set()
        for entity in record.get("entities", []):
            if entity["type"] in self.entity_types and (
                self.keep_furniture or not entity.get("furniture")
            ):
                node = self.nodes.setdefault(
                    entity["id"], {"type": entity["type"], "aliases": {}, "labels": Counter()}
                )
                node["aliases"].update(dict.fromkeys(entity["aliases"]))
                node["labels"][entity["label"]] += entity["mentions"]
                kept.add(entity["id"])
        for relation in record.get("relations", []):
            if (
                relation["type"] in self.relation_types
                and relation["source"] in kept
                and relation["target"] in kept
                and relation["source"] != relation["target"]
                and (self.keep_furniture or not relation.get("furniture"))
            ):
                self.found.append((document, relation))

    def rows(self) -> list[Statement]:
        """Return every statement added so far, in (document, offset, ends, type) order.

        A statement whose two ends the graph merges into one node is left out, as the
        graph leaves out the loop it would make.
        """
        merged = merge_organisations(self.nodes)
        labels: dict[str, Counter[str]] = {}
        for node_id, node in self.nodes.items():
            labels.setdefault(merged.get(node_id, node_id), Counter()).update(node["labels"])
        label = {
            node_id: min(counts, key=lambda text: (-counts[text], text))
            for node_id, counts in labels.items()
        }
        rows = []
        for document, relation in self.found:
            source = merged.get(relation["source"], relation["source"])
            target = merged.get(relation["target"], relation["target"])
            if source == target:
                continue
            rows.append(
                Statement(
                    source=source,
                    source_label=label[source],
                    target=target,
                    target_label=label[target],
                    type=relation["type"],
                    hedged=bool(relation.get("hedged")),
                    sentence=relation["sentence"],
                    document=document["id"],
                    date=document["date"],
                    title=document["title"],
                    url=document["url"],
                    start_char=int(relation["start_char"]),
                    end_char=int(relation["end_char"]),
                )
            )
        rows.sort(key=lambda r: (r.document, r.start_char, r.source, r.target, r.type))
        return rows


def statement_rows(records: Iterable[Mapping[str, Any] | Any], **options: Any) -> list[Statement]:
    """Return one row per relation statement of many documents' records.

    `options` are `GraphBuilder`'s (`keep_furniture`, `relation_types`, `entity_types`).

    >>> record = {"id": "a", "title": "Accord", "entities": [
    ...     {"id": "country:MA", "label": "Maroc", "type": "country", "aliases": ["Maroc"],
    ...      "mentions": 2},
    ...     {"id": "country:QA", "label": "Qatar", "type": "country", "aliases": ["Qatar"],
    ...      "mentions": 1}],
    ...   "relations": [{"source": "country:MA", "target": "country:QA", "type": "cooperation",
    ...      "sentence": "Le Maroc et le Qatar coopèrent.", "start_char": 0, "end_char": 31,
    ...      "hedged": True}]}
    >>> row, = statement_rows([record])
    >>> row.pair, row.hedged, row.title, (row.start_char, row.end_char)
    (('country:MA', 'country:QA'), True, 'Accord', (0, 31))
    """
    table = StatementTable(**options)
    for record in records:
        table.add(record)
    return table.rows()


def by_edge(rows: Iterable[Statement]) -> dict[tuple[str, str], list[Statement]]:
    """Return the statements of each graph edge, keyed by its sorted pair of node ids."""
    edges: dict[tuple[str, str], list[Statement]] = {}
    for row in rows:
        edges.setdefault(row.pair, []).append(row)
    return edges


def as_dicts(rows: Iterable[Statement]) -> Iterator[dict[str, Any]]:
    """Yield each row as a plain dict, keys in `STATEMENT_FIELDS` order (for CSV or JSON)."""
    for row in rows:
        yield {name: getattr(row, name) for name in STATEMENT_FIELDS}
