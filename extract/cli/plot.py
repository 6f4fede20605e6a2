"""`coopgraph plot GRAPH -o graph.png`: a picture of a graph file we wrote."""

from __future__ import annotations

import argparse
import sys

from .common import UsageError


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Declare `coopgraph plot` and its options."""
    plot = commands.add_parser(
        "plot", help="draw a graph file (.graphml, .gexf, .json) as .png or .svg"
    )
    plot.add_argument(
        "graph", help="a graph written by `coopgraph build` (.graphml, .gexf or .json)"
    )
    plot.add_argument("-o", "--output", required=True, help="picture file (.png or .svg)")
    plot.add_argument(
        "--labels",
        type=int,
        default=30,
        metavar="N",
        help="label at most the N most mentioned entities (default: 30)",
    )
    plot.add_argument("--title", default=None, help="a title above the picture")
    plot.set_defaults(handler=run_plot)


def run_plot(args: argparse.Namespace) -> int:
    """Handle `coopgraph plot`."""
    from graph import read_graph
    from graph.plot import FORMATS, plot_graph

    if not args.output.lower().endswith(tuple(FORMATS)):
        raise UsageError(
            f"cannot draw to {args.output!r}; give an output name ending in .png or .svg"
        )
    if args.labels < 0:
        raise UsageError(f"--labels must be 0 or more, not {args.labels}")
    G = read_graph(args.graph)
    plot_graph(G, args.output, top_labels=args.labels, title=args.title)
    print(
        f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges -> {args.output}",
        file=sys.stderr,
    )
    return 0
