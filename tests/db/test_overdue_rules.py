"""Uncertain links do not make closed actions look overdue: dropped from the log, marked under review,
thread ids stable across confirm and reject. Real SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from minutetrail.db import schema as S
from minutetrail.db.linking import judge, relink
from minutetrail.db.queries import overdue, thread_history
from minutetrail.models import DocKind, Judgement
from tests.link.series import Series, _Builder
from tests.link.series_score import load

DAYS = [date(2024, 1, 9), date(2024, 3, 12), date(2024, 5, 14)]


def _series() -> Series:
    s = Series("rules", "Invented Environment Committee", DAYS)
    b = _Builder(s, "Invented Council", DocKind.ACTION_LOG)
    for k in range(3):
        b.row("e1", k, "E/01", "Survey the culverts on the river path", "Head of Highways", None, "30/11/2023", DAYS[0])
    for k in range(2):  # printed at the first two meetings, then no longer carried
        b.row("e2", k, "E/02", "Replace the broken bins in the market square", "Head of Highways", None, "31/12/2023", DAYS[0])
    return b.build()


def test_a_thread_the_latest_log_no_longer_carries_is_not_overdue_but_listed_as_dropped(db):
    load(db, _series())
    with db.session() as session:
        assert {r["number"] for r in overdue(session, DAYS[1])} == {"E/01", "E/02"}
        assert {r["number"] for r in overdue(session, DAYS[2])} == {"E/01"}
        dropped = overdue(session, DAYS[2], dropped=True)
        assert [(r["number"], r["last_printed"]) for r in dropped] == [("E/02", DAYS[1].isoformat())]
        assert overdue(session, DAYS[1], dropped=True) == []


def test_rows_with_links_waiting_for_review_are_marked(db):
    load(db, _series())
    with db.session() as session:
        rows = {r["number"]: r for r in overdue(session, DAYS[2])}
        assert rows["E/01"]["under_review"] is False
        o = session.scalars(select(S.ActionObservation).where(S.ActionObservation.number == "E/01")).first()
        key = f"{o.document.sha256}:{o.seq}"
        session.add(S.LinkJudgement(left_key="x" * 64 + ":0", right_key=key, method="test", score=0.7, signals={},
                                    judgement="review", decided_by="test", decided_at=o.document.ingested_at))
        session.flush()
        rows = {r["number"]: r for r in overdue(session, DAYS[2])}
        assert rows["E/01"]["under_review"] is True


def test_thread_ids_stay_stable_across_reject_and_confirm(db):
    load(db, _series())
    with db.session() as session:
        obs = session.scalars(select(S.ActionObservation).where(S.ActionObservation.number == "E/01")
                              .order_by(S.ActionObservation.published)).all()
        ids = [o.id for o in obs]
        original = obs[0].thread_id
        assert {o.thread_id for o in obs} == {original}
    with db.session() as session:
        relink(session, judge(session, ids[0], ids[1], Judgement.REJECTED, "tester"))
    with db.session() as session:
        split = session.get(S.ActionObservation, ids[1]).thread_id
        assert session.get(S.ActionObservation, ids[0]).thread_id == original and split != original
    with db.session() as session:
        relink(session, judge(session, ids[0], ids[1], Judgement.CONFIRMED, "tester"))
    with db.session() as session:
        assert {session.get(S.ActionObservation, i).thread_id for i in ids} == {original}
        merged = thread_history(session, split)
        assert merged is not None and merged["id"] == original and merged["merged_from"] == split
        assert len(merged["observations"]) == 3
    with db.session() as session:
        relink(session, judge(session, ids[0], ids[1], Judgement.REJECTED, "tester"))
    with db.session() as session:
        assert session.get(S.ActionObservation, ids[1]).thread_id == split  # the same id comes back


def test_a_quarterly_plan_is_not_dropped_by_a_monthly_log(db):
    s = Series("kinds", "Invented Improvement Board", DAYS)
    log = _Builder(s, "Invented Council", DocKind.ACTION_LOG)
    for k in range(3):
        log.row("l1", k, "L/01", "Agree the terms of reference of the improvement board", "Chief Executive", None, "31/10/2023", DAYS[0])
    plan = _Builder(Series("kinds", "Invented Improvement Board", DAYS), "Invented Council", DocKind.ACTION_PLAN)
    plan.row("p1", 0, "1.1", "Recruit a permanent director of children's services", "Chief Executive", None, "30/11/2023", DAYS[0])
    records = log.build().records
    extra = plan.build().records[0]
    load(db, Series("kinds", s.committee, DAYS, records=[*records, extra]))
    with db.session() as session:
        assert {r["number"] for r in overdue(session, DAYS[2])} == {"L/01", "1.1"}
        assert overdue(session, DAYS[2], dropped=True) == []


def test_the_overdue_command_and_report_show_dropped_threads_apart(db, db_url, tmp_path):
    from click.testing import CliRunner

    from minutetrail.cli import cli

    load(db, _series())
    runner = CliRunner()
    out = runner.invoke(cli, ["--db", db_url, "overdue", "--as-of", DAYS[2].isoformat()])
    assert out.exit_code == 0, out.output
    assert "dropped from the log" in out.output
    assert "under_review" not in out.output  # a flag no row has is left out of the table, kept in CSV
    assert "under_review" in runner.invoke(cli, ["--db", db_url, "overdue", "--as-of", DAYS[2].isoformat(), "--format", "csv"]).output
    overdue_part, dropped_part = out.output.split("dropped from the log", 1)
    assert "Survey the culverts" in overdue_part and "Replace the broken bins" not in overdue_part
    assert "Replace the broken bins" in dropped_part
    report = tmp_path / "r.html"
    assert runner.invoke(cli, ["--db", db_url, "report", "--as-of", DAYS[2].isoformat(), "--out", str(report)]).exit_code == 0
    assert "Dropped from the log" in report.read_text()
