"""Time every question on a large generated database (default 1,000,000 action observations).

The database is shaped like a council's history: committees meeting every six weeks, each pack's
action log carrying the open actions forward (due dates slipping, progress added, most completed
after a few meetings, a few dropped while still open) and adding new ones; owners from a pool of
people and posts; every observation also indexed for search. Threads are assigned as the link
stage would, and the thread state (db/threadstate.py) is built by the real ``refresh``.

Run: python bench/query_speed.py [OBSERVATIONS] [DB_URL]  (default: a new SQLite file)
     python bench/query_speed.py 1000000 postgres        (starts a throwaway PostgreSQL server)
"""
from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from minutetrail.db import schema as S
from minutetrail.db.queries import (
    action_threads,
    changes_at,
    closed_without_progress,
    group_overdue,
    overdue,
    printed_overdue_not_due,
    thread_history,
)
from minutetrail.db.recurring import carried_actions
from minutetrail.db.search import search
from minutetrail.db.session import Database
from minutetrail.db.threadstate import refresh

PER_MEETING = 50  # action-log rows per pack
MEETINGS = 50  # per committee: about eight years at six-weekly meetings
START = date(2017, 1, 10)
WORDS = ("housing repairs budget register audit risk procurement contract schools transport waste recycling planning "
         "licensing safeguarding adult social care children libraries parks highways drainage flooding climate energy "
         "carbon fleet depot leisure museum archive council tax benefits homelessness temporary accommodation "
         "voids lettings tenancy fraud payroll pension treasury capital programme asset disposal estates cemetery "
         "crematorium parking enforcement cctv community safety grants voluntary sector equality diversity training "
         "workforce sickness absence complaints ombudsman freedom information data protection cyber resilience "
         "emergency planning business continuity insurance claims").split()
VERBS = ("review", "report back on", "circulate", "update the committee on", "arrange a briefing on", "prepare a plan for",
         "confirm the position on", "write to the minister about", "bring options for", "publish")
PEOPLE = [f"{first} {last}" for first in ("Sarah", "Tom", "Priya", "James", "Helen", "Owen", "Grace", "Amir", "Lucy", "Dev")
          for last in ("Elliott", "Khan", "Morgan", "Hughes", "Patel", "Reid", "Shaw", "Booth")]
POSTS = ("Director of Finance", "Head of Housing", "Chief Executive", "Monitoring Officer", "Head of Audit",
         "Democratic Services Manager", "Director of Place", "Head of Legal Services")


