"""Officers' reports: the lettered recommendations of their "Recommendation(s)" section."""
from __future__ import annotations

import re
from collections.abc import Sequence

from minutetrail.models import Line, Recommendation
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
