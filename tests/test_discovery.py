"""Discovery never aborts a batch: every path problem is a named failure and the rest is stored and linked.

Real files on disk: a name that is not UTF-8, a FIFO (never opened: the run would hang), a dangling
link, a socket, the same file named three ways, files and folders without permission (as an
unprivileged user when the suite runs as root, since root reads everything).
"""
from __future__ import annotations

import json
import os
import pickle
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text

from minutetrail.discovery import discover
from tests.conftest import ROOT, SAMPLES

PACKS = sorted(SAMPLES.glob("*.pdf"))
NOBODY = 65534


def _mt(*args: str | bytes, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "minutetrail", *args], capture_output=True, timeout=timeout, cwd=ROOT)


def _hostile_folder(base: Path) -> Path:
    folder = base / "papers"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(PACKS[0], folder / "first.pdf")
    shutil.copy(PACKS[1], folder / "sub" / "second.pdf")
    shutil.copy(PACKS[2], os.fsencode(folder) + b"/caf\xe9-pack.pdf")  # a Latin-1 name: not UTF-8
    os.mkfifo(folder / "waiting.pdf")
    (folder / "gone.pdf").symlink_to(folder / "never-existed.pdf")
    (folder / "same-as-first.pdf").symlink_to(folder / "first.pdf")
    listener = socket.socket(socket.AF_UNIX)
    here = os.getcwd()
    os.chdir(folder)  # bound by a relative name: a socket's path is limited to 108 bytes
    try:
        listener.bind("socket.pdf")
    finally:
        os.chdir(here)
        listener.close()
    return folder


def test_a_hostile_folder_is_stored_and_linked_with_every_problem_named(tmp_path):
    folder = _hostile_folder(tmp_path)
    db = tmp_path / "hostile.db"
    # the folder, a file inside it, and the file again by another spelling: each file once
    run = _mt("--db", str(db), "ingest", str(folder), str(folder / "first.pdf"), str(folder / "sub" / ".." / "first.pdf"),
              os.fsencode(folder) + b"/caf\xe9-pack.pdf", str(tmp_path / "no-such-folder"), timeout=240)
    out, err = run.stdout.decode(), run.stderr.decode()
    assert run.returncode == 1, out + err
    assert "Traceback" not in err
    assert "documents: 3 inserted, 0 unchanged, 4 failed" in out, out + err
    assert "linked:" in out  # the batch went on to linking
    for name, reason in (("waiting.pdf", "FIFO"), ("gone.pdf", "broken symbolic link"), ("socket.pdf", "socket"),
                         ("no-such-folder", "not found")):
        line = next((x for x in err.splitlines() if name in x and x.startswith("error:")), "")  # not the progress line
        assert reason in line, (name, err)
    assert "same-as-first" not in err
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        paths = [r[0] for r in conn.execute(text("SELECT path FROM documents WHERE status = 'ingested'"))]
        failures = {Path(r[0]).name for r in conn.execute(text("SELECT path FROM path_failures"))}
    engine.dispose()
    assert len(paths) == 3 and any("caf\\xe9-pack.pdf" in p for p in paths)
    assert failures == {"waiting.pdf", "gone.pdf", "socket.pdf", "no-such-folder"}
    again = _mt("--db", str(db), "ingest", str(folder), timeout=240)
    assert "0 inserted, 3 unchanged, 3 failed" in again.stdout.decode(), again.stdout.decode() + again.stderr.decode()


def test_discover_finds_each_file_once_and_never_opens_a_fifo(tmp_path):
    folder = _hostile_folder(tmp_path)
    found = discover([folder, folder / "first.pdf", os.fsencode(folder / "sub" / "second.pdf"), folder / "waiting.pdf"])
    good = [f for f in found if f.problem is None]
    assert len(good) == 3
    assert sorted(os.path.basename(f.shown) for f in good) == ["caf\\xe9-pack.pdf", "first.pdf", "second.pdf"]
    assert [f.problem for f in found if f.path.endswith("waiting.pdf")] == ["a FIFO, not a file: never opened"]


