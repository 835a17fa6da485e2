"""Lines of a minute to paragraphs: the space between lines, list markers, decision labels, short last
lines and action-margin owners end a paragraph.

Line spacing is measured per type size (a line's height): minutes whose action table is set in
smaller type than the prose keep each its own pitch, and the space that opens a paragraph is read
against the pitch of the lines' own size ("6 pt after" in 10 pt type is a paragraph).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from minutetrail.models import Line
from minutetrail.parsers.decisions import ACTIONS_LABEL, BULLET, LETTERED, TRIGGER, Para, outcome_line
from minutetrail.parsers.structure import PARA_GAP, SHORT_LINE

SINGLE_PITCH = 1.2  # line pitch of single spacing, in line heights
HANGING = 8.0  # points right of a bullet where its wrapped lines hang
PARA_PITCH = 0.3  # extra space, in line pitches of the same type size, that also opens a paragraph
SIZE_STEPS = 3  # steps measured at one type size before its own pitch is trusted
STEP_SLACK = 0.5  # points: two steps this close are the same leading


def _height(line: Line) -> float:
    return line.bottom - line.top or 10.0


@dataclass(frozen=True, slots=True)
class Spacing:
    """The usual distance from one line's top to the next one's: over the whole document (double-spaced
    minutes have a wide one) and per type size (line height to the half point)."""

    pitch: float
    by_size: dict[int, float] = field(default_factory=dict)

    @classmethod
    def of(cls, lines: Sequence[tuple[int, Line]]) -> Spacing:
        steps: list[float] = []
        sized: dict[int, list[float]] = {}
        for (pa, a), (pb, b) in zip(lines, lines[1:]):
            step, h = b.top - a.top, _height(a)
            if pa == pb and 0.9 * h <= step < 3 * h:
                steps.append(step)
                if _size(a) == _size(b):
                    sized.setdefault(_size(a), []).append(step)
        if not steps:  # no two lines close enough to measure: single spacing
            heights = sorted(_height(ln) for _p, ln in lines) or [10.0]
            return cls(SINGLE_PITCH * heights[len(heights) // 2])
        by_size = {h: _smallest_repeated(s) for h, s in sized.items() if len(s) >= SIZE_STEPS}
        return cls(_near_smallest(steps), by_size)

    def opens_paragraph(self, prev: Line, line: Line) -> bool:
        """The step from ``prev`` down to ``line`` holds a paragraph's extra space (or goes back up)."""
        height = _height(line)
        own = self.by_size.get(_size(line)) if _size(line) == _size(prev) else None
        if own is not None:
            return line.top - prev.top > own + min(PARA_GAP * height, PARA_PITCH * own) or line.top < prev.top
        return line.top - prev.top > self.pitch + PARA_GAP * height or line.top < prev.top


def _near_smallest(steps: list[float]) -> float:
    ordered = sorted(steps)
    return ordered[len(ordered) // 10]  # lines within a paragraph, not the gaps between them


def _smallest_repeated(steps: list[float]) -> float:
    """The smallest step that recurs, or a smaller one near the smallest: the leading inside paragraphs, even
    where most paragraphs are one line."""
    ordered = sorted(steps)
    repeated = next((s for s, t in zip(ordered, ordered[1:]) if t - s <= STEP_SLACK), ordered[-1])
    return min(repeated, _near_smallest(steps))


def _size(line: Line) -> int:
    return round(_height(line) * 2)  # half points: one type size gives one height


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ":", ";", "!", "?"))


def _outdented(entry_x: float | None, prev: Line | None, line: Line) -> bool:
    """A sentence back at a margin left of an indented list entry's marker, after the entry has ended ("(b) ... ." /
    "The motion was carried."), is not part of the entry."""
    return (entry_x is not None and prev is not None and line.x0 < entry_x - HANGING and _ends_sentence(prev.text)
            and line.text.strip()[:1].isupper())


def lines_to_paragraphs(lines: Sequence[tuple[int, Line]], margin: dict[int, str] | None = None,
                        spacing: Spacing | None = None) -> list[Para]:
    """Lines to paragraphs: a gap, a list marker, a decision label, a short last line or a margin owner ends one
    (an owner beside a line that does not end its sentence sits by the paragraph's first line: it goes on).

    A paragraph runs on over a page break when its last line does not end a sentence and the next
    page goes on in lower case, or when its last line leaves a bracket open ("(Action: Helen" / "Ellery)"). ``margin`` maps id(line) to the owner printed in its action margin.
    """
    margin = margin or {}
    spacing = spacing or Spacing.of(lines)
    bullet_x: float | None = None  # where the bullet of the current paragraph sits: its lines hang to the right
    entry_x: float | None = None  # where the marker of an indented list entry sits
    paras: list[tuple[int, list[str], str | None]] = []
    prev: Line | None = None
    prev_page = 0
    right = max((ln.x1 for _p, ln in lines), default=0.0)
    for page, line in lines:
        text = line.text.strip()
        if prev is not None and page != prev_page:
            new = (_ends_sentence(prev.text) or not text[:1].islower()) and prev.text.count("(") <= prev.text.count(")")
        else:
            new = prev is None or spacing.opens_paragraph(prev, line)
        label = TRIGGER.match(text)
        new = new or bool(LETTERED.match(text) or ACTIONS_LABEL.match(text) or BULLET.match(text) or outcome_line().match(text))  # "CARRIED" alone: its own paragraph
        new = new or bool(label and (label["label"] or text[:8].isupper()))
        hanging = bullet_x is not None and line.x0 >= bullet_x + HANGING and not new
        new = new or (prev is not None and prev.x1 < SHORT_LINE * right and text[:1].isupper() and not hanging
                      and not prev.text.rstrip().endswith((",", ":", "-", "–", "&", "and")))
        new = new or bool(paras and paras[-1][2] and (prev is None or _ends_sentence(prev.text) or id(line) in margin))
        new = new or _outdented(entry_x, prev, line)
        if new:
            bullet_x = line.x0 if BULLET.match(text) else None
            entry_x = line.x0 if LETTERED.match(text) or BULLET.match(text) else None
            paras.append((page, [text], margin.get(id(line))))
        else:
            paras[-1][1].append(text)
            if margin.get(id(line)):
                paras[-1] = (paras[-1][0], paras[-1][1], margin[id(line)])
        prev, prev_page = line, page
    return [Para(page, tuple(parts), owner) for page, parts, owner in paras]
