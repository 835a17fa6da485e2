"""Column boundaries from whitespace: where a table has no vertical rules, its columns are the
vertical strips of whitespace its lines leave clear, checked against where its header cells start.
"""
from __future__ import annotations

from collections.abc import Sequence

from minutetrail.models import Line
from minutetrail.parsers.grid import Grid

MIN_GAP = 7.0  # points of clear whitespace between columns of a grid ruled only across
NARROW_GAP = 2.0  # points: the least whitespace between tightly padded cells, where a header cell starts
ALIGN = 3.0  # points: a header cell starts this close to its column's body text
GAP_TOLERANCE_LINES = 12  # one line in this many may cross a whitespace column boundary (a heading)
WORD_SPACE = 0.4  # font sizes: words closer than this are one phrase
PHRASE_GAP = 0.55  # font sizes: header words further apart than this start another cell


def gap_boundaries(lines: Sequence[Line], x0: float, x1: float, starts: Sequence[float] = ()) -> tuple[float, ...]:
    """Column boundaries of a grid without inner verticals: vertical strips of whitespace at least
    ``MIN_GAP`` wide that (almost) no line crosses; a group heading running across is tolerated.
    A narrower strip (tightly padded cells) is a boundary where a header cell starts at its right edge
    (``starts``: the x of each header cell)."""
    width = int(x1 - x0) + 2
    if width <= 0 or not lines:
        return (x0, x1)
    crossing = [0] * width
    for ln in lines:
        for w in ln.words:
            for x in range(max(0, int(w.x0 - x0)), min(width, int(w.x1 - x0) + 1)):
                crossing[x] += 1
    tolerance = len(lines) // GAP_TOLERANCE_LINES
    bounds = [x0]
    run = None
    seen_text = False
    for x, n in enumerate(crossing + [len(lines) + 1]):
        if n <= tolerance:
            if run is None:
                run = x
        else:
            # a header cell starting inside the whitespace heads a column with no text (a RAG column shown by colour alone)
            empty = [st for st in starts if x0 + run + NARROW_GAP <= st < x0 + x - ALIGN] if run is not None and seen_text else []
            if empty:
                bounds.extend(st - 1 for st in sorted(empty))
                if x < width:
                    bounds.append(x0 + x - 1)
            elif run is not None and seen_text and x < width and (x - run >= MIN_GAP or _header_starts_at(starts, x0 + run, x0 + x)):
                # snug to the header cell starting there (a header word wider than its column's text may overhang the gap)
                at = [st for st in starts if x0 + run - 1 <= st <= x0 + x + ALIGN]
                bounds.append(min(at) - 1 if at else x0 + (run + x) / 2)
            run = None
            seen_text = True
    bounds.append(x1)
    return tuple(bounds)


def split_unruled_columns(xs: tuple[float, ...], lines: Sequence[Line], starts: Sequence[float]) -> tuple[float, ...]:
    """A grid ruled down only in places (the edges of a RAG column's coloured cells, say): a drawn column
    over which the header starts another cell is split where whitespace runs down it."""
    out = [xs[0]]
    for a, b in zip(xs, xs[1:]):
        if any(a + ALIGN * 2 < st < b - ALIGN for st in starts):
            inside = [Line(ws) for ln in lines if (ws := tuple(w for w in ln.words if a <= (w.x0 + w.x1) / 2 <= b))]
            out.extend(gap_boundaries(inside, a, b, starts)[1:-1])
        out.append(b)
    return tuple(out)


def _header_starts_at(starts: Sequence[float], left: float, right: float) -> bool:
    """A narrow strip of whitespace left..right with a header cell starting at its right edge."""
    return right - left >= NARROW_GAP and any(left - 1 <= st <= right + ALIGN for st in starts)


def header_starts(lines: Sequence[Line], grid: Grid) -> list[float]:
    """Where the cells of the grid's first band (its header) start: each run of words a word space apart."""
    first = grid.ys[1] if len(grid.ys) > 2 else grid.bottom
    starts: list[float] = []
    for ln in lines:
        if (ln.top + ln.bottom) / 2 > first:
            continue
        starts.append(ln.words[0].x0)
        starts.extend(b.x0 for a, b in zip(ln.words, ln.words[1:]) if b.x0 - a.x1 > PHRASE_GAP * max(a.size, 4.0))
    return starts


def runs(line: Line) -> list[tuple[float, float]]:
    """The line's runs of words set a word space apart (one phrase), as x spans: a run across a
    column boundary is a heading over the columns, not cells."""
    out: list[list[float]] = []
    prev = None
    for w in line.words:
        if prev is not None and w.x0 - prev.x1 <= WORD_SPACE * max(prev.size, 4.0):
            out[-1][1] = w.x1
        else:
            out.append([w.x0, w.x1])
        prev = w
    return [(a, b) for a, b in out]


__all__ = ["gap_boundaries", "header_starts", "runs", "split_unruled_columns"]
