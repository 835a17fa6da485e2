"""The questions: overdue as of a date, action threads, one thread's history, the review queue."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Date, case, func, or_, select
from sqlalchemy.orm import Session, joinedload

from minutetrail.db import schema as S
from minutetrail.models import MINUTES_SOURCES, RECOMMENDATION_SOURCES
from minutetrail.parsers.status import progress_says_complete

CLOSED = ("completed", "cancelled")


@dataclass(frozen=True, slots=True)
class ObsView:
    id: int
    thread_id: int
    committee: str
    meeting_date: date | None
    source_file: str
    sha256: str
    page: int
    bbox: tuple[float, float, float, float] | None
    source: str
    number: str | None
    raised: date | None
    text: str
    owner: str | None
    owner_person: str | None
    progress: str | None
    due: str | None
    due_date: date | None
    due_text: str | None
    status: str | None
    status_text: str | None
    rag: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "observation_id": self.id, "meeting_date": _iso(self.meeting_date), "source_file": self.source_file,
            "sha256": self.sha256, "page": self.page, "bbox": list(self.bbox) if self.bbox else None,
            "table": self.source, "number": self.number, "raised_at": _iso(self.raised), "text": self.text,
            "owner": self.owner, "owner_person": self.owner_person, "progress": self.progress, "status": self.status,
            "status_text": self.status_text, "due": self.due, "due_text": self.due_text, "rag": self.rag,
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def effective_status(o: ObsView) -> str | None:
    """Printed status; else a completion phrase in the progress text."""
    if o.status:
        return o.status
    if progress_says_complete(o.progress):
        return "completed"
    return None


def observations(session: Session, committee: str | None = None, thread_id: int | None = None) -> dict[int, list[ObsView]]:
    """Observations grouped by thread, each thread in date order."""
    q = (
        select(S.ActionObservation)
        .options(joinedload(S.ActionObservation.document), joinedload(S.ActionObservation.meeting).joinedload(S.Meeting.committee),
                 joinedload(S.ActionObservation.owner_person))
        .where(S.ActionObservation.thread_id.is_not(None))
    )
    if thread_id is not None:
        q = q.where(S.ActionObservation.thread_id == thread_id)
    out: dict[int, list[ObsView]] = defaultdict(list)
    for o in session.scalars(q):
        cname = o.meeting.committee.name
        if committee and committee.lower() not in cname.lower():
            continue
        bbox = (o.x0, o.top, o.x1, o.bottom) if o.x0 is not None else None
        out[o.thread_id].append(ObsView(  # type: ignore[index]
            o.id, o.thread_id, cname, o.meeting.date, o.document.path, o.document.sha256, o.page, bbox,  # type: ignore[arg-type]
            o.source, o.number, o.raised_date, o.text, o.owner, o.owner_person.name if o.owner_person else None,
            o.progress, o.due, o.due_date, o.due_text, o.status, o.status_text, o.rag,
        ))
    for views in out.values():
        views.sort(key=lambda v: (v.meeting_date or date.min, v.source != "minutes", v.id))
    return out




def thread_kind(views: list[ObsView]) -> str:
    return "recommendation" if views[0].source in RECOMMENDATION_SOURCES else "action"


def _thread_summary(tid: int, views: list[ObsView]) -> dict[str, Any]:
    latest = views[-1]
    return {
        "id": tid, "kind": thread_kind(views), "committee": latest.committee, "owner_person": latest.owner_person,
        "owner": latest.owner, "status": effective_status(latest), "text": latest.text,
        "raised_at": _iso(next((v.raised for v in views if v.raised), None) or views[0].meeting_date),
        "due": latest.due, "meetings": len({v.meeting_date for v in views}),
        "observations": [v.as_dict() for v in views],
    }


def action_threads(session: Session, committee: str | None = None, status: str | None = None,
                   kind: str | None = "action") -> list[dict[str, Any]]:
    """Threads in id order; ``kind`` "action" (the default), "recommendation", or None for both."""
    threads = []
    for tid, views in sorted(observations(session, committee).items()):
        if kind and thread_kind(views) != kind:
            continue
        summary = _thread_summary(tid, views)
        if status and summary["status"] != status:
            continue
        threads.append(summary)
    return threads


def thread_history(session: Session, thread_id: int) -> dict[str, Any] | None:
    views = observations(session, thread_id=thread_id).get(thread_id)
    return _thread_summary(thread_id, views) if views else None


def _oldest_first(row: dict[str, Any]) -> tuple[int, str, int]:
    return (-row["days_overdue"], row["committee"], row["id"])


def seen_as_of(session: Session, as_of: date, committee: str | None = None) -> list[tuple[int, list[ObsView]]]:
    """Each thread's observations published on or before a date (threads with none left out)."""
    out = []
    for tid, views in observations(session, committee).items():
        seen = [v for v in views if v.meeting_date is not None and v.meeting_date <= as_of]
        if seen:
            out.append((tid, seen))
    return out


