"""Ruling lines of a scanned page, found in its pixels: a scanned grid has no vector rules to read.

The page is rendered in grey at SCAN_DPI (page_ink); a run of dark pixels at least MIN_RULE_POINTS long along a
row (or a column) is a piece of a horizontal (vertical) rule, and pieces on touching rows that overlap
or meet end to end (a rule a few pixels thick, or stepping down a slightly skewed scan) are one rule.
Text does not make such runs: a letter's longest stroke is shorter than MIN_RULE_POINTS. A dark band
thicker than MAX_RULE_POINTS is a filled box: its two long edges are its rules, as a drawn box's are.
"""
from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium

from minutetrail.models import Rule

SCAN_DPI = 150  # enough to see a hairline and a stroke's width on a 200-300 dpi scan; renders in a fraction of a second
POINTS_PER_INCH = 72
DARK_LEVEL = 140  # grey level (0 black, 255 white) under which a pixel is ink
MIN_RULE_POINTS = 30.0  # longer than any stroke of a letter up to a 30-point heading
MAX_RULE_POINTS = 4.0  # a band thicker than this is a filled box, not a line
JOIN_PIXELS = 2  # pieces this close end to end on touching rows continue one rule (a skewed scan's steps)


def _runs(dark: np.ndarray, min_length: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, start, end) of every run of True at least min_length long along the rows, end exclusive."""
    padded = np.zeros((dark.shape[0], dark.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = dark
    step = np.diff(padded, axis=1)
    rows, starts = np.nonzero(step == 1)
    _, ends = np.nonzero(step == -1)  # row-major order: the k-th end closes the k-th start
    keep = ends - starts >= min_length
    return rows[keep], starts[keep], ends[keep]


def _bands(rows: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> list[list[int]]:
    """Runs on touching rows that overlap or meet end to end, joined: [first row, last row, start, end]."""
    bands: list[list[int]] = []
    open_bands: list[list[int]] = []
    for row, start, end in zip(rows.tolist(), starts.tolist(), ends.tolist()):
        open_bands = [b for b in open_bands if b[1] >= row - 1]
        for band in open_bands:
            if start <= band[3] + JOIN_PIXELS and end >= band[2] - JOIN_PIXELS:
                band[1], band[2], band[3] = row, min(band[2], start), max(band[3], end)
                break
        else:
            band = [row, row, start, end]
            bands.append(band)
            open_bands.append(band)
    return bands


def _band_rules(bands: list[list[int]], scale: float, vertical: bool) -> list[Rule]:
    rules: list[Rule] = []
    thick = MAX_RULE_POINTS * scale
    for first, last, start, end in bands:
        across = [(first, last + 1)] if last + 1 - first <= thick else [(first, first + 1), (last, last + 1)]
        for a0, a1 in across:
            x0, top, x1, bottom = start / scale, a0 / scale, end / scale, a1 / scale
            rules.append(Rule(top, x0, bottom, x1) if vertical else Rule(x0, top, x1, bottom))
    return rules


def page_ink(page: pdfium.PdfPage) -> tuple[np.ndarray, float]:
    """The displayed page rendered in grey: (ink mask, pixels per point)."""
    scale = SCAN_DPI / POINTS_PER_INCH
    grey = page.render(scale=scale, grayscale=True).to_numpy()
    if grey.ndim == 3:
        grey = grey[..., 0]
    return grey < DARK_LEVEL, scale


def image_rules(dark: np.ndarray, scale: float) -> tuple[Rule, ...]:
    """Horizontal and vertical rules drawn in the page's ink, in points on the displayed page, top-left origin."""
    length = int(MIN_RULE_POINTS * scale)
    horizontal = _band_rules(_bands(*_runs(dark, length)), scale, vertical=False)
    vertical = _band_rules(_bands(*_runs(np.ascontiguousarray(dark.T), length)), scale, vertical=True)
    return tuple(horizontal + vertical)


__all__ = ["image_rules", "page_ink"]
