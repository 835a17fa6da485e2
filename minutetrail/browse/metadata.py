"""Datasette metadata for a minutetrail database: a title and description for every table, view and
column (descriptions in data/descriptions.json, tables and columns from db/schema.py), facets, the
full-text index of the search entries, and the canned queries (browse/queries.py)."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from minutetrail.browse.queries import CANNED
from minutetrail.db.schema import columns_by_table

DESCRIPTIONS = Path(__file__).parent / "data" / "descriptions.json"
FACETS = {
    "threads_current": ["committee", "state", "owner_name"],
    "overdue_today": ["committee", "owner_name"],
    "printings": ["committee", "state", "owner_name", "source"],
    "thread_history": ["committee", "state"],
    "recurring_actions": ["committee", "state", "owner_name"],
    "action_observations": ["status", "source", "owner"],
    "search_entries": ["committee", "kind"],
}
TITLES = {"threads_current": "Threads now", "overdue_today": "Overdue today", "overdue_by_owner": "Overdue today, by owner",
          "overdue_by_committee": "Overdue today, by committee", "recurring_actions": "Actions carried for three meetings or more",
          "recurring_topics": "Agenda topics that come back", "thread_history": "Thread histories",
          "people_summary": "People", "people_posts": "People and the posts they held",
          "printings": "Every printing of every thread"}
SORT = {"threads_current": "thread_id", "thread_history": "published", "printings": "published",
        "overdue_today": "due_date", "recurring_actions": "thread_id"}
HIDDEN = ("alembic_version",)
# what a foreign key to the table shows beside the id
LABELS = {"documents": "path", "committees": "name", "meetings": "date", "people": "name", "bodies": "name",
          "minutes": "page_start"}


DATABASE_DESCRIPTION = ("The questions are the queries below (overdue as of any date, by owner or committee, one thread's "
                        "history, search) and the views threads_current, overdue_today, recurring_actions, "
                        "recurring_topics, thread_history, people_summary and people_posts; the tables hold what was "
                        "read, each fact with its file and page.")


@cache
def descriptions() -> dict[str, Any]:
    return json.loads(DESCRIPTIONS.read_text("utf-8"))


def view_columns() -> dict[str, str]:
    """Descriptions of the views' columns (one name, one meaning across the views)."""
    return dict(descriptions()["view_columns"])


def build_metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for the minutetrail database served as ``database`` (its file stem)."""
    desc = descriptions()
    tables: dict[str, Any] = {}
    for table, columns in columns_by_table().items():
        known = desc["tables"].get(table, {})
        cols = known.get("columns", {})
        tables[table] = {"description": known.get("description", ""), "columns": {c: cols.get(c, "") for c in columns}}
    for view, text in desc["views"].items():
        tables[view] = {"title": TITLES.get(view, view), "description": text, "columns": view_columns()}
    for name, facets in FACETS.items():
        tables[name]["facets"] = facets
    for name, column in SORT.items():
        tables[name]["sort"] = column
    for name, column in LABELS.items():
        tables[name]["label_column"] = column
    tables["search_entries"].update({"fts_table": "search_fts", "fts_pk": "id"})
    for name in HIDDEN:
        tables[name] = {"hidden": True}
    queries = {name: {**q, "hide_sql": True} for name, q in CANNED.items()}  # the question first; "show" reveals the SQL
    return {
        "title": f"minutetrail: {database}",
        "description": "Decisions and actions read from committee papers. Start with the views threads_current, "
                       "overdue_today and the canned query overdue (any date); every observation id links to the "
                       "evidence: the PDF page and the printed row.",
        "databases": {database: {"description": DATABASE_DESCRIPTION, "tables": tables, "queries": queries}},
    }
