"""A table as read from a page: named columns and logical rows (the shape every table reader fills)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from minutetrail.models import BBox, Line, Word
from minutetrail.parsers.dates import parse_date
from minutetrail.parsers.table_header import Column
from minutetrail.parsers.text import join_lines, strip_marker, usual_size
from minutetrail.parsers.vocab import alternation


@dataclass(slots=True)
class TableRow:
    page: int
    cells: dict[str, list[str]] = field(default_factory=dict)
    words: list[Word] = field(default_factory=list)
    top: float = 0.0
    bottom: float = 0.0
    band_bottom: float = 0.0
    fills: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    area: str | None = None
    lead: str | None = None  # the owner a group heading above the row names

    def text(self, fld: str) -> str | None:
        """A cell's text: wrapped lines joined, list markers at line starts dropped."""
        parts = self.cells.get(fld)
        if not parts:
            return None
        return join_lines([strip_marker(p) for p in parts]) or None

    @property
    def bbox(self) -> BBox:
        return (min(w.x0 for w in self.words), self.top, max(w.x1 for w in self.words), self.bottom)


@dataclass(slots=True)
class Table:
    columns: list[Column]
    page_start: int
    header_text: str
    rows: list[TableRow] = field(default_factory=list)
    embedded_numbers: bool = False
    body_size: float = 0.0
    page_end: int = 0
    header_line: int = 0  # index of the header among its page's content lines
    grid: bool = False  # read from a grid (columns from rules or whitespace), not from header words
    ruled: bool = False  # the grid's columns are ruled
    open_end: bool = False  # nothing follows the table on its last page: it may run on
    progress_is_status: bool = False  # the progress column prints status words ("On track")
    header_named: frozenset[str] = frozenset()  # fields named by header words, not guessed from content
    raised_at: str | None = None  # the meeting the table's title says its actions came from

    @property
    def fields(self) -> set[str]:
        return {c.field for c in self.columns if c.field}


DETAIL = frozenset({"owner", "due", "status", "progress"})
CONTENT_DETAIL = frozenset({"owner", "due", "status"})  # prose guessed to be progress is no evidence


def is_action_table(table: Table) -> bool:
    """An action-like text column and at least one of owner / due / status / progress.

    A text column named by its header needs one detail column (named by its header, or an owner,
    due or status column recognised from content); a text column recognised as prose needs two
    detail columns, one of them a due date or a status. Prose guessed to be progress is no evidence.
    """
    fields = table.fields
    if "text" not in fields:
        return False
    if not table.grid:
        return len(fields & {"owner", "due", "status", "progress", "meeting_date", "number", "rag"}) >= 2
    named = table.header_named
    evidence = (DETAIL & named) | (CONTENT_DETAIL & fields)
    if "text" in named:
        return bool(evidence)
    return len(evidence) >= 2 and bool(evidence & {"due", "status"})  # a lead and notes alone: a work programme


HEADER_LINES = 4  # header lines read above a table's first row on a page
HEADER_GAP = 1.2  # line heights: a gap wider than this above a line ends the header
HEADER_SIZE_SLACK = 1.0  # points: the lines of one header are set in one size


def header_box(table: Table, page: int, lines: Sequence[Line]) -> BBox | None:
    """The lines printed just above the table's first row on a page, within its width: its header
    (repeated or not); None where a gap shows nothing heads the rows there."""
    rows = [r for r in table.rows if r.page == page and r.words]
    if not rows:
        return None
    first = min(r.top for r in rows)
    x0, x1 = min(r.bbox[0] for r in rows), max(r.bbox[2] for r in rows)
    above = sorted((ln for ln in lines if ln.bottom <= first + 0.5 and ln.x1 > x0 and ln.x0 < x1), key=lambda ln: ln.top)
    taken: list[Line] = []
    edge = first
    for ln in reversed(above):
        height = ln.bottom - ln.top or 10.0
        if edge - ln.bottom > HEADER_GAP * height or len(taken) == HEADER_LINES:
            break
        if taken and (ln.bold != taken[0].bold or abs(usual_size(ln) - usual_size(taken[0])) > HEADER_SIZE_SLACK):
            break  # a title set close above the header, in other type
        taken.append(ln)
        edge = ln.top
    if not taken:
        return None
    return (min(x0, min(ln.x0 for ln in taken)), min(ln.top for ln in taken), max(x1, max(ln.x1 for ln in taken)),
            max(ln.bottom for ln in taken))


MERGED_FIELDS = ("area", "para", "meeting_date", "directorate")


def inherit_merged_cells(table: Table) -> None:
    """Rows under a merged (spanning) cell inherit its value: blank cells take the value above.

    Only for the columns councils merge (area, paragraph, meeting date, directorate), and only
    when the column is filled in some row of the table.
    """
    for fld in MERGED_FIELDS:
        if fld not in table.fields:
            continue
        filled = [i for i, r in enumerate(table.rows) if r.cells.get(fld)]
        if not filled or len(filled) == len(table.rows):
            continue
        last: list[str] | None = table.rows[filled[0]].cells[fld] if fld == "area" else None
        for row in table.rows:
            if row.cells.get(fld):
                last = row.cells[fld]
            elif last is not None:
                row.cells[fld] = list(last)


def raised_at(title: Sequence[Line]) -> str | None:
    """The meeting a table's title says its actions came from ("Actions from the last meeting 19.11.10")."""
    cue = re.compile(alternation("actions.raised_at"), re.I)
    for line in reversed(title):
        m = cue.search(line.text)
        if m:
            date = parse_date(line.text[m.end() :])
            if date and len(date) == 10:
                return date
    return None
