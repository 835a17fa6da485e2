"""Images of source rows: the evidence an auditor sees beside each overdue item."""
from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

CROP_MARGIN = 6.0  # points around the row's box
CROP_SCALE = 2.0  # pixels per point
PAGE_SCALE = 1.5  # pixels per point of a whole page image
HIGHLIGHT = (220, 30, 30)  # the outline drawn round the row on a whole page


def _png(path: str | Path, page: int, draw: Callable[[Any], Any]) -> bytes | None:
    """PNG bytes of the image ``draw`` makes from a 1-based page; None if the file or page is unreadable."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, FileNotFoundError, OSError):
        return None
    try:
        if not 1 <= page <= len(pdf):
            return None
        buf = io.BytesIO()
        draw(pdf[page - 1]).save(buf, format="PNG")
        return buf.getvalue()
    finally:
        pdf.close()


def crop_png(path: str | Path, page: int, bbox: tuple[float, float, float, float],
             header: Sequence[float] | None = None) -> bytes | None:
    """A PNG of the box (x0, top, x1, bottom; PDF points, top-left origin) on a 1-based page, with the
    band of its table's header (``header``, the same kind of box) set above it; None if unreadable."""
    def band(p: Any, x0: float, top: float, x1: float, bottom: float) -> Any:
        width, height = p.get_size()
        left, right = max(0.0, x0 - CROP_MARGIN), max(0.0, width - x1 - CROP_MARGIN)
        upper, lower = max(0.0, top - CROP_MARGIN), max(0.0, height - bottom - CROP_MARGIN)
        return p.render(scale=CROP_SCALE, crop=(left, lower, right, upper)).to_pil()

    def draw(p: Any) -> Any:
        x0, top, x1, bottom = bbox
        if not header or header[3] > top:
            return band(p, x0, top, x1, bottom)
        x0, x1 = min(x0, header[0]), max(x1, header[2])
        if top - header[3] <= 2 * CROP_MARGIN:  # the header sits on the row: one crop
            return band(p, x0, header[1], x1, bottom)
        from PIL import Image

        head, row = band(p, x0, header[1], x1, header[3]), band(p, x0, top, x1, bottom)
        out = Image.new("RGB", (max(head.width, row.width), head.height + row.height + 2), "white")
        out.paste(head, (0, 0))
        out.paste(row, (0, head.height + 2))
        return out

    return _png(path, page, draw)


def page_png(path: str | Path, page: int, highlight: tuple[float, float, float, float] | None = None) -> bytes | None:
    """A PNG of a whole 1-based page, the box (x0, top, x1, bottom; PDF points) outlined; None if unreadable."""
    from PIL import ImageDraw

    def draw(p: Any) -> Any:
        image = p.render(scale=PAGE_SCALE).to_pil().convert("RGB")
        if highlight is not None:
            x0, top, x1, bottom = (v * PAGE_SCALE for v in highlight)
            ImageDraw.Draw(image).rectangle((x0 - 3, top - 3, x1 + 3, bottom + 3), outline=HIGHLIGHT, width=3)
        return image

    return _png(path, page, draw)
