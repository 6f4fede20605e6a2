"""`coopgraph plot GRAPH -o graph.png`: a picture of a graph file we wrote."""

from __future__ import annotations

import argparse
import sys

from ..errors import CommandLineError
from .common import add_min_degree_option, at_least, check_outputs


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Declare `coopgraph plot` and its options."""
    plot = commands.add_parser(
        "plot", help="draw a graph file (.graphml, .gexf, .json) as .png or .svg"
    )
    plot.add_argument(
        "graph", help="a graph written by `coopgraph build` (.graphml, .gexf or .json)"
    )
    plot.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="picture file: .png or .svg"
    )
    plot.add_argument(
        "--labels",
        type=at_least(0),
        default=30,
        metavar="N",
        help="label at most the N most connected entities, where they fit (default: 30)",
    )
    add_min_degree_option(plot)
    plot.add_argument("--title", default=None, help="a title above the picture")
    plot.set_defaults(handler=run_plot)


def run_plot(args: argparse.Namespace) -> int:
    """Handle `coopgraph plot`."""
    from graph import read_graph
    from graph.build import drop_below_degree
    from graph.plot import FORMATS, plot_graph

    if not args.output.lower().endswith(tuple(FORMATS)):
        raise CommandLineError(
            f"cannot draw to {args.output!r}; give an output name ending in .png or .svg"
        )
    check_outputs(args.output)
    G = read_graph(args.graph)
    plot_graph(G, args.output, top_labels=args.labels, title=args.title, min_degree=args.min_degree)
    shown = drop_below_degree(G, args.min_degree) if args.min_degree else G
    line = f"{shown.number_of_nodes()} nodes, {shown.number_of_edges()} edges -> {args.output}"
    left_out = G.number_of_nodes() - shown.number_of_nodes()
    if left_out:
        fewer = "no relation" if args.min_degree == 1 else f"fewer than {args.min_degree} relations"
        line += f" ({left_out} {'entity' if left_out == 1 else 'entities'} with {fewer} left out)"
    print(line, file=sys.stderr)
    return 0
