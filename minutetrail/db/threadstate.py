"""Each printing's thread state: what the thread looked like as of that printing.

"Overdue as of D" needs, for every thread, its latest printing published on or before D and counts
over the printings up to it. Computing that per question means a window over every observation;
instead each printing carries its thread's state as of itself (meetings carried, first due date,
times slipped, whether any progress was printed) and the date it was superseded by the next
printing. The latest printing as of D is then the one with ``published <= D < superseded``, found
through one index (``ix_obs_state``), and its counts are the counts up to D.

The state is derived data: it is rebuilt for a committee's threads whenever the link stage
rebuilds them (``relink``), and by migration 0004 for databases made before it existed.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, select

from minutetrail.db import schema as S
from minutetrail.db.bulk import Executes, update_by_id
from minutetrail.models import MINUTES_SOURCES, RECOMMENDATION_SOURCES
from minutetrail.parsers.status import progress_says_complete

OPEN_END = date(9999, 12, 31)  # "superseded" of a thread's latest printing: not yet superseded
STATE_FIELDS = ("superseded", "state", "carried", "first_seen", "first_raised", "first_due", "slips", "progress_seen")


def effective_state(status: str | None, progress: str | None) -> str | None:
    """Printed status; else "completed" if the progress text says it is done."""
    if status:
        return status
    return "completed" if progress_says_complete(progress) else None


def thread_kind(first_source: str) -> str:
    """A thread is a recommendation's if its first printing is one (minutes or tracker), else an action's."""
    return "recommendation" if first_source in RECOMMENDATION_SOURCES else "action"


def printing_order(published: date | None, source: str, oid: int) -> tuple[date, int, int]:
    """A thread's printings in time order; at one meeting, the minutes before the tables."""
    return (published or date.min, 0 if source in MINUTES_SOURCES else 1, oid)


def states(printings: Sequence[Any]) -> list[dict[str, Any]]:
    """The state at each of one thread's printings (rows with id, published, source, status,
    progress, due_date, raised_date), given in printing order. The last is superseded at OPEN_END;
    an undated printing has no published date, so no as-of question finds it."""
    out: list[dict[str, Any]] = []
    meetings: set[date | None] = set()
    first_seen: date | None = None
    first_raised: date | None = None
    first_due: date | None = None
    last_due: date | None = None
    slips = 0
    progress_seen = False
    for i, p in enumerate(printings):
        meetings.add(p.published)
        first_seen = first_seen or p.published
        if p.raised_date is not None and (first_raised is None or p.raised_date < first_raised):
            first_raised = p.raised_date
        if p.due_date is not None:
            if last_due is not None and p.due_date > last_due:
                slips += 1
            first_due = first_due or p.due_date
            last_due = p.due_date
        progress_seen = progress_seen or bool((p.progress or "").strip())
        out.append({
            "b_id": p.id, "published": p.published,
            "superseded": printings[i + 1].published if i + 1 < len(printings) else OPEN_END,
            "state": effective_state(p.status, p.progress), "carried": len(meetings), "first_seen": first_seen,
            "first_raised": first_raised, "first_due": first_due, "slips": slips, "progress_seen": progress_seen,
        })
    return out


def refresh(conn: Executes, committee_ids: Iterable[int] | None = None) -> int:
    """Rebuild the state of every printing (of the given committees' meetings; all if None) and
    each thread's kind. Works on a Session or a Connection. Returns the printings updated."""
    O, M = (cast(Table, m.__table__) for m in (S.ActionObservation, S.Meeting))
    q = (select(O.c.id, O.c.thread_id, M.c.date.label("published"), O.c.source, O.c.status, O.c.progress, O.c.due_date,
                O.c.raised_date).join(M, O.c.meeting_id == M.c.id))
    if committee_ids is not None:
        q = q.where(M.c.committee_id.in_(list(committee_ids)))
    by_thread: dict[int | None, list[Any]] = {}
    for row in conn.execute(q):
        by_thread.setdefault(row.thread_id, []).append(row)
    values: list[dict[str, Any]] = []
    kinds: list[dict[str, Any]] = []
    for tid, rows in by_thread.items():
        if tid is None:  # not in a thread yet: no state
            values.extend({"b_id": r.id, "published": r.published, **dict.fromkeys(STATE_FIELDS)} for r in rows)
            continue
        rows.sort(key=lambda r: printing_order(r.published, r.source, r.id))
        values.extend(states(rows))
        kinds.append({"b_id": tid, "kind": thread_kind(rows[0].source)})
    update_by_id(conn, S.ActionObservation, values, ("published", *STATE_FIELDS))
    update_by_id(conn, S.ActionThread, kinds, ("kind",))
    return len(values)
