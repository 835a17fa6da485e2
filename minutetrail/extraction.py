"""One file to its extraction record: extract then parse, no database."""
from __future__ import annotations

from pathlib import Path

from minutetrail.extract import read_pdf
from minutetrail.models import ExtractionRecord, OcrMode
from minutetrail.parsers.record import parse_pages


def parse_file(path: str | Path, display_name: str | None = None, *, ocr: OcrMode | str = OcrMode.AUTO) -> ExtractionRecord:
    """ocr: read pages with no text layer by OCR (auto), every page (always) or none (never)."""
    pdf = read_pdf(path, ocr=ocr)
    return parse_pages(display_name or str(path), pdf.sha256, pdf.pages, ocr=pdf.ocr, read_warnings=pdf.warnings)
