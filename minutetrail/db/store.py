"""Writing one extraction record (one transaction per document) and failed documents."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from minutetrail.config import EXTRACTOR_VERSION, PARSER_VERSION
from minutetrail.db import schema as S
from minutetrail.db import versions
from minutetrail.link.guard import not_an_action
from minutetrail.link.people import person_key
from minutetrail.models import MINUTES_RECOMMENDATION, ExtractionRecord, ResolutionKind
from minutetrail.parsers.roles import role_key
from minutetrail.parsers.dates import due_to_date

UNKNOWN_BODY = "(unknown body)"
UNKNOWN_COMMITTEE = "(unknown committee)"


@dataclass(slots=True)
class StoreCounts:
    meetings: int = 0
    agenda_items: int = 0
    minutes: int = 0
    minute_items: int = 0
    resolutions: int = 0
    recommendations: int = 0
    actions: int = 0


def committee_key(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", name.lower())).strip()


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _iso(value: str | None) -> date | None:
    if not value or len(value) != 10:
        return None
    return date.fromisoformat(value)


def get_committee(session: Session, body: str | None, name: str | None) -> S.Committee:
    body_name = body or UNKNOWN_BODY
    b = session.scalar(select(S.Body).where(S.Body.name == body_name))
    if b is None:
        b = S.Body(name=body_name)
        session.add(b)
        session.flush()
    committee_name = name or UNKNOWN_COMMITTEE
    key = committee_key(committee_name)
    c = session.scalar(select(S.Committee).where(S.Committee.body_id == b.id, S.Committee.key == key))
    if c is None:
        c = S.Committee(body_id=b.id, key=key, name=committee_name)
        session.add(c)
        session.flush()
    return c


def get_meeting(session: Session, committee: S.Committee, day: date | None, time: str | None = None,
                venue: str | None = None) -> tuple[S.Meeting, bool]:
    m = session.scalar(select(S.Meeting).where(S.Meeting.committee_id == committee.id, S.Meeting.date == day))
    if m is None:
        m = S.Meeting(committee_id=committee.id, date=day, time=time, venue=venue)
        session.add(m)
        session.flush()
        return m, True
    if time and not m.time:
        m.time = time
    if venue and not m.venue:
        m.venue = venue
    return m, False


def find_document(session: Session, sha256: str) -> S.Document | None:
    return session.scalar(select(S.Document).where(S.Document.sha256 == sha256))


def record_path_failure(session: Session, path: str, error: str) -> None:
    """A path that could not be read as a file (no bytes to name it by): kept by path, latest error."""
    row = session.scalar(select(S.PathFailure).where(S.PathFailure.path == path))
    if row is None:
        session.add(S.PathFailure(path=path, error=error, seen_at=_now()))
    else:
        row.error, row.seen_at = error, _now()


def forget_path_failure(session: Session, path: str) -> None:
    """The path reads now: its earlier failure no longer stands."""
    for row in session.scalars(select(S.PathFailure).where(S.PathFailure.path == path)):
        session.delete(row)


def record_failure(session: Session, sha256: str, path: str, error: str) -> None:
    doc = find_document(session, sha256)
    if doc is None:
        doc = S.Document(sha256=sha256, path=path, status="failed", parser_version=PARSER_VERSION, ingested_at=_now())
        session.add(doc)
    doc.status, doc.error, doc.path, doc.ingested_at = "failed", error, path, _now()


def store_record(session: Session, record: ExtractionRecord, path: str) -> StoreCounts:
    """Insert one document's facts with provenance. The caller owns the transaction."""
    counts = StoreCounts()
    old = find_document(session, record.sha256)
    if old is not None:  # a failed earlier attempt, or a re-parse: replace it whole
        session.delete(old)
        session.flush()
    mt = record.meeting
    committee = get_committee(session, mt.body, mt.committee)
    meeting, created = get_meeting(session, committee, _iso(mt.date), mt.time, mt.venue)
    counts.meetings += int(created)
    kind = record.documents[0].kind.value if len(record.documents) == 1 else "pack"
    prior = versions.earlier_version(session, meeting, kind, versions.record_parts(record), record.sha256,
                                     [text for _kind, text, _page in search_texts(record)])
    before = versions.retire(session, prior) if prior is not None else None
    doc = S.Document(
        sha256=record.sha256, path=path, pages=record.pages, kind=kind, status="ingested",
        parser_version=PARSER_VERSION, ingested_at=_now(), meeting_id=meeting.id,
        warnings=[{"page": w.page, "message": w.message} for w in record.warnings],
        version=(prior.version or 1) + 1 if prior is not None else 1,
    )
    session.add(doc)
    session.flush()
    seen_roles: set[tuple[str, str]] = set()
    for mention in record.roles:
        pkey = person_key(mention.name)
        rkey = role_key(mention.role)
        if not pkey or not rkey or (pkey, rkey) in seen_roles:
            continue
        seen_roles.add((pkey, rkey))
        session.add(S.RoleMention(document_id=doc.id, meeting_id=meeting.id, name=mention.name, person_key=pkey,
                                  role=mention.role, role_key=rkey, page=mention.page, text=mention.text))
    for part in record.documents:
        session.add(S.DocumentPart(document_id=doc.id, kind=part.kind.value, title=part.title,
                                   page_start=part.page_start, page_end=part.page_end))
    for seq, agenda_item in enumerate(record.agenda_items):
        session.add(S.AgendaItem(document_id=doc.id, meeting_id=meeting.id, seq=seq, number=agenda_item.number or "",
                                 title=agenda_item.title, description=agenda_item.description,
                                 page_ref=agenda_item.page_ref, page=agenda_item.page))
        counts.agenda_items += 1
    obs_seq = 0
    for minutes in record.minutes:
        m_committee = get_committee(session, mt.body, minutes.committee or mt.committee)
        minuted, created = get_meeting(session, m_committee, _iso(minutes.meeting_date), minutes.time, minutes.venue)
        counts.meetings += int(created)
        mrec = S.MinutesRecord(document_id=doc.id, meeting_id=minuted.id, page_start=minutes.page_start)
        session.add(mrec)
        session.flush()
        counts.minutes += 1
        att = minutes.attendance
        for role in ("present", "apologies", "substitutes", "in_attendance", "officers"):
            for name in dict.fromkeys(getattr(att, role)):
                session.add(S.Attendance(minutes_id=mrec.id, role=role, name=name))
        for iseq, item in enumerate(minutes.items):
            mi = S.MinuteItem(minutes_id=mrec.id, seq=iseq, number=item.number or None, title=item.title or None,
                              page=item.page or None,
                              votes_for=item.votes.for_ if item.votes else None,
                              votes_against=item.votes.against if item.votes else None,
                              votes_abstain=item.votes.abstain if item.votes else None)
            session.add(mi)
            session.flush()
            counts.minute_items += 1
            for rseq, res in enumerate(item.resolutions):
                session.add(S.Resolution(minute_item_id=mi.id, seq=rseq, letter=res.letter, text=res.text, kind=res.kind.value))
                counts.resolutions += 1
                if res.kind == ResolutionKind.RECOMMENDATION and not not_an_action(res.text):  # followed like an action, into recommendation trackers
                    session.add(S.ActionObservation(
                        document_id=doc.id, meeting_id=meeting.id, seq=obs_seq, source=MINUTES_RECOMMENDATION,
                        number=item.number or None, raised_date=minuted.date, text=res.text, owner=None,
                        due=None, due_date=None, due_text=None, status=None, page=item.page or 1,
                        extractor_version=EXTRACTOR_VERSION,
                    ))
                    obs_seq += 1
            for act in item.actions:
                if not_an_action(act.text):  # only actions become threads (link/guard.py)
                    continue
                session.add(S.ActionObservation(
                    document_id=doc.id, meeting_id=meeting.id, seq=obs_seq, source="minutes",
                    number=item.number or None, raised_date=minuted.date, text=act.text, owner=act.owner,
                    due=None, due_date=None, due_text=act.due, status=None, page=act.page,
                    extractor_version=EXTRACTOR_VERSION,
                ))
                obs_seq += 1
                counts.actions += 1
    for seq, rec in enumerate(record.recommendations):
        session.add(S.Recommendation(document_id=doc.id, meeting_id=meeting.id, seq=seq, letter=rec.letter,
                                     text=rec.text, report_title=rec.report_title, page=rec.page))
        counts.recommendations += 1
    for row in record.actions:
        if not_an_action(row.text):
            continue
        x0, top, x1, bottom = row.bbox if row.bbox else (None, None, None, None)
        session.add(S.ActionObservation(
            document_id=doc.id, meeting_id=meeting.id, seq=obs_seq, source=row.table.value, number=row.number,
            raised_date=_iso(row.meeting_date), text=row.text, owner=row.owner, directorate=row.directorate,
            progress=row.progress, due=row.due, due_date=due_to_date(row.due), due_text=row.due_text,
            status=row.status.value if row.status else None, status_text=row.status_text,
            rag=row.rag.value if row.rag else None, page=row.page, x0=x0, top=top, x1=x1, bottom=bottom,
            header_box=list(row.header_bbox) if row.header_bbox else None,
            extractor_version=EXTRACTOR_VERSION,
        ))
        obs_seq += 1
        counts.actions += 1
    _index_for_search(session, doc, record, committee.name, meeting.date)
    session.flush()
    if prior is not None and before is not None:
        prior.superseded_by = doc.id
        doc.revision = {"replaces": prior.id, "replaces_sha256": prior.sha256, "replaces_path": prior.path,
                        **versions.differences(before, versions.snapshot(session, doc.id))}
        session.flush()
    return counts


