"""`coopgraph build PATH... -o OUT`: articles in, graph file out."""

from __future__ import annotations

import argparse
import sys

from .cli_common import UsageError, progress


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Declare `coopgraph build` and its options."""
    build = commands.add_parser("build", help="read articles and write the cooperation graph")
    build.add_argument("paths", nargs="+", help="files or folders of articles")
    build.add_argument("-o", "--output", required=True, help="output file (.graphml)")
    build.add_argument("--format", default=None, help="output format, if not by the suffix")
    build.add_argument(
        "--keep-furniture",
        action="store_true",
        help='keep what page furniture ("Lire aussi", teasers) names',
    )
    build.set_defaults(handler=run_build)


def run_build(args: argparse.Namespace) -> int:
    """Handle `coopgraph build`."""
    from graph import GraphBuilder, write_graph
    from graph.write import format_of

    from .documents import extract_documents
    from .pipeline import load_pipeline
    from .readers import read_documents

    format_of(args.output, args.format)  # fail on a bad output name before any work
    builder = GraphBuilder(keep_furniture=args.keep_furniture)
    nlp = load_pipeline()
    for result in progress(extract_documents(nlp, read_documents(args.paths))):
        builder.add(result)
    if builder.documents == 0:
        raise UsageError("no input could be read; give .txt files or folders that contain them")
    G = builder.graph()
    write_graph(G, args.output, format=args.format)
    print(
        f"{builder.documents} document(s), {G.number_of_nodes()} nodes, "
        f"{G.number_of_edges()} edges -> {args.output}",
        file=sys.stderr,
    )
    return 0
