"""Open a PDF safely and turn each page into PageData (words, rules, fills) with boxes.

PDFium (pypdfium2) reads every page in one pass: words from the text page, ruling lines and
filled cells from the page objects, all on the displayed page (crop box and /Rotate applied).
Neither pdfplumber nor pdfminer is run: on made rotated pages PDFium's words agree with
pdfplumber's (tests/extract/test_words.py), so pdfplumber is no longer the better tool anywhere here.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from minutetrail.errors import ExtractionError
from minutetrail.extract.pdfium_geometry import PageFrame, page_objects
from minutetrail.extract.pdfium_text import page_words
from minutetrail.models import PageData, Warning_

PDF_MAGIC = b"%PDF"
MAGIC_WINDOW = 1024
ENCRYPTED_HINT = "ask the publisher for an unprotected copy, or decrypt it with qpdf --decrypt"
CORRUPT_HINT = "download it again, or repair it with qpdf"
SCANNED_HINT = "run OCR on it (e.g. ocrmypdf) and ingest the result"


@dataclass(frozen=True, slots=True)
class OpenedPdf:
    path: str
    sha256: str
    pages: tuple[PageData, ...]
    warnings: tuple[Warning_, ...] = ()


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_header(path: str) -> None:
    p = Path(path)
    if not p.exists():
        raise ExtractionError(path, "file not found")
    if p.stat().st_size == 0:
        raise ExtractionError(path, "empty file (0 bytes)", "download it again")
    with open(p, "rb") as handle:
        head = handle.read(MAGIC_WINDOW)
    if PDF_MAGIC not in head:
        raise ExtractionError(path, "not a PDF (no %PDF header)", "check the file type")


# ---------------------------------------------------------------- reading


def _open(path: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        if "password" in text or "security" in text:
            raise ExtractionError(path, "encrypted PDF", ENCRYPTED_HINT) from exc
        raise ExtractionError(path, f"corrupt PDF ({exc})", CORRUPT_HINT) from exc


def read_pdf(path: str | Path, *, require_text: bool = True) -> OpenedPdf:
    """Read every page of a PDF. Raises ExtractionError naming the file for bad input."""
    path = str(path)
    _check_header(path)
    sha = file_sha256(path)
    doc = _open(path)
    try:
        if len(doc) == 0:
            raise ExtractionError(path, "PDF has no pages", "check the file is complete")
        pages: list[PageData] = []
        images = 0
        for index in range(len(doc)):
            page = doc[index]
            try:
                frame = PageFrame(page)
                objects = page_objects(page, frame)
                images += objects.images
                pages.append(PageData(index + 1, frame.shown_width, frame.shown_height, tuple(page_words(page, frame)),
                                      objects.rules, objects.fills))
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise ExtractionError(path, f"corrupt PDF ({exc})", CORRUPT_HINT) from exc
    finally:
        doc.close()
    if require_text and not any(p.words for p in pages):
        reason = "no text layer: scanned pages" if images else "no text on any page"
        raise ExtractionError(path, reason, SCANNED_HINT)
    return OpenedPdf(path=path, sha256=sha, pages=tuple(pages))


__all__ = ["OpenedPdf", "read_pdf", "file_sha256"]
