"""The questions: overdue as of a date, action threads, one thread's history, the review queue."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from minutetrail.db import schema as S
from minutetrail.db.bulk import chunks
from minutetrail.db.threadstate import OPEN_END, printing_order, thread_kind
from minutetrail.db.people import owner_people
from minutetrail.models import MINUTES_SOURCES

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
    state: str | None  # the printed status, else completed if the progress says so
    carried: int | None  # the thread state as of this printing (db/threadstate.py)
    first_raised: date | None
    first_seen: date | None

    def as_dict(self) -> dict[str, Any]:
        return {
            # meeting_date: the meeting it belongs to (minutes content: the meeting minuted); printed_in: the
            # meeting whose papers printed it
            "observation_id": self.id, "thread_id": self.thread_id,
            "meeting_date": _iso(self.raised if self.source in MINUTES_SOURCES and self.raised else self.meeting_date),
            "printed_in": _iso(self.meeting_date), "source_file": self.source_file,
            "sha256": self.sha256, "page": self.page, "bbox": list(self.bbox) if self.bbox else None,
            "table": self.source, "number": self.number, "raised_at": _iso(self.raised), "text": self.text,
            "owner": self.owner, "owner_person": self.owner_person, "progress": self.progress, "status": self.status,
            "status_text": self.status_text, "state": self.state, "due": self.due, "due_date": _iso(self.due_date),
            "due_text": self.due_text, "rag": self.rag,
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _committee_ids(committee: str) -> Any:
    """Ids of the committees whose name contains the text (any case)."""
    return select(S.Committee.id).where(func.lower(S.Committee.name).contains(committee.lower()))


def _printed_in(q: Any) -> Any:
    """A select over observations joined to where each was printed: meeting, committee, document."""
    O, M = S.ActionObservation, S.Meeting
    return (q.join(M, O.meeting_id == M.id).join(S.Committee, M.committee_id == S.Committee.id)
            .join(S.Document, O.document_id == S.Document.id))


def _views(session: Session, *where: Any) -> dict[int, list[ObsView]]:
    """Observations grouped by thread, each thread in printing order."""
    O, M = S.ActionObservation, S.Meeting
    q = _printed_in(
        select(O.id, O.thread_id, S.Committee.name, M.date, S.Document.path, S.Document.sha256, O.page,
               O.x0, O.top, O.x1, O.bottom, O.source, O.number, O.raised_date, O.text, O.owner, S.Person.name,
               O.progress, O.due, O.due_date, O.due_text, O.status, O.status_text, O.rag, O.state,
               O.carried, O.first_raised, O.first_seen)
    ).outerjoin(S.Person, O.owner_person_id == S.Person.id).where(O.thread_id.is_not(None), *where)
    out: dict[int, list[ObsView]] = defaultdict(list)
    rows: Any = session.connection().execute(q)  # Core rows, unpacked by position (the select's order)
    for r in rows:
        x0, top, x1, bottom = r[7:11]
        out[r[1]].append(ObsView(*r[:7], (x0, top, x1, bottom) if x0 is not None else None, *r[11:]))  # type: ignore[call-arg]
    for views in out.values():
        views.sort(key=lambda v: printing_order(v.meeting_date, v.source, v.id))
    return out


def _views_of(session: Session, thread_ids: list[int]) -> dict[int, list[ObsView]]:
    out: dict[int, list[ObsView]] = {}
    for some in chunks(thread_ids):
        out.update(_views(session, S.ActionObservation.thread_id.in_(some)))
    return out


def _thread_summary(tid: int, views: list[ObsView]) -> dict[str, Any]:
    latest = views[-1]
    return {
        "id": tid, "kind": thread_kind(views[0].source), "committee": latest.committee, "owner_person": latest.owner_person,
        "owner": latest.owner, "status": latest.state, "text": latest.text,
        "raised_at": _iso(latest.first_raised or latest.first_seen), "due": latest.due, "meetings": latest.carried,
        "observations": [v.as_dict() for v in views],
    }


def action_threads(session: Session, committee: str | None = None, status: str | None = None,
                   kind: str | None = "action", min_meetings: int | None = None,
                   limit: int | None = None) -> list[dict[str, Any]]:
    """Threads in id order, chosen by their latest printing; ``kind`` "action" (the default),
    "recommendation", or None for both; ``min_meetings``: printed at that many meetings or more."""
    O, T = S.ActionObservation, S.ActionThread
    latest = [O.thread_id == T.id, O.superseded == OPEN_END]
    if status:
        latest.append(O.state == status)
    if min_meetings:
        latest.append(O.carried >= min_meetings)
    # threads in id order, each with its latest printing found through ix_obs_thread
    q = select(T.id).where(select(O.id).where(*latest).exists()).order_by(T.id)
    if kind:
        q = q.where(T.kind == kind)
    if committee:
        q = q.where(T.committee_id.in_(_committee_ids(committee)))
    if limit is not None:
        q = q.limit(limit)
    tids = list(session.scalars(q))
    views = _views_of(session, tids)
    return [_thread_summary(tid, views[tid]) for tid in tids if tid in views]


def resolve_thread(session: Session, thread_id: int) -> int | None:
    """The thread an id stands for now: itself, or, for a thread merged into another, the thread that
    holds its first printing (thread ids stay stable across confirm and reject)."""
    thread = session.get(S.ActionThread, thread_id)
    if thread is None:
        return None
    O = S.ActionObservation
    if session.scalar(select(O.id).where(O.thread_id == thread_id).limit(1)) is not None:
        return thread_id
    sha, _, seq = thread.key.partition(":")
    if not seq.isdigit():
        return None
    return session.scalar(select(O.thread_id).join(S.Document, O.document_id == S.Document.id)
                          .where(S.Document.sha256 == sha, O.seq == int(seq)))


def thread_history(session: Session, thread_id: int) -> dict[str, Any] | None:
    """One thread across meetings; a merged-away id gives the thread it was merged into (``merged_from``)."""
    current = resolve_thread(session, thread_id)
    if current is None:
        return None
    views = _views(session, S.ActionObservation.thread_id == current).get(current)
    if not views:
        return None
    out = _thread_summary(current, views)
    if current != thread_id:
        out["merged_from"] = thread_id
    return out


def as_of_latest(as_of: date, committee: str | None = None) -> list[Any]:
    """Conditions picking each thread's latest printing published on or before a date (db/threadstate.py)."""
    O = S.ActionObservation
    as_of = min(as_of, OPEN_END - timedelta(days=1))  # the end of time itself is still before OPEN_END
    where = [O.superseded > as_of, O.published <= as_of]
    if committee:
        where.append(O.meeting_id.in_(select(S.Meeting.id).where(S.Meeting.committee_id.in_(_committee_ids(committee)))))
    return where


