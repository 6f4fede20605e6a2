"""Score a document's graph against its gold annotation (the rules of `ANNOTATION.md`).

Entities are matched by `graph.evaluate_match`. Relations are scored on the graph's edges,
each edge read as the gold pair its two nodes were assigned to; what `ANNOTATION.md`
leaves open is decided here:

- Precision counts predictions and recall counts gold items, each in its own unit:
  entities are nodes vs. required gold entities; untyped relations are gold pairs vs.
  required gold pairs; typed relations are gold pairs vs. required gold relations
  (a pair the gold file relates by two required types is two typed gold items).
- Edges whose nodes were assigned the same two gold entities (because of a split) are
  one prediction, with the union of their relation types; an edge between two nodes of
  one entity relates the entity to itself, which no gold file does: a false positive.
- An edge with an end that matches no gold entity is a false positive; an edge with an
  end whose node is not a person, organisation or country is not scored.
- An edge is ignored when an end is an optional or ignored (LOCATION, EVENT, MISC)
  entity, or when every gold relation of its pair is optional. Typed, an edge whose types
  miss every required gold type of its pair but include an optional one is ignored too.
- The polarity rule comes first: an edge between a pair the gold file sets in
  opposition (required or optional, whatever its ends) is a false positive and a
  polarity error, untyped and typed, unless its types include `opposition`.
- A required gold relation is found only through an edge that scores a hit; a relation
  whose ends were not both found is therefore missed (it stays in the denominator).
- Per type (`by_type`), an edge counts as a prediction of type T when its `relations`
  include T, and is correct when the gold file relates its pair by a required T; it is
  ignored (for T) when an end is optional or ignored, when T is an optional gold type of
  the pair, or when every gold relation of the pair is optional; otherwise it is a false
  positive for T (a wrong-type edge costs the precision of each type it claims). Recall of
  T is the share of required gold relations of type T found with that type, so the found
  counts of the four types add up to the typed found count; an edge claiming two types is
  two predictions.
- An empty denominator gives `None` (no precision without predictions, no recall without
  gold items); F1 is 0.0 when only one of them is empty, and `None` when both are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from .evaluate_match import (
    FALSE_POSITIVE,
    HIT,
    SEPARATOR,
    SPLIT,
    UNSCORED,
    NodeMatch,
    found_entities,
    match_nodes,
)
from .gold import Gold, GoldRelation
from .vocabulary import RELATION_TYPES

OPPOSITION = "opposition"
IGNORE = "ignore"


@dataclass(frozen=True)
class Score:
    """Counts behind precision and recall: predictions and gold items, and how many were right.

    >>> Score(predicted=4, correct=3, gold=6, found=3).f1
    0.6
    """

    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.predicted + other.predicted,
            self.correct + other.correct,
            self.gold + other.gold,
            self.found + other.found,
        )

    @property
    def precision(self) -> float | None:
        """Return correct / predicted, or None without predictions."""
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        """Return found / gold, or None without gold items."""
        return self.found / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        """Return the harmonic mean of precision and recall (see the module notes for None)."""
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Return the counts and the three rates as a JSON-native dict."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "predicted": self.predicted,
            "correct": self.correct,
            "gold": self.gold,
            "found": self.found,
        }


@dataclass
class DocumentScore:
    """The scores of one document (or the micro-averaged total of many)."""

    doc: str
    entities: Score = field(default_factory=Score)
    relations: Score = field(default_factory=Score)
    typed: Score = field(default_factory=Score)
    splits: int = 0
    polarity_errors: int = 0
    details: dict[str, list[Any]] = field(default_factory=dict)
    by_type: dict[str, Score] = field(
        default_factory=lambda: {t: Score() for t in RELATION_TYPES}
    )

    def __add__(self, other: DocumentScore) -> DocumentScore:
        return DocumentScore(
            doc=self.doc,
            entities=self.entities + other.entities,
            relations=self.relations + other.relations,
            typed=self.typed + other.typed,
            splits=self.splits + other.splits,
            polarity_errors=self.polarity_errors + other.polarity_errors,
            by_type={
                t: self.by_type.get(t, Score()) + other.by_type.get(t, Score())
                for t in RELATION_TYPES
            },
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the scores as a JSON-native dict."""
        record = {
            "doc": self.doc,
            "entities": self.entities.to_dict(),
            "relations": self.relations.to_dict(),
            "relations_typed": self.typed.to_dict(),
            "relations_by_type": {t: score.to_dict() for t, score in self.by_type.items()},
            "splits": self.splits,
            "polarity_errors": self.polarity_errors,
        }
        if self.details:
            record["details"] = self.details
        return record


