"""A grid's bands (the spaces between its horizontal rules) and the logical rows inside them.

Where rows are not ruled apart (a table ruled only by its frame or its column lines, or by rules under
its group headings), a band holds several rows: each new reference or date in the key column opens a
row, or, keyed by the action text, a line opening the text beside the one-line columns; without
either, a gap wider than the line spacing does (``row_gaps``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from minutetrail.models import Line, Word
from minutetrail.parsers.dates import MONTHS, find_dates
from minutetrail.parsers.gaps import runs
from minutetrail.parsers.row_gaps import rows_by_gaps

BULLET = re.compile(r"^[•▪●◦·\-–*]")
TEXT_KEY_FIELDS = ("due", "status", "rag")  # one-line columns: filled on a row's first line only
MONTH_DAY = re.compile(r"^(?:" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?$", re.I)
STARTS_ROW = re.compile(r"^(?:[A-Za-z]{0,6}[-/.]?\s?\d{1,4}(?:[./\-]\d{1,4}){0,3}[a-z]?[.)]?|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4})$")


@dataclass(slots=True)
class Band:
    top: float
    bottom: float
    lines: list[Line]
    spanning: bool = False

    def words(self) -> list[Word]:
        return [w for ln in self.lines for w in ln.words]


def headings_apart(band: Band, xs: tuple[float, ...]) -> list[Band]:
    """Rows not ruled apart over a group heading ruled under only: the band's last line, the one bold
    phrase among its plain lines (not opening with a reference), set in the first column, is a band of its own."""
    bold = [i for i, ln in enumerate(band.lines) if bold_line(ln) and len(runs(ln)) == 1 and not opens_key(ln.words[0].text)]
    if len(band.lines) < 3 or bold != [len(band.lines) - 1] or any(bold_line(ln) for ln in band.lines[:-1]) \
            or not band.lines[-1].words[0].text[:1].isupper() or column_of(band.lines[-1].x0, band.lines[-1].x0, xs) != 0:
        return [band]
    return [Band(band.top, band.lines[-2].bottom, band.lines[:-1]), Band(band.lines[-1].top, band.bottom, band.lines[-1:])]


def bold_line(line: Line) -> bool:
    return sum(1 for w in line.words if w.bold) * 2 > len(line.words)


def column_of(x0: float, x1: float, xs: tuple[float, ...]) -> int:
    mid = (x0 + x1) / 2
    for i in range(len(xs) - 1):
        if mid < xs[i + 1]:
            return i
    return len(xs) - 2


def split_band(band: Band, xs: tuple[float, ...], anchor: int | None, ruled: bool, tail_first: bool = False,
                keyed_by_text: tuple[int, tuple[int, ...]] | None = None) -> list[list[Line]]:
    """Logical rows in one band. Where rows are not ruled apart, each new number or date in the
    anchor column starts a row; without an anchor column, a line opening the action text beside the
    one-line columns does (``keyed_by_text``: the text column, the one-line columns), else a gap wider
    than the line spacing. A band with one such value is one row, wherever in the cell it sits."""
    if len(band.lines) < 2:
        return [band.lines]
    if anchor is None and keyed_by_text is not None:
        starts = [_opens_text_row(ln, xs, *keyed_by_text) for ln in band.lines]
    elif anchor is None:
        return [band.lines] if ruled else rows_by_gaps(band.lines, xs)
    else:
        starts = [opens_key(" ".join(w.text for w in ln.words if column_of(w.x0, w.x1, xs) == anchor)) for ln in band.lines]
    if ruled and sum(starts) < 2:
        return [band.lines]
    rows: list[list[Line]] = []
    for ln, start in zip(band.lines, starts):
        if start or not rows:
            rows.append([])
        rows[-1].append(ln)
    if len(rows) > 1 and not starts[0] and not tail_first:  # lines above the first key: a bottom-aligned row
        rows[1] = rows[0] + rows[1]
        rows.pop(0)
    return rows


def _opens_text_row(line: Line, xs: tuple[float, ...], text_at: int, one_line: tuple[int, ...]) -> bool:
    """Keyed by the action text: the line opens the text with a capital, a figure or a bullet, and fills a
    one-line column (due, status, RAG) beside it; a wrapped or second-bullet line leaves those empty."""
    cols = {column_of(w.x0, w.x1, xs): w for w in reversed(line.words)}  # each column's first word
    first = cols.get(text_at)
    if first is None or not (first.text[:1].isupper() or first.text[:1].isdigit() or BULLET.match(first.text)):
        return False
    return any(i in cols for i in one_line)


def opens_key(cell: str) -> bool:
    """A key cell's printed line opens a row: a reference ("4", "A.1", "AL 001", "41/25") or a date, whole
    or the first line of one wrapped ("November 18," over "2024")."""
    text = cell.strip().rstrip(":")
    if not text:
        return False
    if STARTS_ROW.match(text.split()[0]) or STARTS_ROW.match(text) or MONTH_DAY.match(text):
        return True
    dates = find_dates(text)
    return bool(dates) and dates[0][0] == 0
