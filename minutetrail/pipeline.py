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
from typing import Any

from minutetrail.config import PARSER_VERSION
from minutetrail.db.batch import action_committees, document_meetings, unthreaded_committees
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


def parse_job(path: str, ocr: OcrMode = OcrMode.AUTO) -> tuple[str, ExtractionRecord | None, str | None]:
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
            yield parse_job(p, ocr)
        return
    pending = list(paths)
    while pending:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),)) as pool:
            futures = []
            for p in pending:
                try:
                    futures.append(pool.submit(parse_job, p, ocr))
                except BrokenProcessPool:  # a worker died while the batch was handed out: its results say which
                    break
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
                pending = pending[len(futures):]


def _already_stored(session: Any, sha256: str) -> bool:
    """Stored by this parser (or kept as an earlier version of a revised paper): nothing to do."""
    doc = find_document(session, sha256)
    return doc is not None and (doc.status == "superseded" or (doc.status == "ingested" and doc.parser_version == PARSER_VERSION))


def _add_counts(total: StoreCounts, part: StoreCounts) -> None:
    for name in total.__slots__:  # type: ignore[attr-defined]
        setattr(total, name, getattr(total, name) + getattr(part, name))


class Batch:
    """One ingest batch: what to parse, then each parsed document stored in its own transaction as it
    arrives, then the touched committees relinked. Shared by the process-pool ingest and the Dask one."""

    def __init__(self, db: Database, progress: Callable[[str], None] | None = None) -> None:
        self.db = db
        self.progress = progress
        self.report = IngestReport()
        self.hashes: dict[str, str] = {}  # path to parse -> sha256 of its bytes
        self.touched: set[int] = set()
        self.new_meetings: set[tuple[str, date]] = set()

    def _tick(self, name: str) -> None:
        if self.progress:
            self.progress(name)

    def fail(self, path: str, message: str, sha256: str | None = None) -> None:
        self.report.failed.append(Failure(shown_name(path), message))
        with self.db.session() as session:
            if sha256 is None:
                record_path_failure(session, shown_name(path), message)
            else:
                record_failure(session, sha256, shown_name(path), message)

    def plan(self, paths: Iterable[str | Path]) -> list[str]:
        """The files to parse: each new file once; unreadable ones recorded as failed, stored ones unchanged."""
        todo: list[str] = []
        seen: set[str] = set()
        for found in discover(paths):
            name = found.shown
            sha = None
            if found.problem is None:
                try:
                    sha = file_sha256(found.path)
                except OSError as exc:
                    found = Found(found.path, stat_problem(found.path, exc))
            if sha is None:
                self.fail(found.path, f"{name}: {found.problem}")
                self._tick(name)
                continue
            if sha in seen:  # the same bytes under another name in this batch
                self.report.unchanged.append(name)
                self._tick(name)
                continue
            self.hashes[found.path] = sha
            seen.add(sha)
            with self.db.session(write=False) as session:
                done = _already_stored(session, sha)
            if done:
                self.report.unchanged.append(name)
                self._tick(name)
                continue
            todo.append(found.path)
        return todo

    def store(self, path: str, record: ExtractionRecord | None, error: str | None) -> None:
        """Store one parsed document in its own transaction (idempotent: a document already stored,
        by this batch or another ingester, is counted unchanged and not written again)."""
        name = shown_name(path)
        report = self.report
        if record is None:
            self.fail(path, error or f"{name}: unreadable", self.hashes.get(path))
            self._tick(name)
            return
        try:
            with self.db.session() as session:
                if _already_stored(session, record.sha256):  # another ingester stored it meanwhile
                    report.unchanged.append(name)
                    self._tick(name)
                    return
                self.touched.update(action_committees(session, record.sha256))  # a re-parse may move it elsewhere
                counts = store_record(session, record, shown_name(os.path.abspath(path)))  # absolute: evidence links
                forget_path_failure(session, name)
                self.touched.update(action_committees(session, record.sha256))
                stored = find_document(session, record.sha256)
                if stored is not None and stored.revision:
                    if stored.meeting is not None:  # the earlier version's actions left this committee
                        self.touched.add(stored.meeting.committee_id)
                    report.revised.append(Revision(name, stored.revision.get("replaces_path") or "?", stored.version or 2,
                                                   describe(stored.revision)))
                self.new_meetings.update(document_meetings(session, record.sha256))
            _add_counts(report.stored, counts)
            report.inserted.append(name)
            report.notices.extend(Notice(name, w.page, w.message) for w in record.warnings)
        except MinutetrailError as exc:
            report.failed.append(Failure(name, f"{name}: {exc}"))
        self._tick(name)

    def _committees_to_link(self, session: Any) -> set[int]:
        """The committees whose actions changed, and any left unthreaded by an interrupted run."""
        return self.touched | unthreaded_committees(session)

    def _note_changes(self, session: Any) -> None:
        for committee, day in sorted(self.new_meetings):
            change = changes_at(session, committee, day)
            if change is not None:
                self.report.changes.append(change)

    def finish(self, link: Callable[[set[int]], dict[str, int]] | None = None) -> IngestReport:
        """Relink the touched committees, in one transaction, or by ``link`` (the Dask ingest's
        per-committee tasks), then note what changed at each new meeting."""
        if link is None:
            with self.db.session() as session:
                committees = self._committees_to_link(session)
                if committees:
                    self.report.links = relink(session, committees)
                self._note_changes(session)
            return self.report
        with self.db.session(write=False) as session:
            committees = self._committees_to_link(session)
        if committees:
            self.report.links = link(committees)
        with self.db.session(write=False) as session:
            self._note_changes(session)
        return self.report


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
    batch = Batch(db, progress)
    todo = batch.plan(paths)
    workers = jobs if jobs is not None else min(2, os.cpu_count() or 1)
    for path, record, error in _parsed(todo, workers, OcrMode(ocr)):
        batch.store(path, record, error)
    return batch.finish()


__all__ = ["ingest", "Batch", "parse_job", "discover", "IngestReport", "Failure", "Notice", "Revision", "ExtractionError"]
