"""Ingest, idempotency, bad input and the overdue answer, on SQLite and PostgreSQL."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from minutetrail.db import schema as S
from minutetrail.db.linking import judge
from minutetrail.db.queries import action_threads, overdue, thread_history
from minutetrail.db.threadstate import OPEN_END
from minutetrail.models import Judgement
from minutetrail.pipeline import ingest
from tests.conftest import SAMPLES

EXPECTED_OVERDUE = json.loads((SAMPLES / "expected-overdue.json").read_text())


def _gold_threads() -> dict[tuple[str, str], str]:
    """(pack meeting date, action text) -> scenario thread id, from the samples' expected records."""
    out = {}
    for path in sorted((SAMPLES / "gold").glob("*.json")):
        record = json.loads(path.read_text())
        for row in record["actions"]:
            out[(record["meeting"]["date"], row["text"])] = row["thread"]
    return out


def _thread_of(threads: list[dict], gold: dict[tuple[str, str], str]) -> dict[int, set[str]]:
    mapping: dict[int, set[str]] = {}
    for t in threads:
        for o in t["observations"]:
            if o["table"] == "minutes":
                continue
            mapping.setdefault(t["id"], set()).add(gold[(o["meeting_date"], o["text"])])
    return mapping


def test_ingest_samples_then_again_changes_nothing(db):
    first = ingest(db, [SAMPLES], jobs=1)
    assert len(first.inserted) == 6 and not first.failed and not first.unchanged
    assert first.stored.actions > 30
    with db.session() as s:
        before = {m.__tablename__: s.scalar(select(func.count()).select_from(m))
                  for m in (S.Document, S.Meeting, S.AgendaItem, S.ActionObservation, S.ActionThread, S.LinkJudgement)}
    second = ingest(db, [SAMPLES], jobs=1)
    assert len(second.unchanged) == 6 and not second.inserted and not second.failed
    with db.session() as s:
        after = {m.__tablename__: s.scalar(select(func.count()).select_from(m))
                 for m in (S.Document, S.Meeting, S.AgendaItem, S.ActionObservation, S.ActionThread, S.LinkJudgement)}
    assert before == after


def test_overdue_is_exactly_right_as_of_each_meeting(db):
    ingest(db, [SAMPLES], jobs=1)
    gold = _gold_threads()
    with db.session() as s:
        threads = action_threads(s)
        scenario_of = _thread_of(threads, gold)
        for as_of, expected in EXPECTED_OVERDUE.items():
            rows = overdue(s, date.fromisoformat(as_of))
            got = sorted((sorted(scenario_of[r["id"]]), r["due"], r["days_overdue"], r["meetings_carried"]) for r in rows)
            want = sorted(([e["thread"]], e["due"], e["days_overdue"], e["meetings_carried"]) for e in expected)
            assert got == want, as_of


def test_each_scenario_action_is_one_thread(db):
    ingest(db, [SAMPLES], jobs=1)
    gold = _gold_threads()
    with db.session() as s:
        mapping = _thread_of(action_threads(s), gold)
    assert all(len(ids) == 1 for ids in mapping.values()), mapping  # no thread joins two actions
    joined = [next(iter(ids)) for ids in mapping.values()]
    assert len(joined) == len(set(joined)), joined  # no action split over two threads


def test_minutes_action_joins_the_log_row_that_carries_it(db):
    ingest(db, [SAMPLES], jobs=1)
    with db.session() as s:
        threads = action_threads(s)
    void = [t for t in threads if "void properties" in t["text"]]
    assert len(void) == 1
    tables = [o["table"] for o in void[0]["observations"]]
    assert tables[0] == "minutes" and tables.count("action_log") == 5
    assert void[0]["owner_person"] == "Tom Elliott"


def test_overdue_report_carries_evidence_and_printed_status(db):
    ingest(db, [SAMPLES], jobs=1)
    with db.session() as s:
        rows = overdue(s, date(2025, 6, 10))
    by_text = {r["text"][:30]: r for r in rows}
    ta = next(r for r in rows if "temporary accommodation" in r["text"])
    assert ta["printed_status"] == "IN PROGRESS" and ta["status_disagrees"]
    assert ta["owner_person"] == "Claire Ward"
    assert ta["source_file"].endswith("2025-06-10-housing-scrutiny-pack.pdf") and ta["page"] >= 1
    assert ta["bbox"] and len(ta["bbox"]) == 4 and len(ta["sha256"]) == 64
    assert all(r["days_overdue"] > 0 for r in by_text.values())
    # printed OVERDUE but revised date still ahead: not overdue
    assert not any("equality impact" in r["text"] for r in rows)


