"""An interactive page of the graph: one self-contained HTML file drawn by Bokeh.

The page opens from disk with no network: Bokeh's JavaScript and styles are inlined
(`bokeh.resources.INLINE`), the data is in the file, and math rendering (the one thing
BokehJS would fetch) is off. Positions are computed here, once (`plot.layout`, ForceAtlas2),
so the page is the same every time it opens.

What the page does is Bokeh's: a tap selects a node or an edge (`TapTool`), a hover names it,
`AutocompleteInput` finds a name, `CheckboxGroup` and `DateRangeSlider` filter the edges
through a `BooleanFilter` view. The glue between them is the few lines of `CustomJS` below,
the way Bokeh's API expects callbacks; every text shown on a click is made in Python, and
escaped, by `graph.details`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import networkx as nx
from bokeh.embed import file_html
from bokeh.layouts import column, row
from bokeh.models import (
    AutocompleteInput,
    BooleanFilter,
    CDSView,
    CheckboxGroup,
    ColumnDataSource,
    CustomJS,
    DateRangeSlider,
    Div,
    HoverTool,
    InlineStyleSheet,
    Legend,
    LegendItem,
    Range1d,
    TapTool,
)
from bokeh.plotting import figure
from bokeh.resources import INLINE

from .atomic import atomic_path
from .build import ISO_DATE, SEPARATOR
from .details import HINT, STYLE, edge_html, node_html, summary_html
from .gexf import node_size, relation_colour, type_colour
from .plot import MAX_WIDTH, MIN_WIDTH, layout, number, scaled
from .statements import Statement, by_edge
from .vocabulary import RELATION_COLOURS, entity_display, relation_display

DEFAULT_MAX_NODES = 2000  # nodes drawn at most: the most mentioned first
# ForceAtlas2 costs iterations × nodes²: a big component gets fewer iterations (300 up to 300
# nodes, as in the picture; 50 at least), so 2,000 nodes take about 40 s, not 4 minutes.
LAYOUT_WORK, MIN_ITERATIONS, MAX_ITERATIONS = 300**3, 50, 300
LABELS = 40  # nodes labelled on the drawing (the most mentioned); the others on hover
WIDTH, HEIGHT, SIDE = 960, 660, 440  # pixels: drawing, controls beside it (fits a laptop)

# Show the tapped node's (else the tapped edge's) text made in Python; a tap on nothing
# shows the hint again.
SHOW_DETAILS = """
const n = nodes.selected.indices, e = edges.selected.indices;
details.text = n.length ? nodes.data.details[n[0]] : e.length ? edges.data.details[e[0]] : hint;
"""
# Select the node whose label was chosen and centre the view on it.
FIND = """
const i = nodes.data.label.indexOf(cb_obj.value);
if (i < 0) return;
edges.selected.indices = [];
nodes.selected.indices = [i];
const dx = (x.end - x.start) / 2, dy = (y.end - y.start) / 2;
x.start = nodes.data.x[i] - dx; x.end = nodes.data.x[i] + dx;
y.start = nodes.data.y[i] - dy; y.end = nodes.data.y[i] + dy;
"""
# Keep the edges of a ticked relation type whose dates meet the range (undated ones too),
# and, while a filter is narrowed, only the nodes those edges join.
FILTER = """
const on = new Set(relations.active.map(i => keys[i]));
const [lo, hi] = dates ? dates.value : [-Infinity, Infinity];
const d = edges.data, shown = new Set();
edge_filter.booleans = d.relations.map((r, i) => {
  const keep = r.split("|").some(t => on.has(t)) && !(d.last[i] < lo || d.first[i] > hi);
  if (keep) { shown.add(d.start[i]); shown.add(d.end[i]); }
  return keep;
});
const all = on.size == keys.length && (!dates || (lo <= dates.start && hi >= dates.end));
node_filter.booleans = nodes.data.label.map((_, i) => all || shown.has(i));
"""


def hex_colour(rgb: tuple[int, int, int]) -> str:
    """Return an RGB triple as `#rrggbb`."""
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def date_ms(value: Any) -> float:
    """Return an ISO date as milliseconds since 1970 (Bokeh's dates), NaN when not a date."""
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return (date.fromisoformat(value) - date(1970, 1, 1)).days * 86_400_000.0
        except ValueError:
            pass
    return float("nan")


def kept_nodes(G: nx.Graph, max_nodes: int | None) -> list[Any]:
    """Return the nodes drawn: all, or the `max_nodes` most mentioned (then by id).

    >>> G = nx.Graph()
    >>> G.add_nodes_from([("a", {"mentions": 1}), ("b", {"mentions": 5}), ("c", {"mentions": 5})])
    >>> kept_nodes(G, 2)
    ['b', 'c']
    """
    if max_nodes is not None and max_nodes < 0:
        raise ValueError(f"max_nodes must be a positive number or None, not {max_nodes!r}")
    order = sorted(G.nodes, key=lambda n: (-number(G.nodes[n].get("mentions")), str(n)))
    return order if max_nodes is None else order[:max_nodes]


def layout_iterations(G: nx.Graph) -> int:
    """Return the ForceAtlas2 iterations the page's layout can afford for `G`.

    >>> layout_iterations(nx.path_graph(100)), layout_iterations(nx.path_graph(2000))
    (300, 50)
    """
    biggest = max((len(c) for c in nx.connected_components(G)), default=1)
    return max(MIN_ITERATIONS, min(MAX_ITERATIONS, LAYOUT_WORK // biggest**2))


def figure_ranges(pos: Mapping[Any, tuple[float, float]]) -> tuple[Range1d, Range1d]:
    """Return x and y ranges around every position, padded, at the drawing's aspect ratio."""
    xs = [x for x, _ in pos.values()] or [0.0]
    ys = [y for _, y in pos.values()] or [0.0]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half_w, half_h = (max(xs) - min(xs)) / 2 + 1.0, (max(ys) - min(ys)) / 2 + 1.0
    aspect = WIDTH / HEIGHT
    half_w, half_h = max(half_w, half_h * aspect), max(half_h, half_w / aspect)
    return Range1d(cx - half_w, cx + half_w), Range1d(cy - half_h, cy + half_h)


def html_layout(
    G: nx.Graph,
    *,
    statements: Iterable[Statement] | None = None,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    title: str = "Cooperation graph",
    seed: int = 0,
) -> Any:
    """Return the Bokeh layout of the page (see `write_html`)."""
    nodes = kept_nodes(G, max_nodes)
    drawn = set(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    H = G.subgraph(nodes)
    pos = layout(H, seed=seed, iterations=layout_iterations(H)) if nodes else {}
    rows = None if statements is None else list(statements)
    grouped = by_edge(rows) if rows is not None else {}

    mentions = [number(G.nodes[n].get("mentions")) for n in nodes]
    most = max(mentions, default=0.0)
    sizes = [node_size(m, most) for m in mentions]
    labelled = set(nodes[:LABELS])
    node_source = ColumnDataSource(
        {
            "x": [pos[n][0] for n in nodes],
            "y": [pos[n][1] for n in nodes],
            "id": [str(n) for n in nodes],
            "label": [str(G.nodes[n].get("label", n)) for n in nodes],
            "type": [entity_display(t) for t in (str(G.nodes[n].get("type", "")) for n in nodes)],
            "colour": [hex_colour(type_colour(str(G.nodes[n].get("type", "")))) for n in nodes],
            "size": sizes,
            "mentions": mentions,
            "shown": [str(G.nodes[n].get("label", n)) if n in labelled else "" for n in nodes],
            "offset": [-(s / 2 + 2) for s in sizes],
            "details": [node_html(G, n, drawn) for n in nodes],
        }
    )
    edges = sorted(
        ((index[a], index[b], a, b) for a, b in H.edges),
        key=lambda e: (number(H.edges[e[2], e[3]].get("weight")), e[0], e[1]),
    )  # lightest first, so heavy edges are drawn on top
    weights = [number(H.edges[a, b].get("weight")) for _, _, a, b in edges]
    edge_source = ColumnDataSource(
        {
            "x0": [pos[a][0] for _, _, a, _ in edges],
            "y0": [pos[a][1] for _, _, a, _ in edges],
            "x1": [pos[b][0] for _, _, _, b in edges],
            "y1": [pos[b][1] for _, _, _, b in edges],
            "start": [i for i, _, _, _ in edges],
            "end": [j for _, j, _, _ in edges],
            "pair": [
                f"{H.nodes[a].get('label', a)} — {H.nodes[b].get('label', b)}"
                for _, _, a, b in edges
            ],
            "relations": [str(H.edges[a, b].get("relations", "")) for _, _, a, b in edges],
            "weight": weights,
            "width": scaled(weights, MIN_WIDTH, MAX_WIDTH),
            "colour": [
                hex_colour(relation_colour(str(H.edges[a, b].get("relations", ""))))
                for _, _, a, b in edges
            ],
            "first": [date_ms(H.edges[a, b].get("first_date")) for _, _, a, b in edges],
            "last": [date_ms(H.edges[a, b].get("last_date")) for _, _, a, b in edges],
            "details": [
                edge_html(G, a, b, None if rows is None else grouped.get(tuple(sorted((a, b))), []))
                for _, _, a, b in edges
            ],
        }
    )

    x_range, y_range = figure_ranges(pos)
    plot = figure(
        width=WIDTH,
        height=HEIGHT,
        x_range=x_range,
        y_range=y_range,
        tools="pan,wheel_zoom,box_zoom,reset,save",
        active_scroll="wheel_zoom",
        toolbar_location="above",
        min_border=0,
        name="graph",
    )
    plot.axis.visible = False
    plot.grid.visible = False
    node_filter = BooleanFilter(booleans=[True] * len(nodes))
    edge_filter = BooleanFilter(booleans=[True] * len(edges))
    edge_lines = plot.segment(
        "x0", "y0", "x1", "y1", source=edge_source, view=CDSView(filter=edge_filter),
        line_color="colour", line_width="width", line_alpha=0.7,
        selection_line_alpha=1.0, nonselection_line_alpha=0.15,
    )  # fmt: skip
    # A wide transparent copy of the edges is what a tap hits: a thin line is hard to hit.
    edge_hits = plot.segment(
        "x0", "y0", "x1", "y1", source=edge_source, view=CDSView(filter=edge_filter),
        line_color="#000000", line_width=14, line_alpha=0.0,
        selection_line_alpha=0.0, nonselection_line_alpha=0.0, name="edges",
    )  # fmt: skip
    node_marks = plot.scatter(
        "x", "y", source=node_source, view=CDSView(filter=node_filter),
        size="size", fill_color="colour", line_color="#ffffff", line_width=1, fill_alpha=0.9,
        nonselection_fill_alpha=0.3, name="nodes",
    )  # fmt: skip
    plot.text(
        "x", "y", text="shown", source=node_source, view=CDSView(filter=node_filter),
        y_offset="offset", text_align="center", text_baseline="bottom", text_font_size="12px",
        background_fill_color="#ffffff", background_fill_alpha=0.7,
    )  # fmt: skip
    plot.add_tools(
        TapTool(renderers=[node_marks, edge_hits]),
        # Nodes only: hovering a hub would list its hundreds of edges, and block the page.
        HoverTool(renderers=[node_marks], tooltips=[("", "@label"), ("type", "@type")]),
    )
    add_legends(plot, G, nodes, node_marks, edge_source, edge_lines)

    details = Div(
        text=HINT, width=SIDE, height=HEIGHT - 180, disable_math=True, name="details",
        styles={"overflow-y": "auto"}, stylesheets=[InlineStyleSheet(css=STYLE)],
    )  # fmt: skip
    show = CustomJS(
        args={"nodes": node_source, "edges": edge_source, "details": details, "hint": HINT},
        code=SHOW_DETAILS,
    )
    node_source.selected.js_on_change("indices", show)
    edge_source.selected.js_on_change("indices", show)
    search = AutocompleteInput(
        title="Find a name",
        placeholder="a person, an organisation, a country",
        completions=sorted(set(node_source.data["label"]), key=str.casefold),
        case_sensitive=False,
        search_strategy="includes",
        min_characters=1,
        width=SIDE,
        name="search",
    )
    search.js_on_change(
        "value",
        CustomJS(
            args={"nodes": node_source, "edges": edge_source, "x": x_range, "y": y_range},
            code=FIND,
        ),
    )
    keys = [r for r in RELATION_COLOURS if any(r in rel.split(SEPARATOR) for rel in
            edge_source.data["relations"])]  # fmt: skip
    relations = CheckboxGroup(
        labels=[relation_display(k) for k in keys],
        active=list(range(len(keys))),
        inline=True,
        width=SIDE,
        name="relations",
    )
    known = [d for d in edge_source.data["first"] + edge_source.data["last"] if d == d]
    dates = None
    if len(set(known)) > 1:
        dates = DateRangeSlider(
            title="Dates",
            start=min(known),
            end=max(known),
            value=(min(known), max(known)),
            step=1,
            format="%Y-%m-%d",
            width=SIDE,
            name="dates",
        )
    refilter = CustomJS(
        args={
            "nodes": node_source,
            "edges": edge_source,
            "node_filter": node_filter,
            "edge_filter": edge_filter,
            "relations": relations,
            "keys": keys,
            "dates": dates,
        },
        code=FILTER,
    )
    relations.js_on_change("active", refilter)
    controls = [search, Div(text="<b>Relations shown</b>", width=SIDE), relations]
    if dates is not None:
        dates.js_on_change("value", refilter)
        controls.append(dates)
    summary = Div(
        text=summary_html(G, len(nodes), None if rows is None else len(rows), title),
        width=WIDTH + SIDE,
        disable_math=True,
        name="summary",
    )
    return column(summary, row(plot, column(*controls, details)))


def add_legends(
    plot: Any,
    G: nx.Graph,
    nodes: list[Any],
    node_marks: Any,
    edge_source: ColumnDataSource,
    edge_lines: Any,
) -> None:
    """Add one legend of node types and one of relation types, for the kinds drawn."""
    first_of: dict[str, int] = {}
    for i, node in enumerate(nodes):
        first_of.setdefault(str(G.nodes[node].get("type", "")), i)
    items = [
        LegendItem(label=entity_display(t), renderers=[node_marks], index=first_of[t])
        for t in sorted(first_of)
    ]
    colours = edge_source.data["colour"]
    first_edge: dict[str, int] = {}
    for name, rgb in RELATION_COLOURS.items():
        if hex_colour(rgb) in colours:
            first_edge[name] = colours.index(hex_colour(rgb))
    items += [
        LegendItem(label=relation_display(r), renderers=[edge_lines], index=i)
        for r, i in first_edge.items()
    ]
    if items:
        # Below the drawing: inside it, the legend would hide (and catch clicks on) nodes.
        plot.add_layout(
            Legend(items=items, orientation="horizontal", border_line_color=None), "below"
        )


def generate_html(
    G: nx.Graph,
    *,
    statements: Iterable[Statement] | None = None,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    title: str = "Cooperation graph",
    seed: int = 0,
) -> str:
    """Return the self-contained HTML page of `G` (see `write_html`)."""
    page = html_layout(G, statements=statements, max_nodes=max_nodes, title=title, seed=seed)
    return file_html(page, resources=INLINE, title=title)


def write_html(
    G: nx.Graph,
    path: str | os.PathLike[str],
    *,
    statements: Iterable[Statement] | None = None,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    title: str = "Cooperation graph",
    seed: int = 0,
) -> None:
    """Write `G` as one interactive HTML page at `path`, atomically; it opens offline.

    Nodes are coloured by type and sized by mentions (as in GEXF), edges coloured by
    relation and widened by weight. A tap on a node shows its label, type, aliases,
    mentions, documents and relations; a tap on an edge shows its relation types,
    weight, hedged count and every statement in `statements` behind it (sentence,
    document title, date, link), or the edge's kept evidence when `statements` is None.
    A search box finds a name; check boxes filter the relation types, a slider the dates.
    Only the `max_nodes` most mentioned nodes are drawn (None: all), and the page says
    how many were left out.

    >>> import tempfile, pathlib
    >>> G = nx.Graph()
    >>> G.add_node("country:MA", label="Maroc", type="country", mentions=3)
    >>> G.add_node("country:QA", label="Qatar", type="country", mentions=1)
    >>> G.add_edge("country:MA", "country:QA", weight=1.0, relations="cooperation",
    ...            evidence="Le Maroc et le Qatar coopèrent.")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.html"
    >>> write_html(G, out)
    >>> page = out.read_text(encoding="utf-8")
    >>> "<script src=" in page, "Bokeh" in page  # the library is inside the file
    (False, True)
    """
    text = generate_html(G, statements=statements, max_nodes=max_nodes, title=title, seed=seed)
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
