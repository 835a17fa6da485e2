"""What changed at a meeting, item by item: new, completed, became overdue, slipped, dropped from the log
(the lists ``queries.changes_at`` computes for ingest's summary, each thread shown with its printing)."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from minutetrail.db import schema as S
from minutetrail.db.queries import ObsView, _views_of, changes_at

CHANGE_KINDS = ("new", "completed", "became_overdue", "slipped", "dropped")


def _meetings(session: Session, committee: str | None, at: date | None) -> list[tuple[str, date]]:
    """Per committee (whose name contains ``committee``), its latest meeting on or before ``at`` at which
    action threads were printed."""
    O, T, C = S.ActionObservation, S.ActionThread, S.Committee
    q = (select(C.name, func.max(O.published)).join(T, T.committee_id == C.id).join(O, O.thread_id == T.id)
         .where(T.kind == "action", O.published.is_not(None)).group_by(C.name).order_by(C.name))
    if committee:
        q = q.where(func.lower(C.name).contains(committee.lower()))
    if at is not None:
        q = q.where(O.published <= at)
    return [(name, day) for name, day in session.execute(q) if day is not None]


def _as_of(views: list[ObsView], day: date | None) -> ObsView | None:
    """The thread's latest printing at or before ``day`` (its printing meeting's date)."""
    if day is None:
        return None
    earlier = [v for v in views if v.meeting_date is not None and v.meeting_date <= day]
    return earlier[-1] if earlier else None


def change_rows(session: Session, committee: str | None = None, at: date | None = None) -> list[dict[str, Any]]:
    """One row per thread per kind of change at each matching committee's latest meeting on or before ``at``
    (default: its latest), with the thread's printing then and its due date at the previous meeting."""
    out: list[dict[str, Any]] = []
    for name, day in _meetings(session, committee, at):
        change = changes_at(session, name, day)
        if change is None:
            continue
        prev = date.fromisoformat(change["previous"]) if change["previous"] else None
        ids = sorted({tid for kind in CHANGE_KINDS for tid in change[kind]})
        views = _views_of(session, ids)
        for kind in CHANGE_KINDS:
            for tid in change[kind]:
                now, before = _as_of(views.get(tid, []), day), _as_of(views.get(tid, []), prev)
                shown = now or before
                if shown is None:
                    continue
                out.append({
                    "change": kind, "id": tid, "number": shown.number, "committee": name, "meeting_date": day.isoformat(),
                    "previous": change["previous"], "owner_person": shown.owner_person, "owner": shown.owner,
                    "due": shown.due_date.isoformat() if shown.due_date else shown.due,
                    "previous_due": before.due_date.isoformat() if before and before.due_date else None,
                    "status": shown.state, "text": shown.text, "source_file": shown.source_file, "page": shown.page,
                    "printed_in": shown.meeting_date.isoformat() if shown.meeting_date else None,
                })
    return out
