"""The spaCy side's exception types (inputs, options, results files, lexicons, installs).

All derive from `CoopgraphError` (in `graph.errors`, with the gold and graph-file errors,
re-exported here), which the command line catches and prints as `Error: ...`.

>>> str(InputError("a.txt", "is empty"))
'a.txt: is empty'
"""

from __future__ import annotations

import os

from graph.errors import CoopgraphError, GoldError, GraphFileError, OutputError

__all__ = [
    "CommandLineError",
    "CoopgraphError",
    "GoldError",
    "GraphFileError",
    "InputError",
    "LexiconError",
    "MissingDependencyError",
    "OptionError",
    "OutputError",
    "ResultsError",
    "UsageError",
]


class UsageError(CoopgraphError):
    """What the user asked for cannot be done (no input could be read): the message says why."""


class OptionError(UsageError, ValueError):
    """An option or argument with a value we cannot use."""


class CommandLineError(OptionError):
    """A command line that is wrong: an option value or a mix of options we cannot use.

    The command line exits with code 2 on it, as on argparse's own errors.
    """


class InputError(CoopgraphError, ValueError):
    """One input that cannot be read: the message names it (path, `FILE:LINE`) and why."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class ResultsError(CoopgraphError, ValueError):
    """A results file (of `coopgraph extract`) that is damaged or holds a bad record."""


class LexiconError(CoopgraphError, ValueError):
    """A lexicon row that cannot be used: the message names the file, line and problem."""


class MissingDependencyError(CoopgraphError, RuntimeError):
    """Something to install (the spaCy model, Dask): the message says what to install."""
