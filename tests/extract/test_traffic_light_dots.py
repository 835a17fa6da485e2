"""A RAG rating drawn as a filled traffic-light dot (a small circle of curves) is read as a dot fill in its cell."""
from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from minutetrail.extract.pdf import read_pdf


def test_a_traffic_light_dot_is_a_dot_fill_and_a_shaded_cell_stays_a_cell(tmp_path: Path) -> None:
    path = tmp_path / "dots.pdf"
    c = Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica", 9)
    c.drawString(50, 760, "Review the parking permit charges")
    c.setFillColorRGB(0.9, 0.1, 0.1)
    c.circle(400, 763, 4.5, stroke=0, fill=1)  # the dot
    c.setFillColorRGB(1.0, 0.75, 0.0)
    c.rect(450, 755, 60, 18, stroke=0, fill=1)  # a shaded cell
    c.setFillColorRGB(0.2, 0.2, 0.8)
    c.circle(300, 500, 60, stroke=0, fill=1)  # a large round graphic is no dot
    c.showPage()
    c.save()
    fills = read_pdf(path).pages[0].fills
    dots = [f for f in fills if f.dot]
    assert len(dots) == 1
    dot = dots[0]
    assert abs((dot.x0 + dot.x1) / 2 - 400) < 1 and abs((dot.top + dot.bottom) / 2 - (842 - 763)) < 1
    assert dot.rgb[0] > 0.8 and dot.rgb[1] < 0.2
    assert [(round(f.x0), round(f.x1)) for f in fills if not f.dot] == [(450, 510)]
