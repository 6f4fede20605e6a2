"""`coopgraph build PATH... -o OUT`: articles in, graph file out.

Exit codes: 0 every input read; 1 nothing written (no input could be read, a bad option
value, `--strict` stopped at a bad input); 2 the command line itself is wrong (argparse);
3 the graph is written but some inputs were skipped.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import InputError, UsageError
from ..inputs.readers import ReadReport
from ..inputs.results import is_results_file, read_results
from .common import (
    EXIT_SKIPPED,
    add_engine_options,
    add_input_options,
    extracted,
    print_lines,
    progress,
    read_inputs,
    strict_stop,
)


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Declare `coopgraph build` and its options."""
    build = commands.add_parser("build", help="read articles and write the cooperation graph")
    build.add_argument(
        "paths", nargs="+",
        help="files or folders of articles, or results files of `coopgraph extract`",
    )
    build.add_argument(
        "-o", "--output", required=True,
        help="output file: .graphml, .gexf, .csv, .json, or .html (an interactive page)",
    )
    build.add_argument("--format", default=None, help="output format, if not by the suffix")
    build.add_argument(
        "--max-nodes", type=node_count, default=None, metavar="N",
        help=f"an .html page draws the N most mentioned entities (default: {PAGE_NODES})",
    )
    build.add_argument(
        "--keep-furniture",
        action="store_true",
        help='keep what page furniture ("Lire aussi", teasers) names',
    )
    add_input_options(build)
    add_engine_options(build)
    build.set_defaults(handler=run_build)


PAGE_NODES = 2000  # graph.html.DEFAULT_MAX_NODES; not imported, Bokeh loads in seconds


def node_count(text: str) -> int:
    """Return a `--max-nodes` value, or tell argparse why it is wrong."""
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of nodes, 1 or more: {text!r}")
    return count


def run_build(args: argparse.Namespace) -> int:
    """Handle `coopgraph build`."""
    from graph import GraphBuilder, StatementTable, write_graph  # networkx loads only here
    from graph.write import format_of

    page = format_of(args.output, args.format) == "html"  # a bad output name fails first
    if args.max_nodes is not None and not page:
        raise UsageError(f"--max-nodes is for an .html page, not {args.output}")
    builder = GraphBuilder(keep_furniture=args.keep_furniture)
    # A page shows every statement behind an edge; the graph keeps three sentences.
    table = StatementTable(keep_furniture=args.keep_furniture) if page else None
    report = ReadReport()

    def add(record: Any) -> None:
        builder.add(record)
        if table is not None:
            table.add(record)

    # A results file named directly is read as is, without the model (`extract.inputs.results`).
    results = [path for path in args.paths if is_results_file(path)]
    articles = [path for path in args.paths if path not in results]
    for path in results:
        for record in read_results(path):
            add(record)
    try:
        if articles:
            for result in progress(extracted(args, read_inputs(args, report, articles))):
                add(result.to_dict() if table is not None else result)
    except InputError as e:  # only --strict raises it
        raise strict_stop(e) from e
    if builder.documents == 0:
        print_lines(report.summary())
        raise UsageError(
            "no input could be read; give .txt, .html, .jsonl or .csv files, or folders that "
            "contain them"
        )
    G = builder.graph()
    options = {"statements": table.rows(), "max_nodes": args.max_nodes} if table else {}
    write_graph(G, args.output, format=args.format, **options)
    print(
        f"{builder.documents} document(s), {G.number_of_nodes()} nodes, "
        f"{G.number_of_edges()} edges -> {args.output}",
        file=sys.stderr,
    )
    print_lines(report.summary())
    return EXIT_SKIPPED if report.skipped else 0
