"""Tables read from grids: columns from the rules (or whitespace), rows from the rules, names last.

For a grid of ``grid.page_grids``: its first row of cells that reads like a header names the
columns (one header cell = one column, ``columns.header_field``); unnamed columns are named
from their cells (``columns.content_field``). Body rows are the rows between horizontal rules;
a row of cells spanning the whole table is a group heading (its lead, if it names one, owns the
rows under it); a cell with no rule under it is merged with the next row, which inherits it;
where rows are not ruled apart, a new value in the number or date column starts a row. A grid
that continues a table left open at the foot of the previous page joins it: a repeated header
is dropped, and a first row without its key cell finishes the row split by the page break.
"""
from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from minutetrail.models import Line, PageData, Word
from minutetrail.parsers.columns import REF, content_field, header_field, heading_lead, progress_holds_status
from minutetrail.parsers.dates import find_dates
from minutetrail.parsers.gaps import gap_boundaries, header_starts, runs, split_unruled_columns
from minutetrail.parsers.grid import Grid
from minutetrail.parsers.grid_bands import STARTS_ROW, TEXT_KEY_FIELDS, Band, bold_line, column_of, headings_apart, split_band
from minutetrail.parsers.table_header import Column
from minutetrail.parsers.table_model import Table, TableRow
from minutetrail.parsers.text import collapse, join_lines, words_to_lines

HEADER_MAX_WORDS = 9  # a header cell is a label, not a sentence
WATERMARK_HEIGHTS = 3.0
PROSE_WORDS = 5.0  # the wordiest column, at this many words a cell, is the action text when no header names one
ONE_LINE_FIELDS = ("due", "status", "meeting_date", "number")
PROSE_LINE_WORDS = 3.5  # ... or at this many words a printed line, where rows are not yet known (a wrapped cell's lines are shorter)
ANCHORS = ("number", "meeting_date")


def _inside(grid: Grid, lines: Sequence[Line]) -> list[Line]:
    """The grid's words, lined up again inside the grid (a tall watermark glyph laid over the page
    must not glue the rows of a table into one line); glyphs far taller than the text are dropped."""
    x0, x1, top, bottom = grid.x0 - 2, grid.x1 + 2, grid.top - 1, grid.bottom + 1
    kept: list[tuple[Line, list[Word]]] = []
    for ln in lines:
        if ln.bottom < top or ln.top > bottom:
            continue
        inside = [w for w in ln.words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]
        if inside:
            kept.append((ln, inside))
    if not kept:
        return []
    words = [w for _ln, inside in kept for w in inside]
    height = median(w.bottom - w.top for w in words)
    if any(w.bottom - w.top > WATERMARK_HEIGHTS * height for w in words):  # line the words up again without it
        return words_to_lines(w for w in words if w.bottom - w.top <= WATERMARK_HEIGHTS * height)
    return [ln if len(inside) == len(ln.words) else Line(tuple(inside)) for ln, inside in kept]


def _bands(grid: Grid, lines: Sequence[Line], xs: tuple[float, ...]) -> list[Band]:
    bands = [Band(a, b, []) for a, b in zip(grid.ys, grid.ys[1:]) if b - a > 1.0]
    for ln in lines:
        mid = (ln.top + ln.bottom) / 2
        for band in bands:
            if band.top - 1 <= mid <= band.bottom + 1:
                band.lines.append(ln)
                break
    bands = [b for b in bands if b.lines]
    inner = xs[1:-1]
    if grid.ruled:
        bands = [piece for band in bands for piece in headings_apart(band, xs)]
        for band in bands:
            band.spanning = bool(inner) and not any(grid.ruled_down(x, band.top, band.bottom) for x in inner) \
                and all(len(runs(ln)) == 1 for ln in band.lines)  # one phrase, not cells set apart by whitespace
        return bands
    out: list[Band] = []  # unruled: a line across a column boundary, or bold among plain rows, is a heading
    plain = [ln for b in bands[1:] for ln in b.lines if not bold_line(ln)]
    for bi, band in enumerate(bands):
        for ln in band.lines:
            across = any(x0 < x - 2 < x + 2 < x1 for x0, x1 in runs(ln) for x in inner)
            across = across or (bi > 0 and len(plain) >= 2 and bold_line(ln) and len({column_of(w.x0, w.x1, xs) for w in ln.words}) == 1)
            if across or not out or out[-1].spanning or out[-1].top < band.top - 0.5:
                out.append(Band(ln.top if out else band.top, ln.bottom, [ln], across))
            else:
                out[-1].lines.append(ln)
                out[-1].bottom = ln.bottom
    return out


