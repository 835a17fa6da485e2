"""Page references printed with agenda items: "(Pages 5 - 12)" after the title, a range set apart at the right of
the first line, or dot leaders running to the page in a contents-style list."""
from __future__ import annotations

import re

from minutetrail.models import Line

REF_TEXT = re.compile(r"^\(?\s*(?:pages?\s+)?\d{1,4}(?:\s*[-–]\s*\d{1,4})?\s*\)?$", re.I)
REF_GAP = 0.6  # font sizes: a page range set apart at the right of an item's first line
PAGE_REF = re.compile(r"\(?\s*pages?\s+(?P<ref>\d+\s*[-–]\s*\d+|\d+)\s*\)?\s*$", re.I)
OPEN_RANGE = re.compile(r"\(?pages?\s+\d{1,4}\s*[-–]$", re.I)  # a page range broken at the end of a line
BARE_REF = re.compile(r"\s(?P<ref>\d{1,4}\s*-\s*\d{1,4})$")
LEADER_REF = re.compile(r"\s*(?:\.\s?){3,}\s*(?P<ref>\d{1,4})?$")  # a contents line: dot leaders run to the page number


def _years(ref: str) -> bool:
    return all(1900 <= int(n) <= 2100 for n in re.findall(r"\d+", ref))


def split_ref(text: str) -> tuple[str, str | None]:
    """(title, page reference) of an item's text: "(Pages 5 - 12)", "5 - 12", or dot leaders to "5"."""
    if m := LEADER_REF.search(text):
        return text[: m.start()].strip(), m.group("ref")
    m = PAGE_REF.search(text) or BARE_REF.search(text)
    if m and not (m.re is BARE_REF and _years(m.group("ref"))):  # "Plan 2019-2023" is a title
        ref = re.sub(r"\s*[-–]\s*", " - ", m.group("ref"))
        return text[: m.start()].strip(), ref
    return text, None


def first_line_ref(line: Line) -> tuple[str, str] | None:
    """(as printed, normalised) page range set apart at the right end of a line, if any."""
    words = line.words
    for n in (1, 2, 3, 4):
        if len(words) <= n + 1:
            break
        text = " ".join(w.text for w in words[-n:])
        if (REF_TEXT.match(text) and words[-n].x0 - words[-n - 1].x1 > REF_GAP * (words[-n].size or 10.0)
                and (re.search(r"page", text, re.I) or not _years(text))):
            digits = re.findall(r"\d+", text)
            return text, " - ".join(digits)
    return None
