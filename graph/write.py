"""Choose a writer by the output file's suffix (or an explicit format name)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from .graphml import write_graphml

WRITERS: dict[str, Callable[[nx.Graph, str | os.PathLike[str]], None]] = {
    "graphml": write_graphml,
}
SUFFIXES = {".graphml": "graphml"}


def format_of(path: str | os.PathLike[str], format: str | None = None) -> str:
    """Return the output format named by `format`, or by the suffix of `path`."""
    if format is not None:
        if format not in WRITERS:
            raise ValueError(f"unknown format {format!r}; choose one of: {', '.join(sorted(WRITERS))}")
        return format
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(
            f"cannot tell the format of {str(path)!r} from its suffix {suffix!r}; "
            f"use one of: {', '.join(sorted(SUFFIXES))}"
        )
    return SUFFIXES[suffix]


def write_graph(G: nx.Graph, path: str | os.PathLike[str], *, format: str | None = None) -> None:
    """Write `G` to `path` in the format its suffix (or `format`) names."""
    WRITERS[format_of(path, format)](G, path)
