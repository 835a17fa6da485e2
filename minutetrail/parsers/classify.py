"""Split a pack into its parts: classify each page's opening, then group pages."""
from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from minutetrail.models import DocKind, DocumentPart, Line
from minutetrail.parsers.agenda_table import agenda_table_header
from minutetrail.parsers.attendance_grid import line_cells
from minutetrail.parsers.decisions import TRIGGER as DECISION
from minutetrail.parsers.text import join_lines, line_size
from minutetrail.parsers.vocab import alternation

OPENING_LINES = 6
MINUTES_START = re.compile(r"^(minutes\b.*\b(meeting|held)\b|minutes of|minutes$|minutes:|(draft |unconfirmed )?minutes of)", re.I)
AGENDA_START = re.compile(r"^\W*(agenda\b|notice of (the )?meeting|agenda for)", re.I)
AGENDA_LOOKAHEAD = 10
REPORT_START = re.compile(r"^(title of report\s*:|report title\s*:|report to\b|report of\b|report by\s*:|title of report\b)", re.I)
REPORT_META = re.compile(r"^(?:" + alternation("kinds.report_labels") + r")\s*:", re.I)  # "Report by:", "Wards affected:"
REPORT_TITLE_LABEL = re.compile(r"^(?:" + alternation("kinds.report_title_labels") + r")\s*:?", re.I)  # "Title of report:", "REPORT TITLE:"
REPORT_BY = re.compile(r"^(?:" + alternation("kinds.report_by") + r")\b", re.I)  # "Report of the Chief Finance Officer"
REPORT_CELL = re.compile(r"(?:" + alternation("kinds.report_labels") + r")", re.I)  # "Report of" in a cover box's label column
CELL_GAP = 2.0  # font sizes between a cover box's label cell and its value
TITLE_OVER = 1.0  # points: a report's title is set larger than the line naming its author
WORK_PROGRAMME = re.compile(r"\bwork\s*programme\b", re.I)
APPENDIX = re.compile(r"^(appendix|annex|schedule)\s+[A-Z0-9]+\b", re.I)
ACTION_LOG_TITLE = re.compile(r"\b(action (log|tracker|sheet)|actions? arising|recommendation(s)? tracker|tracking of recommendations)\b", re.I)
ACTION_PLAN_TITLE = re.compile(r"\b(improvement plan|action plan)\b", re.I)
ATTENDANCE_LABEL = re.compile(r"^(present|attendance|attendees|in attendance)\s*:", re.I)
ITEM_REF = re.compile(r"^\(item\s+\d+[a-z]?\)$", re.I)
PERFORMANCE = re.compile(r"\b(measures that matter|performance (report|scorecard|dashboard|indicators)|key performance indicators|kpi (report|dashboard))\b", re.I)
MINUTES_BODY = re.compile(r"^(present\s*:|resolved\b|apologies\b)", re.I)
# cue words as data (data/lang/*.json): a title line that opens with a kind's cue
AGENDA_TITLE = re.compile(r"^\W*" + alternation("kinds.agenda") + r"\b(?!\s+item)", re.I)  # not "Agenda item 4"
MINUTES_TITLE = re.compile(r"^\W*(?:(?:draft|unconfirmed|approved)\s+)?" + alternation("kinds.minutes") + r"\b", re.I)
ACTION_LOG_CUE = re.compile(r"\b" + alternation("kinds.action_log") + r"\b", re.I)
MINUTES_CUE = re.compile(r"\b" + alternation("kinds.minutes") + r"\b", re.I)
MINUTES_BODY_CUE = re.compile(r"\b" + alternation("kinds.minutes_body") + r"\b", re.I)
TITLE_AGENDA_CUE = re.compile(r"\b" + alternation("kinds.agenda") + r"\b(?!\s+items?\b)", re.I)
MINUTES_RECORD_CUE = re.compile(r"\b" + alternation("kinds.minutes_record") + r"\b", re.I)  # said only of a meeting held
AGENDA_CUE = re.compile(r"\b" + alternation("kinds.agenda") + r"\b", re.I)
PAGE_STAMP = re.compile(r"\bpage\s+\d", re.I)  # "Minutes – 12 May – Page 2" is a running head
NUMBERED = re.compile(r"^(?:\d{1,3}[.)]?|(?:19|20)\d{2}/\d{1,4})\s")  # "4.", "2025/7": a numbered line
# "Item 10: Climate Emergency Action Plan Update", "7 CLIMATE ...": an agenda item carried over the page, not a title
ITEM_NUMBERED = re.compile(r"^(?:(?:" + alternation("agenda.item_prefix") + r")\s+)?\(?\d{1,3}[a-z]?[.):]?\s", re.I)
LIST_NUMBER = re.compile(r"^(?:(?i:item)\s+)?(?:\(?\d{1,3}(?:\.\d{1,2})?[.)]?|[A-Z][.)])\s")  # "4", "4.", "(4)", "4.0", "Item 4", "D."
LIST_ITEMS = 5  # numbered lines that make a page of no named kind an agenda's list of business ...
LIST_SHARE = 0.4  # ... when they are this share of its lines (minutes carry paragraphs between their numbers)
TRIGGER_START = re.compile(r"^\W*" + alternation("decisions.triggers") + r"\b", re.I)
AGENDA_HEADING_LINE = re.compile(r"^\W*" + alternation("agenda.headings") + r"\W*$", re.I)  # "Order of business" on its own line
AGENDA_NOTICE = re.compile(r"\b" + alternation("agenda.notice") + r"\b", re.I)  # "You are summoned to attend ..."
NOTICE_LINES = 20
PARTICULAR = re.compile(r"^(" + alternation("meeting.particular_labels") + r")\s*:", re.I)  # "Date:", "Time:", "Venue:"
PURPOSE_LEAD = re.compile(r"^\W*(?:" + alternation("agenda.purpose_leads") + r")\b", re.I)  # "To receive apologies"
CALLING_CUES = 2  # distinct particulars, or purpose lines, that call a meeting


