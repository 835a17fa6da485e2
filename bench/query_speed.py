"""Time the questions on a large generated database (default 1,000,000 action observations, SQLite file).

Builds the database once with bulk inserts (documents, meetings, threads, observations), then times
the overdue query (the issue's target: under a second at 1,000,000). Run: python bench/query_speed.py [OBSERVATIONS] [DB_URL]
"""
from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from minutetrail.db import schema as S
from minutetrail.db.queries import overdue
from minutetrail.db.session import Database

PER_MEETING = 50


def build(db: Database, n: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    meetings = max(1, n // PER_MEETING)
    committees = max(1, meetings // 20)
    with db.session() as s:
        s.execute(insert(S.Body), [{"id": 1, "name": "Bench Council"}])
        s.execute(insert(S.Committee), [{"id": c + 1, "body_id": 1, "key": f"committee {c}", "name": f"Committee {c}"} for c in range(committees)])
        rows_m, rows_d = [], []
        for m in range(meetings):
            c = m % committees
            day = date(2015, 1, 1) + timedelta(days=28 * (m // committees))
            rows_m.append({"id": m + 1, "committee_id": c + 1, "date": day})
            rows_d.append({"id": m + 1, "sha256": f"{m:064x}", "path": f"/bench/{m}.pdf", "pages": 20, "kind": "pack",
                           "status": "ingested", "parser_version": "bench", "ingested_at": datetime(2026, 1, 1), "meeting_id": m + 1})
        s.execute(insert(S.Meeting), rows_m)
        s.execute(insert(S.Document), rows_d)
        threads = n // 5
        s.execute(insert(S.ActionThread), [{"id": t + 1, "key": f"t{t}", "committee_id": t % committees + 1} for t in range(threads)])
        batch = []
        for i in range(n):
            m = i // PER_MEETING
            due = date(2015, 1, 1) + timedelta(days=28 * (m // committees) + rng.choice([28, 56, 84]))
            batch.append({"document_id": m + 1, "meeting_id": m + 1, "thread_id": rng.randrange(threads) + 1, "seq": i % PER_MEETING,
                          "source": "action_log", "number": str(i % PER_MEETING + 1), "text": f"Review the register item {i}",
                          "owner": "Clerk", "due": due.isoformat(), "due_date": due, "status": rng.choice([None, "in_progress", "completed"]),
                          "page": 3, "extractor_version": "bench"})
            if len(batch) == 50_000:
                s.execute(insert(S.ActionObservation), batch)
                batch = []
        if batch:
            s.execute(insert(S.ActionObservation), batch)


def timed(fn) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    result = fn()
    return round(time.perf_counter() - t, 3), len(result)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    url = sys.argv[2] if len(sys.argv) > 2 else f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    db = Database(url)
    t = time.perf_counter()
    build(db, n)
    built = round(time.perf_counter() - t, 1)
    with db.session() as s:
        as_of = date(2016, 6, 1)
        results = {"overdue": timed(lambda: overdue(s, as_of))}
    print(json.dumps({"observations": n, "database": db.dialect, "build_seconds": built,
                      "seconds_and_rows": results}, indent=2))


if __name__ == "__main__":
    main()
