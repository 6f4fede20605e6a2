"""What the subcommands share: input and engine options, reading the inputs, progress.

Each option group is declared once here and mapped to the library's own arguments
(`read_documents`, `extract_documents`), so the commands run what a library user runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from graph.atomic import check_writable

from ..errors import CommandLineError, InputError, UsageError
from ..inputs.readers import DEFAULT_MAX_SIZE, FORMATS, Fields, ReadReport, parse_size
from ..inputs.text import format_size

if TYPE_CHECKING:
    from ..records import Document, DocumentResult

T = TypeVar("T")

EXIT_ERROR = 1  # nothing written: `Error: ...` says why
EXIT_USAGE = 2  # the command line is wrong (argparse's own code for it)
EXIT_SKIPPED = 3  # the output is written, but some inputs were skipped
ENGINES = ("local", "dask")  # as `extract.engine.ENGINES`, without importing the engine


def progress(items: Iterable[T], *, total: int | None = None, unit: str = "doc") -> Iterator[T]:
    """Wrap `items` in a progress bar on stderr when stderr is a terminal."""
    from tqdm import tqdm

    return iter(
        tqdm(items, total=total, unit=unit, disable=not sys.stderr.isatty(), file=sys.stderr)
    )


def print_lines(lines: list[str]) -> None:
    """Print lines to stderr, where the user looks for what went wrong."""
    for line in lines:
        print(line, file=sys.stderr)


def add_input_options(command: argparse.ArgumentParser) -> None:
    """Declare the options that say how to read the inputs."""
    inputs = command.add_argument_group("inputs")
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
    try:
        return parse_size(text)
    except UsageError as e:
        raise argparse.ArgumentTypeError(str(e)) from e


def at_least(minimum: int) -> Callable[[str], int]:
    """Return an argparse type: a whole number, `minimum` or more (else a usage error, exit 2).

    >>> at_least(1)("2")
    2
    >>> at_least(1)("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be at least 1, not 0
    """

    def whole_number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}")
        return value

    whole_number.__name__ = "whole number"  # how argparse names the type in its messages
    return whole_number


def add_min_degree_option(command: argparse.ArgumentParser) -> None:
    """Declare `--min-degree N` (off by default: an analyst may want every name)."""
    command.add_argument(
        "--min-degree",
        type=at_least(0),
        default=0,
        metavar="N",
        help="leave out entities with fewer than N relations (1: those related to no one; "
        "default: 0, keep every entity)",
    )


def check_outputs(*paths: str | os.PathLike[str], append: bool = False) -> None:
    """Raise `OutputError` (`Error: cannot write OUT: ...`) unless every path can be written.

    Called before any input is read or the model loads, so a bad output name costs nothing.
    """
    for path in paths:
        check_writable(path, append=append)


def read_inputs(
    args: argparse.Namespace, report: ReadReport, paths: list[str] | None = None
) -> Iterator[Document]:
    """Return the lazy documents of `paths` (default: the command's), bad ones in `report`."""
    from ..inputs.readers import read_documents

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


def strict_stop(error: InputError) -> UsageError:
    """Return the error that tells why `--strict` stopped."""
    return UsageError(f"{error} (--strict stops at the first input that cannot be read)")


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
        type=at_least(1),
        default=default_jobs(),
        metavar="N",
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


def engine_options(args: argparse.Namespace) -> dict[str, Any]:
    """Return the `extract_documents` arguments the engine options name."""
    if args.jobs < 1:  # argparse checks the command line; this is for Namespaces built by hand
        raise CommandLineError(f"--jobs must be at least 1, not {args.jobs}")
    if args.scheduler and args.engine != "dask":
        raise CommandLineError("--scheduler needs --engine dask")
    return {"jobs": args.jobs, "engine": args.engine, "scheduler": args.scheduler}


def extracted(args: argparse.Namespace, documents: Iterable[Document]) -> Iterator[DocumentResult]:
    """Return the results of `documents`, in order, from the engine the options name."""
    options = engine_options(args)
    from ..engine import extract_documents  # here: the model's libraries load only when needed

    return extract_documents(None, documents, **options)
