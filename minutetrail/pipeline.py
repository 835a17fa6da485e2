"""extract -> parse -> store -> link, one document per transaction; returns counts."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from minutetrail.config import PARSER_VERSION
from minutetrail.db import schema as S
from minutetrail.db.linking import relink
from minutetrail.db.queries import changes_at
from minutetrail.db.session import Database
from minutetrail.db.store import (
    StoreCounts,
    find_document,
    record_failure,
    store_record,
)
from minutetrail.errors import ExtractionError, MinutetrailError
from minutetrail.extract import file_sha256
from minutetrail.extraction import parse_file
from minutetrail.models import ExtractionRecord

PDF_SUFFIXES = (".pdf",)


@dataclass(slots=True)
class Failure:
    path: str
    message: str


@dataclass(slots=True)
class IngestReport:
    inserted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    stored: StoreCounts = field(default_factory=StoreCounts)
    links: dict[str, int] = field(default_factory=dict)
    changes: list[dict] = field(default_factory=list)  # per committee meeting ingested: what changed since the last one


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and PDFs inside folders named (recursively), in a stable order."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in PDF_SUFFIXES))
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def _parse_job(path: str) -> tuple[str, ExtractionRecord | None, str | None]:
    try:
        return path, parse_file(path), None
    except MinutetrailError as exc:
        return path, None, str(exc)


def _parsed(paths: list[str], jobs: int) -> Iterator[tuple[str, ExtractionRecord | None, str | None]]:
    if jobs <= 1 or len(paths) <= 1:
        for p in paths:
            yield _parse_job(p)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_parse_job, paths)


def _action_committees(session: Session, sha256: str) -> set[int]:
    """The committees whose meetings hold a document's action observations."""
    return set(session.scalars(
        select(S.Meeting.committee_id).distinct().join(S.ActionObservation, S.ActionObservation.meeting_id == S.Meeting.id)
        .join(S.Document, S.ActionObservation.document_id == S.Document.id).where(S.Document.sha256 == sha256)))


def _add_counts(total: StoreCounts, part: StoreCounts) -> None:
    for name in total.__slots__:  # type: ignore[attr-defined]
        setattr(total, name, getattr(total, name) + getattr(part, name))


def ingest(
    db: Database,
    paths: Iterable[str | Path],
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
) -> IngestReport:
    """Ingest files into the database. A bad file is recorded as failed; the batch carries on."""
    report = IngestReport()
    todo: list[str] = []
    for path in discover(paths):
        name = str(path)
        if not path.exists():
            report.failed.append(Failure(name, f"{name}: file not found"))
            if progress:
                progress(name)
            continue
        sha = file_sha256(path)
        with db.session() as session:
            doc = find_document(session, sha)
            done = doc is not None and doc.status == "ingested" and doc.parser_version == PARSER_VERSION
        if done:
            report.unchanged.append(name)
            if progress:
                progress(name)
            continue
        todo.append(name)
    workers = jobs if jobs is not None else min(2, os.cpu_count() or 1)
    touched: set[int] = set()
    new_meetings: set[tuple[str, date]] = set()
    for name, record, error in _parsed(todo, workers):
        if record is None:
            message = error or f"{name}: unreadable"
            report.failed.append(Failure(name, message))
            with db.session() as session:
                record_failure(session, file_sha256(name), name, message)
        else:
            try:
                with db.session() as session:
                    touched.update(_action_committees(session, record.sha256))  # a re-parse may move it elsewhere
                    counts = store_record(session, record, name)
                    touched.update(_action_committees(session, record.sha256))
                    new_meetings.update(
                        (name, day) for name, day in session.execute(
                            select(S.Committee.name, S.Meeting.date).join(S.Meeting, S.Meeting.committee_id == S.Committee.id)
                            .join(S.Document, S.Document.meeting_id == S.Meeting.id).where(S.Document.sha256 == record.sha256)
                        ) if day is not None)
                _add_counts(report.stored, counts)
                report.inserted.append(name)
            except MinutetrailError as exc:
                report.failed.append(Failure(name, f"{name}: {exc}"))
        if progress:
            progress(name)
    with db.session() as session:
        # the committees whose actions changed, and any left unthreaded by an interrupted run
        touched.update(session.scalars(
            select(S.Meeting.committee_id).distinct().join(S.ActionObservation, S.ActionObservation.meeting_id == S.Meeting.id)
            .where(S.ActionObservation.thread_id.is_(None))))
        if touched:
            report.links = relink(session, touched)
        for committee, day in sorted(new_meetings):
            change = changes_at(session, committee, day)
            if change is not None:
                report.changes.append(change)
    return report


__all__ = ["ingest", "discover", "IngestReport", "ExtractionError"]
