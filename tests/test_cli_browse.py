"""Browsing as a user does (issue 14, points 2-7): tables that fit, no silent empties, one id space and two
named dates, `changes`, a report that states its scope, --db anywhere. A real SQLite database ingested
from samples/ (once for the module), and a generated series for links and dropped rows."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from minutetrail import __version__
from minutetrail.cli import cli
from minutetrail.db import schema as S
from minutetrail.db.session import Database
from minutetrail.output import QUESTIONS
from tests.conftest import SAMPLES
from tests.db.test_overdue_rules import DAYS, _series
from tests.link.series_score import load

AS_OF = "2025-06-30"


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("browse") / "samples.db"
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLES), "--db", str(path)])  # --db after the subcommand
    assert result.exit_code == 0, result.output
    return str(path)


def _run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), env=env)


# ------------------------------------------------------------------ 2. tables that fit, every format


@pytest.mark.parametrize("args", [["overdue", "--as-of", AS_OF], ["actions"], ["history", "7"], ["search", "void properties"],
                                  ["changes"], ["documents"]])
def test_tables_fit_the_terminal_width(samples_db, args):
    wide = _run("--db", samples_db, *args, "--width", "0")
    assert wide.exit_code == 0, wide.output
    assert max(len(line) for line in wide.output.splitlines()) > 100  # the question is wider than 100 unfitted
    for env_width in ("100", "80"):
        fitted = _run("--db", samples_db, *args, env={"COLUMNS": env_width})
        assert fitted.exit_code == 0, fitted.output
        assert max(len(line) for line in fitted.output.splitlines()) <= int(env_width), fitted.output
    narrow = _run("--db", samples_db, *args, "--width", "90", env={"COLUMNS": "300"})  # --width wins over COLUMNS
    assert max(len(line) for line in narrow.output.splitlines()) <= 90


def test_the_text_is_printed_whole_before_the_evidence(samples_db):
    out = _run("--db", samples_db, "overdue", "--as-of", AS_OF, "--width", "120").output
    words = out.split()
    wanted = "Provide a breakdown of void properties by ward, with the length of each void".split()
    assert all(w in words for w in wanted) and "…" not in out.split("evidence")[0]  # wrapped, not cut
    header = out.splitlines()[1]  # after the committee stated once
    assert header.index("text") < header.index("evidence")
    assert "2025-06-10-housing-s" in out  # the file name, not the front of a long path


def test_overdue_in_every_format_equals_export_overdue(samples_db, tmp_path):
    for fmt in ("csv", "tsv", "json", "jsonl"):
        asked = _run("--db", samples_db, "overdue", "--as-of", AS_OF, "--format", fmt)
        exported = _run("--db", samples_db, "export", "overdue", "--as-of", AS_OF, "--format", fmt)
        assert asked.exit_code == exported.exit_code == 0 and asked.output == exported.output, fmt
    table = list(csv.reader(io.StringIO(_run("--db", samples_db, "overdue", "--as-of", AS_OF, "--format", "csv").output)))
    assert table[0] == QUESTIONS["overdue"] and "number" in table[0] and len(table) == 3
    for suffix, fmt in ((".csv", "csv"), (".tsv", "tsv"), (".jsonl", "jsonl"), (".json", "json")):
        target = tmp_path / f"overdue{suffix}"
        done = _run("--db", samples_db, "export", "overdue", "--as-of", AS_OF, "--out", str(target))
        assert done.exit_code == 0 and f"({fmt})" in done.output
        assert target.read_text() == _run("--db", samples_db, "overdue", "--as-of", AS_OF, "--format", fmt).output
    forced = tmp_path / "forced.json"
    _run("--db", samples_db, "export", "overdue", "--as-of", AS_OF, "--format", "csv", "--out", str(forced))
    assert forced.read_text().startswith("id,number,")  # an explicit --format wins over the suffix


def test_printed_overdue_not_due_and_dropped_are_listings_in_machine_formats(samples_db):
    rows = json.loads(_run("--db", samples_db, "overdue", "--as-of", AS_OF, "--listing", "all", "--json").output)
    listings = {r["listing"] for r in rows}
    assert listings == {"overdue", "printed-not-due"}
    printed = json.loads(_run("--db", samples_db, "export", "printed-not-due", "--as-of", AS_OF, "--json").output)
    assert [r["id"] for r in printed] == [r["id"] for r in rows if r["listing"] == "printed-not-due"]
    assert "equality impact" in printed[0]["text"]


def test_columns_and_no_headers(samples_db):
    out = _run("--db", samples_db, "overdue", "--as-of", AS_OF, "--format", "csv", "--columns", "number,id,days_overdue",
               "--no-headers")
    assert out.output.splitlines() == ["1,7,61", "2,15,48"]
    bad = _run("--db", samples_db, "overdue", "--as-of", AS_OF, "--columns", "id,colour")
    assert bad.exit_code == 2 and "no column colour" in bad.output and "days_overdue" in bad.output


# ------------------------------------------------------------------ 3. no silent empties


def test_a_filter_matching_nothing_says_so_and_suggests(samples_db):
    for args, near in ((["overdue", "--committee", "Housng Scrutiny"], "Housing and Communities Scrutiny Committee"),
                       (["actions", "--committee", "housing scrutny"], "Housing and Communities Scrutiny Committee"),
                       (["search", "repairs", "--committee", "Hosing"], "Housing and Communities Scrutiny Committee"),
                       (["overdue", "--owner", "Tom Eliot"], "Tom Elliott")):
        result = _run("--db", samples_db, *args)
        assert result.exit_code == 2, result.output
        assert "matches" in result.output and near in result.output and len(result.output.strip().splitlines()) == 1
    nothing_near = _run("--db", samples_db, "overdue", "--committee", "zzzz")
    assert nothing_near.exit_code == 2 and "no committee matches 'zzzz'" in nothing_near.output
    # a filter that matches something answers, even when the answer is empty
    fine = _run("--db", samples_db, "overdue", "--committee", "housing", "--as-of", "2025-01-01", "--json")
    assert fine.exit_code == 0 and json.loads(fine.output) == []


def test_ingest_of_a_folder_without_pdfs_says_so_and_exits_1(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a paper")
    db = tmp_path / "none.db"
    result = _run("ingest", str(folder), "--db", str(db))
    assert result.exit_code == 1 and "no PDF files in" in result.output and str(folder) in result.output
    assert not db.exists()


# ------------------------------------------------------------------ 4. one id space, two named dates


def test_search_hits_carry_thread_ids_and_both_dates(samples_db):
    hits = json.loads(_run("--db", samples_db, "search", "void properties", "--json").output)
    actions = [h for h in hits if h["kind"] == "action"]
    assert actions and all(h["thread_id"] for h in actions)
    history = json.loads(_run("--db", samples_db, "history", str(actions[0]["thread_id"]), "--json").output)
    assert any(h["text"].startswith(o["text"]) for o in history["observations"] for h in actions)
    # the decision minuted at the January meeting is printed in February's pack: dated by the meeting
    decision = next(h for h in hits if h["kind"] == "decision")
    assert (decision["meeting_date"], decision["printed_in"]) == ("2025-01-14", "2025-02-11")
    january = json.loads(_run("--db", samples_db, "search", "void properties", "--kind", "decision", "--to", "2025-01-31",
                              "--json").output)
    february = json.loads(_run("--db", samples_db, "search", "void properties", "--kind", "decision", "--from", "2025-02-01",
                               "--to", "2025-02-28", "--json").output)
    assert decision["text"] in [h["text"] for h in january] and decision["text"] not in [h["text"] for h in february]


def test_history_names_the_meeting_and_the_pack_apart(samples_db):
    thread = json.loads(_run("--db", samples_db, "history", "7", "--json").output)
    minuted = [o for o in thread["observations"] if o["table"] == "minutes"]
    logged = [o for o in thread["observations"] if o["table"] != "minutes"]
    assert minuted and all(o["meeting_date"] < o["printed_in"] for o in minuted)
    assert logged and all(o["meeting_date"] == o["printed_in"] for o in logged)
    exported = json.loads(_run("--db", samples_db, "export", "actions", "--json").output)
    same = next(t for t in exported if t["id"] == 7)
    assert [(o["meeting_date"], o["printed_in"]) for o in same["observations"]] == \
        [(o["meeting_date"], o["printed_in"]) for o in thread["observations"]]
    table = {r["id"]: r for r in json.loads(_run("--db", samples_db, "export", "action_observations", "--json").output)}
    assert all((table[o["observation_id"]]["meeting_date"], table[o["observation_id"]]["printed_in"]) ==
               (o["meeting_date"], o["printed_in"]) for o in thread["observations"])
    overdue_row = next(r for r in json.loads(_run("--db", samples_db, "overdue", "--as-of", AS_OF, "--json").output) if r["id"] == 7)
    assert overdue_row["printed_in"] == thread["observations"][-1]["printed_in"] == "2025-06-10"


def test_review_shows_thread_ids_and_ids_survive_link_judgements(tmp_path):
    url = f"sqlite:///{tmp_path / 'series.db'}"
    db = Database(url)
    try:
        load(db, _series())
        with db.session() as s:
            culverts = s.scalars(select(S.ActionObservation).where(S.ActionObservation.number == "E/01")
                                 .order_by(S.ActionObservation.published)).all()
            bins = s.scalars(select(S.ActionObservation).where(S.ActionObservation.number == "E/02")).first()
            ids = [o.id for o in culverts]
            original = culverts[0].thread_id
            s.add(S.LinkJudgement(left_key=f"{bins.document.sha256}:{bins.seq}", right_key=f"{culverts[0].document.sha256}:{culverts[0].seq}",
                                  method="test", score=0.7, signals={}, judgement="review", decided_by="test",
                                  decided_at=bins.document.ingested_at))
            bins_thread = bins.thread_id
    finally:
        db.close()
    review = json.loads(_run("--db", url, "review", "--json").output)
    assert [(r["left_thread"], r["right_thread"]) for r in review] == [(bins_thread, original)]
    table = _run("--db", url, "review", "--width", "0").output
    assert table.splitlines()[0].split()[:4] == ["left_thread", "left_id", "right_thread", "right_id"]
    assert _run("link", "reject", str(ids[0]), str(ids[1]), "--db", url).exit_code == 0
    split = json.loads(_run("--db", url, "search", "culverts", "--json").output)
    split_ids = {h["thread_id"] for h in split}
    assert original in split_ids and len(split_ids) == 2
    assert _run("link", "confirm", str(ids[0]), str(ids[1]), "--db", url).exit_code == 0
    for tid in split_ids:  # every id a search printed still answers, with the merged thread
        hist = json.loads(_run("--db", url, "history", str(tid), "--json").output)
        assert hist["id"] == original and len(hist["observations"]) == 3


# ------------------------------------------------------------------ 5. changes at a meeting


def test_changes_lists_each_item_as_ingest_counts_them(samples_db):
    rows = json.loads(_run("--db", samples_db, "changes", "--at", "2025-05-20", "--json").output)
    assert {r["meeting_date"] for r in rows} == {"2025-05-13"} and {r["previous"] for r in rows} == {"2025-04-08"}
    kinds = [r["change"] for r in rows]
    # ingest printed: 1 new, 1 completed, 1 became overdue, 0 slipped for this meeting
    assert sorted(kinds) == ["became_overdue", "completed", "new"]
    overdue_row = next(r for r in rows if r["change"] == "became_overdue")
    assert overdue_row["id"] == 7 and overdue_row["text"].startswith("Provide a breakdown")
    slipped = json.loads(_run("--db", samples_db, "changes", "--at", "2025-03-11", "--json").output)
    moved = [r for r in slipped if r["change"] == "slipped"]
    assert len(moved) == 1 and moved[0]["previous_due"] < moved[0]["due"]
    for fmt in ("csv", "tsv"):
        out = _run("--db", samples_db, "changes", "--at", "2025-05-20", "--format", fmt).output
        parsed = list(csv.reader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
        assert parsed[0] == QUESTIONS["changes"] and len(parsed) == 4
    assert _run("--db", samples_db, "export", "changes", "--as-of", "2025-05-20", "--format", "csv").output == \
        _run("--db", samples_db, "changes", "--at", "2025-05-20", "--format", "csv").output
    table = _run("--db", samples_db, "changes", "--at", "2025-05-20", "--width", "100").output
    assert "2025-05-13 since 2025-04-08: 3 changes" in table and "became_overdue" in table


def test_changes_lists_a_thread_dropped_from_the_log(tmp_path):
    url = f"sqlite:///{tmp_path / 'series.db'}"
    db = Database(url)
    try:
        load(db, _series())
    finally:
        db.close()
    rows = json.loads(_run("--db", url, "changes", "--at", DAYS[2].isoformat(), "--json").output)
    dropped = [r for r in rows if r["change"] == "dropped"]
    assert [r["number"] for r in dropped] == ["E/02"] and dropped[0]["printed_in"] == DAYS[1].isoformat()
    assert not any(r["change"] == "dropped" for r in json.loads(_run("--db", url, "changes", "--at", DAYS[1].isoformat(),
                                                                         "--json").output))


# ------------------------------------------------------------------ 6. the report states its scope


def test_overdue_notes_an_as_of_date_past_the_latest_pack(samples_db):
    late = _run("--db", samples_db, "overdue", "--as-of", "2026-01-01")
    assert late.exit_code == 0 and "the latest pack is of 2025-06-10" in late.stderr and "latest pack" not in late.stdout
    assert "latest pack" not in _run("--db", samples_db, "overdue", "--as-of", "2025-06-10").stderr


def test_the_report_states_its_scope_and_warns_past_the_latest_pack(samples_db, tmp_path):
    late = tmp_path / "late.html"
    result = _run("--db", samples_db, "report", "--as-of", "2026-01-01", "--out", str(late))
    assert result.exit_code == 0
    page = " ".join(late.read_text().split())
    assert samples_db in page and f"version {__version__}" in page
    assert "1 committee: Housing and Communities Scrutiny Committee" in page and "1 committees" not in page
    assert "<dt>Latest pack</dt><dd>2025-06-10</dd>" in page and "id='as-of-warning'" in page
    on_time = tmp_path / "on-time.html"
    _run("--db", samples_db, "report", "--as-of", "2025-06-10", "--out", str(on_time))
    assert "as-of-warning" not in on_time.read_text()
    early = tmp_path / "early.html"
    _run("--db", samples_db, "report", "--as-of", "2025-01-20", "--out", str(early))
    text = " ".join(early.read_text().split())
    assert "0 overdue actions" in text and "<th>" not in text.split("<h2>By owner</h2>")[1].split("<h2>Printed")[0]
    assert text.count("<p class='none'>none</p>") >= 5


def test_report_evidence_links_are_absolute_after_a_relative_ingest(tmp_path, monkeypatch):
    monkeypatch.chdir(SAMPLES.parent)
    db = tmp_path / "relative.db"
    pdf = "samples/2025-06-10-housing-scrutiny-pack.pdf"
    assert _run("--db", str(db), "ingest", pdf).exit_code == 0
    monkeypatch.chdir(tmp_path)  # the report is written from elsewhere
    out = tmp_path / "r.html"
    assert _run("--db", str(db), "report", "--as-of", "2025-06-30", "--out", str(out)).exit_code == 0
    links = [part.split("'")[0] for part in out.read_text().split("href='")[1:]]
    assert links and all(link.startswith("file:///") for link in links)
    target = links[0].removeprefix("file://").split("#")[0]
    assert Path(target).is_file() and Path(target).samefile(SAMPLES.parent / pdf)


# ------------------------------------------------------------------ 7. every option in its place


def test_db_goes_before_or_after_the_subcommand_or_in_the_environment(samples_db, tmp_path):
    before = _run("--db", samples_db, "overdue", "--as-of", AS_OF, "--json").output
    after = _run("overdue", "--as-of", AS_OF, "--json", "--db", samples_db).output
    env = _run("overdue", "--as-of", AS_OF, "--json", env={"MINUTETRAIL_DB": samples_db}).output
    assert before == after == env and json.loads(before)
    # the one after the subcommand wins over the one before
    assert _run("--db", str(tmp_path / "absent.db"), "overdue", "--db", samples_db, "--as-of", AS_OF, "--json").output == before
    pdf = str(sorted(SAMPLES.glob("*.pdf"))[0])
    for bad in (pdf, "nosuchdialect://host/db"):
        result = _run("overdue", "--db", bad)
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1, result.output


def test_ingest_names_each_file_as_it_goes_when_not_on_a_terminal(tmp_path):
    pdfs = sorted(SAMPLES.glob("*.pdf"))[:2]
    result = CliRunner().invoke(cli, ["ingest", *map(str, pdfs), "--db", str(tmp_path / "p.db")])
    assert result.exit_code == 0
    lines = [x for x in result.stderr.splitlines() if x.startswith("[")]
    assert lines == [f"[1/2] {pdfs[0]}", f"[2/2] {pdfs[1]}"]
    assert "[1/2]" not in result.stdout


def test_changes_search_ids_and_dates_on_each_database(db_url):
    """The dialect-specific parts (search SQL, the thread lookup, changes) on SQLite and PostgreSQL alike."""
    assert _run("--db", db_url, "ingest", str(SAMPLES)).exit_code == 0
    rows = json.loads(_run("--db", db_url, "changes", "--at", "2025-05-20", "--json").output)
    assert sorted((r["change"], r["id"]) for r in rows) == [("became_overdue", 7), ("completed", 9), ("new", 21)]
    hits = json.loads(_run("--db", db_url, "search", "void properties", "--json").output)
    decision = next(h for h in hits if h["kind"] == "decision")
    assert (decision["meeting_date"], decision["printed_in"]) == ("2025-01-14", "2025-02-11")
    assert {h["thread_id"] for h in hits if h["kind"] == "action"} == {7}
