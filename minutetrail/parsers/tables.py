"""Header-driven table reading: ruled or borderless, stitched across pages.

A table is found by its header row (words matching the header vocabulary of
``data/headers.json``); columns come from the header's words, snapped to vertical
rules where the table is ruled; body lines are cut into cells by those columns and
grouped into logical rows by an anchor column, so a wrapped cell is one row and a
cell split by a page break is joined to the row above it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from statistics import median

from minutetrail.models import Fill, Line, PageData, Rule, Word
from minutetrail.parsers.table_header import (
    Column,
    header_extra_lines,
    match_header,
    vertical_rules_through,
)
from minutetrail.parsers.columns import text_column_by_content
from minutetrail.parsers.borderless import extend_unruled, header_led_grids, rule_headed_grids
from minutetrail.parsers.grid import Grid, overlap_share, page_grids
from minutetrail.parsers.gaps import runs
from minutetrail.parsers.grid_bands import bold_line
from minutetrail.parsers.grid_tables import read_grid
from minutetrail.parsers.table_model import Table, TableRow, inherit_merged_cells, is_action_table, raised_at
from minutetrail.parsers.text import join_lines

STRADDLE_TOLERANCE = 3.0
END_GAP_HEIGHTS = 3.5  # a vertical gap this many line heights ends a borderless table
FONT_TOLERANCE = 1.2
RULE_SPAN_SHARE = 0.5
REF = re.compile(r"^(?:[A-Z]{1,4}[-/]?)?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?[.)]?$")
AREA_BANNER = re.compile(r"^\d{1,2}\s*[:.]\s+\S")
BANNER_LOOKBACK = 60.0
TITLE_LINES = 3
DETAIL_FIELDS = ("owner", "due", "status", "progress", "meeting_date")
CARRY_OVERHANG = 12.0
OVERLAP_SHARE = 0.5
HEADING_MAX_WORDS = 8


# ---------------------------------------------------------------- body


def _column_index(columns: Sequence[Column], x: float) -> int:
    idx = 0
    for i, col in enumerate(columns):
        if x + 1.0 >= col.left:
            idx = i
    return idx


def _straddles(line: Line, columns: Sequence[Column]) -> int:
    count = 0
    for w in line.words:
        for col in columns[1:]:
            if w.x0 < col.left - STRADDLE_TOLERANCE and w.x1 > col.left + STRADDLE_TOLERANCE:
                count += 1
    return count


def _refine_boundaries(columns: list[Column], lines: Sequence[Line]) -> list[Column]:
    """Move each borderless boundary left into the nearest gap no body word crosses."""
    words = [w for line in lines for w in line.words]
    out = [columns[0]]
    for i, col in enumerate(columns[1:], start=1):
        left = col.left
        lower = out[-1].x1
        for _ in range(40):
            crossing = [w for w in words if w.x0 < left - 0.5 and w.x1 > left + 0.5]
            if not crossing:
                break
            left = min(w.x0 for w in crossing) - 0.5
            if left <= lower:
                left = col.left
                break
        out.append(Column(col.field, col.label, left, col.x0, col.x1))
    return out


def _cells(line: Line, columns: Sequence[Column]) -> dict[int, list[Word]]:
    cells: dict[int, list[Word]] = {}
    for w in line.words:
        cells.setdefault(_column_index(columns, w.x0), []).append(w)
    return cells


def _anchor(table: Table) -> int:
    for fld in ("number", "meeting_date"):
        for i, col in enumerate(table.columns):
            if col.field == fld:
                return i
    for i, col in enumerate(table.columns):
        if col.field == "text":
            return i
    return 0


def _starts_row(table: Table, anchor: int, cells: dict[int, list[Word]]) -> bool:
    words = cells.get(anchor)
    if not words:
        return False
    first = words[0].text
    fld = table.columns[anchor].field
    if table.embedded_numbers:
        return bool(REF.match(first)) and abs(words[0].x0 - table.columns[anchor].x0) < 6
    if fld == "number":
        return len(words) <= 3
    if fld == "meeting_date":
        return bool(re.match(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$|^\d{1,2}$", first))
    return fld != "text" or _opens_action(table, first, cells)


def _opens_action(table: Table, first: str, cells: dict[int, list[Word]]) -> bool:
    """Keyed by the action text: a line opens a row when it starts with a capital (or a figure) and fills one
    of the one-line columns (owner, due, status) where the table has them; else it is the text wrapping."""
    if not (first[:1].isupper() or first[:1].isdigit()):
        return False
    one_line = [i for i, c in enumerate(table.columns) if c.field in ("owner", "due", "status")]
    return not one_line or any(i in cells for i in one_line)


def _has_rule_between(rules: Sequence[Rule], y0: float, y1: float, x0: float, x1: float) -> bool:
    span = (x1 - x0) * RULE_SPAN_SHARE
    total = 0.0
    for r in rules:
        if not r.vertical and y0 - 0.5 <= r.top <= y1 + 0.5:
            total += max(0.0, min(r.x1, x1) - max(r.x0, x0))
    return total >= span


def _add_line(row: TableRow, line: Line, cells: dict[int, list[Word]], columns: Sequence[Column]) -> None:
    for idx, words in cells.items():
        fld = columns[idx].field
        if fld is None:
            continue
        row.cells.setdefault(fld, []).append(" ".join(w.text for w in words))
    row.words.extend(line.words)
    row.bottom = max(row.bottom, line.bottom)


def _assign_fills(table: Table, fills: Sequence[Fill], rows: Sequence[TableRow], page_bottom: float) -> None:
    for i, row in enumerate(rows):
        band_bottom = rows[i + 1].top - 1 if i + 1 < len(rows) and rows[i + 1].page == row.page else row.band_bottom or page_bottom
        for ci, col in enumerate(table.columns):
            if col.field is None:
                continue
            right = table.columns[ci + 1].left if ci + 1 < len(table.columns) else float("inf")
            best: tuple[float, Fill] | None = None
            for f in fills:
                cx = (f.x0 + f.x1) / 2
                if not (col.left - 1 <= cx < right):
                    continue
                overlap = min(f.bottom, band_bottom) - max(f.top, row.top - 4)
                if overlap <= 0 or overlap < 0.4 * min(f.bottom - f.top, band_bottom - row.top + 4):
                    continue
                if best is None or overlap > best[0]:
                    best = (overlap, f)
            if best is not None:
                row.fills[col.field] = best[1].rgb


def _line_height(lines: Sequence[Line]) -> float:
    heights = [ln.bottom - ln.top for ln in lines if ln.words]
    return median(heights) if heights else 10.0


def _banner_above(lines: Sequence[Line], header_top: float) -> str | None:
    above = [ln for ln in lines if ln.bottom <= header_top and header_top - ln.bottom < BANNER_LOOKBACK]
    for i, ln in enumerate(above):
        if AREA_BANNER.match(ln.text):
            return join_lines([x.text for x in above[i:]])
    return None


def page_tables(
    page: PageData, lines: Sequence[Line], open_table: Table | None
) -> tuple[list[Table], Table | None]:
    """Tables on one page. ``open_table`` is a table left running at the foot of the previous page.

    Returns the tables started on this page and the table still open at its foot.
    """
    started: list[Table] = []
    current = open_table
    anchor = _anchor(current) if current else 0
    prev_bottom: float | None = None
    continuing = current is not None
    carry = continuing  # the next body line may finish a cell split by the page break
    height = _line_height(lines)
    area = current.rows[-1].area if current and current.rows else None
    page_rows: list[tuple[Table, TableRow]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        header = match_header(line, lines[i + 1 : i + 3], page.rules)
        if header is not None:
            skip = 1 + header_extra_lines(line, lines[i + 1 : i + 3])
            body = lines[i + skip :]
            header = _refine_boundaries(header, body[:40]) if not vertical_rules_through(page.rules, line.top, line.bottom) else header
            header = text_column_by_content(header, body[:40])
            same = current is not None and continuing and {c.field for c in header} == {c.field for c in current.columns}
            if same and current is not None:
                current.columns = header  # a repeated header: drop it, keep the table
                carry = True
            else:
                carry = False
                current = Table(header, page.number, line.text, header_line=i)
                current.embedded_numbers = _embedded_numbers(current, body[:60])
                started.append(current)
                banner = _banner_above(lines[:i], line.top)
                area = banner or area
            anchor = _anchor(current)
            prev_bottom = lines[i + skip - 1].bottom
            continuing = False
            i += skip
            continue
        if current is None:
            i += 1
            continue
        cells = _cells(line, current.columns)
        gap = line.top - prev_bottom if prev_bottom is not None else 0.0
        straddle = _straddles(line, current.columns)
        size = median(w.size for w in line.words) if line.words else 0.0
        if _is_banner(line, cells, current) and (prev_bottom is None or gap <= END_GAP_HEIGHTS * height):
            area = join_lines([line.text])
            prev_bottom = line.bottom
            i += 1
            continue
        off_font = bool(current.body_size) and abs(size - current.body_size) > FONT_TOLERANCE
        if off_font or (continuing and straddle):
            current = None  # what follows the table on the new page is not table
            i += 1
            continue
        if not continuing and prev_bottom is not None and gap > END_GAP_HEIGHTS * height:
            current = None
            i += 1
            continue
        in_detail = bool(set(cells) & {i for i, c in enumerate(current.columns) if c.field in DETAIL_FIELDS})
        if straddle >= 2 or (straddle and AREA_BANNER.match(line.text) and not in_detail):
            if AREA_BANNER.match(line.text) and not in_detail:  # "1. ..." with an owner or date is a row, not a banner
                area = line.text
                j = i + 1
                while j < len(lines) and _straddles(lines[j], current.columns) and not AREA_BANNER.match(lines[j].text):
                    area = f"{area} {lines[j].text}"
                    j += 1
                prev_bottom = lines[j - 1].bottom
                i = j
                continue
            current = None
            i += 1
            continue
        new_row = _starts_row(current, anchor, cells)
        if not new_row and current.rows and page.rules and prev_bottom is not None and not carry:
            left = min(w.x0 for w in line.words)
            new_row = _has_rule_between(page.rules, prev_bottom, line.top, left, max(w.x1 for w in line.words)) and bool(cells.get(anchor))
        if new_row or not current.rows:
            row = TableRow(page=page.number, top=line.top, bottom=line.bottom, area=area)
            current.rows.append(row)
            page_rows.append((current, row))
            if not current.body_size:
                current.body_size = size
        row = current.rows[-1]
        _add_line(row, line, cells, current.columns)
        current.page_end = page.number
        prev_bottom = line.bottom
        continuing = False
        carry = False
        i += 1
    for table in {id(t): t for t, _ in page_rows}.values():
        rows = [r for t, r in page_rows if t is table]
        _assign_fills(table, page.fills, rows, page.height)
    return started, current


def _is_banner(line: Line, cells: dict[int, list[Word]], table: Table) -> bool:
    """A section banner inside a table ("2: Voids and lettings"): sets the area, is not a row."""
    if not line.bold:
        return False
    detail = {i for i, c in enumerate(table.columns) if c.field in ("owner", "due", "status", "progress", "meeting_date")}
    if set(cells) & detail:
        return False
    return bool(AREA_BANNER.match(line.text)) or _plain_banner(line, cells, table)


def _plain_banner(line: Line, cells: dict[int, list[Word]], table: Table) -> bool:
    """A bold heading with no number that starts in the reference column and runs on across it ("Housing")."""
    if not table.columns or table.columns[0].field != "number" or 0 not in cells:
        return False
    return not REF.match(cells[0][0].text) and line.words[0].text[:1].isupper()


def _embedded_numbers(table: Table, body: Sequence[Line]) -> bool:
    if "number" in table.fields or "text" not in table.fields:
        return False
    idx = next(i for i, c in enumerate(table.columns) if c.field == "text")
    firsts = []
    for line in body:
        words = _cells(line, table.columns).get(idx)
        if words and abs(words[0].x0 - table.columns[idx].x0) < 6:
            firsts.append(words[0].text)
    refs = sum(1 for t in firsts if REF.match(t))
    return refs >= 1 and refs * 8 >= len(firsts)


def _grid_tables(page: PageData, lines: Sequence[Line], open_grid: Table | None) -> tuple[list[Table], Table | None, list[Grid]]:
    """Action tables read from the page's grids; the grids they claim are not read again."""
    started: list[Table] = []
    claimed: list[Grid] = []
    found = page_grids(page.rules, page.fills, page.width, page.height)
    grids = [extend_unruled(g, lines, found) for g in found]
    grids += rule_headed_grids(page, lines, grids)
    grids += header_led_grids(page, lines, grids)
    carried = _carried_grid(lines, open_grid, grids)
    todo = [(g, False) for g in grids] if carried is None else [(carried, True)] + [(g, False) for g in grids]
    for grid, continuation in sorted(todo, key=lambda gc: gc[0].top):
        if any(overlap_share(grid, c) > OVERLAP_SHARE for c in claimed):
            continue  # the same rows found twice (a zebra band and the coloured cells in it): read once
        table, new = read_grid(page, grid, lines, open_grid, continuation)
        if table is None or not is_action_table(table):
            continue
        claimed.append(grid)
        _assign_fills(table, page.fills, [r for r in table.rows if r.page == page.number], page.height)
        if new:
            table.header_line = next((i for i, ln in enumerate(lines) if ln.bottom >= grid.top), 0)
            started.append(table)
        table.open_end = not any(ln.top > grid.bottom + 1 for ln in lines)
        open_grid = table
    return started, open_grid, claimed


