"""Build one cooperation graph from many documents' extraction records.

Records are plain dicts (`DocumentResult.to_dict()`, or lines of a results file), so this
module never needs spaCy. The same entity id in two documents is one node; organisations
that share a name or acronym across documents are merged into one node too.
"""

from __future__ import annotations

import logging
import re
from array import array
from bisect import insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from .vocabulary import GRAPH_ENTITY_TYPES, RELATION_TYPES

log = logging.getLogger(__name__)

GRAPH_TYPES = GRAPH_ENTITY_TYPES
DEFAULT_RELATIONS = RELATION_TYPES
MAX_EVIDENCE = 3
SEPARATOR = "|"
EVIDENCE_SEPARATOR = " || "
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # only these dates order as strings and reach the graph
# A statement (document, offset of its sentence) is one 64-bit number in the tallies:
# the document's number shifted past any offset, plus the offset. Tallies are arrays of
# them (8 bytes a statement, against about 110 for a tuple in a set), counted once each
# only when the graph is made, so memory grows by bytes per statement, not by objects.
OFFSET_BITS = 32


def as_record(item: Any) -> Mapping[str, Any]:
    """Return a record dict from a dict or a `DocumentResult`."""
    return item if isinstance(item, Mapping) else item.to_dict()


class GraphBuilder:
    """Fold documents' records into node and edge tallies, then into an `nx.Graph`.

    Feed records one at a time with `add`, so a corpus never needs to sit in memory.
    `min_degree` leaves out of the graph the nodes with fewer edges (`drop_below_degree`).
    """

    def __init__(
        self,
        *,
        keep_furniture: bool = False,
        relation_types: Iterable[str] = DEFAULT_RELATIONS,
        entity_types: Iterable[str] = GRAPH_TYPES,
        min_degree: int = 0,
    ) -> None:
        check_min_degree(min_degree)
        self.min_degree = min_degree
        self.keep_furniture = keep_furniture
        self.relation_types = frozenset(relation_types)
        self.entity_types = frozenset(entity_types)
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str], dict[str, Any]] = {}
        self.documents = 0
        # Document id by number, and number by id: tallies hold the numbers.
        self.doc_ids: list[str] = []
        self.doc_numbers: dict[str, int] = {}

    def doc_number(self, doc_id: str) -> int:
        """Return the number of a document id, giving the next number to a new one."""
        number = self.doc_numbers.get(doc_id)
        if number is None:
            number = self.doc_numbers[doc_id] = len(self.doc_ids)
            self.doc_ids.append(doc_id)
        return number

    def add(self, record: Mapping[str, Any] | Any) -> None:
        """Add one document's record."""
        record = as_record(record)
        self.documents += 1
        doc_id = record["id"]
        number = self.doc_number(doc_id)
        date = str(record.get("date") or "")
        date = date if ISO_DATE.fullmatch(date) else ""
        kept = set()
        for entity in record.get("entities", []):
            if entity["type"] in self.entity_types and (
                self.keep_furniture or not entity.get("furniture")
            ):
                self.add_entity(entity, number, date=date)
                kept.add(entity["id"])
        for relation in record.get("relations", []):
            if self.wanted(relation, kept):
                self.add_relation(relation, doc_id, number, date=date)

    def wanted(self, relation: Mapping[str, Any], kept: set[str]) -> bool:
        """Return True when a relation belongs in the graph."""
        return (
            relation["type"] in self.relation_types
            and relation["source"] in kept
            and relation["target"] in kept
            and relation["source"] != relation["target"]
            and (self.keep_furniture or not relation.get("furniture"))
        )

    def add_entity(self, entity: Mapping[str, Any], number: int, *, date: str = "") -> None:
        """Merge one document's entity into its node tally.

        `number` is the document's (see `doc_number`), `date` its ISO date.
        """
        node = self.nodes.setdefault(
            entity["id"],
            {
                "type": entity["type"],
                "labels": Counter(),
                "aliases": {},
                "mentions": 0,
                "documents": array("q"),
                "country_code": entity.get("country_code", ""),
                "dates": set(),
            },
        )
        if date:
            node["dates"].add(date)
        node["labels"][entity["label"]] += entity["mentions"]
        node["aliases"].update(dict.fromkeys(entity["aliases"]))
        node["mentions"] += entity["mentions"]
        node["documents"].append(number)

    def add_relation(
        self, relation: Mapping[str, Any], doc_id: str, number: int, *, date: str = ""
    ) -> None:
        """Merge one stated relation into its edge tally.

        `number` is the document's (see `doc_number`), `date` its ISO date.
        """
        pair = tuple(sorted((relation["source"], relation["target"])))
        edge = self.edges.setdefault(
            pair,
            {
                "statements": array("q"),
                "evidence": [],
                "relations": set(),
                "hedged": array("q"),
                "dates": set(),
            },
        )
        if date:
            edge["dates"].add(date)
        offset = relation["start_char"]
        if not 0 <= offset < 1 << OFFSET_BITS:
            raise ValueError(f"document {doc_id!r}: relation offset out of range: {offset}")
        statement = number << OFFSET_BITS | offset
        edge["statements"].append(statement)
        keep_evidence(edge["evidence"], (doc_id, offset), relation["sentence"])
        edge["relations"].add(relation["type"])
        if relation.get("hedged"):
            edge["hedged"].append(statement)

    def graph(self) -> nx.Graph:
        """Return the graph of everything added so far."""
        if not self.nodes:
            log.warning("no entities in %d document(s): the graph is empty", self.documents)
        merged = {**merge_organisations(self.nodes), **merge_people(self.nodes)}
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for node_id in sorted(self.nodes):
            groups[merged.get(node_id, node_id)].append(self.nodes[node_id])
        G = nx.Graph()
        for node_id in sorted(groups):
            G.add_node(node_id, **node_attributes(groups[node_id]))
        for (a, b), edge in sorted(self.edges.items()):
            a, b = merged.get(a, a), merged.get(b, b)
            if a != b:
                combine_edge(G, a, b, edge, self.doc_ids)
        for _, _, data in G.edges(data=True):
            del data["_tally"]
        return drop_below_degree(G, self.min_degree) if self.min_degree else G


