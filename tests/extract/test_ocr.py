"""Scanned pages read by OCR (OCRmyPDF + Tesseract): made scans of invented text and of real gold papers.

These run the real OCR tools (`make test` installs them: .ci/ensure-debian-packages and the [ocr] extra).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from minutetrail.cli import cli
from minutetrail.errors import ExtractionError
from minutetrail.evaluate import compare, source_pdf
from minutetrail.extract import pdf as extract_pdf
from minutetrail.extract import read_pdf
from minutetrail.extraction import parse_file
from minutetrail.parsers.record import record_to_dict
from tests.conftest import GOLD, SAMPLES
from tests.scans import rasterise

F1_SLACK = 0.05  # the OCR copy of a paper scores within this of the born-digital file
SCORED = ("agenda_items", "minute_items", "actions")


def _agenda(path: Path) -> Path:
    """A one-page agenda of invented items (born digital)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    _w, h = A4
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, h - 80, "AGENDA")
    c.setFont("Helvetica", 12)
    c.drawString(72, h - 110, "Quillbrook Orchard Committee, 14 March 2024")
    for i, title in enumerate(["Apologies for absence", "Declarations of interest", "Hedgerow planting scheme",
                               "Footpath lighting survey", "Any other business"], start=1):
        c.drawString(72, h - 150 - 28 * i, f"{i}.")
        c.drawString(100, h - 150 - 28 * i, title)
    c.showPage()
    c.save()
    return path


def _two_pages(tmp_path: Path) -> Path:
    """Page 1 born digital, page 2 the same agenda scanned: a pack with one scanned page."""
    from pypdfium2 import PdfDocument

    text = _agenda(tmp_path / "text.pdf")
    scan = rasterise(text, tmp_path / "scan.pdf", 200)
    pack = PdfDocument(str(text))
    pack.import_pages(PdfDocument(str(scan)))
    pack.save(str(tmp_path / "pack.pdf"))
    return tmp_path / "pack.pdf"


