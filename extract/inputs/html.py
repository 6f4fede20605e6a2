"""Saved web pages: the article's main text, title, date and URL, without the page around it.

trafilatura finds the article in the page, so menus, footers and lists of teasers for other
articles stay out of the text (and out of the graph).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ..errors import InputError
from ..records import Document
from .dates import iso_date
from .text import check_controls, decode_text, read_bytes

log = logging.getLogger(__name__)


def _not_discarding(record: logging.LogRecord) -> bool:
    """Drop trafilatura's "discarding data: None": we report that page ourselves, by name."""
    return not record.getMessage().startswith("discarding data")


logging.getLogger("trafilatura.core").addFilter(_not_discarding)

# <meta charset="windows-1252"> or <meta http-equiv="Content-Type" content="text/html; charset=...">
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
META_SCAN = 4096  # the declaration must come early in the head


def decode_html(data: bytes, path: Path) -> str:
    """Return the text of a page: UTF-8, else the charset its `<meta>` declares, else detected."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pass
    if match := META_CHARSET.search(data[:META_SCAN]):
        encoding = match.group(1).decode("ascii").lower()
        # Browsers read a page declared Latin-1 as Windows-1252 (WHATWG Encoding Standard).
        encoding = "cp1252" if encoding in ("iso-8859-1", "latin1", "latin-1") else encoding
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            log.info("%s: declares charset %s but is not in it", path, encoding)
    return decode_text(data, path)


def read_html_file(path: Path, doc_id: str, *, max_size: int) -> Document:
    """Return the document of one saved web page: main text, title, date and canonical URL."""
    import trafilatura  # takes a second to import: only when there are pages to read

    html = check_controls(decode_html(read_bytes(path, max_size=max_size), path), path)
    page = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # A full-text date search takes "© 2023" in a footer for the publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if page is None or not (page.text or "").strip():
        raise InputError(path, "has no article text that could be extracted")
    date = (page.date or "").strip()
    return Document(
        id=doc_id,
        text=page.text,
        title=(page.title or "").strip(),
        date=iso_date(date) or date,
        url=(page.url or "").strip(),
    )
