"""Plain-text inputs: the size limit, binary sniffing, encoding detection, `.txt` files.

Every reader shares these checks, so a PDF saved as `.html` or a PNG saved as `.jsonl`
gets the same one-line reason as one saved as `.txt`.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError
from ..records import Document

log = logging.getLogger(__name__)

SNIFF_BYTES = 64 * 1024  # enough to tell a binary file and an encoding from the start of a file
# What the start of a file says it is, when it is not text.
MAGIC = (
    (b"%PDF-", "is a PDF document, not text"),
    (b"\x89PNG\r\n\x1a\n", "is a PNG image, not text"),
    (b"\xff\xd8\xff", "is a JPEG image, not text"),
    (b"GIF87a", "is a GIF image, not text"),
    (b"GIF89a", "is a GIF image, not text"),
    (b"PK\x03\x04", "is a ZIP archive (as .docx, .odt and .epub files are), not text"),
    (b"\xd0\xcf\x11\xe0", "is an old Microsoft Office document, not text"),
    (b"\x1f\x8b", "is a gzip archive, not text"),
    (b"\x7fELF", "is a program, not text"),
    (b"{\\rtf", "is an RTF document, not plain text"),
)
# Byte-order marks, longest first: UTF-32's starts with UTF-16's.
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Above this share of control characters a decoded "text" is a binary file in disguise;
# random bytes decoded as Windows-1252 give about 11%, real text with a few strays far less.
MAX_CONTROL_SHARE = 0.05
# Unicode's control characters (category Cc) but tab, newline, vertical tab, form feed, return.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Non-ASCII characters of French text. When the non-ASCII characters of a non-UTF-8 file are
# mostly these, it is Windows-1252 (whose printable characters include Latin-1's):
# charset-normalizer alone often calls short French text cp1250 or cp1006.
FRENCH_CHARACTERS = frozenset("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»‘’“”–—…€°·\xa0")
MIN_FRENCH_SHARE = 0.8  # of the non-ASCII characters
MAX_NON_ASCII_LETTERS = 0.3  # French is mostly ASCII letters; Cyrillic read as cp1252 is not


def format_size(size: int) -> str:
    """Return a byte count the way people write it: `512 B`, `500 KB`, `1.5 MB`.

    >>> format_size(50_000_000), format_size(1_536_000), format_size(999)
    ('50 MB', '1.5 MB', '999 B')
    """
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} B"


def check_size(path: Path, *, max_size: int | None) -> int:
    """Return the size of the regular file `path`, or raise `InputError` without reading it.

    `max_size=None` checks only that the file is there, readable and a regular file.
    """
    try:
        info = path.stat()
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror})") from e
    if not stat.S_ISREG(info.st_mode):
        # Reading a FIFO or a device could block or never end.
        raise InputError(path, "is not a regular file")
    if max_size is not None and info.st_size > max_size:
        raise InputError(
            path,
            f"is too large ({format_size(info.st_size)}; the limit is {format_size(max_size)})",
        )
    return info.st_size


def read_bytes(path: Path, *, max_size: int) -> bytes:
    """Return the bytes of `path`, checked for size, emptiness and binary content."""
    check_size(path, max_size=max_size)
    try:
        with path.open("rb") as f:
            data = f.read(max_size + 1)  # a file that grew since stat still stops here
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror})") from e
    if len(data) > max_size:
        raise InputError(path, f"is too large (over the limit of {format_size(max_size)})")
    if not data:
        raise InputError(path, "is empty")
    sniff_binary(data, path)
    return data


def sniff_binary(data: bytes, path: str | os.PathLike[str]) -> None:
    """Raise `InputError` when `data` starts like a known binary format or holds NUL bytes."""
    for magic, reason in MAGIC:
        if data.startswith(magic):
            raise InputError(path, reason)
    if bom_encoding(data) is None and b"\x00" in data:
        raise InputError(path, "is binary (it contains NUL bytes), not text")


def bom_encoding(data: bytes) -> str | None:
    """Return the encoding the byte-order mark at the start of `data` names, if any."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_french(text: str) -> bool:
    """Return True when the non-ASCII characters of `text` are those of French text."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    letters = sum(c.isalpha() for c in text)
    non_ascii_letters = sum(c.isalpha() for c in non_ascii)
    french = sum(c in FRENCH_CHARACTERS for c in non_ascii)
    return french >= MIN_FRENCH_SHARE * len(
        non_ascii
    ) and non_ascii_letters <= MAX_NON_ASCII_LETTERS * max(letters, 1)


def detect_encoding(data: bytes, *, partial: bool = False) -> str | None:
    """Return the encoding of `data`: its BOM's, UTF-8, Windows-1252 for French, else detected.

    With `partial`, `data` is the start of a longer file and may end inside a character.
    """
    encoding = bom_encoding(data)
    if encoding:
        return encoding
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as e:
        if partial and e.reason == "unexpected end of data" and e.start >= len(data) - 3:
            return "utf-8"
    try:
        if looks_french(data.decode("cp1252")[:SNIFF_BYTES]):
            return "cp1252"
    except UnicodeDecodeError:
        pass  # bytes Windows-1252 leaves undefined: not Windows-1252
    best = from_bytes(data).best()
    return best.encoding if best is not None else None


def control_share(text: str) -> float:
    """Return the share of control characters (but tab, newlines, form feed) in `text`."""
    if not text:
        return 0.0
    return len(CONTROL_CHARACTERS.findall(text)) / len(text)


def decode_text(data: bytes, path: str | os.PathLike[str]) -> str:
    """Return the text of `data`, or raise `InputError` naming why it is not text."""
    encoding = detect_encoding(data)
    if encoding is None:
        raise InputError(path, "cannot be decoded: it is not UTF-8 and no other encoding fits")
    if encoding not in ("utf-8", "utf-8-sig"):
        log.info("%s: decoded as %s", path, encoding)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as e:
        raise InputError(path, f"cannot be decoded as {encoding}") from e
    return check_controls(text.removeprefix("\ufeff"), path)


def check_controls(text: str, path: str | os.PathLike[str]) -> str:
    """Return `text`, or raise `InputError` when it is mostly control characters (binary)."""
    share = control_share(text)
    if share > MAX_CONTROL_SHARE:
        raise InputError(path, f"is binary ({share:.0%} control characters), not text")
    return text


def read_text_file(path: Path, doc_id: str, *, max_size: int) -> Document:
    """Return the document of one plain-text file."""
    text = decode_text(read_bytes(path, max_size=max_size), path)
    if not text.strip():
        raise InputError(path, "is empty (white space only)")
    return Document(id=doc_id, text=text)
