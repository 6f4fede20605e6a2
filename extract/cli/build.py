"""`coopgraph build PATH... -o OUT`: articles in, graph file out.

Exit codes: 0 every input read; 1 nothing written (no input could be read, `--strict`
stopped at a bad input, an output that cannot be written); 2 the command line is wrong (an
unknown option, a bad option value or output suffix); 3 the graph is written but some
inputs were skipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import CommandLineError, GraphFileError, InputError, UsageError
from ..inputs.readers import ReadReport
from ..inputs.results import is_results_file, read_results
from .common import (
    EXIT_SKIPPED,
    add_engine_options,
    add_input_options,
    add_min_degree_option,
    at_least,
    check_outputs,
    engine_options,
    extracted,
    print_lines,
    progress,
    read_inputs,
    strict_stop,
)

OUTPUT_FORMATS = ("graphml", "gexf", "csv", "json", "html")  # as graph.write.WRITERS
OUTPUT_HELP = (
    "graph file; its suffix chooses the format: .graphml (GraphML), .gexf (GEXF 1.3), "
    ".csv (OUT_nodes.csv + OUT_edges.csv), .json (node-link JSON), .html or .htm (an "
    "interactive page)"
)


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Declare `coopgraph build` and its options."""
    build = commands.add_parser(
        "build",
        help="read articles and write the cooperation graph",
        description="Read articles (or results files of `coopgraph extract`) and write the "
        "cooperation graph.",
    )
    build.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or folders of articles (.txt, .html, .htm, .jsonl, .ndjson, .csv), or "
        "results files of `coopgraph extract`",
    )
    build.add_argument("-o", "--output", required=True, metavar="OUT", help=OUTPUT_HELP)
    build.add_argument(
        "--format",
        choices=OUTPUT_FORMATS,
        default=None,
        help="output format, whatever the suffix of OUT (default: by the suffix)",
    )
    build.add_argument(
        "--statements",
        default=None,
        metavar="FILE.csv",
        help="also write one row per relation statement (both ends' ids and labels, type, "
        "hedged, sentence, document id, date, title, url, character offsets), UTF-8 with BOM",
    )
    add_min_degree_option(build)
    build.add_argument(
        "--max-nodes",
        type=at_least(1),
        default=None,
        metavar="N",
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


def output_paths(args: argparse.Namespace) -> list[str]:
    """Return every file `build` writes, after checking the names; a bad one is a usage error."""
    from graph.tables import table_paths
    from graph.write import format_of

    try:
        name = format_of(args.output, args.format)
    except GraphFileError as e:
        raise CommandLineError(str(e)) from e
    if args.max_nodes is not None and name != "html":
        raise CommandLineError(f"--max-nodes is for an .html page, not {args.output}")
    paths = [str(p) for p in table_paths(args.output)] if name == "csv" else [args.output]
    if args.statements is not None:
        if Path(args.statements).suffix.lower() != ".csv":
            raise CommandLineError(
                f"--statements {args.statements}: the statements table is a .csv file"
            )
        if any(Path(args.statements).resolve() == Path(p).resolve() for p in paths):
            raise CommandLineError(
                f"--statements {args.statements} is also the graph's output; give another name"
            )
        paths.append(args.statements)
    return paths


def run_build(args: argparse.Namespace) -> int:
    """Handle `coopgraph build`."""
    from graph import GraphBuilder, StatementTable, write_graph  # networkx loads only here
    from graph.tables import write_statements
    from graph.write import format_of

    outputs = output_paths(args)
    engine_options(args)  # a bad engine option is a usage error before any work
    check_outputs(*outputs)
    page = format_of(args.output, args.format) == "html"
    builder = GraphBuilder(keep_furniture=args.keep_furniture, min_degree=args.min_degree)
    # Every statement behind an edge: for the table, and for the page (the graph keeps three
    # sentences an edge).
    wanted = page or args.statements is not None
    table = StatementTable(keep_furniture=args.keep_furniture) if wanted else None
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
    # Only the statements of the graph's edges (--min-degree may leave some out).
    rows = None if table is None else [r for r in table.rows() if G.has_edge(*r.pair)]
    options = {"statements": rows, "max_nodes": args.max_nodes} if page else {}
    write_graph(G, args.output, format=args.format, **options)
    print(
        f"{builder.documents} document(s), {G.number_of_nodes()} nodes, "
        f"{G.number_of_edges()} edges -> {args.output}",
        file=sys.stderr,
    )
    if args.statements is not None and rows is not None:
        write_statements(rows, args.statements)
        print(f"{len(rows)} statement(s) -> {args.statements}", file=sys.stderr)
    print_lines(report.summary())
    return EXIT_SKIPPED if report.skipped else 0
