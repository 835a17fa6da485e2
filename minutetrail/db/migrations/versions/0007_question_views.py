"""SQL views that carry the questions (threads now, overdue, recurring, history, people and posts)

The same views on SQLite and PostgreSQL, so any SQL client (and `minutetrail serve`, Datasette) sees
the questions and not only the raw tables. Their columns are described in
minutetrail/browse/data/descriptions.json (a test checks every one is).

"Overdue as of D" in SQL, the rule of db/queries.py `overdue`: the printing with published <= D and
(superseded > D or the thread's latest), a due date before D, a state not completed or cancelled, and
no later log of its kind, printed by its committee on or before D, that dropped it
(`printings.next_log_date`). `overdue_today` and its groupings answer it for the current date; the
canned query `overdue` of `minutetrail serve` takes the date as a parameter.

Note for later migrations: SQLite checks views when a table is renamed; env.py sets
legacy_alter_table so that a batch migration recreating a table these views read still works
(tests/browse/test_views.py). A migration that drops or renames a column they read must drop them
first and create them again after (`drop_views()` and `create_views()` below, changed to suit).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OPEN_END = "9999-12-31"  # db/threadstate.py OPEN_END: the superseded date of a thread's latest printing


def _log_kind(o: str) -> str:
    """The kind of log that carries a printing of this source (db/queries.py LOG_KINDS)."""
    return (f"CASE WHEN {o}.source IN ('action_log', 'minutes') THEN 'action_log' "
            f"WHEN {o}.source = 'action_plan' THEN 'action_plan' "
            f"WHEN {o}.source IN ('recommendation_tracker', 'minutes_recommendation') THEN 'recommendation_tracker' END")


PRINTINGS = f"""
CREATE VIEW printings AS
SELECT o.id AS observation_id, o.thread_id, t.kind AS thread_kind, c.name AS committee, m.date AS meeting_date,
       o.published, o.superseded, o.source, o.number, o.text, o.owner, p.name AS owner_person,
       COALESCE(p.name, o.owner) AS owner_name, o.directorate, o.progress, o.due, o.due_date, o.due_text,
       o.status, o.status_text, o.state, o.rag, o.raised_date, COALESCE(o.first_raised, o.first_seen) AS raised_at,
       o.first_seen, o.first_due, o.carried AS meetings_carried, o.slips AS times_slipped, o.progress_seen,
       {_log_kind('o')} AS log_kind,
       (SELECT MIN(m2.date) FROM meetings m2
         WHERE m2.committee_id = m.committee_id AND m2.date > o.published
           AND EXISTS (SELECT 1 FROM action_observations o2 WHERE o2.meeting_id = m2.id AND o2.source = {_log_kind('o')})
       ) AS next_log_date,
       d.path AS source_file, d.sha256, o.page, o.x0, o.top, o.x1, o.bottom, d.sha256 || ':' || o.seq AS natural_key,
       o.document_id, o.meeting_id, m.committee_id
FROM action_observations o
JOIN meetings m ON m.id = o.meeting_id
JOIN committees c ON c.id = m.committee_id
JOIN documents d ON d.id = o.document_id
LEFT JOIN people p ON p.id = o.owner_person_id
LEFT JOIN action_threads t ON t.id = o.thread_id
WHERE o.thread_id IS NOT NULL
"""

THREADS_CURRENT = f"""
CREATE VIEW threads_current AS
SELECT thread_id, thread_kind, committee, number, text, owner_name, owner_person, owner, state, status_text,
       due, due_date, first_due, times_slipped, meetings_carried, raised_at, published AS last_printed,
       progress, rag, source, next_log_date AS dropped_from_log, observation_id, source_file, page
FROM printings WHERE superseded = '{OPEN_END}'
"""

OVERDUE_TODAY = """
CREATE VIEW overdue_today AS
SELECT thread_id, thread_kind, committee, number, text, owner_name, owner_person, owner, due, due_date,
       {days} AS days_overdue, meetings_carried, times_slipped, first_due, raised_at, state, status_text,
       published AS last_printed, observation_id, source_file, page
FROM printings
WHERE published <= CURRENT_DATE AND (superseded > CURRENT_DATE OR superseded = '{open_end}')
  AND due_date < CURRENT_DATE AND (state IS NULL OR state NOT IN ('completed', 'cancelled'))
  AND (next_log_date IS NULL OR next_log_date > CURRENT_DATE)
