"""Draw a cooperation graph as a picture (PNG or SVG) with matplotlib, without a display.

Nodes are coloured by type and sized by mentions, edges coloured by relation and widened by
weight, with a legend for both; the most mentioned nodes are labelled, and a label that would
overlap one already placed tries another side of its node, then is left out.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import matplotlib
import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patheffects import withStroke
from matplotlib.transforms import Bbox

from .atomic import atomic_path
from .build import drop_below_degree
from .errors import GraphFileError
from .gexf import OTHER_COLOUR, RELATION_COLOURS, TYPE_COLOURS, relation_colour, type_colour
from .vocabulary import entity_display, relation_display

FORMATS = frozenset({".png", ".svg"})
MIN_AREA, MAX_AREA = 40.0, 1600.0  # marker area (points²) of the least and most mentioned node
MIN_WIDTH, MAX_WIDTH = 0.8, 6.0  # edge width (points) of the lightest and heaviest edge
LABEL_SIDES = (
    (0, 1, "center", "bottom"),
    (0, -1, "center", "top"),
    (1, 0, "left", "center"),
    (-1, 0, "right", "center"),
)  # above, below, right, left of the node
MAX_LABEL = 28  # characters of a label shown
PAD = 1.0  # layout units between packed components
LONE_PAD = 0.7  # layout units between nodes that have no edge
ASPECT = 1.5  # width / height the packed components aim for
MAX_SEPARATE = 1500  # nodes above which overlap removal (quadratic) is skipped


def rgb(colour: tuple[int, int, int]) -> tuple[float, float, float]:
    """Return a 0-255 RGB triple as matplotlib's 0-1 floats."""
    return tuple(c / 255 for c in colour)


def number(value: Any, default: float = 0.0) -> float:
    """Return `value` as a float, or `default` when it is not a number."""
    try:
        result = float(value)
    except (TypeError, ValueError):
        return default
    return result if math.isfinite(result) else default


