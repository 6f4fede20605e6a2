"""Read and validate gold annotation files (the schema of `ANNOTATION.md`).

A gold file says, for one text, which entities it names and which relations it states.
Users write these by hand, so every defect is reported as one line naming the file and
the problem, never as a traceback or a silently wrong score.

>>> gold = parse_gold({"doc": "a.txt", "entities": [
...     {"id": "maroc", "name": "Maroc", "type": "COUNTRY", "aliases": ["Maroc"]}],
...     "relations": []}, source="a.json")
>>> gold.entities[0].scored, gold.entities[0].aliases
(True, ('Maroc',))
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GoldError
from .vocabulary import GOLD_IGNORED_TYPES, GOLD_TYPES, RELATION_TYPES

SCORED_TYPES = tuple(GOLD_TYPES.values())
IGNORED_TYPES = GOLD_IGNORED_TYPES
GOLD_ENTITY_TYPES = SCORED_TYPES + IGNORED_TYPES
GOLD_RELATION_TYPES = RELATION_TYPES

TOP_KEYS = ("doc", "entities", "relations")
ENTITY_KEYS = ("id", "name", "type", "aliases")
RELATION_KEYS = ("a", "b", "type", "evidence")
OPTIONAL_KEYS = ("optional",)
SLUG = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
JSON_TYPE_NAMES = {
    dict: "an object",
    list: "a list",
    str: "a string",
    bool: "true or false",
    int: "a number",
    float: "a number",
    type(None): "null",
}


@dataclass(frozen=True)
class GoldEntity:
    """One entity the text names, with every surface form it uses for it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    optional: bool = False

    @property
    def scored(self) -> bool:
        """Return True for a person, organisation or country (the types that are scored)."""
        return self.type in SCORED_TYPES

    @property
    def required(self) -> bool:
        """Return True when a system must find this entity: scored and not optional."""
        return self.scored and not self.optional


@dataclass(frozen=True)
class GoldRelation:
    """One relation the text states between two gold entities (unordered for scoring)."""

    a: str
    b: str
    type: str
    evidence: str
    optional: bool = False

    @property
    def pair(self) -> frozenset[str]:
        """Return the unordered pair of entity ids."""
        return frozenset((self.a, self.b))


