"""Agendas whose items are lettered "A.", "B.", "C." with no numbers under them.

Elsewhere a capital letter opens a section over numbered items ("B. Consent items" over "1."), so the
numbered reading takes letters for sections. Where it finds no item at all, a run of consecutive capital
letters from "A" at one left edge is the items' own numbering: each letter is set as its place in the
run, the lines are read as a numbered agenda, and every item gets its letter back.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from minutetrail.models import AgendaItem, Line, Word

LETTER = re.compile(r"^(?P<letter>[A-Z])(?:[.)]$|\.(?=[A-Z][A-Za-z]))")  # "A." or, glued to its title, "M.Tree", "C.TREE"
SAME_X = 2.0  # points: the letters of one run start at one edge
MIN_RUN = 3  # lettered lines in sequence that make a run

Pages = Sequence[tuple[int, Sequence[Line]]]


def _lettered(line: Line) -> str | None:
    """The capital letter opening this line ("A." then a title starting with a capital or digit), or None."""
    words = line.words
    m = LETTER.match(words[0].text) if words else None
    if m and len(words[0].text) > 2:
        return m["letter"]  # glued to its title
    return m["letter"] if m and len(words) > 1 and (words[1].text[:1].isupper() or words[1].text[:1].isdigit()) else None


def _run(pages: Pages) -> set[int]:
    """id() of the lines of the longest run of letters A, B, C ... at one left edge."""
    best: list[Line] = []
    heads = [ln for _p, lines in pages for ln in lines if _lettered(ln)]
    for start in (ln for ln in heads if _lettered(ln) == "A"):
        run = [start]
        for ln in heads[heads.index(start) + 1 :]:
            if abs(ln.x0 - start.x0) <= SAME_X and ord(_lettered(ln) or "A") == ord(_lettered(run[-1]) or "A") + 1:
                run.append(ln)
        best = max(best, run, key=len)
    return {id(ln) for ln in best} if len(best) >= MIN_RUN else set()


def _renumbered(first: Word, place: str) -> tuple[Word, ...]:
    """The letter as its place ("C." -> "3."); a title glued to the letter becomes a word of its own."""
    if len(first.text) <= 2:
        return (replace(first, text=f"{place}."),)
    cut = first.x0 + (first.x1 - first.x0) * 2 / len(first.text)
    return replace(first, text=f"{place}.", x1=cut), replace(first, text=first.text[2:], x0=cut)


def lettered_agenda_items(pages: Pages, read: Callable[[Pages], list[AgendaItem]]) -> list[AgendaItem]:
    """Items of an agenda lettered A., B., C. (``read``: the numbered reading), or [] when it has no such run."""
    run = _run(pages)
    if not run:
        return []
    letters: dict[str, str] = {}
    renumbered = []
    for page, lines in pages:
        out = []
        for ln in lines:
            if id(ln) in run:
                letter = _lettered(ln) or ""
                place = str(ord(letter) - ord("A") + 1)
                letters[place] = letter
                ln = Line(_renumbered(ln.words[0], place) + tuple(ln.words[1:]))
            out.append(ln)
        renumbered.append((page, out))
    items = read(renumbered)
    return [replace(i, number=letters[m[1]] + m[2]) if (m := re.match(r"^(\d+)(.*)$", i.number)) and m[1] in letters else i
            for i in items]
