"""Writes of many rows by primary key in one executemany per batch (Core: on a Session or a Connection)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, cast

from sqlalchemy import Table, bindparam, update

BATCH = 20_000


class Executes(Protocol):
    def execute(self, statement: Any, parameters: Any = None) -> Any: ...


def update_by_id(conn: Executes, model: Any, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """Set ``columns`` of ``model``'s table from ``rows`` (dicts keyed by the columns and "b_id", the row id)."""
    table = cast(Table, model.__table__)
    stmt = update(table).where(table.c.id == bindparam("b_id")).values({c: bindparam(c) for c in columns})
    for start in range(0, len(rows), BATCH):
        conn.execute(stmt, rows[start:start + BATCH])
