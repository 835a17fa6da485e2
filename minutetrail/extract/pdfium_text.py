"""Words with boxes from PDFium (pypdfium2): the fast path for every page's text.

The page's text comes in one call (FPDFText_GetText); its whitespace, including the spaces and
line breaks PDFium generates where it sees gaps, splits it into runs. Within a run each character's
loose box is read with a direct call, and a run is split again where a gap, a step back or a change
of line shows two printed words (as pdfplumber's x and y tolerances do), and where a list number
is set off from its first title word by a tab stop narrower than X_TOLERANCE (NUM-GLUE).
"""
from __future__ import annotations

import ctypes
import re
from collections.abc import Callable
from functools import cache
from typing import Any, cast

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from minutetrail.extract.pdfium_geometry import PageFrame
from minutetrail.models import Word

X_TOLERANCE = 3.0  # as pdfplumber: a gap wider than this between characters starts a new word
Y_TOLERANCE = 3.0
BACKSTEP = 0.5  # points: a character starting this far left of its word's start begins a new word
BOLD_WEIGHT = 600
NUMBER_GAP_EM = 0.05  # of the loose box height: a gap this wide after a list number ends the number
SPACES = "\x20\x09\x0a\x0d\xa0\u2002\u2003\u2009\u200b\ufeff\x00"
RUN = re.compile(f"[^{SPACES}]+")
RUN_WIDTH_EM = 0.9  # of the loose box height: a run wider than this a character holds a gap
LIST_NUMBER = re.compile(r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[A-Za-z][.)]|\(?[ivxlcIVXLC]{1,6}[.)])$")
GLUED_NUMBER = re.compile(r"(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[A-Za-z][.)]|\(?[ivxlcIVXLC]{1,6}[.)])[^\W\d_]")
BULLETS = "\x7f\x95\xb7\u2022\u25aa\u25cf\uf0b7\uf0a7"
# PDFium marks a hyphen that ends a line as U+0002 (U+FFFE in the page's text): it is a printed hyphen
CHAR_MAP = str.maketrans({**{b: "•" for b in BULLETS}, "\x02": "-", "\ufffe": "-"})
MAPPED = re.compile(f"[{BULLETS}\x02\ufffe]")


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


def _returning_address(function: Any, *args: Any) -> Callable[..., int | None]:
    """The same PDFium function, declared to return a plain address (an int) that can key a dict."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    prototype: Any = ctypes.CFUNCTYPE(ctypes.c_void_p, *args)
    return cast("Callable[..., int | None]", prototype(address))


@cache
def _address_getters() -> tuple[Callable[..., int | None], Callable[..., int | None]]:
    """(text object of a character, font of a text object), as addresses."""
    return (_returning_address(raw.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_int),
            _returning_address(raw.FPDFTextObj_GetFont, ctypes.c_void_p))


def _bold_reader(textpage: pdfium.PdfTextPage) -> Callable[[int], bool]:
    """Whether a character's font is bold, worked out once per font and remembered per text object."""
    text_object, font_of = _address_getters()
    tp = ctypes.cast(textpage.raw, ctypes.c_void_p)
    by_object: dict[int | None, bool] = {}
    by_font: dict[int | None, bool] = {}

    def bold_of(index: int) -> bool:
        obj = text_object(tp, index)
        bold = by_object.get(obj)
        if bold is None:
            font = font_of(obj) if obj else None
            bold = by_font.get(font)
            if bold is None:
                bold = by_font[font] = _font_is_bold(textpage, index)
            by_object[obj] = bold
        return bold
    return bold_of


def _page_text(tp: object, n: int) -> str:
    """The n characters of the text page, one str character per PDFium character index."""
    buf = ctypes.create_string_buffer(2 * (n + 1))
    got = raw.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[: 2 * max(got - 1, 0)].decode("utf-16-le", "surrogatepass")
    if len(text) != n:  # characters outside the BMP come as surrogate pairs: read them one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(n))
    return text


