"""Borderless tables: a rule under a header, text columns and whitespace below it, no other lines.

Such a table is read as a grid with only its outer edges: columns come from clear vertical
strips of whitespace (``grid_tables``), rows from the number or date column or from gaps. The
region runs from the header lines stacked on the rule down to the first wide gap, change of
margin or end of page.
"""
from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from minutetrail.models import Fill, Line, PageData
from minutetrail.parsers.grid import Grid, Segment, wide_rules
from minutetrail.parsers.text import usual_size

HEADER_MAX_LINES = 4
HEADER_STACK_GAP = 1.0  # header lines are at most this many line heights apart
END_GAP_HEIGHTS = 2.5  # a gap this many line heights ends the table
OVERHANG = 12.0  # points a body line may stand out of the rule's span
MIN_HEADER_CELLS = 3
HEADER_SIZE_SLACK = 1.0  # points: the lines of one header are set in one size
SENTENCE_WORDS = 10  # a line of more words set a word space apart is a sentence, not header cells


def _covers(grids: Sequence[Grid], h: Segment) -> bool:
    return any(g.top - 2 <= h.pos <= g.bottom + 2 and g.x0 - 4 <= h.start and h.end <= g.x1 + 4 for g in grids)


def _header(lines: Sequence[Line], h: Segment) -> list[Line]:
    above = [ln for ln in lines if ln.bottom <= h.pos + 1 and ln.x0 >= h.start - OVERHANG and ln.x1 <= h.end + OVERHANG]
    header: list[Line] = []
    edge = h.pos
    for ln in reversed(above):
        height = ln.bottom - ln.top or 8.0
        if edge - ln.bottom > HEADER_STACK_GAP * height + 3:
            break
        if header and (_bold(ln) != _bold(header[0]) or abs(usual_size(ln) - usual_size(header[0])) > HEADER_SIZE_SLACK):
            break  # a title or paragraph set close above the header, in other type: not the header
        if header and _cells(ln) == 1 and len(ln.words) > SENTENCE_WORDS:  # a paragraph in the header's type
            if _cells(header[0]) == 1 and header[0].text.rstrip().endswith((".", ":", ";")):
                header.pop(0)  # ... and its last line
            break
        header.insert(0, ln)
        edge = ln.top
        if len(header) == HEADER_MAX_LINES:
            break
    return header


def _shaded_header(header: list[Line], fills: Sequence[Fill], h: Segment) -> list[Line]:
    """A header set on a shaded band is the lines on the band: a paragraph ending just above it is not header."""
    if not header:
        return header
    last = header[-1]
    band = next((f for f in fills if f.top <= last.top + 1 and f.bottom >= last.bottom - 1
                 and min(f.x1, h.end) - max(f.x0, h.start) >= 0.8 * (h.end - h.start)), None)
    if band is None:
        return header
    return [ln for ln in header if ln.top >= band.top - 1]


def _body(lines: Sequence[Line], h: Segment) -> list[Line]:
    below = [ln for ln in lines if ln.top >= h.pos - 1]
    if not below:
        return []
    height = median(ln.bottom - ln.top for ln in below) or 8.0
    body: list[Line] = []
    edge = h.pos
    for ln in below:
        if ln.top - edge > END_GAP_HEIGHTS * height or ln.x0 < h.start - OVERHANG or ln.x1 > h.end + OVERHANG:
            break
        body.append(ln)
        edge = ln.bottom
    return body


def _cells(line: Line) -> int:
    """Separate runs of words on a line (a word space apart is one run)."""
    runs = 1
    for a, b in zip(line.words, line.words[1:]):
        if b.x0 - a.x1 > max(a.size, 6.0):
            runs += 1
    return runs


def rule_headed_grids(page: PageData, lines: Sequence[Line], taken: Sequence[Grid]) -> list[Grid]:
    """Regions of tables whose only line is a rule under the header."""
    out: list[Grid] = []
    for h in wide_rules(page.rules):
        if _covers(list(taken) + out, h):
            continue
        header = _shaded_header(_header(lines, h), page.fills, h)
        if not header or max(_cells(ln) for ln in header) < MIN_HEADER_CELLS:
            continue
        body = _body(lines, h)
        if not body:
            continue
        region = header + body
        x0 = min([h.start] + [ln.x0 for ln in region]) - 1
        x1 = max([h.end] + [ln.x1 for ln in region]) + 1
        top, bottom = header[0].top - 1, body[-1].bottom + 1
        out.append(Grid(x0, top, x1, bottom, (x0, x1), (top, h.pos, bottom), (h,), ()))
    return out