def component_layout(
    G: nx.Graph, nodes: list[Any], *, seed: int, iterations: int = 300
) -> dict[Any, tuple[float, float]]:
    """Return node → (x, y) of one connected component, spread over about √n units."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_weighted_edges_from(
        sorted(
            (
                (a, b, number(d.get("weight"), 1.0))
                for a, b, d in G.subgraph(nodes).edges(data=True)
            ),
            key=lambda e: (str(e[0]), str(e[1])),
        )
    )
    if hasattr(nx, "forceatlas2_layout"):
        pos = nx.forceatlas2_layout(
            H,
            seed=seed,
            max_iter=iterations,
            weight="weight",
            scaling_ratio=2.0,
            gravity=1.0,
            strong_gravity=True,
        )
    else:  # networkx < 3.4
        pos = nx.spring_layout(H, seed=seed, weight="weight")
    xs, ys = [float(p[0]) for p in pos.values()], [float(p[1]) for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = 1.2 * math.sqrt(len(nodes)) / span
    return {
        n: ((float(x) - min(xs)) * scale, (float(y) - min(ys)) * scale) for n, (x, y) in pos.items()
    }


def layout(G: nx.Graph, *, seed: int, iterations: int = 300) -> dict[Any, tuple[float, float]]:
    """Return node → (x, y): each connected component force-directed, then packed in rows.

    Components go biggest first, left to right, top to bottom (lone nodes last), so nothing
    drifts off to a corner; the result is the same for the same graph and seed. Each
    component gets `iterations` of ForceAtlas2, each costing time quadratic in its nodes.
    """
    components = sorted(
        (sorted(c, key=str) for c in nx.connected_components(G)), key=lambda c: (-len(c), str(c[0]))
    )
    parts = [component_layout(G, c, seed=seed, iterations=iterations) for c in components]
    boxes = [(max(x for x, _ in p.values()), max(y for _, y in p.values())) for p in parts]
    gaps = [PAD if len(part) > 1 else LONE_PAD for part in parts]
    area = sum((w + gap) * (h + gap) for (w, h), gap in zip(boxes, gaps, strict=True))
    width = max([math.sqrt(area * ASPECT)] + [w for w, _ in boxes])
    pos: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for part, (w, h), gap in zip(parts, boxes, gaps, strict=True):
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y - row_height - gap, 0.0
        pos.update({n: (x + px, y - (h - py)) for n, (px, py) in part.items()})
        x, row_height = x + w + gap, max(row_height, h)
    return pos


def separate(
    pos: dict[Any, tuple[float, float]], radius: dict[Any, float], *, rounds: int = 60
) -> None:
    """Push overlapping node discs apart in place (a few rounds; skipped on very large graphs)."""
    nodes = sorted(pos, key=str)
    if len(nodes) > MAX_SEPARATE:
        return
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                (xa, ya), (xb, yb) = pos[a], pos[b]
                dx, dy = xb - xa, yb - ya
                dist = math.hypot(dx, dy)
                need = (radius[a] + radius[b]) * 1.15
                if dist < need:
                    if dist == 0:
                        dx, dy, dist = 1.0, 0.0, 1.0
                    push = (need - dist) / 2 / dist
                    pos[a] = (xa - dx * push, ya - dy * push)
                    pos[b] = (xb + dx * push, yb + dy * push)
                    moved = True
        if not moved:
            return


def scaled(values: list[float], low: float, high: float) -> list[float]:
    """Return `values` mapped onto [low, high] by square root (area for counts), max → high."""
    top = max(values, default=0.0)
    return [low + (high - low) * math.sqrt(max(v, 0.0) / top) if top > 0 else low for v in values]


def draw_edges(ax: Any, G: nx.Graph, pos: dict[Any, tuple[float, float]]) -> None:
    """Draw the edges, heaviest on top."""
    edges = sorted(
        G.edges(data=True), key=lambda e: (number(e[2].get("weight"), 1.0), str(e[0]), str(e[1]))
    )
    widths = scaled([number(d.get("weight"), 1.0) for _, _, d in edges], MIN_WIDTH, MAX_WIDTH)
    colours = [rgb(relation_colour(str(d.get("relations", "")))) for _, _, d in edges]
    ax.add_collection(
        LineCollection(
            [(pos[a], pos[b]) for a, b, _ in edges],
            colors=colours,
            linewidths=widths,
            alpha=0.75,
            zorder=1,
            capstyle="round",
        )
    )


def node_areas(G: nx.Graph) -> dict[Any, float]:
    """Return node → marker area in points², growing with mentions."""
    nodes = list(G.nodes)
    values = [number(G.nodes[n].get("mentions"), 1.0) for n in nodes]
    return dict(zip(nodes, scaled(values, MIN_AREA, MAX_AREA), strict=True))


def draw_nodes(
    ax: Any, G: nx.Graph, pos: dict[Any, tuple[float, float]], areas: dict[Any, float]
) -> None:
    """Draw the nodes, smallest on top so none hides behind a big one."""
    order = sorted(G.nodes, key=lambda n: (-areas[n], str(n)))
    ax.scatter(
        [pos[n][0] for n in order],
        [pos[n][1] for n in order],
        s=[areas[n] for n in order],
        c=[rgb(type_colour(str(G.nodes[n].get("type", "")))) for n in order],
        edgecolors="white",
        linewidths=1.0,
        zorder=2,
    )


def importance(G: nx.Graph, node: Any) -> tuple[int, float, float, str]:
    """Return a sort key: most connected first, then most statements, most mentioned, by id.

    The connected entities are what the picture is about: a name mentioned often but
    related to nobody (a radio station quoted as a source) is labelled only after them.

    >>> G = nx.Graph([("country:MA", "country:QA")])
    >>> G.add_node("org:rtl", mentions=9)
    >>> sorted(G, key=lambda n: importance(G, n))
    ['country:MA', 'country:QA', 'org:rtl']
    """
    return (
        -G.degree(node),
        -G.degree(node, weight="weight"),
        -number(G.nodes[node].get("mentions"), 1.0),
        str(node),
    )


def label_text(G: nx.Graph, node: Any) -> str:
    """Return the text shown for a node: its label, shortened."""
    text = str(G.nodes[node].get("label") or node)
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def disc_boxes(
    ax: Any, pos: dict[Any, tuple[float, float]], areas: dict[Any, float], dpi: float
) -> dict[Any, Bbox]:
    """Return node → the display box around its marker."""
    boxes = {}
    for node, (x, y) in pos.items():
        px, py = ax.transData.transform((x, y))
        r = math.sqrt(areas[node]) / 2 * dpi / 72
        boxes[node] = Bbox.from_extents(px - r, py - r, px + r, py + r)
    return boxes


def draw_labels(
    ax: Any, G: nx.Graph, pos: dict[Any, tuple[float, float]], areas: dict[Any, float], *, top: int
) -> int:
    """Label the `top` most important nodes where a label fits on no other label or node.

    Each label tries above, below, right and left of its node; one that fits nowhere is left
    out. Return how many labels were placed.
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    discs = disc_boxes(ax, pos, areas, fig.dpi)
    frame = ax.get_window_extent(renderer)
    placed: list[Bbox] = []
    for rank, node in enumerate(sorted(G.nodes, key=lambda n: importance(G, n))[:top]):
        size = 11 if rank < 5 else 9 if rank < 15 else 8
        gap = math.sqrt(areas[node]) / 2 + 1.5  # marker radius in points, plus a little air
        obstacles = placed + [box for other, box in discs.items() if other != node]
        for dx, dy, ha, va in LABEL_SIDES:
            text = ax.annotate(
                label_text(G, node),
                pos[node],
                xytext=(dx * gap, dy * gap),
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=size,
                zorder=3,
                color="#222222",
                path_effects=[withStroke(linewidth=3, foreground="white")],
            )
            box = text.get_window_extent(renderer)
            inside = (
                frame.x0 <= box.x0
                and box.x1 <= frame.x1
                and frame.y0 <= box.y0
                and box.y1 <= frame.y1
            )
            if inside and not any(box.overlaps(other) for other in obstacles):
                placed.append(box)
                break
            text.remove()
    return len(placed)


