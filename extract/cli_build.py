"""`coopgraph build PATH... -o OUT`: articles in, graph file out.

Exit codes: 0 every input read; 1 nothing written (no input could be read, a bad option
value, `--strict` stopped at a bad input); 2 the command line itself is wrong (argparse);
3 the graph is written but some inputs were skipped.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .cli_common import UsageError, progress
from .cli_extract import add_engine_options, extracted

if TYPE_CHECKING:
    from .readers import ReadReport
    from .records import Document

EXIT_SKIPPED = 3


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Declare `coopgraph build` and its options."""
    build = commands.add_parser("build", help="read articles and write the cooperation graph")
    build.add_argument(
        "paths",
        nargs="+",
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


def add_input_options(build: argparse.ArgumentParser) -> None:
    """Declare the options that say how to read the inputs."""
    from .read_text import format_size
    from .readers import DEFAULT_MAX_SIZE, FORMATS, Fields

    inputs = build.add_argument_group("inputs")
    inputs.add_argument(
        "--input-format",
        choices=FORMATS,
        default=None,
        help="read every input file in this format (default: by suffix: .txt, .html/.htm, "
        ".jsonl, .csv)",
    )
    for name in ("id", "text", "title", "date", "url"):
        inputs.add_argument(
            f"--{name}-field",
            default=getattr(Fields(), name),
            metavar="NAME",
            help=f"JSONL key or CSV column of the {name} (default: %(default)s)",
        )
    inputs.add_argument(
        "--strict", action="store_true", help="stop at the first input that cannot be read"
    )
    inputs.add_argument(
        "--max-size",
        type=size_option,
        default=DEFAULT_MAX_SIZE,
        metavar="SIZE",
        help="skip text or HTML files, and JSONL or CSV records, larger than this "
        f"(default: {format_size(DEFAULT_MAX_SIZE).replace(' ', '')}; e.g. 10MB, 500KB)",
    )


def size_option(text: str) -> int:
    """Return the bytes of a `--max-size` value, or tell argparse why it is wrong."""
    from .readers import parse_size

    try:
        return parse_size(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from e


def run_build(args: argparse.Namespace) -> int:
    """Handle `coopgraph build`."""
    from graph import GraphBuilder, write_graph
    from graph.write import format_of

    from .readers import InputError, ReadReport
    from .results import is_results_file, read_results

    format_of(args.output, args.format)  # fail on a bad output name before any work
    builder = GraphBuilder(keep_furniture=args.keep_furniture)
    report = ReadReport()
    # A results file named directly is read as is, without the model (`extract.results`).
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
        raise UsageError(f"{e} (--strict stops at the first input that cannot be read)") from e
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


def read_inputs(
    args: argparse.Namespace, report: ReadReport, paths: list[str] | None = None
) -> Iterator[Document]:
    """Return the lazy documents of `paths` (default: the command's), bad ones in `report`."""
    from .readers import Fields, read_documents

    fields = Fields(
        id=args.id_field,
        text=args.text_field,
        title=args.title_field,
        date=args.date_field,
        url=args.url_field,
    )
    return read_documents(
        args.paths if paths is None else paths,
        input_format=args.input_format,
        fields=fields,
        max_size=args.max_size,
        errors="strict" if args.strict else "skip",
        report=report,
    )


def print_lines(lines: list[str]) -> None:
    """Print lines to stderr, where the user looks for what went wrong."""
    for line in lines:
        print(line, file=sys.stderr)
