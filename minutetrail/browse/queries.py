"""The canned queries of `minutetrail serve` (SQLite SQL over the views of migration 0007).

``overdue`` answers what `minutetrail overdue --as-of D` answers (db/queries.py ``overdue``): the
printing current on D, due before D, neither completed nor cancelled, not dropped by a later log of
its committee on or before D. ``OVERDUE_WHERE`` is that rule over the ``printings`` view with the date
as ``{d}``, portable between SQLite and PostgreSQL.
"""
from __future__ import annotations

from typing import Any

OPEN_END = "9999-12-31"  # db/threadstate.py OPEN_END
OVERDUE_WHERE = (
    "published <= {d} AND (superseded > {d} OR superseded = '" + OPEN_END + "') AND due_date < {d} "
    "AND (state IS NULL OR state NOT IN ('completed', 'cancelled')) "
    "AND (next_log_date IS NULL OR next_log_date > {d})"
)
# the date asked for: YYYY-MM-DD, today when left empty (a malformed date matches nothing)
AS_OF = "(SELECT CASE WHEN :as_of = '' THEN CURRENT_DATE ELSE date(:as_of) END AS d) AS asof"

OVERDUE_ROWS = f"""
SELECT thread_id, committee, number, text, owner_name AS owner, due, due_date,
       CAST(julianday(asof.d) - julianday(due_date) AS INTEGER) AS days_overdue,
       meetings_carried, times_slipped, first_due, raised_at, status_text AS printed_status, state,
       published AS last_printed, observation_id, source_file, page, asof.d AS as_of
FROM printings, {AS_OF}
WHERE {OVERDUE_WHERE.format(d="asof.d")}
"""

CANNED: dict[str, dict[str, Any]] = {
    "overdue": {
        "title": "Overdue as of a date",
        "description": "Threads overdue on as_of (YYYY-MM-DD; empty: today), oldest due date first: the same "
                       "threads as `minutetrail overdue --as-of`. Click a thread id for its history, an "
                       "observation id for the evidence.",
        "sql": OVERDUE_ROWS + "ORDER BY due_date, committee, thread_id",
    },
    "overdue_by_owner": {
        "title": "Overdue as of a date, by owner",
        "description": "Overdue threads on as_of grouped by owner (the person, else the post or name as printed).",
        "sql": f"SELECT COALESCE(owner, '(no owner)') AS owner, COUNT(*) AS overdue, MIN(due_date) AS oldest_due, "
               f"MAX(days_overdue) AS oldest_days_overdue FROM ({OVERDUE_ROWS}) AS o "
               f"GROUP BY COALESCE(owner, '(no owner)') ORDER BY oldest_days_overdue DESC, owner",
    },
    "overdue_by_committee": {
        "title": "Overdue as of a date, by committee",
        "description": "Overdue threads on as_of grouped by committee.",
        "sql": f"SELECT committee, COUNT(*) AS overdue, MIN(due_date) AS oldest_due, MAX(days_overdue) AS oldest_days_overdue "
               f"FROM ({OVERDUE_ROWS}) AS o GROUP BY committee ORDER BY oldest_days_overdue DESC, committee",
    },
    "thread": {
        "title": "One thread across meetings",
        "description": "Every printing of one action thread in date order, each with its evidence.",
        "sql": "SELECT published, source, number, text, owner_name AS owner, state, status_text, due, due_date, progress, "
               "rag, meetings_carried, times_slipped, committee, observation_id, source_file, page, thread_id "
               "FROM thread_history WHERE thread_id = :thread_id "
               "ORDER BY published, CASE WHEN source LIKE 'minutes%' THEN 0 ELSE 1 END, observation_id",
    },
    "search": {
        "title": "Search the papers",
        "description": "Full-text search over agenda items, minute items, decisions, recommendations and actions, best first.",
        "sql": "SELECT e.kind, e.committee, e.meeting_date, snippet(search_fts, 0, '[', ']', '…', 16) AS match, "
               "e.page, d.path AS source_file, e.id AS search_entry_id FROM search_fts "
               "JOIN search_entries e ON e.id = search_fts.rowid JOIN documents d ON d.id = e.document_id "
               "WHERE search_fts MATCH escape_fts(:q) ORDER BY bm25(search_fts), e.id LIMIT 200",
    },
}
