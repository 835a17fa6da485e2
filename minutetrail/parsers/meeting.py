"""The meeting a file was published for: committee, date, time, venue, body."""
from __future__ import annotations

import re
from collections.abc import Sequence

from minutetrail.models import Line, Meeting
from minutetrail.parsers.dates import parse_date, parse_time
from minutetrail.parsers.text import collapse

FRONT_LINES = 30
BODY = re.compile(
    r"\b((?:[A-Z][a-z]+(?:shire)?\s){1,3}(?:County|Borough|City|District|Parish|Town|Metropolitan|Combined)?\s?Council)\b"
    r"|\b((?:The\s)?(?:Township|City|Town|Village|County|Borough) of [A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
)
LABEL_DATE = re.compile(r"^(date|meeting date)\s*:\s*(.+)$", re.I)
LABEL_TIME = re.compile(r"^time\s*:\s*(.+)$", re.I)
LABEL_VENUE = re.compile(r"^(place|venue|location)\s*:\s*(.+)$", re.I)
AGENDA_FOR = re.compile(r"^agenda for (?:the )?meeting of (?:the )?(.+)$", re.I)
AGENDA_HEAD = re.compile(r"^\W*(agenda|notice of (the )?meeting)\W*$", re.I)
NOT_COMMITTEE = re.compile(r"\d|@|www\.|https?:|^(tel|email|ask for|date|time|place|venue)\b", re.I)


def smart_case(text: str) -> str:
    """ALL-CAPS headings to title case; mixed case left as printed."""
    if text.isupper() and not (len(text.split()) == 1 and len(text) <= 4):  # "TMG" is an acronym
        small = {"and", "of", "the", "for", "in", "on", "to"}
        words = text.lower().split()
        return " ".join(w if (i and w in small) else w.capitalize() for i, w in enumerate(words))
    return text


def find_body(lines: Sequence[Line]) -> str | None:
    for line in lines[:FRONT_LINES]:
        text = smart_case(line.text) if line.text.isupper() else line.text
        m = BODY.search(text)
        if m:
            found = (m.group(1) or m.group(2)).strip()
            found = re.sub(r"^The\s+", "", found)
            if found.lower() not in {"council", "county council", "the council"}:
                return found
    return None


def _committee(lines: Sequence[Line]) -> str | None:
    for i, line in enumerate(lines[:FRONT_LINES]):
        m = AGENDA_FOR.match(line.text.strip())
        if m:
            return smart_case(m.group(1).strip(" ."))
    for i, line in enumerate(lines[:FRONT_LINES]):
        if AGENDA_HEAD.match(line.text.strip()):
            for nxt in lines[i + 1 : i + 3]:
                t = nxt.text.strip()
                if t and not NOT_COMMITTEE.search(t) and len(t) < 90:
                    return smart_case(t)
            for prev in reversed(lines[max(0, i - 4) : i]):
                t = prev.text.strip()
                if t and not NOT_COMMITTEE.search(t) and len(t) < 90 and "council" in t.lower():
                    return smart_case(t)
    return None


def front_sheet_meeting(lines: Sequence[Line]) -> Meeting:
    """Committee, date, time, venue and body from a front sheet's first lines."""
    date = time = venue = None
    for line in lines[:FRONT_LINES]:
        text = collapse(line.text)
        m = LABEL_DATE.match(text)
        if m and date is None:
            date = parse_date(m.group(2))
        m = LABEL_TIME.match(text)
        if m and time is None:
            time = parse_time(m.group(1))
        m = LABEL_VENUE.match(text)
        if m and venue is None:
            venue = m.group(2).strip()
    if date is None:
        for i, line in enumerate(lines[:FRONT_LINES]):
            joined = " ".join(ln.text for ln in lines[i : i + 2])
            found = parse_date(line.text) or parse_date(joined)
            if found and len(found) == 10:
                date = found
                time = time or parse_time(joined)
                break
    return Meeting(body=find_body(lines), committee=_committee(lines), date=date, time=time, venue=venue)