HEADER_LED_REACH = 60.0
ALIGN = 4.0  # points: a body cell starts under its header cell  # points a body line may stand out of the header's span


def header_led_grids(page: PageData, lines: Sequence[Line], taken: Sequence[Grid]) -> list[Grid]:
    """Regions of tables with no lines at all, found by a header line: bold lines stacked under it
    belong to the header; the body runs down to the first wide gap."""
    from minutetrail.parsers.table_header import header_lines_below, match_header

    out: list[Grid] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        inside = any(g.top - 1 <= line.top <= g.bottom + 1 for g in list(taken) + out)
        if inside or not (_styled_header(line, lines[i + 1 : i + 3]) or match_header(line, lines[i + 1 : i + 3]) is not None):
            i += 1
            continue
        header = [line] + header_lines_below(line, lines[i + 1 : i + 3])
        j = i + len(header)
        while j < len(lines) and len(header) < HEADER_MAX_LINES and _bold(lines[j]) and _bold(line) \
                and lines[j].top - header[-1].bottom <= HEADER_STACK_GAP * (line.bottom - line.top) + 3:
            header.append(lines[j])
            j += 1
        x0 = min(ln.x0 for ln in header)
        x1 = max(ln.x1 for ln in header)
        edge = Segment(header[-1].bottom + 0.5, x0 - HEADER_LED_REACH + OVERHANG, x1 + HEADER_LED_REACH - OVERHANG)
        body = [ln for ln in _body(lines[j:], edge) if not any(g.top - 1 <= ln.top <= g.bottom + 1 for g in taken)]
        if body:
            region = header + body
            gx0 = min(ln.x0 for ln in region) - 1
            gx1 = max(ln.x1 for ln in region) + 1
            top, bottom = header[0].top - 1, body[-1].bottom + 1
            out.append(Grid(gx0, top, gx1, bottom, (gx0, gx1), (top, edge.pos, bottom), (), ()))
            i = j + len(body)
            continue
        i += 1
    return out


def _styled_header(line: Line, below: Sequence[Line]) -> bool:
    """A header line whatever its words: bold, three or more separate cells, over plain lines that
    start under at least two of its cells."""
    if not _bold(line) or _cells(line) < MIN_HEADER_CELLS or not below or _bold(below[0]):
        return False
    starts = [line.words[0].x0] + [b.x0 for a, b in zip(line.words, line.words[1:]) if b.x0 - a.x1 > max(a.size, 6.0)]
    under = {round(s) for s in starts for ln in below for w in ln.words if abs(w.x0 - s) <= ALIGN}
    return len(under) >= 2


def _bold(line: Line) -> bool:
    return sum(1 for w in line.words if w.bold) * 2 > len(line.words)



def extend_unruled(grid: Grid, lines: Sequence[Line], others: Sequence[Grid] = ()) -> Grid:
    """A grid ruled or filled only across may leave out its header (ruled only under it) and its
    last row (zebra tables leave every other row white): take the header lines stacked on its top
    edge and the aligned lines that follow it without a wide gap."""
    lines = [ln for ln in lines if not any(o is not grid and o.top - 1 <= ln.top <= o.bottom + 1 for o in others)]
    if grid.ruled:
        return _header_over_ruled(grid, lines)
    header, rows = _header_above_white_rows(grid, lines)
    below = [ln for ln in lines if ln.top >= grid.bottom - 1]
    body = _body(below, Segment(grid.bottom, grid.x0 + OVERHANG, grid.x1 - OVERHANG))
    if not header and not body:
        return grid
    top = header[0].top - 1 if header else grid.top
    bottom = body[-1].bottom + 1 if body else grid.bottom
    edges = {header[-1].bottom + 0.5} if header and rows else set()  # the header, then each white row above the first fill
    ys = tuple(sorted(set(grid.ys) | {top, bottom} | edges | {r[0].top - 0.5 for r in rows}))
    return Grid(grid.x0, top, grid.x1, bottom, grid.xs, ys, grid.hsegs, grid.vsegs)


