"""Agenda items that carry no number: a bulleted list, or bold headings each over its description.

Read only under an "AGENDA" heading and only where the numbered reading found nothing: the items
are the bullets (two or more at one indent) or, failing those, the bold lines at the body's type
size that open a paragraph (two or more). Lines under an item, indented past its bullet or plain
under its bold heading, are its description.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from minutetrail.models import AgendaItem, Line, Word
from minutetrail.parsers.text import join_lines
from minutetrail.parsers.vocab import alternation

BULLET_ITEM = re.compile(r"^(?:[•▪●◦·*\-–—]|\uf0b7)\s+(?P<title>\S.*)$")
SAME_X = 4.0  # points: bullets of one list start within this of each other
MIN_ITEMS = 2
GAP_HEIGHTS = 2.5  # a gap of this many line heights ends the list
SIZE_OVER = 1.5  # points above the body's size: a title, not an item
WRAP_GAP = 0.4  # line heights: a line this close under a title goes on with it
DESCRIPTION_LEAD = re.compile(r"^(?:" + alternation("agenda.description_lead") + r")\s+[a-z]", re.I)  # "To approve ..."
# "Part A - Items to be considered in public", "PART 2 - EXEMPT ITEMS": a section banner over the items, not one of them
REF_WORD = re.compile(r"^\(?(?:pages?|pp\.?|\d{1,4}(?:[-–]\d{1,4})?|[-–])\)?[,.]?$", re.I)  # "Pages 5 - 16" after a title
SECTION_BANNER = re.compile(r"^(?:" + alternation("agenda.sections") + r")\s+(?:\d{1,2}|[A-Z]|[IVX]{1,4})\b", re.I)


def unnumbered_agenda_items(pages: Sequence[tuple[int, Sequence[Line]]]) -> list[AgendaItem]:
    """Items of an agenda that numbers nothing, from the lines after its "AGENDA" heading."""
    lines = [(p, ln) for p, page_lines in pages for ln in page_lines if ln.text.strip()]
    return _bulleted(lines) or _headed(lines)


def _bulleted(lines: Sequence[tuple[int, Line]]) -> list[AgendaItem]:
    marks = [i for i, (_p, ln) in enumerate(lines) if BULLET_ITEM.match(ln.text.strip())]
    if len(marks) < MIN_ITEMS:
        return []
    x = lines[marks[0]][1].x0
    marks = [i for i in marks if abs(lines[i][1].x0 - x) <= SAME_X]
    if len(marks) < MIN_ITEMS:
        return []
    items: list[AgendaItem] = []
    for n, i in enumerate(marks):
        page, line = lines[i]
        title = [BULLET_ITEM.match(line.text.strip())["title"]]  # type: ignore[index]
        desc: list[str] = []
        end = marks[n + 1] if n + 1 < len(marks) else len(lines)
        last = line
        for _p, ln in lines[i + 1 : end]:
            if ln.x0 < x - SAME_X or _gap(last, ln) > GAP_HEIGHTS:
                break  # back at the margin, or set apart: the list is over
            text = ln.text.strip()
            wraps = not desc and _gap(last, ln) <= WRAP_GAP and not DESCRIPTION_LEAD.match(text)
            (title if wraps else desc).append(text)
            last = ln
        items.append(AgendaItem("", join_lines(title), join_lines(desc) or None, None, page))
    return items


def _headed(lines: Sequence[tuple[int, Line]]) -> list[AgendaItem]:
    sizes = sorted(w.size for _p, ln in lines for w in ln.words if w.size)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    heads = [i for i, (_p, ln) in enumerate(lines)
             if _bold_title(ln) and not ln.text.strip().endswith((".", ",", ";", ":"))
             and not (body and max(w.size for w in ln.words) > body + SIZE_OVER)
             and (i == 0 or not _bold_title(lines[i - 1][1]) or _gap(lines[i - 1][1], ln) > 0.4
                  or lines[i - 1][0] != _p)]  # a bold line atop a page opens an item: no title wraps over a page
    if len(heads) < MIN_ITEMS:
        return []
    banners = [i for i in heads if SECTION_BANNER.match(lines[i][1].text.strip())]
    heads = [i for i in heads if i not in banners]
    if len(heads) < MIN_ITEMS:
        return []
    x = lines[heads[0]][1].x0
    heads = [i for i in heads if abs(lines[i][1].x0 - x) <= SAME_X]
    items: list[AgendaItem] = []
    for i in heads:
        page, line = lines[i]
        kept = _title_words(line)
        ref = " - ".join(re.findall(r"\d+", " ".join(w.text for w in line.words[len(kept):]))) or None
        title = [" ".join(w.text for w in kept)]
        desc: list[str] = []
        end = min([j for j in heads + banners if j > i], default=len(lines))
        last = line
        for _p, ln in lines[i + 1 : end]:
            if ln.x0 < x - SAME_X or _gap(last, ln) > GAP_HEIGHTS:
                break
            (title if ln.bold and not desc else desc).append(ln.text.strip())
            last = ln
        items.append(AgendaItem("", join_lines(title), join_lines(desc) or None, ref, page))
    return items


def _title_words(line: Line) -> list[Word]:
    """The line's words before a page reference at its end ("Annual Governance Statement  Pages 5 - 16")."""
    words = list(line.words)
    while len(words) > 1 and REF_WORD.match(words[-1].text):
        words.pop()
    return words


def _bold_title(line: Line) -> bool:
    """A title in bold, its page reference in any type."""
    return line.bold or all(w.bold for w in _title_words(line))


def _gap(above: Line, line: Line) -> float:
    """The space between two lines in line heights (0 where the second is on a new page)."""
    if line.top < above.top:
        return 0.0
    return (line.top - above.bottom) / (line.bottom - line.top or 10.0)
