"""Several ingest processes at once on one database, and parse workers that end with their parent.

Two and three real `minutetrail ingest` processes start together on a database that does not exist
yet, over folders that share files and a committee; each must exit cleanly and the database must
hold exactly what one process ingesting everything holds.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from minutetrail.db.session import Database
from minutetrail.pipeline import ingest
from tests.conftest import ROOT, SAMPLES

PACKS = sorted(SAMPLES.glob("*.pdf"))[:3]  # one committee's consecutive meetings: threads run across the batches
FOLDERS = {"two": [[0, 1], [1, 2]], "three": [[0, 1], [1, 2], [0, 2]]}


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """A maker of URLs of databases that hold nothing yet (a SQLite file not yet created)."""
    made: list[str] = []
    server = request.getfixturevalue("pg_server_url") if request.param == "postgresql" else None

    def make() -> str:
        if server is None:
            return f"sqlite:///{tmp_path / f'{uuid.uuid4().hex[:8]}.db'}"
        name = f"mt_{uuid.uuid4().hex[:12]}"
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        made.append(name)
        return make_url(server).set(database=name).render_as_string(hide_password=False)

    yield make
    if server is not None:
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            for name in made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _state(url: str) -> dict[str, object]:
    """What a database holds, without ids: documents, meetings, observations, threads as groups, overdue."""
    engine = create_engine(url)
    with engine.connect() as conn:
        q = lambda sql: sorted(tuple(r) for r in conn.execute(text(sql)))  # noqa: E731
        threads: dict[int, list[tuple]] = {}
        for tid, sha, seq in conn.execute(text(
                "SELECT o.thread_id, d.sha256, o.seq FROM action_observations o JOIN documents d ON d.id = o.document_id")):
            threads.setdefault(tid, []).append((sha, seq))
        state = {
            "documents": q("SELECT sha256, status, version FROM documents"),
            "meetings": q("SELECT c.name, m.date FROM meetings m JOIN committees c ON c.id = m.committee_id"),
            "observations": q("SELECT d.sha256, o.seq, o.text, o.due_date, o.status, o.slips, o.state FROM action_observations o "
                              "JOIN documents d ON d.id = o.document_id"),
            "agenda": q("SELECT d.sha256, a.seq, a.title FROM agenda_items a JOIN documents d ON d.id = a.document_id"),
            "threads": sorted(sorted(members) for members in threads.values()),
            "search": q("SELECT kind, text FROM search_entries"),
            "people": q("SELECT key FROM people"),
        }
    engine.dispose()
    return state


@pytest.mark.parametrize("layout", ["two", "three"])
def test_concurrent_ingesters_store_what_one_would(fresh_url, layout, tmp_path):
    folders = []
    for i, members in enumerate(FOLDERS[layout]):
        folder = tmp_path / f"batch-{i}"
        folder.mkdir()
        for k in members:
            shutil.copy(PACKS[k], folder / PACKS[k].name)
        folders.append(folder)
    url = fresh_url()
    procs = [subprocess.Popen([sys.executable, "-m", "minutetrail", "--db", url, "ingest", "--jobs", "1", str(f)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for f in folders]
    outputs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outputs):
        assert p.returncode == 0 and b"Traceback" not in err, (out + err).decode()
    inserted = sum(int(out.decode().split("documents: ")[1].split(" inserted")[0]) for out, _ in outputs)
    assert inserted == len(PACKS)  # each shared file stored once; the others found it stored
    one = fresh_url()
    db = Database(one)
    try:
        ingest(db, [tmp_path], jobs=1)
    finally:
        db.close()
    assert _state(url) == _state(one)


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_parse_workers_end_when_ingest_is_killed(tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    for i in range(3):  # enough work that the workers are busy when the parent dies
        for pack in sorted(SAMPLES.glob("*.pdf")):
            shutil.copy(pack, folder / f"{i}-{pack.name}")
            with open(folder / f"{i}-{pack.name}", "ab") as f:
                f.write(f"\n% copy {i}\n".encode())  # different bytes: each is parsed
    parent = subprocess.Popen([sys.executable, "-m", "minutetrail", "--db", str(tmp_path / "k.db"), "ingest", "--jobs", "2",
                               str(folder)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    workers: list[int] = []
    deadline = time.time() + 60
    while time.time() < deadline and len(workers) < 2:
        workers = [c for c in _children(parent.pid) if _alive(c)]
        time.sleep(0.1)
    assert len(workers) >= 2, "the parse workers never started"
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.time() + 15
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    survivors = [w for w in workers if _alive(w)]
    for w in survivors:  # do not leave them behind whatever the outcome
        os.kill(w, signal.SIGKILL)
    assert not survivors, "parse workers outlived the ingest that started them"


def test_a_parse_worker_killed_mid_batch_loses_nothing(tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    packs = sorted(SAMPLES.glob("*.pdf"))
    for pack in packs:
        shutil.copy(pack, folder / pack.name)
    run = subprocess.Popen([sys.executable, "-m", "minutetrail", "--db", str(tmp_path / "w.db"), "ingest", "--jobs", "2",
                            str(folder)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    workers: list[int] = []
    while time.time() < deadline and not workers:
        workers = [c for c in _children(run.pid) if _alive(c)]
        time.sleep(0.05)
    assert workers, "the parse workers never started"
    os.kill(workers[0], signal.SIGKILL)  # as the OOM killer would
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0 and b"Traceback" not in err, (out + err).decode()
    assert f"documents: {len(packs)} inserted, 0 unchanged, 0 failed" in out.decode()