@dataclass(frozen=True, slots=True)
class PageStart:
    kind: DocKind
    title: str | None


def _title_after(line: Line, label: re.Pattern[str]) -> str | None:
    text = label.sub("", line.text, count=1).strip(" :")
    return text or None


def _title_like(text: str) -> bool:
    """A title, not a sentence carried over from the page before."""
    return len(text) < 100 and text[:1].isupper() and ". " not in text and not text.rstrip().endswith((",", ";"))


SMALL_WORDS = frozenset({"of", "and", "the", "for", "to", "on", "in", "at", "a", "an", "&", "de", "du", "la", "le", "des", "et"})


def _heading_words(text: str) -> bool:
    """A heading's words ("Agenda & Summons to Councillors"), not a sentence ("Agenda items were taken ...")."""
    return sum(1 for w in text.split() if w[:1].islower() and w.lower() not in SMALL_WORDS) <= 2


def classify_opening(lines: Sequence[Line], table_kind: DocKind | None) -> PageStart | None:
    """The kind of part that starts on a page, from its first lines, or None for a continuation."""
    opening = list(lines[:OPENING_LINES])
    if opening and re.match(r"^agenda item\b", opening[0].text.strip(), re.I) and any(
            re.fullmatch(r"minutes\s*:?", ln.text.strip(), re.I) for ln in lines[:AGENDA_LOOKAHEAD]):
        # a minute extract: "Agenda item" / the item's title / ... / "Minutes:" / the minute
        return PageStart(DocKind.MINUTES, opening[1].text.strip() if len(opening) > 1 else None)
    for i, line in enumerate(lines[:AGENDA_LOOKAHEAD]):
        if i >= OPENING_LINES and not re.fullmatch(r"\W*agenda\W*", line.text.strip(), re.I):
            continue
        text = line.text.strip()
        if MINUTES_START.match(text) or (
                i < 2 and MINUTES_TITLE.match(text) and _title_like(text) and not NUMBERED.match(text) and not PAGE_STAMP.search(text)):
            block = [ln.text for ln in lines[i : i + 4]]
            title = join_lines(block[:1] + [b for b in block[1:3] if not MINUTES_BODY.match(b)])
            return PageStart(DocKind.MINUTES, title)
        if REPORT_TITLE_LABEL.match(text) and ":" in text:
            return PageStart(DocKind.REPORT, _title_after(line, REPORT_TITLE_LABEL))
        agenda_title = i < OPENING_LINES and AGENDA_TITLE.match(text) and len(text) < 80 and not NUMBERED.match(text) and (
            i < 2 or ((line.bold or _title_like(text)) and _heading_words(text)))
        if (i < 2 and AGENDA_START.match(text) and len(text) < 80) or agenda_title or re.fullmatch(r"\W*agenda\W*", text, re.I):
            if any(ATTENDANCE_LABEL.match(ln.text) for ln in lines):
                return PageStart(DocKind.MINUTES, None)  # a meeting note: its agenda, then who attended
            return PageStart(DocKind.AGENDA, None)
    if any(ITEM_REF.match(ln.text.strip()) for ln in opening[:3]):
        return None  # "(Item 8)" under the first line: a minute item heading, not a new part
    first = opening[0].text.strip() if opening else ""
    titles = [ln.text.strip() for ln in opening[:2]]
    # a page that carries a minute on ("RESOLVED that the work programme ...") starts no part: only a title does
    titled = bool(first) and _title_like(first) and not TRIGGER_START.match(first) and not ITEM_NUMBERED.match(first)
    if titled and WORK_PROGRAMME.search(first) and len(first) < 120:
        return PageStart(DocKind.WORK_PROGRAMME, first)
    if titled and PERFORMANCE.search(first) and len(first) < 120:
        return PageStart(DocKind.PERFORMANCE, first)
    if titled and APPENDIX.match(first):
        return PageStart(DocKind.OTHER, first)
    if table_kind is not None:
        return PageStart(table_kind, None)
    numbered_title = _numbered_title(opening)  # "9.2 FEES AND CHARGES" set large over "File Number:", "Responsible Officer:"
    labelled = list(itertools.takewhile(lambda ln: not (LIST_NUMBER.match(ln.text.strip()) or agenda_table_header(ln)),
                                        opening[1:] if numbered_title else opening))
    if sum(1 for ln in labelled if REPORT_META.match(ln.text) or _report_cell(ln)) >= 2:  # not "Lead officer:" under agenda items
        meta = next((ln for ln in opening if REPORT_TITLE_LABEL.match(ln.text)), None)
        cells = [c for ln in opening if (c := _report_cell(ln)) and REPORT_TITLE_LABEL.fullmatch(c[0])]
        named = cells[0][1] if cells else _title_after(meta, REPORT_TITLE_LABEL) if meta else \
            LIST_NUMBER.sub("", opening[0].text.strip(), count=1) if numbered_title else _set_larger(opening, opening[-1])
        return PageStart(DocKind.REPORT, named)
    authored = next((ln for ln in opening if REPORT_BY.match(ln.text.strip())), None)
    above = opening[: opening.index(authored)] if authored is not None else []
    if authored is not None and not any(NUMBERED.match(ln.text.strip()) for ln in above):  # not an agenda item's presenter
        over = _set_larger(above, authored)
        if over:
            return PageStart(DocKind.REPORT, over)  # a title, then "Report of the Chief Finance Officer"
    for title in titles:  # the plan's title, or a committee's name over it
        if ACTION_PLAN_TITLE.search(title) and _title_like(title) and not ITEM_NUMBERED.match(title):
            return PageStart(DocKind.ACTION_PLAN, title)
    for line in opening[:2]:
        text = line.text.strip()
        if ACTION_LOG_CUE.search(text) and _title_like(text) and (line.bold or len(text) < 80) and not ITEM_NUMBERED.match(text):
            return PageStart(DocKind.ACTION_LOG, text)
    return None


