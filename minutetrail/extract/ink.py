"""The weight of OCR words, from their ink: recognised text carries no font, so no bold.

Headings and item titles are found by typography (bold at body size), so a scanned page needs its
bold back. A word's stroke width is its ink pixels over the strokes crossed along its rows (runs of
ink); divided by the word's height it does not depend on the type size. Body text is most of a page,
so the page's median is regular weight, and a word whose relative stroke width is BOLD_RATIO times
that median is bold. Rendered at 150 dpi, bold words measure 1.30-1.60 times the median and regular
ones 0.84-1.13, on made Helvetica pages at 11 and 14 points and on a real scanned parish minute alike.
A word of one or two characters ("8", "to", "a)") has too few strokes to measure: it takes the weight
of the word beside it on its line (the next one, else the one before), as a list number takes its title's.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from minutetrail.models import Word

BOLD_RATIO = 1.22  # between the two ranges above
MIN_WORDS = 8  # fewer words on a page than this give no reliable median: leave them regular
SHORT_WORD = 2  # characters: a word this short is too small to weigh
NEIGHBOUR_GAP_EM = 3.0  # of the word's height: a word this far along its line or nearer is beside it


def _stroke_ratio(dark: np.ndarray, scale: float, word: Word) -> float | None:
    """A word's mean stroke width over its height, or None when its box holds no ink."""
    top, bottom = int(word.top * scale), int(np.ceil(word.bottom * scale))
    x0, x1 = int(word.x0 * scale), int(np.ceil(word.x1 * scale))
    box = dark[max(top, 0):bottom, max(x0, 0):x1]
    if box.size == 0 or bottom <= top:
        return None
    ink = int(np.count_nonzero(box))
    strokes = int(np.count_nonzero(np.diff(box.astype(np.int8), axis=1) == 1)) + int(np.count_nonzero(box[:, 0]))
    return ink / strokes / (bottom - top) if strokes else None


def weigh_words(dark: np.ndarray, scale: float, words: Sequence[Word]) -> tuple[Word, ...]:
    """The words, marked bold where their strokes are BOLD_RATIO times as wide as the page's usual stroke."""
    ratios = [_stroke_ratio(dark, scale, w) for w in words]
    known = [r for r in ratios if r is not None]
    if len(known) < MIN_WORDS:
        return tuple(words)
    usual = float(np.median(known))
    bold = [r is not None and r >= BOLD_RATIO * usual for r in ratios]
    measured = [len(w.text) > SHORT_WORD for w in words]
    for i, word in enumerate(words):
        if not measured[i]:
            beside = _beside(words, measured, i)
            if beside is not None:
                bold[i] = bold[beside]
    return tuple(replace(w, bold=b) for w, b in zip(words, bold))


def _same_line(a: Word, b: Word) -> bool:
    return min(a.bottom, b.bottom) - max(a.top, b.top) > 0.5 * min(a.bottom - a.top, b.bottom - b.top)


def _beside(words: Sequence[Word], measured: Sequence[bool], i: int) -> int | None:
    """The nearest measured word on the same line within NEIGHBOUR_GAP_EM: the next one first, else the one before."""
    word = words[i]
    reach = NEIGHBOUR_GAP_EM * (word.bottom - word.top)
    after = [j for j, w in enumerate(words) if measured[j] and _same_line(w, word) and 0 <= w.x0 - word.x1 <= reach]
    if after:
        return min(after, key=lambda j: words[j].x0)
    before = [j for j, w in enumerate(words) if measured[j] and _same_line(w, word) and 0 <= word.x0 - w.x1 <= reach]
    return max(before, key=lambda j: words[j].x1) if before else None


__all__ = ["weigh_words"]
