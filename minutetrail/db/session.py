"""Engines, sessions and migrations for one database URL.

Concurrent writers are serialised per transaction: on SQLite every write transaction starts with
``BEGIN IMMEDIATE`` (the database's write lock, waited for up to BUSY_TIMEOUT), on PostgreSQL with a
transaction-level advisory lock. Parsing runs in parallel; storing and linking take turns, so two
ingesters racing on one document, meeting or committee never see each other's half-done work.
A relink of a single committee (the Dask ingest's link tasks) shares the PostgreSQL lock with other
committees' relinks and holds its committee's own lock: committees side by side, one committee serially.
Migrations run under the same lock.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import String, Table, UniqueConstraint, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from minutetrail.errors import StorageError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.*)$", re.M)
QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")
BUSY_TIMEOUT = 600.0  # seconds a SQLite writer waits for another one (a long relink) before giving up
WRITE_LOCK = 0x6D74_7261_696C  # PostgreSQL advisory lock key of minutetrail writers ("mtrail")
COMMITTEE_LOCK = 0x6D74  # first of the two-int advisory keys (a key space apart from WRITE_LOCK's) of one committee's relink
OUR_TABLES = {"alembic_version", "documents", "action_observations"}


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    dbapi_conn.isolation_level = None  # transactions are begun by _sqlite_begin, not by the driver
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    # a large database is read at random (each thread's latest printing): map it, and cache more
    # than the 2 MB default (bench/query_speed.py: overdue at 1,000,000 observations -25%)
    cur.execute(f"PRAGMA mmap_size={1 << 30}")
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    """Writers take the write lock when they begin (a deferred transaction that reads, then writes,
    fails at once when another writer got there first); readers begin deferred."""
    conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get("readonly") else "BEGIN IMMEDIATE")


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for another database or an in-memory one)."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def make_engine(url: str) -> Engine:
    try:
        u = make_url(url)
        connect_args = {"timeout": BUSY_TIMEOUT} if u.get_backend_name() == "sqlite" else {}
        engine = create_engine(u, future=True, connect_args=connect_args)
    except (ArgumentError, ValueError) as exc:
        raise StorageError(f"not a database URL: {url!r} ({exc})") from exc
    except ImportError as exc:  # NoSuchModuleError is an ArgumentError; a missing driver is an ImportError
        raise StorageError(f"cannot use database {url!r}: its driver is not installed ({exc})") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def _where(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def check_sqlite_file(path: Path, must_exist: bool) -> None:
    """Refuse a file that is not a minutetrail database, without writing to it (read-only open)."""
    if not path.exists():
        if must_exist:
            raise StorageError(f"no minutetrail database at {path} (ingest papers first, or check --db)")
        if not path.parent.is_dir():
            raise StorageError(f"cannot create a database at {path}: folder {path.parent} does not exist")
        return
    if not path.is_file():
        raise StorageError(f"{path} is not a database file")
    if path.stat().st_size == 0:
        if must_exist:
            raise StorageError(f"no minutetrail database at {path} (the file is empty)")
        return
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        raise StorageError(f"cannot open database {path}: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path} is not a SQLite database ({exc})") from exc
    if tables and not OUR_TABLES <= tables:
        raise StorageError(f"{path} is another application's database, not minutetrail's: left untouched")
    if not tables and must_exist:
        raise StorageError(f"no minutetrail database at {path} (the database is empty)")


def check_server_database(engine: Engine, must_exist: bool) -> None:
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot open database {_where(engine)}: {getattr(exc, 'orig', exc)}") from exc
    if tables and not OUR_TABLES <= tables:
        raise StorageError(f"{_where(engine)} holds another application's tables, not minutetrail's: left untouched")
    if not tables and must_exist:
        raise StorageError(f"no minutetrail database at {_where(engine)} (ingest papers first, or check --db)")


@cache
def head_revisions() -> frozenset[str]:
    """The newest migration(s), read from the migration files without loading Alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        for name, value in REVISION_LINE.findall(script.read_text("utf-8")):
            (revisions if name == "revision" else parents).update(QUOTED.findall(value))
    return frozenset(revisions - parents)


