"""Open a PDF safely and turn each page into PageData (words, rules, fills) with boxes.

PDFium (pypdfium2) reads the text of every page; pdfplumber's geometry (ruling lines and
filled cells) is read only for pages that hold a table, which is where its cost is worth it.
"""
from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from minutetrail.errors import ExtractionError
from minutetrail.extract.colour import to_rgb
from minutetrail.extract.pdfium_text import object_counts, page_words
from minutetrail.models import Fill, PageData, Rule, Warning_, Word
from minutetrail.parsers.tables import match_header
from minutetrail.parsers.text import words_to_lines

PDF_MAGIC = b"%PDF"
MAGIC_WINDOW = 1024
MIN_FILL_SIDE = 2.0  # points; thinner filled rects are ruling lines
WHITE_LEVEL = 0.97
CID = re.compile(r"\(cid:\d+\)")
ENCRYPTED_HINT = "ask the publisher for an unprotected copy, or decrypt it with qpdf --decrypt"
CORRUPT_HINT = "download it again, or repair it with qpdf"
SCANNED_HINT = "run OCR on it (e.g. ocrmypdf) and ingest the result"

for _noisy in ("pdfminer", "pdfplumber"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)


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


# ---------------------------------------------------------------- pdfplumber geometry


def _clean_text(text: str) -> str:
    """Glyphs without a Unicode mapping come out as "(cid:N)": alone they are bullets, inside a word noise."""
    if CID.fullmatch(text):
        return "•"
    return CID.sub("", text)


def _plumber_word(raw: dict) -> Word:
    font = str(raw.get("fontname", "")).lower()
    return Word(_clean_text(raw["text"]), float(raw["x0"]), float(raw["top"]), float(raw["x1"]), float(raw["bottom"]),
                bold="bold" in font or "black" in font, size=float(raw.get("size", 0.0)))


def _rules(page: pdfplumber.page.Page) -> tuple[Rule, ...]:
    return tuple(Rule(float(e["x0"]), float(e["top"]), float(e["x1"]), float(e["bottom"])) for e in page.edges)


def _fills(page: pdfplumber.page.Page) -> tuple[Fill, ...]:
    fills = []
    for rect in page.rects:
        if not rect.get("fill") or rect["width"] < MIN_FILL_SIDE or rect["height"] < MIN_FILL_SIDE:
            continue
        rgb = to_rgb(rect.get("non_stroking_color"))
        if rgb is None or min(rgb) >= WHITE_LEVEL:
            continue
        fills.append(Fill(float(rect["x0"]), float(rect["top"]), float(rect["x1"]), float(rect["bottom"]), rgb))
    return tuple(fills)


def _has_table_header(words: Sequence[Word]) -> bool:
    lines = words_to_lines(words)
    return any(match_header(line, lines[i + 1 : i + 3]) is not None for i, line in enumerate(lines))


def _geometry(path: str, pages: list[PageData], wanted: set[int], rotated: set[int]) -> list[Warning_]:
    """Fill in rules and fills (and, for rotated pages, words) from pdfplumber, in place."""
    if not wanted and not rotated:
        return []
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) < len(pages):  # a damaged file the two readers read differently
                return [Warning_(None, f"table geometry unavailable (pdfminer reads {len(pdf.pages)} of {len(pages)} pages); "
                                       "tables read without rules or cell colours")]
            for number in sorted(wanted | rotated):
                page = pdf.pages[number - 1]
                data = pages[number - 1]
                if number in rotated:
                    words = tuple(w for w in (_plumber_word(r) for r in page.extract_words(extra_attrs=["fontname", "size"])) if w.text)
                    data = replace(data, words=words, width=float(page.width), height=float(page.height))
                pages[number - 1] = replace(data, rules=_rules(page), fills=_fills(page))
    except (PdfminerException, PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as exc:
        return [Warning_(None, f"table geometry unavailable ({exc.__class__.__name__}); tables read without rules or cell colours")]
    return []


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
        wanted: set[int] = set()
        rotated: set[int] = set()
        images = 0
        prev_table = False
        for index in range(len(doc)):
            page = doc[index]
            try:
                number = index + 1
                width, height = page.get_size()
                if page.get_rotation() % 360:
                    rotated.add(number)
                    words: list[Word] = []
                else:
                    words = page_words(page)
                paths, imgs = object_counts(page)
                images += imgs
                table = bool(words) and _has_table_header(words)
                if table or (prev_table and paths):
                    wanted.add(number)
                prev_table = table or (prev_table and bool(paths))
                pages.append(PageData(number, float(width), float(height), tuple(words)))
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise ExtractionError(path, f"corrupt PDF ({exc})", CORRUPT_HINT) from exc
    finally:
        doc.close()
    warnings = _geometry(path, pages, wanted, rotated)
    if require_text and not any(p.words for p in pages):
        reason = "no text layer: scanned pages" if images else "no text on any page"
        raise ExtractionError(path, reason, SCANNED_HINT)
    return OpenedPdf(path=path, sha256=sha, pages=tuple(pages), warnings=tuple(warnings))


__all__ = ["OpenedPdf", "read_pdf", "file_sha256", "PDFEncryptionError", "PDFPasswordIncorrect"]
