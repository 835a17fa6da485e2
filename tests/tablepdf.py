"""Minimal PDFs showing one table phenomenon each, drawn with the samples' own table renderer."""
from __future__ import annotations

from pathlib import Path

from samples.generate import Pack, draw_table

LOG_HEADERS = ["Action Number", "Meeting Date", "Action", "Owner", "Progress Update", "Due date", "Reported complete"]
LOG_WIDTHS = [50, 55, 205, 110, 170, 80, 72]


def log_row(n: int, text: str = "Write to the minister about rural bus services", owner: str = "Clerk to the committee",
            progress: str = "Letter drafted", due: str = "07/09/21", status: str = "IN PROGRESS", raised: str = "12/07/21") -> list[str]:
    return [str(n), raised, text, owner, progress, due, status]


def table_pdf(path: Path, rows: list[list[str]], *, headers: list[str] = LOG_HEADERS, widths: list[float] = LOG_WIDTHS,
              ruled: bool = True, repeat_header: bool = True, landscape: bool = True, space_above: float = 0.0,
              underline: bool = True, fills=None, banners=None, title: str = "Action log",
              then: list[tuple[list[str], list[float], list[list[str]]]] | None = None) -> Path:
    pack = Pack(path)
    pack.new_page(land=landscape)
    pack.text(title, 12, bold=True, gap=8)
    pack.space(space_above)
    draw_table(pack, headers, widths, rows, ruled=ruled, repeat_header=repeat_header, fills=fills, banners=banners,
               underline=underline)
    for more_headers, more_widths, more_rows in then or []:
        pack.space(30)
        pack.text("Recommendation tracker", 12, bold=True, gap=8)
        draw_table(pack, more_headers, more_widths, more_rows, ruled=ruled, repeat_header=repeat_header)
    pack.finish()
    return path


# ---------------------------------------------------------------- layout variants (reportlab, drawn here)

from dataclasses import dataclass, field  # noqa: E402

from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

MERGED = None  # a body cell that belongs to the merged cell above it
FONT, BOLD_FONT, SIZE, PAD = "Helvetica", "Helvetica-Bold", 8.0, 3.0
GREEN, AMBER, RED, GREY = (0.3, 0.7, 0.3), (1.0, 0.75, 0.1), (0.9, 0.25, 0.25), (0.88, 0.88, 0.88)


@dataclass
class Layout:
    """One table layout: how it is ruled, aligned, headed and broken over pages."""

    headers: list[str]
    widths: list[float]
    rows: list[list[str | None]]
    style: str = "grid"  # grid | rows (horizontal rules only) | zebra (alternate fills) | none (whitespace only)
    valign: str = "top"  # top | bottom
    header_rule: bool = True  # borderless: a rule under the header
    groups: dict[int, str] = field(default_factory=dict)  # row index -> spanning group heading above it
    fills: dict[tuple[int, int], tuple[float, float, float]] = field(default_factory=dict)  # (row, col) -> colour
    before: list[str] = field(default_factory=list)  # paragraphs printed above the table
    after: list[str] = field(default_factory=list)
    after_new_page: bool = False  # the paragraphs after the table start a new page
    page_height: float = 0.0  # 0: A4 landscape; smaller breaks the table over pages
    repeat_header: bool = True
    split_at: dict[int, int] = field(default_factory=dict)  # row index -> lines of it on the first page
    header_boxed: bool = True  # grid: the header in boxes too (else printed above the top rule)


