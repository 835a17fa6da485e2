"""Rows of an unruled band with no key column (no reference, no meeting date), told apart by the gaps
between its printed lines."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from statistics import median

from minutetrail.models import Line, Word

ROW_GAP_HEIGHTS = 0.5  # unruled rows: a gap this many line heights over the line spacing starts a row
LOOSE_GAP_HEIGHTS = 0.6  # more than a wrapped line's leading: lines this far apart, each across columns, are rows


def rows_by_gaps(lines: Sequence[Line], xs: tuple[float, ...]) -> list[list[Line]]:
    """The band's logical rows: a line each where each is a row (``_one_line_rows``), else split at wide gaps."""
    return _one_line_rows(lines, xs) or _split_by_gaps(lines)


def _column_of(word: Word, xs: tuple[float, ...]) -> int:
    return min(max(0, bisect_right(xs, (word.x0 + word.x1) / 2) - 1), len(xs) - 2)


def _one_line_rows(lines: Sequence[Line], xs: tuple[float, ...]) -> list[list[Line]] | None:
    """Rows of one line each (no key column): every line fills two columns or more, and every gap is
    wider than a wrapped line's leading."""
    height = median(ln.bottom - ln.top for ln in lines)
    if any(b.top - a.bottom < LOOSE_GAP_HEIGHTS * height for a, b in zip(lines, lines[1:])):
        return None
    if any(len({_column_of(w, xs) for w in ln.words}) < 2 for ln in lines):
        return None
    return [[ln] for ln in lines]


def _split_by_gaps(lines: Sequence[Line]) -> list[list[Line]]:
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:])]
    height = median(ln.bottom - ln.top for ln in lines)
    usual = min(gaps)
    if max(gaps) - usual < ROW_GAP_HEIGHTS * height:
        return [list(lines)]
    rows: list[list[Line]] = [[lines[0]]]
    for gap, ln in zip(gaps, lines[1:]):
        if gap - usual >= ROW_GAP_HEIGHTS * height:
            rows.append([])
        rows[-1].append(ln)
    return rows