def _cell_lines(lines: Sequence[Line], xs: tuple[float, ...]) -> dict[int, list[str]]:
    cells: dict[int, list[str]] = {}
    for ln in lines:
        parts: dict[int, list[str]] = {}
        for w in ln.words:
            parts.setdefault(column_of(w.x0, w.x1, xs), []).append(w.text)
        for i, ws in parts.items():
            cells.setdefault(i, []).append(" ".join(ws))
    return cells


def _header_cells(band: Band, xs: tuple[float, ...]) -> list[str]:
    cells = _cell_lines(band.lines, xs)
    return [join_lines(cells.get(i, [])) for i in range(len(xs) - 1)]


def _looks_like_header(band: Band, labels: Sequence[str], fills_bold: bool) -> bool:
    filled = [t for t in labels if t]
    if not filled or any(len(t.split()) > HEADER_MAX_WORDS for t in filled):
        return False
    known = sum(1 for t in filled if header_field(t))
    return known >= 2 or (known >= 1 and fills_bold) or (known * 2 >= len(filled) and len(filled) >= 2)


def _styled(band: Band, page: PageData) -> bool:
    """Bold words or a fill behind the band: how header rows are set apart."""
    words = band.words()
    if words and sum(1 for w in words if w.bold) * 2 >= len(words):
        return True
    return any(f.top <= band.top + 2 and f.bottom >= band.bottom - 2 for f in page.fills)


def _name_columns(labels: Sequence[str], body_cells: Sequence[dict[int, list[str]]], ncols: int,
                  line_cells: Sequence[dict[int, list[str]]] = (), prose_words: float = PROSE_WORDS) -> tuple[list[str | None], set[str]]:
    """Fields of the columns: from the header cells, then the wordiest column is the action text, then the
    rest from their cells (``line_cells``, one per printed line, where rows are not ruled apart)."""
    fields: list[str | None] = [None] * ncols
    for i, label in enumerate(labels):
        fld = header_field(label) if label else None
        if fld == "due" and "due" in fields and "revised_due" not in fields:
            fields[i] = "revised_due"  # a second date column: the revised date, which wins where printed
        elif fld and fld not in fields:
            fields[i] = fld
    named = {"due" if f == "revised_due" else f for f in fields if f}
    columns_text = [[join_lines(c.get(i, [])) for c in body_cells] for i in range(ncols)]
    if "text" not in fields:
        # cells read line by line: words per row, the rows counted by a one-line column (a date, a status)
        rows = max((sum(1 for t in columns_text[i] if t) for i in range(ncols) if fields[i] in ONE_LINE_FIELDS), default=0) \
            if prose_words != PROSE_WORDS else 0
        prose = [(sum(len(t.split()) for t in col) / (rows or max(1, sum(1 for t in col if t))), i)
                 for i, col in enumerate(columns_text) if fields[i] is None]
        if prose:
            words, i = max(prose)
            if words >= (PROSE_WORDS if rows else prose_words):
                fields[i] = "text"
    text_at = fields.index("text") if "text" in fields else 0
    if line_cells:
        columns_text = [[join_lines(c.get(i, [])) for c in line_cells] for i in range(ncols)]
    for i in range(ncols):
        if fields[i] is None and not (labels[i] and find_dates(labels[i])):  # a column headed by a period holds figures
            fields[i] = content_field(columns_text[i], {f for f in fields if f}, i < text_at)
    return fields, named


def _columns(fields: Sequence[str | None], labels: Sequence[str], xs: tuple[float, ...]) -> list[Column]:
    return [Column(fields[i], labels[i] if i < len(labels) else "", xs[i] if i else float("-inf"), xs[i], xs[i + 1]) for i in range(len(xs) - 1)]


def _table_xs(table: Table) -> tuple[float, ...]:
    return tuple(c.x0 for c in table.columns) + (table.columns[-1].x1,)


def _same_header(inside: Sequence[Line], xs: tuple[float, ...], table: Table | None) -> bool:
    """The first line, cut at the table's columns, repeats the table's header."""
    if table is None or not inside or not any(c.label for c in table.columns):
        return False
    cells = _cell_lines(inside[:1], xs)
    first = [collapse(" ".join(cells.get(i, []))).lower() for i in range(len(xs) - 1)]
    return all(not c.label or collapse(c.label).lower().startswith(t) for c, t in zip(table.columns, first)) and any(first)


