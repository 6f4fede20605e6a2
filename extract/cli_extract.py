"""`coopgraph extract PATH... -o results.jsonl`: articles in, one results line per document.

Also the engine options that `coopgraph build` shares: `--jobs`, `--engine`, `--scheduler`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .cli_common import UsageError, progress
from .records import Document, DocumentResult

ENGINES = ("local", "dask")


def default_jobs() -> int:
    """Return the number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def add_engine_options(command: argparse.ArgumentParser) -> None:
    """Declare the options that choose where the model runs."""
    command.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=default_jobs(),
        help="worker processes (default: the number of cores; 1: no workers)",
    )
    command.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="local: worker processes on this machine; dask: the workers of a Dask cluster",
    )
    command.add_argument(
        "--scheduler",
        default=None,
        help="address of a Dask scheduler (with --engine dask; default: start a local cluster)",
    )


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Declare `coopgraph extract` and its options."""
    extract = commands.add_parser(
        "extract", help="read articles and write one results line per document (resumable)"
    )
    extract.add_argument("paths", nargs="+", help="files or folders of articles")
    extract.add_argument(
        "-o", "--output", required=True, help="results file (.jsonl), created or updated"
    )
    from .cli_build import add_input_options  # here: cli_build imports this module

    add_input_options(extract)
    add_engine_options(extract)
    extract.set_defaults(handler=run_extract)


def extracted(args: argparse.Namespace, documents: Iterable[Document]) -> Iterator[DocumentResult]:
    """Return the results of `documents`, in order, from the engine the options name."""
    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}")
    if args.engine == "dask":
        from . import documents as module
        from .dask_engine import extract_documents_dask

        return extract_documents_dask(
            documents, scheduler=args.scheduler, workers=args.jobs, group_size=module.GROUP_SIZE
        )
    if args.scheduler:
        raise UsageError("--scheduler needs --engine dask")
    from . import documents as module

    # GROUP_SIZE read at call time: tests make it small to start workers on a few documents.
    return module.extract_documents(None, documents, jobs=args.jobs, group_size=module.GROUP_SIZE)


def run_extract(args: argparse.Namespace) -> int:
    """Handle `coopgraph extract`; exit codes as `coopgraph build`'s."""
    from .cli_build import EXIT_SKIPPED, print_lines, read_inputs
    from .readers import InputError, ReadReport
    from .results import ResultsFile

    if Path(args.output).suffix.lower() != ".jsonl":
        raise UsageError(f"the results file {args.output!r} must end in .jsonl")
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
        raise UsageError(f"{e} (--strict stops at the first input that cannot be read)") from e
    print(
        f"{results.written} document(s) extracted, {skipped} already there -> {args.output}",
        file=sys.stderr,
    )
    print_lines(report.summary())
    return EXIT_SKIPPED if report.skipped else 0