def _numbered_title(opening: Sequence[Line]) -> bool:
    """Does the page open with a numbered heading set larger than the line under it (a report's "9.2 TITLE")?"""
    return len(opening) > 1 and bool(LIST_NUMBER.match(opening[0].text.strip())) and line_size(opening[0]) >= line_size(opening[1]) + TITLE_OVER


def _report_cell(line: Line) -> tuple[str, str] | None:
    """(label, value) of a line of a report's cover box: a report label ("Report of", "Meeting") in a cell
    of its own, set apart from its value by a wide gap and printed without a colon."""
    words = line.words
    for k in range(1, len(words)):
        if words[k].x0 - words[k - 1].x1 > CELL_GAP * (words[k].size or 10.0):
            label = " ".join(w.text for w in words[:k])
            return (label, " ".join(w.text for w in words[k:])) if REPORT_CELL.fullmatch(label) else None
    return None


def _set_larger(lines: Sequence[Line], than: Line) -> str | None:
    """The title among these lines: the lines set larger than ``than`` (a title wrapped over lines is joined)."""
    big = [ln for ln in lines if line_size(ln) >= line_size(than) + TITLE_OVER and _title_like(ln.text.strip()) and not REPORT_META.match(ln.text)]
    return join_lines([ln.text for ln in big]) if big else None


