"""Each printing's thread state: computed right, kept by relink, rebuilt by the migration."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

from alembic import command
from sqlalchemy import func, inspect, select

from minutetrail.db import schema as S
from minutetrail.db.queries import action_threads, closed_without_progress, overdue, printed_overdue_not_due, thread_history
from minutetrail.db.session import alembic_config
from minutetrail.db.threadstate import OPEN_END, printing_order, states
from minutetrail.parsers.status import progress_says_complete
from minutetrail.pipeline import ingest
from tests.conftest import SAMPLES


def _printing(oid, published, due=None, status=None, progress=None, raised=None, source="action_log"):
    return SimpleNamespace(id=oid, published=published, source=source, status=status, progress=progress,
                           due_date=due, raised_date=raised)


def test_state_at_each_printing():
    jan, feb, mar = date(2025, 1, 14), date(2025, 2, 11), date(2025, 3, 11)
    rows = [
        _printing(1, jan, source="minutes", raised=date(2024, 12, 10)),
        _printing(2, jan, due=date(2025, 2, 1), status="not_started"),
        _printing(3, feb, due=date(2025, 3, 1), status="in_progress", progress="Draft circulated"),
        _printing(4, mar, due=date(2025, 2, 20), progress="Completed in March"),
    ]
    rows.sort(key=lambda r: printing_order(r.published, r.source, r.id))
    got = {s["b_id"]: s for s in states(rows)}
    assert [got[i]["superseded"] for i in (1, 2, 3, 4)] == [jan, feb, mar, OPEN_END]  # the minutes, then the log, same day
    assert [got[i]["carried"] for i in (1, 2, 3, 4)] == [1, 1, 2, 3]
    assert [got[i]["slips"] for i in (1, 2, 3, 4)] == [0, 0, 1, 1]  # moved later once; earlier again is no slip
    assert got[4]["first_due"] == date(2025, 2, 1) and got[1]["first_due"] is None
    assert [got[i]["progress_seen"] for i in (1, 2, 3, 4)] == [False, False, True, True]
    assert got[4]["state"] == "completed" and got[3]["state"] == "in_progress"  # no printed status: the progress says
    assert all(got[i]["first_seen"] == jan and got[i]["first_raised"] == date(2024, 12, 10) for i in (1, 2, 3, 4))


def test_undated_printings_are_never_the_state_as_of_a_date():
    rows = [_printing(1, None, due=date(2025, 1, 1)), _printing(2, None, due=date(2025, 2, 1))]
    got = states(rows)
    assert got[0]["superseded"] is None and got[1]["superseded"] == OPEN_END and got[1]["published"] is None


def _dates(s) -> list[date]:
    days = sorted(d for d in s.scalars(select(S.Meeting.date).distinct()) if d)
    return sorted({*days, *(d + timedelta(days=10) for d in days)})  # meeting days and days between


def test_overdue_agrees_with_each_thread_history(db):
    """The indexed answer (thread state) against the same question worked out from every thread's printings."""
    ingest(db, [SAMPLES], jobs=1)
    with db.session() as s:
        histories = [thread_history(s, t["id"]) for t in action_threads(s, kind=None)]
        for day in _dates(s):
            expected = {}
            for h in histories:
                # as of a day: the printings published by then (printed_in: the meeting whose papers printed it)
                seen = [o for o in h["observations"] if o["printed_in"] and o["printed_in"] <= day.isoformat()]
                if not seen:
                    continue
                latest, dues = seen[-1], [o["due_date"] for o in seen if o["due_date"]]
                closed = latest["status"] in ("completed", "cancelled") or (
                    latest["status"] is None and progress_says_complete(latest["progress"]))
                if latest["due_date"] and latest["due_date"] < day.isoformat() and not closed:
                    expected[h["id"]] = (len({o["printed_in"] for o in seen}), sum(b > a for a, b in zip(dues, dues[1:])),
                                         dues[0])
            got = {r["id"]: (r["meetings_carried"], r["times_slipped"], r["first_due"]) for r in overdue(s, day)}
            assert got == expected, day


def test_relink_and_the_migration_keep_the_state(db):
    ingest(db, [SAMPLES], jobs=1)

    def snapshot():
        with db.session() as s:
            latest = s.scalars(select(func.count()).where(S.ActionObservation.superseded == OPEN_END)).one()
            # the header boxes of evidence crops are not restored by a downgrade past 0009 (a re-ingest fills them)
            rows = [[{k: v for k, v in r.items() if k != "header_bbox"} for r in overdue(s, d)] for d in _dates(s)]
            return (latest, rows, action_threads(s, kind=None), closed_without_progress(s, date(2025, 12, 31)))

    before = snapshot()
    with db.session() as s:
        assert before[0] == s.scalar(select(func.count()).select_from(S.ActionThread))  # one latest printing per thread
    assert any(before[1]) and before[2]
    cfg = alembic_config(db.engine)
    command.downgrade(cfg, "0003")
    assert "superseded" not in {c["name"] for c in inspect(db.engine).get_columns("action_observations")}
    command.upgrade(cfg, "head")  # the migration fills the state for what is already stored
    assert snapshot() == before


def test_closed_without_progress_as_of_a_date(db, tmp_path):
    from tests.tablepdf import log_row, table_pdf

    silent, worked = "Write to the minister about rural bus services", "Publish the audit plan"
    table_pdf(tmp_path / "jul.pdf", [log_row(1, silent, progress="", status="IN PROGRESS"),
                                     log_row(2, worked, progress="Draft with officers")],
              title="Audit Committee - 12 July 2021 - Action log")
    table_pdf(tmp_path / "sep.pdf", [log_row(1, silent, progress="", status="COMPLETE"),
                                     log_row(2, worked, progress="", status="COMPLETE")],
              title="Audit Committee - 13 September 2021 - Action log")
    assert not ingest(db, [tmp_path], jobs=1).failed
    with db.session() as s:
        assert closed_without_progress(s, date(2021, 8, 1)) == []  # still in progress then
        closed = closed_without_progress(s, date(2021, 12, 31))
    # the second had progress printed in July: closed with a trail, not silently
    assert [(c["text"], c["closed_at"], Path(c["source_file"]).name, c["page"]) for c in closed] == [
        (silent, "2021-09-13", "sep.pdf", 1)]


def test_printed_overdue_not_yet_due_until_the_revised_date_passes(db):
    ingest(db, [SAMPLES], jobs=1)
    with db.session() as s:
        for day in (date(2025, 4, 8), date(2025, 6, 10)):
            rows = printed_overdue_not_due(s, day)
            assert [(r["printed_status"], r["due"]) for r in rows] == [("OVERDUE", "2025-07-31")]
            assert rows[0]["id"] not in {r["id"] for r in overdue(s, day)}
        assert printed_overdue_not_due(s, date(2025, 8, 1)) == []
        assert rows[0]["id"] in {r["id"] for r in overdue(s, date(2025, 8, 1))}  # now it is overdue