def check_min_degree(min_degree: int) -> None:
    """Raise a `ValueError` unless `min_degree` is a whole number, 0 or more."""
    if isinstance(min_degree, bool) or not isinstance(min_degree, int) or min_degree < 0:
        raise ValueError(f"min_degree must be a whole number, 0 or more, not {min_degree!r}")


def drop_below_degree(G: nx.Graph, min_degree: int) -> nx.Graph:
    """Return a copy of `G` without the nodes that have fewer than `min_degree` edges.

    Degrees are counted once, in `G`: a node keeps its place even when the neighbours that
    gave it its edges are left out, so a country that five lone partners name stays (as a
    node with no edge left). `min_degree=1` leaves out exactly the nodes with no edge; 0
    keeps every node.

    >>> G = nx.Graph([("country:MA", "country:QA"), ("country:MA", "country:FR")])
    >>> G.add_node("org:rtl")
    >>> sorted(drop_below_degree(G, 1)), sorted(drop_below_degree(G, 2))
    (['country:FR', 'country:MA', 'country:QA'], ['country:MA'])
    """
    check_min_degree(min_degree)
    kept = [node for node, degree in G.degree if degree >= min_degree]
    return G.subgraph(kept).copy()


def node_attributes(group: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the export-safe attributes of a node from its tally and those merged into it."""
    labels: Counter[str] = sum((g["labels"] for g in group), Counter())
    aliases = dict.fromkeys(a for g in group for a in g["aliases"])
    attrs = {
        "label": min(labels, key=lambda label: (-labels[label], label)),
        "type": group[0]["type"],
        "aliases": SEPARATOR.join(sorted(aliases)),
        "mentions": sum(g["mentions"] for g in group),
        "documents": len(set().union(*(g["documents"] for g in group))),  # each counted once
    }
    codes = [g["country_code"] for g in group if g["country_code"]]
    if codes:
        attrs["country_code"] = codes[0]
    attrs.update(date_span(set().union(*(g["dates"] for g in group))))
    return attrs


def date_span(dates: set[str]) -> dict[str, str]:
    """Return `first_date` and `last_date` of a set of ISO dates; nothing when it is empty.

    >>> date_span({"2024-03-05", "2023-11-20"})
    {'first_date': '2023-11-20', 'last_date': '2024-03-05'}
    """
    return {"first_date": min(dates), "last_date": max(dates)} if dates else {}


def keep_evidence(kept: list[tuple[Any, str]], statement: tuple[str, int], sentence: str) -> None:
    """Keep in `kept` the evidence an edge shows: its first `MAX_EVIDENCE` distinct sentences.

    "First" is in (document id, offset) order, so it does not depend on the order
    documents arrive in. `kept` holds each shown sentence once, at its first statement,
    sorted; a sentence pushed out can only come back through an earlier statement, which
    arrives like a new one. Memory stays bounded however many documents state the relation.

    >>> kept = []
    >>> for key, text in [(("b", 0), "B"), (("a", 5), "A"), (("c", 0), "C"), (("a", 9), "A")]:
    ...     keep_evidence(kept, key, text)
    >>> [text for _, text in kept]
    ['A', 'B', 'C']
    >>> keep_evidence(kept, ("a", 0), "Z")
    >>> [text for _, text in kept]
    ['Z', 'A', 'B']
    >>> keep_evidence(kept, ("0", 1), "C")
    >>> kept
    [(('0', 1), 'C'), (('a', 0), 'Z'), (('a', 5), 'A')]
    """
    for position, (known, text) in enumerate(kept):
        if text == sentence:
            if known <= statement:
                return
            del kept[position]
            break
    insort(kept, (statement, sentence))
    del kept[MAX_EVIDENCE:]


def combine_edge(G: nx.Graph, a: str, b: str, edge: dict[str, Any], doc_ids: list[str]) -> None:
    """Add an edge tally to `G`, merging with an edge already there.

    `doc_ids` gives a document's id by its number (`GraphBuilder.doc_ids`).
    """
    if G.has_edge(a, b):
        old = G.edges[a, b]["_tally"]
        evidence = list(old["evidence"])
        for statement, sentence in edge["evidence"]:
            keep_evidence(evidence, statement, sentence)
        edge = {
            "statements": old["statements"] + edge["statements"],
            "evidence": evidence,
            "relations": old["relations"] | edge["relations"],
            "hedged": old["hedged"] + edge["hedged"],
            "dates": old["dates"] | edge["dates"],
        }
    statements = set(edge["statements"])
    documents = {doc_ids[statement >> OFFSET_BITS] for statement in statements}
    G.add_edge(
        a,
        b,
        _tally=edge,
        weight=float(len(statements)),
        relations=SEPARATOR.join(sorted(edge["relations"])),
        evidence=EVIDENCE_SEPARATOR.join(sentence for _, sentence in edge["evidence"]),
        documents=SEPARATOR.join(sorted(documents)),
        hedged=len(set(edge["hedged"])),
        **date_span(edge["dates"]),
    )


# Lower-case particles a name is written with or without (« Charles de Gaulle », « de Gaulle »).
NAME_PARTICLES = frozenset(
    {"de", "du", "des", "d", "la", "le", "al", "el", "ibn", "van", "von", "der", "da", "dos", "di"}
)


def merge_people(nodes: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Return person id → id it merges into, across documents.

    Ids are slugs, so case and accents already agree. Two ids that differ only by
    particles are one person (« person:charles-de-gaulle », « person:charles-gaulle »);
    a shorter name whose words are part of exactly one longer person's name of the
    corpus is that person (« person:hammouchi » → « person:abdellatif-hammouchi »). With
    two candidates (« Emmanuel Macron », « Brigitte Macron »), « Macron » stays apart.

    >>> people = dict.fromkeys(["person:macron", "person:emmanuel-macron", "person:de-gaulle",
    ...     "person:charles-de-gaulle", "person:gaulle"], {"type": "person"})
    >>> for short, full in sorted(merge_people(people).items()):
    ...     print(short, "->", full)
    person:de-gaulle -> person:charles-de-gaulle
    person:gaulle -> person:charles-de-gaulle
    person:macron -> person:emmanuel-macron
    """
    words = {
        node_id: tuple(w for w in node_id.split(":", 1)[1].split("-") if w not in NAME_PARTICLES)
        for node_id, node in nodes.items()
        if node["type"] == "person" and node_id.startswith("person:")
    }
    by_words: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for node_id, parts in words.items():
        if parts:
            by_words[parts].append(node_id)
    # One id per particle-free name: the longest (with its particles), then the first.
    canonical = {
        parts: sorted(ids, key=lambda n: (-len(n), n))[0] for parts, ids in by_words.items()
    }
    merged = {}
    for parts, target in canonical.items():
        longer = [
            other
            for other in canonical
            if len(other) > len(parts)
            and any(other[i : i + len(parts)] == parts for i in range(len(other) - len(parts) + 1))
        ]
        if len(longer) == 1:
            target = canonical[longer[0]]
        for node_id in by_words[parts]:
            if node_id != target:
                merged[node_id] = target
    for node_id, target in merged.items():
        while target in merged:  # a chain: « Hammouchi » → « A. Hammouchi » → the full name
            target = merged[target]
        merged[node_id] = target
    return merged


def merge_organisations(nodes: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Return node id → id it merges into, for organisations sharing an alias.

    Two organisations of two different states are two, whatever name they share: « DGSN »
    is Morocco's in one article (`org:dgsn-ma`) and Algeria's in another (`org:dgsn-dz`).
    An organisation of no known state joins the state's whose alias it shares only when
    one state's does (a bare « DGSN » beside both stays apart). The surviving id is a
    known state's organisation's, else the shortest (an acronym's), then the first in
    order, so the result does not depend on the order documents arrived in.
    """
    orgs = {n: node for n, node in nodes.items() if node["type"] == "organization"}
    by_alias: dict[str, list[str]] = defaultdict(list)
    for node_id, node in orgs.items():
        for alias in node["aliases"]:
            by_alias[alias.casefold()].append(node_id)
    parent = {n: n for n in orgs}
    code = {n: node.get("country_code", "") for n, node in orgs.items()}

    def find(n: str) -> str:
        while parent[n] != n:
            n = parent[n]
        return n

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            keep, drop = sorted((ra, rb), key=lambda n: (not code[n], len(n), n))
            parent[drop] = keep

    # Same state (or none on either side) first; then each stateless group joins the one
    # state group it shares a name with, if only one.
    for ids in by_alias.values():
        for other in ids[1:]:
            if code[ids[0]] == code[other]:
                union(ids[0], other)
    links: dict[str, set[str]] = defaultdict(set)
    for ids in by_alias.values():
        for a in ids:
            for b in ids:
                if not code[find(a)] and code[find(b)]:
                    links[find(a)].add(find(b))
    for stateless, groups in sorted(links.items()):
        if len(groups) == 1:
            union(stateless, next(iter(groups)))
    return {n: find(n) for n in orgs if find(n) != n}


def build_graph(records: Iterable[Mapping[str, Any] | Any], **options: Any) -> nx.Graph:
    """Return the cooperation graph of many documents' records.

    `options` are `GraphBuilder`'s: `keep_furniture`, `relation_types`, `entity_types`,
    `min_degree` (leave out nodes with fewer edges; 0, the default, keeps every node).

    >>> record = {"id": "a", "entities": [
    ...     {"id": "country:MA", "label": "Maroc", "type": "country", "aliases": ["Maroc"],
    ...      "mentions": 2, "country_code": "MA"},
    ...     {"id": "country:QA", "label": "Qatar", "type": "country", "aliases": ["Qatar"],
    ...      "mentions": 1, "country_code": "QA"}],
    ...   "relations": [{"source": "country:MA", "target": "country:QA", "type": "cooperation",
    ...      "sentence": "Le Maroc et le Qatar coopèrent.", "start_char": 0, "end_char": 31}]}
    >>> G = build_graph([record])
    >>> G.edges["country:MA", "country:QA"]["relations"]
    'cooperation'
    """
    builder = GraphBuilder(**options)
    for record in records:
        builder.add(record)
    return builder.graph()
