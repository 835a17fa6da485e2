"""The Alembic migrations build exactly the ORM's schema, on both dialects."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from minutetrail.db.schema import Base


def test_migrations_match_the_models(db):
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"render_as_batch": db.dialect == "sqlite"})
        diff = compare_metadata(ctx, Base.metadata)
    # the full-text index is dialect-specific by design (migration 0003, db/search.py): not in the models
    dialect_only = [d for d in diff if _is_search_index(d)]
    assert [d for d in diff if d not in dialect_only] == []
    tables = set(inspect(db.engine).get_table_names())
    assert {"documents", "meetings", "action_observations", "action_threads", "link_judgements", "people",
            "person_aliases", "attendance", "resolutions", "recommendations", "agenda_items", "minute_items"} <= tables


def test_natural_keys_are_unique_constraints(db):
    insp = inspect(db.engine)
    uniques = {t: [tuple(u["column_names"]) for u in insp.get_unique_constraints(t)] for t in insp.get_table_names()}
    assert ("sha256",) in uniques["documents"]
    assert ("committee_id", "date") in uniques["meetings"]
    assert ("document_id", "seq") in uniques["action_observations"]
    assert ("left_key", "right_key") in uniques["link_judgements"]


def _is_search_index(change) -> bool:
    """FTS5 tables (search_fts and its shadow tables) and the PostgreSQL tsvector column and index."""
    text = repr(change)
    return "search_fts" in text or "'tsv'" in text or "ix_search_tsv" in text
