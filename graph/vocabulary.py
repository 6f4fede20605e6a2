"""The one vocabulary: entity types and relation types, with direction, names and colours.

Everything else imports these: the pipeline's records and relation rules, the lexicon
loader (which rejects a data row naming an unknown type), the graph builder, the gold
files, the GEXF colours and the plot's legends. This module imports nothing, so
`extract` (spaCy side) and `graph` (networkx side) both read it without loading either.

>>> RELATIONS["affiliation"].directed, RELATIONS["affiliation"].source
(True, ('person',))
>>> relation_display("part_of"), ENTITIES["organization"].display
('part of', 'organisation')
"""

from __future__ import annotations

from dataclasses import dataclass

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class EntityType:
    """One entity type: its name in records, its id prefix, display name, colour, gold name."""

    name: str
    prefix: str  # node ids are `<prefix>:<key>` ("org:dgsn")
    display: str  # the plot's legend
    colour: RGB  # Okabe–Ito: distinguishable with every common colour-vision deficiency
    gold: str = ""  # its type in gold files ("" when gold files do not score it)
    node: bool = True  # whether it becomes a graph node


@dataclass(frozen=True)
class RelationType:
    """One relation type: its name, whether it has a direction and which types it joins.

    A directed relation goes from a `source` type to a `target` type (a person is
    affiliated with an organisation); an undirected one relates any two parties.
    """

    name: str
    directed: bool
    display: str
    colour: RGB
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()


# Node types first, in the order of the README's table.
ENTITIES: dict[str, EntityType] = {
    entity.name: entity
    for entity in (
        EntityType("person", "person", "person", (230, 159, 0), gold="PERSON"),  # orange
        EntityType("organization", "org", "organisation", (86, 180, 233), gold="ORG"),  # sky blue
        EntityType("country", "country", "country", (0, 158, 115), gold="COUNTRY"),  # green
        EntityType("location", "location", "place", (240, 228, 66), node=False),  # yellow
    )
}
# In the order of the README's table (an edge's `relations` lists its types sorted by name).
RELATIONS: dict[str, RelationType] = {
    relation.name: relation
    for relation in (
        RelationType("cooperation", False, "cooperation", (0, 114, 178)),  # blue
        RelationType(
            "affiliation",
            True,
            "affiliation",
            (204, 121, 167),  # reddish purple
            source=("person",),
            target=("organization", "country"),
        ),
        RelationType(
            "part_of",
            True,
            "part of",
            (120, 120, 120),  # grey
            source=("organization",),
            target=("country", "organization"),
        ),
        RelationType("opposition", False, "opposition", (213, 94, 0)),  # vermillion
    )
}
# An edge holding several types takes the colour of the first one here.
COLOUR_PRECEDENCE = ("opposition", "cooperation", "affiliation", "part_of")
OTHER_COLOUR: RGB = (153, 153, 153)
OTHER_DISPLAY = "other"

ENTITY_TYPES = tuple(ENTITIES)
GRAPH_ENTITY_TYPES = tuple(name for name, entity in ENTITIES.items() if entity.node)
RELATION_TYPES = tuple(RELATIONS)
UNDIRECTED_TYPES = frozenset(name for name, relation in RELATIONS.items() if not relation.directed)
# Gold files name entity types in capitals and also list types that are never scored.
GOLD_TYPES = {name: entity.gold for name, entity in ENTITIES.items() if entity.gold}
GOLD_IGNORED_TYPES = ("LOCATION", "EVENT", "MISC")

ENTITY_COLOURS: dict[str, RGB] = {name: entity.colour for name, entity in ENTITIES.items()}
RELATION_COLOURS: dict[str, RGB] = {name: RELATIONS[name].colour for name in COLOUR_PRECEDENCE}


def entity_display(name: str) -> str:
    """Return the display name of an entity type ("other" for a type we do not know)."""
    entity = ENTITIES.get(name)
    return entity.display if entity else OTHER_DISPLAY


def relation_display(name: str) -> str:
    """Return the display name of a relation type ("other" for a type we do not know)."""
    relation = RELATIONS.get(name)
    return relation.display if relation else OTHER_DISPLAY