def overdue(session: Session, as_of: date, committee: str | None = None, owner: str | None = None) -> list[dict[str, Any]]:
    """Threads overdue as of a date, by the latest observation published on or before it.

    Done in SQL (window functions, the same on SQLite and PostgreSQL): the latest printing of each
    thread up to the date, then, for the overdue ones only, the counts over their printings.
    """
    O, M = S.ActionObservation, S.Meeting
    tables_last = case((O.source.in_(MINUTES_SOURCES), 0), else_=1)
    up_to = [O.thread_id.is_not(None), M.date.is_not(None), M.date <= as_of]
    if committee:
        up_to.append(M.committee_id.in_(select(S.Committee.id).where(func.lower(S.Committee.name).contains(committee.lower()))))
    ranked = (
        select(O.id.label("oid"), O.thread_id.label("tid"), O.due_date.label("due_date"), O.status.label("status"),
               func.row_number().over(partition_by=O.thread_id, order_by=(M.date.desc(), tables_last.desc(), O.id.desc())).label("rn"))
        .join(M, O.meeting_id == M.id).where(*up_to)
    ).subquery()
    latest = (
        select(ranked.c.oid, ranked.c.tid).where(
            ranked.c.rn == 1, ranked.c.due_date.is_not(None), ranked.c.due_date < as_of,
            or_(ranked.c.status.is_(None), ranked.c.status.not_in(CLOSED)))
    ).cte("latest")
    counts = (
        select(O.thread_id.label("tid"), func.count(func.distinct(M.date)).label("meetings"),
               func.min(O.raised_date).label("raised"), func.min(M.date).label("first_seen"))
        .join(M, O.meeting_id == M.id).where(*up_to, O.thread_id.in_(select(latest.c.tid))).group_by(O.thread_id)
    ).subquery()
    dues = (
        select(O.thread_id.label("tid"), O.due_date.label("due"),
               func.lag(O.due_date, type_=Date).over(partition_by=O.thread_id, order_by=(M.date, tables_last, O.id)).label("prev"),
               func.first_value(O.due_date, type_=Date).over(partition_by=O.thread_id, order_by=(M.date, tables_last, O.id)).label("first"))
        .join(M, O.meeting_id == M.id).where(*up_to, O.due_date.is_not(None), O.thread_id.in_(select(latest.c.tid)))
    ).subquery()
    slips = (
        select(dues.c.tid, func.sum(case((dues.c.due > dues.c.prev, 1), else_=0)).label("times"),
               func.max(dues.c.first).label("first_due"))
        .group_by(dues.c.tid)
    ).subquery()
    rows = session.execute(
        select(O.thread_id, O.owner, O.text, O.number, O.due_date, O.due_text, O.status, O.status_text, O.page,
               O.x0, O.top, O.x1, O.bottom, S.Committee.name.label("committee"), S.Document.path, S.Document.sha256,
               S.Person.name.label("person"), counts.c.meetings, counts.c.raised, counts.c.first_seen, slips.c.times,
               slips.c.first_due)
        .join(latest, latest.c.oid == O.id)
        .join(M, O.meeting_id == M.id).join(S.Committee, M.committee_id == S.Committee.id)
        .join(S.Document, O.document_id == S.Document.id)
        .outerjoin(S.Person, O.owner_person_id == S.Person.id)
        .join(counts, counts.c.tid == O.thread_id).outerjoin(slips, slips.c.tid == O.thread_id)
    ).all()
    out = []
    for o in rows:
        person, committee_name, path, sha = o.person, o.committee, o.path, o.sha256
        meetings, raised, first_seen, times, first_due = o.meetings, o.raised, o.first_seen, o.times, o.first_due
        who = person or o.owner
        if owner and not (who and owner.lower() in who.lower()) and not (o.owner and owner.lower() in o.owner.lower()):
            continue
        first = first_due or o.due_date
        out.append({
            "id": o.thread_id, "owner_person": person, "owner": o.owner, "committee": committee_name,
            "text": o.text, "number": o.number, "raised_at": _iso(raised or first_seen),
            "due": o.due_date.isoformat(), "due_text": o.due_text, "days_overdue": (as_of - o.due_date).days,
            "meetings_carried": int(meetings), "times_slipped": int(times or 0),
            "slipped_days": (o.due_date - first).days, "first_due": _iso(first),
            "printed_status": o.status_text, "status_disagrees": o.status is not None and o.status != "overdue",
            "source_file": path, "page": o.page,
            "bbox": [o.x0, o.top, o.x1, o.bottom] if o.x0 is not None else None, "sha256": sha,
            "as_of": as_of.isoformat(),
        })
    out.sort(key=_oldest_first)
    return out


