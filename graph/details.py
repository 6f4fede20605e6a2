"""The text of the interactive page: what a tap on a node or an edge shows, and the summary.

`graph.html` draws the figure and wires Bokeh's widgets; the HTML fragments it shows are
made here, in Python, and every value in them is escaped. Kept apart from Bokeh: these
builders read the graph and the statement rows only.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from .build import EVIDENCE_SEPARATOR, SEPARATOR
from .plot import number
from .statements import Statement
from .vocabulary import UNDIRECTED_TYPES, entity_display, relation_display

# What the details panel shows before any tap, and the style of what it shows.
HINT = "<p class='hint'>Click a node or an edge to see what the articles say.</p>"
STYLE = """
:host { font-family: system-ui, sans-serif; font-size: 14px; }
.details { line-height: 1.4; }
.details h3 { margin: 0 0 4px 0; font-size: 17px; }
.details dl { display: grid; grid-template-columns: max-content auto; gap: 2px 10px; }
.details dt { color: #555; }
.details dd { margin: 0; }
.details ul { padding-left: 18px; margin: 4px 0; }
.details q { display: block; margin: 8px 0 2px; padding: 2px 8px; border-left: 3px solid #0072b2; }
.details q::before, .details q::after { content: none; }
.details small { display: block; color: #555; font-size: 12px; margin-bottom: 6px; }
.details i { color: #d55e00; font-weight: 600; font-style: normal; }
.hint, .note { color: #555; }
"""


def escape(value: Any) -> str:
    """Return `value` as HTML text."""
    return html.escape(str(value), quote=True)


def link(title: str, url: str) -> str:
    """Return a document's title as HTML, linked to its url when that is a web address."""
    text = escape(title)
    if url.startswith(("https://", "http://")):  # _blank implies noopener in browsers
        return f'<a href="{escape(url)}" target="_blank">{text}</a>'
    return text


def source_html(row: Statement) -> str:
    """Return where a statement comes from: its document's title (linked) and date."""
    parts = [link(row.title or row.document, row.url)]
    if row.date:
        parts.append(escape(row.date))
    if row.url and not row.url.startswith(("https://", "http://")):
        parts.append(escape(row.url))
    return " ".join(parts)


def statements_html(rows: list[Statement]) -> str:
    """Return statements as HTML: each sentence once, then what it states and where.

    The same sentence stating the same relation in several documents (a wire story, a
    repeated paragraph) is shown once with every document that has it. Kept short: a
    page holds thousands of these, and its size is its opening time.
    """
    groups: dict[tuple[Any, ...], list[Statement]] = {}
    for statement in rows:
        key = (statement.sentence, statement.type, statement.hedged, statement.source,
               statement.target)  # fmt: skip
        groups.setdefault(key, []).append(statement)
    parts = []
    for (sentence, kind, hedged, *_), group in groups.items():
        what = escape(relation_display(kind))
        if kind not in UNDIRECTED_TYPES:  # who is affiliated with whom, or part of what
            what += f" ({escape(group[0].source_label)} → {escape(group[0].target_label)})"
        if hedged:
            what += " · <i>hedged</i>"
        where = dict.fromkeys(source_html(statement) for statement in group)
        count = f"{len(where)} documents: " if len(where) > 1 else ""
        parts.append(f"<q>{escape(sentence)}</q><small>{what} · {count}{', '.join(where)}</small>")
    return "".join(parts)


def facts(pairs: Iterable[tuple[str, Any]]) -> str:
    """Return (name, value) pairs as an HTML definition list, leaving out empty values."""
    items = "".join(
        f"<dt>{escape(name)}</dt><dd>{escape(value)}</dd>"
        for name, value in pairs
        if value not in ("", None)
    )
    return f"<dl>{items}</dl>"


def dates_of(data: Mapping[str, Any]) -> str:
    """Return a node's or edge's date span as text, or ''."""
    first, last = data.get("first_date", ""), data.get("last_date", "")
    return first if first == last else f"{first} to {last}" if first else ""


def node_html(G: nx.Graph, node: Any, drawn: set[Any]) -> str:
    """Return what a tap on a node shows: its facts, then its edges, heaviest first."""
    data = G.nodes[node]
    node_type = str(data.get("type", ""))
    aliases = str(data.get("aliases", "")).replace(SEPARATOR, ", ")
    edges = sorted(G.edges(node, data=True), key=lambda e: (-number(e[2].get("weight")), str(e[1])))
    items = []
    for _, other, edge in edges:
        name = escape(G.nodes[other].get("label", other))
        kinds = ", ".join(
            relation_display(r) for r in str(edge.get("relations", "")).split(SEPARATOR) if r
        )
        count = int(number(edge.get("weight")))
        hidden = "" if other in drawn else " <span class='note'>(not drawn)</span>"
        items.append(
            f"<li>{name}: {escape(kinds)}, {count} statement{'s' * (count != 1)}{hidden}</li>"
        )
    listing = f"<ul>{''.join(items)}</ul>" if items else "<p class='note'>No relation.</p>"
    return (
        f"<div class='details'><h3>{escape(data.get('label', node))}</h3>"
        + facts(
            [
                ("type", entity_display(node_type)),
                ("id", node),
                ("aliases", aliases),
                ("mentions", data.get("mentions", "")),
                ("documents", data.get("documents", "")),
                ("dates", dates_of(data)),
            ]
        )
        + f"<b>Relations ({len(items)})</b>{listing}</div>"
    )


def edge_html(G: nx.Graph, a: Any, b: Any, rows: list[Statement] | None) -> str:
    """Return what a tap on an edge shows: its facts, then every statement behind it.

    Without statement rows (a page made from a graph file), the edge's kept evidence is
    shown, with a note that it is only the first sentences.
    """
    data = G.edges[a, b]
    relations = str(data.get("relations", "")).split(SEPARATOR)
    weight = int(number(data.get("weight")))
    head = (
        f"<div class='details'><h3>{escape(G.nodes[a].get('label', a))} — "
        f"{escape(G.nodes[b].get('label', b))}</h3>"
        + facts(
            [
                ("relations", ", ".join(relation_display(r) for r in relations if r)),
                ("weight", f"{weight} statement{'s' * (weight != 1)}"),
                ("hedged", data.get("hedged", 0)),
                ("dates", dates_of(data)),
                (
                    "documents",
                    len([d for d in str(data.get("documents", "")).split(SEPARATOR) if d]),
                ),
            ]
        )
    )
    if rows is not None:
        body = f"<b>Statements ({len(rows)})</b>" + statements_html(rows)
    else:
        sentences = [s for s in str(data.get("evidence", "")).split(EVIDENCE_SEPARATOR) if s]
        body = (
            "<b>Evidence</b>"
            + "".join(f"<q>{escape(s)}</q>" for s in sentences)
            + "<p class='note'>A graph file keeps the first sentences only: write the page "
            "from the articles or a results file to see every statement.</p>"
        )
    return head + body + "</div>"


def summary_html(G: nx.Graph, drawn: int, statements: int | None, title: str) -> str:
    """Return the line above the drawing: what is drawn, and how much was left out."""
    parts = [f"{drawn:,} entities", f"{G.number_of_edges():,} relations"]
    if statements is not None:
        parts.append(f"{statements:,} statements")
    text = f"<h2 style='margin:0'>{escape(title)}</h2><p>{', '.join(parts)}."
    left_out = G.number_of_nodes() - drawn
    if left_out:
        text += (
            f" <b>{left_out:,} of {G.number_of_nodes():,} entities are left out</b> (the least "
            f"mentioned; raise --max-nodes to draw more)."
        )
    return text + "</p>"
