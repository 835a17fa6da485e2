"""Open a PDF safely and turn each page into PageData (words, rules, fills) with boxes.

PDFium (pypdfium2) reads every page in one pass: words from the text page, ruling lines and
filled cells from the page objects, all on the displayed page (crop box and /Rotate applied).
Neither pdfplumber nor pdfminer is run: on made rotated pages PDFium's words agree with
pdfplumber's (tests/extract/test_words.py), so pdfplumber is no longer the better tool anywhere here.
Pages with no text layer that show an image (scans) are read by OCR (extract/ocr.py) unless told not
to; their words then come from the OCR text layer of a temporary copy, marked ``ocr`` on the page.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2 as pdfium

from minutetrail.errors import ExtractionError
from minutetrail.extract.ocr import INSTALL_HINT, NEVER_HINT, engine, missing_tools, ocr_copy, ocr_languages
from minutetrail.extract.pdfium_geometry import PageFrame, page_objects
from minutetrail.extract.pdfium_text import page_words
from minutetrail.extract.ink import weigh_words
from minutetrail.extract.raster_rules import image_rules, page_ink
from minutetrail.models import OcrMode, OcrProvenance, PageData, Warning_, Word

PDF_MAGIC = b"%PDF"
MAGIC_WINDOW = 1024
ENCRYPTED_HINT = "ask the publisher for an unprotected copy, or decrypt it with qpdf --decrypt"
LEGIBLE_WORD = re.compile(r"[^\W_]{3}")  # three letters or digits in a row: a word, not a speck
RULE_GLYPHS = re.compile(r"[|¦]+")  # a word of bars alone: a rule or cell edge read as text
MIN_LEGIBLE_WORDS = 3  # a scanned page whose OCR finds fewer such words holds a picture, not text
OCR_EMPTY_HINT = "check that the pages show text; a scan at 300 dpi reads best"
CORRUPT_HINT = "download it again, or repair it with qpdf"
SCANNED_HINT = "its text may be drawn as outlines or scanned too faintly: try --ocr always, or ask for a copy with a text layer"


@dataclass(frozen=True, slots=True)
class OpenedPdf:
    path: str
    sha256: str
    pages: tuple[PageData, ...]
    warnings: tuple[Warning_, ...] = ()
    ocr: OcrProvenance | None = None  # which pages OCR read, when it did


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


def _read_pages(path: str, numbers: Sequence[int] | None = None, *, scanned: bool = False) -> tuple[list[PageData], list[int]]:
    """The pages (all, or those numbered, 1-based) and how many image objects each holds.

    scanned: the words were recognised from the page's image: their weight comes from their ink, and the
    rules drawn in its pixels (a scanned grid) join its vector rules.
    """
    doc = _open(path)
    try:
        if len(doc) == 0:
            raise ExtractionError(path, "PDF has no pages", "check the file is complete")
        pages: list[PageData] = []
        images: list[int] = []
        for number in numbers or range(1, len(doc) + 1):
            page = doc[number - 1]
            try:
                frame = PageFrame(page)
                objects = page_objects(page, frame)
                images.append(objects.images)
                words, rules = tuple(page_words(page, frame)), objects.rules
                if scanned:
                    dark, scale = page_ink(page)
                    words, rules = weigh_words(dark, scale, words), rules + image_rules(dark, scale)
                pages.append(PageData(number, frame.shown_width, frame.shown_height, words, rules, objects.fills))
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise ExtractionError(path, f"corrupt PDF ({exc})", CORRUPT_HINT) from exc
    finally:
        doc.close()
    return pages, images


def _pages_to_ocr(pages: Sequence[PageData], images: Sequence[int], mode: OcrMode) -> list[int]:
    """AUTO: the pages with no text that show an image (a scan); ALWAYS: every page; NEVER: none."""
    if mode == OcrMode.ALWAYS:
        return [p.number for p in pages]
    if mode == OcrMode.AUTO:
        return [p.number for p, count in zip(pages, images) if count and not p.words]
    return []


def _legible(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """OCR's words of a page, without the bars Tesseract reads off ruling lines and cell edges ("|"), or none
    when they are a few specks read off a picture (a photo, a map, a signature)."""
    words = tuple(w for w in words if not RULE_GLYPHS.fullmatch(w.text))
    real = sum(1 for w in words if LEGIBLE_WORD.search(w.text))
    return words if real >= MIN_LEGIBLE_WORDS else ()


def _with_ocr(path: str, pages: list[PageData], wanted: list[int], mode: OcrMode) -> tuple[list[PageData], OcrProvenance]:
    """The pages, those in ``wanted`` with the words OCR recognised; a scan's rules are found in its pixels."""
    with ocr_copy(path, wanted, mode) as copy:
        recognised, _ = _read_pages(str(copy), wanted, scanned=True)
    by_number = {p.number: p for p in recognised}
    out = [replace(p, words=_legible(by_number[p.number].words), rules=p.rules or by_number[p.number].rules, ocr=True)
           if p.number in by_number else p for p in pages]
    return out, OcrProvenance(tuple(wanted), engine(), ocr_languages())


def read_pdf(path: str | Path, *, require_text: bool = True, ocr: OcrMode | str = OcrMode.AUTO) -> OpenedPdf:
    """Read every page of a PDF. Raises ExtractionError naming the file for bad input.

    ocr: AUTO reads pages with no text layer by OCR (OCRmyPDF + Tesseract), ALWAYS every page, NEVER none.
    """
    path, mode = str(path), OcrMode(ocr)
    _check_header(path)
    sha = file_sha256(path)
    pages, images = _read_pages(path)
    provenance: OcrProvenance | None = None
    warnings: list[Warning_] = []
    wanted = _pages_to_ocr(pages, images, mode)
    if wanted and (mode == OcrMode.ALWAYS or not any(p.words for p in pages) or not missing_tools()):
        pages, provenance = _with_ocr(path, pages, wanted, mode)
    elif wanted:  # some text pages and some scanned ones, no OCR here: read what has text, name the rest
        warnings.extend(Warning_(n, f"scanned page not read: {INSTALL_HINT}") for n in wanted)
    if require_text and not any(p.words for p in pages):
        if provenance is not None:
            raise ExtractionError(path, f"scanned pages, and OCR ({provenance.engine}) found no legible text on them",
                                  OCR_EMPTY_HINT)
        if any(images):
            raise ExtractionError(path, "no text layer: scanned pages", NEVER_HINT if mode == OcrMode.NEVER else SCANNED_HINT)
        raise ExtractionError(path, "no text on any page", SCANNED_HINT)
    return OpenedPdf(path=path, sha256=sha, pages=tuple(pages), warnings=tuple(warnings), ocr=provenance)


__all__ = ["OpenedPdf", "read_pdf", "file_sha256"]
