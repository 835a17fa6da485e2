"""Words with boxes from PDFium (pypdfium2): the fast path for every page's text."""
from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from minutetrail.models import Word

X_TOLERANCE = 3.0  # as pdfplumber: a gap wider than this between characters starts a new word
Y_TOLERANCE = 3.0
BOLD_WEIGHT = 600
SPACES = frozenset({0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2002, 0x2003, 0x2009, 0x200B, 0xFEFF, 0x00})
BULLET_CODES = frozenset({0x7F, 0x95, 0xB7, 0x2022, 0x25AA, 0x25CF, 0xF0B7, 0xF0A7})
PATH_OBJECT = 2
IMAGE_OBJECT = 3


def _font_is_bold(textpage: pdfium.PdfTextPage, index: int) -> bool:
    weight = raw.FPDFText_GetFontWeight(textpage.raw, index)
    if weight >= BOLD_WEIGHT:
        return True
    flags = ctypes.c_int(0)
    size = raw.FPDFText_GetFontInfo(textpage.raw, index, None, 0, ctypes.byref(flags))
    if size <= 0:
        return False
    buf = ctypes.create_string_buffer(size)
    raw.FPDFText_GetFontInfo(textpage.raw, index, buf, size, ctypes.byref(flags))
    name = buf.value.decode("latin-1", "replace").lower()
    return "bold" in name or "black" in name or "heavy" in name


def page_words(page: pdfium.PdfPage) -> list[Word]:
    """The words of one page, top-left origin, boxes from the font's loose character boxes."""
    textpage = page.get_textpage()
    try:
        left, _bottom, _right, top_edge = page.get_cropbox()
        n = textpage.count_chars()
        words: list[Word] = []
        chars: list[str] = []
        box = [0.0, 0.0, 0.0, 0.0]
        first = -1
        size = 0.0
        tp = textpage.raw

        def flush() -> None:
            if chars:
                text = "".join(chars)
                words.append(Word(text, box[0] - left, box[1], box[2] - left, box[3],
                                  bold=_font_is_bold(textpage, first), size=size))
            chars.clear()

        for i in range(n):
            code = raw.FPDFText_GetUnicode(tp, i)
            if code in SPACES or raw.FPDFText_IsGenerated(tp, i) == 1:
                flush()
                continue
            x0, y0, x1, y1 = textpage.get_charbox(i, loose=True)
            ctop, cbottom = top_edge - y1, top_edge - y0
            if chars and (x0 - box[2] > X_TOLERANCE or x0 < box[0] - 0.5 or abs(ctop - box[1]) > Y_TOLERANCE):
                flush()
            if not chars:
                first = i
                size = round(cbottom - ctop, 2)  # the loose box height: comparable within a file
                box[:] = [x0, ctop, x1, cbottom]
            else:
                box[2] = max(box[2], x1)
                box[1] = min(box[1], ctop)
                box[3] = max(box[3], cbottom)
            chars.append("•" if code in BULLET_CODES else chr(code) if code < 0x110000 else "")
        flush()
        return words
    finally:
        textpage.close()


def object_counts(page: pdfium.PdfPage) -> tuple[int, int]:
    """(path objects, image objects) on a page: cheap signs of table rules, fills and scans."""
    paths = images = 0
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        kind = raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, i))
        if kind == PATH_OBJECT:
            paths += 1
        elif kind == IMAGE_OBJECT:
            images += 1
    return paths, images
