"""Attendance printed as a grid: cells separated by wide gaps, read by column.

Covers lists laid out in columns rather than as prose: "Present: / Members of the Public: /
Apologies:" side by side with names under each label; a name column beside an organisation
column ("Name | Organisation | Affiliation", or no header at all); names with their initials in
the next cell ("Ann Smith   AS   Bob Lee   BL"); and a label printed inside a column part-way down
that switches that column's role. Roles come from cue words (``attendance.grid_labels.*``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from minutetrail.models import Line, Word
from minutetrail.parsers.vocab import alternation, words

CELL_GAP = 14.0  # points between two words that are in different cells
COLUMN_TOLERANCE = 24.0  # a cell belongs to the column whose left edge is this close (or left of it)
ROLES = ("in_attendance", "apologies", "substitutes", "officers", "present")  # most specific first
INITIALS = re.compile(r"^\(?[A-Z]{1,4}[a-z]?\)?$")
ORG_WORDS = re.compile(
    r"\b(university|office|ministry|council|society|trust|institute|police|pharmacy|chemists?|gazette|school|"
    r"association|ltd|limited|department|agency|commission|authority|centre|center|church|college|bank|bureau|"
    r"county|district|borough|nhs|independent|cca|lpc|plc|foundation|partnership|service|services|group|team|"
    r"hmcts|acpo|registry|health|local|data|justice|company|club|federation|union)\b",
    re.I,
)
HONORIFIC = re.compile(r"^(mr|mrs|ms|miss|mx|dr|sir|dame|cllr|councillor|prof|professor|lord|lady|rev|revd)\.?\s", re.I)
PERSON_SHARE = 0.5  # a column of mostly people's names is a name column


@dataclass(slots=True)
class Cell:
    x0: float
    text: str


@dataclass(slots=True)
class _Column:
    x0: float
    role: str | None
    entries: list[list[str]] = field(default_factory=list)  # [role when printed, text]

    def add(self, text: str) -> None:
        self.entries.append([self.role or "", text])

    def add_list(self, text: str) -> None:
        """The names printed after a label on its line: "In attendance: Ann Lee, Chair, Hill School"."""
        for part in re.split(r"\s*[;,]\s*(?![^()]*\))", text):
            if part.strip():
                self.add(part.strip())
        parts = [p for p in re.split(r"\s*[;,]\s*(?![^()]*\))", text) if p.strip()]
        unroled = len(parts) >= 2 and all("(" in p for p in parts[:-1]) and "(" not in parts[-1]
        self.runs_on = unroled or text.count("(") > text.count(")")  # "A (Clerk), Rashid" / "Hebden (Legal Adviser)"
    names_only: bool = True  # False once a header names this column something other than names
    cells: int = 0  # cells read into the column (a cell may hold several names)
    runs_on: bool = False  # the last cell was a list that wrapped mid-entry: the next cell finishes it


def line_cells(line: Line, gap: float = CELL_GAP) -> list[Cell]:
    """A line's words grouped into cells at gaps wider than ``gap``."""
    out: list[list[Word]] = []
    for w in line.words:
        if out and w.x0 - out[-1][-1].x1 < gap:
            out[-1].append(w)
        else:
            out.append([w])
    return [Cell(ws[0].x0, " ".join(w.text for w in ws)) for ws in out]


@cache
def _role_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((role, re.compile(rf"\b{alternation(f'attendance.grid_labels.{role}')}\b", re.I)) for role in ROLES)


@cache
def _whole_label() -> re.Pattern[str]:
    return re.compile("|".join(alternation(f"attendance.{role}") for role in ROLES), re.I)


def label_role(text: str) -> tuple[str, str] | None:
    """(role, rest) for a cell that is an attendance label ("Members of the Public:", "Apologies: Ann Lee")."""
    head, colon, rest = text.partition(":")
    if not colon and len(text.split()) > 1:
        head, rest = text, ""
        if not _whole_label().fullmatch(text.strip()):
            return None  # several words without a colon: a label only when the cell is all label ("Officers Present")
    if len(head.split()) > 5:
        return None
    for role, pattern in _role_patterns():
        if pattern.search(head):
            return role, rest.strip()
    return None


def _is_name_header(cell: Cell) -> bool:
    return cell.text.strip(" :").lower() in words("attendance.name_header")


def person_like(text: str) -> bool:
    bare = re.sub(r"\([^)]*\)?|\[[^\]]*\]?", " ", text).strip()
    if HONORIFIC.match(bare):
        return True
    tokens = bare.split()
    if not 2 <= len(tokens) <= 5 or ORG_WORDS.search(bare):
        return False
    return all(t[:1].isupper() or t in ("&", "and", "van", "von", "de", "der", "du", "le") for t in tokens)


ALIGN = 4.0  # points: cells of one column start at the same x
ALIGNED_SHARE = 0.6


