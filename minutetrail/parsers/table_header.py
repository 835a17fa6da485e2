"""Table headers: words matched to canonical fields by vocabulary (``data/headers.json``), as columns.

A header may run over two lines ("Action" over "Number"); words a word space apart form one
phrase ("Progress Update"); vertical rules, where the table is ruled, separate the cells.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from minutetrail.models import Line, Rule

MIN_HEADER_FIELDS = 3
MIN_KNOWN_SHARE = 0.6
HEADER_STACK_GAP = 1.3  # lines of a two-line header are at most this many heights apart
LEADING_SLACK = 0.3  # heights: a header's lines are evenly spaced, a line further down is not one of them
CROSS_MARGIN = 2.0  # points a word must run past the start of a header cell to cross into it
CELL_GAP = 0.8  # type sizes between two header words that part two header cells
PHRASE_GAP = 0.55  # header words closer than this many font sizes belong to one phrase
BOUNDARY_PAD = 2.0


@cache
def header_vocabulary() -> dict[str, str]:
    """Header phrase (lower case) -> canonical field."""
    raw = json.loads(resources.files("minutetrail.parsers").joinpath("data/headers.json").read_text("utf-8"))
    vocab: dict[str, str] = {}
    for fld, phrases in raw.items():
        if fld.startswith("_"):
            continue
        for phrase in phrases:
            vocab.setdefault(_norm(phrase), fld)
    return vocab


@cache
def _vocab_words() -> frozenset[str]:
    return frozenset(w for phrase in header_vocabulary() for w in phrase.split())


@lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9#/() ]+", "", text.lower().replace("-", " ")).strip()


@dataclass(frozen=True, slots=True)
class Column:
    field: str | None
    label: str
    left: float  # boundary: a word whose x0 is at or right of this belongs here or further right
    x0: float
    x1: float


def _phrases(tokens: list[tuple[str, float, float, float]]) -> list[tuple[str, float, float]]:
    """Join header tokens separated by a word space into phrases."""
    out: list[list[tuple[str, float, float, float]]] = []
    for tok in tokens:
        if out and tok[1] - out[-1][-1][2] < PHRASE_GAP * max(tok[3], 4.0):
            out[-1].append(tok)
        else:
            out.append([tok])
    return [(" ".join(t[0] for t in grp), grp[0][1], grp[-1][2]) for grp in out]


def _split_phrase(text: str, x0: float, x1: float) -> list[tuple[str | None, str, float, float]]:
    """A phrase to known fields: whole if known, else greedy longest known sub-phrases."""
    vocab = header_vocabulary()
    key = _norm(text)
    if key in vocab:
        return [(vocab[key], text, x0, x1)]
    words = text.split()
    width = (x1 - x0) / max(len(text), 1)
    pieces = _greedy(words)
    if not all(vocab.get(_norm(p)) for p in pieces):  # a phrase not wholly known is one cell: one column
        return [(best_field(text), text, x0, x1)]
    out: list[tuple[str | None, str, float, float]] = []
    i = 0
    pos = 0
    while i < len(words):
        for k in range(min(4, len(words) - i), 0, -1):
            cand = " ".join(words[i : i + k])
            if _norm(cand) in vocab or k == 1:
                fld = vocab.get(_norm(cand))
                start = x0 + pos * width
                out.append((fld, cand, start, start + len(cand) * width))
                pos += len(cand) + 1
                i += k
                break
    return out


def _greedy(words: list[str]) -> list[str]:
    vocab = header_vocabulary()
    out: list[str] = []
    i = 0
    while i < len(words):
        for k in range(min(4, len(words) - i), 0, -1):
            cand = " ".join(words[i : i + k])
            if _norm(cand) in vocab or k == 1:
                out.append(cand)
                i += k
                break
    return out


def best_field(text: str) -> str | None:
    """The field of a whole header cell: the phrase if known, else its longest known sub-phrase
    (the first, on a tie), else None."""
    vocab = header_vocabulary()
    key = _norm(text)
    if key in vocab:
        return vocab[key]
    words = key.split()
    for size in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            sub = " ".join(words[i : i + size])
            if sub in vocab:
                return vocab[sub]
    return None


@dataclass(slots=True)
class _Token:
    text: str
    x0: float
    x1: float
    size: float


def header_lines_below(line: Line, below: Sequence[Line]) -> list[Line]:
    """The lines under a header line that belong to it ("Number Date date complete" under "Action ...")."""
    out: list[Line] = []
    height = line.bottom - line.top or 8.0
    prev_bottom = line.bottom
    leading: float | None = None
    for nxt in below[:2]:
        gap = nxt.top - prev_bottom
        if gap > HEADER_STACK_GAP * height or (leading is not None and gap > leading + LEADING_SLACK * height):
            break  # a heading under a stacked header sits further down than the header's own lines
        if _crosses_cells(line, nxt):
            break  # a heading running from one header cell into the next is a group heading, not header
        leading = gap
        known = all(_norm(w.text) in _vocab_words() or not _norm(w.text) for w in nxt.words)
        if not known and not _header_like_below(line, nxt):
            break
        out.append(nxt)
        prev_bottom = nxt.bottom
    return out


def _stack(line: Line, below: Sequence[Line]) -> list[tuple[str, float, float, float]]:
    """Header tokens of a one- or two-line header, lower words attached to the word above."""
    tokens = [_Token(w.text, w.x0, w.x1, w.size) for w in line.words]
    for nxt in header_lines_below(line, below):
        for w in nxt.words:
            best: tuple[float, _Token] | None = None
            for tok in tokens:
                overlap = min(tok.x1, w.x1) - max(tok.x0, w.x0)
                if overlap > 0 and (best is None or overlap > best[0]):
                    best = (overlap, tok)
            if best is not None:
                best[1].text = f"{best[1].text} {w.text}"
                best[1].x1 = max(best[1].x1, w.x1)
            else:
                tokens.append(_Token(w.text, w.x0, w.x1, w.size))
    tokens.sort(key=lambda t: t.x0)
    return [(t.text, t.x0, t.x1, t.size) for t in tokens]


def _crosses_cells(line: Line, nxt: Line) -> bool:
    """A word of ``nxt`` runs from under one header cell of ``line`` on past where the next cell begins
    (cells: runs of words a word space apart)."""
    words = sorted(line.words, key=lambda w: w.x0)
    starts = [b.x0 for a, b in zip(words, words[1:]) if b.x0 - a.x1 > CELL_GAP * max(a.size, b.size, 1.0)]
    return any(w.x0 < x - CROSS_MARGIN and w.x1 > x + CROSS_MARGIN for w in nxt.words for x in starts)


def _header_like_below(line: Line, nxt: Line) -> bool:
    """A bold line of a few label words under a bold header is header, its words known or not
    (a bold body row is longer, or holds numbers and dates)."""
    return _bold(line) and _bold(nxt) and len(nxt.words) <= len(line.words) + 3 and not any(ch.isdigit() for ch in nxt.text)


def _bold(line: Line) -> bool:
    return sum(1 for w in line.words if w.bold) * 2 > len(line.words)


def vertical_rules_through(rules: Sequence[Rule], top: float, bottom: float) -> list[float]:
    xs = sorted({round(r.x0, 1) for r in rules if r.vertical and r.top <= top + 1 and r.bottom >= bottom - 1})
    merged: list[float] = []
    for x in xs:
        if not merged or x - merged[-1] > 2.0:
            merged.append(x)
    return merged


def match_header(line: Line, below: Sequence[Line], rules: Sequence[Rule] = ()) -> list[Column] | None:
    """Columns if the line (with up to two lines under it) is an action-table header."""
    if len(line.words) < MIN_HEADER_FIELDS:
        return None
    own_known = sum(1 for w in line.words if _norm(w.text) in _vocab_words())
    if own_known < MIN_KNOWN_SHARE * len(line.words):
        return None
    tokens = _stack(line, below)
    # keep the line's own words together unless a vertical rule separates them
    vrules = vertical_rules_through(rules, line.top, line.bottom)
    groups: list[list[tuple[str, float, float, float]]] = [[]]
    for tok in tokens:
        if groups[-1] and any(groups[-1][-1][2] <= x <= tok[1] + 0.5 for x in vrules):
            groups.append([])
        groups[-1].append(tok)
    pieces: list[tuple[str | None, str, float, float]] = []
    for grp in groups:
        if vrules and len(groups) > 1:
            text = " ".join(t[0] for t in grp)
            pieces.extend(_split_phrase(text, grp[0][1], grp[-1][2]))
        else:
            for text, x0, x1 in _phrases(grp):
                pieces.extend(_split_phrase(text, x0, x1))
    known = [p for p in pieces if p[0]]
    fields = {p[0] for p in known}
    if len(fields) < MIN_HEADER_FIELDS or len(known) < MIN_KNOWN_SHARE * len(pieces):
        return None
    if "text" not in fields and not ({"owner", "due"} <= fields):
        return None
    columns: list[Column] = []
    seen: set[str] = set()
    for fld, label, x0, x1 in pieces:
        left = x0 - BOUNDARY_PAD
        near = [x for x in vrules if x <= x0 + BOUNDARY_PAD and (not columns or x >= columns[-1].x1 - 1)]
        if near:
            left = max(near)
        if fld in seen:
            fld = None  # a second column of the same field keeps its place but is not read
        if fld:
            seen.add(fld)
        columns.append(Column(fld, label, left if columns else float("-inf"), x0, x1))
    return columns


def header_extra_lines(line: Line, below: Sequence[Line]) -> int:
    return len(header_lines_below(line, below))
