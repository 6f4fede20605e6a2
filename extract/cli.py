"""The `coopgraph` command: a thin layer over `extract` and `graph`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from .readers import InputError

log = logging.getLogger("coopgraph")


def parser() -> argparse.ArgumentParser:
    """Return the argument parser of every subcommand."""
    top = argparse.ArgumentParser(
        prog="coopgraph",
        description="Build a cooperation graph from French news articles.",
    )
    commands = top.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="read articles and write the cooperation graph")
    build.add_argument("paths", nargs="+", help="files or folders of articles")
    build.add_argument("-o", "--output", required=True, help="output file (.graphml)")
    build.add_argument("--format", default=None, help="output format, if not by the suffix")
    build.add_argument(
        "--keep-furniture",
        action="store_true",
        help="keep what page furniture (\"Lire aussi\", teasers) names",
    )
    build.set_defaults(handler=run_build)
    return top


def progress(items, *, total: int | None = None, unit: str = "doc"):
    """Wrap `items` in a progress bar on stderr when stderr is a terminal."""
    from tqdm import tqdm

    return tqdm(items, total=total, unit=unit, disable=not sys.stderr.isatty(), file=sys.stderr)


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


class UsageError(Exception):
    """A user error with a message that says what to do."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run `coopgraph` with `argv` (default: the process arguments); return the exit code."""
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        return args.handler(args)
    except (UsageError, InputError, ValueError, RuntimeError) as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