def _unprivileged(work, *args):  # type: ignore[no-untyped-def]
    """Run ``work(*args)`` in a forked child that cannot read what its permissions forbid (as nobody when root)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        try:
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            result = ("ok", work(*args))
        except BaseException as exc:  # report anything to the parent, which fails the test
            result = ("error", repr(exc))
        with os.fdopen(write, "wb") as pipe:
            pipe.write(pickle.dumps(result))
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    status, value = pickle.loads(data)
    assert status == "ok", value
    return value


def _ingest_report(db_url: str, folder: str) -> dict:
    from minutetrail.db.session import Database
    from minutetrail.pipeline import ingest

    db = Database(db_url)
    try:
        report = ingest(db, [folder], jobs=1)
    finally:
        db.close()
    return {"inserted": [Path(p).name for p in report.inserted], "failed": [f.message for f in report.failed],
            "links": report.links}


def test_files_and_folders_without_permission_are_named_failures(db_url):
    from minutetrail.db.session import Database
    from minutetrail.pipeline import ingest

    base = Path(tempfile.mkdtemp(prefix="mt-perm-"))
    try:
        os.chmod(base, 0o777)
        folder = base / "papers"
        (folder / "locked").mkdir(parents=True)
        shutil.copy(PACKS[0], folder / "readable.pdf")
        shutil.copy(PACKS[1], folder / "secret.pdf")
        shutil.copy(PACKS[2], folder / "locked" / "inside.pdf")
        os.chmod(folder / "secret.pdf", 0)
        os.chmod(folder / "locked", 0)
        for p in (folder, folder / "readable.pdf"):
            os.chmod(p, 0o777 if p.is_dir() else 0o644)
        url = db_url
        if db_url.startswith("sqlite"):
            url = f"sqlite:///{base / 'perm.db'}"
        warm = base / "warm"
        warm.mkdir()
        shutil.copy(PACKS[3], warm / "warm.pdf")
        _ingest_report(f"sqlite:///{base / 'warm.db'}", str(warm))  # every module the child needs, loaded while privileged
        db = Database(url)  # the schema
        ingest(db, [], jobs=1)
        db.close()
        for f in base.glob("perm.db*"):
            os.chmod(f, 0o666)
        report = _unprivileged(_ingest_report, url, str(folder))
    finally:
        os.chmod(base / "papers" / "locked", 0o755)
        shutil.rmtree(base, ignore_errors=True)
    assert report["inserted"] == ["readable.pdf"]
    assert len(report["failed"]) == 2
    assert any("secret.pdf" in m and "permission denied" in m for m in report["failed"]), report
    assert any("locked" in m and "permission denied" in m for m in report["failed"]), report
    assert report["links"], "the batch went on to linking"


def test_a_file_named_twice_is_counted_once(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from minutetrail.cli import cli

    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    db = str(tmp_path / "twice.db")
    run = runner.invoke(cli, ["--db", db, "ingest", str(PACKS[0]), str(PACKS[0]), os.path.relpath(PACKS[0], ROOT), "--jobs", "1"])
    assert run.exit_code == 0, run.output
    assert "documents: 1 inserted, 0 unchanged, 0 failed" in run.output
    docs = json.loads(runner.invoke(cli, ["--db", db, "documents", "--json"]).output)
    assert len(docs) == 1 and docs[0]["version"] == 1


def test_folders_vanishing_while_they_are_walked_are_named_not_fatal(tmp_path):
    import threading

    vanished_any = False
    for round_ in range(10):
        top = tmp_path / f"round-{round_}"
        for i in range(150):
            sub = top / f"meeting-{i:03d}" / "papers"
            sub.mkdir(parents=True)
            (sub / "pack.pdf").write_bytes(b"%PDF-1.4\n")
        start = threading.Event()

        def remove(top: Path = top) -> None:
            start.wait()
            for d in sorted(top.iterdir(), reverse=True):
                shutil.rmtree(d, ignore_errors=True)

        remover = threading.Thread(target=remove)
        remover.start()
        start.set()
        found = discover([top])  # never raises, whatever disappears under it
        remover.join()
        for f in found:
            assert f.problem is None or "vanished" in f.problem or "not found" in f.problem, f
        vanished_any = vanished_any or any(f.problem for f in found)
        if vanished_any:
            break
    assert vanished_any, "no folder vanished during any walk: the race was never run"
