"""Match a document graph's nodes to gold entities by normalised name and type.

The rules are those of `ANNOTATION.md` ("Scoring"); what it leaves open is decided here:

- A node may name-match several gold entities (a node that merged DGSN and DGST). It is
  assigned to one: the entity its label names, before one only its aliases name; then a
  required entity before an optional one before an ignored one; then the one sharing the
  most names; then the first in the gold file. The others get nothing from this node, so
  a merge of two required entities costs a miss.
- A person, organisation or country entity matches only a node of its type: a node
  "Maroc" typed organization is a false positive even where the gold has the country.
- A LOCATION, EVENT or MISC gold entity is matched by name alone: no node type agrees with
  it, and a node that names a city is not a false positive, whatever type it was given.
- Two or more nodes assigned to one required entity: the first (its label names the
  entity, then by node id) is the hit, each other is a split (a false positive).
  Several nodes for an optional or ignored entity are neither.
- A node whose type is not person, organization or country is not scored at all.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .gold import Gold, GoldEntity
from .vocabulary import GOLD_TYPES

NODE_TYPES = GOLD_TYPES  # node type -> gold type
SEPARATOR = "|"
# Hyphens and dashes (incl. the non-breaking hyphen and the minus sign) fold to a space.
HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
# Straight and typographic apostrophes, and what people type for them, fold to a space.
APOSTROPHES = "'\u2018\u2019\u201b\u02bc\u02b9\u2032`"
FOLD = str.maketrans(dict.fromkeys(HYPHENS + APOSTROPHES, " "))
ARTICLES = frozenset({"le", "la", "les", "l"})

HIT = "hit"
SPLIT = "split"
OPTIONAL = "optional"
IGNORED = "ignored"
FALSE_POSITIVE = "false_positive"
UNSCORED = "unscored"


def normalise_name(text: str) -> str:
    """Return `text` as names are compared: no accents, case, hyphens, apostrophes, article.

    >>> normalise_name("l’Algérie") == normalise_name("Algerie")
    True
    >>> normalise_name("Etats-Unis"), normalise_name("  Les États   Unis ")
    ('etats unis', 'etats unis')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = bare.translate(FOLD).split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def node_names(data: dict[str, Any]) -> tuple[str, frozenset[str]]:
    """Return a node's normalised label and the set of all its normalised names."""
    label = normalise_name(str(data.get("label", "")))
    aliases = str(data.get("aliases", "")).split(SEPARATOR)
    names = {normalise_name(name) for name in (label, *aliases)}
    return label, frozenset(name for name in names if name)


@dataclass(frozen=True)
class NodeMatch:
    """How one predicted node is scored: its status and the gold entity it was assigned."""

    node: str
    status: str
    entity: str | None = None

    @property
    def matched(self) -> bool:
        """Return True when the node was assigned a gold entity (of any kind)."""
        return self.entity is not None


def entity_kind(entity: GoldEntity) -> int:
    """Return 0 for a required entity, 1 for an optional one, 2 for an ignored one."""
    if not entity.scored:
        return 2
    return 1 if entity.optional else 0


def best_entity(
    data: dict[str, Any], gold: Gold, aliases: list[frozenset[str]]
) -> GoldEntity | None:
    """Return the gold entity a node is assigned to, or None when it matches none."""
    label, names = node_names(data)
    gold_type = NODE_TYPES.get(str(data.get("type", "")))
    candidates = []
    for index, entity in enumerate(gold.entities):
        shared = names & aliases[index]
        if not shared or (entity.scored and entity.type != gold_type):
            continue
        candidates.append(
            ((label not in aliases[index], entity_kind(entity), -len(shared), index), entity)
        )
    return min(candidates, key=lambda candidate: candidate[0])[1] if candidates else None


def match_nodes(G: nx.Graph, gold: Gold) -> dict[str, NodeMatch]:
    """Return node → `NodeMatch` for every node of `G`.

    >>> from graph.gold import parse_gold
    >>> gold = parse_gold({"doc": "a.txt", "relations": [], "entities": [
    ...     {"id": "algerie", "name": "Algérie", "type": "COUNTRY", "aliases": ["l’Algérie"]}]})
    >>> G = nx.Graph()
    >>> G.add_node("country:DZ", label="Algerie", type="country", aliases="Algerie")
    >>> match_nodes(G, gold)["country:DZ"].status
    'hit'
    """
    aliases = [
        frozenset(normalise_name(alias) for alias in entity.aliases) for entity in gold.entities
    ]
    assigned: dict[str, list[str]] = {}
    matches: dict[str, NodeMatch] = {}
    for node, data in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        if data.get("type") not in NODE_TYPES:
            matches[node] = NodeMatch(node, UNSCORED)
            continue
        entity = best_entity(data, gold, aliases)
        if entity is None:
            matches[node] = NodeMatch(node, FALSE_POSITIVE)
        elif not entity.scored:
            matches[node] = NodeMatch(node, IGNORED, entity.id)
        elif entity.optional:
            matches[node] = NodeMatch(node, OPTIONAL, entity.id)
        else:
            assigned.setdefault(entity.id, []).append(node)
    for entity_id, nodes in assigned.items():
        aliases_of = frozenset(normalise_name(a) for a in gold.entity(entity_id).aliases)
        ordered = sorted(nodes, key=lambda n: (node_names(G.nodes[n])[0] not in aliases_of, str(n)))
        matches[ordered[0]] = NodeMatch(ordered[0], HIT, entity_id)
        for node in ordered[1:]:
            matches[node] = NodeMatch(node, SPLIT, entity_id)
    return matches


def found_entities(matches: Iterable[NodeMatch]) -> set[str]:
    """Return the ids of the required gold entities some node was assigned to."""
    return {match.entity for match in matches if match.status == HIT and match.entity}
