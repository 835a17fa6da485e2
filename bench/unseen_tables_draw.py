"""Draw one action table as a PDF (reportlab), in the layout a spec asks for: the renderer of
``bench/unseen_tables.py``. Returns the page each body row starts on (for the gold record).

Invented text only; nothing here reads minutetrail.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A3, A4, landscape, letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

rl_config.invariant = 1
FONT, BOLD, ITALIC = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"
MARGIN = 40.0
RGB = tuple[float, float, float]


@dataclass
class Cell:
    text: str = ""
    fill: RGB | None = None
    dot: RGB | None = None  # a filled traffic-light circle in the cell


@dataclass
class Spec:
    """What to draw: a header, body rows of cells, and how the table is set."""

    headers: list[list[str]]  # each header cell as its printed lines (wrapped again if too wide)
    weights: list[float]
    rows: list[list[Cell]]
    banners: dict[int, str] = field(default_factory=dict)  # row index -> spanning heading printed above it
    ruling: str = "grid"  # grid | hrules | underline | none | zebra_* | box | vrules | box_hrules | grid_header_hrules
    header_bold: bool = True
    header_fill: RGB | None = None
    header_white: bool = False  # white header text (on a dark fill)
    size: float = 9.0
    landscape: bool = False
    repeat_header: bool = True
    split_rows: bool = True  # a row may break over the page foot
    title: str | None = None
    committee: str = ""
    before_page: list[str] = field(default_factory=list)  # a page of prose before the table
    before_same_page: list[str] = field(default_factory=list)  # prose above the table on its page
    page_height: float = 0.0  # 0: the A4 height; smaller to force page breaks
    header_italic: bool = False
    paper: str = ""  # "" A4 (landscape by ``landscape``); letter; a3_landscape
    continued: bool = False  # "<title> (continued)" above the repeated header
    banner_fill: RGB | None = None  # banners set on a shaded band
    running_header: str = ""  # a small running line at the top of every page
    appendix: str = ""  # a heading above everything ("Appendix A")
    after: list[str] = field(default_factory=list)  # prose under the table (a RAG key)
    header_underline: bool = False  # each header line underlined under its words
    foot_note: str = ""  # a line at the foot of every page the table runs on from ("Continued overleaf")
    key_above: str = ""  # a paragraph just above the header (a RAG key)


def _widths(spec: Spec, total: float, pad: float) -> list[float]:
    """Each column wide enough for its longest word (header or body), the rest shared by weight."""
    floor = []
    for ci, lines in enumerate(spec.headers):
        words = [(w, BOLD) for ln in lines for w in ln.split()] + [(w, FONT) for row in spec.rows for w in row[ci].text.split()]
        dot = spec.size * 1.4 if any(row[ci].dot and row[ci].text for row in spec.rows) else 0.0
        floor.append(max(stringWidth(w, font, spec.size) for w, font in words) + 2 * pad + 2 + dot if words else 2 * pad)
    spare = max(0.0, total - sum(floor))
    return [f + spare * w / sum(spec.weights) for f, w in zip(floor, spec.weights)]


ZEBRA = {"zebra_grey": (0.92, 0.92, 0.92), "zebra_blue": (0.85, 0.90, 0.98), "zebra_green": (0.89, 0.94, 0.85)}


def draw(path: Path, spec: Spec) -> list[int]:
    width, height = landscape(A4) if spec.landscape else A4
    if spec.paper:
        width, height = {"letter": letter, "letter_landscape": landscape(letter)}.get(spec.paper, landscape(A3))
    if spec.page_height:
        height = spec.page_height
    c = Canvas(str(path), pagesize=(width, height), pageCompression=0)
    fs = spec.size
    lh = fs * 1.25
    pad = max(2.5, fs * 0.35)
    total = width - 2 * MARGIN
    widths = _widths(spec, total, pad)
    edges = [MARGIN + sum(widths[:i]) for i in range(len(widths) + 1)]
    page = 1
    y = MARGIN  # from the top

    def put(text: str, x: float, top: float, bold: bool = False, size: float = fs, white: bool = False, italic: bool = False) -> None:
        c.setFont(BOLD if bold else ITALIC if italic else FONT, size)
        c.setFillColorRGB(*((1, 1, 1) if white else (0, 0, 0)))
        c.drawString(x, height - top - size * 0.95, text)
        c.setFillColorRGB(0, 0, 0)

    def hline(top: float, a: float = edges[0], b: float = edges[-1]) -> None:
        c.setLineWidth(0.6)
        c.line(a, height - top, b, height - top)

    def vline(x: float, top: float, bottom: float) -> None:
        c.setLineWidth(0.6)
        c.line(x, height - top, x, height - bottom)

    def rect(x: float, top: float, w: float, h: float, rgb: RGB) -> None:
        c.setFillColorRGB(*rgb)
        c.rect(x, height - top - h, w, h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)

    def running() -> None:
        nonlocal y
        if spec.running_header:
            put(spec.running_header, MARGIN, y - 18, size=8)

    def new_page() -> None:
        nonlocal y, page
        if spec.foot_note:
            c.setFont(ITALIC, 8)
            c.drawRightString(width - MARGIN, 32, spec.foot_note)
        c.setFont(FONT, 8)
        c.drawCentredString(width / 2, 20, f"Page {page}")
        c.showPage()
        page += 1
        y = MARGIN
        running()
        if spec.continued and spec.repeat_header:
            put(f"{spec.title or 'Action log'} (continued)", MARGIN, y, bold=True, size=fs + 1)
            y += (fs + 1) * 1.6

    def prose(paras: list[str], size: float = 10.5) -> None:
        nonlocal y
        for para in paras:
            bold = para.startswith("**")
            text = para.strip("*")
            for ln in simpleSplit(text, BOLD if bold else FONT, size, total):
                put(ln, MARGIN, y, bold=bold, size=size)
                y += size * 1.3
            y += 6

    def wrap(text: str, w: float, font: str = FONT) -> list[str]:
        if "\n" in text:  # a cell of paragraphs or bullets: each wrapped, a blank line kept
            return [ln for part in text.split("\n") for ln in (simpleSplit(part, font, fs, w - 2 * pad) or [""])]
        return simpleSplit(text, font, fs, w - 2 * pad) if text else []

    def header() -> None:
        nonlocal y
        font = BOLD if spec.header_bold else ITALIC if spec.header_italic else FONT
        cells = [[piece for ln in lines for piece in wrap(ln, w, font)] for lines, w in zip(spec.headers, widths)]
        h = max(1, max(len(x) for x in cells)) * lh + 2 * pad
        if spec.header_fill:
            rect(edges[0], y, total, h, spec.header_fill)
        for ci, lines in enumerate(cells):
            for i, ln in enumerate(lines):
                put(ln, edges[ci] + pad, y + pad + i * lh, bold=spec.header_bold, white=spec.header_white, italic=spec.header_italic)
                if spec.header_underline:
                    c.setLineWidth(0.5)
                    x0 = edges[ci] + pad
                    c.line(x0, height - y - pad - i * lh - fs * 1.1, x0 + stringWidth(ln, font, fs), height - y - pad - i * lh - fs * 1.1)
        if spec.ruling in ("grid", "box", "vrules", "box_hrules", "grid_header_hrules"):
            hline(y)
            for x in edges if spec.ruling in ("grid", "vrules", "grid_header_hrules") else (edges[0], edges[-1]):
                vline(x, y, y + h)
        if spec.ruling in ("grid", "hrules", "underline", "box", "vrules", "box_hrules", "grid_header_hrules"):
            hline(y + h)
        y += h

    running()
    if spec.appendix:
        put(spec.appendix, MARGIN, y, bold=True, size=fs + 2)
        y += (fs + 2) * 1.6
    if spec.before_page:
        prose(spec.before_page)
        new_page()
    if spec.committee:
        put(spec.committee, MARGIN, y, bold=True, size=fs + 3)
        y += (fs + 3) * 1.4
    if spec.title:
        put(spec.title, MARGIN, y, bold=True, size=fs + 4)
        y += (fs + 4) * 1.6
    prose(spec.before_same_page)
    if spec.key_above:
        prose([spec.key_above], size=fs)
    header()
    starts: list[int] = []
    gap = 0.0 if spec.ruling in ("grid", "zebra_grey", "zebra_blue", "zebra_green", "box", "vrules", "box_hrules") else lh * 0.45
    for ri, row in enumerate(spec.rows):
        if ri in spec.banners:
            h = lh + 2 * pad
            if y + h + 2 * lh + 2 * pad > height - MARGIN:  # no heading left alone at the page foot
                new_page()
                if spec.repeat_header:
                    header()
            if spec.banner_fill:
                rect(edges[0], y, total, h, spec.banner_fill)
            if spec.ruling in ("grid", "box", "vrules", "box_hrules"):
                vline(edges[0], y, y + h)
                vline(edges[-1], y, y + h)
            if spec.ruling in ("grid", "vrules", "box_hrules", "grid_header_hrules"):
                hline(y + h)
            put(spec.banners[ri], edges[0] + pad, y + pad, bold=True)
            y += h
        cells = [wrap(cell.text, w) for cell, w in zip(row, widths)]
        remaining = cells
        first = True
        while remaining:
            room = int((height - MARGIN - y - 2 * pad) // lh)
            need = max(1, max(len(x) for x in remaining))
            if need > room and not (spec.split_rows and room >= 2):
                new_page()
                if spec.repeat_header:
                    header()
                continue
            take = min(room, need)
            h = take * lh + 2 * pad
            if first:
                starts.append(page)
            if spec.ruling in ZEBRA and ri % 2 == 1:
                rect(edges[0], y, total, h, ZEBRA[spec.ruling])
            for ci, cell in enumerate(row):
                if cell.fill:
                    rect(edges[ci], y, widths[ci], h, cell.fill)
                if cell.dot and first:
                    c.setFillColorRGB(*cell.dot)
                    c.circle(edges[ci] + pad + fs * 0.5, height - y - pad - fs * 0.55, fs * 0.5, stroke=0, fill=1)
                    c.setFillColorRGB(0, 0, 0)
            for ci, lines in enumerate(remaining):
                indent = fs * 1.4 if row[ci].dot and row[ci].text else 0.0  # a word beside a traffic-light dot
                for i, ln in enumerate(lines[:take]):
                    put(ln, edges[ci] + pad + indent, y + pad + i * lh)
            if spec.ruling == "grid":
                for x in edges:
                    vline(x, y, y + h)
                hline(y + h)
            elif spec.ruling in ("hrules", "grid_header_hrules"):
                hline(y + h)
            elif spec.ruling in ("box", "vrules", "box_hrules"):
                for x in edges if spec.ruling == "vrules" else (edges[0], edges[-1]):
                    vline(x, y, y + h)
                if spec.ruling == "box_hrules":
                    hline(y + h)
            y += h
            remaining = [x[take:] for x in remaining]
            if not any(remaining):
                break
            first = False
            new_page()
            if spec.repeat_header:
                header()
        y += gap
    if spec.ruling in ("box", "vrules"):
        hline(y - gap)
    if spec.after:
        y += 8
        if y + 40 > height - MARGIN:
            new_page()
        prose(spec.after, size=fs)
    c.setFont(FONT, 8)
    c.drawCentredString(width / 2, 20, f"Page {page}")
    c.showPage()
    c.save()
    return starts
