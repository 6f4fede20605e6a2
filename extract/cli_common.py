"""What the subcommands share: the user-error type and the progress bar."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


class UsageError(Exception):
    """A user error with a message that says what to do."""


def progress(items: Iterable[T], *, total: int | None = None, unit: str = "doc") -> Iterator[T]:
    """Wrap `items` in a progress bar on stderr when stderr is a terminal."""
    from tqdm import tqdm

    return iter(
        tqdm(items, total=total, unit=unit, disable=not sys.stderr.isatty(), file=sys.stderr)
    )
