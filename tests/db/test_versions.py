"""A revised paper (same meeting, kind and title; different bytes) is a new version, not a second meeting's worth of facts."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select

from minutetrail.cli import cli
from minutetrail.db import schema as S
from minutetrail.db.search import search
from minutetrail.pipeline import ingest
from samples.generate import Pack, draw_table
from tests.tablepdf import LOG_HEADERS, LOG_WIDTHS, log_row


def _dated_log(path: Path, first_due: str, extra: bool = False, other: bool = False) -> Path:
    """A one-page action log of an invented town council's meeting of 12 March 2025."""
    pack = Pack(path)
    pack.new_page(land=True)
    pack.text("Marshfield Town Council", 14, bold=True)
    pack.text("Parks and Open Spaces Committee", 12, bold=True)
    pack.text("Action log for the meeting held on 12 March 2025", 11, gap=8)
    rows = [log_row(1, text="Replace the broken swings in Elm Park", due=first_due),
            log_row(2, text="Repaint the bandstand railings", due="31/05/25")]
    if other:  # another paper of the same meeting: nothing in common
        rows = [log_row(1, text="Publish the allotment waiting list", due="30/09/25"),
                log_row(2, text="Agree the cemetery fees for next year", due="31/10/25")]
    if extra:
        rows.append(log_row(3, text="Survey the lime trees on the avenue", due="30/06/25"))
    draw_table(pack, LOG_HEADERS, LOG_WIDTHS, rows, ruled=True, repeat_header=True)
    pack.finish()
    return path


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def test_a_republished_log_replaces_its_earlier_printing(db, tmp_path):
    first = _dated_log(tmp_path / "log.pdf", "30/04/25")
    ingest(db, [first], jobs=1)
    rows_before = _count(db, S.ActionObservation)
    revised = _dated_log(tmp_path / "log-revised.pdf", "31/07/25", extra=True)  # the first row's due date corrected
    report = ingest(db, [revised], jobs=1)
    assert [Path(r.path).name for r in report.revised] == ["log-revised.pdf"]
    rev = report.revised[0]
    assert rev.version == 2 and rev.replaces.endswith("log.pdf")
    assert "due 2025-04-30 -> 2025-07-31" in rev.summary and "1 action rows added" in rev.summary
    # the meeting's facts once, from the new version; the old document kept for history
    assert _count(db, S.ActionObservation) == rows_before + 1
    assert _count(db, S.Meeting) == 1
    with db.session() as s:
        docs = {d.path: d for d in s.scalars(select(S.Document))}
        old, new = docs[str(first)], docs[str(revised)]
        assert (old.status, old.version, old.superseded_by) == ("superseded", 1, new.id)
        assert (new.status, new.version) == ("ingested", 2)
        # a corrected due date is not a slip: the thread never saw the earlier printing
        assert [o.slips for o in s.scalars(select(S.ActionObservation))] == [0, 0, 0]
        hits = search(s, "swings Elm Park")
        assert [h["source_file"] for h in hits] == [str(revised)]
    # the old version again changes nothing; the documents command shows both versions
    again = ingest(db, [first, revised], jobs=1)
    assert len(again.unchanged) == 2 and not again.inserted
    listed = json.loads(CliRunner().invoke(cli, ["--db", db.url, "documents", "--json"]).output)
    assert [(d["version"], d["status"]) for d in listed] == [(1, "superseded"), (2, "ingested")]
    assert listed[0]["superseded_by"] == listed[1]["id"]


def test_ingest_reports_the_revision(db_url, tmp_path):
    runner = CliRunner()
    runner.invoke(cli, ["--db", db_url, "ingest", str(_dated_log(tmp_path / "a.pdf", "30/04/25"))])
    out = runner.invoke(cli, ["--db", db_url, "ingest", str(_dated_log(tmp_path / "b.pdf", "31/05/25"))])
    assert out.exit_code == 0, out.output
    assert "revised:" in out.output and "b.pdf is version 2, replacing" in out.output and "2025-04-30 -> 2025-05-31" in out.output


def test_another_paper_of_the_same_meeting_is_not_a_version(db, tmp_path):
    ingest(db, [_dated_log(tmp_path / "log.pdf", "30/04/25")], jobs=1)
    report = ingest(db, [_dated_log(tmp_path / "second-log.pdf", "30/04/25", other=True)], jobs=1)
    assert not report.revised and len(report.inserted) == 1
    with db.session() as s:
        assert [d.status for d in s.scalars(select(S.Document))] == ["ingested", "ingested"]
    assert _count(db, S.ActionObservation) == 4
