"""Agendas printed as tables: "Item | Description | Lead | Time | Paper".

The header row is found by its cue words (``agenda.table_columns`` in data/lang/*.json); each
word of a later line falls in the column whose header starts at or left of it. A row whose
item cell holds a number opens an item (its title is the description cell); the unnumbered
rows under it are its description (only the description cell: leads, times and papers are
not). A row in bold with no number ("Coffee Break") is a break, not part of an item.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from minutetrail.models import AgendaItem, Line, Word
from minutetrail.parsers.dates import MONTHS
from minutetrail.parsers.text import join_lines, strip_marker
from minutetrail.parsers.vocab import words

HEADER_LOOKAHEAD = 40
HEADER_PAGES = 2  # the header on the part's first page, or on the next when a front sheet fills the first
X_TOLERANCE = 4.0
ITEM_LINE = re.compile(r"^\d{1,3}[.)]?\s+[A-Z]")
# "24 June 2025, 09:30" on the front sheet is the meeting's date, not a numbered item before the table
DATE_LINE = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)
ROW_NUMBER = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,2})?[a-z]?)[.)]?$")


CELL_GAP = 1.0  # font sizes: a wider gap between two words of a line separates two cells


@dataclass(frozen=True, slots=True)
class _Column:
    role: str  # item | title | other
    x0: float
    x1: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


ROLES = ("item", "title", "other")


def _roles() -> dict[str, str]:
    return {w.lower(): role for role in ROLES for w in words(f"agenda.table_columns.{role}")}


def _norm(text: str) -> str:
    return re.sub(r"[^\w°'’# ]+", "", text.lower()).strip()  # "#" heads a number column


def _header(line: Line) -> list[_Column] | None:
    """The columns of an agenda table's header line, or None."""
    roles = _roles()
    cols: list[_Column] = []
    words = list(line.words)
    i = 0
    while i < len(words):
        two = _norm(words[i].text + " " + words[i + 1].text) if i + 1 < len(words) else ""
        if two in roles:
            cols.append(_Column(roles[two], words[i].x0, words[i + 1].x1))
            i += 2
            continue
        one = _norm(words[i].text)
        if one not in roles:
            return None  # a header line holds only header words
        cols.append(_Column(roles[one], words[i].x0, words[i].x1))
        i += 1
    kinds = [c.role for c in cols]
    if "title" not in kinds and kinds.count("item") >= 2:  # "No. | Item | Presenter": the second is the title
        i = kinds.index("item", 1)
        cols[i] = _Column("title", cols[i].x0, cols[i].x1)
        kinds[i] = "title"
    if len(cols) < 3 or kinds[0] != "item" or "title" not in kinds:
        return None
    return cols


def agenda_table_header(line: Line) -> bool:
    """Is this line the header of an agenda printed as a table?"""
    return _header(line) is not None


def _cells(line: Line, cols: Sequence[_Column]) -> dict[str, list[Word]]:
    """The line's words by column: words close together are one cell (not across a column's start), which
    goes to the column whose header starts at or left of it, or (a centred cell) whose header centre is nearest."""
    groups: list[list[Word]] = []
    col_starts = [c.x0 - X_TOLERANCE for c in cols]
    for w in line.words:
        prev = groups[-1][-1] if groups else None
        crosses = prev is not None and any(prev.x1 < x <= w.x0 for x in col_starts)  # a full cell up against the next column
        if prev is not None and w.x0 - prev.x1 <= CELL_GAP * (w.size or 10.0) and not crosses:
            groups[-1].append(w)
        else:
            groups.append([w])
    out: dict[str, list[Word]] = {}
    for group in groups:
        x0, x1 = group[0].x0, group[-1].x1
        starts = [c for c in cols if c.x0 <= x0 + X_TOLERANCE]
        col = starts[-1] if starts else cols[0]
        nearest = min(cols, key=lambda c: abs(c.centre - (x0 + x1) / 2))
        size = group[0].size or 10.0
        if nearest is not col and nearest.x0 > col.x0 and x1 > nearest.x0 and nearest.x0 - x0 <= 2 * size:
            col = nearest  # a centred cell starting a little left of its header
        role = f"other{cols.index(col)}" if col.role == "other" else col.role
        out.setdefault(role, []).extend(group)
    return out


FOOT_GAP = 3.0  # line heights
WRAP_GAP = 0.6  # line heights: a title cell's next line at the line pitch
FULL_CELL = 0.75  # share of the title column's width: a line reaching this far was wrapped


def _style(words: Sequence[Word]) -> tuple[bool, bool]:
    letters = [c for w in words for c in w.text if c.isalpha()]
    caps = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
    return all(w.bold for w in words), caps


def _wraps_title(cur: dict, words: Sequence[Word], cols: Sequence[_Column]) -> bool:
    """A title cell's next line at the line pitch before any description: set like the title (bold or capitals),
    or under a title line that ran to the cell's edge."""
    above = cur["words"]
    if cur["desc"] or not above or not words:
        return False
    height = above[0].bottom - above[0].top or 10.0
    if words[0].top - above[0].bottom > WRAP_GAP * height:
        return False
    bold, caps = _style(above)
    if (bold or caps) and _style(words) == (bold, caps):
        return True
    title = next(c for c in cols if c.role == "title")
    edge = min((c.x0 for c in cols if c.x0 > title.x0), default=title.x0 + 300.0)
    return above[-1].x1 - title.x0 > FULL_CELL * (edge - title.x0)


def _set_apart(prev: Line, line: Line) -> bool:
    height = line.bottom - line.top or 10.0
    return line.top - prev.bottom > FOOT_GAP * height


def table_agenda_items(pages: Sequence[tuple[int, Sequence[Line]]]) -> list[AgendaItem]:
    """Items of an agenda printed as a table, or [] when the part has no agenda table header."""
    cols: list[_Column] | None = None
    items: list[AgendaItem] = []
    cur: dict | None = None

    def close() -> None:
        nonlocal cur
        if cur is not None and cur["title"]:
            items.append(AgendaItem(cur["num"], join_lines(cur["title"]), join_lines(cur["desc"]) or None, None, cur["page"]))
        cur = None

    for page, lines in pages:
        for idx, line in enumerate(lines):
            if cols is not None and idx == len(lines) - 1 and idx > 0 and _set_apart(lines[idx - 1], line):
                continue  # a page foot under the table
            if cols is None:
                if ITEM_LINE.match(line.text.strip()) and not DATE_LINE.match(line.text.strip()):
                    return []  # numbered items before any table header: a table further on is inside an item
                if idx < HEADER_LOOKAHEAD and page < pages[0][0] + HEADER_PAGES:
                    cols = _header(line)
                continue
            if _header(line) is not None:
                continue  # the header repeated on a later page
            if line.x0 < cols[0].x0 - X_TOLERANCE:
                close()
                return items  # a note below the table, at the page margin
            cells = _cells(line, cols)
            item_words = cells.get("item", [])
            item_cell = item_words[0].text if item_words else ""
            title = strip_marker(" ".join(w.text for w in item_words[1:] + cells.get("title", [])))
            m = ROW_NUMBER.match(item_cell)
            if m:
                close()
                cur = {"num": m["num"], "title": [title], "desc": [], "page": page, "words": cells.get("title", [])}
            elif cur is not None and title:
                words = cells.get("title", [])
                if _wraps_title(cur, words, cols):
                    cur["title"].append(title)
                    cur["words"] = words
                    continue
                if all(w.bold for w in words) and not item_cell:
                    continue  # a break between items
                cur["desc"].append(title)
    close()
    return items
