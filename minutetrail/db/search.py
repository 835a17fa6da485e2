"""Full-text search, one interface over SQLite FTS5 and PostgreSQL text search (the dialect module)."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

# PostgreSQL's 'english' text-search stop words (the Snowball list): dropped from every query on both
# databases, so a query of stop words and operators ("a OR") finds the same (nothing) on SQLite and PostgreSQL
STOP_WORDS = frozenset("""
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself
it its itself they them their theirs themselves what which who whom this that these those am is are was were be
been being have has had having do does did doing a an the and but if or because as until while of at by for with
about against between into through during before after above below to from up down in out on off over under again
further then once here there when where why how all any both each few more most other some such no nor not only
own same so than too very s t can will just don should now
""".split())
KINDS = ("agenda_item", "minute_item", "decision", "recommendation", "action")
DEFAULT_LIMIT = 50


def query_words(q: str) -> list[str]:
    """The words a query searches for: every word but the stop words (operators are words too)."""
    return [w for w in re.findall(r"\w+", q) if w.lower() not in STOP_WORDS]


def _fts5_query(q: str) -> str:
    """User words to an FTS5 query: each word quoted (no operator surprises), all required."""
    return " ".join(f'"{w}"' for w in query_words(q))


def search(session: Session, q: str, committee: str | None = None, date_from: date | None = None,
           date_to: date | None = None, kind: str | None = None, limit: int = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    """Entries matching the words of ``q``, best first, with committee, date, file and page."""
    if not query_words(q):
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
        sql = ("SELECT e.id, e.kind, e.committee, e.meeting_date, e.page, e.text, d.path, e.document_id, pm.date AS printed_in, "
               "bm25(search_fts) AS rank "
               "FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid JOIN documents d ON d.id = e.document_id "
               "LEFT JOIN meetings pm ON pm.id = d.meeting_id "
               f"WHERE search_fts MATCH :q{where} ORDER BY rank, e.id LIMIT :limit")
    elif dialect == "postgresql":
        params["q"] = " ".join(query_words(q))
        sql = ("SELECT e.id, e.kind, e.committee, e.meeting_date, e.page, e.text, d.path, e.document_id, pm.date AS printed_in, "
               "-ts_rank(e.tsv, plainto_tsquery('english', :q)) AS rank "
               "FROM search_entries e JOIN documents d ON d.id = e.document_id LEFT JOIN meetings pm ON pm.id = d.meeting_id "
               f"WHERE e.tsv @@ plainto_tsquery('english', :q){where} ORDER BY rank, e.id LIMIT :limit")
    else:  # pragma: no cover - other databases are not supported
        raise NotImplementedError(dialect)
    rows = session.execute(text(sql), params).all()
    threads = _threads_of(session, [r for r in rows if r.kind in THREAD_KINDS])
    return [{"kind": r.kind, "thread_id": threads.get(r.id), "committee": r.committee, "meeting_date": _day(r.meeting_date),
             "printed_in": _day(r.printed_in), "source_file": r.path, "page": r.page, "text": r.text,
             "score": round(-float(r.rank), 4)} for r in rows]


THREAD_KINDS = ("action", "decision")  # entries that may be a printing of a thread (a minutes recommendation is a decision)


def _day(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _threads_of(session: Session, hits: list[Any]) -> dict[int, int]:
    """Search entry id -> the id of the thread its text is a printing of (same document and page, the
    entry's text starting with the observation's: a log row's entry adds its progress)."""
    if not hits:
        return {}
    sql = text("SELECT document_id, page, text, thread_id FROM action_observations "
               "WHERE thread_id IS NOT NULL AND document_id IN :docs").bindparams(bindparam("docs", expanding=True))
    printed: dict[tuple[int, int], list[tuple[str, int]]] = {}
    for doc, page, body, tid in session.execute(sql, {"docs": sorted({h.document_id for h in hits})}):
        printed.setdefault((doc, page), []).append((body, tid))
    out: dict[int, int] = {}
    for h in hits:
        for body, tid in sorted(printed.get((h.document_id, h.page), []), key=lambda p: -len(p[0])):
            if h.text == body or h.text.startswith(body + " "):
                out[h.id] = tid
                break
    return out
