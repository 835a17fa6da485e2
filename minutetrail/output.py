"""Render records as an aligned text table, CSV or JSON."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

MAX_CELL = 60
# OWASP CSV injection: a cell a spreadsheet would read as a formula starts with one of these;
# it is written with a leading apostrophe (text, shown as typed)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any, limit: int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "; ".join(value)
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = value if isinstance(value, str) else str(value)
    text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def csv_safe(text: str) -> str:
    """A CSV/TSV cell no spreadsheet evaluates: formula prefixes neutralised (OWASP rule)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _csv_cell(value: Any) -> str:
    """Numbers stay numbers (a negative count is not a formula); text is neutralised."""
    cell = _cell(value, None)
    return cell if isinstance(value, (int, float)) else csv_safe(cell)


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str, payload: Any = None) -> str:
    """``payload`` (default: rows) is what JSON prints; tables and CSV show ``columns``."""
    if fmt == "json":
        return json.dumps(rows if payload is None else payload, indent=2, ensure_ascii=False, default=str)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([csv_safe(c) for c in columns])
        for r in rows:
            writer.writerow([_csv_cell(r.get(c)) for c in columns])
        return buf.getvalue().rstrip("\n")
    if not rows:
        return "(none)"
    cells = [[_cell(r.get(c), MAX_CELL) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)
