"""Dates of inputs: whatever a page or an export gives, as an ISO `YYYY-MM-DD` when it can be read.

A date that names a day in a form below becomes `YYYY-MM-DD`; anything else ("mars 2024",
"hier") is kept as given, and `graph/` uses only ISO dates for first and last dates.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate

from ..lexicon import strip_accents

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("janvier", "january", "jan", "janv"),
            ("fevrier", "february", "feb", "fev", "fevr"),
            ("mars", "march", "mar"),
            ("avril", "april", "apr", "avr"),
            ("mai", "may"),
            ("juin", "june", "jun"),
            ("juillet", "july", "jul", "juil"),
            ("aout", "august", "aug"),
            ("septembre", "september", "sep", "sept"),
            ("octobre", "october", "oct"),
            ("novembre", "november", "nov"),
            ("decembre", "december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# 2024-03-05, 2024-3-5, 2024/03/05, 2024-03-05T09:30:00+01:00, 2024-03-05 09:30
YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[t\s])")
# 05/03/2024, 5-3-2024, 05.03.2024: French order, day first
DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|\s)")
# mardi 5 mars 2024, 1er mars 2024, 5 March 2024
DAY_MONTH_YEAR = re.compile(r"(?:\w+,?\s+)?(\d{1,2})(?:er)?\s+([a-z]+)\.?,?\s+(\d{4})\b")
# March 5, 2024
MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def iso_date(text: str) -> str:
    """Return `text` as an ISO date `YYYY-MM-DD`, or "" when it names no day we can read.

    >>> iso_date("2024-03-05T09:30:00+01:00"), iso_date("05/03/2024"), iso_date("1er mars 2024")
    ('2024-03-05', '2024-03-05', '2024-03-01')
    >>> iso_date("Tue, 05 Mar 2024 09:30:00 GMT"), iso_date("mars 2024"), iso_date("31/02/2024")
    ('2024-03-05', '', '')
    """
    text = text.strip()
    folded = strip_accents(text).casefold()
    if match := YEAR_FIRST.match(folded):
        return checked(*match.groups())
    if match := DAY_FIRST.match(folded):
        day, month, year = match.groups()
        return checked(year, month, day)
    if match := DAY_MONTH_YEAR.match(folded):
        day, name, year = match.groups()
        return checked(year, MONTHS.get(name), day)
    if match := MONTH_DAY_YEAR.match(folded):
        name, day, year = match.groups()
        return checked(year, MONTHS.get(name), day)
    if parsed := parsedate(text):  # RFC 2822, as in RSS feeds and e-mail headers
        return checked(*parsed[:3])
    return ""


def checked(year: str | int, month: str | int | None, day: str | int) -> str:
    """Return the ISO form of a calendar day, or "" when there is no such day."""
    if month is None:
        return ""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""
