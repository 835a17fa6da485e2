"""Full-text search, one interface over SQLite FTS5 and PostgreSQL text search (the dialect module)."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

KINDS = ("agenda_item", "minute_item", "decision", "recommendation", "action")
DEFAULT_LIMIT = 50


def _fts5_query(q: str) -> str:
    """User words to an FTS5 query: each word quoted (no operator surprises), all required."""
    words = re.findall(r"\w+", q)
    return " ".join(f'"{w}"' for w in words)


def search(session: Session, q: str, committee: str | None = None, date_from: date | None = None,
           date_to: date | None = None, kind: str | None = None, limit: int = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    """Entries matching the words of ``q``, best first, with committee, date, file and page."""
    if not re.search(r"\w", q):
        return []
    dialect = session.get_bind().dialect.name
    filters: list[str] = []
    params: dict[str, Any] = {"limit": limit}
    if committee:
        filters.append("lower(e.committee) LIKE :committee")
        params["committee"] = f"%{committee.lower()}%"
    if date_from:
        filters.append("e.meeting_date >= :date_from")
        params["date_from"] = date_from
    if date_to:
        filters.append("e.meeting_date <= :date_to")
        params["date_to"] = date_to
    if kind:
        filters.append("e.kind = :kind")
        params["kind"] = kind
    where = "".join(f" AND {f}" for f in filters)
    if dialect == "sqlite":
        params["q"] = _fts5_query(q)
        sql = ("SELECT e.id, e.kind, e.committee, e.meeting_date, e.page, e.text, d.path, bm25(search_fts) AS rank "
               "FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid JOIN documents d ON d.id = e.document_id "
               f"WHERE search_fts MATCH :q{where} ORDER BY rank, e.id LIMIT :limit")
    elif dialect == "postgresql":
        params["q"] = q
        sql = ("SELECT e.id, e.kind, e.committee, e.meeting_date, e.page, e.text, d.path, "
               "-ts_rank(e.tsv, plainto_tsquery('english', :q)) AS rank "
               "FROM search_entries e JOIN documents d ON d.id = e.document_id "
               f"WHERE e.tsv @@ plainto_tsquery('english', :q){where} ORDER BY rank, e.id LIMIT :limit")
    else:  # pragma: no cover - other databases are not supported
        raise NotImplementedError(dialect)
    rows = session.execute(text(sql), params).all()
    return [{"kind": r.kind, "committee": r.committee, "meeting_date": r.meeting_date.isoformat() if isinstance(r.meeting_date, date) else r.meeting_date,
             "source_file": r.path, "page": r.page, "text": r.text, "score": round(-float(r.rank), 4)} for r in rows]