def _embedded_numbers(table: Table, body_cells: Sequence[dict[int, list[str]]]) -> bool:
    """No number column, but the action text of most rows opens with a reference ("1.1 Clear ...")."""
    if "number" in table.fields or "text" not in table.fields:
        return False
    at = [c.field for c in table.columns].index("text")
    firsts = [c[at][0].split()[0] for c in body_cells if c.get(at) and c[at][0].split()]
    refs = sum(1 for t in firsts if REF.match(t))
    return refs >= 2 and refs * 4 >= len(firsts)


def _continues(open_table: Table | None, xs: tuple[float, ...]) -> bool:
    if open_table is None or not open_table.grid or len(open_table.columns) != len(xs) - 1:
        return False
    return all(abs(c.x0 - x) <= 6 for c, x in zip(open_table.columns[1:], xs[1:-1]))


def read_grid(page: PageData, grid: Grid, lines: Sequence[Line], open_table: Table | None,
              continuation: bool = False) -> tuple[Table | None, bool]:
    """The table a grid holds (or the open table it continues), and whether it is a new table.

    ``continuation``: the grid is the run of lines opening a page under an unruled table left open
    at the foot of the previous page."""
    inside = _inside(grid, lines)
    if not inside:
        return None, False
    own = _table_xs(open_table) if open_table is not None and open_table.grid and not grid.ruled else None
    # columns from the header and the plain rows: bold group headings below the header may run across
    plain = [ln for ln in inside if not bold_line(ln) or (len(grid.ys) > 2 and ln.bottom <= grid.ys[1] + 1)]
    starts = header_starts(inside, grid)
    if grid.ruled:  # (a header and one row over a coloured cell is no grid of rows: left to the other readers)
        xs = split_unruled_columns(grid.xs, plain if len(plain) >= 3 else inside, starts) if len(grid.ys) > 3 else grid.xs
    else:
        xs = gap_boundaries(plain if len(plain) >= 3 else inside, grid.x0, grid.x1, starts)
    if own is not None and (continuation or _same_header(inside, own, open_table)):
        xs = own  # an unruled table carried over the page keeps its columns
    if len(xs) < 3:
        return None, False
    bands = _bands(grid, inside, xs)
    headings: list[str] = []
    start = 0
    while start < len(bands) and bands[start].spanning:
        headings.append(collapse(" ".join(ln.text for ln in bands[start].lines)))
        start += 1
    if start >= len(bands):
        return None, False
    first = bands[start]
    labels = _header_cells(first, xs)
    header = _looks_like_header(first, labels, _styled(first, page))
    repeated = open_table is not None and (
        header and [header_field(t) for t in labels] == [c.field if c.label else None for c in open_table.columns]
        or [collapse(t).lower() for t in labels] == [collapse(c.label).lower() for c in open_table.columns])
    # the same columns further down the same page under a header of their own are another table
    same_page = open_table is not None and open_table.page_end == page.number
    continuing = continuation or (_continues(open_table, xs) and (not same_page or not header or repeated))
    table: Table
    new = True
    if continuing and open_table is not None:
        table, new = open_table, False
        body = bands[start + 1 :] if repeated else bands[start:]
        if not table.rows:  # a header drawn as a grid of its own: the rows come in the grids below it
            table.embedded_numbers = _embedded_numbers(table, [_cell_lines(b.lines, xs) for b in body if not b.spanning])
    else:
        if not header and any(len(t.split()) > HEADER_MAX_WORDS for t in labels):
            labels = [""] * (len(xs) - 1)  # no header: the first row is a body row
            body = bands[start:]
        else:
            body = bands[start + 1 :]
        rows_apart = [b for b in body if not b.spanning]
        if len(rows_apart) >= 2:  # rows ruled apart: name columns from whole cells
            body_cells = [_cell_lines(b.lines, xs) for b in rows_apart]
        else:  # rows not yet known: name columns from their lines
            body_cells = [_cell_lines([ln], xs) for b in rows_apart for ln in b.lines]
        lumped = len(rows_apart) >= 2 and len(grid.ys) <= 3  # runs of rows between headings, not rows
        line_cells = [_cell_lines([ln], xs) for b in rows_apart for ln in b.lines] if lumped else []
        per_line = len(rows_apart) < 2 and len(body_cells) > len(rows_apart)  # cells are printed lines, not rows
        fields, named = _name_columns(labels, body_cells, len(xs) - 1, line_cells, PROSE_LINE_WORDS if per_line else PROSE_WORDS)
        table = Table(_columns(fields, labels, xs), page.number, " | ".join(t for t in labels if t), grid=True,
                      header_named=frozenset(named), ruled=grid.ruled)
        table.embedded_numbers = _embedded_numbers(table, body_cells)
    _rows(table, page, grid, body, xs, headings, continuing and not new)
    if new and "progress" in table.fields and not table.fields & {"status", "rag"}:  # a rating column rates; progress reports
        table.progress_is_status = progress_holds_status([r.text("progress") or "" for r in table.rows])  # its logical rows' cells
    table.page_end = page.number
    return table, new


