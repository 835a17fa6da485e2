"""Dates as councils print them, to ISO strings and date objects."""
from __future__ import annotations

import calendar
import re
from datetime import date

from minutetrail.parsers.vocab import alternation, mapping

MONTHS: dict[str, int] = mapping("months")  # every language's month names (data/lang/*.json)
SEASONS = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}  # the season's last month
_MONTH = r"(?P<month>" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
NUMERIC = re.compile(r"\b(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4}|\d{2})\b")
ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
DAY_MONTH_YEAR = re.compile(
    r"\b(?P<d>\d{1,2})\s*(?:st|nd|rd|th|er)?(?:\s+(?:of\s+)?|-)" + _MONTH + r"(?:,?\s+|-)(?P<y>\d{4}|\d{2})\b", re.I
)  # "7 May 2024", "7th of May, 2024", "7-May-2024"
MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b", re.I)
MONTH_YEAR = re.compile(r"\b" + _MONTH + r"\s*[-/ ]\s*'?(?P<y>\d{4}|\d{2})\b", re.I)
SEASON_YEAR = re.compile(r"\b" + _SEASON + r"\s+(?P<y>\d{4})\b", re.I)
DAY_MONTH = re.compile(r"\b(?P<d>\d{1,2})\s*(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b", re.I)
TIME = re.compile(r"\b(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?![a-z])", re.I)
TIME_24 = re.compile(r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b")
# "Q3 2023/24" (a financial year from April: its third quarter ends in December 2023), "Quarter 2 2024"
QUARTER = re.compile(r"\b" + alternation("quarters") + r"\.?\s*(?P<q>[1-4])\s*(?:of\s+)?(?:(?P<fy>\d{4})\s*[/\-–]\s*(?P<fy2>\d{2}(?:\d{2})?)|(?P<y>\d{4}))\b", re.I)
FY_START_MONTH = 4  # a financial year "2023/24" runs April 2023 to March 2024
NO_DATE = re.compile(r"^\s*(tbc|tba|n/?a|ongoing|-|–)?\s*$", re.I)


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _quarter_end(q: int, fy: int | None, year: int | None) -> str:
    """The month a quarter ends in (YYYY-MM): of a financial year starting in April, or of a calendar year."""
    if fy is not None:
        months = FY_START_MONTH - 1 + 3 * q  # Q1 -> June, Q4 -> March of the next year
        return f"{fy + (months - 1) // 12:04d}-{(months - 1) % 12 + 1:02d}"
    return f"{year:04d}-{3 * q:02d}"


def find_dates(text: str, default_year: int | None = None) -> list[tuple[int, str]]:
    """Every date in the text as (position, ISO day or YYYY-MM), in reading order."""
    found: list[tuple[int, int, str]] = []  # start, end, iso

    def add(match: re.Match[str], iso: str | None) -> None:
        if iso is None:
            return
        s, e = match.span()
        if any(not (e <= fs or s >= fe) for fs, fe, _ in found):
            return
        found.append((s, e, iso))

    for m in QUARTER.finditer(text):
        add(m, _quarter_end(int(m["q"]), int(m["fy"]) if m["fy"] else None, int(m["y"]) if m["y"] else None))
    for m in ISO.finditer(text):
        add(m, _valid(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in NUMERIC.finditer(text):
        add(m, _valid(_year(m["y"]), int(m["m"]), int(m["d"])))
    for m in DAY_MONTH_YEAR.finditer(text):
        add(m, _valid(_year(m["y"]), MONTHS[m["month"].lower()], int(m["d"])))
    for m in MONTH_DAY_YEAR.finditer(text):
        add(m, _valid(int(m["y"]), MONTHS[m["month"].lower()], int(m["d"])))
    for m in MONTH_YEAR.finditer(text):
        y = _year(m["y"])
        if 1990 <= y <= 2100:
            add(m, f"{y:04d}-{MONTHS[m['month'].lower()]:02d}")
    for m in SEASON_YEAR.finditer(text):
        add(m, f"{int(m['y']):04d}-{SEASONS[m['season'].lower()]:02d}")
    if default_year is not None:
        for m in DAY_MONTH.finditer(text):
            add(m, _valid(default_year, MONTHS[m["month"].lower()], int(m["d"])))
    return [(s, iso) for s, _e, iso in sorted(found)]


def parse_date(text: str | None, default_year: int | None = None) -> str | None:
    """The first date in the text, ISO, or None."""
    if not text:
        return None
    dates = find_dates(text, default_year)
    return dates[0][1] if dates else None


def parse_due(text: str | None, default_year: int | None = None) -> str | None:
    """A due cell's effective due: the last date printed in it ("02/11/21 revised 31/05/22").

    A season ("Spring 2023") names no month, so it gives no due date (the cell is kept as due_text).
    """
    if not text or NO_DATE.match(text):
        return None
    dates = [iso for pos, iso in find_dates(text, default_year) if not SEASON_YEAR.match(text, pos)]
    return dates[-1] if dates else None


def due_to_date(due: str | None) -> date | None:
    """ISO day as a date; a month-only YYYY-MM is the month's last day."""
    if not due:
        return None
    parts = due.split("-")
    y, m = int(parts[0]), int(parts[1])
    if len(parts) == 3:
        return date(y, m, int(parts[2]))
    return date(y, m, calendar.monthrange(y, m)[1])


def parse_time(text: str) -> str | None:
    """A clock time as HH:MM ("2.30 pm" -> "14:30", "10am" -> "10:00")."""
    m = TIME.search(text)
    if m:
        hour = int(m["h"]) % 12
        if m["ap"].lower().startswith("p"):
            hour += 12
        return f"{hour:02d}:{int(m['m'] or 0):02d}"
    m = TIME_24.search(text)
    if m:
        return f"{int(m['h']):02d}:{m['m']}"
    return None
