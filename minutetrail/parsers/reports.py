"""Officers' reports: the lettered recommendations of their "Recommendation(s)" section."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from minutetrail.models import AgendaItem, Line, Recommendation
from minutetrail.parsers.text import join_lines
from minutetrail.parsers.vocab import alternation

REC_HEAD = re.compile(r"^(\d+(\.\d+)?\.?\s+)?(?:recommendations?(\s*\(s\))?|" + alternation("reports.headings") + r")\s*[:.]?\s*$"
                      r"|^recommendation\(s\)\s*$", re.I)  # "Recommendation(s)", "2. Recommended decision"
LEAD_IN = re.compile(r"^(that|it is recommended that|the (committee|cabinet|council|panel|board) is (asked|recommended) to)\b.*$", re.I)
# "The Committee is asked to:", "Members are recommended to", "It is recommended that": a section's opening words (data/lang)
LEAD_CUE = re.compile(r"^(?:(?:" + alternation("reports.lead_subjects") + r")\s+" + alternation("reports.lead_verbs")
                      + "|" + alternation("reports.lead_phrases") + r")\b", re.I)
LETTERED = re.compile(r"^[-–•]?\s*(?:\(?(?P<letter>[a-z]|[ivx]{1,4}|\d{1,2})[).]|(?P<para>\d{1,2}\.\d{1,2})\.?)\s+(?P<text>\S.*)$")
BULLETED = re.compile(r"^(?:[•▪●◦·*\-–]|\uf0b7)\s+(?P<text>\S.*)$")  # recommendations listed with bullets, unlettered
REC_INLINE = re.compile(r"^recommendations?(?:\s*\(s\))?\s*[:\-–]\s+(?P<text>\S.*)$", re.I)  # "Recommendation: That ..."
END_HEAD = re.compile(
    r"^(\d+(\.\d+)?\.?\s+)?(alternative options|key considerations|reasons? for (the )?recommendations?|background|"
    r"community impact|environmental impact|equality duty|resource implications|legal implications|"
    r"risk management|consultees|appendices|background papers|purpose|introduction|executive summary|"
    r"wards affected|decision type|classification|implications)\b",
    re.I,
)
TABLE_HEAD = re.compile(r"^(?:" + alternation("reports.table_columns") + r")$", re.I)  # "Recommendation | Reason"
MAX_GAP_HEIGHTS = 2.5
HEADING_CHARS = 80  # a bold line this short, not ending a sentence, is the next section's heading ...
HEADING_GAP = 0.5  # ... when this many line heights above it set it apart
CELL_GAP = 2.0  # font sizes between the recommendation cell and the next
ROW_GAP = 0.5  # line heights above a table row's first line (its padding)


def _heading(line: Line, text: str, prev: Line | None) -> bool:
    """The next section's heading, found by its type: a short bold line set apart under plain text, numbered
    or not (a wrapped line in bold at the line pitch is not one)."""
    if prev is None or prev.bold or not line.bold or line.top - prev.bottom < HEADING_GAP * (line.bottom - line.top or 10.0):
        return False
    return len(text) < HEADING_CHARS and not text.endswith((".", ";", ",", ":")) and not BULLETED.match(text)  # "3. Key issues" too


def _opens_paragraph(line: Line, prev: Line | None) -> bool:
    """Does this line start a paragraph (first, under a heading, after a finished sentence or a gap), rather than
    carry on a sentence wrapped from the line above ("... the decisions / members are asked to take.")?"""
    if prev is None or prev.bold or prev.text.rstrip().endswith((".", ":", ";", "?", "!")):
        return True
    return line.top - prev.bottom > HEADING_GAP * (line.bottom - line.top or 10.0)


def _table_boundary(line: Line) -> float | None:
    """Where the recommendation column ends, when this line heads a table of recommendations (and reasons)."""
    words = line.words
    for k in range(1, len(words)):
        gap = words[k].x0 - words[k - 1].x1
        if gap > CELL_GAP * (words[k].size or 10.0):
            return words[k].x0 if TABLE_HEAD.match(" ".join(w.text for w in words[:k])) else None
    return None


def _table_rows(lines: Sequence[Line], boundary: float) -> tuple[list[str], int]:
    """The recommendation cells of the rows under a table header, and how many lines the table took."""
    rows: list[list[str]] = []
    prev: Line | None = None
    used = 0
    for line in lines:
        cell = [w.text for w in line.words if w.x1 <= boundary]
        height = line.bottom - line.top or 10.0
        gap = line.top - prev.bottom if prev is not None else height
        if gap > MAX_GAP_HEIGHTS * height or (line.bold and not cell[:1] == [] and prev is not None and not prev.bold
                                              and line.x0 < boundary and len(line.words) == len(cell) and rows):
            break  # past the table: set apart, or a heading
        if cell and (not rows or gap > ROW_GAP * height):
            rows.append(cell)
        elif cell:
            rows[-1].extend(cell)
        prev = line
        used += 1
    return [" ".join(r) for r in rows], used


def parse_recommendations(pages: Sequence[tuple[int, Sequence[Line]]], report_title: str | None) -> list[Recommendation]:
    """Each lettered (or single unlettered) recommendation of one report: under a "Recommendation(s)" heading,
    or after opening words ("The Committee is asked to:"); a list, a paragraph or a "Recommendation | Reason" table."""
    out: list[Recommendation] = []
    state = "seek"
    current: list[str] = []
    letter: str | None = None
    rec_page = 0
    lead: list[str] = []

    def close() -> None:
        nonlocal current, letter
        if current:
            out.append(Recommendation(letter, join_lines(current), report_title, rec_page))
        current, letter = [], None

    for page, lines in pages:
        prev: Line | None = None
        skip = 0
        for idx, line in enumerate(lines):
            if skip:
                skip -= 1
                continue
            text = line.text.strip()
            height = line.bottom - line.top or 10.0
            if state == "seek":
                inline = REC_INLINE.match(text)
                if REC_HEAD.match(text) or inline or (LEAD_CUE.match(text) and _opens_paragraph(line, prev)):
                    state, rec_page = "lead", page
                    lead = [inline["text"]] if inline else [text] if not REC_HEAD.match(text) else []
                prev = line
                continue
            boundary = _table_boundary(line) if state == "lead" and not current else None
            if boundary is not None:
                cells, used = _table_rows(lines[idx + 1 :], boundary)
                out.extend(Recommendation(None, c, report_title, page) for c in cells)
                state, lead, skip = "done" if cells else state, [], used
                if cells:
                    break
                continue
            gap = line.top - prev.bottom if prev is not None and line.top > prev.top else 0.0
            collected = bool(lead or current or out)
            if END_HEAD.match(text) or (state == "items" and gap > MAX_GAP_HEIGHTS * height) or REC_HEAD.match(text) or (
                    collected and _heading(line, text, prev)):
                close()
                if not out and lead and not join_lines(lead).endswith(":"):  # a lead-in with nothing under it is none
                    out.append(Recommendation(None, join_lines(lead), report_title, rec_page))
                state = "lead" if REC_HEAD.match(text) else "done"
                lead = []
                if state == "done":
                    break
                prev = line
                continue
            m = LETTERED.match(text)
            b = None if m else BULLETED.match(text)
            if m or b:
                close()
                state, letter, rec_page = "items", (m["letter"] or m["para"]) if m else None, page
                current = [(m or b)["text"]]  # type: ignore[index]
            elif state == "items":
                current.append(text)
            elif state == "lead":
                if not lead:
                    rec_page = page
                lead.append(text)
            prev = line
        if state == "done":
            break
    close()
    if state == "lead" and lead and not out:
        text = join_lines(lead)
        if not text.rstrip().endswith(":"):
            out.append(Recommendation(None, text, report_title, rec_page))
    return out


AGENDA_REC_LINES = 40  # lines read under a recommendations heading printed in an agenda


def agenda_recommendations(pages: Sequence[tuple[int, Sequence[Line]]], items: Sequence[AgendaItem]) -> list[Recommendation]:
    """Recommendations an agenda prints under an item: a "Recommendation(s)" heading with a lead-in
    ("That:") under it, read like a report's up to the next item, and titled by the item above it
    (a bare "Recommendation: Approve ..." line is not read)."""
    out: list[Recommendation] = []
    starts: list[tuple[int, int, str]] = []  # (page, line index, title) of each item's first line
    for it in items:
        lines = next((ls for p, ls in pages if p == it.page), ())
        k = next((i for i, ln in enumerate(lines) if ln.text.strip().startswith(it.number) and it.title[:20] in ln.text), None)
        if k is not None:
            starts.append((it.page, k, it.title))
    starts.sort()
    for page, lines in pages:
        for i, line in enumerate(lines[:-1]):
            if not (REC_HEAD.match(line.text.strip()) and LEAD_IN.match(lines[i + 1].text.strip())):
                continue
            end = next((k for p, k, _t in starts if p == page and k > i), len(lines))
            above = [t for p, k, t in starts if (p, k) < (page, i)]
            out.extend(replace(r, report_title=above[-1] if above else None)
                       for r in parse_recommendations([(page, lines[i : min(end, i + AGENDA_REC_LINES)])], None))
    return out
