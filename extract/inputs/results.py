"""The results file: one JSON line per document, written as an append-only log.

`coopgraph extract` appends each document's record (`DocumentResult.to_dict()`) as soon
as it is known and flushes to disk (fsync) every few seconds, so a crash or Ctrl-C loses
at most the last records and at worst leaves a cut last line. The next run reports that
line, cuts it off and resumes: a document already there with the same id and SHA-1 is
skipped, a changed one (same id, new SHA-1) is extracted again and its new line wins.
When a run ends normally and the file is not already sorted by id with one line per id,
it is rewritten that way (temporary file, then rename), so the same documents always
give the same bytes, whatever order they were read in.

`read_results` is the one reader of the format: `coopgraph build` and `coopgraph evaluate
--results` both read through it, so both skip a cut last line (with a warning), and both
stop at a damaged line elsewhere or a record the graph cannot use, with a `ResultsError`
naming the file and line or document.

This module does not import spaCy: building a graph from a results file stays fast.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from graph.atomic import atomic_path

from ..errors import ResultsError

log = logging.getLogger(__name__)

# The keys that tell a results line from an article line (articles have "text").
RESULT_KEYS = frozenset({"id", "entities", "relations", "sha1"})
FSYNC_SECONDS = 5.0
# The keys of each entity and relation that the graph reads, in the order it reads them.
ENTITY_KEYS = ("type", "id", "label", "mentions", "aliases")
RELATION_KEYS = ("type", "source", "target", "start_char", "sentence")


def dumps_record(record: Mapping[str, Any]) -> bytes:
    """Return one results line: compact UTF-8 JSON and a newline.

    Text that UTF-8 cannot carry (an unpaired surrogate) is written with JSON escapes.
    """
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        return json.dumps(record, separators=(",", ":")).encode("ascii") + b"\n"


def is_results_record(record: Any) -> bool:
    """Return True when `record` is a results line rather than an article."""
    return isinstance(record, dict) and RESULT_KEYS <= record.keys() and "text" not in record


def is_results_file(path: str | os.PathLike[str]) -> bool:
    """Return True when `path` is a `.jsonl` file whose first record is a results line."""
    path = Path(path)
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return False
    with path.open("rb") as file:
        for line in file:
            if line.strip():
                try:
                    return is_results_record(json.loads(line))
                except ValueError:
                    return False
    return False


@dataclass
class ResultsIndex:
    """What a results file holds: each id's SHA-1 and the place of its latest line."""

    sha1: dict[str, str] = field(default_factory=dict)
    lines: dict[str, tuple[int, int]] = field(default_factory=dict)  # id -> (offset, length)
    valid_bytes: int = 0  # the file up to here is whole lines
    ordered: bool = True  # sorted by id, one line per id, nothing cut
    last_id: str = ""


def scan_results(path: str | os.PathLike[str]) -> ResultsIndex:
    """Return the index of the results file at `path` (empty if there is none).

    A last line without its newline (cut by a crash during a write) is reported and left
    out; a whole line that is not a result record is a `ResultsError` naming the line.
    """
    index = ResultsIndex()
    path = Path(path)
    if not path.exists():
        return index
    try:
        with path.open("rb") as file:
            offset = 0
            for number, line in enumerate(file, start=1):
                if not line.endswith(b"\n"):  # only the last line can lack it
                    log.warning(
                        "%s: line %d was cut short by an earlier crash; it is ignored", path, number
                    )
                    index.ordered = False
                    break
                record = parse_line(line)
                if isinstance(record, dict):
                    add_to_index(index, record, offset, len(line))
                elif not line.strip():
                    index.ordered = False
                else:
                    raise ResultsError(f"{path}, line {number}: {record}")
                offset += len(line)
                index.valid_bytes = offset
    except OSError as e:
        raise ResultsError(f"{path}: cannot be read ({e.strerror})") from e
    return index


def parse_line(line: bytes) -> dict[str, Any] | str:
    """Return the record of one whole results line, or what is wrong with the line."""
    try:
        record = json.loads(line)
    except UnicodeDecodeError as e:
        return f"not UTF-8 text (byte {e.start})"
    except json.JSONDecodeError as e:
        return f"invalid JSON ({e.msg})"
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        return 'not a result record (no string "id")'
    if "text" in record and "relations" not in record:
        return 'not a result record (an article: it has "text")'
    return record


