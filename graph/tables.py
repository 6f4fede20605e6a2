"""CSV: the graph as two tables, nodes and edges, and the statements table.

The graph's two tables have the headers Gephi's spreadsheet import expects (in UTF-8
without BOM, which Gephi would read into the first header).

`-o graph.csv` gives `graph_nodes.csv` (`Id`, `Label`, then one column per attribute) and
`graph_edges.csv` (`Source`, `Target`, `Type`, `Weight`, then one column per attribute).
An attribute's column is its name with a capital first letter (`mentions` → `Mentions`).

Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` (or a tab or a
carriage return) as a formula, so a sentence quoted from a page could run one on the
analyst's machine ("CSV injection"). Every text cell that starts with one of them, or with
`'`, is written with one `'` in front (`guard_cell`); a reader gets the value back by
dropping one leading `'` (`unguard_cell`). Numbers are written as they are, and our ids
(`country:MA`, `person:abdellatif-hammouchi`) never start with any of these, so they are
unchanged.

`write_statements(rows, path)` writes the rows of `graph.statements` (one per relation
statement), in UTF-8 with a BOM so that spreadsheet programs read French text right.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from .atomic import atomic_path
from .safety import export_safe
from .statements import STATEMENT_FIELDS, Statement

NODE_HEADERS = ("Id", "Label")
EDGE_HEADERS = ("Source", "Target", "Type", "Weight")
# Attributes in the order people read them; any other attribute follows, sorted.
NODE_ORDER = ("type", "aliases", "mentions", "documents", "country_code", "first_date", "last_date")
EDGE_ORDER = ("relations", "evidence", "documents", "hedged", "first_date", "last_date")
# What a spreadsheet takes for the start of a formula (OWASP's list), and our own escape.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GUARDED_STARTS = (*FORMULA_STARTS, "'")


def table_paths(path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Return the nodes and edges file names for the output name `path`.

    >>> [p.name for p in table_paths("out/graph.csv")]
    ['graph_nodes.csv', 'graph_edges.csv']
    """
    path = Path(path)
    return path.with_name(f"{path.stem}_nodes.csv"), path.with_name(f"{path.stem}_edges.csv")


def columns(names: Iterable[str], order: tuple[str, ...], fixed: tuple[str, ...]) -> dict[str, str]:
    """Return attribute name → column header, in reading order, clear of the fixed headers."""
    present = set(names)
    ordered = [n for n in order if n in present] + sorted(present.difference(order))
    taken = {h.casefold() for h in fixed}  # Gephi matches its own headers case-blind
    out = {}
    for name in ordered:
        header = guard_cell(name[:1].upper() + name[1:])
        while header.casefold() in taken:
            header += "_"
        taken.add(header.casefold())
        out[name] = header
    return out


def guard_cell(text: str) -> str:
    """Return `text` with one `'` in front when a spreadsheet could take it for a formula.

    A text that starts with `'` gets one too, so `unguard_cell` always gives the value back.

    >>> guard_cell("=1+2"), guard_cell("-5 %"), guard_cell("@cmd"), guard_cell("country:MA")
    ("'=1+2", "'-5 %", "'@cmd", 'country:MA')
    """
    return "'" + text if text.startswith(GUARDED_STARTS) else text


def unguard_cell(text: str) -> str:
    """Return the value of a text cell `guard_cell` wrote: without one leading `'`.

    >>> unguard_cell("'=1+2"), unguard_cell("''quoted"), unguard_cell("Maroc")
    ('=1+2', "'quoted", 'Maroc')
    """
    return text[1:] if text.startswith("'") else text