# Each kind of log a committee publishes, and the printings it carries: an action plan printed each
# quarter is not dropped by a monthly action log, nor a recommendations tracker by either.
LOG_KINDS = {"action_log": ("action_log", "minutes"), "action_plan": ("action_plan",),
             "recommendation_tracker": ("recommendation_tracker", "minutes_recommendation")}


def _latest_log(as_of: date, kind: str, committee: str | None) -> Any:
    """Per committee, the date of its latest meeting on or before ``as_of`` that printed a log of this
    kind (an index probe per meeting: ix_obs_meeting_source)."""
    M, O = aliased(S.Meeting), aliased(S.ActionObservation)
    printed = select(O.id).where(O.meeting_id == M.id, O.source == kind).exists()
    q = select(M.committee_id.label("committee_id"), func.max(M.date).label("day")).where(M.date <= as_of, printed)
    if committee:
        q = q.where(M.committee_id.in_(_committee_ids(committee)))
    return q.group_by(M.committee_id).subquery()


def _carried_by_latest_log(q: Any, as_of: date, carried: bool, committee: str | None = None) -> Any:
    """Keep the printings their committee's latest log of their kind as of the date carries, or
    (``carried`` False) those it dropped. A committee that publishes no such log drops nothing."""
    O, M = S.ActionObservation, S.Meeting
    kept = []
    for kind, sources in LOG_KINDS.items():
        latest = _latest_log(as_of, kind, committee)
        q = q.outerjoin(latest, latest.c.committee_id == M.committee_id)
        kept.append(or_(latest.c.day.is_(None), O.source.not_in(sources), O.published >= latest.c.day))
    return q.where(and_(*kept) if carried else ~and_(*kept))


def threads_under_review(session: Session, thread_ids: Iterable[int] | None = None) -> set[int]:
    """Threads with a link waiting in the review queue (either side), of those given (all if None)."""
    keys = {k for j in session.execute(select(S.LinkJudgement.left_key, S.LinkJudgement.right_key)
                                       .where(S.LinkJudgement.judgement == "review")) for k in j}
    if not keys:
        return set()
    by_sha: dict[str, set[int]] = defaultdict(set)
    for k in keys:
        sha, _, seq = k.partition(":")
        by_sha[sha].add(int(seq))
    wanted = None if thread_ids is None else set(thread_ids)
    out: set[int] = set()
    O = S.ActionObservation
    for some in chunks(sorted(by_sha)):
        for tid, sha, seq in session.execute(select(O.thread_id, S.Document.sha256, O.seq).join(S.Document, O.document_id == S.Document.id)
                                             .where(S.Document.sha256.in_(some))):
            if tid is not None and seq in by_sha[sha] and (wanted is None or tid in wanted):
                out.add(tid)
    return out


