"""Our exception types: the base of every error a user can cause, and the graph side's.

The command line catches `CoopgraphError` and prints its one-line message as
`Error: ...`; anything else is a bug and keeps its traceback. Each type is also a
`ValueError` (or `RuntimeError`), so code that caught those before still does.
This module imports nothing; `extract.errors` adds the spaCy side's types.

>>> issubclass(GoldError, CoopgraphError) and issubclass(GoldError, ValueError)
True
"""

from __future__ import annotations

import os


class CoopgraphError(Exception):
    """A failure the user caused and can fix; the message says what and how."""


class GoldError(CoopgraphError, ValueError):
    """A gold file that cannot be used; the message names the file and the problem."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


class GraphFileError(CoopgraphError, ValueError):
    """A graph file name or format we cannot write, or a file we cannot read as a graph."""


class OutputError(CoopgraphError, OSError):
    """An output file that cannot be written where it is asked for (no such folder, no
    permission, a read-only disk); the message is `cannot write PATH: REASON`."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path = str(path)
        self.reason = reason
