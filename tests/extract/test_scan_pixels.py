"""What a scanned page's pixels give back that OCR does not: ruling lines and the weight of words.

Made documents with invented text, rasterised in the test: the born-digital page's vector rules and
font weights are the answer the pixels must reproduce.
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from minutetrail.extract import read_pdf
from minutetrail.extract.ink import weigh_words
from minutetrail.extract.raster_rules import MIN_RULE_POINTS, image_rules, page_ink
from minutetrail.extraction import parse_file
from tests.scans import rasterise
from tests.tablepdf import log_row, table_pdf

NEAR = 2.0  # points: a rule found in the pixels lies this close to the drawn one


def _ink_of(scan: Path, number: int = 1):  # type: ignore[no-untyped-def]
    doc = pdfium.PdfDocument(str(scan))
    try:
        return page_ink(doc[number - 1])
    finally:
        doc.close()


def _covered(rule, found) -> bool:  # type: ignore[no-untyped-def]
    return any(f.vertical == rule.vertical and abs(f.x0 - rule.x0) <= NEAR and abs(f.top - rule.top) <= NEAR
               and abs(f.x1 - rule.x1) <= NEAR and abs(f.bottom - rule.bottom) <= NEAR
               or f.vertical == rule.vertical and f.x0 - NEAR <= rule.x0 and rule.x1 <= f.x1 + NEAR
               and f.top - NEAR <= rule.top and rule.bottom <= f.bottom + NEAR for f in found)


def test_scanned_ruled_grid_gives_its_rules_from_pixels(tmp_path):
    rows = [log_row(n, text=f"Survey the orchard hedges, section {n}", owner="Parish Ranger") for n in range(1, 5)]
    born = table_pdf(tmp_path / "grid.pdf", rows)
    scan = rasterise(born, tmp_path / "grid-scan.pdf", 200)
    drawn = [r for r in read_pdf(born).pages[0].rules if max(r.x1 - r.x0, r.bottom - r.top) >= MIN_RULE_POINTS]
    found = image_rules(*_ink_of(scan))
    assert len(drawn) >= 5  # the rules above, under and between the rows
    missing = [r for r in drawn if not _covered(r, found)]
    assert not missing, missing[:5]
    assert all(max(f.x1 - f.x0, f.bottom - f.top) >= MIN_RULE_POINTS for f in found)


def test_scanned_ruled_action_log_is_read_row_by_row(tmp_path):
    rows = [log_row(n, text=f"Survey the orchard hedges in section {n}", owner="Parish Ranger", due="14/03/22")
            for n in range(1, 5)]
    scan = rasterise(table_pdf(tmp_path / "log.pdf", rows), tmp_path / "log-scan.pdf", 200)
    record = parse_file(scan, ocr="auto")
    assert record.ocr is not None
    assert [a.number for a in record.actions] == ["1", "2", "3", "4"]
    assert all("orchard hedges" in a.text and a.owner == "Parish Ranger" and a.due == "2022-03-14" for a in record.actions)


def test_scanned_words_get_their_weight_from_ink(tmp_path):
    path = tmp_path / "weights.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    _w, h = A4
    y = h - 80
    for heading, body in [("Hedgerow Planting Scheme", "The committee walked the northern boundary and counted saplings"),
                          ("Footpath Lighting Survey", "Residents asked whether lamps could be dimmed after midnight"),
                          ("Allotment Water Supply", "The standpipe near the gate leaks and wastes rainwater daily")]:
        for size in (11, 14):
            c.setFont("Helvetica-Bold", size)
            c.drawString(72, y, heading)
            c.setFont("Helvetica", size)
            c.drawString(72, y - 20, body)
            y -= 60
    c.showPage()
    c.save()
    scan = rasterise(path, tmp_path / "weights-scan.pdf", 200)
    words = read_pdf(path).pages[0].words
    weighed = weigh_words(*_ink_of(scan), [w.__class__(w.text, w.x0, w.top, w.x1, w.bottom) for w in words])
    assert [w.bold for w in weighed] == [w.bold for w in words]
    assert sum(w.bold for w in words) == 18