def _carried_grid(lines: Sequence[Line], table: Table | None, grids: Sequence[Grid]) -> Grid | None:
    """The lines opening a page that carry on an unruled table left open at the foot of the last page."""
    if table is None or not table.grid or table.ruled or not table.open_end or not lines:
        return None
    if any(g.top <= lines[0].bottom for g in grids):
        return None
    x0, x1 = table.columns[0].x0, table.columns[-1].x1
    height = median(ln.bottom - ln.top for ln in lines)
    sizes = [w.size for row in table.rows[-3:] for w in row.words if w.size]
    body = median(sizes) if sizes else 0.0
    run: list[Line] = []
    for ln in lines:
        if ln.x0 < x0 - CARRY_OVERHANG or ln.x1 > x1 + CARRY_OVERHANG or (run and ln.top - run[-1].bottom > END_GAP_HEIGHTS * height):
            break
        if any(g.top - 1 <= ln.top <= g.bottom for g in grids):
            break
        if _straddles(ln, table.columns) and not _group_heading(ln):  # prose across the gutters: a new section, not the table
            break
        if body and abs(median(w.size for w in ln.words) - body) > FONT_TOLERANCE:  # another type size: not the table's body
            break
        run.append(ln)
    if not run:
        return None
    top, bottom = run[0].top - 1, run[-1].bottom + 1
    return Grid(x0, top, x1, bottom, (x0, x1), (top, bottom), (), ())


