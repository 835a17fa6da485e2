"""Split a pack into its parts: classify each page's opening, then group pages."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from minutetrail.models import DocKind, DocumentPart, Line
from minutetrail.parsers.text import join_lines
from minutetrail.parsers.vocab import alternation

OPENING_LINES = 6
MINUTES_START = re.compile(r"^(minutes\b.*\b(meeting|held)\b|minutes of|minutes$|minutes:|(draft |unconfirmed )?minutes of)", re.I)
AGENDA_START = re.compile(r"^\W*(agenda\b|notice of (the )?meeting|agenda for)", re.I)
AGENDA_LOOKAHEAD = 10
REPORT_START = re.compile(r"^(title of report\s*:|report title\s*:|report to\b|report of\b|report by\s*:|title of report\b)", re.I)
REPORT_META = re.compile(r"^(meeting|meeting date|title of report|report by|decision type|classification|by|to|subject|summary|report author|purpose of report)\s*:", re.I)
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
NUMBERED = re.compile(r"^\d{1,3}[.)]?\s")
LIST_ITEMS = 5  # numbered lines that make a page of no named kind an agenda's list of business ...
LIST_SHARE = 0.4  # ... when they are this share of its lines (minutes carry paragraphs between their numbers)
TRIGGER_START = re.compile(r"^\W*" + alternation("decisions.triggers") + r"\b", re.I)


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
        if re.match(r"^title of report\s*:", text, re.I):
            return PageStart(DocKind.REPORT, _title_after(line, re.compile(r"^title of report\s*:", re.I)))
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
    titled = bool(first) and _title_like(first) and not TRIGGER_START.match(first)
    if titled and WORK_PROGRAMME.search(first) and len(first) < 120:
        return PageStart(DocKind.WORK_PROGRAMME, first)
    if titled and PERFORMANCE.search(first) and len(first) < 120:
        return PageStart(DocKind.PERFORMANCE, first)
    if titled and APPENDIX.match(first):
        return PageStart(DocKind.OTHER, first)
    if table_kind is not None:
        return PageStart(table_kind, None)
    if sum(1 for ln in opening if REPORT_META.match(ln.text)) >= 2:
        meta = next((ln for ln in opening if re.match(r"^title of report", ln.text, re.I)), None)
        return PageStart(DocKind.REPORT, _title_after(meta, re.compile(r"^title of report\s*:?", re.I)) if meta else None)
    for title in titles:  # the plan's title, or a committee's name over it
        if ACTION_PLAN_TITLE.search(title) and _title_like(title):
            return PageStart(DocKind.ACTION_PLAN, title)
    for line in opening[:2]:
        text = line.text.strip()
        if ACTION_LOG_CUE.search(text) and _title_like(text) and (line.bold or len(text) < 80):
            return PageStart(DocKind.ACTION_LOG, text)
    return None


def _fallback_kind(lines_by_page: Sequence[Sequence[Line]], table_kind: DocKind | None = None) -> DocKind:
    """A document whose first page names no kind: minutes when its text reads like a meeting's record;
    else the kind of an action table on it (set below a title or a paragraph), before a numbered list's."""
    text = " ".join(ln.text for lines in lines_by_page[:3] for ln in lines[:40])
    if lines_by_page and any(TITLE_AGENDA_CUE.search(ln.text) and len(ln.text) < 80 and _heading_words(ln.text)
                             for ln in lines_by_page[0][:10]):
        return DocKind.AGENDA  # "CITY COUNCIL AGENDA AND NOTICE" in the title block
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


def _numbered_list(lines_by_page: Sequence[Sequence[Line]]) -> bool:
    """Pages that are mostly a numbered list: at least LIST_ITEMS numbered lines, LIST_SHARE of all lines."""
    lines = [ln for page in lines_by_page for ln in page]
    numbered = sum(1 for ln in lines if NUMBERED.match(ln.text.strip()))
    return numbered >= LIST_ITEMS and numbered >= LIST_SHARE * len(lines)


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