def draw_legends(fig: Figure, G: nx.Graph) -> None:
    """Add, right of the drawing, the legends of the node and relation types in the graph."""
    types = {str(t) for _, t in G.nodes(data="type")}
    node_items = [(entity_display(t), TYPE_COLOURS[t]) for t in TYPE_COLOURS if t in types]
    if types - set(TYPE_COLOURS):
        node_items.append(("other", OTHER_COLOUR))
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=10,
            markerfacecolor=rgb(c),
            markeredgecolor="white",
            label=name,
        )
        for name, c in node_items
    ]
    style = {"frameon": False, "fontsize": 10, "title_fontsize": 10, "alignment": "left"}
    fig.legend(
        handles=handles, title="entity\n(size: mentions)", loc="outside right upper", **style
    )
    relations = set()
    for _, _, kinds in G.edges(data="relations"):
        present = set(str(kinds).split("|"))
        relations.add(next((r for r in RELATION_COLOURS if r in present), "other"))
    edge_items = [(relation_display(r), c) for r, c in RELATION_COLOURS.items() if r in relations]
    if "other" in relations:
        edge_items.append(("other", OTHER_COLOUR))
    if edge_items:
        lines = [Line2D([], [], color=rgb(c), linewidth=3, label=name) for name, c in edge_items]
        fig.legend(
            handles=lines, title="relation\n(width: statements)", loc="outside right lower", **style
        )


def fit_view(ax: Any, pos: dict[Any, tuple[float, float]]) -> None:
    """Set the axes limits around the nodes, with room for labels at the edges."""
    if not pos:
        return
    xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
    ax.set_xlim(min(xs) - 0.1 * span, max(xs) + 0.1 * span)
    ax.set_ylim(min(ys) - 0.06 * span, max(ys) + 0.08 * span)


def plot_graph(
    G: nx.Graph,
    path: str | os.PathLike[str],
    *,
    top_labels: int = 30,
    seed: int = 7,
    title: str | None = None,
    min_degree: int = 0,
) -> None:
    """Draw `G` to `path` (.png or .svg), atomically; the same graph gives the same picture.

    The `top_labels` most connected nodes are labelled (`importance`). `min_degree` leaves
    out the nodes with fewer edges (`graph.build.drop_below_degree`); the heading says how
    many.

    >>> import tempfile, pathlib
    >>> G = nx.Graph()
    >>> G.add_node("country:MA", label="Maroc", type="country", mentions=5)
    >>> G.add_node("country:QA", label="Qatar", type="country", mentions=2)
    >>> G.add_edge("country:MA", "country:QA", weight=2.0, relations="cooperation")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.png"
    >>> plot_graph(G, out)
    >>> out.read_bytes()[:4]
    b'\\x89PNG'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise GraphFileError(f"cannot draw to {str(path)!r}: give a .png or .svg file name")
    left_out = 0
    if min_degree:
        shown = drop_below_degree(G, min_degree)
        left_out, G = G.number_of_nodes() - shown.number_of_nodes(), shown
    fig = Figure(figsize=(13, 9), layout="constrained")
    FigureCanvasAgg(fig)  # draws off-screen, whatever backend pyplot may have chosen
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_aspect("equal", adjustable="box")
    heading = f"{G.number_of_nodes()} entities, {G.number_of_edges()} relations"
    if left_out:
        fewer = "no relation" if min_degree == 1 else f"fewer than {min_degree} relations"
        heading += f" ({left_out} with {fewer} left out)"
    ax.set_title(f"{title} — {heading}" if title else heading, fontsize=12, loc="left")
    draw_legends(fig, G)
    pos, areas = layout(G, seed=seed), node_areas(G)
    fit_view(ax, pos)
    fig.canvas.draw()  # fixes the axes box, so points convert to data units
    x0, x1 = ax.get_xlim()
    data_per_point = (x1 - x0) / ax.get_window_extent().width * fig.dpi / 72
    separate(pos, {n: math.sqrt(a) / 2 * data_per_point for n, a in areas.items()})
    fit_view(ax, pos)
    draw_edges(ax, G, pos)
    draw_nodes(ax, G, pos, areas)
    fig.canvas.draw()
    draw_labels(ax, G, pos, areas, top=top_labels)
    # A fixed salt and no date make the same graph give the same SVG bytes.
    with matplotlib.rc_context({"svg.hashsalt": "coopgraph"}), atomic_path(path) as tmp:
        fig.savefig(
            tmp, format=suffix[1:], dpi=150, metadata={"Date": None} if suffix == ".svg" else None
        )