def _rows(table: Table, page: PageData, grid: Grid, body: Sequence[Band], xs: tuple[float, ...], headings: list[str], carry: bool) -> None:
    fields = [c.field for c in table.columns]
    anchor = next((fields.index(f) for f in ANCHORS if f in fields), None)
    if anchor is None and table.embedded_numbers:
        anchor = fields.index("text")
    area = table.rows[-1].area if table.rows else None
    lead = table.rows[-1].lead if table.rows else None
    if headings:
        area, lead = heading_lead(headings[-1])
    key_field = next((f for f in TEXT_KEY_FIELDS if f in fields), None)  # the first one-line column there is: due, else status, else RAG
    one_line = (fields.index(key_field),) if key_field else ()
    # rows not ruled apart (every rule in the body is under a group heading): rows open beside the one-line columns
    apart = sum(1 for b in body if not b.spanning) > sum(1 for b in body if b.spanning) + 1
    keyed_by_text = (fields.index("text"), one_line) if anchor is None and "text" in fields and one_line and not apart else None
    made: list[tuple[int, TableRow]] = []
    for bi, band in enumerate(body):
        if band.spanning:
            area, lead = heading_lead(collapse(" ".join(ln.text for ln in band.lines)))
            carry = False
            continue
        for part in split_band(band, xs, anchor, len(grid.ys) > 3, carry, keyed_by_text):  # rows ruled or filled apart
            cells = _cell_lines(part, xs)
            key = anchor if anchor is not None else (fields.index("text") if "text" in fields else 0)
            if carry and table.rows and _finishes_split_row(cells.get(key), anchor is None, table.embedded_numbers):
                prev = table.rows[-1]  # the rest of a row split by the page break
                for i, parts in cells.items():
                    fld = fields[i]
                    if fld:
                        prev.cells.setdefault(fld, []).extend(parts)
                carry = False
                continue
            carry = False
            row = TableRow(page=page.number, top=part[0].top, bottom=part[-1].bottom, band_bottom=band.bottom, area=area, lead=lead)
            for i, parts in cells.items():
                fld = fields[i]
                if fld:
                    row.cells[fld] = list(parts)
            row.words = [w for ln in part for w in ln.words]
            table.rows.append(row)
            made.append((bi, row))
    if grid.ruled:
        _inherit_merged(made, body, xs, fields, grid)


def _finishes_split_row(key_cell: list[str] | None, no_anchor: bool, embedded: bool) -> bool:
    """The first row on a page finishes the row the page break split: its key cell is blank, or
    (keyed by the text) does not open with a reference / a capital."""
    if not key_cell:
        return True
    first = key_cell[0].split()[0] if key_cell[0].split() else ""
    if embedded:
        return not STARTS_ROW.match(first)
    return no_anchor and first[:1].islower()


def _inherit_merged(made: Sequence[tuple[int, TableRow]], body: Sequence[Band], xs: tuple[float, ...], fields: Sequence[str | None], grid: Grid) -> None:
    """A cell with no rule under it spans the next row too: every row it spans gets its text."""
    for ci, fld in enumerate(fields):
        if not fld or fld == "text":
            continue
        group: list[TableRow] = []
        last_band = None
        for bi, row in made:
            if last_band is not None and bi != last_band and not body[bi - 1].spanning and bi == last_band + 1 \
                    and not grid.ruled_across(body[bi].top, xs[ci], xs[ci + 1]):
                group.append(row)
            else:
                _spread(group, fld)
                group = [row]
            last_band = bi
        _spread(group, fld)


def _spread(group: Sequence[TableRow], fld: str) -> None:
    if len(group) < 2:
        return
    parts = [p for r in group for p in r.cells.get(fld, [])]
    if parts:
        for r in group:
            r.cells[fld] = list(parts)


__all__ = ["read_grid"]
