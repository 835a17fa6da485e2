"""Opening PDFs: real files, good and bad."""
from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from minutetrail.errors import ExtractionError
from minutetrail.extract import read_pdf
from minutetrail.extraction import parse_file
from tests.conftest import SAMPLES


@pytest.mark.parametrize("kind, words", [("empty", "empty"), ("not_pdf", "not a PDF"), ("corrupt", "corrupt"),
                                         ("encrypted", "encrypted"), ("scanned", "scanned")])
def test_bad_input_is_named_with_a_reason(bad_files, kind, words):
    with pytest.raises(ExtractionError) as info:
        read_pdf(bad_files[kind], ocr="never")  # a scan read by OCR: tests/extract/test_ocr.py
    assert bad_files[kind].name in str(info.value) and words in str(info.value)
    assert info.value.hint  # says what to do


def test_words_have_boxes_and_fills_have_colours():
    pdf = read_pdf(sorted(SAMPLES.glob("2025-04-08*.pdf"))[0])
    assert all(w.x0 <= w.x1 and w.top < w.bottom for p in pdf.pages for w in p.words)
    plan = [p for p in pdf.pages if any(w.text == "RAG" for w in p.words)]
    assert len(plan) == 1 and plan[0].width > plan[0].height  # landscape
    assert any(f.rgb[0] > 0.8 and f.rgb[2] < 0.4 for f in plan[0].fills)  # the red and amber RAG cells
    assert len(pdf.sha256) == 64


def _rag_plan(path, fills):
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    _w, h = landscape(A4)
    c.setFont("Helvetica-Bold", 9)
    for x, label in [(50, "Action"), (350, "Lead"), (500, "Deadline"), (600, "Progress"), (750, "BRAG")]:
        c.drawString(x, h - 60, label)
    c.setFont("Helvetica", 9)
    for i, (ref, colour) in enumerate(fills):
        y = h - 90 - i * 30
        c.setFillColorRGB(*colour)
        c.rect(745, y - 8, 40, 22, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.drawString(50, y, f"{ref} Deliver the thing number {ref}")
        c.drawString(350, y, "Head of Service")
        c.drawString(500, y, "March 2023")
        c.drawString(600, y, "Under way")
    c.save()


def test_rag_shown_only_by_fill_colour_on_a_landscape_borderless_plan(tmp_path):
    pdf = tmp_path / "plan.pdf"
    _rag_plan(pdf, [("1.1", (0.25, 0.45, 0.85)), ("1.2", (0.9, 0.2, 0.2)), ("1.3", (0.3, 0.7, 0.3))])
    rows = parse_file(pdf).actions
    assert [(r.number, r.rag, r.status) for r in rows] == [
        ("1.1", "blue", "completed"), ("1.2", "red", "at_risk"), ("1.3", "green", "in_progress")]
    assert all(r.table == "action_plan" and r.due == "2023-03" for r in rows)


def test_crop_of_a_source_row(tmp_path):
    from PIL import Image
    import io

    from minutetrail.extract.crops import crop_png

    pdf = sorted(SAMPLES.glob("2025-06-10*.pdf"))[0]
    png = crop_png(pdf, 3, (50.0, 100.0, 790.0, 130.0))
    assert png is not None
    image = Image.open(io.BytesIO(png))
    assert image.width > 1400 and 40 < image.height < 100  # the row, at 2 pixels a point, with a margin
    assert crop_png(tmp_path / "gone.pdf", 1, (0, 0, 10, 10)) is None
    assert crop_png(pdf, 99, (0, 0, 10, 10)) is None