def cell(value: Any) -> str:
    """Return the CSV text of one export-safe value ("" when absent), text guarded.

    >>> cell(True), cell(2.0), cell(-3), cell("+33 1 23"), cell(None)
    ('true', '2.0', '-3', "'+33 1 23", '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)  # a number is no formula, and stays a number for the reader
    return guard_cell(str(value))


def node_rows(H: nx.Graph) -> tuple[list[str], list[list[str]]]:
    """Return the header and rows of the nodes table of an export-safe graph."""
    names = columns(
        (k for _, d in H.nodes(data=True) for k in d if k != "label"), NODE_ORDER, NODE_HEADERS
    )
    header = [*NODE_HEADERS, *names.values()]
    rows = [
        [cell(node), cell(d.get("label", node)), *(cell(d.get(n)) for n in names)]
        for node, d in H.nodes(data=True)
    ]
    return header, rows


def edge_rows(H: nx.Graph) -> tuple[list[str], list[list[str]]]:
    """Return the header and rows of the edges table of an export-safe graph."""
    names = columns(
        (k for _, _, d in H.edges(data=True) for k in d if k != "weight"), EDGE_ORDER, EDGE_HEADERS
    )
    header = [*EDGE_HEADERS, *names.values()]
    rows = [
        [cell(a), cell(b), "Undirected", cell(d.get("weight", 1.0))]
        + [cell(d.get(n)) for n in names]
        for a, b, d in H.edges(data=True)
    ]
    return header, rows


def write_rows(
    path: Path, header: list[str], rows: Iterable[list[str]], *, encoding: str = "utf-8"
) -> None:
    """Write one CSV file (`encoding="utf-8-sig"` starts it with a BOM)."""
    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def write_tables(G: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write `G` as `<stem>_nodes.csv` and `<stem>_edges.csv` beside `path`, both atomically.

    >>> import tempfile, pathlib
    >>> G = nx.Graph()
    >>> G.add_node("country:MA", label="Maroc", type="country", mentions=3)
    >>> G.add_node("country:QA", label="Qatar", type="country", mentions=1)
    >>> G.add_edge("country:MA", "country:QA", weight=2.0, relations="cooperation")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.csv"
    >>> write_tables(G, out)
    >>> print((out.parent / "g_edges.csv").read_text(encoding="utf-8"), end="")
    Source,Target,Type,Weight,Relations
    country:MA,country:QA,Undirected,2.0,cooperation
    """
    H = export_safe(G)
    nodes_path, edges_path = table_paths(path)
    # Both temporary files are complete before either replaces its target.
    with atomic_path(nodes_path) as nodes_tmp, atomic_path(edges_path) as edges_tmp:
        write_rows(nodes_tmp, *node_rows(H))
        write_rows(edges_tmp, *edge_rows(H))


def write_statements(rows: Iterable[Statement], path: str | os.PathLike[str]) -> None:
    """Write one row per relation statement to `path`, atomically, in UTF-8 with a BOM.

    The columns are `graph.statements.STATEMENT_FIELDS`: `source`, `source_label`,
    `target`, `target_label`, `type`, `hedged` (`true`/`false`), `sentence`, `document`,
    `date`, `title`, `url`, `start_char`, `end_char` (the sentence's offsets in its
    document's text). Text cells are guarded against formulas (`guard_cell`).

    >>> import csv, tempfile, pathlib
    >>> from graph.statements import Statement
    >>> row = Statement("country:MA", "Maroc", "country:QA", "Qatar", "cooperation", False,
    ...                 "Le Maroc et le Qatar coopèrent.", "a.txt", "2024-03-05", "Accord",
    ...                 "https://example.org/a", 0, 31)
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "statements.csv"
    >>> write_statements([row], out)
    >>> out.read_bytes()[:3]
    b'\xef\xbb\xbf'
    >>> with open(out, encoding="utf-8-sig", newline="") as fh:
    ...     [record] = csv.DictReader(fh)
    >>> record["source_label"], record["hedged"], record["end_char"]
    ('Maroc', 'false', '31')
    """
    lines = ([cell(getattr(row, name)) for name in STATEMENT_FIELDS] for row in rows)
    with atomic_path(path) as tmp:
        write_rows(tmp, list(STATEMENT_FIELDS), lines, encoding="utf-8-sig")
