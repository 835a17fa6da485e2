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
    assert diff == []
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