def build(db: Database, n: int, seed: int = 3) -> dict[str, Any]:
    rng = random.Random(seed)
    committees = max(1, n // (PER_MEETING * MEETINGS))
    with db.session() as s:
        s.execute(insert(S.Body), [{"id": 1, "name": "Bench Council"}])
        s.execute(insert(S.Committee), [{"id": c + 1, "body_id": 1, "key": f"committee {c}", "name": f"Committee {c}"}
                                        for c in range(committees)])
        s.execute(insert(S.Person), [{"id": i + 1, "key": p.lower(), "name": p} for i, p in enumerate(PEOPLE)])
    obs: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    threads: list[dict[str, Any]] = []
    meeting_id = 0
    made = 0

    def flush(force: bool = False) -> None:
        if len(obs) >= 50_000 or (force and obs):
            with db.session() as s:
                s.execute(insert(S.ActionThread), threads)
                s.execute(insert(S.ActionObservation), obs)
                s.execute(insert(S.SearchEntry), entries)
            threads.clear(), obs.clear(), entries.clear()

    for c in range(committees):
        open_threads: list[dict[str, Any]] = []
        offset = timedelta(days=c % 42)
        with db.session() as s:
            rows_m, rows_d = [], []
            for m in range(MEETINGS):
                rows_m.append({"id": meeting_id + m + 1, "committee_id": c + 1, "date": START + offset + timedelta(days=42 * m)})
                rows_d.append({"id": meeting_id + m + 1, "sha256": f"{meeting_id + m:064x}", "path": f"/bench/c{c}/m{m}.pdf",
                               "pages": 20, "kind": "pack", "status": "ingested", "parser_version": "bench",
                               "ingested_at": datetime(2026, 1, 1), "meeting_id": meeting_id + m + 1})
            s.execute(insert(S.Meeting), rows_m)
            s.execute(insert(S.Document), rows_d)
        for m in range(MEETINGS):
            meeting_id += 1
            day = START + offset + timedelta(days=42 * m)
            printed: list[dict[str, Any]] = []
            for t in open_threads:
                if rng.random() < 0.04:  # dropped from the log while still open
                    t["gone"] = True
                    continue
                if rng.random() < 0.25:
                    t["status"], t["gone"] = "completed", True
                    if t["progress"] or rng.random() < 0.5:  # some are closed with no progress ever printed
                        t["progress"] = "Completed."
                else:
                    was_overdue = t["status"] == "overdue"
                    if rng.random() < 0.15:
                        t["due"] += timedelta(days=rng.choice((28, 56, 84)))
                    if was_overdue and rng.random() < 0.3:  # the printed status not updated after the due date moved
                        pass
                    elif t["due"] < day and rng.random() < 0.5:
                        t["status"] = "overdue"
                    else:
                        t["status"] = rng.choice(("in_progress", "not_started"))
                    if rng.random() < 0.6:
                        t["progress"] = f"Update {m}: {rng.choice(WORDS)} work under way."
                printed.append(t)
            open_threads = [t for t in open_threads if not t.get("gone")]
            while len(printed) < PER_MEETING:
                made += 1
                owner_person = rng.random() < 0.6
                t = {"id": made, "committee": c + 1, "raised": day, "due": day + timedelta(days=rng.choice((28, 56, 84, 112))),
                     "text": f"{rng.choice(VERBS).capitalize()} the {rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(WORDS)}",
                     "owner": rng.choice(PEOPLE) if owner_person else rng.choice(POSTS), "status": "not_started",
                     "progress": None}
                t["person"] = PEOPLE.index(t["owner"]) + 1 if owner_person else None
                threads.append({"id": made, "key": f"bench:{made}", "committee_id": c + 1})
                open_threads.append(t)
                printed.append(t)
            for seq, t in enumerate(printed):
                obs.append({"document_id": meeting_id, "meeting_id": meeting_id, "thread_id": t["id"], "seq": seq,
                            "source": "action_log", "number": str(seq + 1), "raised_date": t["raised"], "text": t["text"],
                            "owner": t["owner"], "owner_person_id": t["person"], "progress": t["progress"],
                            "due": t["due"].isoformat(), "due_date": t["due"], "status": t["status"],
                            "status_text": t["status"].replace("_", " ").title(), "page": 3 + seq // 12,
                            "x0": 40.0, "top": 100.0 + 50 * (seq % 12), "x1": 800.0, "bottom": 140.0 + 50 * (seq % 12),
                            "extractor_version": "bench"})
                entries.append({"document_id": meeting_id, "kind": "action", "committee": f"Committee {c}", "meeting_date": day,
                                "page": 3 + seq // 12, "text": t["text"]})
            flush()
    flush(force=True)
    t0 = time.perf_counter()
    step = 25
    for first in range(1, committees + 1, step):
        with db.session() as s:
            refresh(s, range(first, min(committees, first + step - 1) + 1))
    state_seconds = round(time.perf_counter() - t0, 1)
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    return {"committees": committees, "meetings": meeting_id, "threads": made, "refresh_seconds": state_seconds}


def timed(fn: Callable[[], Any], repeat: int = 3) -> dict[str, Any]:
    """Median of ``repeat`` runs (the first warms the cache), with the size of the answer."""
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    size = len(result) if isinstance(result, list) else (0 if result is None else 1)
    return {"seconds": round(statistics.median(times), 3), "rows": size}


def questions(db: Database) -> dict[str, Any]:
    with db.session() as s:
        one = f"Committee {min(123, s.scalar(select(func.count()).select_from(S.Committee)) - 1)}"  # matches one name only
        last = s.scalar(select(S.Meeting.date).order_by(S.Meeting.date.desc()).limit(1))
        mid = START + (last - START) / 2
        early = START + timedelta(days=365)
        busy = s.scalar(select(S.ActionObservation.thread_id).where(S.ActionObservation.carried >= 5).limit(1))
        day = s.scalar(select(S.Meeting.date).join(S.Committee).where(S.Committee.name == one).order_by(S.Meeting.date.desc()).limit(1))
        return {
            "overdue (as of the last meeting)": timed(lambda: overdue(s, last)),
            "overdue --as-of mid-history": timed(lambda: overdue(s, mid)),
            "overdue --as-of first year": timed(lambda: overdue(s, early)),
            "overdue --committee": timed(lambda: overdue(s, last, committee=one)),
            "overdue --owner": timed(lambda: overdue(s, last, owner="Head of Housing")),
            "overdue --group owner": timed(lambda: group_overdue(overdue(s, last), "owner")),
            "actions --committee": timed(lambda: action_threads(s, one)),
            "actions --status in_progress --limit 100": timed(lambda: action_threads(s, status="in_progress", limit=100)),
            "actions --limit 100": timed(lambda: action_threads(s, limit=100)),
            "history": timed(lambda: thread_history(s, busy)),
            "recurring --kind actions --committee": timed(lambda: carried_actions(s, one, 5)),
            "search": timed(lambda: search(s, "homelessness cemetery")),
            "search --committee": timed(lambda: search(s, "budget", committee=one)),
            "printed overdue, not due": timed(lambda: printed_overdue_not_due(s, last)),
            "closed without progress": timed(lambda: closed_without_progress(s, last)),
            "ingest changes (one meeting)": timed(lambda: changes_at(s, one, day)),
            "actions (every thread, unpaged)": timed(lambda: action_threads(s), repeat=1),
        }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    url = sys.argv[2] if len(sys.argv) > 2 else f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    server = None
    if url == "postgres":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.pgserver import PgServer

        server = PgServer()
        url = server.start()
    try:
        db = Database(url)
        t = time.perf_counter()
        shape = build(db, n)
        built = round(time.perf_counter() - t, 1)
        results = questions(db)
        with db.session() as s:
            count = s.scalar(select(S.ActionObservation.id).order_by(S.ActionObservation.id.desc()).limit(1))
        print(json.dumps({"observations": count, "database": db.dialect, "build_seconds": built, **shape,
                          "median_seconds_and_rows": results}, indent=2))
        db.close()
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