def check_record(record: Mapping[str, Any], path: str | os.PathLike[str]) -> None:
    """Raise `ResultsError` unless `record` holds what the graph reads of a result."""
    where = f'{path}: the record of "{record["id"]}"'
    for name, keys in (("entities", ENTITY_KEYS), ("relations", RELATION_KEYS)):
        items = record.get(name, [])
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise ResultsError(f'{where} is not a result record ("{name}": not a list of objects)')
        for item in items:
            for key in keys:
                if key not in item:
                    raise ResultsError(f'{where} lacks the key "{key}"')


def add_to_index(index: ResultsIndex, record: Mapping[str, Any], offset: int, length: int) -> None:
    """Record that the line of `record` is at `offset`."""
    doc_id = record["id"]
    if doc_id in index.lines or (index.lines and doc_id <= index.last_id):
        index.ordered = False
    index.sha1[doc_id] = record.get("sha1", "")
    index.lines[doc_id] = (offset, length)
    index.last_id = doc_id


def read_results(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Yield the latest record of each document of a results file, in file order.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "r.jsonl"
    >>> _ = path.write_text('{"id": "a", "entities": [], "relations": []}\\n{"id": "b", "ent')
    >>> [record["id"] for record in read_results(path)]  # the cut last line is left out
    ['a']
    """
    index = scan_results(path)
    try:
        with Path(path).open("rb") as file:
            for offset, length in sorted(index.lines.values()):
                file.seek(offset)
                record = json.loads(file.read(length))
                check_record(record, path)
                yield record
    except OSError as e:
        raise ResultsError(f"{path}: cannot be read ({e.strerror})") from e


def compact(path: Path, index: ResultsIndex) -> None:
    """Rewrite the results file sorted by id with one line per id, atomically."""
    with atomic_path(path) as tmp, path.open("rb") as source, tmp.open("wb") as target:
        for doc_id in sorted(index.lines):
            offset, length = index.lines[doc_id]
            source.seek(offset)
            target.write(source.read(length))
        target.flush()
        os.fsync(target.fileno())


class ResultsFile:
    """Append results to a file, skipping documents it already holds; use it as a context.

    >>> import tempfile, pathlib
    >>> with ResultsFile(pathlib.Path(tempfile.mkdtemp()) / "r.jsonl") as results:
    ...     results.append({"id": "a", "sha1": "1", "entities": [], "relations": []})
    >>> results.written, results.is_current("a", "1")
    (1, True)
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.index = scan_results(self.path)
        self.written = 0
        self.file: BinaryIO | None = None
        self.synced_at = time.monotonic()

    def is_current(self, doc_id: str, sha1: str) -> bool:
        """Return True when the file holds document `doc_id` with this content."""
        return self.index.sha1.get(doc_id) == sha1

    def __enter__(self) -> ResultsFile:
        if self.path.exists() and self.path.stat().st_size != self.index.valid_bytes:
            os.truncate(self.path, self.index.valid_bytes)  # drop a cut last line
        self.file = self.path.open("ab")
        return self

    def append(self, record: Mapping[str, Any]) -> None:
        """Append one document's record; once compacted, it replaces an older line of its id."""
        if self.file is None:
            raise RuntimeError(
                f"{self.path}: open the results file with `with ResultsFile(...)` first"
            )
        line = dumps_record(record)
        add_to_index(self.index, record, self.index.valid_bytes, len(line))
        self.file.write(line)
        self.index.valid_bytes += len(line)
        self.written += 1
        if time.monotonic() - self.synced_at > FSYNC_SECONDS:
            self.sync()

    def sync(self) -> None:
        """Push what was appended to the disk."""
        if self.file is not None:
            self.file.flush()
            os.fsync(self.file.fileno())
        self.synced_at = time.monotonic()

    def __exit__(self, kind: type[BaseException] | None, *rest: Any) -> None:
        self.sync()
        if self.file is not None:
            self.file.close()
            self.file = None
        if kind is None and not self.index.ordered:
            compact(self.path, self.index)
            self.index = scan_results(self.path)
