"""Minute item headings from typography and numbering: the number read as an outline (1, 1-1, 5.1,
"Item N"), a heading told by weight, shortness and the space around it, titles wrapped onto a
second line, "(Item N)" reference lines (ModernGov), resolution numbers ("R2024-214")."""
from __future__ import annotations

import re
from collections.abc import Sequence

from minutetrail.models import Line, Rule
from minutetrail.parsers.decisions import TRIGGER, outcome_line
from minutetrail.parsers.numerals import roman_value
from minutetrail.parsers.vocab import mapping

PARA_GAP = 0.55  # extra space, in line heights, that opens a new paragraph
SHORT_LINE = 0.7  # a line ending before this share of the text width ends its paragraph
ITEM_HEAD = re.compile(
    r"^(?:(?i:minute|item)\s+(?:(?i:no)\.?\s*)?)?[#(]?"
    r"(?P<num>\d{1,4}/\d{2,4}|[A-Z]{1,6}/\d{1,4}/\d{2,4}|\d{1,4}(?:\.\d{1,3}){0,2}|\d{1,2}(?:-\d{1,2}){1,3}"
    r"|[IVXL]{1,7}(?=[.)]))(?:[.:)-]|\s+[–:-])?\s+"
    r"(?P<title>[A-Z0-9\"'‘«(ÀÂÉÈÊÎÔÙÛÇ].{0,160})$"
)
ITEM_REF_LINE = re.compile(r"^\(item\s+(?P<num>\d+[a-z]?)\)$", re.I)
RES_NUMBER = re.compile(r"^(?P<num>R\d{4}-\d{1,4})\b")
UNDERLINE_GAP = 4.0  # points between a line's bottom and the rule under it
UNDERLINE_THICK = 2.0
UNDERLINE_SHARE = 0.6  # the rule runs under this share of the line at least
UNDERLINE_SPAN = 1.6  # ... and is not a full-width rule far longer than the line (a table border)
HEADING_MAX_WORDS = 18
YEAR_FLOOR = 1900  # the year half of "2024/07"
LABEL_HEAD_WORDS = 5  # a numbered heading ending in a colon has at most this many words
HEADING_SIZE_OVER = 1.5  # points above the body size: a title, not an item heading
MAX_TITLE_LINES = 3
FULL_LINE = 0.85  # a line reaching this share of the widest line runs on: not a heading


def _numbered_in_roman(texts: Sequence[str]) -> bool:
    """Items numbered in roman capitals: a list past its first item prints "II." (one lettered A., B., C.
    prints I, V and X as letters, never II)."""
    return any((m := ITEM_HEAD.match(t)) is not None and m["num"] == "II" for t in texts)


def _num_key(num: str) -> tuple[int, ...]:
    """A minute number as an outline key: "5.1" (5, 1); "1.0" is (1,), the top level printed with a
    zero; a number with its year ("25/24", "123/2024", "2024/07") is keyed year first, also after a
    committee's code ("ETC/45/24"); roman "IV" is (4,)."""
    roman = roman_value(num)
    if roman is not None:
        return (roman,)
    num = re.sub(r"^[A-Z]+/", "", num)
    if "/" in num:
        a, b = (int(p) for p in num.split("/"))
        return (a, b) if a >= YEAR_FLOOR else (b, a)
    key = tuple(int(p) for p in re.findall(r"\d+", num))
    return key[:-1] if len(key) == 2 and key[-1] == 0 and "." in num else key


def _is_next_item(prev: str | None, num: str, title: str) -> bool:
    if re.match(r"^[A-Z]\d{4}-", num):
        return False
    if len(title.split()) > 22 or title.rstrip().endswith(","):
        return False
    first = title.split()[0].lower().strip(",.") if title.split() else ""
    if first in mapping("months"):
        return False  # "22 March 2022 at 2.30 pm": a heading's date wrapped onto its own line, not item 22
    if prev is None:
        return True
    a, b = _num_key(prev), _num_key(num)
    if len(a) == len(b):
        return a < b <= a[:-1] + (a[-1] + 12,)
    if len(b) == len(a) + 1:  # the first sub-item: "1" then "1-1", "5.1" then "5.1.1"
        return b[:-1] == a and 1 <= b[-1] <= 3 and ("-" in num or "-" not in prev)
    # back up the outline: "1-1-2" then "1-2" or "2"
    depth = len(b)
    return b[:-1] == a[: depth - 1] and a[depth - 1] < b[-1] <= a[depth - 1] + 12 and (depth == 1 or ("-" in num) == ("-" in prev))


