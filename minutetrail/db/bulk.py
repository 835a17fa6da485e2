"""Many rows at once: reads by long id lists and writes by primary key, in batches (Core: on a Session or a Connection)."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol, TypeVar, cast

from sqlalchemy import Table, bindparam, update

BATCH = 20_000  # rows per executemany
IN_LIST = 5_000  # values per IN list
T = TypeVar("T")


class Executes(Protocol):
    def execute(self, statement: Any, parameters: Any = None) -> Any: ...


def chunks(values: Sequence[T], size: int = IN_LIST) -> Iterator[Sequence[T]]:
    """Consecutive slices of at most ``size`` values."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def update_by_id(conn: Executes, model: Any, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """Set ``columns`` of ``model``'s table from ``rows`` (dicts keyed by the columns and "b_id", the row id)."""
    table = cast(Table, model.__table__)
    stmt = update(table).where(table.c.id == bindparam("b_id")).values({c: bindparam(c) for c in columns})
    for batch in chunks(rows, BATCH):
        conn.execute(stmt, batch)
