"""Choose a writer (or a reader) by the file's suffix, or by an explicit format name."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import networkx as nx

from .errors import GraphFileError
from .gexf import read_gexf, write_gexf
from .graphml import read_graphml, write_graphml
from .nodelink import read_nodelink, write_nodelink
from .tables import write_tables


def write_html(G: nx.Graph, path: str | os.PathLike[str], **options: Any) -> None:
    """Write the interactive page of `G` (`graph.html.write_html` takes the same arguments)."""
    from .html import write_html as write  # Bokeh and matplotlib load in seconds: only here

    write(G, path, **options)


WRITERS: dict[str, Callable[..., None]] = {  # each takes (G, path); html takes options too
    "graphml": write_graphml,
    "gexf": write_gexf,
    "csv": write_tables,
    "json": write_nodelink,
    "html": write_html,
}
READERS: dict[str, Callable[[str | os.PathLike[str]], nx.Graph]] = {
    "graphml": read_graphml,
    "gexf": read_gexf,
    "json": read_nodelink,
}
SUFFIXES = {
    ".graphml": "graphml",
    ".gexf": "gexf",
    ".csv": "csv",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}
OPTIONS = {"html": frozenset({"statements", "max_nodes", "title"})}  # what a writer takes


def format_of(path: str | os.PathLike[str], format: str | None = None) -> str:
    """Return the output format named by `format`, or by the suffix of `path`.

    >>> format_of("seeds.gexf"), format_of("seeds.out", "json")
    ('gexf', 'json')
    """
    if format is not None:
        if format not in WRITERS:
            raise GraphFileError(
                f"unknown format {format!r}; choose one of: {', '.join(sorted(WRITERS))}"
            )
        return format
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise GraphFileError(
            f"cannot tell the format of {str(path)!r} from its suffix {suffix!r}; "
            f"use one of: {', '.join(sorted(SUFFIXES))}"
        )
    return SUFFIXES[suffix]


def write_graph(
    G: nx.Graph, path: str | os.PathLike[str], *, format: str | None = None, **options: Any
) -> None:
    """Write `G` to `path` in the format its suffix (or `format`) names.

    `.csv` writes two files beside `path`: `<stem>_nodes.csv` and `<stem>_edges.csv`.
    `options` go to a writer that takes them: `.html` takes `statements` (the rows of
    `graph.statements`, to show every statement behind an edge), `max_nodes` and `title`.
    An option the format does not take is a `TypeError`, an option given as None is ignored.
    """
    name = format_of(path, format)
    given = {key: value for key, value in options.items() if value is not None}
    unknown = sorted(set(given) - OPTIONS.get(name, frozenset()))
    if unknown:
        raise TypeError(
            f"the {name} writer takes no option {', '.join(unknown)}; "
            f"options it takes: {', '.join(sorted(OPTIONS.get(name, ()))) or 'none'}"
        )
    WRITERS[name](G, path, **given)


def read_graph(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a graph file we wrote, choosing the reader by its suffix (.graphml, .gexf, .json)."""
    name = SUFFIXES.get(Path(path).suffix.lower())
    if name not in READERS:
        raise GraphFileError(
            f"cannot read a graph from {str(path)!r}; give a "
            f"{', '.join(s for s, f in SUFFIXES.items() if f in READERS)} file"
        )
    if not Path(path).is_file():
        raise GraphFileError(f"{path}: no such file")
    try:
        return READERS[name](path)
    except (
        OSError,
        ElementTree.ParseError,
        json.JSONDecodeError,
        nx.NetworkXError,
        KeyError,
        TypeError,
    ) as e:
        raise GraphFileError(f"{path}: not a {name} graph we can read ({e})") from e
