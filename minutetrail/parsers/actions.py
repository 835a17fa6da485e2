"""Table rows to action rows: one small helper per field."""
from __future__ import annotations

import re
from collections.abc import Sequence

from minutetrail.models import ActionRow, ActionStatus, DocKind, Rag, Warning_
from minutetrail.parsers.dates import MONTHS, parse_date, parse_due
from minutetrail.parsers.owners import parse_owner
from minutetrail.parsers.status import parse_rag, parse_status, rag_from_rgb, resolve_status
from minutetrail.parsers.table_model import Table, TableRow, is_action_table
from minutetrail.parsers.tables import REF
from minutetrail.parsers.text import collapse, strip_marker

MONTH_WORD = re.compile(r"(?:\b(?P<d>\d{1,2})\s*[-‐ ]\s*)?\b(?P<m>[^\W\d_]{3,})\b")
KEY_ROW = re.compile(r"^\s*(key\b|total\b|note[s]?:)", re.I)
MIN_TEXT_CHARS = 3


def _parse_number(row: TableRow, table: Table) -> tuple[str | None, str | None]:
    """The row's own reference, and the action text (with an embedded reference removed)."""
    text = row.text("text")
    if table.embedded_numbers and text:
        head, _, rest = text.partition(" ")
        if REF.match(head):
            return head.rstrip(".)"), rest.strip() or None
    number = row.text("number")
    if number:
        number = number.rstrip(".)")
    return number, text


def _parse_text(text: str | None) -> str | None:
    if not text:
        return None
    return collapse(strip_marker(text)) or None


def _parse_due(row: TableRow, year: int | None) -> tuple[str | None, str | None]:
    """The effective due of a row; a day and month without a year take ``year``; a bare month ("June",
    "late January") is that month of ``year``."""
    revised = row.text("revised_due")
    if revised and parse_due(revised, year):
        return parse_due(revised, year), revised
    due_text = row.text("due")
    due = parse_due(due_text, year)
    if due is None and due_text and year:
        found = [(m.group("d"), MONTHS[m.group("m").lower()]) for m in MONTH_WORD.finditer(due_text) if m.group("m").lower() in MONTHS]
        if found:
            day, month = found[-1]
            due = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day and 1 <= int(day) <= 28 + 3 else "")
    return due, due_text


def _parse_meeting_date(row: TableRow, table: Table) -> str | None:
    """The meeting-date cell; without one, the meeting the table's title names."""
    value = row.text("meeting_date")
    date = parse_date(value)
    return date if date and len(date) == 10 else table.raised_at


def _parse_rag(row: TableRow, table: Table) -> Rag | None:
    """A printed or colour-filled RAG cell; without a RAG column, the fill of the status cell."""
    if "rag" not in table.fields:
        cell = "status" if "status" in table.fields else "progress" if table.progress_is_status else None
        return rag_from_rgb(row.fills.get(cell)) if cell else None
    printed = parse_rag(row.text("rag"))
    if printed is not None:
        return printed
    return rag_from_rgb(row.fills.get("rag"))


def _parse_status(row: TableRow, table: Table, rag: Rag | None, progress: str | None) -> tuple[ActionStatus | None, str | None]:
    """The status column; or a progress column that prints status words ("On track")."""
    status_text = row.text("status")
    if status_text is None and table.progress_is_status:
        status_text = progress
    rating = row.text("rag")
    if status_text is None and rating and parse_rag(rating) is None and parse_status(rating) is not None:
        status_text = rating  # a rating column printing status words ("Complete")
    # free progress prose says "completed" for a blank status cell, not where no status is printed at all
    return resolve_status(status_text, rag, progress if "status" in table.fields else None), status_text


def table_kind(table: Table, part_kind: DocKind | None) -> DocKind:
    """Which kind of action table this is: its headers first, then the part it sits in."""
    text_label = next((c.label.lower() for c in table.columns if c.field == "text"), "")
    if "recommendation" in text_label:
        return DocKind.RECOMMENDATION_TRACKER
    if part_kind in (DocKind.ACTION_PLAN, DocKind.RECOMMENDATION_TRACKER):
        return part_kind
    if part_kind in (DocKind.MINUTES, DocKind.AGENDA):
        return DocKind.ACTION_LOG  # a table printed inside minutes or an agenda is the meeting's action log
    labels = " ".join(c.label.lower() for c in table.columns)
    if {"area", "rag"} & table.fields or table.embedded_numbers or ("deadline" in labels and "meeting_date" not in table.fields):
        return DocKind.ACTION_PLAN
    return DocKind.ACTION_LOG


def rows_to_actions(
    table: Table, kind: DocKind, year: int | None = None
) -> tuple[list[ActionRow], list[Warning_]]:
    """Each logical row of an action table as an ActionRow; rejected rows become warnings."""
    actions: list[ActionRow] = []
    warnings: list[Warning_] = []
    last_year: int | None = None  # a yearless "21 st June" takes the year of the row above
    for row in table.rows:
        number, raw_text = _parse_number(row, table)
        text = _parse_text(raw_text)
        if not text or len(text) < MIN_TEXT_CHARS or KEY_ROW.match(number or text):
            warnings.append(Warning_(row.page, f"table row rejected (no action text): {collapse(' '.join(w.text for w in row.words))[:80]}"))
            continue
        progress = row.text("progress")
        rag = _parse_rag(row, table)
        status, status_text = _parse_status(row, table, rag, progress)
        due, due_text = _parse_due(row, last_year or year)
        if due:
            last_year = int(due[:4])
        actions.append(
            ActionRow(
                table=kind,
                number=number,
                meeting_date=_parse_meeting_date(row, table),
                text=text,
                owner=parse_owner(row.text("owner")) or row.lead,
                directorate=row.text("directorate"),
                progress=progress,
                due=due,
                due_text=due_text,
                status=status,
                status_text=status_text,
                rag=rag,
                page=row.page,
                bbox=tuple(round(v, 2) for v in row.bbox),  # type: ignore[arg-type]
                area=row.text("area") or row.area,
            )
        )
    return actions, warnings


def tables_to_actions(
    tables: Sequence[Table], kind_of_page: dict[int, DocKind], year: int | None
) -> tuple[list[ActionRow], list[Warning_]]:
    actions: list[ActionRow] = []
    warnings: list[Warning_] = []
    for table in tables:
        if not is_action_table(table):
            continue
        kind = table_kind(table, kind_of_page.get(table.page_start))
        rows, warns = rows_to_actions(table, kind, year)
        actions.extend(rows)
        warnings.extend(warns)
        if not rows:  # say what could not be read
            labels = " | ".join(c.label for c in table.columns if c.label) or "no header"
            warnings.append(Warning_(table.page_start, f"page {table.page_start}: a table with action columns ({labels[:80]}) gave no rows"))
    return actions, warnings
