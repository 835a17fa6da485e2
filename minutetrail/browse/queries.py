"""The canned queries of `minutetrail serve` (SQLite SQL over the views of migration 0007).

``overdue`` answers what `minutetrail overdue --as-of D` answers (db/queries.py ``overdue``): the
printing current on D, due before D, neither completed nor cancelled, not dropped by a later log of
its committee on or before D. The ``*_WHERE`` rules are written over the ``printings`` view with the
date as ``{d}``, portable between SQLite and PostgreSQL (tests/browse/test_views.py runs them on both).
"""
from __future__ import annotations

from typing import Any

OPEN_END = "9999-12-31"  # db/threadstate.py OPEN_END
CURRENT_ON = "published <= {d} AND (superseded > {d} OR superseded = '" + OPEN_END + "')"  # db/queries.py as_of_latest
NOT_CLOSED = "(state IS NULL OR state NOT IN ('completed', 'cancelled'))"
OVERDUE_WHERE = f"{CURRENT_ON} AND due_date < {{d}} AND {NOT_CLOSED} AND (next_log_date IS NULL OR next_log_date > {{d}})"
DROPPED_WHERE = f"{CURRENT_ON} AND due_date < {{d}} AND {NOT_CLOSED} AND next_log_date <= {{d}}"
PRINTED_OVERDUE_NOT_DUE_WHERE = f"{CURRENT_ON} AND state = 'overdue' AND (due_date IS NULL OR due_date >= {{d}})"

# the date asked for: YYYY-MM-DD, today when left empty (a malformed date matches nothing)
AS_OF = "(SELECT CASE WHEN :as_of = '' THEN CURRENT_DATE ELSE date(:as_of) END AS d) AS asof"
COMMITTEE = "(:committee = '' OR lower(p.committee) LIKE '%' || lower(:committee) || '%')"
# a link of the thread waiting in the review queue (db/queries.py threads_under_review)
UNDER_REVIEW = ("EXISTS (SELECT 1 FROM action_observations r JOIN documents rd ON rd.id = r.document_id "
                "JOIN link_judgements j ON j.judgement = 'review' "
                "AND (j.left_key = rd.sha256 || ':' || r.seq OR j.right_key = rd.sha256 || ':' || r.seq) "
                "WHERE r.thread_id = p.thread_id)")


def _rows(where: str, extra: str = "") -> str:
    return f"""
SELECT p.thread_id, p.committee, p.number, p.text, p.owner_name AS owner, p.due, p.due_date,
       CAST(julianday(asof.d) - julianday(p.due_date) AS INTEGER) AS days_overdue,
       p.meetings_carried, p.times_slipped, p.first_due, p.raised_at, p.status_text AS printed_status, p.state,
       {UNDER_REVIEW} AS under_review,{extra} p.published AS last_printed, p.observation_id, p.source_file, p.page,
       asof.d AS as_of
FROM printings p, {AS_OF}
WHERE {where.format(d="asof.d")} AND {COMMITTEE}
"""


OVERDUE_ROWS = _rows(OVERDUE_WHERE)
# a thread id as asked, or, for a thread merged into another by `link confirm`, the thread that
# holds its first printing now (db/queries.py resolve_thread)
THREAD = """
WITH asked(id) AS (SELECT COALESCE(
  (SELECT o.thread_id FROM action_observations o WHERE o.thread_id = CAST(:thread_id AS INTEGER) LIMIT 1),
  (SELECT o.thread_id FROM action_threads t
     JOIN documents d ON d.sha256 = substr(t.key, 1, instr(t.key, ':') - 1)
     JOIN action_observations o ON o.document_id = d.id AND o.seq = CAST(substr(t.key, instr(t.key, ':') + 1) AS INTEGER)
   WHERE t.id = CAST(:thread_id AS INTEGER))))
SELECT h.published, h.source, h.number, h.text, h.owner_name AS owner, h.state, h.status_text, h.due, h.due_date,
       h.progress, h.rag, h.meetings_carried, h.times_slipped, h.committee, h.observation_id, h.source_file, h.page,
       h.thread_id, CASE WHEN h.thread_id != CAST(:thread_id AS INTEGER) THEN CAST(:thread_id AS INTEGER) END AS merged_from
FROM thread_history h JOIN asked ON h.thread_id = asked.id
ORDER BY h.published, CASE WHEN h.source LIKE 'minutes%' THEN 0 ELSE 1 END, h.observation_id
"""

CANNED: dict[str, dict[str, Any]] = {
    "overdue": {
        "title": "Overdue as of a date",
        "description": "Threads overdue on as_of (YYYY-MM-DD; empty: today), oldest due date first: the same "
                       "threads as `minutetrail overdue --as-of`; committee (optional) is part of the name. "
                       "Click a thread id for its history, an observation id for the evidence.",
        "sql": OVERDUE_ROWS + "ORDER BY p.due_date, p.committee, p.thread_id",
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
    "dropped_from_log": {
        "title": "Dropped from the log as of a date",
        "description": "Threads past due and not completed that their committee's latest log on as_of no longer "
                       "carries (not counted as overdue: councils drop completed rows), with their last printing.",
        "sql": _rows(DROPPED_WHERE, " p.next_log_date AS dropped_at,") + "ORDER BY p.due_date, p.committee, p.thread_id",
    },
    "printed_overdue_not_due": {
        "title": "Printed OVERDUE but not yet due",
        "description": "Threads whose current printing on as_of says OVERDUE although their effective due date "
                       "has not passed (a revised date, for instance).",
        "sql": f"SELECT p.thread_id, p.committee, p.number, p.text, p.due, p.due_text, p.status_text AS printed_status, "
               f"p.observation_id, p.source_file, p.page FROM printings p, {AS_OF} "
               f"WHERE {PRINTED_OVERDUE_NOT_DUE_WHERE.format(d='asof.d')} ORDER BY p.thread_id",
    },
    "thread": {
        "title": "One thread across meetings",
        "description": "Every printing of one action thread in date order, each with its evidence; the id of a "
                       "thread merged into another shows the thread it was merged into (merged_from).",
        "sql": THREAD,
    },
    "search": {
        "title": "Search the papers",
        "description": "Full-text search over agenda items, minute items, decisions, recommendations and actions, best first.",
        "sql": "SELECT e.kind, e.committee, e.meeting_date, snippet(search_fts, 0, '[', ']', '…', 16) AS match, "
               "e.page, d.path AS source_file, e.document_id, e.id AS search_entry_id FROM search_fts "
               "JOIN search_entries e ON e.id = search_fts.rowid JOIN documents d ON d.id = e.document_id "
               "WHERE search_fts MATCH escape_fts(:q) ORDER BY bm25(search_fts), e.id LIMIT 200",
    },
}
