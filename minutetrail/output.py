"""Render records for the terminal or for other programs: a table sized to the terminal, CSV, TSV, JSON, JSON lines.

The same question prints the same columns in every format (``QUESTIONS``); a table shows the text before
the provenance (file, page), wraps long prose over lines and shortens long names (paths, hashes) in the
middle, so a row fits the width it is given (``--width``, else ``COLUMNS``, else the terminal).
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMATS = ("table", "csv", "tsv", "json", "jsonl")
SUFFIX_FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
                  ".txt": "table"}
FALLBACK_WIDTH = 120  # when there is no terminal and no COLUMNS
GAP = "  "
MIN_WRAP = 10  # a wrapped (prose) column is never narrower than this
MIN_CUT = 20  # nor a shortened one (paths, hashes)
MIN_CUT_TIGHT = 10  # ... unless the table cannot fit otherwise
SHORT_TOKEN = 15  # a token this short (a number, a date, a reference) is never cut
MAIN_TEXT = ("text", "title", "left_text", "right_text")
COMFORT_TEXT = 30  # a table leaves out minor columns rather than squeeze its main text below this
FILL_LAST = ("evidence", "source_file", "path", "sha256", "bbox")  # widened only once the other columns are whole
# OWASP CSV injection: a cell a spreadsheet would read as a formula starts with one of these;
# it is written with a leading apostrophe (text, shown as typed)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# The columns each question prints, in every format (JSON keeps every field unless --columns is given):
# what the row is about first, then its dates and state, the text, and the provenance last.
OVERDUE = ["id", "number", "owner_person", "owner", "committee", "raised_at", "due", "days_overdue", "meetings_carried",
           "times_slipped", "slipped_days", "printed_status", "under_review", "text", "printed_in", "source_file", "page"]
QUESTIONS: dict[str, list[str]] = {
    "overdue": OVERDUE,
    "overdue_grouped": ["group", *OVERDUE],
    "overdue_all": ["listing", *OVERDUE, "last_printed", "due_text"],
    "dropped": ["id", "number", "owner_person", "owner", "committee", "due", "last_printed", "printed_status", "under_review",
                "text", "source_file", "page"],
    "printed_not_due": ["id", "number", "committee", "due_text", "printed_status", "text", "source_file", "page"],
    "actions": ["id", "committee", "owner_person", "owner", "status", "raised_at", "due", "meetings", "text"],
    "history": ["observation_id", "meeting_date", "printed_in", "number", "status", "status_text", "due", "owner", "text",
                "progress", "source_file", "page"],
    "search": ["score", "kind", "thread_id", "meeting_date", "printed_in", "committee", "text", "source_file", "page"],
    "review": ["left_thread", "left_id", "right_thread", "right_id", "score", "left_text", "right_text"],
    "people": ["id", "name", "aliases", "roles", "actions"],
    "documents": ["id", "version", "status", "superseded_by", "kind", "committee", "meeting_date", "unread", "path", "error"],
    "unread": ["document_id", "page", "message", "path"],
    "changes": ["change", "id", "number", "committee", "meeting_date", "previous", "owner_person", "owner", "due",
                "previous_due", "status", "text", "source_file", "page"],
    "recurring_topics": ["kind", "meetings", "first", "last", "committee", "title"],
    "recurring_actions": ["id", "meetings", "status", "owner_person", "owner", "committee", "text"],
    "recurring_recommendations": ["meetings", "first", "last", "committee", "text"],
}
# What a table shows of a question whose every column cannot fit a terminal (--columns shows any);
# "who" is the owner as a person, else as printed
TABLE_VIEWS: dict[str, list[str]] = {
    "overdue": ["id", "number", "who", "committee", "due", "days_overdue", "printed_status", "under_review", "text", "evidence"],
    "overdue_grouped": ["id", "number", "committee", "due", "days_overdue", "printed_status", "under_review", "text",
                        "evidence"],
    "dropped": ["id", "number", "who", "committee", "due", "last_printed", "printed_status", "under_review", "text",
                "evidence"],
    "printed_not_due": ["id", "number", "committee", "due_text", "printed_status", "text", "evidence"],
    "actions": ["id", "committee", "who", "status", "raised_at", "due", "meetings", "text"],
    "history": ["observation_id", "meeting_date", "printed_in", "number", "status", "due", "owner", "text", "progress",
                "evidence"],
    "search": ["score", "kind", "thread_id", "meeting_date", "printed_in", "committee", "text", "evidence"],
    "changes": ["change", "id", "number", "who", "due", "previous_due", "status", "text", "evidence"],
    "recurring_actions": ["id", "meetings", "status", "who", "committee", "text"],
}
# In a table too narrow for a view's every column, these are left out first, in this order (and the table says so)
LEFT_OUT_FIRST = ("printed_in", "previous_due", "progress", "last_printed", "due_text", "raised_at", "meetings", "score",
                  "printed_status", "status", "evidence", "number", "who", "owner", "committee")
STATED_ONCE = ("committee",)  # in a table, a column with one value throughout is said once above it
SHOWN_WHEN_TRUE = ("under_review",)  # and a flag column is left out when no row has the flag


def _evidence(r: dict[str, Any]) -> str | None:
    path = r.get("source_file") or r.get("path")
    if not path:
        return None
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return f"{name} p.{r['page']}" if r.get("page") is not None else name


DERIVED = {"who": lambda r: r.get("owner_person") or r.get("owner"), "evidence": _evidence}


class ColumnError(ValueError):
    """--columns names a column the rows do not have."""


@dataclass(frozen=True, slots=True)
class Shape:
    """How to print: format, chosen columns, table width (None: unlimited), header row or not."""

    fmt: str = "table"
    columns: tuple[str, ...] | None = None
    width: int | None = None
    headers: bool = True
    explicit: bool = False  # the format was asked for (not the default)

    def for_file(self, target: Path | None) -> Shape:
        """How to write an export: the format asked for, else the file's suffix (x.csv is CSV), else JSON;
        a file's table is not cut to the terminal."""
        fmt = self.fmt if self.explicit else SUFFIX_FORMATS.get(target.suffix.lower(), "json") if target else "json"
        return Shape(fmt, self.columns, None if target is not None else self.width, self.headers, True)

    @property
    def machine(self) -> bool:
        return self.fmt != "table"

    def render(self, rows: Sequence[dict[str, Any]], columns: Sequence[str] | str, payload: Any = None) -> str:
        """``columns``: a list, or the name of a question (QUESTIONS; a table shows its TABLE_VIEWS)."""
        if isinstance(columns, str):
            columns = TABLE_VIEWS.get(columns, QUESTIONS[columns]) if not self.machine else QUESTIONS[columns]
        chosen = self.pick(rows, columns)
        if any(c in DERIVED for c in chosen):
            rows = [{**r, **{c: DERIVED[c](r) for c in chosen if c in DERIVED}} for r in rows]
        stated = ""
        if not self.machine and not self.columns and rows:
            for c in [c for c in chosen if c in STATED_ONCE]:
                values = {cell_text(r.get(c)) for r in rows}
                if len(values) == 1 and "" not in values:
                    chosen.remove(c)
                    stated += f"{c}: {values.pop()}\n"
            chosen = [c for c in chosen if c not in SHOWN_WHEN_TRUE or any(r.get(c) for r in rows)]
            left_out = []
            while self.width and len(chosen) > 2 and narrowest(rows, chosen) > self.width:
                drop = next((c for c in LEFT_OUT_FIRST if c in chosen), None)
                if drop is None:
                    break
                chosen.remove(drop)
                left_out.append(drop)
            if left_out:
                note = "\n" + self.say(f"(left out to fit {self.width} columns: {', '.join(left_out)}; "
                                       "see them with --width 0 or --columns)")
                return stated + render(rows, chosen, self.fmt, width=self.width, headers=self.headers) + note
        return stated + render(rows, chosen, self.fmt, payload=None if self.columns else payload,
                      width=self.width, headers=self.headers, keep_all=self.columns is None)

    def say(self, text: str) -> str:
        """A line of prose around a table, wrapped to the table's width."""
        if not self.width or len(text) <= self.width:
            return text
        lead = len(text) - len(text.lstrip("\n"))
        return "\n" * lead + textwrap.fill(text[lead:], self.width, break_on_hyphens=False)

    def pick(self, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> list[str]:
        """The columns to print: those asked for with --columns (any field of the rows), else ``columns``."""
        if not self.columns:
            return list(columns)
        known = list(dict.fromkeys([*columns, *(k for r in rows[:50] for k in r), *DERIVED]))
        unknown = [c for c in self.columns if c not in known]
        if unknown and rows:
            raise ColumnError(f"no column {', '.join(unknown)}: choose from {', '.join(known)}")
        return list(self.columns)


def terminal_width(explicit: int | None = None) -> int | None:
    """--width (0: unlimited), else $COLUMNS, else the terminal's width, else FALLBACK_WIDTH."""
    if explicit is not None:
        return explicit or None
    return shutil.get_terminal_size((FALLBACK_WIDTH, 24)).columns


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "; ".join(value)
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = value if isinstance(value, str) else str(value)
    return " ".join(text.split())


def csv_safe(text: str) -> str:
    """A CSV/TSV cell no spreadsheet evaluates: formula prefixes neutralised (OWASP rule)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _csv_cell(value: Any) -> str:
    """Numbers stay numbers (a negative count is not a formula); text is neutralised."""
    cell = cell_text(value)
    return cell if isinstance(value, (int, float)) else csv_safe(cell)


def middle_cut(text: str, width: int) -> str:
    """``text`` shortened to ``width`` by taking out its middle (a path keeps its file name)."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    if "/" in text or "\\" in text:  # a path: its end (the file name) says most
        return "…" + text[len(text) - width + 1:]
    head = (width - 1) // 2
    return text[:head] + "…" + text[len(text) - (width - 1 - head):]


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str, payload: Any = None,
           width: int | None = None, headers: bool = True, keep_all: bool = True) -> str:
    """``payload`` (default: rows) is what JSON prints; JSON keeps every field when ``keep_all``, else
    ``columns`` only; the other formats show ``columns``."""
    if fmt in ("json", "jsonl"):
        data: Any = payload if payload is not None else (list(rows) if keep_all else [{c: r.get(c) for c in columns} for r in rows])
        if fmt == "json":
            return json.dumps(data, indent=2, ensure_ascii=False, default=str)
        items = data if isinstance(data, list) else [data]
        return "\n".join(json.dumps(r, ensure_ascii=False, default=str) for r in items)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n", delimiter="\t" if fmt == "tsv" else ",")
        if headers:
            writer.writerow([csv_safe(c) for c in columns])
        for r in rows:
            writer.writerow([_csv_cell(r.get(c)) for c in columns])
        return buf.getvalue().rstrip("\n")
    if not rows:
        return "(none)"
    return table(rows, columns, width, headers)


