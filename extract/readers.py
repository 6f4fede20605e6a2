"""Read input articles from files and folders, in a stable order."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from .records import Document

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt"})


class InputError(ValueError):
    """An input that cannot be read as an article; the message names the file and why."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def input_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, str]]:
    """Yield (file, document id) for every input file under `paths`, folders walked in order.

    A file named directly has its name as id; a file found in a folder has its path
    relative to that folder.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES):
                yield file, file.relative_to(path).as_posix()
        elif path.exists():
            yield path, path.name
        else:
            raise InputError(path, "no such file or folder")


def decode_text(data: bytes, path: str | os.PathLike[str]) -> str:
    """Return the text of `data`: UTF-8 (with or without BOM), else the detected encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "not text in any encoding we can detect")
    log.info("%s: decoded as %s", path, best.encoding)
    return str(best)


def read_text_file(path: Path, doc_id: str) -> Document:
    """Return the document of one `.txt` file."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror})") from e
    text = decode_text(data, path)
    if not text.strip():
        raise InputError(path, "empty")
    return Document(id=doc_id, text=text)


def read_documents(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document]:
    """Yield the documents under `paths`, lazily, in a stable order."""
    for path, doc_id in input_files(paths):
        yield read_text_file(path, doc_id)
