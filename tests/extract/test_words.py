"""Words from PDFium on made PDFs: list numbers glued by a narrow tab (NUM-GLUE), line-end hyphens (TXT-HYPHEN)."""
from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from minutetrail.extract import read_pdf
from minutetrail.extract.pdfium_text import page_words
from minutetrail.parsers.text import join_lines, words_to_lines

W, H = A4
TIGHT_TAB = 1.3  # points: narrower than pdfplumber's 3 pt word gap


def _numbered_list(path, items, *, gap=TIGHT_TAB, font="Helvetica"):
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 12)
    y = H - 100
    for number, title in items:
        c.drawString(72, y, number)
        c.drawString(72 + stringWidth(number, font, 12) + gap, y, title)
        y -= 20
    c.save()
    return path


def test_num_glue_list_number_before_a_narrow_tab_is_its_own_word(tmp_path):
    pdf = _numbered_list(tmp_path / "glue.pdf", [("10.", "Quarterly returns"), ("11.", "Orchard lease"), ("(c)", "Parking review")])
    lines = [line.text for line in words_to_lines(read_pdf(pdf).pages[0].words)]
    assert lines == ["10. Quarterly returns", "11. Orchard lease", "(c) Parking review"]


def test_num_glue_does_not_split_initials_or_references_set_solid(tmp_path):
    c = canvas.Canvas(str(tmp_path / "solid.pdf"), pagesize=A4)
    c.setFont("Helvetica", 12)
    c.drawString(72, H - 100, "J.Bloggs moved item 4.2a and 3.Budget")  # no gap inside any of these
    c.save()
    words = [w.text for w in read_pdf(tmp_path / "solid.pdf").pages[0].words]
    assert words == ["J.Bloggs", "moved", "item", "4.2a", "and", "3.Budget"]


def test_txt_hyphen_line_end_hyphen_is_a_hyphen_and_rejoins(tmp_path):
    path = tmp_path / "hyphen.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(72, H - 100, "The grant for the Double-")
    c.drawString(72, H - 114, "Barrelled footbridge and the well-")
    c.drawString(72, H - 128, "kept green was agreed.")
    c.save()
    words = read_pdf(path).pages[0].words
    assert all(ch >= " " for w in words for ch in w.text)  # no U+0002 / U+FFFE left in the text
    assert [w.text for w in words if w.text.endswith("-")] == ["Double-", "well-"]
    text = join_lines([line.text for line in words_to_lines(words)])
    assert "Double-Barrelled footbridge" in text and "- kept" not in text  # rejoined, not left as "well- kept"


def test_bold_and_size_are_kept(tmp_path):
    path = tmp_path / "bold.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, H - 100, "Heading")
    c.setFont("Helvetica", 9)
    c.drawString(72, H - 130, "body text")
    c.save()
    words = {w.text: w for w in read_pdf(path).pages[0].words}
    assert words["Heading"].bold and not words["body"].bold
    assert words["Heading"].size > words["body"].size


def test_run_ends_shortcut_agrees_with_reading_every_character(tmp_path):
    path = _numbered_list(tmp_path / "mixed.pdf", [("1.", "Apologies"), ("2.", "Declarations of interest"), ("iv)", "Any other business")])
    doc = pdfium.PdfDocument(str(path))
    try:
        assert page_words(doc[0]) == page_words(doc[0], by_chars=True)
    finally:
        doc.close()


def _upright_on_a_turned_page(path, rotation):
    """A page shown turned by /Rotate whose content is drawn turned back, so it reads upright on screen.

    reportlab swaps the media box of a page turned a quarter, so the page is shown as A4 portrait.
    """
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setPageRotation(rotation)
    c.translate(*{90: (H, 0), 180: (W, H), 270: (0, W)}[rotation])
    c.rotate({90: 90, 180: 180, 270: -90}[rotation])
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 500, "Task Lead Target")
    c.setFont("Helvetica", 10)
    c.drawString(60, 480, "1. Paint the bandstand")
    c.drawString(300, 480, "Warden")
    c.save()
    return path


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_page_words_read_upright_like_pdfplumber(tmp_path, rotation):
    path = _upright_on_a_turned_page(tmp_path / f"turned{rotation}.pdf", rotation)
    page = read_pdf(path).pages[0]
    assert (page.width, page.height) == pytest.approx((W, H))  # the displayed page's size
    lines = [line.text for line in words_to_lines(page.words)]
    assert lines == ["Task Lead Target", "1. Paint the bandstand Warden"]
    with pdfplumber.open(path) as pdf:
        theirs = {w["text"]: w for w in pdf.pages[0].extract_words()}
    for word in page.words:
        assert word.x0 == pytest.approx(float(theirs[word.text]["x0"]), abs=1.0)
        assert (word.top + word.bottom) / 2 == pytest.approx((float(theirs[word.text]["top"]) + float(theirs[word.text]["bottom"])) / 2, abs=1.5)
