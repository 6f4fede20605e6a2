"""Scraper exports: JSON Lines and CSV files with one article per record.

Files are streamed record by record, so an export of any length never sits in memory. A bad
record (not JSON, no text) is an error of its own, named by file and line, and the records
around it are still read; a file that cannot be read at all is one error.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Document
from .dates import iso_date
from .text import (
    SNIFF_BYTES,
    check_size,
    detect_encoding,
    format_size,
    sniff_binary,
)

log = logging.getLogger(__name__)

DELIMITERS = (",", ";", "\t")  # ";" is what a French spreadsheet exports


@dataclass(frozen=True)
class Fields:
    """The names of the record fields (JSON keys or CSV columns) that hold each datum."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    date: str = "date"
    url: str = "url"


def read_head(path: Path) -> bytes:
    """Return the first bytes of a records file, after the checks every file gets.

    The size limit applies to each record, not to the file: an export of a whole corpus
    is not an absurd file.
    """
    check_size(path, max_size=None)
    try:
        with path.open("rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror})") from e
    if not head:
        raise InputError(path, "is empty")
    sniff_binary(head, path)
    return head


def scalar(value: Any, name: str, where: str) -> str:
    """Return a metadata value as text: "" for null, the text of a string or number."""
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip()
    raise InputError(where, f"field {name!r} is not text but {type(value).__name__}")


def record_document(
    record: Mapping[str, Any], *, fields: Fields, default_id: str, where: str, max_size: int
) -> Document:
    """Return the document of one record, or raise `InputError` naming `where` and the problem."""
    text = record.get(fields.text)
    if text is None:
        raise InputError(where, f"no {fields.text!r} field")
    if not isinstance(text, str):
        raise InputError(where, f"field {fields.text!r} is not text but {type(text).__name__}")
    if not text.strip():
        raise InputError(where, f"field {fields.text!r} is empty")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_size:
        raise InputError(
            where, f"is too large ({format_size(size)}; the limit is {format_size(max_size)})"
        )
    date = scalar(record.get(fields.date), fields.date, where)
    return Document(
        id=scalar(record.get(fields.id), fields.id, where) or default_id,
        text=text,
        title=scalar(record.get(fields.title), fields.title, where),
        date=iso_date(date) or date,
        url=scalar(record.get(fields.url), fields.url, where),
    )


def read_jsonl(
    path: Path, file_id: str, *, fields: Fields, max_size: int
) -> Iterator[Document | InputError]:
    """Yield the document of each line of a JSON Lines file, or the error that line is.

    A record without an id gets `<file id>#<line number>`. When the first line already is
    not JSON, the file is not JSON Lines: that is one error, not one per line.
    """
    read_head(path)
    read = 0
    try:
        with path.open("rb") as f:
            for number, raw in enumerate(f, start=1):
                line = raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    yield record_document(
                        parse_json_line(line, where),
                        fields=fields,
                        default_id=f"{file_id}#{number}",
                        where=where,
                        max_size=max_size,
                    )
                    read += 1
                except InputError as e:
                    if read == 0 and e.reason.startswith("not valid JSON"):
                        raise InputError(
                            path, f"is not JSON Lines (line {number}: {e.reason})"
                        ) from e
                    yield e
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror})") from e


def parse_json_line(line: bytes, where: str) -> dict[str, Any]:
    """Return the JSON object on one line."""
    try:
        value = json.loads(line.decode("utf-8").strip())
    except UnicodeDecodeError as e:
        raise InputError(where, "not valid JSON (not UTF-8, as JSON Lines must be)") from e
    except json.JSONDecodeError as e:
        raise InputError(where, f"not valid JSON ({e.msg} at column {e.colno})") from e
    if not isinstance(value, dict):
        raise InputError(where, f"not a JSON object but {type(value).__name__}")
    return value


def read_csv(
    path: Path, file_id: str, *, fields: Fields, max_size: int
) -> Iterator[Document | InputError]:
    """Yield the document of each row of a CSV file (header first), or the error that row is.

    The delimiter is the one among `,` `;` and tab that the header line uses most. A row
    without an id gets `<file id>#<line number>`, the line where the row starts (the header
    is line 1).
    """
    encoding = detect_encoding(read_head(path), partial=True)
    if encoding is None:
        raise InputError(path, "cannot be decoded: it is not UTF-8 and no other encoding fits")
    # Python's csv refuses fields over 128 KB unless told otherwise; articles can be longer.
    csv.field_size_limit(max(csv.field_size_limit(), max_size))
    encoding = "utf-8-sig" if encoding == "utf-8" else encoding
    try:
        with path.open(encoding=encoding, newline="") as f:
            yield from csv_rows(f, path, file_id, fields=fields, max_size=max_size)
    except UnicodeDecodeError as e:
        raise InputError(path, f"cannot be decoded as {encoding} past its start") from e
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror})") from e


def csv_rows(
    f: Any, path: Path, file_id: str, *, fields: Fields, max_size: int
) -> Iterator[Document | InputError]:
    """Yield the documents (or errors) of the rows of an open CSV file."""
    first = f.readline()
    if not first.strip():
        raise InputError(path, "is empty (no header line)")
    delimiter = max(DELIMITERS, key=first.count)
    reader = csv.reader(f, delimiter=delimiter)
    header = next(csv.reader([first], delimiter=delimiter))
    if fields.text not in header:
        raise InputError(
            path, f"has no {fields.text!r} column (its columns: {', '.join(header) or 'none'})"
        )
    start = 2
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            raise InputError(f"{path}:{start}", f"not valid CSV ({e})") from e
        where, number = f"{path}:{start}", start
        start = reader.line_num + 2  # line_num counts from the line after the header
        if not any(value.strip() for value in row):
            continue
        try:
            yield record_document(
                dict(zip(header, row, strict=False)),
                fields=fields,
                default_id=f"{file_id}#{number}",
                where=where,
                max_size=max_size,
            )
        except InputError as e:
            yield e