def search_texts(record: ExtractionRecord) -> Iterator[tuple[str, str, int | None]]:
    """(kind, text, page) of each agenda item, minute item, decision, recommendation and action."""
    for kind, text, page, _day in _dated_texts(record, None):
        yield kind, text, page


def _dated_texts(record: ExtractionRecord, day: date | None) -> Iterator[tuple[str, str, int | None, date | None]]:
    """(kind, text, page, date of the meeting it belongs to): minutes content belongs to the meeting
    minuted, everything else to the meeting whose papers print it (``day``)."""
    for a in record.agenda_items:
        yield "agenda_item", " ".join(t for t in (a.title, a.description) if t), a.page, day
    for m in record.minutes:
        minuted = _iso(m.meeting_date) or day
        for item in m.items:
            yield "minute_item", item.title, item.page, minuted
            for r in item.resolutions:
                yield "decision", r.text, item.page, minuted
            for act in item.actions:
                yield "action", act.text, act.page, minuted
    for rec in record.recommendations:
        yield "recommendation", rec.text, rec.page, day
    for row in record.actions:
        yield "action", " ".join(t for t in (row.text, row.progress) if t), row.page, day


def _index_for_search(session: Session, doc: S.Document, record: ExtractionRecord, committee: str, day: date | None) -> None:
    """One search entry per agenda item, minute item, decision, recommendation and action, with its page
    and the date of the meeting it belongs to (the pack's date is the document's meeting)."""
    for kind, text, page, when in _dated_texts(record, day):
        if text and text.strip():
            session.add(S.SearchEntry(document_id=doc.id, kind=kind, committee=committee, meeting_date=when, page=page, text=text))