def _aligned(rows: list[list[Cell]]) -> bool:
    """Cells after the first start at x positions shared with other lines (a grid, not justified prose)."""
    starts = [(n, c.x0) for n, cs in enumerate(rows) for c in cs[1:]]
    if sum(1 for cs in rows for c in cs if c.text.rstrip().endswith(",")) > len(starts) / 2:
        return False  # a comma-separated list set justified
    shared = sum(1 for n, x in starts if any(m != n and abs(x - y) <= ALIGN for m, y in starts))
    return bool(starts) and shared >= ALIGNED_SHARE * len(starts)


LIST_SEPARATOR = re.compile(r",|;|\s(?:and|&)\s")


def _labels_beside_lists(multi: list[list[Cell]]) -> bool:
    """Every line of two or more cells is a label in a left column with a list of names beside it, and some
    list holds a separator: the lists run on as text under the names, not as cells of a grid."""
    return bool(multi) and all(len(cs) == 2 and label_role(cs[0].text) and not label_role(cs[1].text) for cs in multi) \
        and any(LIST_SEPARATOR.search(cs[1].text) for cs in multi)


def _column_for(columns: list[_Column], x0: float) -> _Column:
    left = [c for c in columns if c.x0 <= x0 + COLUMN_TOLERANCE]
    return max(left, key=lambda c: c.x0) if left else columns[0]


def read_grid(lines: Sequence[Line]) -> dict[str, list[str]] | None:
    """Names by role from an attendance region printed in columns, or None when it is not a grid."""
    if not lines:
        return None
    cells = [line_cells(ln) for ln in lines]
    multi = [cs for cs in cells if len(cs) >= 2]
    if _labels_beside_lists(multi):
        return None  # "Label   A, B and C" wrapped under the names: label lines, read as text
    side_by_side = len(cells[0]) >= 2 and all(label_role(c.text) for c in cells[0])  # "Present:   Apologies:"
    if not side_by_side and (len(multi) < 2 or not _aligned(multi)):
        return None
    columns: list[_Column] = []
    done: list[_Column] = []  # columns of earlier blocks of the region
    role: str | None = None
    for cs in cells:
        labelled = [(c, label_role(c.text)) for c in cs]
        if all(lr for _c, lr in labelled) and len(cs) >= 2:  # "Present:   Members of the Public:   Apologies:"
            done.extend(columns)
            columns = [_Column(c.x0, lr[0] if lr else None) for c, lr in labelled]
            for (c, lr), col in zip(labelled, columns):
                if lr and lr[1]:
                    col.add_list(lr[1])
            continue
        first = labelled[0][1]
        if first is not None and (len(cs) == 1 or not columns or cs[0].x0 <= min(c.x0 for c in columns) + COLUMN_TOLERANCE) \
                and not any(lr for _c, lr in labelled[1:]) and (len(cs) == 1 or not columns or len(columns) == 1 or role):
            role = first[0]  # "Present" with the names after it, or "IN ATTENDANCE:" over a table
            done.extend(columns)
            columns = [_Column(cs[0].x0, role)]
            if first[1]:
                columns[0].add_list(first[1])
            for c in cs[1:]:
                _add(columns, c, role)
            continue
        if any(_is_name_header(c) for c in cs):  # "Name   Organisation   Affiliation"
            done.extend(columns)
            columns = [_Column(c.x0, role if _is_name_header(c) else None) for c in cs]
            for col, c in zip(columns, cs):
                col.names_only = _is_name_header(c)
            continue
        if not columns:
            return None
        for c, lr in labelled:
            col = _column_for(columns, c.x0)
            if lr is not None and c is not cs[0] or (lr is not None and len(columns) > 1):
                col.role = lr[0]  # a label printed inside a column switches that column's role
                if lr[1]:
                    col.add_list(lr[1])
                continue
            _add(columns, c, role)
    return _names_by_role(done + columns)


def _add(columns: list[_Column], cell: Cell, role: str | None) -> None:
    col = _column_for(columns, cell.x0)
    if col.x0 > cell.x0 + COLUMN_TOLERANCE or (cell.x0 > col.x0 + COLUMN_TOLERANCE and col is columns[-1] and len(columns) == 1):
        col = _Column(cell.x0, col.role if col.role else role)
        columns.append(col)
        columns.sort(key=lambda c: c.x0)
    text = cell.text.strip()
    if INITIALS.match(text):
        return  # initials printed in their own cell beside the name
    if col.entries and col.runs_on:
        col.add_list(f"{col.entries.pop()[1]} {text}")  # a list of names and roles wrapped onto this line
        return
    if col.entries and (text[:1] in "([" or text[:1].islower()):
        col.entries[-1][1] = f"{col.entries[-1][1]} {text}"
        return
    col.cells += 1
    col.add_list(text)


def _names_by_role(columns: list[_Column]) -> dict[str, list[str]] | None:
    out: dict[str, list[str]] = {}
    for col in columns:
        if not col.names_only:
            continue
        entries = [(r, e) for r, e in col.entries if r]
        if col.cells >= 3 and sum(person_like(e) for _r, e in entries) < PERSON_SHARE * len(entries):
            continue  # an organisation column beside the names
        for role, e in entries:
            if person_like(e):
                out.setdefault(role, []).append(e)
    return out or None