def _overdue_rows(session: Session, as_of: date, committee: str | None, owner: str | None, carried: bool) -> list[Any]:
    O, P = S.ActionObservation, S.Person
    where = [*as_of_latest(as_of, committee), O.due_date < as_of, or_(O.state.is_(None), O.state.not_in(CLOSED))]
    if owner:
        people = owner_people(session, owner, as_of)
        where.append(or_(func.lower(O.owner).contains(owner.lower()), func.lower(P.name).contains(owner.lower()),
                         O.owner_person_id.in_(sorted(people)) if people else false()))
    q = _printed_in(
        select(O.thread_id, P.name, O.owner, S.Committee.name, O.text, O.number, O.first_raised, O.first_seen,
               O.due_date, O.due_text, O.carried, O.slips, O.first_due, O.status_text, O.status, S.Document.path, O.page,
               O.x0, O.top, O.x1, O.bottom, S.Document.sha256, O.published, O.header_box)
    ).outerjoin(P, O.owner_person_id == P.id).where(*where)
    q = _carried_by_latest_log(q, as_of, carried, committee).order_by(O.due_date, S.Committee.name, O.thread_id)
    return list(session.connection().execute(q))  # Core rows: tens of thousands at national scale


def overdue(session: Session, as_of: date, committee: str | None = None, owner: str | None = None,
            dropped: bool = False) -> list[dict[str, Any]]:
    """Threads overdue as of a date, by the latest printing published on or before it: a due date
    before the date and not completed or cancelled. The counts are that printing's thread state.
    Oldest first; ``owner`` matches the owner as printed, the person it resolved to, any alias of a
    person or a post a person held on the date.

    A thread of a committee that publishes a log, and which that committee's latest log as of the
    date does not carry, is not overdue: it is listed by ``dropped=True`` ("dropped from the log",
    with its last printing) unless it was completed. ``under_review`` marks rows whose thread has
    links waiting in the review queue (an uncertain link may hide a later printing)."""
    rows = _overdue_rows(session, as_of, committee, owner, carried=not dropped)
    review = threads_under_review(session, [r[0] for r in rows]) if rows else set()
    day = as_of.isoformat()
    out = []
    for (tid, person, printed_owner, committee_name, text, number, raised, seen, due, due_text, carried, slips, first_due,
         status_text, status, path, page, x0, top, x1, bottom, sha, published, header) in rows:
        first = first_due or due
        row = {
            "id": tid, "owner_person": person, "owner": printed_owner, "committee": committee_name,
            "text": text, "number": number, "raised_at": _iso(raised or seen),
            "due": due.isoformat(), "due_text": due_text, "days_overdue": (as_of - due).days,
            "meetings_carried": carried, "times_slipped": slips or 0,
            "slipped_days": (due - first).days, "first_due": first.isoformat(),
            "printed_status": status_text, "status_disagrees": status is not None and status != "overdue",
            "printed_in": _iso(published), "source_file": path, "page": page,
            "bbox": [x0, top, x1, bottom] if x0 is not None else None, "sha256": sha, "as_of": day, "under_review": tid in review,
        }
        if header:
            row["header_bbox"] = list(header)  # evidence crops show the table's header over the row
        if dropped:
            row["last_printed"] = _iso(published)
        out.append(row)
    return out


def printed_overdue_not_due(session: Session, as_of: date, committee: str | None = None) -> list[dict[str, Any]]:
    """Threads the council printed as OVERDUE whose effective due date has not passed (e.g. revised)."""
    O = S.ActionObservation
    rows = session.execute(
        _printed_in(select(O.thread_id, O.text, O.due_date, O.due_text, O.status_text, O.page,
                           S.Committee.name.label("committee"), S.Document.path))
        .where(*as_of_latest(as_of, committee), O.state == "overdue",  # the state is the printed status when there is one
               or_(O.due_date.is_(None), O.due_date >= as_of))
    ).all()  # no ORDER BY: it steers SQLite off ix_obs_state onto a whole-table walk in thread order
    return [{"id": r.thread_id, "committee": r.committee, "text": r.text, "due": _iso(r.due_date), "due_text": r.due_text,
             "printed_status": r.status_text, "source_file": r.path, "page": r.page}
            for r in sorted(rows, key=lambda r: r.thread_id)]


