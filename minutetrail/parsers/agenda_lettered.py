"""Agendas whose items are lettered "A.", "B.", "C." (or "a.", "b.", or roman "I.", "II.") with no numbers under them.

Elsewhere a capital letter or a roman numeral opens a section over numbered items ("B. Consent items" over
"1."), so the numbered reading takes them for sections, and "a." is read as nothing. Where it finds no item at
all, a run of consecutive markers of one kind from the first (A, a or I) at one left edge, not indented under
numbered lines, is the items' own numbering: each marker is set as its place in the run, the lines are read as
a numbered agenda, and every item gets its marker back.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from minutetrail.models import AgendaItem, Line, Word
from minutetrail.parsers.numerals import roman_value

MARK = re.compile(r"^(?P<mark>[A-Za-z]{1,6})(?:[.)]$|\.(?=[A-Z][A-Za-z]))")  # "A.", "a.", "IV." or, glued to its title, "M.Tree"
ARABIC = re.compile(r"^\d{1,3}[.)]?$")  # a numbered line's number: letters indented under it are its sub-items
KINDS = ("upper", "lower", "roman")
SAME_X = 2.0  # points: the markers of one run start at one edge
MIN_RUN = 3  # marked lines in sequence that make a run

Pages = Sequence[tuple[int, Sequence[Line]]]


def _place(kind: str, mark: str) -> int | None:
    """A marker's place in its sequence: "C" 3 (upper), "bb" 28 (lower, doubled after z), "IV" 4 (roman)."""
    if kind == "upper":
        return ord(mark) - ord("A") + 1 if len(mark) == 1 and mark.isupper() else None
    if kind == "lower":
        return (len(mark) - 1) * 26 + ord(mark[0]) - ord("a") + 1 if mark.islower() and len(set(mark)) == 1 else None
    return roman_value(mark)


def _marker(line: Line) -> str | None:
    """The letter or numeral opening this line, then a title starting with a capital or digit, or None."""
    words = line.words
    m = MARK.match(words[0].text) if words else None
    if m and len(words[0].text) > len(m["mark"]) + 1:
        return m["mark"] if len(m["mark"]) == 1 and m["mark"].isupper() else None  # glued to its title: "C.TREE"
    return m["mark"] if m and len(words) > 1 and (words[1].text[:1].isupper() or words[1].text[:1].isdigit()) else None


def _run(pages: Pages, kind: str) -> list[Line]:
    """The longest run of markers of one kind (1, 2, 3 ...) at one left edge, not under numbered lines."""
    best: list[Line] = []
    heads = [ln for _p, lines in pages for ln in lines if (mk := _marker(ln)) and _place(kind, mk)]
    numbers = [ln.x0 for _p, lines in pages for ln in lines if ln.words and ARABIC.match(ln.words[0].text)]
    for start in (ln for ln in heads if _place(kind, _marker(ln) or "") == 1):
        if any(x < start.x0 - SAME_X for x in numbers):
            continue
        run = [start]
        for ln in heads[heads.index(start) + 1 :]:
            if abs(ln.x0 - start.x0) <= SAME_X and _place(kind, _marker(ln) or "") == (_place(kind, _marker(run[-1]) or "") or 0) + 1:
                run.append(ln)
        best = max(best, run, key=len)
    return best if len(best) >= MIN_RUN else []


def _renumbered(first: Word, mark: str, place: int) -> tuple[Word, ...]:
    """The marker as its place ("C." -> "3."); a title glued to the marker becomes a word of its own."""
    if len(first.text) <= len(mark) + 1:
        return (replace(first, text=f"{place}."),)
    cut = first.x0 + (first.x1 - first.x0) * (len(mark) + 1) / len(first.text)
    return replace(first, text=f"{place}.", x1=cut), replace(first, text=first.text[len(mark) + 1 :], x0=cut)


def lettered_agenda_items(pages: Pages, read: Callable[[Pages], list[AgendaItem]]) -> list[AgendaItem]:
    """Items of an agenda lettered A., B., C. or a., b., c. or numbered I., II., III. (``read``: the numbered
    reading), or [] when it has no such run."""
    runs = {kind: _run(pages, kind) for kind in KINDS}
    kind = max(KINDS, key=lambda k: len(runs[k]))
    run = {id(ln) for ln in runs[kind]}
    if not run:
        return []
    marks: dict[str, str] = {}
    renumbered = []
    for page, lines in pages:
        out = []
        for ln in lines:
            if id(ln) in run:
                mark = _marker(ln) or ""
                place = _place(kind, mark) or 0
                marks[str(place)] = mark
                ln = Line(_renumbered(ln.words[0], mark, place) + tuple(ln.words[1:]))
            out.append(ln)
        renumbered.append((page, out))
    items = read(renumbered)
    return [replace(i, number=marks[m[1]] + m[2]) if (m := re.match(r"^(\d+)(.*)$", i.number)) and m[1] in marks else i
            for i in items]
