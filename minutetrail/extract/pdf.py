"""Open a PDF safely and turn each page into PageData (words, rules, fills) with boxes."""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfplumber.utils.exceptions import PdfminerException
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from minutetrail.errors import ExtractionError
from minutetrail.extract.colour import to_rgb
from minutetrail.models import Fill, PageData, Rule, Word

PDF_MAGIC = b"%PDF"
MAGIC_WINDOW = 1024
MIN_FILL_SIDE = 2.0  # points; thinner filled rects are ruling lines
WHITE_LEVEL = 0.97

for _noisy in ("pdfminer", "pdfplumber"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)


@dataclass(frozen=True, slots=True)
class OpenedPdf:
    path: str
    sha256: str
    pages: tuple[PageData, ...]


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


CID = re.compile(r"\(cid:\d+\)")


def _clean_text(text: str) -> str:
    """Glyphs without a Unicode mapping come out as "(cid:N)": alone they are bullets, inside a word noise."""
    if CID.fullmatch(text):
        return "•"
    return CID.sub("", text)


def _word(raw: dict) -> Word:
    font = str(raw.get("fontname", ""))
    return Word(
        text=_clean_text(raw["text"]),
        x0=float(raw["x0"]),
        top=float(raw["top"]),
        x1=float(raw["x1"]),
        bottom=float(raw["bottom"]),
        bold="bold" in font.lower() or "black" in font.lower(),
        size=float(raw.get("size", 0.0)),
    )


def _rules(page: pdfplumber.page.Page) -> tuple[Rule, ...]:
    rules = []
    for edge in page.edges:
        rules.append(Rule(float(edge["x0"]), float(edge["top"]), float(edge["x1"]), float(edge["bottom"])))
    return tuple(rules)


def _fills(page: pdfplumber.page.Page) -> tuple[Fill, ...]:
    fills = []
    for rect in page.rects:
        if not rect.get("fill"):
            continue
        if rect["width"] < MIN_FILL_SIDE or rect["height"] < MIN_FILL_SIDE:
            continue
        rgb = to_rgb(rect.get("non_stroking_color"))
        if rgb is None or min(rgb) >= WHITE_LEVEL:
            continue
        fills.append(Fill(float(rect["x0"]), float(rect["top"]), float(rect["x1"]), float(rect["bottom"]), rgb))
    return tuple(fills)


def _page_data(page: pdfplumber.page.Page) -> PageData:
    raw_words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
    words = tuple(w for w in (_word(r) for r in raw_words) if w.text)
    return PageData(
        number=page.page_number,
        width=float(page.width),
        height=float(page.height),
        words=words,
        rules=_rules(page),
        fills=_fills(page),
    )


def read_pdf(path: str | Path, *, require_text: bool = True) -> OpenedPdf:
    """Read every page of a PDF. Raises ExtractionError naming the file for bad input."""
    path = str(path)
    _check_header(path)
    sha = file_sha256(path)
    try:
        with pdfplumber.open(path) as pdf:
            if not pdf.pages:
                raise ExtractionError(path, "PDF has no pages", "check the file is complete")
            pages = tuple(_page_data(p) for p in pdf.pages)
            has_images = any(p.images for p in pdf.pages[:5])
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args else exc
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ExtractionError(path, "encrypted PDF", "ask the publisher for an unprotected copy or decrypt it with qpdf") from exc
        raise ExtractionError(path, f"corrupt PDF ({inner.__class__.__name__}: {inner})", "download it again or repair it with qpdf") from exc
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ExtractionError(path, "encrypted PDF", "ask the publisher for an unprotected copy or decrypt it with qpdf") from exc
    except (PDFSyntaxError, PSException) as exc:
        raise ExtractionError(path, f"corrupt PDF ({exc.__class__.__name__})", "download it again or repair it with qpdf") from exc
    except ExtractionError:
        raise
    except (ValueError, KeyError, TypeError, AssertionError) as exc:  # pdfminer's failures on damaged files
        raise ExtractionError(path, f"unreadable PDF ({exc.__class__.__name__}: {exc})", "repair it with qpdf") from exc
    if require_text and not any(p.words for p in pages):
        reason = "no text layer: scanned pages" if has_images else "no text on any page"
        raise ExtractionError(path, reason, "run OCR on it (e.g. ocrmypdf) and ingest the result")
    return OpenedPdf(path=path, sha256=sha, pages=pages)
