"""The `coopgraph` command: a thin layer over `extract` and `graph`.

Each subcommand lives in its own module (`build`, `extract`, `evaluate`, `plot`) with an
`add_parser(commands)` function that declares its options and sets its handler; `common`
holds the options they share. The handlers call the library; the library raises, and
only `main` prints: a `CoopgraphError` (something the user can fix) as `Error: ...` with
exit code 1; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from ..errors import CoopgraphError
from . import build, evaluate, extract, plot

SUBCOMMANDS = (build, extract, evaluate, plot)


def parser() -> argparse.ArgumentParser:
    """Return the argument parser of every subcommand."""
    top = argparse.ArgumentParser(
        prog="coopgraph",
        description="Build a cooperation graph from French news articles.",
    )
    commands = top.add_subparsers(dest="command", required=True)
    for module in SUBCOMMANDS:
        module.add_parser(commands)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run `coopgraph` with `argv` (default: the process arguments); return the exit code."""
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        return args.handler(args)
    except CoopgraphError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
