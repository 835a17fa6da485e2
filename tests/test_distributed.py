"""Ingest on a real Dask LocalCluster (worker processes) into the real PostgreSQL of the test run: the
database equals the one a single-process ingest of the same files gives, even when a worker is
killed while it parses. The papers: three sample packs of one committee and three of a second
committee made by the samples' generator, so that two committees are relinked side by side."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from minutetrail.cli import cli
from minutetrail.db import schema as S
from minutetrail.db.export import TABLES, table_rows
from minutetrail.db.queries import action_threads, overdue
from minutetrail.db.session import Database
from minutetrail.distributed import cluster_spec, ingest_on
from minutetrail.errors import ClusterError
from minutetrail.pipeline import ingest
from tests.conftest import SAMPLES

distributed = pytest.importorskip("distributed")

AS_OF = date(2025, 9, 1)
VOLATILE = {"id", "observation_id", "ingested_at", "decided_at"}  # surrogate ids and clock times: not the data


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0")
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("second-committee")
    subprocess.run([sys.executable, "-c", (
        f"import sys; sys.path.insert(0, {str(SAMPLES)!r}); import scenario; "
        "scenario.COMMITTEE = 'Planning and Environment Scrutiny Committee'; "
        f"import generate; generate.main({str(out)!r})")], check=True)
    return [str(p) for p in sorted(SAMPLES.glob("*.pdf"))[:3] + sorted(out.glob("*.pdf"))[:3]]


@contextmanager
def fresh_pg(server: str) -> Iterator[Database]:
    name = f"mt_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = Database(make_url(server).set(database=name).render_as_string(hide_password=False))
    try:
        yield db
    finally:
        db.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def snapshot(db: Database) -> dict[str, list[str]]:
    """Every table and the thread queries, with surrogate ids replaced by natural keys, rows sorted."""
    with db.session(write=False) as s:
        committees = {c.id: c.name for c in s.scalars(select(S.Committee))}
        docs = {d.id: d.sha256 for d in s.scalars(select(S.Document))}
        natural: dict[str, dict[int, Any]] = {
            "body_id": {b.id: b.name for b in s.scalars(select(S.Body))},
            "committee_id": committees,
            "meeting_id": {m.id: (committees[m.committee_id], str(m.date), m.time) for m in s.scalars(select(S.Meeting))},
            "document_id": docs, "superseded_by": docs,
            "thread_id": {t.id: t.key for t in s.scalars(select(S.ActionThread))},
            "owner_person_id": {p.id: p.key for p in s.scalars(select(S.Person))},
            "person_id": {p.id: p.key for p in s.scalars(select(S.Person))},
            "minutes_id": {m.id: (docs[m.document_id], m.page_start) for m in s.scalars(select(S.MinutesRecord))},
            "minute_item_id": {i.id: (i.minutes_id, i.seq) for i in s.scalars(select(S.MinuteItem))},
        }
        natural["minute_item_id"] = {k: (natural["minutes_id"][m], seq) for k, (m, seq) in natural["minute_item_id"].items()}

        def keyed(value: Any) -> Any:
            if isinstance(value, list):
                return [keyed(v) for v in value]
            if isinstance(value, dict):
                return {k: (natural[k].get(v) if k in natural else keyed(v)) for k, v in value.items() if k not in VOLATILE}
            return value

        def plain(rows: list[dict[str, Any]]) -> list[str]:
            return sorted(json.dumps(keyed(row), sort_keys=True, default=str) for row in rows)

        shot = {name: plain(table_rows(s, name)) for name in TABLES}
        shot["overdue"] = plain(overdue(s, AS_OF))
        shot["threads"] = plain(action_threads(s, kind=None))
    return shot


@pytest.fixture(scope="module")
def reference(pg_server_url: str, papers: list[str]) -> dict[str, list[str]]:
    """The database after a single-process ingest of the papers."""
    with fresh_pg(pg_server_url) as db:
        report = ingest(db, papers, jobs=1)
        assert len(report.inserted) == 6 and not report.failed
        shot = snapshot(db)
    assert {json.loads(t)["committee"] for t in shot["threads"]} == {
        "Housing and Communities Scrutiny Committee", "Planning and Environment Scrutiny Committee"}
    return shot


def test_distributed_ingest_equals_single_process_ingest(client: Any, pg_server_url: str, papers: list[str],
                                                        reference: dict[str, list[str]]):
    ticks: list[str] = []
    with fresh_pg(pg_server_url) as db:
        with distributed.get_task_stream(client) as stream:
            report = ingest_on(client, db, papers, progress=ticks.append)
        ran = [str(t["key"]).split("-")[0].strip("('\"") for t in stream.data]
        assert (ran.count("minutetrail"), ran.count("link_task")) == (6, 2), ran  # parsed, and two committees linked, on workers
        assert (len(report.inserted), report.failed) == (6, [])
        assert len(ticks) == 6 and report.links["threads"] > 0
        got = snapshot(db)
        assert got["action_observations"] and got["overdue"]  # the comparison compares something
        assert got == reference
        again = ingest_on(client, db, papers)  # idempotent: nothing is stored twice
        assert (len(again.inserted), len(again.unchanged)) == (0, 6)
        assert snapshot(db) == reference


def test_a_worker_killed_mid_batch_still_gives_the_same_database(client: Any, pg_server_url: str, papers: list[str],
                                                                  reference: dict[str, list[str]]):
    killed: list[int] = []

    def kill_a_busy_worker(_name: str) -> None:
        if killed:
            return
        busy = [w for w, keys in client.processing().items() if keys]
        pids = client.run(os.getpid, workers=busy[:1])
        for pid in pids.values():
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    def slow_parse(path: str) -> Any:  # pickled by value; slow enough that a worker is busy at the first store
        import time

        from minutetrail.pipeline import parse_job

        time.sleep(0.5)
        return parse_job(path)

    with fresh_pg(pg_server_url) as db:
        report = ingest_on(client, db, papers, progress=kill_a_busy_worker, parse=slow_parse)
        assert killed, "no worker was busy when the first document was stored"
        assert (len(report.inserted), report.failed) == (6, [])
        assert snapshot(db) == reference
    client.wait_for_workers(2, timeout=60)  # the nanny restarts the killed worker


def test_cli_ingest_on_a_scheduler_address_with_sqlite(client: Any, tmp_path: Path):
    """SQLite: workers parse, the committees are relinked one by one on the client."""
    single, dist = Database(f"sqlite:///{tmp_path / 'one.db'}"), Database(f"sqlite:///{tmp_path / 'dist.db'}")
    try:
        ingest(single, [SAMPLES], jobs=1)
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "dist.db"), "ingest", str(SAMPLES),
                                          "--cluster", client.scheduler.address])
        assert result.exit_code == 0, result.output
        assert "6 inserted" in result.output
        assert snapshot(dist) == snapshot(single)
    finally:
        single.close()
        dist.close()


def test_cluster_spec_names_what_it_wants():
    assert cluster_spec("local:3") == ("local", 3)
    assert cluster_spec("tcp://10.0.0.5:8786") == ("address", "tcp://10.0.0.5:8786")
    for bad in ("local:0", "local:x", "10.0.0.5:8786", ""):
        with pytest.raises(ClusterError):
            cluster_spec(bad)


def test_cli_refuses_a_bad_cluster_or_both_jobs_and_cluster(tmp_path: Path):
    db = str(tmp_path / "x.db")
    bad = CliRunner().invoke(cli, ["--db", db, "ingest", str(SAMPLES), "--cluster", "somewhere"])
    assert bad.exit_code == 2 and "local:N" in bad.output
    both = CliRunner().invoke(cli, ["--db", db, "ingest", str(SAMPLES), "--cluster", "local:1", "--jobs", "2"])
    assert both.exit_code == 2 and "--jobs" in both.output


def test_committee_relinks_run_side_by_side_but_never_beside_another_writer(pg_server_url: str):
    """A relink of one committee shares the writers' lock with other committees' relinks and holds its own."""
    from minutetrail.db.session import COMMITTEE_LOCK, WRITE_LOCK

    with fresh_pg(pg_server_url) as db:
        probe = create_engine(db.url)
        try:
            with db.session(committee=1):
                with probe.connect() as conn:
                    def free(sql: str, **keys: int) -> bool:
                        return bool(conn.execute(text(f"SELECT {sql}"), keys).scalar())

                    assert free("pg_try_advisory_xact_lock_shared(:k)", k=WRITE_LOCK)  # another committee's relink
                    assert free("pg_try_advisory_xact_lock(:a, :b)", a=COMMITTEE_LOCK, b=2)
                    assert not free("pg_try_advisory_xact_lock(:a, :b)", a=COMMITTEE_LOCK, b=1)  # the same committee waits
                    conn.rollback()
                    assert not free("pg_try_advisory_xact_lock(:k)", k=WRITE_LOCK)  # an ingest's store waits
                    conn.rollback()
        finally:
            probe.dispose()


def test_a_document_whose_parse_task_fails_is_a_named_failure_and_the_batch_goes_on(client: Any, tmp_path: Path):
    from minutetrail.pipeline import parse_job

    def parse_or_crash(path: str) -> Any:  # pickled by value: the workers run this very function
        if path.endswith("03-11-housing-scrutiny-pack.pdf"):
            raise RuntimeError("a bug in a parser")
        return parse_job(path)

    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        report = ingest_on(client, db, [SAMPLES], parse=parse_or_crash)
    finally:
        db.close()
    assert len(report.inserted) == 5
    assert [f.path for f in report.failed] == [str(SAMPLES / "2025-03-11-housing-scrutiny-pack.pdf")]
    assert "RuntimeError: a bug in a parser" in report.failed[0].message


def test_cli_starts_and_closes_a_local_cluster(tmp_path: Path):
    pdf = sorted(SAMPLES.glob("*.pdf"))[0]
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "ingest", str(pdf), "--cluster", "local:1"])
    assert result.exit_code == 0, result.output
    assert "documents: 1 inserted" in result.output


def test_workers_running_another_parser_are_refused_before_anything_is_stored(client: Any, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch):
    import minutetrail.config

    monkeypatch.setattr(minutetrail.config, "PARSER_VERSION", "9.9.9")  # this client is newer than its workers
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with pytest.raises(ClusterError, match="another minutetrail parser"):
            ingest_on(client, db, [SAMPLES])
        with db.session(write=False) as s:
            assert s.scalar(select(S.Document.id)) is None
    finally:
        db.close()