def layout_pdf(path: Path, lay: Layout) -> Path:
    width, height = landscape(A4)
    if lay.page_height:
        height = lay.page_height
    c = Canvas(str(path), pagesize=(width, height))
    lh = SIZE * 1.3
    x0, margin = 40.0, 40.0
    y = margin  # distance from the top

    def put(text: str, x: float, top: float, bold: bool = False, size: float = SIZE) -> None:
        c.setFont(BOLD_FONT if bold else FONT, size)
        c.drawString(x, height - top - size, text)

    def hline(top: float, a: float, b: float) -> None:
        c.setLineWidth(0.6)
        c.line(a, height - top, b, height - top)

    def vline(x: float, top: float, bottom: float) -> None:
        c.setLineWidth(0.6)
        c.line(x, height - top, x, height - bottom)

    def rect(x: float, top: float, w: float, h: float, rgb: tuple[float, float, float]) -> None:
        c.setFillColorRGB(*rgb)
        c.rect(x, height - top - h, w, h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)

    total = sum(lay.widths)
    edges = [x0 + sum(lay.widths[:i]) for i in range(len(lay.widths) + 1)]
    wrap = lambda text, w, font=FONT: simpleSplit(text, font, SIZE, w - 2 * PAD) if text else []  # noqa: E731

    def header() -> None:
        nonlocal y
        cells = [wrap(h, w, BOLD_FONT) for h, w in zip(lay.headers, lay.widths)]
        h = max(1, max(len(x) for x in cells)) * lh + 2 * PAD
        boxed = lay.style == "zebra" or lay.style == "grid" and lay.header_boxed
        if boxed:
            rect(x0, y, total, h, GREY)
        for ci, lines in enumerate(cells):
            for i, ln in enumerate(lines):
                put(ln, edges[ci] + PAD, y + PAD + i * lh, bold=True)
        if lay.style == "grid" and boxed:
            hline(y, x0, x0 + total)
            for x in edges:
                vline(x, y, y + h)
        if lay.style != "none" or lay.header_rule:
            hline(y + h, x0, x0 + total)
        y += h

    for para in lay.before:
        for ln in simpleSplit(para, FONT, 10, total):
            put(ln, x0, y, size=10)
            y += 13
        y += 6
    header()
    # merged cells: the text of a merged cell is printed in its first row; rows below hold MERGED
    spans = {}
    for ci in range(len(lay.widths)):
        for ri, row in enumerate(lay.rows):
            if row[ci] is MERGED:
                start = ri - 1
                while lay.rows[start][ci] is MERGED:
                    start -= 1
                spans[(ri, ci)] = start
    zebra = 0
    for ri, row in enumerate(lay.rows):
        if ri in lay.groups:
            h = lh + 2 * PAD
            if lay.style == "grid":
                hline(y, x0, x0 + total)
                vline(x0, y, y + h)
                vline(x0 + total, y, y + h)
            put(lay.groups[ri], x0 + PAD, y + PAD, bold=True)
            y += h
            if lay.style == "grid":
                hline(y, x0, x0 + total)
        cells = [wrap(t, w) if t is not MERGED else [] for t, w in zip(row, lay.widths)]
        need = max(1, max(len(x) for x in cells))
        pieces = [cells]
        if ri in lay.split_at:
            k = lay.split_at[ri]
            pieces = [[x[:k] for x in cells], [x[k:] for x in cells]]
        for pi, part in enumerate(pieces):
            n = need if len(pieces) == 1 else max(1, max(len(x) for x in part))
            h = n * lh + 2 * PAD
            if pi == 1 or y + h > height - margin:
                if lay.style == "grid":
                    for x in edges:
                        vline(x, y, y)
                c.showPage()
                y = margin
                if lay.repeat_header:
                    header()
            if lay.style == "zebra" and zebra % 2 == 0:
                rect(x0, y, total, h, GREY)
            for (fr, fc), rgb in lay.fills.items():
                if fr == ri:
                    rect(edges[fc], y, lay.widths[fc], h, rgb)
            for ci, lines in enumerate(part):
                offset = (n - len(lines)) * lh if lay.valign == "bottom" else 0.0
                for i, ln in enumerate(lines):
                    put(ln, edges[ci] + PAD, y + PAD + offset + i * lh)
            if lay.style == "grid":
                for x in edges:
                    vline(x, y, y + h)
                nxt = ri + 1
                for ci in range(len(lay.widths)):  # no rule under a cell merged with the row below
                    if pi == len(pieces) - 1 and nxt < len(lay.rows) and (nxt, ci) in spans and nxt not in lay.groups:
                        continue
                    hline(y + h, edges[ci], edges[ci + 1])
            elif lay.style == "rows":
                hline(y + h, x0, x0 + total)
            y += h
        zebra += 1
    y += 12
    if lay.after_new_page and lay.after:
        c.showPage()
        y = margin
    for para in lay.after:
        for ln in simpleSplit(para, FONT, 10, total):
            put(ln, x0, y, size=10)
            y += 13
    c.showPage()
    c.save()
    return path


def read_pages(path: Path):  # type: ignore[no-untyped-def]
    """Every page of a PDF with words, rules and fills (page geometry read on every page)."""
    from minutetrail.extract import pdf as extract_pdf

    opened = extract_pdf.read_pdf(path)
    pages = list(opened.pages)
    geometry = getattr(extract_pdf, "_geometry", None)
    if geometry is not None and not any(p.rules or p.fills for p in pages):
        geometry(str(path), pages, {p.number for p in pages}, set())
    return pages
