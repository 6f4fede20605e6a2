"""The `coopgraph` command: a thin layer over `extract` and `graph`.

Each subcommand lives in its own module (`build`, `extract`, `evaluate`, `plot`) with an
`add_parser(commands)` function that declares its options and sets its handler; `common`
holds the options they share. The handlers call the library; the library raises, and
only `main` prints: a `CommandLineError` (an option value or a mix of options we cannot
use) as `Error: ...` with exit code 2, like argparse's own usage errors; any other
`CoopgraphError` (something the user can fix) as `Error: ...` with exit code 1; anything
else is a bug and keeps its traceback.

Every handler checks its options, then that its outputs can be written, before it reads
an input or loads the model.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from importlib import metadata

from ..errors import CommandLineError, CoopgraphError
from . import build, evaluate, extract, plot
from .common import EXIT_ERROR, EXIT_USAGE

SUBCOMMANDS = (build, extract, evaluate, plot)
DISTRIBUTION = "cooperation-graph"
# What --help says of the formats; tests/test_cli_usage.py checks it against the writers
# and readers, which it does not import here (networkx takes half a second to load).
FORMATS_HELP = """\
input formats (by suffix, or --input-format):
  .txt                 text, any encoding
  .html, .htm          saved web pages (the article's text, title, date and URL)
  .jsonl, .ndjson      JSON Lines, one article a line
  .csv                 CSV, one article a row (delimiter , ; or tab)
  folders              walked recursively
  results.jsonl        a results file of `coopgraph extract` (build reads it without the model)

output formats (build -o, by suffix, or --format):
  .graphml             GraphML: Gephi, igraph, networkx, yEd
  .gexf                GEXF 1.3 for Gephi: colours, sizes, timeline
  .csv                 OUT_nodes.csv + OUT_edges.csv (spreadsheets, Gephi)
  .json                node-link JSON (networkx, d3)
  .html, .htm          an interactive page that opens offline
  --statements F.csv   one row per relation statement (UTF-8 with BOM, for spreadsheets)
  plot -o .png, .svg   a picture of a graph file
  extract -o .jsonl    one results line per document, resumable

exit codes:
  0  done, every input read
  1  nothing written: `Error: ...` says why (no input could be read, --strict stopped,
     an output that cannot be written)
  2  the command line is wrong (unknown option, a bad option value or output suffix)
  3  the output is written, but some inputs were skipped (the summary lists them)
"""


def version() -> str:
    """Return the installed version of cooperation-graph ("unknown" from a source tree)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def parser() -> argparse.ArgumentParser:
    """Return the argument parser of every subcommand."""
    top = argparse.ArgumentParser(
        prog="coopgraph",
        description="Build a cooperation graph from French news articles.",
        epilog=FORMATS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.add_parser(commands)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run `coopgraph` with `argv` (default: the process arguments); return the exit code."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as e:  # --help and --version (0), argparse's usage errors (2)
        return e.code if isinstance(e.code, int) else EXIT_USAGE if e.code else 0
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        return args.handler(args)
    except CommandLineError as e:
        print(f"Error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except CoopgraphError as e:
        print(f"Error: {e}", file=sys.stderr)
        return EXIT_ERROR
