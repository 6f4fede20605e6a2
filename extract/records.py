"""Plain records that the pipeline produces: no spaCy objects, only str/int/bool fields.

These are what `graph/` consumes (as dicts, through `DocumentResult.to_dict`), what the
results file stores, and what a notebook user reads from `doc._.coopgraph_*`. The types
they name are those of `graph.vocabulary`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from graph.vocabulary import ENTITY_TYPES, GRAPH_ENTITY_TYPES, RELATION_TYPES

__all__ = [
    "ENTITY_TYPES",
    "GRAPH_ENTITY_TYPES",
    "RELATION_TYPES",
    "Document",
    "DocumentResult",
    "Entity",
    "Mention",
    "Relation",
]


@dataclass(frozen=True)
class Document:
    """One input article: its id, its text and whatever metadata its source gave."""

    id: str
    text: str
    title: str = ""
    date: str = ""
    url: str = ""

    @property
    def sha1(self) -> str:
        """Return the SHA-1 of the text, to tell a changed document from a known one."""
        return hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Mention:
    """One place in the text that names an entity."""

    text: str
    start_char: int
    end_char: int
    sent: int
    type: str
    entity: str
    furniture: bool = False


@dataclass(frozen=True)
class Entity:
    """One real-world entity of a document, with every way the document names it."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...]
    mentions: int
    country_code: str = ""
    furniture: bool = False


@dataclass(frozen=True)
class Relation:
    """A typed relation the text states between two entities, with its evidence.

    `source` is the person or the smaller party where direction matters
    (person → organisation for affiliation, organisation → country for part_of).
    `hedged` marks a statement the text reports as conditional or unconfirmed;
    `trigger` is the word that states it ("" for an apposition).
    """

    source: str
    target: str
    type: str
    sentence: str
    start_char: int
    end_char: int
    hedged: bool = False
    furniture: bool = False
    trigger: str = ""


@dataclass
class DocumentResult:
    """Everything extracted from one document, plus its metadata."""

    id: str
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    title: str = ""
    date: str = ""
    url: str = ""
    sha1: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-native dict (the results-file line and `graph.build_graph` input)."""
        # Field by field rather than `dataclasses.asdict`, whose recursive deep copy cost
        # about 1% of a whole run; the key order is the same (the fields' order).
        return {
            "id": self.id,
            "mentions": [dict(vars(mention)) for mention in self.mentions],
            "entities": [{**vars(e), "aliases": list(e.aliases)} for e in self.entities],
            "relations": [dict(vars(relation)) for relation in self.relations],
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "sha1": self.sha1,
        }

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> DocumentResult:
        """Rebuild a result from `to_dict` output (a results-file line)."""
        return cls(
            id=record["id"],
            mentions=[Mention(**m) for m in record.get("mentions", [])],
            entities=[
                Entity(**{**e, "aliases": tuple(e["aliases"])}) for e in record.get("entities", [])
            ],
            relations=[Relation(**r) for r in record.get("relations", [])],
            title=record.get("title", ""),
            date=record.get("date", ""),
            url=record.get("url", ""),
            sha1=record.get("sha1", ""),
        )
