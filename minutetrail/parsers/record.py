"""Page data of one file to its extraction record (the registry of part parsers lives here)."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from enum import Enum
from typing import Any

from minutetrail.models import (
    ActionRow,
    AgendaItem,
    DocKind,
    DocumentPart,
    ExtractionRecord,
    Line,
    Meeting,
    MinuteItem,
    Minutes,
    OcrProvenance,
    PageData,
    Recommendation,
    Warning_,
)
from minutetrail.parsers.actions import is_action_table, table_kind, tables_to_actions
from minutetrail.parsers.agenda import lines_to_agenda_items
from minutetrail.parsers.agenda_extract import minute_extract_item
from minutetrail.parsers.classify import OPENING_LINES, kind_by_page, segment
from minutetrail.parsers.meeting import (
    AGENDA_HEAD,
    HEADING_LINES,
    LABEL,
    committee_by_mentions,
    find_body,
    front_sheet_meeting,
    heading_committee,
    heading_date,
    titled_committee,
)
from minutetrail.parsers.minutes import attach_actions, parse_minutes, unread_warnings
from minutetrail.parsers.nlp import LazyNlp
from minutetrail.parsers.reports import LEAD_CUE, REC_HEAD, agenda_recommendations, parse_recommendations
from minutetrail.parsers.roles import (
    find_role_mentions,
    glossary_mentions,
    report_author_mentions,
)
from minutetrail.parsers.structure import ITEM_HEAD, underlined_lines
from minutetrail.parsers.table_model import header_box
from minutetrail.parsers.tables import pages_to_tables
from minutetrail.parsers.vocab import alternation
from minutetrail.parsers.text import content_lines

LOG_FIELDS = frozenset({"owner", "due", "progress"})
PartPages = list[tuple[int, Sequence[Line]]]


def _agenda(part: DocumentPart, pages: PartPages, acc: dict[str, list[Any]]) -> None:
    items = lines_to_agenda_items(pages)
    acc["agenda_items"].extend(items)
    acc["recommendations"].extend(agenda_recommendations(pages, items))  # a report's recommendations printed under its item
    if not items:
        acc["warnings"].append(Warning_(part.page_start, f"agenda on pages {part.page_start}-{part.page_end}: no items read"))


OWN_BODY = re.compile(alternation("own_committee_bodies"), re.I)  # a council whose meetings are its own committee


def _minutes(part: DocumentPart, pages: PartPages, acc: dict[str, list[Any]]) -> None:
    spans: list[tuple[int, float, float]] = acc.get("table_spans", [])
    prose = [(p, [ln for ln in lines if (ln.bold and ITEM_HEAD.match(ln.text.strip()))  # a minute heading never
                  or not any(sp == p and top - 1 <= ln.top and ln.bottom <= bottom + 1 for sp, top, bottom in spans)])
             for p, lines in pages]
    rules: dict[int, Any] = acc.get("rules", [{}])[0]
    underlined = {i for p, lines in prose for i in underlined_lines(lines, rules.get(p, ()))}
    minutes = parse_minutes(prose, nlp=LazyNlp(), underlined=underlined)  # an action table's lines are not minutes prose
    head = pages[0][1] if pages else []
    if minutes.meeting_date is None:  # a heading the minutes parser did not read: the title block's date
        minutes = replace(minutes, meeting_date=heading_date(head))
    named = titled_committee(head)  # "Minutes extract from X – date": the title names the committee
    if named and not (minutes.committee or "").lower().endswith(named.lower()):
        minutes = replace(minutes, committee=named)
    elif not _named_in(minutes.committee, head) or LABEL.match(minutes.committee or ""):
        titled = heading_committee(head)
        if titled and not (minutes.committee or "").lower().endswith(titled.lower()):  # "Commission" is the "SSA Commission"
            minutes = replace(minutes, committee=titled)
    elif OWN_BODY.fullmatch(minutes.committee or ""):  # "... meeting of the Parish Council" under "Little Ashby Parish Council"
        titled = heading_committee(head)
        short = (minutes.committee or "").lower()
        if titled and len(titled) > len(short) and titled.lower().endswith(" " + short):
            minutes = replace(minutes, committee=titled)
    extract_item = minute_extract_item(pages[0][0], head) if pages else None
    if extract_item is not None:  # a minute extract: "Agenda item" / title / purpose / "Minutes:"
        acc["agenda_items"].append(extract_item)
        if all(not i.number and not i.title for i in minutes.items):  # the extract minutes that one item
            held = minutes.items[0] if minutes.items else MinuteItem(extract_item.number or "", "", extract_item.page)
            minutes = replace(minutes, items=(replace(held, number=extract_item.number or "", title=extract_item.title),))
    acc["minutes"].append(minutes)
    acc["warnings"].extend(unread_warnings(minutes, prose))
    agenda_at = next((i for i, ln in enumerate(pages[0][1][:OPENING_LINES]) if AGENDA_HEAD.match(ln.text.strip())), None)
    if agenda_at is not None:  # a meeting note that lists its agenda before the notes
        acc["agenda_items"].extend(lines_to_agenda_items([(pages[0][0], pages[0][1][agenda_at + 1 :])]))


def _named_in(committee: str | None, lines: Sequence[Line]) -> bool:
    """Is the committee printed in the title block (and not only found by its mentions)?"""
    if not committee:
        return False
    key = re.sub(r"\W+", " ", committee.lower()).strip()
    return key in re.sub(r"\W+", " ", " ".join(ln.text for ln in lines[:HEADING_LINES]).lower())


def _report(part: DocumentPart, pages: PartPages, acc: dict[str, list[Any]]) -> None:
    found = parse_recommendations(pages, part.title)
    acc["recommendations"].extend(found)
    if not found:
        headed = next((p for p, lines in pages for ln in lines if REC_HEAD.match(ln.text.strip()) or LEAD_CUE.match(ln.text.strip())), None)
        if headed is not None:
            acc["warnings"].append(Warning_(headed, f"page {headed}: a recommendations heading or lead-in, but no recommendation read under it"))
    acc["roles"].extend(report_author_mentions(pages))


# One signature for every part parser: (part, its pages' lines, accumulator).
PART_PARSERS: dict[DocKind, Callable[[DocumentPart, PartPages, dict[str, list[Any]]], None]] = {
    DocKind.AGENDA: _agenda,
    DocKind.MINUTES: _minutes,
    DocKind.REPORT: _report,
    DocKind.WORK_PROGRAMME: _report,  # a work programme is a report too: "The Committee is asked to note ..."
}


def _meeting(parts: Sequence[DocumentPart], lines_by_page: Sequence[Sequence[Line]], minutes: Sequence[Minutes]) -> Meeting:
    first = parts[0] if parts else None
    front = [ln for lines in lines_by_page[:2] for ln in lines]
    body = find_body(front)
    if first is not None and first.kind == DocKind.MINUTES and minutes:
        m = minutes[0]
        return Meeting(body=body, committee=m.committee, date=m.meeting_date, time=m.time, venue=m.venue)
    meeting = front_sheet_meeting(front)
    if meeting.committee is None and minutes:
        meeting = replace(meeting, committee=minutes[0].committee)
    if meeting.committee is None:
        meeting = replace(meeting, committee=committee_by_mentions([ln for lines in lines_by_page for ln in lines]))
    return replace(meeting, body=meeting.body or body)


def _with_header_boxes(rows: Sequence[ActionRow], tables: Sequence[Any], lines_by_page: Sequence[Sequence[Line]]) -> list[ActionRow]:
    """Each row with the box of its table's header on the row's page (evidence crops show the columns' names)."""
    boxes: dict[tuple[int, Any], Any] = {}
    for t in tables:
        for page in {r.page for r in t.rows}:
            head = header_box(t, page, lines_by_page[page - 1]) if 0 < page <= len(lines_by_page) else None
            for r in t.rows:
                if r.page == page and r.words:
                    boxes[(page, tuple(round(v, 2) for v in r.bbox))] = head
    return [replace(a, header_bbox=boxes.get((a.page, a.bbox))) if a.bbox else a for a in rows]


ACTION_KINDS = (DocKind.ACTION_LOG, DocKind.ACTION_PLAN, DocKind.RECOMMENDATION_TRACKER)


def _empty_action_parts(parts: Sequence[DocumentPart], actions: Sequence[ActionRow]) -> list[Warning_]:
    """An action log, plan or tracker from which no action row was read: say so, not an empty list."""
    return [Warning_(p.page_start, f"{p.kind.value.replace('_', ' ')} on pages {p.page_start}-{p.page_end}: no action rows read")
            for p in parts if p.kind in ACTION_KINDS and not any(p.page_start <= a.page <= p.page_end for a in actions)]


def _table_spans(tables: Sequence[Any], lines_by_page: Sequence[Sequence[Line]]) -> list[tuple[int, float, float]]:
    """(page, top, bottom) of each action table's header and of each of its rows."""
    spans: list[tuple[int, float, float]] = []
    for t in tables:
        lines = lines_by_page[t.page_start - 1]
        if t.header_line < len(lines):
            spans.append((t.page_start, lines[t.header_line].top, lines[t.header_line].bottom))
        spans.extend((row.page, row.top, row.bottom) for row in t.rows)
    return spans


def _within(page: int, minutes: Minutes, parts: Sequence[DocumentPart]) -> bool:
    part = next((p for p in parts if p.page_start <= minutes.page_start <= p.page_end), None)
    return part is not None and part.page_start <= page <= part.page_end


def _page_ranges(numbers: Sequence[int]) -> str:
    """1, 2, 3, 5 -> '1-3, 5'."""
    spans: list[list[int]] = []
    for n in sorted(numbers):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def ocr_note(ocr: OcrProvenance) -> Warning_:
    """The record-level note that some pages' text was recognised, not read."""
    pages = _page_ranges(ocr.pages)
    return Warning_(ocr.pages[0] if ocr.pages else None,
                    f"page{'s' if len(ocr.pages) > 1 else ''} {pages} read by OCR ({ocr.engine}, language {ocr.languages}): "
                    "names, numbers and dates may hold recognition errors")


def parse_pages(file: str, sha256: str, pages: Sequence[PageData], *, ocr: OcrProvenance | None = None,
                read_warnings: Sequence[Warning_] = ()) -> ExtractionRecord:
    """The whole extraction record of one file from its pages; ``ocr`` says which pages OCR read, and how."""
    lines_by_page = content_lines(pages)
    tables = pages_to_tables(pages, lines_by_page)
    header_pages: dict[int, DocKind] = {}
    for t in tables:
        if is_action_table(t) and t.header_line < OPENING_LINES:  # a table that opens its page may open a part
            header_pages[t.page_start] = table_kind(t, None)
    table_pages = {t.page_start: table_kind(t, None) for t in reversed(tables) if is_action_table(t)}
    parts = segment(lines_by_page, header_pages, table_pages)
    acc: dict[str, list[Any]] = {"agenda_items": [], "minutes": [], "recommendations": [], "roles": [], "warnings": [], "rules": [{p.number: p.rules for p in pages}],
                                 "table_spans": _table_spans([t for t in tables if is_action_table(t)], lines_by_page)}
    for part in parts:
        parser = PART_PARSERS.get(part.kind)
        if parser is None:
            continue
        part_pages: PartPages = [(p, lines_by_page[p - 1]) for p in range(part.page_start, part.page_end + 1)]
        parser(part, part_pages, acc)
    minutes: list[Minutes] = acc["minutes"]
    meeting = _meeting(parts, lines_by_page, minutes)
    year = int(meeting.date[:4]) if meeting.date else None
    page_kinds = kind_by_page(parts)
    # an action table inside minutes gives action-log rows when it is a log (owners, dues or progress
    # carried from meeting to meeting); a bare list of this meeting's actions stays with the minutes
    in_minutes = [t for t in tables if page_kinds.get(t.page_start) == DocKind.MINUTES and not t.fields & LOG_FIELDS]
    actions, table_warnings = tables_to_actions([t for t in tables if t not in in_minutes], page_kinds, year)
    actions = _with_header_boxes(actions, tables, lines_by_page)
    minute_rows, minute_warnings = tables_to_actions(in_minutes, page_kinds, year)
    minutes = [attach_actions(m, [r for r in minute_rows if _within(r.page, m, parts)]) for m in minutes]
    notes = ([ocr_note(ocr)] if ocr else []) + list(read_warnings)  # from reading the file: OCR used, pages not read
    warnings = notes + list(table_warnings) + list(minute_warnings) + list(acc["warnings"])
    warnings += _empty_action_parts(parts, actions)
    for part in parts:
        if part.kind == DocKind.OTHER and len(parts) == 1:
            warnings.append(Warning_(part.page_start, f"document of unknown kind (pages {part.page_start}-{part.page_end}): nothing read"))
    for page in pages:
        if not page.words:
            warnings.append(Warning_(page.number, "page has no text layer"))
    numbered = [(p.number, lines) for p, lines in zip(pages, lines_by_page)]
    roles = find_role_mentions(numbered) + glossary_mentions(numbered) + acc["roles"]
    return ExtractionRecord(
        file=file,
        sha256=sha256,
        pages=len(pages),
        documents=tuple(parts),
        meeting=meeting,
        agenda_items=tuple(acc["agenda_items"]),
        minutes=tuple(minutes),
        recommendations=tuple(acc["recommendations"]),
        actions=tuple(actions),
        warnings=tuple(warnings),
        roles=tuple(roles),
        ocr=ocr,
    )


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k.rstrip("_"): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def record_to_dict(record: ExtractionRecord) -> dict[str, Any]:
    """The record in the format of FORMAT.md."""
    data = _plain(asdict(record))
    out: dict[str, Any] = {
        "source": {"file": data["file"], "sha256": data["sha256"], "pages": data["pages"]},
        "documents": data["documents"],
        "meeting": data["meeting"],
        "agenda_items": data["agenda_items"],
        "minutes": data["minutes"],
        "recommendations": data["recommendations"],
        "actions": data["actions"],
        "warnings": data["warnings"],
        "roles": data["roles"],  # extra key: who holds which post, as the papers say
    }
    if data["ocr"]:  # extra key: the pages whose text OCR recognised, and with what
        out["source"]["ocr"] = data["ocr"]
    for m in out["minutes"]:
        for item in m["items"]:
            for a in item["actions"]:
                a.pop("bbox", None)
                a.pop("page", None)
    return out


def action_key(row: ActionRow) -> str:
    return re.sub(r"\W+", " ", row.text.lower()).strip()


__all__ = ["AgendaItem", "Recommendation", "parse_pages", "record_to_dict"]
