"""Officers' reports: the lettered recommendations of their "Recommendation(s)" section."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from minutetrail.models import AgendaItem, Line, Recommendation
from minutetrail.parsers.text import join_lines

REC_HEAD = re.compile(r"^(\d+(\.\d+)?\.?\s+)?recommendations?(\s*\(s\))?\s*[:.]?\s*$|^recommendation\(s\)\s*$", re.I)
LEAD_IN = re.compile(r"^(that|it is recommended that|the (committee|cabinet|council|panel|board) is (asked|recommended) to)\b.*$", re.I)
LETTERED = re.compile(r"^[-–•]?\s*\(?(?P<letter>[a-z]|[ivx]{1,4}|\d{1,2})[).]\s+(?P<text>\S.*)$")
BULLETED = re.compile(r"^(?:[•▪●◦·*\-–]|\uf0b7)\s+(?P<text>\S.*)$")  # recommendations listed with bullets, unlettered
REC_INLINE = re.compile(r"^recommendations?(?:\s*\(s\))?\s*[:\-–]\s+(?P<text>\S.*)$", re.I)  # "Recommendation: That ..."
END_HEAD = re.compile(
    r"^(\d+(\.\d+)?\.?\s+)?(alternative options|key considerations|reasons? for (the )?recommendations?|background|"
    r"community impact|environmental impact|equality duty|resource implications|legal implications|"
    r"risk management|consultees|appendices|background papers|purpose|introduction|executive summary|"
    r"wards affected|decision type|classification|implications)\b",
    re.I,
)
MAX_GAP_HEIGHTS = 2.5


def parse_recommendations(pages: Sequence[tuple[int, Sequence[Line]]], report_title: str | None) -> list[Recommendation]:
    """Each lettered (or single unlettered) recommendation of one report."""
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
        for line in lines:
            text = line.text.strip()
            height = line.bottom - line.top or 10.0
            if state == "seek":
                inline = REC_INLINE.match(text)
                if REC_HEAD.match(text) or inline:
                    state, lead, rec_page = "lead", [inline["text"]] if inline else [], page
                prev = line
                continue
            gap = line.top - prev.bottom if prev is not None and line.top > prev.top else 0.0
            if END_HEAD.match(text) or (state == "items" and gap > MAX_GAP_HEIGHTS * height) or REC_HEAD.match(text):
                close()
                if not out and lead:
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
                state, letter, rec_page = "items", m["letter"] if m else None, page
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
