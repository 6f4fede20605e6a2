"""Write files atomically: a temporary file beside the target, renamed over it when complete."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError


def default_mode() -> int:
    """Return the permissions a new file gets under the process umask (mkstemp gives 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path`, on error it goes.

    A crash or Ctrl-C while writing leaves the previous file, never a truncated one.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text()
    'done'
    """
    target = Path(path)
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
        )
    except OSError as e:  # the folder is gone, or cannot take a file
        raise OutputError(path, system_reason(e)) from e
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else default_mode())
        try:
            os.replace(tmp, target)
        except OSError as e:  # a folder in the way, or the permission taken away meanwhile
            raise OutputError(path, system_reason(e)) from e
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def system_reason(error: OSError) -> str:
    """Return the system's reason for an `OSError`, in lower case ("permission denied")."""
    return (error.strerror or str(error)).lower()


def check_writable(path: str | os.PathLike[str], *, append: bool = False) -> None:
    """Raise `OutputError` unless a file can be written at `path`; write nothing.

    Call it before any long work, so a bad output name fails at once rather than after the
    whole run. The folder must exist and take a new file (one is created and removed, the
    only test that holds for root, read-only disks and /proc alike); with `append`, an
    existing file must also open for appending.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> check_writable(folder / "g.graphml")
    >>> check_writable(folder / "nodir" / "g.graphml")
    Traceback (most recent call last):
    ...
    graph.errors.OutputError: cannot write .../nodir/g.graphml: the folder .../nodir does not exist
    """
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise OutputError(path, "it is a folder; give a file name")
    if not folder.exists():
        raise OutputError(path, f"the folder {folder} does not exist")
    if not folder.is_dir():
        raise OutputError(path, f"{folder} is not a folder")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        os.close(fd)
        os.unlink(name)
        if append and target.exists():
            with open(target, "ab"):
                pass
    except OSError as e:
        raise OutputError(path, f"cannot create a file in {folder} ({system_reason(e)})") from e