@dataclass(frozen=True)
class EdgeVerdict:
    """How one prediction (an edge, or edges folded onto one gold pair) is scored."""

    ends: tuple[str, str]
    types: frozenset[str]
    untyped: str
    typed: str
    polarity_error: bool = False


def edge_types(data: Mapping[str, Any]) -> frozenset[str]:
    """Return the relation types of an edge (its `relations` attribute, joined with "|")."""
    return frozenset(t for t in str(data.get("relations", "")).split(SEPARATOR) if t)


def folded_edges(G: nx.Graph, matches: Mapping[str, NodeMatch]) -> dict[tuple[str, ...], set[str]]:
    """Return the scored predictions: gold pair (or node pair) → union of relation types.

    A key is ("gold", a, b) for an edge whose ends were both assigned gold entities
    (a == b for two nodes of one entity), ("nodes", u, v) for an edge with an unmatched end.
    """
    folded: dict[tuple[str, ...], set[str]] = {}
    for u, v, data in G.edges(data=True):
        mu, mv = matches[u], matches[v]
        if UNSCORED in (mu.status, mv.status):
            continue
        if FALSE_POSITIVE in (mu.status, mv.status):
            key = ("nodes", *sorted((str(u), str(v))))
        else:
            key = ("gold", *sorted((mu.entity or "", mv.entity or "")))
        folded.setdefault(key, set()).update(edge_types(data))
    return folded


def judge(key: tuple[str, ...], types: frozenset[str], gold: Gold) -> EdgeVerdict:
    """Return the verdict on one folded prediction (see the module notes for the rules)."""
    ends = (key[1], key[2])
    if key[0] == "nodes":
        return EdgeVerdict(ends, types, FALSE_POSITIVE, FALSE_POSITIVE)
    relations = [r for r in gold.relations if r.pair == frozenset(ends)]
    if any(r.type == OPPOSITION for r in relations) and OPPOSITION not in types:
        return EdgeVerdict(ends, types, FALSE_POSITIVE, FALSE_POSITIVE, polarity_error=True)
    if not all(gold.entity(end).required for end in ends):
        return EdgeVerdict(ends, types, IGNORE, IGNORE)
    required = {r.type for r in relations if not r.optional}
    optional = {r.type for r in relations if r.optional}
    if required:
        untyped = HIT
    else:
        untyped = IGNORE if optional else FALSE_POSITIVE
    if types & required:
        typed = HIT
    elif types & optional or untyped == IGNORE:
        typed = IGNORE
    else:
        typed = FALSE_POSITIVE
    return EdgeVerdict(ends, types, untyped, typed)


def required_relations(gold: Gold) -> list[GoldRelation]:
    """Return the gold relations a system must find: required, between required entities."""
    return [
        r
        for r in gold.relations
        if not r.optional and gold.entity(r.a).required and gold.entity(r.b).required
    ]


def prediction_score(verdicts: Iterable[str]) -> tuple[int, int]:
    """Return (predicted, correct) from verdicts, leaving out the ignored ones."""
    scored = [v for v in verdicts if v != IGNORE]
    return len(scored), scored.count(HIT)


def relation_scores(
    verdicts: list[EdgeVerdict], gold: Gold
) -> tuple[Score, Score, dict[str, list[Any]]]:
    """Return the untyped and typed relation scores, and what went wrong."""
    hits = {frozenset(v.ends): v.types for v in verdicts if v.untyped == HIT}
    wanted = required_relations(gold)
    pairs = {r.pair for r in wanted}
    found_pairs = pairs & hits.keys()
    found_typed = [r for r in wanted if r.type in hits.get(r.pair, ())]
    untyped = Score(*prediction_score(v.untyped for v in verdicts), len(pairs), len(found_pairs))
    typed = Score(*prediction_score(v.typed for v in verdicts), len(wanted), len(found_typed))
    details = {
        "missed_relations": sorted([r.a, r.b, r.type] for r in wanted if r not in found_typed),
        "false_positive_relations": sorted(
            [*v.ends, SEPARATOR.join(sorted(v.types))]
            for v in verdicts
            if v.untyped == FALSE_POSITIVE
        ),
        "wrong_type_relations": sorted(
            [*v.ends, SEPARATOR.join(sorted(v.types))]
            for v in verdicts
            if v.untyped == HIT and v.typed == FALSE_POSITIVE
        ),
        "polarity_errors": sorted(
            [*v.ends, SEPARATOR.join(sorted(v.types))] for v in verdicts if v.polarity_error
        ),
    }
    return untyped, typed, details


