"""The `coopgraph` command: a thin layer over `extract` and `graph`.

Each subcommand lives in its own `cli_<name>.py` module with an `add_parser(commands)`
function that declares its options and sets its handler.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from . import cli_build, cli_evaluate, cli_extract, cli_plot
from .cli_common import UsageError
from .readers import InputError

SUBCOMMANDS = (cli_build, cli_extract, cli_evaluate, cli_plot)


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
    except (UsageError, InputError, ValueError, RuntimeError) as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