WHITE_ROWS = 3  # rows (or group headings) a zebra table may print above its first filled band


def _header_above_white_rows(grid: Grid, lines: Sequence[Line]) -> tuple[list[Line], list[list[Line]]]:
    """The header stacked on a zebra grid's top edge, and the white rows and group headings between it and
    the first fill: a plain line holding figures (a reference, a date) starts a white row, a bold line of one
    cell is a group heading; the header is what stands above them."""
    rows: list[list[Line]] = []
    edge = grid.top
    header: list[Line] = []
    while len(rows) <= WHITE_ROWS:
        stack = _header([ln for ln in lines if ln.bottom <= edge + 1], Segment(edge, grid.x0, grid.x1))
        if not stack:
            break
        last = stack[-1]
        if _bold(last) and _cells(last) == 1 and not _under_one_cell(last, stack[-2:-1]):  # a group heading
            rows.insert(0, [last])
            edge = last.top
            continue
        first = next((i for i, ln in enumerate(stack) if not _bold(ln) and any(ch.isdigit() for ch in ln.text)), None)
        if first is None:
            header = stack
            break
        rows.insert(0, stack[first:])
        edge = stack[first].top
        header = stack[:first]
        if header:
            break
    if not header or max(_cells(ln) for ln in header) < MIN_HEADER_CELLS:
        return [], []
    return header, rows


def _under_one_cell(line: Line, above: Sequence[Line]) -> bool:
    """The line's words sit under one cell of a header-like line above ("ref" under "Minute"): a header cell wrapped."""
    if not above or not line.words:
        return False
    runs: list[tuple[float, float]] = []
    for a, b in zip((None,) + above[0].words, above[0].words):
        if a is not None and b.x0 - a.x1 <= max(a.size, 6.0):
            runs[-1] = (runs[-1][0], b.x1)
        else:
            runs.append((b.x0, b.x1))
    return len(runs) >= MIN_HEADER_CELLS and any(x0 - ALIGN <= line.x0 and line.x1 <= x1 + ALIGN for x0, x1 in runs)


def _header_over_ruled(grid: Grid, lines: Sequence[Line]) -> Grid:
    """A ruled body under a header printed above its top rule, outside the boxes: the header lines
    stacked on the top rule whose cells start in three or more of the grid's columns join the grid."""
    inside = [ln for ln in lines if grid.top - 1 <= ln.top <= grid.bottom]
    if not inside or _bold(inside[0]):
        return grid  # the grid's own first row is styled as its header
    header = _header([ln for ln in lines if ln.bottom <= grid.top + 1], Segment(grid.top, grid.x0, grid.x1))
    body = median(usual_size(ln) for ln in inside)
    header = [ln for ln in header if abs(usual_size(ln) - body) <= HEADER_SIZE_SLACK]  # a title above the grid, in other type, is no header
    columns = {sum(1 for x in grid.xs[1:-1] if x <= w.x0) for ln in header for w in ln.words}
    if any(sum(1 for x in grid.xs[1:-1] if x <= ln.words[0].x0) == 0 and len({sum(1 for x in grid.xs[1:-1] if x <= w.x0) for w in ln.words}) == 1
           and _cells(ln) == 1 and not _under_one_cell(ln, header[-2:-1]) for ln in header[-1:]):
        return grid  # a one-cell line on the top rule is a group heading, not a header (nor the end of a wrapped header cell)
    if not header or max(len(columns), max(_cells(ln) for ln in header)) < MIN_HEADER_CELLS:
        return grid  # a header names three or more cells, drawn or set apart by whitespace
    top = header[0].top - 1
    drawn = tuple(Segment(x, top, grid.top) for x in grid.xs)  # the header's cells continue the columns
    return Grid(grid.x0, top, grid.x1, grid.bottom, grid.xs, (top,) + grid.ys, grid.hsegs, grid.vsegs + drawn)


__all__ = ["rule_headed_grids", "header_led_grids", "extend_unruled"]
