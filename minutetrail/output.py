"""Render records as an aligned text table, CSV or JSON."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

MAX_CELL = 60


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


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str, payload: Any = None) -> str:
    """``payload`` (default: rows) is what JSON prints; tables and CSV show ``columns``."""
    if fmt == "json":
        return json.dumps(rows if payload is None else payload, indent=2, ensure_ascii=False, default=str)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c), None) for c in columns])
        return buf.getvalue().rstrip("\n")
    if not rows:
        return "(none)"
    cells = [[_cell(r.get(c), MAX_CELL) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)