def printed_overdue_not_due(session: Session, as_of: date, committee: str | None = None) -> list[dict[str, Any]]:
    """Threads the council printed as OVERDUE whose effective due date has not passed (e.g. revised)."""
    out = []
    for tid, seen in seen_as_of(session, as_of, committee):
        latest = seen[-1]
        if latest.status != "overdue" or (latest.due_date is not None and latest.due_date < as_of):
            continue
        out.append({"id": tid, "committee": latest.committee, "text": latest.text, "due": _iso(latest.due_date),
                    "due_text": latest.due_text, "printed_status": latest.status_text,
                    "source_file": latest.source_file, "page": latest.page})
    return sorted(out, key=lambda r: r["id"])


def review_queue(session: Session) -> list[dict[str, Any]]:
    """Links scored between the review floor and the auto threshold, both texts side by side."""
    rows = session.scalars(select(S.LinkJudgement).where(S.LinkJudgement.judgement == "review")).all()
    if not rows:
        return []
    obs = {}
    for o, sha in session.execute(select(S.ActionObservation, S.Document.sha256).join(S.Document)).all():
        obs[f"{sha}:{o.seq}"] = o
    out: list[dict[str, Any]] = []
    for j in rows:
        a, b = obs.get(j.left_key), obs.get(j.right_key)
        if a is None or b is None:
            continue
        out.append({"left_id": a.id, "right_id": b.id, "score": j.score, "left_text": a.text, "right_text": b.text,
                    "left_thread": a.thread_id, "right_thread": b.thread_id, "signals": j.signals})
    out.sort(key=lambda r: -r["score"])
    return out


def counts(session: Session) -> dict[str, int]:
    from sqlalchemy import func

    def n(model: Any) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    return {"documents": n(S.Document), "meetings": n(S.Meeting), "agenda_items": n(S.AgendaItem),
            "minutes": n(S.MinutesRecord), "actions": n(S.ActionObservation), "threads": n(S.ActionThread)}


def group_overdue(rows: list[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """Overdue rows grouped by owner (the person, or the post where unresolved) or by committee,
    groups with the oldest item first."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        key = (r["owner_person"] or r["owner"] or "(no owner)") if by == "owner" else r["committee"]
        groups[key].append(r)
    out = [{"group": k, "by": by, "count": len(v), "oldest_days_overdue": max(x["days_overdue"] for x in v),
            "items": v} for k, v in groups.items()]
    out.sort(key=lambda g: (-g["oldest_days_overdue"], g["group"]))
    return out


def changes_at(session: Session, committee: str, day: date) -> dict[str, Any] | None:
    """What changed at a committee's meeting on ``day`` since its previous meeting with actions:
    new actions, actions completed, actions that became overdue, due dates slipped."""
    threads = {tid: views for tid, views in observations(session).items()
               if views[0].committee == committee and thread_kind(views) == "action"}
    dates = sorted({v.meeting_date for views in threads.values() for v in views if v.meeting_date and v.meeting_date < day})
    if not any(v.meeting_date == day for views in threads.values() for v in views):
        return None
    prev = dates[-1] if dates else None

    def state(views: list[ObsView], when: date | None) -> ObsView | None:
        seen = [v for v in views if when is not None and v.meeting_date is not None and v.meeting_date <= when]
        return seen[-1] if seen else None

    new, completed, slipped = [], [], []
    for tid, views in threads.items():
        now, before = state(views, day), state(views, prev)
        if now is None:
            continue
        if before is None and views[0].meeting_date == day:
            new.append(tid)
            continue
        if before is None:
            continue
        if effective_status(now) == "completed" and effective_status(before) != "completed":
            completed.append(tid)
        if now.due_date and before.due_date and now.due_date > before.due_date:
            slipped.append(tid)
    overdue_now = {r["id"] for r in overdue(session, day, committee)}
    overdue_before = {r["id"] for r in overdue(session, prev, committee)} if prev else set()
    return {"committee": committee, "meeting_date": day.isoformat(), "previous": prev.isoformat() if prev else None,
            "new": sorted(new), "completed": sorted(completed), "became_overdue": sorted(overdue_now - overdue_before),
            "slipped": sorted(slipped)}


def closed_without_progress(session: Session, as_of: date) -> list[dict[str, Any]]:
    """Action threads closed as of a date whose printings never carried any progress text."""
    out = []
    for tid, seen in seen_as_of(session, as_of):
        if thread_kind(seen) != "action":
            continue
        latest = seen[-1]
        if effective_status(latest) == "completed" and not any((v.progress or "").strip() for v in seen):
            out.append({"id": tid, "text": latest.text, "committee": latest.committee, "closed_at": _iso(latest.meeting_date),
                        "source_file": latest.source_file, "page": latest.page})
    return sorted(out, key=lambda r: r["id"])