def at_head(engine: Engine) -> bool:
    """The database records the newest migration: read without the writers' lock (a reader never
    waits for a relink) and without importing Alembic."""
    heads = head_revisions()
    if len(heads) != 1:
        return False
    try:
        with engine.execution_options(readonly=True).connect() as conn:
            stamped = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except DBAPIError:  # no such table yet, or no database: let Alembic create or report it
        return False
    return stamped == set(heads)


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration (under the writers' lock: env.py)."""
    if at_head(engine):
        return
    from alembic import command

    try:
        command.upgrade(alembic_config(engine), "head")
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot open database {_where(engine)}: {getattr(exc, 'orig', exc)}") from exc


def take_write_lock(conn: Connection, committee: int | None = None) -> None:
    """Serialise writers on PostgreSQL: the lock is held until the transaction ends. A relink of one
    ``committee`` shares the writers' lock with other committees' relinks (they run side by side, never
    beside another writer) and holds that committee's own lock."""
    if conn.dialect.name != "postgresql":
        return
    if committee is None:
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
        return
    conn.execute(text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": WRITE_LOCK})
    conn.execute(text("SELECT pg_advisory_xact_lock(:a, :b)"), {"a": COMMITTEE_LOCK, "b": committee})


def _free_text_limits(table: Table) -> dict[str, int]:
    """The bounded text columns of a table that are no natural key (clipping a key would break its lookups)."""
    keyed = {c.name for con in table.constraints if isinstance(con, UniqueConstraint) for c in con.columns}
    return {c.key: c.type.length for c in table.columns
            if isinstance(c.type, String) and c.type.length and not c.unique and not c.primary_key and c.name not in keyed}


def _clip_free_text(session: Session, _context: object, _instances: object) -> None:
    """Printed text longer than its column (a 30-character item number) is clipped, not refused by PostgreSQL."""
    for obj in list(session.new) + list(session.dirty):
        table = getattr(obj, "__table__", None)
        if table is None:
            continue
        for key, length in _free_text_limits(table).items():
            value = getattr(obj, key, None)
            if isinstance(value, str) and len(value) > length:
                setattr(obj, key, value[:length])


class Database:
    """One database: an engine with the schema at head, and sessions on it.

    ``existing=True`` (read commands) refuses a URL that holds no minutetrail database and never
    creates one; any URL holding another application's data is refused and left untouched.
    """

    def __init__(self, url: str, migrate: bool = True, existing: bool = False) -> None:
        self.url = url
        self.engine = make_engine(url)
        path = sqlite_path(url)
        try:
            if path is not None:
                check_sqlite_file(path, must_exist=existing)
            else:
                check_server_database(self.engine, must_exist=existing)
            if migrate:
                upgrade(self.engine)
        except BaseException:
            self.engine.dispose()
            raise
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._readers = sessionmaker(self.engine.execution_options(readonly=True), expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _clip_free_text)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self, write: bool = True, committee: int | None = None) -> Iterator[Session]:
        """A transaction: committed on success, rolled back on any error. Writers take turns; a writer
        that relinks only ``committee`` takes turns only with that committee's (take_write_lock)."""
        try:
            with (self._sessions if write else self._readers)() as session:
                with session.begin():
                    if write:
                        take_write_lock(session.connection(), committee)
                    yield session
        except SQLAlchemyError as exc:  # refused (a constraint, a lock held too long, the server gone): named, typed
            raise StorageError(f"the database refused the change ({_where(self.engine)}): "
                               f"{str(getattr(exc, 'orig', None) or exc).splitlines()[0]}") from exc

    def close(self) -> None:
        self.engine.dispose()
