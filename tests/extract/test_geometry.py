"""Ruling lines and filled cells from PDFium's page objects, on made PDFs, checked against the drawing and pdfplumber."""
from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from minutetrail.extract import read_pdf
from minutetrail.extract.pdfium_geometry import page_geometry

W, H = A4
COLS = [60.0, 200.0, 340.0, 480.0]  # x of the vertical rules
ROWS = [100.0, 130.0, 160.0, 190.0]  # top of the horizontal rules, top-left origin


def _geometry(path, index=0):
    doc = pdfium.PdfDocument(str(path))
    try:
        return page_geometry(doc[index])
    finally:
        doc.close()


def _verticals(rules):
    return sorted({round(r.x0, 1) for r in rules if r.vertical})


def _horizontals(rules):
    return sorted({round(r.top, 1) for r in rules if not r.vertical})


def _plumber_edges(path, index=0):
    with pdfplumber.open(path) as pdf:
        edges = pdf.pages[index].edges
        return (sorted({round(float(e["x0"]), 1) for e in edges if e["orientation"] == "v"}),
                sorted({round(float(e["top"]), 1) for e in edges if e["orientation"] == "h"}))


def _ruled_grid(c, *, as_one_path=False):
    c.setLineWidth(0.75)
    if as_one_path:
        p = c.beginPath()
        for x in COLS:
            p.moveTo(x, H - ROWS[0])
            p.lineTo(x, H - ROWS[-1])
        for y in ROWS:
            p.moveTo(COLS[0], H - y)
            p.lineTo(COLS[-1], H - y)
        c.drawPath(p, stroke=1, fill=0)
        return
    for x in COLS:
        c.line(x, H - ROWS[0], x, H - ROWS[-1])
    for y in ROWS:
        c.line(COLS[0], H - y, COLS[-1], H - y)


def test_ruled_table_drawn_with_stroked_lines(tmp_path):
    path = tmp_path / "ruled.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    _ruled_grid(c)
    c.drawString(70, H - 120, "Quince orchard survey")
    c.save()
    rules, fills = _geometry(path)
    assert _verticals(rules) == COLS and _horizontals(rules) == ROWS
    for r in rules:
        if r.vertical:
            assert r.top == pytest.approx(ROWS[0], abs=0.01) and r.bottom == pytest.approx(ROWS[-1], abs=0.01)
    assert fills == ()
    assert (_verticals(rules), _horizontals(rules)) == _plumber_edges(path)


def test_table_drawn_as_one_path_of_several_segments(tmp_path):
    path = tmp_path / "onepath.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    _ruled_grid(c, as_one_path=True)
    c.save()
    rules, _ = _geometry(path)
    assert len(rules) == len(COLS) + len(ROWS)
    assert _verticals(rules) == COLS and _horizontals(rules) == ROWS


def test_polyline_gives_its_straight_segments_and_skips_curves(tmp_path):
    path = tmp_path / "poly.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    p = c.beginPath()
    p.moveTo(100, H - 300)
    p.lineTo(300, H - 300)  # horizontal
    p.lineTo(300, H - 400)  # vertical
    p.lineTo(150, H - 450)  # slanted: not a rule
    p.curveTo(120, H - 470, 110, H - 480, 100, H - 500)  # curve: not a rule
    c.drawPath(p, stroke=1, fill=0)
    c.save()
    rules, _ = _geometry(path)
    assert sorted((round(r.x0), round(r.top), round(r.x1), round(r.bottom)) for r in rules) == [(100, 300, 300, 300), (300, 300, 300, 400)]


