"""Read input articles from files, folders and exports, in a stable order.

The format of a file comes from its suffix (or from `input_format`), and `READERS` holds
one reader per format: plain text (`text`), saved web pages (`html`), JSON Lines and CSV
exports with one article per record (`exports`). To add a format, write its reader and
add it to `READERS` and `SUFFIX_FORMATS`. An input that cannot be read is reported,
counted in a `ReadReport` and skipped, or, with `errors="strict"`, raised.

An input is one text or HTML file, or one record of a JSONL or CSV file (or the whole
file when it cannot be read at all).
"""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from ..errors import InputError, OptionError
from ..records import Document
from .exports import Fields, read_csv, read_jsonl
from .html import read_html_file
from .text import read_text_file

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_MAX_SIZE",
    "FORMATS",
    "Fields",
    "InputError",
    "InputFile",
    "ReadReport",
    "input_files",
    "parse_size",
    "read_documents",
]

# A reader yields the documents of one file, and the errors of its bad records.
Reader = Callable[..., Iterator[Document | InputError]]


def whole_file(read: Callable[..., Document]) -> Reader:
    """Return the reader of a format whose file is one document (text, a web page)."""

    def documents(
        path: Path, file_id: str, *, fields: Fields, max_size: int
    ) -> Iterator[Document | InputError]:
        yield read(path, file_id, max_size=max_size)

    documents.__doc__ = f"Yield the one document of a file, read by `{read.__name__}`."
    return documents


READERS: dict[str, Reader] = {
    "txt": whole_file(read_text_file),
    "html": whole_file(read_html_file),
    "jsonl": read_jsonl,
    "csv": read_csv,
}
FORMATS = tuple(READERS)
SUFFIX_FORMATS = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}
ERRORS = ("skip", "strict")
DEFAULT_MAX_SIZE = 50_000_000
SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*", re.IGNORECASE)
SIZE_UNITS = {"": 1, "b": 1, "k": 10**3, "m": 10**6, "g": 10**9}
SUMMARY_LIMIT = 20  # skipped inputs listed by name in the summary; the rest are counted


@dataclass(frozen=True)
class InputFile:
    """One file to read: where it is, its document id, its format, or why it cannot be read."""

    path: Path
    id: str
    format: str
    problem: str = ""


@dataclass
class ReadReport:
    """What reading the inputs gave: documents read, inputs skipped and why, files ignored."""

    read: int = 0
    skipped: list[InputError] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)  # suffix → files not read in folders

    @property
    def inputs(self) -> int:
        """Return the number of inputs seen: read or skipped."""
        return self.read + len(self.skipped)

    def skip(self, error: InputError) -> None:
        """Count and log one skipped input."""
        self.skipped.append(error)
        log.warning("%s; skipped", error)

    def summary(self, *, limit: int = SUMMARY_LIMIT) -> list[str]:
        """Return the lines that tell a user what was skipped or ignored (none when all is well).

        >>> report = ReadReport(read=8, skipped=[InputError("a.txt", "is empty")])
        >>> report.summary()
        ['1 of 9 inputs skipped:', '  a.txt: is empty']
        """
        lines = []
        if self.skipped:
            lines.append(f"{len(self.skipped)} of {self.inputs} inputs skipped:")
            lines += [f"  {error}" for error in self.skipped[:limit]]
            if len(self.skipped) > limit:
                lines.append(f"  ... and {len(self.skipped) - limit} more")
        if self.ignored:
            suffixes = ", ".join(f"{s or '(none)'} ({n})" for s, n in sorted(self.ignored.items()))
            lines.append(
                f"{self.ignored.total()} file(s) in folders not read, not articles by their "
                f"suffix: {suffixes}"
            )
        return lines


def parse_size(text: str) -> int:
    """Return the number of bytes `text` names: `50MB`, `500KB`, `1.5GB`, `10M`, `4096`.

    KB, MB and GB are powers of 1000; KiB, MiB and GiB powers of 1024.

    >>> parse_size("10MB"), parse_size("500 KB"), parse_size("2KiB"), parse_size("4096")
    (10000000, 500000, 2048, 4096)
    """
    match = SIZE.fullmatch(text)
    if not match or float(match.group(1)) <= 0:
        raise OptionError(
            f"size {text!r} is not a positive size; write it like 50MB, 500KB, 1GB or 4096"
        )
    number, unit = match.groups()
    unit = (unit or "").lower()
    scale = SIZE_UNITS[unit[:1]]
    if "i" in unit:
        scale = 1024 ** {"k": 1, "m": 2, "g": 3}[unit[0]]
    return int(float(number) * scale)


def file_format(path: Path, input_format: str | None) -> str:
    """Return the format to read `path` in: `input_format`, else the one its suffix names."""
    return input_format or SUFFIX_FORMATS.get(path.suffix.lower(), "")