def _fit(natural: list[int], minimum: list[int], budget: int, short: list[bool], late: list[bool]) -> list[int]:
    """Column widths summing to ``budget`` where the minimums allow (else the minimums: the table overflows).
    Short tokens (numbers, dates) get their full width first; the room left is shared max-min fairly: a
    column that lacks little gets all it lacks, the rest is split evenly among those that lack more."""
    widths = list(minimum)
    room = budget - sum(widths)
    if room <= 0:
        return widths
    for i in sorted((i for i in range(len(widths)) if short[i]), key=lambda i: natural[i] - minimum[i]):
        grow = min(room, natural[i] - widths[i])
        widths[i] += grow
        room -= grow
    for last in (False, True):  # the provenance columns widen only once the rest are whole
        needy = sorted((i for i in range(len(widths)) if natural[i] > widths[i] and late[i] == last),
                       key=lambda i: natural[i] - widths[i])
        for k, i in enumerate(needy):
            grow = min(natural[i] - widths[i], room // (len(needy) - k))
            widths[i] += grow
            room -= grow
    return widths


def _measure(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> tuple[Any, ...]:
    """Cells, widest value, natural width, prose or not, header minimum, short token or not, and the
    minimum width of each column: prose wraps down to MIN_WRAP; a short token (number, date, flag) is
    never cut, a long one (path, hash) keeps MIN_CUT characters; a header splits at "_"."""
    cells = [[cell_text(r.get(c)) for c in columns] for r in rows]
    values = [max((len(row[i]) for row in cells), default=0) for i in range(len(columns))]
    natural = [max(len(c), v) for c, v in zip(columns, values)]
    prose = [any(" " in row[i] for row in cells) for i in range(len(columns))]
    head_min = [max(len(p) for p in c.replace("_", "_\0").split("\0")) for c in columns]
    short = [not p and v <= SHORT_TOKEN for v, p in zip(values, prose)]
    minimum = [max(h, min(v, MIN_CUT) if c in FILL_LAST else min(v, MIN_WRAP) if p else v if v <= SHORT_TOKEN else min(v, MIN_CUT))
               for v, h, p, c in zip(values, head_min, prose, columns)]
    return cells, values, natural, prose, head_min, short, minimum


def narrowest(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> int:
    """The narrowest a table of these columns reads well: every column at its minimum, the main text at
    least COMFORT_TEXT characters wide."""
    _cells, values, _natural, _prose, _head_min, _short, minimum = _measure(rows, columns)
    comfort = [max(m, min(v, COMFORT_TEXT)) if c in MAIN_TEXT else m for m, v, c in zip(minimum, values, columns)]
    return sum(comfort) + len(GAP) * (len(columns) - 1)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], width: int | None = None, headers: bool = True) -> str:
    """An aligned text table at most ``width`` characters wide where the columns allow: a column of prose
    wraps over lines, one of single tokens (paths, hashes, dates) is shortened in the middle, numbers
    and headers (split at ``_``) are never cut."""
    cells, values, natural, prose, head_min, short, minimum = _measure(rows, columns)
    if width is not None and sum(minimum) + len(GAP) * (len(columns) - 1) > width:  # tight: cut long tokens harder
        minimum = [max(h, min(m, MIN_CUT_TIGHT)) if (not p and not t) or c in FILL_LAST else m
                   for m, h, p, t, c in zip(minimum, head_min, prose, short, columns)]
    fitted = [max(v, h) if s else n for v, h, s, n in zip(values, head_min, short, natural)]  # a short token's header wraps
    widths = natural if width is None else _fit(fitted, minimum, width - len(GAP) * (len(columns) - 1), short,
                                                [c in FILL_LAST for c in columns])

    def lines_of(i: int, text: str) -> list[str]:
        w = widths[i]
        if len(text) <= w:
            return [text]
        if prose[i]:
            return textwrap.wrap(text, w, break_long_words=True, break_on_hyphens=False) or [""]
        return [middle_cut(text, w)]

    def block(texts: list[str], header: bool = False) -> list[str]:
        parts = [_header_lines(t, widths[i]) if header else lines_of(i, t) for i, t in enumerate(texts)]
        height = max(len(p) for p in parts)
        return [GAP.join((p[k] if k < len(p) else "").ljust(w) for p, w in zip(parts, widths)).rstrip()
                for k in range(height)]

    out: list[str] = []
    if headers:
        out += block(list(columns), header=True)
        out.append(GAP.join("-" * w for w in widths))
    for row in cells:
        out += block(row)
    return "\n".join(out)


def _header_lines(name: str, width: int) -> list[str]:
    """A column name over as many lines as its width needs, split after ``_``."""
    if len(name) <= width:
        return [name]
    lines: list[str] = []
    current = ""
    for part in name.replace("_", "_\0").split("\0"):
        if current and len(current) + len(part) > width:
            lines.append(current)
            current = part
        else:
            current += part
    lines.append(current)
    return [middle_cut(line, width) for line in lines]