def test_zebra_filled_table_gives_coloured_fills_and_row_edges(tmp_path):
    path = tmp_path / "zebra.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    colours = [(0.85, 0.9, 1.0), (1.0, 1.0, 1.0), (0.85, 0.9, 1.0), (1.0, 1.0, 1.0)]
    for i, rgb in enumerate(colours):
        c.setFillColorRGB(*rgb)
        c.rect(COLS[0], H - (ROWS[0] + 20 * (i + 1)), COLS[-1] - COLS[0], 20, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.drawString(70, H - 115, "Turnip allotment")
    c.save()
    rules, fills = _geometry(path)
    assert [(round(f.top), round(f.bottom)) for f in fills] == [(100, 120), (140, 160)]  # the white rows are paper
    assert all(f.x0 == pytest.approx(COLS[0]) and f.x1 == pytest.approx(COLS[-1]) for f in fills)
    assert all(f.rgb == pytest.approx((0.85, 0.9, 1.0), abs=0.01) for f in fills)
    assert _horizontals(rules) == [100.0, 120.0, 140.0, 160.0]  # the shaded rows' edges
    with pdfplumber.open(path) as pdf:
        shaded = [r for r in pdf.pages[0].rects if r["non_stroking_color"] != (1.0, 1.0, 1.0)]
        assert [(round(r["top"]), round(r["bottom"])) for r in shaded] == [(round(f.top), round(f.bottom)) for f in fills]


def test_thin_filled_rectangles_are_rules_not_fills(tmp_path):
    path = tmp_path / "thin.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFillColorRGB(0, 0, 0)
    c.rect(100, H - 300, 0.5, 120, stroke=0, fill=1)  # a vertical border as word processors draw it
    c.rect(100, H - 180.5, 250, 0.5, stroke=0, fill=1)  # a horizontal one
    c.save()
    rules, fills = _geometry(path)
    assert fills == ()
    assert len(rules) == 2
    vertical = next(r for r in rules if r.vertical)
    assert (round(vertical.x0, 1), round(vertical.top), round(vertical.bottom)) == (100.0, 180, 300)


def test_one_path_of_several_filled_rectangles(tmp_path):
    path = tmp_path / "rects.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFillColorRGB(1.0, 0.8, 0.2)
    p = c.beginPath()
    p.rect(100, H - 220, 50, 20)
    p.rect(200, H - 220, 50, 20)
    c.drawPath(p, stroke=0, fill=1)
    c.save()
    _, fills = _geometry(path)
    assert [(round(f.x0), round(f.top), round(f.x1), round(f.bottom)) for f in fills] == [(100, 200, 150, 220), (200, 200, 250, 220)]


def test_rules_inside_a_form_xobject_are_placed_by_its_matrix(tmp_path):
    path = tmp_path / "form.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.beginForm("grid")
    c.line(0, 0, 100, 0)
    c.line(0, 0, 0, 50)
    c.endForm()
    c.saveState()
    c.translate(150, H - 400)
    c.scale(2, 2)
    c.doForm("grid")
    c.restoreState()
    c.save()
    rules, _ = _geometry(path)
    assert sorted((round(r.x0), round(r.top), round(r.x1), round(r.bottom)) for r in rules) == [(150, 300, 150, 400), (150, 400, 350, 400)]
    assert (_verticals(rules), _horizontals(rules)) == _plumber_edges(path)


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_page_geometry_is_on_the_displayed_page(tmp_path, rotation):
    path = tmp_path / f"rot{rotation}.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setPageRotation(rotation)
    _ruled_grid(c)
    c.setFillColorRGB(0.9, 0.2, 0.2)
    c.rect(COLS[0], H - ROWS[1], COLS[1] - COLS[0], ROWS[1] - ROWS[0], stroke=0, fill=1)
    c.save()
    rules, fills = _geometry(path)
    assert (_verticals(rules), _horizontals(rules)) == _plumber_edges(path)
    with pdfplumber.open(path) as pdf:
        rect = next(r for r in pdf.pages[0].rects if r["fill"])
        assert len(fills) == 1
        assert (fills[0].x0, fills[0].top, fills[0].x1, fills[0].bottom) == pytest.approx(
            (float(rect["x0"]), float(rect["top"]), float(rect["x1"]), float(rect["bottom"])), abs=0.01)


def test_every_page_gets_its_rules_whatever_its_words(tmp_path):
    """No header vocabulary gates the geometry: a grid of unknown words still has its rules and fills."""
    path = tmp_path / "unknown.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(2):
        _ruled_grid(c)
        c.setFillColorRGB(0.2, 0.6, 0.3)
        c.rect(COLS[2], H - ROWS[2], COLS[3] - COLS[2], ROWS[2] - ROWS[1], stroke=0, fill=1)  # one shaded cell
        c.setFillColorRGB(0, 0, 0)
        for i, word in enumerate(["Zorblat", "Quimmet", "Farnish"]):
            c.drawString(COLS[i] + 5, H - ROWS[0] - 20, f"{word} {page}")
        c.showPage()
    c.save()
    pdf = read_pdf(path)
    assert all(_verticals(p.rules) == COLS and _horizontals(p.rules) == ROWS and len(p.fills) == 1 for p in pdf.pages)


def test_a_drawing_of_many_curves_gives_no_rules(tmp_path):
    """A logo or chart outline (a long path whose first segments are curves) is not ruling, even where it runs straight."""
    path = tmp_path / "logo.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    p = c.beginPath()
    p.moveTo(100, H - 200)
    for i in range(30):
        p.curveTo(100 + i * 3, H - 190, 101 + i * 3, H - 210, 103 + i * 3, H - 200)
    p.lineTo(300, H - 200)  # a straight stretch inside the drawing
    p.lineTo(300, H - 260)
    c.drawPath(p, stroke=1, fill=0)
    _ruled_grid(c)  # the table beside it keeps its rules
    c.save()
    rules, _ = _geometry(path)
    assert _verticals(rules) == COLS and _horizontals(rules) == ROWS
