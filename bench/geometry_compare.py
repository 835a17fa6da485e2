"""Compare PDFium's rules and fills (what `read_pdf` gives every page) with pdfplumber's edges and rects.

For each file: how many of pdfplumber's horizontal/vertical edges (>= 2 pt) are covered by a PDFium
rule, how many PDFium rules are covered by pdfplumber edges, and how many coloured fills agree in
box (1 pt) and colour (0.06 per component). Run: python bench/geometry_compare.py PDF ...
"""
from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from minutetrail.extract.pdfium_geometry import MIN_FILL_SIDE, WHITE_LEVEL, page_geometry
from minutetrail.models import Fill, Rule

MIN_EDGE = 2.0
CROSS_TOLERANCE = 1.0
COVER_SHARE = 0.9
BOX_TOLERANCE = 1.0
RGB_TOLERANCE = 0.06

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


Seg = tuple[str, float, float, float]  # orientation, cross coordinate, start, end


def _seg(x0: float, top: float, x1: float, bottom: float) -> Seg | None:
    if bottom - top >= MIN_EDGE and x1 - x0 <= CROSS_TOLERANCE:
        return ("v", (x0 + x1) / 2, top, bottom)
    if x1 - x0 >= MIN_EDGE and bottom - top <= CROSS_TOLERANCE:
        return ("h", (top + bottom) / 2, x0, x1)
    return None


def _covered(seg: Seg, others: list[Seg]) -> bool:
    kind, cross, a, b = seg
    spans = sorted((max(a, s), min(b, e)) for k, c, s, e in others if k == kind and abs(c - cross) <= CROSS_TOLERANCE and e > a and s < b)
    total, reach = 0.0, a
    for s, e in spans:
        if e > reach:
            total += e - max(s, reach)
            reach = e
    return total >= COVER_SHARE * (b - a)


def _plumber_fills(page: pdfplumber.page.Page) -> list[Fill]:
    out = []
    for rect in page.rects:
        if not rect.get("fill") or rect["width"] < MIN_FILL_SIDE or rect["height"] < MIN_FILL_SIDE:
            continue
        rgb = to_rgb(rect.get("non_stroking_color"))
        if rgb is None or min(rgb) >= WHITE_LEVEL:
            continue
        out.append(Fill(float(rect["x0"]), float(rect["top"]), float(rect["x1"]), float(rect["bottom"]), rgb))
    return out


def _same_fill(a: Fill, b: Fill) -> bool:
    box = max(abs(a.x0 - b.x0), abs(a.top - b.top), abs(a.x1 - b.x1), abs(a.bottom - b.bottom)) <= BOX_TOLERANCE
    return box and max(abs(p - q) for p, q in zip(a.rgb, b.rgb)) <= RGB_TOLERANCE


def compare(path: Path) -> dict:
    counts = {"pages": 0, "plumber_edges": 0, "plumber_edges_covered": 0, "pdfium_rules": 0, "pdfium_rules_covered": 0,
              "plumber_fills": 0, "pdfium_fills": 0, "fills_agreeing": 0}
    doc = pdfium.PdfDocument(str(path))
    with pdfplumber.open(path) as pdf:
        for index, ppage in enumerate(pdf.pages):
            page = doc[index]
            rules, fills = page_geometry(page)
            page.close()
            theirs = [s for s in (_seg(float(e["x0"]), float(e["top"]), float(e["x1"]), float(e["bottom"])) for e in ppage.edges) if s]
            ours = [s for s in (_seg(r.x0, r.top, r.x1, r.bottom) for r in rules) if s]
            # a thin filled rect is one PDFium rule with width; read it as its centre line
            ours += [s for s in (_seg((r.x0 + r.x1) / 2, r.top, (r.x0 + r.x1) / 2, r.bottom) if r.vertical else _seg(r.x0, (r.top + r.bottom) / 2, r.x1, (r.top + r.bottom) / 2) for r in rules if isinstance(r, Rule)) if s]
            pf = _plumber_fills(ppage)
            counts["pages"] += 1
            counts["plumber_edges"] += len(theirs)
            counts["plumber_edges_covered"] += sum(_covered(s, ours) for s in theirs)
            mine = [s for s in (_seg(r.x0, r.top, r.x1, r.bottom) or _seg((r.x0 + r.x1) / 2, r.top, (r.x0 + r.x1) / 2, r.bottom) if r.vertical else _seg(r.x0, r.top, r.x1, r.bottom) or _seg(r.x0, (r.top + r.bottom) / 2, r.x1, (r.top + r.bottom) / 2) for r in rules) if s]
            counts["pdfium_rules"] += len(mine)
            counts["pdfium_rules_covered"] += sum(_covered(s, theirs) for s in mine)
            counts["plumber_fills"] += len(pf)
            counts["pdfium_fills"] += len(fills)
            counts["fills_agreeing"] += sum(any(_same_fill(f, g) for g in pf) for f in fills)
            ppage.close()
    doc.close()
    return counts


def main() -> None:
    for arg in sys.argv[1:]:
        print(json.dumps({"file": Path(arg).name, **compare(Path(arg))}))


if __name__ == "__main__":
    main()
