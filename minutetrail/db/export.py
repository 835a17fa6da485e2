"""Export: any table as rows, and the whole database as one extraction record per meeting."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from minutetrail.db import schema as S
from minutetrail.models import MINUTES_SOURCES

TABLES: dict[str, Any] = {m.__tablename__: m for m in (
    S.Body, S.Committee, S.Meeting, S.Document, S.DocumentPart, S.AgendaItem, S.MinutesRecord, S.MinuteItem,
    S.Attendance, S.Resolution, S.Recommendation, S.Person, S.PersonAlias, S.ActionThread, S.ActionObservation,
    S.LinkJudgement, S.RoleMention,
)}
ROLES = ("present", "apologies", "substitutes", "in_attendance", "officers")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def table_rows(session: Session, name: str) -> list[dict[str, Any]]:
    """Every row of one table, columns as stored."""
    model = TABLES[name]
    columns = [c.key for c in model.__table__.columns]
    rows = [{c: _plain(getattr(row, c)) for c in columns} for row in session.scalars(select(model).order_by(model.id))]
    if model is S.ActionObservation:  # the two dates named as everywhere else (queries.ObsView.as_dict)
        for r in rows:
            minuted = r["source"] in MINUTES_SOURCES and r["raised_date"]
            r["meeting_date"], r["printed_in"] = (r["raised_date"] if minuted else r["published"]), r["published"]
    return rows


def meeting_records(session: Session) -> list[dict[str, Any]]:
    """One record per meeting in the extraction-record format (FORMAT.md), from every document published for it."""
    meetings = session.execute(
        select(S.Meeting, S.Committee.name, S.Body.name).join(S.Committee, S.Meeting.committee_id == S.Committee.id)
        .join(S.Body, S.Committee.body_id == S.Body.id).order_by(S.Meeting.date, S.Meeting.id)
    ).all()
    docs = defaultdict(list)
    for d in session.scalars(select(S.Document).where(S.Document.status == "ingested").order_by(S.Document.id)):
        docs[d.meeting_id].append(d)
    out = []
    for meeting, committee, body in meetings:
        minutes = list(session.scalars(select(S.MinutesRecord).where(S.MinutesRecord.meeting_id == meeting.id)))
        papers = docs.get(meeting.id, [])
        doc_ids = [d.id for d in papers]
        if not papers:  # a meeting known only from the minutes printed in a later pack
            papers = [session.get(S.Document, m.document_id) for m in minutes]  # type: ignore[misc]
        record: dict[str, Any] = {
            "source": ({"file": papers[0].path, "sha256": papers[0].sha256, "pages": papers[0].pages} if papers else None),
            "sources": [{"file": d.path, "sha256": d.sha256, "pages": d.pages} for d in papers],
            "documents": [{"kind": p.kind, "title": p.title, "page_start": p.page_start, "page_end": p.page_end}
                          for p in session.scalars(select(S.DocumentPart).where(S.DocumentPart.document_id.in_(doc_ids)).order_by(S.DocumentPart.id))],
            "meeting": {"body": None if body.startswith("(") else body, "committee": None if committee.startswith("(") else committee,
                        "date": _plain(meeting.date), "time": meeting.time, "venue": meeting.venue},
            "agenda_items": [{"number": a.number, "title": a.title, "description": a.description, "page_ref": a.page_ref, "page": a.page}
                             for a in session.scalars(select(S.AgendaItem).where(S.AgendaItem.meeting_id == meeting.id).order_by(S.AgendaItem.id))],
            "minutes": [_minutes(session, m) for m in minutes],
            "recommendations": [{"letter": r.letter, "text": r.text, "report_title": r.report_title, "page": r.page}
                                for r in session.scalars(select(S.Recommendation).where(S.Recommendation.meeting_id == meeting.id).order_by(S.Recommendation.id))],
            "actions": [_action(o) for o in session.scalars(
                select(S.ActionObservation).where(S.ActionObservation.meeting_id == meeting.id,
                                                  S.ActionObservation.source.not_in(MINUTES_SOURCES))
                .order_by(S.ActionObservation.document_id, S.ActionObservation.seq))],
            "warnings": [w for d in docs.get(meeting.id, []) for w in (d.warnings or [])],
        }
        if papers or record["minutes"]:
            out.append(record)
    return out


def _minutes(session: Session, m: S.MinutesRecord) -> dict[str, Any]:
    meeting = session.get(S.Meeting, m.meeting_id) if m.meeting_id else None
    committee = session.get(S.Committee, meeting.committee_id) if meeting else None
    attendance: dict[str, list[str]] = {r: [] for r in ROLES}
    for a in session.scalars(select(S.Attendance).where(S.Attendance.minutes_id == m.id).order_by(S.Attendance.id)):
        attendance.setdefault(a.role, []).append(a.name)
    items = []
    for it in session.scalars(select(S.MinuteItem).where(S.MinuteItem.minutes_id == m.id).order_by(S.MinuteItem.seq)):
        votes = ({"for": it.votes_for, "against": it.votes_against, "abstain": it.votes_abstain}
                 if it.votes_for is not None else None)
        items.append({"number": it.number, "title": it.title, "page": it.page, "votes": votes,
                      "resolutions": [{"letter": r.letter, "text": r.text, "kind": r.kind}
                                      for r in session.scalars(select(S.Resolution).where(S.Resolution.minute_item_id == it.id).order_by(S.Resolution.seq))],
                      "actions": []})
    return {"committee": committee.name if committee else None, "meeting_date": _plain(meeting.date) if meeting else None,
            "page_start": m.page_start, "attendance": attendance, "items": items}


def _action(o: S.ActionObservation) -> dict[str, Any]:
    return {"table": o.source, "number": o.number, "meeting_date": _plain(o.raised_date), "text": o.text, "owner": o.owner,
            "directorate": o.directorate, "progress": o.progress, "due": o.due, "due_text": o.due_text, "status": o.status,
            "status_text": o.status_text, "rag": o.rag, "page": o.page,
            "bbox": [o.x0, o.top, o.x1, o.bottom] if o.x0 is not None else None, "thread_id": o.thread_id}


def document_versions(session: Session) -> list[dict[str, Any]]:
    """Every document with its version (a revised paper's earlier printings marked superseded, with what
    replaced them and what changed), then every path a batch could not read as a file."""
    rows = session.execute(
        select(S.Document, S.Meeting.date, S.Committee.name).outerjoin(S.Meeting, S.Document.meeting_id == S.Meeting.id)
        .outerjoin(S.Committee, S.Meeting.committee_id == S.Committee.id).order_by(S.Document.id)).all()
    out: list[dict[str, Any]] = [{
        "id": d.id, "status": d.status, "version": d.version, "superseded_by": d.superseded_by, "kind": d.kind,
        "committee": committee, "meeting_date": _plain(day), "pages": d.pages, "path": d.path, "sha256": d.sha256,
        "error": d.error, "revision": d.revision, "unread": len(d.warnings or []),
    } for d, day, committee in rows]
    out += [{"id": None, "status": "failed", "version": None, "superseded_by": None, "kind": None, "committee": None,
             "meeting_date": None, "pages": None, "path": f.path, "sha256": None, "error": f.error, "revision": None, "unread": None}
            for f in session.scalars(select(S.PathFailure).order_by(S.PathFailure.id))]
    return out


def document_warnings(session: Session) -> list[dict[str, Any]]:
    """What each stored document's extraction could not read, page by page (its record's warnings)."""
    docs = session.scalars(select(S.Document).where(S.Document.warnings.is_not(None)).order_by(S.Document.id))
    return [{"document_id": d.id, "page": w.get("page"), "message": w.get("message"), "path": d.path}
            for d in docs for w in (d.warnings or [])]


def database_scope(session: Session, committee: str | None = None) -> dict[str, Any]:
    """What a report covers: the committees with papers (whose name contains ``committee``), the number of
    documents and the date of the latest pack."""
    from sqlalchemy import func

    q = (select(S.Committee.name, func.max(S.Meeting.date), func.count(S.Document.id))
         .join(S.Meeting, S.Meeting.committee_id == S.Committee.id).join(S.Document, S.Document.meeting_id == S.Meeting.id)
         .where(S.Document.status == "ingested").group_by(S.Committee.name).order_by(S.Committee.name))
    if committee:
        q = q.where(func.lower(S.Committee.name).contains(committee.lower()))
    rows = session.execute(q).all()
    latest = max((day for _name, day, _n in rows if day is not None), default=None)
    return {"committees": [name for name, _day, _n in rows], "documents": sum(n for _name, _day, n in rows),
            "latest_pack": _plain(latest)}
