"""`coopgraph build PATH... -o OUT`: articles in, graph file out.

Exit codes: 0 every input read; 1 nothing written (no input could be read, a bad option
value, `--strict` stopped at a bad input); 2 the command line itself is wrong (argparse);
3 the graph is written but some inputs were skipped.
"""

from __future__ import annotations

import argparse
import sys

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
    build.add_argument("-o", "--output", required=True, help="output file (.graphml)")
    build.add_argument("--format", default=None, help="output format, if not by the suffix")
    build.add_argument(
        "--keep-furniture",
        action="store_true",
        help='keep what page furniture ("Lire aussi", teasers) names',
    )
    add_input_options(build)
    add_engine_options(build)
    build.set_defaults(handler=run_build)


def run_build(args: argparse.Namespace) -> int:
    """Handle `coopgraph build`."""
    from graph import GraphBuilder, write_graph  # here: networkx loads only when it runs
    from graph.write import format_of

    format_of(args.output, args.format)  # fail on a bad output name before any work
    builder = GraphBuilder(keep_furniture=args.keep_furniture)
    report = ReadReport()
    # A results file named directly is read as is, without the model (`extract.inputs.results`).
    results = [path for path in args.paths if is_results_file(path)]
    articles = [path for path in args.paths if path not in results]
    for path in results:
        for record in read_results(path):
            builder.add(record)
    try:
        if articles:
            for result in progress(extracted(args, read_inputs(args, report, articles))):
                builder.add(result)
    except InputError as e:  # only --strict raises it
        raise strict_stop(e) from e
    if builder.documents == 0:
        print_lines(report.summary())
        raise UsageError(
            "no input could be read; give .txt, .html, .jsonl or .csv files, or folders that "
            "contain them"
        )
    G = builder.graph()
    write_graph(G, args.output, format=args.format)
    print(
        f"{builder.documents} document(s), {G.number_of_nodes()} nodes, "
        f"{G.number_of_edges()} edges -> {args.output}",
        file=sys.stderr,
    )
    print_lines(report.summary())
    return EXIT_SKIPPED if report.skipped else 0