def type_verdict(verdict: EdgeVerdict, relation_type: str, gold: Gold) -> str:
    """Return HIT, FALSE_POSITIVE or IGNORE for one prediction read as claiming `relation_type`."""
    if verdict.untyped != HIT:
        return verdict.untyped  # unrelated pair, unmatched end, polarity error; or ignored
    relations = [r for r in gold.relations if r.pair == frozenset(verdict.ends)]
    if any(r.type == relation_type and not r.optional for r in relations):
        return HIT
    if any(r.type == relation_type for r in relations):
        return IGNORE
    return FALSE_POSITIVE


def type_scores(verdicts: list[EdgeVerdict], gold: Gold) -> dict[str, Score]:
    """Return one score per relation type (see the module notes for what counts)."""
    hits = {frozenset(v.ends): v.types for v in verdicts if v.untyped == HIT}
    wanted = required_relations(gold)
    scores = {}
    for relation_type in RELATION_TYPES:
        claimed = [
            type_verdict(v, relation_type, gold) for v in verdicts if relation_type in v.types
        ]
        gold_items = [r for r in wanted if r.type == relation_type]
        found = [r for r in gold_items if relation_type in hits.get(r.pair, ())]
        scores[relation_type] = Score(*prediction_score(claimed), len(gold_items), len(found))
    return scores


def entity_score(
    matches: Mapping[str, NodeMatch], gold: Gold
) -> tuple[Score, dict[str, list[Any]]]:
    """Return the entity score and the missed, false-positive and split entities."""
    found = found_entities(matches.values())
    required = [e.id for e in gold.entities if e.required]
    scored = [m for m in matches.values() if m.status in (HIT, SPLIT, FALSE_POSITIVE)]
    score = Score(len(scored), len(found), len(required), len(found))
    details = {
        "missed_entities": [e for e in required if e not in found],
        "false_positive_entities": sorted(m.node for m in scored if m.status == FALSE_POSITIVE),
        "split_entities": sorted([m.node, m.entity] for m in scored if m.status == SPLIT),
    }
    return score, details


def evaluate_graph(G: nx.Graph, gold: Gold, *, doc: str | None = None) -> DocumentScore:
    """Return the scores of one document's graph `G` against its gold annotation.

    >>> from graph.gold import parse_gold
    >>> gold = parse_gold({"doc": "a.txt", "entities": [
    ...     {"id": "maroc", "name": "Maroc", "type": "COUNTRY", "aliases": ["Maroc"]},
    ...     {"id": "qatar", "name": "Qatar", "type": "COUNTRY", "aliases": ["Qatar"]}],
    ...     "relations": [{"a": "maroc", "b": "qatar", "type": "cooperation", "evidence": ""}]})
    >>> G = nx.Graph()
    >>> G.add_node("country:MA", label="Maroc", type="country", aliases="Maroc")
    >>> G.add_node("country:QA", label="Qatar", type="country", aliases="Qatar")
    >>> G.add_edge("country:MA", "country:QA", relations="cooperation")
    >>> score = evaluate_graph(G, gold)
    >>> score.entities.f1, score.relations.f1, score.typed.f1
    (1.0, 1.0, 1.0)
    """
    matches = match_nodes(G, gold)
    entities, entity_details = entity_score(matches, gold)
    verdicts = [
        judge(key, frozenset(types), gold)
        for key, types in sorted(folded_edges(G, matches).items())
    ]
    untyped, typed, relation_details = relation_scores(verdicts, gold)
    return DocumentScore(
        doc=doc if doc is not None else gold.doc,
        entities=entities,
        relations=untyped,
        typed=typed,
        splits=len(entity_details["split_entities"]),
        polarity_errors=sum(v.polarity_error for v in verdicts),
        details={**entity_details, **relation_details},
        by_type=type_scores(verdicts, gold),
    )


def total_score(scores: Iterable[DocumentScore]) -> DocumentScore:
    """Return the micro-averaged total of many documents' scores (counts summed)."""
    total = DocumentScore(doc="total")
    for score in scores:
        total = total + score
    return total