LISTINGS = ("overdue", "dropped", "printed-not-due")


def overdue_listing(session: Session, as_of: date, committee: str | None, owner: str | None,
                    listing: str) -> list[dict[str, Any]]:
    """One listing of the overdue question: overdue, dropped (from the log, past due), printed-not-due
    (printed OVERDUE, due date ahead), or "all": every listing, each row marked with its own."""
    if listing == "overdue":
        return overdue(session, as_of, committee, owner)
    if listing == "dropped":
        return overdue(session, as_of, committee, owner, dropped=True)
    if listing == "printed-not-due":
        return printed_overdue_not_due(session, as_of, committee)
    return [{"listing": name, **r} for name in LISTINGS for r in overdue_listing(session, as_of, committee, owner, name)]


def review_queue(session: Session) -> list[dict[str, Any]]:
    """Links scored between the review floor and the auto threshold, both texts side by side."""
    rows = session.scalars(select(S.LinkJudgement).where(S.LinkJudgement.judgement == "review")).all()
    if not rows:
        return []
    shas = sorted({k.split(":")[0] for j in rows for k in (j.left_key, j.right_key)})
    obs = {}
    for some in chunks(shas):
        for o, sha in session.execute(select(S.ActionObservation, S.Document.sha256).join(S.Document)
                                      .where(S.Document.sha256.in_(some))).all():
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
    def n(model: Any) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    return {"documents": n(S.Document), "meetings": n(S.Meeting), "agenda_items": n(S.AgendaItem),
            "minutes": n(S.MinutesRecord), "actions": n(S.ActionObservation),
            "threads": int(session.scalar(select(func.count(func.distinct(S.ActionObservation.thread_id)))) or 0)}


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
    new actions, actions completed, actions that became overdue, due dates slipped, and open actions
    past due that the committee's log stopped carrying (dropped), each a list of thread ids."""
    O, T = S.ActionObservation, S.ActionThread
    actions = O.thread_id.in_(select(T.id).where(
        T.kind == "action", T.committee_id.in_(select(S.Committee.id).where(S.Committee.name == committee))))
    if session.scalar(select(O.id).where(actions, O.published == day).limit(1)) is None:
        return None
    prev = session.scalar(select(func.max(O.published)).where(actions, O.published < day))

    def state(when: date) -> dict[int, Any]:
        q = select(O.thread_id, O.state, O.due_date, O.first_seen).where(actions, *as_of_latest(when))
        return {r.thread_id: r for r in session.execute(q)}

    now, before = state(day), state(prev) if prev else {}
    new = sorted(tid for tid, r in now.items() if r.first_seen == day)
    completed, slipped = [], []
    for tid, r in now.items():
        b = before.get(tid)
        if b is None:
            continue
        if r.state == "completed" and b.state != "completed":
            completed.append(tid)
        if r.due_date and b.due_date and r.due_date > b.due_date:
            slipped.append(tid)
    overdue_now = {r["id"] for r in overdue(session, day, committee)}
    overdue_before = {r["id"] for r in overdue(session, prev, committee)} if prev else set()
    dropped_now = {r["id"] for r in overdue(session, day, committee, dropped=True)}
    dropped_before = {r["id"] for r in overdue(session, prev, committee, dropped=True)} if prev else set()
    return {"committee": committee, "meeting_date": day.isoformat(), "previous": prev.isoformat() if prev else None,
            "new": new, "completed": sorted(completed), "became_overdue": sorted(overdue_now - overdue_before),
            "slipped": sorted(slipped), "dropped": sorted(dropped_now - dropped_before)}


def closed_without_progress(session: Session, as_of: date) -> list[dict[str, Any]]:
    """Action threads closed as of a date whose printings never carried any progress text."""
    O, T = S.ActionObservation, S.ActionThread
    rows: Any = session.connection().execute(
        _printed_in(select(O.thread_id, O.text, O.published, O.page, S.Committee.name, S.Document.path)
                    .join(T, O.thread_id == T.id))
        .where(*as_of_latest(as_of), T.kind == "action", O.state == "completed", O.progress_seen == false())
    ).all()  # sorted here, as above
    return [{"id": tid, "text": text, "committee": committee, "closed_at": _iso(published), "source_file": path, "page": page}
            for tid, text, published, page, committee, path in sorted(rows)]
