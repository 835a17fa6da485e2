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


def _split_ref(text: str) -> tuple[str, str | None]:
    m = PAGE_REF.search(text) or BARE_REF.search(text)
    if m:
        ref = re.sub(r"\s*[-–]\s*", " - ", m.group("ref"))
        return text[: m.start()].strip(), ref
    return text, None


def _next_number_ok(prev: str | None, num: str) -> bool:
    if prev is None:
        return num.startswith("1") or num[0].isdigit()
    a = re.match(r"\d+", prev)
    b = re.match(r"\d+", num)
    if not a or not b:
        return False
    pa, pb = int(a.group()), int(b.group())
    return pb == pa or pb == pa + 1 or (pb > pa and pb - pa <= 3)


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

    for page, lines in pages:
        prev_bottom = None
        for line in lines:
            text = line.text.strip()
            m = ITEM.match(text)
            height = line.bottom - line.top or 10.0
            if m and _next_number_ok(prev_num, m["num"]) and not PAGE_REF.fullmatch(text):
                close()
                cur = {"num": m["num"], "title": [m["title"]], "desc": [], "page": page, "bold": line.words[-1].bold}
                prev_num = m["num"]
            elif cur is not None:
                gap = line.top - prev_bottom if prev_bottom is not None else 0
                if SECTION.match(text) or STOP.match(text) or gap > ITEM_GAP_HEIGHTS * height:
                    close()
                elif cur["bold"] and line.bold and not cur["desc"]:
                    cur["title"].append(text)
                elif cur["bold"] or cur["desc"]:
                    cur["desc"].append(text)
                elif PAGE_REF.fullmatch(text):
                    cur["title"].append(text)
                else:
                    cur["title"].append(text)
            prev_bottom = line.bottom
    close()
    return items
