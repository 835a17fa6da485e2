"""A table as read from a page: named columns and logical rows (the shape every table reader fills)."""
from __future__ import annotations

from dataclasses import dataclass, field

from minutetrail.models import BBox, Word
from minutetrail.parsers.table_header import Column
from minutetrail.parsers.text import join_lines, strip_marker


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