def _group_heading(line: Line) -> bool:
    """A short bold or capitalised phrase across the columns: a group heading inside the table."""
    words = [w.text for w in line.words]
    return len(words) <= HEADING_MAX_WORDS and (bold_line(line) or line.text.isupper()) and len(runs(line)) == 1


def _unclaimed(lines: Sequence[Line], grids: Sequence[Grid]) -> list[Line]:
    if not grids:
        return list(lines)
    out = []
    for ln in lines:
        words = tuple(w for w in ln.words if not any(g.x0 - 2 <= (w.x0 + w.x1) / 2 <= g.x1 + 2 and g.top - 1 <= (w.top + w.bottom) / 2 <= g.bottom + 1 for g in grids))
        if words:
            out.append(Line(words))
    return out


def pages_to_tables(pages: Sequence[PageData], lines_by_page: Sequence[Sequence[Line]]) -> list[Table]:
    """Every table in the pages: ruled grids first, then header-led tables in what is left, stitched across pages."""
    tables: list[Table] = []
    open_table: Table | None = None
    open_grid: Table | None = None
    last_page = None
    for page, lines in zip(pages, lines_by_page):
        if last_page is not None and page.number != last_page + 1:
            open_table = open_grid = None
        from_grids, open_grid, claimed = _grid_tables(page, lines, open_grid)
        tables.extend(from_grids)
        started, open_table = page_tables(page, _unclaimed(lines, claimed), open_table)
        tables.extend(started)
        last_page = page.number
    page_lines = {page.number: lines for page, lines in zip(pages, lines_by_page)}
    for t in tables:
        if t.rows and any(w.text for w in t.rows[0].words):
            inherit_merged_cells(t)
        if "meeting_date" not in t.fields:
            t.raised_at = raised_at(page_lines.get(t.page_start, [])[max(0, t.header_line - TITLE_LINES) : t.header_line])
    return tables
