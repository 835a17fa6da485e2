"""The question views of migration 0007, on real SQLite and PostgreSQL: they exist, every column is
described, and "overdue as of D" in SQL answers what db/queries.py `overdue` answers, dropped rows included."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import inspect, select, text

from minutetrail.browse.metadata import build_metadata, descriptions, view_columns
from minutetrail.browse.queries import DROPPED_WHERE, OVERDUE_WHERE, PRINTED_OVERDUE_NOT_DUE_WHERE, THREAD, UNDER_REVIEW
from minutetrail.db import schema as S
from minutetrail.db.linking import judge, relink
from minutetrail.db.queries import overdue, printed_overdue_not_due, thread_history
from minutetrail.models import Judgement
from minutetrail.db.schema import columns_by_table
from tests.link.series import series_a, series_c
from tests.db.test_overdue_rules import _series
from tests.link.series_score import load

VIEWS = ("printings", "threads_current", "overdue_today", "overdue_by_owner", "overdue_by_committee",
         "recurring_actions", "recurring_topics", "thread_history", "people_summary", "people_posts")


def test_every_table_and_column_of_the_schema_has_a_description():
    tables = descriptions()["tables"]
    missing = [f"{t}.{c}" for t, cols in columns_by_table().items() for c in cols
               if not tables.get(t, {}).get("columns", {}).get(c, "").strip()]
    assert not [t for t in columns_by_table() if not tables.get(t, {}).get("description", "").strip()]
    assert missing == []
    stale = [f"{t}.{c}" for t, d in tables.items() for c in d["columns"] if c not in columns_by_table().get(t, [])]
    assert stale == []  # a description for a column the schema no longer has


def test_every_view_and_view_column_has_a_description(db):
    insp = inspect(db.engine)
    assert set(VIEWS) <= set(insp.get_view_names())
    described = view_columns()
    for view in VIEWS:
        assert descriptions()["views"][view].strip()
        missing = [c["name"] for c in insp.get_columns(view) if not described.get(c["name"], "").strip()]
        assert missing == [], view
    meta = build_metadata("minutetrail")["databases"]["minutetrail"]
    assert meta["tables"]["search_entries"]["fts_table"] == "search_fts"
    assert {"committee", "state", "owner_name"} <= set(meta["tables"]["threads_current"]["facets"])
    assert "as_of" in meta["queries"]["overdue"]["sql"]


def test_overdue_in_sql_answers_what_the_overdue_command_answers(db):
    load(db, series_a(), series_c())  # carried, slipping, completed and dropped-from-the-log actions
    d = "CAST(:as_of AS DATE)" if db.dialect == "postgresql" else ":as_of"
    where, dropped_where, not_due_where = (w.format(d=d) for w in (OVERDUE_WHERE, DROPPED_WHERE, PRINTED_OVERDUE_NOT_DUE_WHERE))
    with db.session() as session:
        latest = session.scalar(select(S.ActionObservation.published).order_by(S.ActionObservation.published.desc()).limit(1))
        late = overdue(session, latest)[0]["id"]  # one overdue thread gets a link waiting for review
        o = session.scalars(select(S.ActionObservation).where(S.ActionObservation.thread_id == late)).first()
        session.add(S.LinkJudgement(left_key="x" * 64 + ":0", right_key=f"{o.document.sha256}:{o.seq}", method="test",
                                    score=0.7, signals={}, judgement="review", decided_by="test",
                                    decided_at=o.document.ingested_at))
    with db.session() as session:
        days = sorted(d if isinstance(d, date) else date.fromisoformat(d)
                      for (d,) in session.execute(text("SELECT DISTINCT published FROM printings")) if d)
        assert len(days) >= 8
        asked = set(days) | {d + timedelta(days=1) for d in days} | {days[-1] + timedelta(days=400), date(2020, 1, 1)}
        nonempty = 0
        for day in sorted(asked):
            want = [(r["id"], r["text"], r["under_review"]) for r in overdue(session, day)]
            got = [(r[0], r[1], bool(r[2])) for r in session.execute(
                text(f"SELECT thread_id, text, {UNDER_REVIEW} FROM printings p WHERE {where} ORDER BY due_date, committee, thread_id"),
                {"as_of": day.isoformat()})]
            assert sorted(got) == sorted(want), day
            nonempty += bool(want)
            want = [(r["id"], r["last_printed"]) for r in overdue(session, day, dropped=True)]
            got = [(r[0], str(r[1])) for r in session.execute(
                text(f"SELECT thread_id, published FROM printings WHERE {dropped_where}"), {"as_of": day.isoformat()})]
            assert sorted(got) == sorted(want), day
            want = [r["id"] for r in printed_overdue_not_due(session, day)]
            got = [r[0] for r in session.execute(text(f"SELECT thread_id FROM printings WHERE {not_due_where}"),
                                                 {"as_of": day.isoformat()})]
            assert sorted(got) == sorted(want), day
        assert nonempty >= 5
        dropped = {r["id"] for day in days for r in overdue(session, day, dropped=True)}
        assert dropped  # the series drop open actions from their logs: the SQL must leave them out too
        assert any(r["under_review"] for day in asked for r in overdue(session, day))
        today = {r[0] for r in session.execute(text("SELECT thread_id FROM overdue_today"))}
        assert today == {r["id"] for r in overdue(session, date.today())} and today
        owners = session.execute(text("SELECT SUM(overdue) FROM overdue_by_owner")).scalar()
        assert owners == len(today) == session.execute(text("SELECT SUM(overdue) FROM overdue_by_committee")).scalar()
        for view in VIEWS:  # every view answers on this dialect
            session.execute(text(f"SELECT * FROM {view}")).all()
        current = session.execute(text("SELECT COUNT(*), COUNT(DISTINCT thread_id) FROM threads_current")).one()
        threads = session.execute(text("SELECT COUNT(DISTINCT thread_id) FROM action_observations WHERE thread_id IS NOT NULL")).scalar()
        assert current[0] == current[1] == threads  # one current printing per thread


def test_the_thread_query_follows_a_merged_thread_id(tmp_path):
    from minutetrail.db.session import Database

    db = Database(f"sqlite:///{tmp_path / 'merged.db'}")
    try:
        load(db, _series())
        with db.session() as session:
            ids = [o.id for o in session.scalars(select(S.ActionObservation).where(S.ActionObservation.number == "E/01")
                                                 .order_by(S.ActionObservation.published))]
            relink(session, judge(session, ids[0], ids[1], Judgement.REJECTED, "tester"))
        with db.session() as session:
            split = session.get(S.ActionObservation, ids[1]).thread_id
            relink(session, judge(session, ids[0], ids[1], Judgement.CONFIRMED, "tester"))
        with db.session() as session:
            history = thread_history(session, split)
            assert history is not None and history["id"] != split
            rows = session.execute(text(THREAD), {"thread_id": str(split)}).all()
            assert [r.observation_id for r in rows] == [o["observation_id"] for o in history["observations"]]
            assert {(r.thread_id, r.merged_from) for r in rows} == {(history["id"], split)}
            rows = session.execute(text(THREAD), {"thread_id": str(history["id"])}).all()
            assert len(rows) == 3 and {r.merged_from for r in rows} == {None}
    finally:
        db.close()


def test_a_later_batch_migration_recreating_a_table_the_views_read_still_works(tmp_path):
    """SQLite renames the recreated copy into place and checks every view: env.py must allow it."""
    import shutil

    from alembic import command

    from minutetrail.db.session import MIGRATIONS, Database, alembic_config, head_revisions

    db = Database(f"sqlite:///{tmp_path / 'later.db'}")
    try:
        load(db, _series())
        scripts = tmp_path / "migrations"
        shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
        (scripts / "versions" / "9999_scratch.py").write_text(
            f'from alembic import op\nimport sqlalchemy as sa\n\nrevision = "9999"\ndown_revision = "{min(head_revisions())}"\n'
            'branch_labels = None\ndepends_on = None\n\n\ndef upgrade() -> None:\n'
            '    with op.batch_alter_table("action_observations", recreate="always") as batch_op:\n'
            '        batch_op.add_column(sa.Column("scratch", sa.Integer(), nullable=True))\n\n\n'
            'def downgrade() -> None:\n    pass\n')
        cfg = alembic_config(db.engine)
        cfg.set_main_option("script_location", str(scripts))
        with db.session(write=False) as session:
            before = session.execute(text("SELECT COUNT(*) FROM threads_current")).scalar()
        command.upgrade(cfg, "head")
        with db.session(write=False) as session:
            assert session.execute(text("SELECT COUNT(*) FROM threads_current")).scalar() == before > 0
            assert session.execute(text("SELECT COUNT(*) FROM overdue_today")).scalar() is not None
            assert session.execute(text("PRAGMA legacy_alter_table")).scalar() == 0
    finally:
        db.close()


def test_printings_name_the_meeting_a_printing_belongs_to_and_the_pack_that_printed_it(db):
    """Minutes actions belong to the meeting minuted; the pack that printed them is a later one."""
    from minutetrail.db.queries import thread_history as history
    from minutetrail.pipeline import ingest
    from tests.conftest import SAMPLES

    ingest(db, [SAMPLES], jobs=1)
    with db.session(write=False) as session:
        rows = session.execute(text("SELECT thread_id, observation_id, source, meeting_date, printed_in, raised_date "
                                    "FROM printings")).mappings().all()
        minuted = [r for r in rows if r["source"] == "minutes"]
        assert minuted, "the samples' minutes carry actions"
        assert all(str(r["meeting_date"]) == str(r["raised_date"]) and str(r["printed_in"]) > str(r["meeting_date"]) for r in minuted)
        assert all(str(r["meeting_date"]) == str(r["printed_in"]) for r in rows if r["source"] == "action_log")
        thread = minuted[0]["thread_id"]
        printed = {(o["meeting_date"], o["printed_in"]) for o in history(session, thread)["observations"]}
        viewed = {(str(r["meeting_date"]), str(r["printed_in"])) for r in rows if r["thread_id"] == thread}
    assert viewed == printed
