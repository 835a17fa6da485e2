"""extract -> parse -> store -> link, one document per transaction; returns counts."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
    forget_path_failure,
    record_failure,
    record_path_failure,
    store_record,
)
from minutetrail.db.versions import describe
from minutetrail.discovery import Found, stat_problem, discover, file_sha256, shown_name
from minutetrail.errors import ExtractionError, MinutetrailError
from minutetrail.extraction import parse_file
from minutetrail.models import ExtractionRecord, OcrMode

WATCH_PARENT_EVERY = 0.5  # seconds between a parse worker's checks that the ingest that started it still runs


@dataclass(slots=True)
class Failure:
    path: str
    message: str


@dataclass(slots=True)
class Notice:
    """What a stored document's record says could not be read (its warnings), so a user is never
    silently told "no actions"."""
    path: str
    page: int | None
    message: str


@dataclass(slots=True)
class Revision:
    path: str
    replaces: str
    version: int
    summary: str


@dataclass(slots=True)
class IngestReport:
    inserted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    revised: list[Revision] = field(default_factory=list)  # new versions of papers already stored
    stored: StoreCounts = field(default_factory=StoreCounts)
    links: dict[str, int] = field(default_factory=dict)
    changes: list[dict] = field(default_factory=list)  # per committee meeting ingested: what changed since the last one
    notices: list[Notice] = field(default_factory=list)  # the warnings of the records stored


def _watch_parent(parent: int) -> None:
    """In a parse worker: end when the ingest that started it is gone (even after kill -9)."""
    while True:
        time.sleep(WATCH_PARENT_EVERY)
        if os.getppid() != parent:
            os._exit(1)


def _worker_init(parent: int) -> None:
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="watch-parent").start()


def _parse_job(path: str, ocr: OcrMode = OcrMode.AUTO) -> tuple[str, ExtractionRecord | None, str | None]:
    shown = shown_name(path)
    try:
        return path, parse_file(path, shown, ocr=ocr), None
    except MinutetrailError as exc:
        return path, None, str(exc)
    except OSError as exc:  # the file vanished or lost its permissions after discovery
        return path, None, f"{shown}: cannot read ({exc.strerror or exc})"


def _parsed(paths: list[str], jobs: int, ocr: OcrMode = OcrMode.AUTO) -> Iterator[tuple[str, ExtractionRecord | None, str | None]]:
    if jobs <= 1 or len(paths) <= 1:
        for p in paths:
            yield _parse_job(p, ocr)
        return
    pending = list(paths)
    while pending:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),)) as pool:
            futures = [pool.submit(_parse_job, p, ocr) for p in pending]
            for i, future in enumerate(futures):
                try:
                    result = future.result()
                except BrokenProcessPool:  # a worker died (a crash in a PDF library, the OOM killer, a kill)
                    if jobs == 1:  # one worker, one file at a time: this file killed it
                        yield pending[i], None, f"{shown_name(pending[i])}: the parser process died reading this file"
                        i += 1
                    pending = pending[i:]  # the rest again, one at a time, to find the file that did it
                    jobs = 1
                    break
                yield result
            else:
                pending = []


def _already_stored(session: Session, sha256: str) -> bool:
    """Stored by this parser (or kept as an earlier version of a revised paper): nothing to do."""
    doc = find_document(session, sha256)
    return doc is not None and (doc.status == "superseded" or (doc.status == "ingested" and doc.parser_version == PARSER_VERSION))


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
    ocr: OcrMode | str = OcrMode.AUTO,
) -> IngestReport:
    """Ingest files into the database. A bad file is recorded as failed; the batch carries on.

    ocr: read pages with no text layer by OCR (auto), every page (always) or none (never).
    """
    report = IngestReport()
    todo: list[str] = []
    hashes: dict[str, str] = {}
    seen: set[str] = set()

    def fail(path: str, message: str, sha256: str | None = None) -> None:
        report.failed.append(Failure(shown_name(path), message))
        with db.session() as session:
            if sha256 is None:
                record_path_failure(session, shown_name(path), message)
            else:
                record_failure(session, sha256, shown_name(path), message)

    for found in discover(paths):
        name = found.shown
        sha = None
        if found.problem is None:
            try:
                sha = file_sha256(found.path)
            except OSError as exc:
                found = Found(found.path, stat_problem(found.path, exc))
        if sha is None:
            fail(found.path, f"{name}: {found.problem}")
            if progress:
                progress(name)
            continue
        if sha in seen:  # the same bytes under another name in this batch
            report.unchanged.append(name)
            if progress:
                progress(name)
            continue
        hashes[found.path] = sha
        seen.add(sha)
        with db.session(write=False) as session:
            done = _already_stored(session, sha)
        if done:
            report.unchanged.append(name)
            if progress:
                progress(name)
            continue
        todo.append(found.path)
    workers = jobs if jobs is not None else min(2, os.cpu_count() or 1)
    touched: set[int] = set()
    new_meetings: set[tuple[str, date]] = set()
    for path, record, error in _parsed(todo, workers, OcrMode(ocr)):
        name = shown_name(path)
        if record is None:
            fail(path, error or f"{name}: unreadable", hashes[path])
        else:
            try:
                with db.session() as session:
                    if _already_stored(session, record.sha256):  # another ingester stored it meanwhile
                        report.unchanged.append(name)
                        if progress:
                            progress(name)
                        continue
                    touched.update(_action_committees(session, record.sha256))  # a re-parse may move it elsewhere
                    counts = store_record(session, record, shown_name(os.path.abspath(path)))  # absolute: evidence links
                    forget_path_failure(session, name)
                    touched.update(_action_committees(session, record.sha256))
                    stored = find_document(session, record.sha256)
                    if stored is not None and stored.revision:
                        if stored.meeting is not None:  # the earlier version's actions left this committee
                            touched.add(stored.meeting.committee_id)
                        report.revised.append(Revision(name, stored.revision.get("replaces_path") or "?", stored.version or 2,
                                                       describe(stored.revision)))
                    new_meetings.update(
                        (name, day) for name, day in session.execute(
                            select(S.Committee.name, S.Meeting.date).join(S.Meeting, S.Meeting.committee_id == S.Committee.id)
                            .join(S.Document, S.Document.meeting_id == S.Meeting.id).where(S.Document.sha256 == record.sha256)
                        ) if day is not None)
                _add_counts(report.stored, counts)
                report.inserted.append(name)
                report.notices.extend(Notice(name, w.page, w.message) for w in record.warnings)
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


__all__ = ["ingest", "discover", "IngestReport", "Failure", "Notice", "Revision", "ExtractionError"]