def _fallback_kind(lines_by_page: Sequence[Sequence[Line]], table_kind: DocKind | None = None) -> DocKind:
    """A document whose first page names no kind: minutes when its text reads like a meeting's record;
    else the kind of an action table on it (set below a title or a paragraph), before a numbered list's."""
    text = " ".join(ln.text for lines in lines_by_page[:3] for ln in lines[:40])
    if lines_by_page and any(TITLE_AGENDA_CUE.search(ln.text) and len(ln.text) < 80 and _heading_words(ln.text)
                             for ln in lines_by_page[0][:10]):
        return DocKind.AGENDA  # "CITY COUNCIL AGENDA AND NOTICE" in the title block
    records = {m.group().lower() for m in MINUTES_RECORD_CUE.finditer(text)}
    if lines_by_page and len(records) < 2 and _front_sheet(lines_by_page[0], table_kind is None):
        return DocKind.AGENDA  # its standing items ("Apologies", "Minutes of the last meeting") are no minutes
    body_cues = {m.group().lower() for m in MINUTES_BODY_CUE.finditer(text)}
    if body_cues and MINUTES_CUE.search(text):
        return DocKind.MINUTES
    if len({m.group().lower() for m in MINUTES_RECORD_CUE.finditer(text)}) >= 2:
        return DocKind.MINUTES  # "the Council met at ...", "a quorum was present", "RESOLVED"
    if AGENDA_CUE.search(text):
        return DocKind.AGENDA
    if len(body_cues) >= 3:
        return DocKind.MINUTES
    if table_kind is not None:
        return table_kind  # numbered rows of an action table are not an agenda's list
    if _numbered_list(lines_by_page[:1]):
        return DocKind.AGENDA  # a front sheet whose title is a picture (a logo, or a heading OCR could not read)
    return DocKind.OTHER


def _front_sheet(lines: Sequence[Line], bare_list: bool = True) -> bool:
    """A page calling a meeting: an agenda heading on a line of its own anywhere on it (below a membership
    list or notices), the header of an agenda table ("Item | Subject | Lead"), a summons, the meeting's
    particulars labelled near its top ("Date:", "Time:", "Venue:"), items' purposes ("To receive ..."), or
    a list of numbered titles with no paragraphs between them (``bare_list``: not when an action table's
    numbered rows are on the page); and no one recorded as present."""
    if any(ATTENDANCE_LABEL.match(ln.text) for ln in lines):
        return False
    if any(AGENDA_HEADING_LINE.match(ln.text.strip()) or agenda_table_header(ln) for ln in lines) or any(
            AGENDA_NOTICE.search(ln.text) for ln in lines[:NOTICE_LINES]):
        return True
    particulars = {m.group(1).lower() for ln in lines[:NOTICE_LINES] if (m := PARTICULAR.match(ln.text.strip()))}
    purposes = sum(1 for ln in lines if PURPOSE_LEAD.match(ln.text.strip()))
    return len(particulars) >= CALLING_CUES or purposes >= CALLING_CUES or (bare_list and _numbered_list([lines]))


