"""What an ingest batch asks the database between documents: which committees to relink, which meetings are new."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from minutetrail.db import schema as S


def action_committees(session: Session, sha256: str) -> set[int]:
    """The committees whose meetings hold a document's action observations."""
    return set(session.scalars(
        select(S.Meeting.committee_id).distinct().join(S.ActionObservation, S.ActionObservation.meeting_id == S.Meeting.id)
        .join(S.Document, S.ActionObservation.document_id == S.Document.id).where(S.Document.sha256 == sha256)))


def unthreaded_committees(session: Session) -> set[int]:
    """Committees with actions not yet in a thread (a run interrupted before it linked them)."""
    return set(session.scalars(
        select(S.Meeting.committee_id).distinct().join(S.ActionObservation, S.ActionObservation.meeting_id == S.Meeting.id)
        .where(S.ActionObservation.thread_id.is_(None))))


def document_meetings(session: Session, sha256: str) -> set[tuple[str, date]]:
    """(committee name, meeting date) of the dated meetings a document was stored under."""
    return {(name, day) for name, day in session.execute(
        select(S.Committee.name, S.Meeting.date).join(S.Meeting, S.Meeting.committee_id == S.Committee.id)
        .join(S.Document, S.Document.meeting_id == S.Meeting.id).where(S.Document.sha256 == sha256)) if day is not None}
