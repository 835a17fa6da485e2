"""Scanned papers made at test time: every page rendered to a greyscale image, rebuilt as an image-only PDF."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

POINTS_PER_INCH = 72


def rasterise(source: Path, target: Path, dpi: int, pages: list[int] | None = None) -> Path:
    """An image-only copy of ``source`` (the pages numbered, 1-based, or all) at ``dpi``: no text layer, no vectors."""
    doc = pdfium.PdfDocument(str(source))
    try:
        numbers = pages or list(range(1, len(doc) + 1))
        images = [doc[n - 1].render(scale=dpi / POINTS_PER_INCH, grayscale=True).to_pil().convert("L") for n in numbers]
    finally:
        doc.close()
    images[0].save(target, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
    return target
