"""One file to its extraction record: extract then parse, no database."""
from __future__ import annotations

from pathlib import Path

from minutetrail.extract import read_pdf
from minutetrail.models import ExtractionRecord
from minutetrail.parsers.record import parse_pages


def parse_file(path: str | Path, display_name: str | None = None) -> ExtractionRecord:
    pdf = read_pdf(path)
    return parse_pages(display_name or str(path), pdf.sha256, pdf.pages)
