"""`coopgraph extract PATH... -o results.jsonl`: articles in, one results line per document."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import CommandLineError, InputError
from ..inputs.readers import ReadReport
from ..inputs.results import ResultsFile
from ..records import Document
from .common import (
    EXIT_SKIPPED,
    add_engine_options,
    add_input_options,
    check_outputs,
    engine_options,
    extracted,
    print_lines,
    progress,
    read_inputs,
    strict_stop,
)


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Declare `coopgraph extract` and its options."""
    extract = commands.add_parser(
        "extract", help="read articles and write one results line per document (resumable)"
    )
    extract.add_argument("paths", nargs="+", help="files or folders of articles")
    extract.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="results file (.jsonl), created or updated: one line per document",
    )
    add_input_options(extract)
    add_engine_options(extract)
    extract.set_defaults(handler=run_extract)


def run_extract(args: argparse.Namespace) -> int:
    """Handle `coopgraph extract`; exit codes as `coopgraph build`'s."""
    if Path(args.output).suffix.lower() != ".jsonl":
        raise CommandLineError(f"the results file {args.output!r} must end in .jsonl")
    engine_options(args)  # a bad engine option is a usage error before any work
    check_outputs(args.output, append=True)
    results = ResultsFile(args.output)
    report = ReadReport()
    skipped = 0

    def new_documents() -> Iterator[Document]:
        nonlocal skipped
        for document in read_inputs(args, report):
            if results.is_current(document.id, document.sha1):
                skipped += 1
            else:
                yield document

    try:
        with results:
            for result in progress(extracted(args, new_documents())):
                results.append(result.to_dict())
    except InputError as e:  # only --strict raises it
        raise strict_stop(e) from e
    print(
        f"{results.written} document(s) extracted, {skipped} already there -> {args.output}",
        file=sys.stderr,
    )
    print_lines(report.summary())
    return EXIT_SKIPPED if report.skipped else 0
