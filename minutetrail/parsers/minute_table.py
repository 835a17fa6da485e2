"""Minutes written as a table: Item | Discussion | Decisions and Action Points.

The header is found from its cells (word gaps) and named from cue words (``actions.item``,
``actions.discussion``, ``actions.column``). Each numbered row of the item column is a minute
item (the usual heading reader finds it once the right-hand column is taken off the line); the
right-hand column is read apart, entry by entry (an entry ends at a vertical gap or where a
numbered action ref starts): an entry with a ref or an assignment is an action, one that records
an outcome ("appointed", "approved", "agreed") a decision.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from minutetrail.models import Line, Resolution, ResolutionKind
from minutetrail.parsers.attendance_grid import line_cells
from minutetrail.parsers.text import join_lines
from minutetrail.parsers.vocab import alternation, words

ACTION_REF = re.compile(r"^(?P<ref>\d{1,3}[-./]\d{1,3}[a-z]?)\s+(?P<text>\S.*)$")
ACTION_REF_TEXT = re.compile(r"^\d{1,3}[-./]\d{1,3}[a-z]?\s+")
ENTRY_GAP = 0.6  # extra space, in line heights, that ends an entry of the column
TOLERANCE = 3.0
OPEN_END = re.compile(r"(?:[,&/(\-–]|\b(?:and|or|the|of|to|a|an|for|from|with|by|in|on|at))\s*$", re.I)
SHORT_ENTRY = 0.75  # a column line ending before this share of the column width ends its entry


@dataclass(frozen=True, slots=True)
class TableLayout:
    header: int  # index of the header line
    split: float  # x where the decisions/actions column starts
    header_text: str
    actions_at: float | None = None  # x where a separate actions column starts, right of a decisions column


def _norm(text: str) -> str:
    return re.sub(r"[^\w' ]+", " ", text.lower()).strip()


def _is(cell: str, key: str) -> bool:
    return re.sub(r"\s+", " ", _norm(cell)) in {_norm(w) for w in words(key)}


def find_layout(lines: Sequence[tuple[int, Line]]) -> TableLayout | None:
    """The header of minutes printed as a table: a decisions/actions cell right of a discussion or item cell."""
    for idx, (_page, line) in enumerate(lines):
        cells = line_cells(line, gap=8.0)
        if not 2 <= len(cells) <= 5:
            continue
        last = cells[-1]
        if not any(_is(c.text, "actions.discussion") or _is(c.text, "actions.item") for c in cells[:-1]):
            continue
        decided = next((c for c in cells[1:] if _is(c.text, "actions.decision_column")), None)
        acted = next((c for c in cells[1:] if _is(c.text, "actions.action_column")), None)
        if decided is not None and acted is not None and decided.x0 < acted.x0:  # Item | Discussion | Decision | Action
            return TableLayout(idx, decided.x0 - TOLERANCE, line.text.strip(), acted.x0 - TOLERANCE)
        if _is(last.text, "actions.column"):
            return TableLayout(idx, last.x0 - TOLERANCE, line.text.strip())
    return None


def split_lines(lines: Sequence[tuple[int, Line]], layout: TableLayout) -> tuple[list[tuple[int, Line]], dict[int, list[tuple[int, Line]]]]:
    """The lines with the decisions/actions column taken off (lines left empty dropped, repeated headers
    dropped), and that column's parts keyed by the index, in the new list, of the line they sit beside."""
    kept: list[tuple[int, Line]] = list(lines[: layout.header])
    column: dict[int, list[tuple[int, Line]]] = {}
    for page, line in lines[layout.header + 1:]:
        if line.text.strip() == layout.header_text:
            continue
        left = tuple(w for w in line.words if w.x0 < layout.split)
        right = tuple(w for w in line.words if w.x0 >= layout.split)
        if left:
            kept.append((page, Line(left)))
        if right:
            column.setdefault(max(len(kept) - 1, 0), []).append((page, Line(right)))
    return kept, column


@cache
def _outcome() -> re.Pattern[str]:
    return re.compile(rf"\b{alternation('decisions.column_words')}\b", re.I)


def column_entries(parts: Sequence[tuple[int, Line]], left: float, right: float) -> list[str]:
    """The column's lines of one item grouped into entries; ``left``/``right``: the column's edges."""
    entries: list[list[str]] = []
    prev: tuple[int, Line] | None = None
    for page, line in parts:
        if not line.words:
            continue
        text = line.text.strip()
        height = line.bottom - line.top or 10.0
        new = prev is None or prev[0] != page or line.top - prev[1].bottom > ENTRY_GAP * height or bool(ACTION_REF.match(text))
        first = line.words[0].x1 - line.words[0].x0
        short = prev is not None and prev[1].x1 < left + SHORT_ENTRY * (right - left) \
            and prev[1].x1 + first + 2 * TOLERANCE < right  # the next word would have fitted: not a wrap
        new = new or (prev is not None and short and text[:1].isupper() and not OPEN_END.search(prev[1].text))
        new = new or (prev is not None and text[:1].isupper() and _ends_with_outcome(prev[1].text))
        if new:
            entries.append([text])
        else:
            entries[-1].append(text)
        prev = (page, line)
    return [join_lines(e) for e in entries]


def _ends_with_outcome(text: str) -> bool:
    """"AGM venue agreed" / "GPhC agreed as speakers": an entry that ends on its outcome word is complete."""
    last = text.rstrip(" .").split()[-1:] if text.strip() else []
    return bool(last) and bool(_outcome().fullmatch(last[0]))


def classify_entry(text: str) -> tuple[str, str]:
    """("action" | "decision", text without its ref): a numbered ref makes an action, an outcome word a decision."""
    m = ACTION_REF.match(text)
    if m:
        return "action", m["text"].strip()
    if _outcome().search(text):
        return "decision", text
    return "action", text


def decision(text: str) -> Resolution:
    return Resolution(None, text, ResolutionKind.RESOLVED)