def folder_files(folder: Path) -> list[Path]:
    """Return the files under `folder`, hidden ones left out, sorted by relative path.

    Symbolic links to folders are not followed (a link back up would loop); links to files
    are kept, so a broken one is reported rather than silently missed.
    """
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files += [Path(root, name) for name in names if not name.startswith(".")]
    return sorted(files, key=lambda file: file.relative_to(folder).parts)


def input_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    input_format: str | None = None,
    report: ReadReport | None = None,
) -> list[InputFile]:
    """Return every input file under `paths`, folders walked recursively in a stable order.

    A file named directly has its name as id; a file found in a folder has its path
    relative to that folder. Inputs that would share an id ("x.txt" in two folders) take
    their path as given instead ("2023/x.txt", "2024/x.txt"), so that no document stands
    for another, whatever the order of `paths`. In a folder, files whose suffix names no
    input format are not articles: they are counted in `report.ignored`, not read. With
    `input_format`, every file is read in that format, whatever its suffix.
    """
    found = list(listed_files(paths, input_format=input_format, report=report))
    counts = Counter(item.id for item, _ in found)
    shared = sorted(name for name, count in counts.items() if count > 1)
    if shared:
        log.info(
            "%d name(s) found under several inputs, identified by path: %s",
            len(shared),
            ", ".join(shared[:5]),
        )
    return [replace(item, id=path_id) if counts[item.id] > 1 else item for item, path_id in found]


def listed_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    input_format: str | None = None,
    report: ReadReport | None = None,
) -> Iterator[tuple[InputFile, str]]:
    """Yield each input file under `paths` with its path as given, the id it takes if shared."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            ignored: Counter[str] = Counter()
            for file in folder_files(path):
                form = file_format(file, input_format)
                if form:
                    relative = file.relative_to(path).as_posix()
                    given = (PurePosixPath(path.as_posix()) / relative).as_posix()
                    yield InputFile(file, relative, form), given
                else:
                    ignored[file.suffix.lower()] += 1
            if ignored:
                log.info(
                    "%s: %d file(s) not read, not articles by their suffix", path, ignored.total()
                )
                if report is not None:
                    report.ignored.update(ignored)
        elif not path.exists() and not path.is_symlink():
            yield InputFile(path, path.name, "", "no such file or folder"), path.as_posix()
        elif form := file_format(path, input_format):
            yield InputFile(path, path.name, form), path.as_posix()
        else:
            known = ", ".join(sorted(SUFFIX_FORMATS))
            problem = (
                f"cannot tell its format from its suffix {path.suffix.lower() or '(none)'!r}; "
                f"name a file ending in {known}, or give the input format"
            )
            yield InputFile(path, path.name, "", problem), path.as_posix()


def read_documents(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    input_format: str | None = None,
    fields: Fields | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    errors: str = "skip",
    report: ReadReport | None = None,
) -> Iterator[Document]:
    """Yield the documents under `paths`, lazily, in a stable order.

    `input_format` (one of `FORMATS`) overrides the suffixes; `fields` names the record
    fields of JSONL and CSV files; `max_size` (bytes) is the largest text or HTML file, or
    JSONL or CSV record, that is read. A bad input is logged, counted in `report` and
    skipped with `errors="skip"`, and raised as `InputError` with `errors="strict"`. A
    document whose id an earlier one has (two records with one id, a file named twice) is
    such a bad input: the first one is read.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Le Maroc et le Qatar coopèrent.")
    >>> _ = (folder / "b.txt").write_text("")
    >>> report = ReadReport()
    >>> [d.id for d in read_documents([folder], report=report)], report.summary()[0]
    (['a.txt'], '1 of 2 inputs skipped:')
    """
    if input_format is not None and input_format not in FORMATS:
        raise OptionError(
            f"input format {input_format!r} is unknown; use one of: {', '.join(FORMATS)}"
        )
    if errors not in ERRORS:
        raise OptionError(f"errors={errors!r} is unknown; use one of: {', '.join(ERRORS)}")
    if max_size <= 0:
        raise OptionError(f"max_size={max_size!r} must be a positive number of bytes")
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    report = report if report is not None else ReadReport()
    fields = fields or Fields()
    taken: set[str] = set()  # the ids read so far: an id names one document
    for item in input_files(paths, input_format=input_format, report=report):
        for result in read_input(item, fields=fields, max_size=max_size):
            if isinstance(result, Document) and result.id in taken:
                result = InputError(
                    item.path, f"document id {result.id!r} already taken by an earlier input"
                )
            if isinstance(result, Document):
                taken.add(result.id)
                report.read += 1
                yield result
            elif errors == "strict":
                raise result
            else:
                report.skip(result)


def read_input(
    item: InputFile, *, fields: Fields, max_size: int
) -> Iterator[Document | InputError]:
    """Yield the documents of one input file, and the errors of its bad inputs."""
    try:
        if item.problem:
            raise InputError(item.path, item.problem)
        yield from READERS[item.format](item.path, item.id, fields=fields, max_size=max_size)
    except InputError as e:
        yield e
