"""`minutetrail serve` end to end: a real Datasette server started on a free port over a database
ingested from samples/, asked over HTTP and browsed in a real headless Chromium (tests/browse/cdp.py)."""
from __future__ import annotations

import io
import json
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from PIL import Image

from minutetrail.cli import cli
from minutetrail.db.queries import overdue
from minutetrail.db.session import Database
from tests.browse.cdp import Browser
from tests.conftest import ROOT, SAMPLES

STEM = "council papers"  # served under its file stem, which Datasette writes with tilde escapes in URLs
URL = "council~20papers"
MOVED = "2025-01-14-housing-scrutiny-pack.pdf"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read(), r.headers.get("content-type", "")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), exc.headers.get("content-type", "")


class Served:
    def __init__(self, db: Path, base: str, proc: subprocess.Popen[bytes]) -> None:
        self.db, self.base, self.proc = db, base, proc

    def json(self, path: str) -> Any:
        status, body, _ = _get(self.base + path)
        assert status == 200, (path, body[:500])
        return json.loads(body)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("serve")
    papers = root / "papers"
    papers.mkdir()
    for pdf in SAMPLES.glob("*.pdf"):
        shutil.copy(pdf, papers / pdf.name)
    db = root / f"{STEM}.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(papers)])
    assert result.exit_code == 0, result.output
    (papers / MOVED).rename(root / MOVED)  # a file moved after ingest: its evidence must say so
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "minutetrail", "--db", str(db), "serve", "--port", str(port), "--no-open"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if _get(base + "/-/versions.json")[0] == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"minutetrail serve did not start: {proc.communicate()[0].decode()}")
            time.sleep(0.2)
        yield Served(db, base, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_the_overdue_query_answers_what_the_overdue_command_answers(served):
    database = Database(f"sqlite:///{served.db}", existing=True)
    try:
        with database.session(write=False) as session:
            days = sorted({date.fromisoformat(r["published"]) for r in served.json(f"/{URL}/printings.json?_shape=array&_size=max")})
            asked = sorted(set(days) | {d + timedelta(days=20) for d in days} | {days[-1] + timedelta(days=800)})
            nonempty = 0
            for day in asked:
                want = [(r["id"], r["text"], r["days_overdue"], r["under_review"]) for r in overdue(session, day)]
                rows = served.json(f"/{URL}/overdue.json?as_of={day.isoformat()}&_shape=array")
                assert [(r["thread_id"], r["text"], r["days_overdue"], bool(r["under_review"])) for r in rows] == want, day
                nonempty += bool(want)
            assert nonempty >= 3
            some = served.json(f"/{URL}/overdue.json?as_of=2025-06-10&committee=HOUSING&_shape=array")
            assert [r["thread_id"] for r in some] == [r["id"] for r in overdue(session, date(2025, 6, 10), "housing")]
            assert served.json(f"/{URL}/overdue.json?as_of=2025-06-10&committee=planning&_shape=array") == []
            by_owner = served.json(f"/{URL}/overdue_by_owner.json?as_of=2025-06-10&_shape=array")
            assert sum(r["overdue"] for r in by_owner) == len(overdue(session, date(2025, 6, 10)))
    finally:
        database.close()


def test_browse_overdue_to_a_thread_to_its_evidence_in_chromium(served, tmp_path):
    browser = Browser(tmp_path / "profile")
    try:
        browser.goto(f"{served.base}/{URL}/overdue?as_of=2025-06-10")
        page = browser.eval("document.body.innerText")
        assert "Overdue as of a date" in page
        first = browser.eval("document.querySelector('a.thread').textContent")
        browser.click("a.thread")
        assert f"thread?thread_id={first}" in browser.eval("location.href")
        printings = browser.eval("document.querySelectorAll('table.rows-and-columns tbody tr').length")
        assert printings >= 3  # carried over several meetings, one row per printing
        browser.click("table.rows-and-columns tbody tr:last-child a.evidence")  # its latest printing
        assert "/-/minutetrail/evidence/" in browser.eval("location.href")
        sizes = browser.eval("Promise.all([...document.images].map(i => i.complete ? 0 : new Promise(r => "
                             "{ i.onload = r; i.onerror = r; }))).then(() => [...document.images].map("
                             "i => [i.className, i.naturalWidth, i.naturalHeight]))")
        assert {cls for cls, w, h in sizes if w > 100 and h > 20} == {"row", "page"}
        assert f"thread {first}" in browser.eval("document.body.innerText")
        shot = Image.open(io.BytesIO(browser.screenshot()))
        assert shot.size[0] >= 800
        grey = shot.convert("L")
        lo, hi = grey.getextrema()
        assert hi - lo > 100  # drawn, not blank
        dark = sum(n for n, v in grey.getcolors(1 << 20) if v < 128)
        assert dark > 0.002 * shot.size[0] * shot.size[1]  # text and the row's image are on it
    finally:
        browser.close()


def test_evidence_of_a_moved_file_says_so_and_images_render_from_the_stored_box(served):
    conn = sqlite3.connect(f"file:{served.db}?mode=ro", uri=True)
    try:
        moved = conn.execute("SELECT o.id FROM action_observations o JOIN documents d ON d.id = o.document_id "
                             "WHERE d.path LIKE ? AND o.x0 IS NOT NULL LIMIT 1", (f"%{MOVED}",)).fetchone()[0]
        there = conn.execute("SELECT o.id FROM action_observations o JOIN documents d ON d.id = o.document_id "
                             "WHERE d.path NOT LIKE ? AND o.x0 IS NOT NULL LIMIT 1", (f"%{MOVED}",)).fetchone()[0]
    finally:
        conn.close()
    evidence = f"{served.base}/-/minutetrail/evidence/{URL}"
    status, body, _ = _get(f"{evidence}/{moved}")
    assert status == 200 and b"moved or deleted after ingest" in body and MOVED.encode() in body
    status, body, _ = _get(f"{evidence}/{moved}/row.png")
    assert status == 404 and b"moved or deleted" in body
    status, body, kind = _get(f"{evidence}/{there}/row.png")
    assert status == 200 and kind == "image/png"
    image = Image.open(io.BytesIO(body)).convert("L")
    assert image.size[0] > 200 and image.getextrema()[1] - image.getextrema()[0] > 100
    status, body, kind = _get(f"{evidence}/{there}/source.pdf")
    assert status == 200 and body.startswith(b"%PDF")
    status, body, _ = _get(f"{served.base}/{URL}/agenda_items")  # facts with a page and no box link to the page
    pages = re.findall(rb'<a class="page" href="([^"]+)">', body)
    assert status == 200 and pages
    status, body, kind = _get(served.base + pages[-1].decode())
    assert status == 200 and kind == "image/png" and Image.open(io.BytesIO(body)).size[1] > 500


def test_served_read_only_under_the_file_stem_with_search_and_facets(served):
    before = served.db.read_bytes()
    status, body, _ = _get(f"{served.base}/{URL}.json?sql=" + urllib.request.quote("DELETE FROM bodies"))
    assert status != 200 or json.loads(body).get("ok") is False
    assert served.json(f"/{URL}.json?sql=" + urllib.request.quote("SELECT COUNT(*) AS n FROM bodies") + "&_shape=array")[0]["n"] >= 1
    hits = served.json(f"/{URL}/search_entries.json?_search=void&_shape=objects")["rows"]
    assert hits and all("void" in h["text"].lower() for h in hits)
    canned = served.json(f"/{URL}/search.json?q=void+properties&_shape=array")
    assert canned and "[void]" in canned[0]["match"].lower()
    facets = served.json(f"/{URL}/threads_current.json")["facet_results"]
    assert {"committee", "state", "owner_name"} <= set(facets)
    meta = served.json("/-/metadata.json")["databases"][STEM]["tables"]
    assert meta["action_observations"]["columns"]["due_date"]
    assert served.db.read_bytes() == before


def test_serve_refuses_what_it_cannot_serve(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", "postgresql+psycopg://nobody@localhost/none", "serve", "--no-open"])
    assert result.exit_code == 2 and "SQLite" in result.output and "SQL client" in result.output
    result = runner.invoke(cli, ["--db", str(tmp_path / "absent.db"), "serve", "--no-open"])
    assert result.exit_code == 2 and "no minutetrail database" in result.output
    assert not (tmp_path / "absent.db").exists()


def test_serve_on_a_port_in_use_is_one_line(served):
    port = int(served.base.rsplit(":", 1)[1])
    result = CliRunner().invoke(cli, ["--db", str(served.db), "serve", "--port", str(port), "--no-open"])
    assert result.exit_code == 2 and f"cannot listen on 127.0.0.1:{port}" in result.output


def test_serve_has_help():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--no-open" in result.output and "read-only" in result.output
    assert ROOT.is_dir()