def underlined_lines(lines: Sequence[Line], rules: Sequence[Rule]) -> set[int]:
    """id() of each line with a horizontal rule drawn just under most of its width (an underlined heading)."""
    out: set[int] = set()
    flat = [r for r in rules if not r.vertical and r.bottom - r.top <= UNDERLINE_THICK]
    for line in lines:
        width = line.x1 - line.x0
        for r in flat:
            below = r.top - line.bottom
            overlap = min(r.x1, line.x1) - max(r.x0, line.x0)
            if -UNDERLINE_GAP <= below <= UNDERLINE_GAP and width > 0 and overlap >= UNDERLINE_SHARE * width \
                    and (r.x1 - r.x0) <= UNDERLINE_SPAN * width:
                out.add(id(line))
                break
    return out


def _heading_like(line: Line, title: str, right: float, next_text: str, underlined: bool = False) -> bool:
    if line.bold or underlined:
        return True
    if len(title.split()) > HEADING_MAX_WORDS or title.rstrip().endswith((".", ",", ";")) or TRIGGER.match(title):
        return False
    if title.rstrip().endswith(":") and len(title.split()) > LABEL_HEAD_WORDS:
        return False  # a sentence leading into a list; a short "Title :" is a heading
    return line.x1 < FULL_LINE * right


def _gap_above(all_lines: Sequence[tuple[int, Line]], idx: int) -> bool:
    if idx == 0 or all_lines[idx - 1][0] != all_lines[idx][0]:
        return True
    above, line = all_lines[idx - 1][1], all_lines[idx][1]
    return line.top - above.bottom > PARA_GAP * (line.bottom - line.top or 10.0)


def _unseen_heading(line: Line, num: str, title: str, prev: str | None, seen: set[str]) -> bool:
    """A minute number printed out of order: bold, short, not seen yet, at the depth and near the number before."""
    if prev is None or num in seen or not line.bold or len(title.split()) > 12 or title.rstrip().endswith((".", ",")):
        return False
    a, b = _num_key(prev), _num_key(num)
    return len(a) == len(b) and a[:-1] == b[:-1] and abs(b[-1] - a[-1]) <= 12


def _title_runs_on(line: Line, below: tuple[int, Line], title: str, right: float) -> bool:
    """The next line goes on with this heading: both in capitals, or both bold where this one reached the margin."""
    nxt = below[1]
    text = nxt.text.strip()
    if ITEM_HEAD.match(text) or nxt.top - line.bottom > PARA_GAP * (line.bottom - line.top or 10.0) or nxt.top < line.top:
        return False
    letters = re.sub(r"[^A-Za-z]", "", title)
    nxt_letters = re.sub(r"[^A-Za-z]", "", text)
    caps = len(letters) >= 4 and letters.isupper() and len(nxt_letters) >= 2 and nxt_letters.isupper()
    wrapped_bold = line.bold and nxt.bold and line.x1 > SHORT_LINE * right and len(text.split()) <= HEADING_MAX_WORDS
    return (caps and line.bold == nxt.bold) or wrapped_bold


def item_headings(all_lines: Sequence[tuple[int, Line]], underlined: set[int] | None = None) -> dict[int, tuple[str, str, set[int]]]:
    """Line index -> (number, title, lines used) of each minute item heading.

    A heading is a numbered line that reads as a heading (bold, or short and not running on),
    in rising order; or any line followed by "(Item N)", as ModernGov prints; or a resolution
    number ("R2024-214").
    """
    heads: dict[int, tuple[str, str, set[int]]] = {}
    right = max((ln.x1 for _p, ln in all_lines), default=0.0)
    texts = [ln.text.strip() for _p, ln in all_lines]
    prev_num: str | None = None
    seen: set[str] = set()
    roman = _numbered_in_roman(texts)
    for idx, (_page, line) in enumerate(all_lines):
        text = texts[idx]
        nxt = texts[idx + 1] if idx + 1 < len(texts) else ""
        after = texts[idx + 2] if idx + 2 < len(texts) else ""
        ref = ITEM_REF_LINE.match(nxt) or None
        two_line = None if ref or ITEM_HEAD.match(nxt) else ITEM_REF_LINE.match(after)
        if two_line and (not _gap_above(all_lines, idx) or _gap_above(all_lines, idx + 1)
                         or text.rstrip().endswith(".") or TRIGGER.search(text)):
            two_line = None  # the line under this one is the heading; this one ends the paragraph above
        r = RES_NUMBER.match(text)
        if r:
            heads[idx] = (r["num"], "", set())
            continue
        m = ITEM_HEAD.match(text)
        if m and not roman and roman_value(m["num"]) is not None:
            m = None  # "I." or "V." in a run lettered A., B., C.: a letter, not a roman number
        in_order = bool(m) and _is_next_item(prev_num, m["num"], m["title"])  # type: ignore[index]
        out_of_order = bool(m) and not in_order and _unseen_heading(line, m["num"], m["title"], prev_num, seen)  # type: ignore[index]
        if m and (in_order or out_of_order) and (ref or two_line or _heading_like(line, m["title"], right, nxt, id(line) in (underlined or set()))):
            title = m["title"].strip().removesuffix(":").rstrip()  # "Questions :" is headed "Questions"
            used: set[int] = set()
            if two_line:
                title, used = f"{title} {nxt}", {idx + 1}
            else:
                below, last = idx + 1, line
                while below < len(all_lines) and below - idx <= MAX_TITLE_LINES and _title_runs_on(last, all_lines[below], title, right):
                    title = f"{title} {texts[below]}"  # a heading wrapped onto further lines
                    used.add(below)
                    last, below = all_lines[below][1], below + 1
                if used and below < len(all_lines) and ITEM_REF_LINE.match(texts[below]):
                    used.add(below)  # its "(Item N)" reference line
            heads[idx] = (m["num"], title, used)
            seen.add(m["num"])
            if in_order:
                prev_num = m["num"]
        elif (ref or two_line) and not ITEM_REF_LINE.match(text) and len(text.split()) <= HEADING_MAX_WORDS + 4 \
                and not text.rstrip().endswith((".", ":", ",")):
            num = (ref or two_line)["num"]  # type: ignore[index]
            heads[idx] = (num, f"{text} {nxt}" if two_line else text, {idx + 1} if two_line else set())
    return heads