class _TextReader:
    """One text page read into words: loose character boxes by direct calls, on the displayed page.

    The per-character calls are closures over locals (no attribute lookups): they run twice per word.
    """

    def __init__(self, frame: PageFrame, textpage: pdfium.PdfTextPage, n: int) -> None:
        self.frame = frame
        self.tp = textpage.raw
        text = _page_text(self.tp, n)
        self.text = text.translate(CHAR_MAP) if MAPPED.search(text) else text
        self.bold_of = _bold_reader(textpage)
        self.words: list[Word] = []
        self.char_box = self._box_reader()

    def _box_reader(self) -> Callable[[int], tuple[float, float, float, float]]:
        """(x0, top, x1, bottom) of a character's loose box on the displayed page, top-left origin."""
        get, tp, rect = raw.FPDFText_GetLooseCharBox, self.tp, raw.FS_RECTF()
        ref, frame = ctypes.byref(rect), self.frame
        if frame.turns:  # a page shown turned by /Rotate: the box as it lies on the displayed page
            def turned(index: int) -> tuple[float, float, float, float]:
                get(tp, index, ref)
                return frame.box(rect.left, rect.bottom, rect.right, rect.top)
            return turned
        left, top_edge = frame.left, frame.top

        def upright(index: int) -> tuple[float, float, float, float]:
            get(tp, index, ref)
            return rect.left - left, top_edge - rect.top, rect.right - left, top_edge - rect.bottom
        return upright

    def word(self, first: int, end: int, x0: float, top: float, x1: float, bottom: float, size: float) -> None:
        self.words.append(Word(self.text[first:end], x0, top, x1, bottom, bold=self.bold_of(first), size=size))

    def runs(self) -> None:
        """Every run of characters between spaces: one word unless its ends show a gap, a step back or a new line."""
        text, char_box, bold_of, append = self.text, self.char_box, self.bold_of, self.words.append
        glued = GLUED_NUMBER.match
        for run in RUN.finditer(text):
            start, end = run.span()
            x0, top, x1, bottom = char_box(start)
            size = round(bottom - top, 2)  # the loose box height: comparable within a file
            if end - start > 1:
                lx0, ltop, lx1, lbottom = char_box(end - 1)
                if (abs(ltop - top) > Y_TOLERANCE or lx0 < x0 - BACKSTEP or lx1 - x0 > (end - start) * size * RUN_WIDTH_EM
                        or "-" in run.group() or glued(text, start, end)):
                    self.by_chars(start, end)
                    continue
                if lx1 > x1:
                    x1 = lx1
                if ltop < top:
                    top = ltop
                if lbottom > bottom:
                    bottom = lbottom
            append(Word(run.group(), x0, top, x1, bottom, bold=bold_of(start), size=size))

    def by_chars(self, start: int, end: int) -> None:
        """A run read character by character, split where pdfplumber's tolerances or a glued list number say."""
        text, char_box = self.text, self.char_box
        first = start
        x0 = x1 = top = bottom = size = 0.0
        for i in range(start, end):
            cx0, ctop, cx1, cbottom = char_box(i)
            if i > first:
                gap = cx0 - x1
                if (gap > X_TOLERANCE or cx0 < x0 - BACKSTEP or abs(ctop - top) > Y_TOLERANCE
                        or (gap >= NUMBER_GAP_EM * size and text[i].isupper() and LIST_NUMBER.match(text[first:i]))):
                    self.word(first, i, x0, top, x1, bottom, size)
                    first = i
            if i == first:
                x0, top, x1, bottom = cx0, ctop, cx1, cbottom
                size = round(cbottom - ctop, 2)
            else:
                x1, top, bottom = max(x1, cx1), min(top, ctop), max(bottom, cbottom)
        self.word(first, end, x0, top, x1, bottom, size)


def page_words(page: pdfium.PdfPage, frame: PageFrame | None = None, *, by_chars: bool = False) -> list[Word]:
    """The words of one page, top-left origin, boxes from the font's loose character boxes.

    by_chars reads every character's box (slower; the reference the run-ends shortcut is checked against).
    """
    textpage = page.get_textpage()
    try:
        n = textpage.count_chars()
        if n <= 0:
            return []
        reader = _TextReader(frame or PageFrame(page), textpage, n)
        if by_chars:
            for run in RUN.finditer(reader.text):
                reader.by_chars(run.start(), run.end())
        else:
            reader.runs()
        return reader.words
    finally:
        textpage.close()
