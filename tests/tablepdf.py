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