def test_bad_files_fail_alone_and_are_recorded(db, bad_files, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for p in bad_files.values():
        shutil.copy(p, folder / p.name)
    good = sorted(SAMPLES.glob("*.pdf"))[:2]
    for p in good:
        shutil.copy(p, folder / p.name)
    report = ingest(db, [folder], jobs=1)
    assert len(report.inserted) == 2
    failed = {Path(f.path).name: f.message for f in report.failed}
    assert set(failed) == {p.name for p in bad_files.values()}
    for name, message in failed.items():
        assert name in message  # names the file
    assert "encrypted" in failed["encrypted.pdf"] and "scanned" in failed["scanned.pdf"]
    assert "not a PDF" in failed["minutes.pdf"] and "empty" in failed["empty.pdf"]
    with db.session() as s:
        docs = {Path(d.path).name: d for d in s.scalars(select(S.Document))}
        assert {n for n, d in docs.items() if d.status == "failed"} == set(failed)
        assert all(d.error for d in docs.values() if d.status == "failed")
    again = ingest(db, [folder], jobs=1)  # failed files are retried, good ones are not re-read
    assert len(again.unchanged) == 2 and len(again.failed) == len(bad_files)


def test_human_judgements_win_and_survive_reingest(db, tmp_path):
    ingest(db, [SAMPLES], jobs=1)
    with db.session() as s:
        t = next(t for t in action_threads(s) if "void properties" in t["text"])
        obs = [o["observation_id"] for o in t["observations"]]
        from minutetrail.db.linking import relink
        committees = judge(s, obs[2], obs[3], Judgement.REJECTED, "tester")
        assert len(committees) == 1
        relink(s, committees)
    with db.session() as s:
        parts = [t for t in action_threads(s) if "void properties" in t["text"]]
        assert len(parts) == 2
    # re-ingest everything from scratch: documents deleted and re-stored, the judgement stays
    with db.session() as s:
        for d in s.scalars(select(S.Document)):
            s.delete(d)
    ingest(db, [SAMPLES], jobs=1)
    with db.session() as s:
        parts = [t for t in action_threads(s) if "void properties" in t["text"]]
        assert len(parts) == 2
        j = s.scalar(select(S.LinkJudgement).where(S.LinkJudgement.judgement == "rejected"))
        assert j is not None and j.decided_by == "tester"


def test_history_lists_every_appearance_in_date_order(db):
    ingest(db, [SAMPLES], jobs=1)
    with db.session() as s:
        t = next(t for t in action_threads(s) if "temporary accommodation" in t["text"])
        h = thread_history(s, t["id"])
    dates = [o["meeting_date"] for o in h["observations"]]
    assert dates == sorted(dates) and len(dates) == 4
    assert {o["owner"] for o in h["observations"]} >= {"Claire Ward", "C Ward", "Ward, Claire"}
    assert {o["owner_person"] for o in h["observations"] if o["table"] != "minutes"} == {"Claire Ward"}


def test_ingest_reports_what_changed_since_the_previous_pack(db):
    report = ingest(db, [SAMPLES], jobs=1)
    counts = {c["meeting_date"]: (len(c["new"]), len(c["completed"]), len(c["became_overdue"]), len(c["slipped"]))
              for c in report.changes}
    assert counts == {"2025-01-14": (1, 0, 0, 0), "2025-02-11": (4, 0, 0, 0), "2025-03-11": (2, 2, 0, 1),
                      "2025-04-08": (5, 1, 0, 1), "2025-05-13": (1, 1, 1, 0), "2025-06-10": (1, 2, 1, 0)}
    again = ingest(db, [SAMPLES], jobs=1)
    assert again.changes == []  # nothing new ingested, nothing to report


def test_minutes_recommendations_thread_into_the_tracker(db):
    ingest(db, [SAMPLES], jobs=1)
    with db.session() as s:
        recs = action_threads(s, kind="recommendation")
        actions_only = action_threads(s)
    tracked = [t for t in recs if any(o["table"] == "recommendation_tracker" for o in t["observations"])]
    assert len(tracked) == 2
    for t in tracked:
        tables = [o["table"] for o in t["observations"]]
        assert tables == ["minutes_recommendation", "recommendation_tracker"], t["text"]
    damp = next(t for t in tracked if "damp" in t["text"])
    minuted, tracker = damp["observations"]
    assert minuted["printed_in"] == "2025-04-08" and tracker["printed_in"] == "2025-06-10"
    # the minutes belong to the meeting they minute (printed in the next pack); a tracker row to its pack's meeting
    assert minuted["meeting_date"] == "2025-03-11" and tracker["meeting_date"] == "2025-06-10"
    assert not any(o["table"] == "minutes_recommendation" for t in actions_only for o in t["observations"])


def test_a_batch_relinks_only_the_committees_it_touched(db, tmp_path):
    from tests.tablepdf import log_row, table_pdf

    ingest(db, [SAMPLES], jobs=1)
    with db.session() as s:
        before = {t["id"]: [o["observation_id"] for o in t["observations"]] for t in action_threads(s, kind=None)}
        judgements = s.scalar(select(func.count()).select_from(S.LinkJudgement))
    other = tmp_path / "audit"
    other.mkdir()
    table_pdf(other / "jul.pdf", [log_row(1, progress="", status="IN PROGRESS")], title="Audit Committee - 12 July 2021 - Action log")
    table_pdf(other / "sep.pdf", [log_row(1, progress="Letter sent", status="COMPLETE")],
              title="Audit Committee - 13 September 2021 - Action log")
    report = ingest(db, [other], jobs=1)
    assert report.links["threads"] == 1  # the new committee's one action, followed over its two packs
    with db.session() as s:
        after = {t["id"]: [o["observation_id"] for o in t["observations"]] for t in action_threads(s, kind=None)}
        assert s.scalar(select(func.count()).select_from(S.LinkJudgement)) == judgements + 1
        assert s.scalar(select(func.count()).where(S.ActionObservation.thread_id.is_(None))) == 0
    new = {tid: obs for tid, obs in after.items() if tid not in before}
    assert {tid: after[tid] for tid in before} == before and len(new) == 1 and len(next(iter(new.values()))) == 2


def test_a_run_interrupted_before_linking_is_linked_by_the_next(db):
    from minutetrail.db.store import store_record
    from minutetrail.extraction import parse_file

    first = sorted(SAMPLES.glob("*.pdf"))[0]
    with db.session() as s:  # stored, then the process died before the link stage
        store_record(s, parse_file(first), str(first))
    report = ingest(db, [first], jobs=1)
    assert report.unchanged == [str(first)] and report.links["threads"] > 0
    with db.session() as s:
        assert s.scalar(select(func.count()).where(S.ActionObservation.thread_id.is_(None))) == 0
        assert s.scalar(select(func.count()).where(S.ActionObservation.superseded == OPEN_END)) == report.links["threads"]


def test_a_minute_extract_with_an_unnumbered_agenda_item_is_stored(db, tmp_path):
    """"Agenda item" with no number over the extract's title: stored, not refused by the database."""
    from tests.councilpdf import Sheet

    sheet = Sheet(tmp_path / "extract.pdf")
    for text in ["Agenda item", "Review of the library opening hours", "To consider the results of the consultation.",
                 "Minutes:", "The cabinet member introduced the report on Tuesday 7 May 2024.", "It was resolved that:",
                 "a) the revised opening hours be approved."]:
        sheet.line(text)
    report = ingest(db, [sheet.save()], jobs=1)
    assert report.failed == [] and len(report.inserted) == 1
    with db.session(write=False) as session:
        titles = session.execute(select(S.AgendaItem.number, S.AgendaItem.title)).all()
    assert [(n, t) for n, t in titles] == [("", "Review of the library opening hours")]


def test_overdue_rows_carry_their_tables_header_box_for_the_crop(db):
    ingest(db, [SAMPLES], jobs=1)
    with db.session(write=False) as session:
        rows = overdue(session, date(2025, 6, 11))
    logged = [r for r in rows if r.get("bbox")]
    assert logged and all(r.get("header_bbox") and r["header_bbox"][3] <= r["bbox"][1] for r in logged)
