"""Alembic environment: the engine comes from minutetrail.db.session (no ini file needed)."""
from __future__ import annotations

from alembic import context

from minutetrail.db.schema import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///minutetrail.db")
    with engine.begin() as connection:
        # one migrator at a time: SQLite's BEGIN IMMEDIATE (db/session.py), PostgreSQL's advisory lock;
        # the second sees the first one's tables once it gets the lock
        from minutetrail.db.session import take_write_lock

        take_write_lock(connection)
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # a batch migration recreates a table and renames the copy into place; SQLite's modern
            # RENAME checks every view, and the question views (0007) read the table being replaced
            connection.exec_driver_sql("PRAGMA legacy_alter_table=ON")
        try:
            context.run_migrations()
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA legacy_alter_table=OFF")


run_migrations_online()