BULLET_START = re.compile(r"^[•·▪◦‣\-–*]\s")
LINK_TEXT = re.compile(r"://|\bwww\.|\S@\S|\S/$|\w(?:-\w+){3,}")  # a web or mail address (printed underlined)


def unnumbered_headings(all_lines: Sequence[tuple[int, Line]], underlined: set[int] | None = None) -> dict[int, tuple[str, str, set[int]]]:
    """Line index -> ("", title, lines used) of each heading of minutes that number nothing.

    A heading is a run of one to three bold (or underlined) lines opening a paragraph at the body's
    type size, short and not ending a sentence, followed by plain text: the heading over the notes
    on one item. A longer run of bold lines (a title block) gives none; neither does an underlined
    web address.
    """
    heads: dict[int, tuple[str, str, set[int]]] = {}
    sizes = sorted(w.size for _p, ln in all_lines for w in ln.words if w.size)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    marked = underlined or set()
    texts = [ln.text.strip() for _p, ln in all_lines]

    def strong(i: int) -> bool:  # bold or underlined, and not a motion's outcome set in bold ("CARRIED")
        line = all_lines[i][1]
        return bool(texts[i]) and (line.bold or (id(line) in marked and not LINK_TEXT.search(texts[i]))) \
            and not outcome_line().match(texts[i])

    def under(i: int) -> bool:  # line i sits under the line above it, not beside it (as a margin's "Action" header)
        above, line = all_lines[i - 1][1], all_lines[i][1]
        return above.x0 < line.x1 and line.x0 < above.x1

    def wraps(i: int) -> bool:  # line i goes on with the bold line above it
        return strong(i) and strong(i - 1) and under(i) and (not _gap_above(all_lines, i) or _same_block(all_lines, i))

    for idx in range(len(all_lines)):
        spaced = _gap_above(all_lines, idx) or not under(idx)
        if not strong(idx) or not spaced or (idx > 0 and wraps(idx)):
            continue
        run = idx + 1
        while run < len(all_lines) and run - idx <= MAX_TITLE_LINES and wraps(run):
            run += 1
        if run - idx > MAX_TITLE_LINES or run >= len(all_lines) or strong(run):
            continue  # a title block, or bold over bold, or bold to the end
        title = " ".join(texts[idx:run])
        if any(ITEM_HEAD.match(t) or BULLET_START.match(t) or t.endswith((".", ",", ";", ":")) for t in texts[idx:run]):
            continue
        if len(title.split()) > HEADING_MAX_WORDS or TRIGGER.match(title):
            continue
        if body and max(w.size for k in range(idx, run) for w in all_lines[k][1].words) > body + HEADING_SIZE_OVER:
            continue
        heads[idx] = ("", title, set(range(idx + 1, run)))
    return heads


def _same_block(all_lines: Sequence[tuple[int, Line]], idx: int) -> bool:
    """This line sits at the line pitch under the one above, at the same indent (a wrapped heading)."""
    if all_lines[idx - 1][0] != all_lines[idx][0]:
        return False
    above, line = all_lines[idx - 1][1], all_lines[idx][1]
    height = line.bottom - line.top or 10.0
    return abs(line.x0 - above.x0) < height and line.top - above.bottom < 1.2 * height
