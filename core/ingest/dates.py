"""Dates, in one place: every date the program stores or compares is ISO ``YYYY-MM-DD`` (or ``""``
when unknown), and every way of reading one lives here.

* :func:`iso_date` — a value that should already be ISO (a stored date, a filter, a table cell, a
  ``date`` object) as ``YYYY-MM-DD``; ``""`` when missing or not a real day.
* :func:`find_date` — the first date written in a text as ``2025-03-14``, ``2025/3/14``, ``14 March
  2025`` or ``March 14, 2025`` (an imported page's metadata, a header line).
* :func:`line_date` — the date of a line that is a date, a byline or a "Published ..." line (the top
  of an imported article), never one inside a sentence of the story.
* :func:`to_datetimes` — a table column of ISO dates as pandas datetimes (the timeline).
"""

from __future__ import annotations

import datetime as _dt
import math
import re

import pandas as pd

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# Tried in this order: numeric (year first), "14 March 2025", "March 14, 2025".
DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<!\d)" + _YEAR + r"[-/.](?P<mnum>\d{1,2})[-/.]" + r"(?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\w)" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"(?!\d)", re.IGNORECASE),
    re.compile(r"(?<!\w)" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"(?!\d)", re.IGNORECASE),
)
# A line that starts like this is about the article, so a date in it is the article's.
_DATE_LINE_LEAD = re.compile(r"(?i)^(by|published|updated|posted|last updated|first published|date[d:]?)\b")
MAX_DATE_LINE_CHARS = 120  # longer lines are prose, not a dateline


def iso_date(value: object, *, leading: bool = False) -> str:
    """``YYYY-MM-DD`` of ``value`` written in ISO form (``date.fromisoformat``) or of a ``date`` /
    ``datetime`` object; ``""`` for None, NaN, blank text or anything that is not a real day.

    ``leading`` reads only the first 10 characters, so a timestamp ("2025-03-14T06:41Z", a
    ``datetime``) gives its day; without it the whole text must be a date."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if leading and hasattr(value, "isoformat"):
        text = str(value.isoformat())
    else:
        text = str(value).strip()
    if leading:
        text = text[:10]
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return ""


def _valid_iso(year: int, month: int, day: int) -> str:
    """``YYYY-MM-DD`` for a real calendar day, else ``""``."""
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def _date_from_match(match: re.Match[str]) -> str:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
    return _valid_iso(int(groups["year"]), month, int(groups["day"]))


def find_date(value: str) -> str:
    """The first date written in ``value`` as ``2025-03-14``, ``2025-03-14T06:41Z``, ``14 March
    2025`` or ``March 14, 2025`` (English month names) as ``YYYY-MM-DD``; ``""`` when there is no
    valid date."""
    value = (value or "").strip()
    for pattern in DATE_PATTERNS:
        match = pattern.search(value)
        if match:
            return _date_from_match(match)
    return ""


def line_date(line: str) -> str:
    """The date of a line that is a date, a byline or a "Published ..." line, else ``""``.
    A date inside a sentence of the story ("The vote was held on 4 March 2025") is not taken."""
    if len(line) > MAX_DATE_LINE_CHARS:
        return ""
    for pattern in DATE_PATTERNS:
        match = pattern.search(line)
        if not match:
            continue
        rest = line[: match.start()] + " " + line[match.end() :]
        words = re.findall(r"[A-Za-z]+", rest)
        if len(words) <= 3 or _DATE_LINE_LEAD.match(line) or re.search(r"[|•·]", line):
            return _date_from_match(match)
        return ""
    return ""


def to_datetimes(values: pd.Series) -> pd.Series:
    """ISO dates (the first 10 characters, so a datetime string works too) as datetime64; ``''``,
    missing or unparseable values become NaT."""
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip().str.slice(0, 10)
    return pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