"""

OVERDUE_BY_OWNER = """
CREATE VIEW overdue_by_owner AS
SELECT COALESCE(owner_name, '(no owner)') AS owner, COUNT(*) AS overdue, MIN(due_date) AS oldest_due,
       MAX(days_overdue) AS oldest_days_overdue, COUNT(DISTINCT committee) AS committees
FROM overdue_today GROUP BY COALESCE(owner_name, '(no owner)')
"""

OVERDUE_BY_COMMITTEE = """
CREATE VIEW overdue_by_committee AS
SELECT committee, COUNT(*) AS overdue, MIN(due_date) AS oldest_due, MAX(days_overdue) AS oldest_days_overdue,
       COUNT(DISTINCT COALESCE(owner_name, '(no owner)')) AS owners
FROM overdue_today GROUP BY committee
"""

RECURRING_ACTIONS = f"""
CREATE VIEW recurring_actions AS
SELECT thread_id, committee, number, text, owner_name, state, meetings_carried, times_slipped, first_due, due_date,
       raised_at, published AS last_printed, observation_id, source_file, page
FROM printings WHERE superseded = '{OPEN_END}' AND thread_kind = 'action' AND meetings_carried >= 3
"""

RECURRING_TOPICS = """
CREATE VIEW recurring_topics AS
SELECT c.name AS committee, MIN(a.title) AS title, COUNT(DISTINCT m.id) AS meetings, MIN(m.date) AS first_meeting,
       MAX(m.date) AS last_meeting
FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id JOIN committees c ON c.id = m.committee_id
GROUP BY c.name, LOWER(TRIM(a.title))
HAVING COUNT(DISTINCT m.id) >= 2
"""

THREAD_HISTORY = """
CREATE VIEW thread_history AS
SELECT thread_id, published, source, number, text, owner_name, state, status_text, due, due_date, progress, rag,
       meetings_carried, times_slipped, committee, observation_id, source_file, page
FROM printings
"""

PEOPLE_SUMMARY = """
CREATE VIEW people_summary AS
SELECT p.id AS person_id, p.name,
       (SELECT {agg} FROM person_aliases a WHERE a.person_id = p.id) AS aliases,
       COALESCE(owned.n, 0) AS actions
FROM people p
LEFT JOIN (SELECT owner_person_id, COUNT(*) AS n FROM action_observations GROUP BY owner_person_id) owned
  ON owned.owner_person_id = p.id
"""

PEOPLE_POSTS = """
CREATE VIEW people_posts AS
SELECT r.person_key, MIN(COALESCE(p.name, r.name)) AS name, MIN(p.id) AS person_id, MIN(r.role) AS post,
       MIN(m.date) AS first_mention, MAX(m.date) AS last_mention, COUNT(*) AS mentions
FROM role_mentions r JOIN meetings m ON m.id = r.meeting_id LEFT JOIN people p ON p.key = r.person_key
WHERE r.role_key NOT LIKE 'initials %'
GROUP BY r.person_key, r.role_key
"""

VIEWS = ("printings", "threads_current", "overdue_today", "overdue_by_owner", "overdue_by_committee",
         "recurring_actions", "recurring_topics", "thread_history", "people_summary", "people_posts")


def create_views() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    days = "CAST(julianday(CURRENT_DATE) - julianday(due_date) AS INTEGER)" if sqlite else "(CURRENT_DATE - due_date)"
    agg = "group_concat(a.alias, '; ')" if sqlite else "string_agg(a.alias, '; ' ORDER BY a.alias)"
    for sql in (PRINTINGS, THREADS_CURRENT, OVERDUE_TODAY.format(days=days, open_end=OPEN_END), OVERDUE_BY_OWNER,
                OVERDUE_BY_COMMITTEE, RECURRING_ACTIONS, RECURRING_TOPICS, THREAD_HISTORY,
                PEOPLE_SUMMARY.format(agg=agg), PEOPLE_POSTS):
        op.execute(sql)


def drop_views() -> None:
    for name in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {name}")


def upgrade() -> None:
    create_views()


def downgrade() -> None:
    drop_views()