def test_text_pdf_with_ocr_auto_never_runs_ocr(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("OCR ran on a PDF with a text layer")

    monkeypatch.setattr(extract_pdf, "ocr_copy", refuse)
    pdf = sorted(SAMPLES.glob("*.pdf"))[0]
    record = parse_file(pdf, ocr="auto")
    assert record.ocr is None and "ocr" not in record_to_dict(record)["source"]
    assert not any(p.ocr for p in read_pdf(pdf).pages)


def test_scanned_page_with_ocr_never_is_refused_with_what_to_do(tmp_path):
    scan = rasterise(_agenda(tmp_path / "agenda.pdf"), tmp_path / "scanned-agenda.pdf", 100)
    with pytest.raises(ExtractionError) as info:
        parse_file(scan, ocr="never")
    message = str(info.value)
    assert "scanned-agenda.pdf" in message and "scanned" in message and "--ocr auto" in message
    result = CliRunner().invoke(cli, ["parse", "--ocr", "never", str(scan)])
    assert result.exit_code == 1 and "scanned" in result.output and "--ocr auto" in result.output


def test_missing_ocr_tools_are_named(tmp_path, monkeypatch):
    from minutetrail.extract import ocr

    lacking = lambda: ["Tesseract (Debian: tesseract-ocr)"]  # noqa: E731
    monkeypatch.setattr(ocr, "missing_tools", lacking)
    monkeypatch.setattr(extract_pdf, "missing_tools", lacking)
    scan = rasterise(_agenda(tmp_path / "agenda.pdf"), tmp_path / "scan.pdf", 100)
    with pytest.raises(ExtractionError) as info:
        parse_file(scan)
    assert "tesseract-ocr" in str(info.value) and "pip install 'minutetrail[ocr]'" in str(info.value)
    pack = _two_pages(tmp_path)  # one text page: it is read, the scanned page is named as not read
    record = parse_file(pack)
    assert record.ocr is None and [w.page for w in record.warnings if "scanned page not read" in w.message] == [2]


def test_only_the_scanned_page_of_a_pack_is_read_by_ocr_and_the_file_is_untouched(tmp_path, monkeypatch):
    import tempfile

    pack = _two_pages(tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    before = (pack.read_bytes(), pack.stat().st_mtime_ns)
    opened = read_pdf(pack, ocr="auto")
    assert [p.ocr for p in opened.pages] == [False, True]
    assert opened.ocr is not None and opened.ocr.pages == (2,) and "tesseract" in opened.ocr.engine
    born, scanned = ([w.text for w in p.words] for p in opened.pages)
    assert {"Hedgerow", "planting", "Footpath", "lighting"} <= set(scanned)
    assert abs(opened.pages[0].width - opened.pages[1].width) < 1  # same page, same geometry
    record = record_to_dict(parse_file(pack, ocr="auto"))
    assert record["source"]["ocr"]["pages"] == [2]
    assert any("read by OCR" in w["message"] and w["page"] == 2 for w in record["warnings"])
    assert (pack.read_bytes(), pack.stat().st_mtime_ns) == before
    assert {p.name for p in tmp_path.iterdir()} == {"text.pdf", "scan.pdf", "pack.pdf", "scratch"}
    assert not list(scratch.iterdir())  # the OCR copy was made in a temporary folder, and it is gone


# (gold file, dpi): an agenda front sheet, an agenda with an action table, minutes with numbered items.
# 200 dpi is enough for body text; the second needs 300 for its small table type.
GOLD_SCANS = [
    ("real/nipissing-township/agenda-2024-11-12.json", 200),
    ("real/souldern-pc/agenda-2023-11-30.json", 300),
    ("real/north-of-tyne-lpc/minutes-2017-09-06.json", 200),
]


@pytest.mark.parametrize("gold_name, dpi", GOLD_SCANS, ids=[Path(g).stem for g, _ in GOLD_SCANS])
def test_scanned_copy_of_a_gold_paper_scores_near_the_born_digital_file(gold_name, dpi, tmp_path):
    gold_path = GOLD / gold_name
    gold = json.loads(gold_path.read_text("utf-8"))
    born_pdf = source_pdf(gold_path, gold)
    scan = rasterise(born_pdf, tmp_path / born_pdf.name, dpi)
    assert not any(p.words for p in read_pdf(scan, ocr="never", require_text=False).pages)  # really no text layer
    result = CliRunner().invoke(cli, ["parse", "--ocr", "auto", str(scan)])
    assert result.exit_code == 0, result.output
    scanned = json.loads(result.output)
    assert scanned["source"]["ocr"]["pages"] == list(range(1, scanned["source"]["pages"] + 1))
    born = compare(gold, record_to_dict(parse_file(born_pdf)), str(gold_path))
    ocr = compare(gold, scanned, str(gold_path))
    scored = [c for c in SCORED if born.scores[c].tp + born.scores[c].fn]
    assert scored
    for category in scored:
        assert ocr.scores[category].f1 >= born.scores[category].f1 - F1_SLACK, (category, ocr.misses, ocr.spurious)


def test_a_picture_with_no_text_gives_no_words_from_ocr(bad_files):
    """OCR reads a speck or two off a picture; a page needs a few real words to count as text."""
    with pytest.raises(ExtractionError) as info:
        read_pdf(bad_files["scanned"], ocr="auto")
    assert "scanned" in str(info.value) and "no legible text" in str(info.value) and info.value.hint


def test_ingest_takes_the_ocr_option_and_stores_the_note(tmp_path):
    from sqlalchemy import select

    from minutetrail.db import schema as S
    from minutetrail.db.session import Database

    folder = tmp_path / "scans"
    folder.mkdir()
    rasterise(_agenda(tmp_path / "agenda.pdf"), folder / "agenda-scan.pdf", 200)
    never = CliRunner().invoke(cli, ["--db", str(tmp_path / "never.db"), "ingest", "--ocr", "never", str(folder)])
    assert never.exit_code == 1 and "agenda-scan.pdf" in never.output and "--ocr auto" in never.output
    auto = CliRunner().invoke(cli, ["--db", str(tmp_path / "auto.db"), "ingest", "--ocr", "auto", str(folder)])
    assert auto.exit_code == 0, auto.output
    assert "1 inserted" in auto.output and "5 agenda items" in auto.output
    db = Database(f"sqlite:///{tmp_path / 'auto.db'}")
    try:
        with db.session(write=False) as session:
            doc = session.scalars(select(S.Document)).one()
            assert doc.status == "ingested" and any("read by OCR" in w["message"] for w in doc.warnings)
    finally:
        db.close()


def test_ocr_always_reads_a_text_page_from_its_pixels(tmp_path):
    """--ocr always: a text layer that cannot be trusted (garbled fonts) is replaced by what OCR reads."""
    record = parse_file(_agenda(tmp_path / "agenda.pdf"), ocr="always")
    assert record.ocr is not None and record.ocr.pages == (1,)
    assert [i.number for i in record.agenda_items] == ["1", "2", "3", "4", "5"]
    assert any("Hedgerow planting scheme" in i.title for i in record.agenda_items)  # OCR may add a speck ("| ")


def test_the_ocr_note_names_the_pages_as_ranges():
    from minutetrail.models import OcrProvenance
    from minutetrail.parsers.record import ocr_note

    note = ocr_note(OcrProvenance((1, 2, 3, 5, 9, 10), "ocrmypdf 1 / tesseract 5", "eng"))
    assert note.page == 1 and "pages 1-3, 5, 9-10 read by OCR (ocrmypdf 1 / tesseract 5, language eng)" in note.message


def test_bars_read_off_ruling_lines_are_not_words():
    from minutetrail.models import Word

    words = tuple(Word(t, 10.0 * i, 0, 10.0 * i + 8, 10) for i, t in enumerate(["|", "Hedgerow", "||", "planting", "scheme", "¦"]))
    assert [w.text for w in extract_pdf._legible(words)] == ["Hedgerow", "planting", "scheme"]
    assert extract_pdf._legible(words[:2]) == ()  # one word off a picture is a speck, not text


def test_the_scanned_township_package_front_sheet_gives_its_agenda_items(tmp_path):
    """The corpus's scanned package (39 image-only pages; bench/ocr_speed.py reads it all): its first page."""
    from pypdfium2 import PdfDocument

    from tests.conftest import CORPUS

    package = PdfDocument(str(CORPUS / "real" / "nipissing-township" / "council-package-2025-01-07.pdf"))
    front = PdfDocument.new()
    front.import_pages(package, [0])
    front.save(str(tmp_path / "front.pdf"))
    record = parse_file(tmp_path / "front.pdf", ocr="auto")
    assert record.ocr is not None and record.documents[0].kind == "agenda"
    numbers = [i.number for i in record.agenda_items]
    assert len(numbers) >= 13 and numbers[:3] == ["1", "2", "3"]