@dataclass(frozen=True)
class Gold:
    """The gold annotation of one text."""

    doc: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]
    source: str = ""

    def entity(self, entity_id: str) -> GoldEntity:
        """Return the entity with id `entity_id`."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)


def type_name(value: Any) -> str:
    """Return how JSON calls the type of `value` ("a string", "a list", ...)."""
    return JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def require_keys(
    item: Mapping[str, Any], where: str, required: tuple[str, ...], allowed: tuple[str, ...]
) -> None:
    """Raise ValueError on the first missing key of `item`, then on its first unknown key."""
    for key in required:
        if key not in item:
            raise ValueError(f'{where}: missing key "{key}"')
    for key in item:
        if key not in allowed:
            raise ValueError(f'{where}: unknown key "{key}"; allowed keys: {", ".join(allowed)}')


def require_type(value: Any, expected: type, where: str, key: str) -> None:
    """Raise ValueError when `value` (the value of `key`) is not of the expected JSON type."""
    if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
        raise ValueError(
            f'{where}: "{key}" must be {JSON_TYPE_NAMES[expected]}, not {type_name(value)}'
        )


def require_text(value: Any, where: str, key: str) -> None:
    """Raise ValueError when `value` is not a non-empty string."""
    require_type(value, str, where, key)
    if not value.strip():
        raise ValueError(f'{where}: "{key}" is empty')


def require_optional_flag(item: Mapping[str, Any], where: str) -> None:
    """Raise ValueError when "optional" is present and not true or false."""
    if "optional" in item:
        require_type(item["optional"], bool, where, "optional")


def parse_entity(item: Any, index: int) -> GoldEntity:
    """Return the entity of one `entities` item, or raise ValueError with the problem."""
    where = f"entities[{index}]"
    if not isinstance(item, dict):
        raise ValueError(f"{where} must be an object, not {type_name(item)}")
    require_keys(item, where, ENTITY_KEYS, ENTITY_KEYS + OPTIONAL_KEYS)
    require_text(item["id"], where, "id")
    where = f'{where} ("{item["id"]}")'
    if not SLUG.fullmatch(item["id"]):
        raise ValueError(
            f'{where}: "id" must be a lower-case slug (a-z, 0-9, "-"), like "abdellatif-hammouchi"'
        )
    require_text(item["name"], where, "name")
    require_type(item["type"], str, where, "type")
    if item["type"] not in GOLD_ENTITY_TYPES:
        raise ValueError(
            f'{where}: unknown type "{item["type"]}"; use one of: {", ".join(GOLD_ENTITY_TYPES)}'
        )
    require_type(item["aliases"], list, where, "aliases")
    if not item["aliases"]:
        raise ValueError(
            f'{where}: "aliases" is empty; list every form the text uses for the entity'
        )
    for number, alias in enumerate(item["aliases"]):
        require_text(alias, where, f"aliases[{number}]")
    require_optional_flag(item, where)
    return GoldEntity(
        id=item["id"],
        name=item["name"],
        type=item["type"],
        aliases=tuple(item["aliases"]),
        optional=item.get("optional", False),
    )


def parse_relation(item: Any, index: int, ids: Mapping[str, GoldEntity]) -> GoldRelation:
    """Return the relation of one `relations` item, or raise ValueError with the problem."""
    where = f"relations[{index}]"
    if not isinstance(item, dict):
        raise ValueError(f"{where} must be an object, not {type_name(item)}")
    require_keys(item, where, RELATION_KEYS, RELATION_KEYS + OPTIONAL_KEYS)
    for key in ("a", "b"):
        require_text(item[key], where, key)
        if item[key] not in ids:
            raise ValueError(f'{where}: "{key}" is "{item[key]}", which no entity has as id')
    if item["a"] == item["b"]:
        raise ValueError(f'{where}: relates "{item["a"]}" to itself')
    require_type(item["type"], str, where, "type")
    if item["type"] not in GOLD_RELATION_TYPES:
        allowed = ", ".join(GOLD_RELATION_TYPES)
        raise ValueError(f'{where}: unknown relation type "{item["type"]}"; use one of: {allowed}')
    require_type(item["evidence"], str, where, "evidence")
    require_optional_flag(item, where)
    return GoldRelation(
        a=item["a"],
        b=item["b"],
        type=item["type"],
        evidence=item["evidence"],
        optional=item.get("optional", False),
    )


def parse_gold(data: Any, *, source: str | os.PathLike[str] = "<gold>") -> Gold:
    """Return the gold annotation in `data` (decoded JSON); raise GoldError naming `source`."""
    try:
        return build_gold(data, str(source))
    except GoldError:
        raise
    except ValueError as e:
        raise GoldError(source, str(e)) from e


def build_gold(data: Any, source: str) -> Gold:
    """Validate `data` top-down and return its `Gold`; raise ValueError on the first problem."""
    if not isinstance(data, dict):
        raise ValueError(f"the top level must be a JSON object, not {type_name(data)}")
    require_keys(data, "the top level", TOP_KEYS, TOP_KEYS)
    require_text(data["doc"], "the top level", "doc")
    require_type(data["entities"], list, "the top level", "entities")
    require_type(data["relations"], list, "the top level", "relations")
    entities: dict[str, GoldEntity] = {}
    for index, item in enumerate(data["entities"]):
        entity = parse_entity(item, index)
        if entity.id in entities:
            raise ValueError(f'entities[{index}]: duplicate id "{entity.id}"')
        entities[entity.id] = entity
    relations: dict[tuple[frozenset[str], str], int] = {}
    parsed = []
    for index, item in enumerate(data["relations"]):
        relation = parse_relation(item, index, entities)
        key = (relation.pair, relation.type)
        if key in relations:
            raise ValueError(
                f"relations[{index}]: repeats relations[{relations[key]}] "
                f'("{relation.a}" – "{relation.b}", {relation.type})'
            )
        relations[key] = index
        parsed.append(relation)
    return Gold(
        doc=data["doc"], entities=tuple(entities.values()), relations=tuple(parsed), source=source
    )


def read_gold(path: str | os.PathLike[str]) -> Gold:
    """Return the gold annotation in the JSON file at `path`; raise GoldError on any defect.

    The message is one line, such as
    ``gold/a.json: invalid JSON at line 3, column 5 (Expecting ',' delimiter)``.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise GoldError(path, f"cannot be read ({e.strerror})") from e
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise GoldError(path, f"not UTF-8 text (byte {e.start})") from e
    try:
        decoded = json.loads(text)
    except json.JSONDecodeError as e:
        raise GoldError(path, f"invalid JSON at line {e.lineno}, column {e.colno} ({e.msg})") from e
    return parse_gold(decoded, source=path)


def read_gold_dir(path: str | os.PathLike[str]) -> list[Gold]:
    """Return the gold annotations of every `*.json` file in the folder `path`, by file name.

    Raise GoldError on the first defective file, and when two files annotate the same text.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise GoldError(folder, "not a folder of gold files")
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".json")
    if not files:
        raise GoldError(folder, "no gold files (*.json) in this folder")
    golds: list[Gold] = []
    seen: dict[str, Path] = {}
    for file in files:
        gold = read_gold(file)
        if gold.doc in seen:
            raise GoldError(
                file, f'annotates "{gold.doc}", which {seen[gold.doc].name} annotates too'
            )
        seen[gold.doc] = file
        golds.append(gold)
    return golds
