"""Engines, sessions and migrations for one database URL."""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from minutetrail.errors import StorageError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.*)$", re.M)
QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    # a large database is read at random (each thread's latest printing): map it, and cache more
    # than the 2 MB default (bench/query_speed.py: overdue at 1,000,000 observations -25%)
    cur.execute(f"PRAGMA mmap_size={1 << 30}")
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def make_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


@cache
def head_revisions() -> frozenset[str]:
    """The newest migration(s), read from the migration files without loading Alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        for name, value in REVISION_LINE.findall(script.read_text("utf-8")):
            (revisions if name == "revision" else parents).update(QUOTED.findall(value))
    return frozenset(revisions - parents)


def _at_head(engine: Engine) -> bool:
    """True if the database already records the newest migration (then Alembic need not be imported)."""
    heads = head_revisions()
    if len(heads) != 1:
        return False
    try:
        with engine.connect() as conn:
            stamped = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except DBAPIError:  # no such table yet, or no database: let Alembic create or report it
        return False
    return stamped == set(heads)


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration."""
    if _at_head(engine):
        return
    from alembic import command

    try:
        command.upgrade(alembic_config(engine), "head")
    except OperationalError as exc:
        raise StorageError(f"cannot open database {engine.url.render_as_string(hide_password=True)}: {exc.orig}") from exc


class Database:
    """One database: an engine with the schema at head, and sessions on it."""

    def __init__(self, url: str, migrate: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        if migrate:
            upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed on success, rolled back on any error."""
        with self._sessions() as session:
            with session.begin():
                yield session

    def close(self) -> None:
        self.engine.dispose()