def _numbered_list(lines_by_page: Sequence[Sequence[Line]]) -> bool:
    """Pages that are mostly a numbered list: at least LIST_ITEMS numbered lines, LIST_SHARE of all lines."""
    lines = [ln for page in lines_by_page for ln in page]
    numbered = sum(1 for ln in lines if LIST_NUMBER.match(ln.text.strip()))
    return numbered >= LIST_ITEMS and numbered >= LIST_SHARE * len(lines)


# kinds a minute item may be headed like ("Work Programme", "Climate Action Plan Update"), when no action table opens the page
HEADED_IN_MINUTES = (DocKind.WORK_PROGRAMME, DocKind.PERFORMANCE, DocKind.ACTION_PLAN, DocKind.ACTION_LOG)
ROW_CELLS = 3  # a line of this many cells is a table row
ROW_SHARE = 0.3  # a page with this share of table rows is a table (a log, a plan), not minutes going on


def _minutes_go_on(lines: Sequence[Line]) -> bool:
    """The page records a meeting: prose, not rows of cells (a log, a plan, a programme), with a line that opens
    with a decision or says what only minutes say."""
    rows = sum(1 for ln in lines if len(line_cells(ln)) >= ROW_CELLS)
    return rows < ROW_SHARE * len(lines) and any(
        TRIGGER_START.match(ln.text.strip()) or DECISION.match(ln.text.strip()) or MINUTES_RECORD_CUE.search(ln.text) for ln in lines)


def segment(
    lines_by_page: Sequence[Sequence[Line]],
    action_header_pages: dict[int, DocKind],
    action_table_pages: dict[int, DocKind] | None = None,
) -> list[DocumentPart]:
    """Parts of the pack in page order. ``action_header_pages``: page -> kind of the action table opening it;
    ``action_table_pages``: page -> kind of an action table starting anywhere on it."""
    parts: list[DocumentPart] = []
    current: PageStart | None = None
    start = 1
    for idx, lines in enumerate(lines_by_page):
        page = idx + 1
        header = page in action_header_pages
        opening = classify_opening(lines, action_header_pages.get(page))
        if opening is not None and current is not None and opening.kind == current.kind and opening.kind in (
            DocKind.ACTION_LOG, DocKind.ACTION_PLAN, DocKind.RECOMMENDATION_TRACKER
        ) and header and (page - 1) in action_header_pages:
            opening = None  # the same table carries on with its header repeated
        if opening is not None and current is not None and current.kind == DocKind.MINUTES and opening.kind in HEADED_IN_MINUTES \
                and not header and _minutes_go_on(lines):
            opening = None  # "Work Programme" heading a minute at the top of a page, its decision under it
        if opening is None and current is None:  # an untitled first part: its kind from its own pages
            later = next((i for i in range(idx + 1, len(lines_by_page))
                          if classify_opening(lines_by_page[i], action_header_pages.get(i + 1)) is not None), len(lines_by_page))
            opening = PageStart(_fallback_kind(lines_by_page[idx:later], (action_table_pages or {}).get(page)), None)
        if opening is not None:
            if current is not None:
                parts.append(DocumentPart(current.kind, current.title, start, page - 1))
            current, start = opening, page
    if current is not None:
        parts.append(DocumentPart(current.kind, current.title, start, len(lines_by_page)))
    return parts


def kind_by_page(parts: Sequence[DocumentPart]) -> dict[int, DocKind]:
    return {p: part.kind for part in parts for p in range(part.page_start, part.page_end + 1)}
