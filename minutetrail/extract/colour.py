"""PDF colour values to RGB."""
from __future__ import annotations

from collections.abc import Sequence


def to_rgb(value: object) -> tuple[float, float, float] | None:
    """Gray, RGB or CMYK colour tuples as pdfminer gives them, to an RGB triple in 0..1."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        g = float(value)
        return (g, g, g)
    if not isinstance(value, Sequence) or isinstance(value, str):
        return None
    try:
        comps = [float(c) for c in value]
    except (TypeError, ValueError):  # pattern colours carry names
        return None
    if len(comps) == 1:
        return (comps[0], comps[0], comps[0])
    if len(comps) == 3:
        return (comps[0], comps[1], comps[2])
    if len(comps) == 4:
        c, m, y, k = comps
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None
