"""Agenda front sheets: numbered items with title, description and page range."""
from __future__ import annotations

import re
from collections.abc import Sequence

from minutetrail.models import AgendaItem, Line
from minutetrail.parsers.text import join_lines

ITEM = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})?[a-z]?)[.)]?\s+(?P<title>\S.*)$")
PAGE_REF = re.compile(r"\(?\s*pages?\s+(?P<ref>\d+\s*[-–]\s*\d+|\d+)\s*\)?\s*$", re.I)
BARE_REF = re.compile(r"\s(?P<ref>\d{1,4}\s*-\s*\d{1,4})$")
SECTION = re.compile(r"^(UNRESTRICTED|EXEMPT|PART [12I]+|PUBLIC|CONFIDENTIAL)\b.*ITEMS?\b|^\(.*\)$")
STOP = re.compile(r"^(date of (the )?next meeting|membership|for any further information|exempt items)", re.I)
ITEM_GAP_HEIGHTS = 2.2
LABEL_LINE = re.compile(r"^[A-Z][A-Za-z() ]{2,30}:\s")  # "Recommendation(s): ...", "Attachment(s): ..."
AGENDA_HEADING = re.compile(r"^\W*agenda\W*$", re.I)
HEADING_LOOKAHEAD = 15


def _split_ref(text: str) -> tuple[str, str | None]:
    m = PAGE_REF.search(text) or BARE_REF.search(text)
    if m:
        ref = re.sub(r"\s*[-–]\s*", " - ", m.group("ref"))
        return text[: m.start()].strip(), ref
    return text, None


def _next_number_ok(prev: str | None, num: str, heading: bool, after_heading: bool = False) -> bool:
    """Agenda numbers start at 1 and rise; a new session of the agenda may start again at 1."""
    b = re.match(r"\d+", num)
    if not b:
        return False
    pb = int(b.group())
    if prev is None:
        return pb in (0, 1) or (after_heading and heading)  # an agenda extract may start at any item
    a = re.match(r"\d+", prev)
    if not a:
        return False
    pa = int(a.group())
    if pb == 1 and "." not in num and pa >= 2 and heading:
        return True
    return pb == pa or pb == pa + 1 or (pb > pa and pb - pa <= 3)


def _is_heading(text: str, line: Line) -> bool:
    letters = [c for c in text if c.isalpha()]
    return line.bold or (bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8)


def lines_to_agenda_items(pages: Sequence[tuple[int, Sequence[Line]]]) -> list[AgendaItem]:
    """Agenda items from the lines of an agenda part, in order."""
    items: list[AgendaItem] = []
    cur: dict | None = None
    prev_num: str | None = None
    prev_bottom: float | None = None

    def close() -> None:
        nonlocal cur
        if cur is None:
            return
        title, ref = _split_ref(join_lines(cur["title"]))
        desc_text = join_lines(cur["desc"])
        if ref is None and desc_text:
            desc_text, ref = _split_ref(desc_text)
        if title:
            items.append(AgendaItem(cur["num"], title, desc_text or None, ref, cur["page"]))
        cur = None

    start = 0
    for page, lines in pages:
        prev_bottom = None
        if not items and cur is None:
            start = _after_agenda_heading(lines)
        for line in lines[start if not items and cur is None else 0 :]:
            text = line.text.strip()
            m = ITEM.match(text)
            height = line.bottom - line.top or 10.0
            if m and _next_number_ok(prev_num, m["num"], _is_heading(m["title"], line), start > 0) and not PAGE_REF.fullmatch(text):
                close()
                title_words = [w for w in line.words[1:] if not re.fullmatch(r"[\d\-–]+", w.text)]
                bold = bool(title_words) and sum(w.bold for w in title_words) * 2 > len(title_words)
                caps = _is_heading(m["title"], line) and not bold
                cur = {"num": m["num"], "title": [m["title"]], "desc": [], "page": page, "bold": bold, "caps": caps}
                prev_num = m["num"]
            elif cur is not None:
                gap = line.top - prev_bottom if prev_bottom is not None else 0
                last = (cur["desc"] or cur["title"])[-1]
                if SECTION.match(text) or STOP.match(text) or gap > ITEM_GAP_HEIGHTS * height:
                    close()
                elif cur["bold"] and line.bold and not cur["desc"]:
                    cur["title"].append(text)
                elif cur["bold"] or cur["desc"]:
                    cur["desc"].append(text)
                elif PAGE_REF.fullmatch(text):
                    cur["title"].append(text)
                elif LABEL_LINE.match(text) or last.rstrip().endswith(".") or (cur["caps"] and not _is_heading(text, line)):
                    cur["desc"].append(text)
                else:
                    cur["title"].append(text)
            prev_bottom = line.bottom
    close()
    return items


def _after_agenda_heading(lines: Sequence[Line]) -> int:
    """Items are read after an "AGENDA" heading near the top, where there is one."""
    for i, line in enumerate(lines[:HEADING_LOOKAHEAD]):
        if AGENDA_HEADING.match(line.text.strip()):
            return i + 1
    return 0
