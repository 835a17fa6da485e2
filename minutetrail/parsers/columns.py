"""Name a table's columns: canonical fields from the whole header cell, else from the cells' content.

One header cell is one column, whatever its words. Its field is the field of the whole phrase
if the vocabulary (``data/headers.json``) knows it, else of its longest known sub-phrase (the
first, on a tie), else of the nearest vocabulary phrase by spelling. A column with a blank or
unknown header is named from what its cells hold: dates, short sequential references, status
words, initials or names, long prose. A column nobody can name is kept, unnamed.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from minutetrail.parsers.dates import find_dates
from minutetrail.parsers.status import parse_rag, parse_status
from minutetrail.models import Line
from minutetrail.parsers.table_header import Column, _norm, best_field, header_vocabulary

FUZZY_HEADER = 86.0  # a misspelt header ("Deadine") still names its column
REF = re.compile(r"^(?:[A-Z]{1,4}[-/]?)?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?[.)]?$")
LOOSE_REF = re.compile(r"^[A-Za-z]{0,6}[-/]?\s?\d{1,4}(?:[./\-]\d{1,4}){0,3}[a-z]?[.)]?$")
INITIALS = re.compile(r"^(?:[A-Z][A-Za-z]?[A-Z]{0,2}|ALL|All)(?:\s*[/,&]\s*[A-Z][A-Za-z]?[A-Z]{0,2})*$")
NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.\-]*|of|and|&|the|for|to|/|,|\([^)]*\)?)$")
NO_OWNER = re.compile(r"^\s*(?:n/?a|tbc|tba|tbd|none|nil|-+|–)\s*$", re.I)
LEAD = re.compile(r"^(?P<head>.+?)\s+[–—-]\s+(?P<lead>[^–—-]+)$|^(?P<head2>.+?)\s*\(?\b(?:lead|owner)s?\s*[:\-–]\s*(?P<lead2>[^)]+)\)?$", re.I)
CONTENT_SHARE = 0.6
MIN_FILLED = 2
OWNER_MAX_WORDS = 6
STATUS_MAX_WORDS = 5
PROSE_MIN_WORDS = 6.0
PROGRESS_STATUS_MAX_WORDS = 4
PROGRESS_STATUS_SHARE = 0.8
PROSE_LINE_WORDS = 3.0  # words a printed line, on average, in a column of running prose (a narrow one wraps short)


def header_field(text: str) -> str | None:
    """The canonical field a header cell names, or None when nothing in it is known."""
    vocab = header_vocabulary()
    key = _norm(text)
    if not key:
        return None
    found = best_field(text)
    if found:
        return found
    best = process.extractOne(key, list(vocab), scorer=fuzz.ratio, score_cutoff=FUZZY_HEADER)
    return vocab[best[0]] if best else None


def _share(cells: Sequence[str], test) -> float:  # type: ignore[no-untyped-def]
    return sum(1 for c in cells if test(c)) / len(cells)


def _is_date(cell: str) -> bool:
    return bool(find_dates(cell)) and len(cell.split()) <= 6


def _is_ref(cell: str) -> bool:
    return bool(REF.match(cell) or LOOSE_REF.match(cell))


def is_status_words(cell: str, max_words: int = STATUS_MAX_WORDS) -> bool:
    """A short cell of status words ("On track", "Complete", "Not started")."""
    return len(cell.split()) <= max_words and (parse_status(cell) is not None or parse_rag(cell) is not None)


def is_owner(cell: str) -> bool:
    """Initials, names or posts: short, capitalised, no digits; "N/A" and "TBC" are no one."""
    if NO_OWNER.match(cell):
        return False
    words = cell.replace(",", " , ").split()
    if not words or len(words) > OWNER_MAX_WORDS or any(ch.isdigit() for ch in cell):
        return False
    if INITIALS.match(cell.strip()):
        return True
    return all(NAME_TOKEN.match(w) for w in words) and words[0][0].isupper()


def _prose(cells: Sequence[str]) -> bool:
    return sum(len(c.split()) for c in cells) / len(cells) >= PROSE_MIN_WORDS


def content_field(cells: Sequence[str], taken: set[str], left_of_text: bool) -> str | None:
    """A field for a column from its non-blank cells, or None. ``taken`` are fields already named."""
    filled = [c.strip() for c in cells if c and c.strip()]
    if len(filled) < MIN_FILLED and not (filled and len(cells) == 1):
        return None
    if _share(filled, _is_date) >= CONTENT_SHARE:
        order = ("meeting_date", "due") if left_of_text else ("due", "meeting_date")
        return next((f for f in order if f not in taken), None)
    if "number" not in taken and left_of_text and _share(filled, _is_ref) >= CONTENT_SHARE:
        return "number"
    if "status" not in taken and _share(filled, is_status_words) >= CONTENT_SHARE:
        return "status"
    if "owner" not in taken and not left_of_text and _share(filled, is_owner) >= CONTENT_SHARE:
        return "owner"
    if _prose(filled):  # prose left of the action (a finding, a background) is not its progress
        return next((f for f in ("text",) + (() if left_of_text else ("progress",)) if f not in taken), None)
    return None


def progress_holds_status(cells: Sequence[str]) -> bool:
    """A progress column that prints status words ("On track", "Complete") rather than prose."""
    filled = [c.strip() for c in cells if c and c.strip()]
    return len(filled) >= MIN_FILLED and _share(filled, lambda c: is_status_words(c, PROGRESS_STATUS_MAX_WORDS)) >= PROGRESS_STATUS_SHARE



def heading_lead(heading: str) -> tuple[str, str | None]:
    """A group heading and the lead it names ("Open data licensing – GS/JT"), if it names one."""
    m = LEAD.match(heading)
    if m:
        head = m.group("head") or m.group("head2")
        lead = (m.group("lead") or m.group("lead2") or "").strip(" .:;")
        if lead and is_owner(lead):
            return head.strip(), lead
    return heading, None


__all__ = ["heading_lead", "header_field", "content_field", "progress_holds_status", "is_status_words", "is_owner"]


def text_column_by_content(columns: Sequence[Column], lines: Sequence[Line]) -> list[Column]:
    """A header that names no action-text column ("Particulars"): its unnamed column of running prose (a few
    words a printed line, the most words in all, over the body ``lines``) is the action text."""
    out = list(columns)
    if any(c.field == "text" for c in out):
        return out
    per_line: dict[int, list[int]] = {}
    for line in lines:
        counts: dict[int, int] = {}
        for w in line.words:
            i = max((k for k, c in enumerate(out) if w.x0 + 1.0 >= c.left), default=0)
            counts[i] = counts.get(i, 0) + 1
        for i, n in counts.items():
            per_line.setdefault(i, []).append(n)
    prose = [(sum(v), i) for i, v in per_line.items() if out[i].field is None and len(v) >= MIN_FILLED and sum(v) / len(v) >= PROSE_LINE_WORDS]
    if not prose:
        return out
    i = max(prose)[1]  # the wordiest
    out[i] = Column("text", out[i].label, out[i].left, out[i].x0, out[i].x1)
    return out
