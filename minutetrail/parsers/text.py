"""Words to lines, text normalisation and page furniture."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from operator import attrgetter

from minutetrail.models import Line, PageData, Word

LINE_OVERLAP = 0.5  # fraction of the smaller word height two words must share to be one line
# bare page numbers are furniture only in the top or bottom band of a page (a table cell may hold "2026")
MARGIN_FURNITURE = (re.compile(r"^\d{1,4}$"), re.compile(r"^-\s*\d{1,4}\s*-$"))
FURNITURE_PATTERNS = (
    re.compile(r"^page\s+\d+(\s+of\s+\d+)?$", re.I),
    re.compile(r"^agenda\s+item\s+\d+[a-z]?$", re.I),
    re.compile(r"^this page is intentionally (left )?blank\.?$", re.I),
    re.compile(r"^page intentionally left blank\.?$", re.I),
)
RUNNING_MIN_PAGES = 3
RUNNING_PAIR = 2  # a two-page paper: a line in its margin band on both pages, at one height, is running
RUNNING_SHARE = 0.5
MARGIN_BAND = 0.12
RUNNING_MAX_WORDS = 12  # table rows at the foot of pages are not running feet
TABLE_HEAD_GROUPS = 4  # a head line set in this many spaced groups is a table's repeated header, not furniture
TABLE_HEAD_GAP = 1.2  # type sizes between two words that starts a new group
RUNNING_SLOT = 4.0  # points: a running line sits at the same height on every page  # top/bottom fraction of a page where running heads and feet live
LIST_MARKER = re.compile(r"^\s*(?:[-•▪●◦·*]|\(?[a-z]\)|\(?[ivx]+\))\s+", re.I)
HTML_TAG = re.compile(r"<[^>]+>")
HYPHEN_END = re.compile(r"(\w)-$")
_TOP_LEFT = attrgetter("top", "x0")
_LEFT = attrgetter("x0")


def words_to_lines(words: Iterable[Word]) -> list[Line]:
    """Group words into visual lines, top to bottom, each left to right."""
    rows: list[list[Word]] = []
    refs: list[tuple[float, float, float]] = []  # each row's first word: top, bottom, height
    for word in sorted(words, key=_TOP_LEFT):
        top, bottom = word.top, word.bottom
        own = bottom - top
        n = len(rows)
        for k in range(n - 1, max(n - 4, -1), -1):  # the last three rows, nearest first
            rtop, rbottom, rheight = refs[k]
            overlap = (rbottom if rbottom < bottom else bottom) - (rtop if rtop > top else top)
            height = (rheight if rheight < own else own) or 1.0
            if overlap / height >= LINE_OVERLAP:
                rows[k].append(word)
                break
        else:
            rows.append([word])
            refs.append((top, bottom, own))
    return [Line(_join_small_caps(sorted(r, key=_LEFT))) for r in rows]


SMALL_CAPS_GAP = 0.5  # points


def _join_small_caps(words: list[Word]) -> tuple[Word, ...]:
    """"A" + "GENDA" set in small capitals (a larger first letter touching the rest) is one word."""
    out: list[Word] = []
    for w in words:
        prev = out[-1] if out else None
        if (prev is not None and len(prev.text) == 1 and prev.text.isupper() and w.text[:1].isupper()
                and 0 < w.size < prev.size and w.x0 - prev.x1 <= SMALL_CAPS_GAP):
            out[-1] = Word(prev.text + w.text, prev.x0, min(prev.top, w.top), w.x1, max(prev.bottom, w.bottom),
                           prev.bold and w.bold, prev.size)
        else:
            out.append(w)
    return tuple(out)


def collapse(text: str) -> str:
    """Whitespace runs to one space, HTML tags removed, trimmed."""
    return re.sub(r"\s+", " ", HTML_TAG.sub("", text)).strip()


def join_lines(parts: Sequence[str]) -> str:
    """Join wrapped lines of one cell or paragraph, rejoining words hyphenated at a line end."""
    out: list[str] = []
    for raw in parts:
        part = raw.strip()
        if not part:
            continue
        if out and HYPHEN_END.search(out[-1]):
            if part[:1].islower():
                out[-1] = out[-1][:-1] + part
                continue
            if part[:1].isupper() or part[:1].isdigit():
                out[-1] = out[-1] + part  # a compound broken at its hyphen: "Double-" + "Barrelled"
                continue
        out.append(part)
    return collapse(" ".join(out))


def strip_marker(text: str) -> str:
    return LIST_MARKER.sub("", text, count=1).strip()


def is_furniture(text: str) -> bool:
    t = text.strip()
    return any(p.match(t) for p in FURNITURE_PATTERNS)


def _margin_key(line: Line, page: PageData) -> str | None:
    """A running head or foot candidate: short, in the top or bottom band, keyed by text, place and type."""
    if line.top > page.height * MARGIN_BAND and line.bottom < page.height * (1 - MARGIN_BAND):
        return None
    if len(line.words) > RUNNING_MAX_WORDS:
        return None
    size = round(line_size(line))  # a running head repeats in the same type
    return f"{round(line.top / RUNNING_SLOT)}|{size}|{line.bold}|" + re.sub(r"\d+", "#", line.text.strip().lower())


def running_lines(pages: Sequence[PageData], lines_by_page: Sequence[Sequence[Line]]) -> set[str]:
    """Header and footer texts repeated (digits aside) on many pages, or on both pages of a two-page paper."""
    if len(pages) < RUNNING_PAIR:
        return set()
    counts: Counter[str] = Counter()
    for page, lines in zip(pages, lines_by_page):
        keys = {k for k in (_margin_key(line, page) for line in lines) if k}
        counts.update(keys)
    threshold = max(RUNNING_MIN_PAGES, int(len(pages) * RUNNING_SHARE)) if len(pages) >= RUNNING_MIN_PAGES else len(pages)
    return {k for k, n in counts.items() if n >= threshold and len(k) > 3}


WATERMARK_SIZE = 4.0  # a glyph this many times the page's usual size is a watermark ("DRAFT" across the page)


def _without_watermark(words: Sequence[Word]) -> list[Word]:
    sizes = sorted(w.size for w in words if w.size > 0)
    if not sizes:
        return list(words)
    usual = sizes[len(sizes) // 2]
    return [w for w in words if not (w.size > WATERMARK_SIZE * usual and len(w.text) <= 2)]


def _is_table_head(line: Line, page: PageData) -> bool:
    """A line at the page head spread in several spaced groups: a table header repeated on every page."""
    if line.top > page.height * MARGIN_BAND:
        return False
    words = sorted(line.words, key=_LEFT)
    groups = 1 + sum(1 for a, b in zip(words, words[1:]) if b.x0 - a.x1 > TABLE_HEAD_GAP * max(a.size, b.size, 1.0))
    return groups >= TABLE_HEAD_GROUPS


def content_lines(pages: Sequence[PageData]) -> list[list[Line]]:
    """Each page's lines with page stamps, blank-page notices, watermarks and running heads removed."""
    all_lines = [words_to_lines(_without_watermark(p.words)) for p in pages]
    running = running_lines(pages, all_lines)
    out = []
    for page, lines in zip(pages, all_lines):
        kept = []
        in_table_head = False  # a repeated table header and its wrapped lines below it stay
        for line in lines:
            if is_furniture(line.text):
                continue
            in_margin = line.top <= page.height * MARGIN_BAND or line.bottom >= page.height * (1 - MARGIN_BAND)
            if in_margin and any(p.match(line.text.strip()) for p in MARGIN_FURNITURE):
                continue
            key = _margin_key(line, page)
            in_table_head = in_table_head or bool(key and key in running and _is_table_head(line, page))
            if key and key in running and not (in_table_head and line.top <= page.height * MARGIN_BAND):
                continue
            kept.append(line)
        out.append(kept)
    return out


def line_size(line: Line) -> float:
    """The largest type on a line (a heading's size, whatever smaller words sit on it)."""
    return max((w.size for w in line.words), default=0.0)


def usual_size(line: Line) -> float:
    """The median type size of a line's sized words (a line's body type, a stray symbol apart)."""
    sizes = sorted(w.size for w in line.words if w.size)
    return sizes[len(sizes) // 2] if sizes else 0.0
