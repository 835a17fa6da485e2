"""Ingest on a Dask cluster: workers parse, the client stores, committees are relinked as tasks.

The only module that imports dask (inside its functions, so `minutetrail --help` stays light).
Workers run the process-pool ingest's own parse job (pipeline.parse_job) on paths they can read
(a shared file system on a real cluster). The client stores each document in its own transaction
as its future completes (pipeline.Batch.store: idempotent, keyed by sha256), so a task that Dask
runs again after losing its worker never stores anything twice. Then the people named as owners are
resolved once, on the client, and each touched committee is relinked as its own task: committees in
parallel (on PostgreSQL, workers connect to the database by its URL and share the writers' lock, each
holding its committee's own), one committee serially. On SQLite, which has one writer at a time and
a file the workers may not see, the committees are relinked one by one on the client.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from minutetrail.db.linking import relink, resolve_people
from minutetrail.db.session import Database
from minutetrail.discovery import shown_name
from minutetrail.errors import ClusterError
from minutetrail.models import ExtractionRecord, OcrMode
from minutetrail.pipeline import Batch, IngestReport, parse_job

LOCAL = re.compile(r"local:(\d+)")
ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://\S+")  # tcp://host:8786, tls://..., ws://...
MAX_LOCAL_WORKERS = 64
RETRIES = 3  # a task that raises is tried again this many times; a lost worker's tasks are rescheduled by Dask
IN_FLIGHT_PER_THREAD = 4  # parse tasks submitted ahead per worker thread: the scheduler never holds a whole corpus
CONNECT_TIMEOUT = "30s"
LINK_COUNTS = ("threads", "links", "review")


def cluster_spec(text: str) -> tuple[str, int | str]:
    """``local:N`` -> ("local", N); ``tcp://HOST:PORT`` (any scheduler address) -> ("address", it)."""
    m = LOCAL.fullmatch(text.strip())
    if m:
        n = int(m.group(1))
        if not 1 <= n <= MAX_LOCAL_WORKERS:
            raise ClusterError(f"--cluster {text}: give 1 to {MAX_LOCAL_WORKERS} local workers")
        return "local", n
    if ADDRESS.fullmatch(text.strip()):
        return "address", text.strip()
    raise ClusterError(f"--cluster {text!r}: give a scheduler address (tcp://HOST:8786) or local:N")


@contextmanager
def connect(spec: str) -> Iterator[Any]:
    """A Dask client on the cluster ``spec`` names; a local cluster is started and closed with it."""
    kind, value = cluster_spec(spec)
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ClusterError(f"--cluster needs Dask: pip install 'minutetrail[dist]' ({exc})") from exc
    if kind == "local":
        with LocalCluster(n_workers=int(value), processes=True, threads_per_worker=1, dashboard_address=":0") as cluster:
            with Client(cluster) as client:
                yield client
        return
    try:
        client = Client(str(value), timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {value}: {exc}") from exc
    with client:
        yield client


def link_committee(db: Database, committee: int) -> dict[str, int]:
    """Relink one committee in its own transaction (owners already resolved)."""
    with db.session(committee=committee) as session:
        return relink(session, [committee], people=False)


def link_task(url: str, committee: int) -> dict[str, int]:
    """On a worker: relink one committee of the database at ``url``."""
    db = Database(url, migrate=False)
    try:
        return link_committee(db, committee)
    finally:
        db.close()


def _add(total: dict[str, int], part: dict[str, int]) -> None:
    for name in LINK_COUNTS:
        total[name] = total.get(name, 0) + part.get(name, 0)


def _link(client: Any, db: Database, committees: set[int]) -> dict[str, int]:
    from distributed import as_completed

    with db.session() as session:
        resolve_people(session)
    total: dict[str, int] = {}
    if db.dialect != "postgresql":
        for committee in sorted(committees):
            _add(total, link_committee(db, committee))
        return total
    futures = [client.submit(link_task, db.url, c, pure=False, retries=RETRIES) for c in sorted(committees)]
    for future in as_completed(futures):
        _add(total, _result(future, "relinking a committee"))
    return total


def _result(future: Any, doing: str) -> Any:
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker as exc:
        raise ClusterError(f"{doing}: Dask lost the workers running it {RETRIES} times ({exc})") from exc


def parser_version() -> str:
    """On a worker: the parser it runs (a worker with another minutetrail would store other records)."""
    from minutetrail.config import PARSER_VERSION

    return PARSER_VERSION


def _check_workers(client: Any) -> None:
    from minutetrail.config import PARSER_VERSION

    others = {w: v for w, v in client.run(parser_version).items() if v != PARSER_VERSION}
    if others:
        raise ClusterError(f"Dask workers run another minutetrail parser than this client's {PARSER_VERSION}: "
                           + ", ".join(f"{w} has {v}" for w, v in sorted(others.items()))
                           + " (install the same minutetrail on every worker)")


def _threads(client: Any) -> int:
    workers = client.scheduler_info().get("workers", {})
    return max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))


def ingest_on(
    client: Any,
    db: Database,
    paths: Iterable[str | Path],
    progress: Callable[[str], None] | None = None,
    ocr: OcrMode | str = OcrMode.AUTO,
    parse: Callable[[str], tuple[str, ExtractionRecord | None, str | None]] | None = None,
) -> IngestReport:
    """Ingest files with the Dask ``client``'s workers parsing (``parse``: one path to (path, record,
    error), run on a worker; default pipeline.parse_job with ``ocr``); the same report as pipeline.ingest."""
    from distributed import KilledWorker, as_completed

    mode = OcrMode(ocr)
    job = parse or partial(parse_job, ocr=mode)
    _check_workers(client)
    batch = Batch(db, progress)
    todo = iter(batch.plan(paths))
    window = IN_FLIGHT_PER_THREAD * _threads(client)
    pending: dict[Any, str] = {}
    done = as_completed()

    def submit(path: str) -> None:
        future = client.submit(job, path, key=f"minutetrail-parse-{mode.value}-{batch.hashes[path]}", retries=RETRIES)
        pending[future] = path
        done.add(future)

    for path in islice(todo, window):
        submit(path)
    for future in done:
        path = pending.pop(future)
        if future.status == "cancelled":  # the client lost the scheduler: what is stored stays stored
            raise ClusterError(f"the Dask scheduler went away while {shown_name(path)} was parsed; "
                               "run the same ingest again to carry on (stored documents are skipped)")
        if future.status == "error":  # a bad document never stops the batch: it is a named failure
            exc = future.exception()
            why = (f"the parser process died reading this file ({RETRIES} tries)" if isinstance(exc, KilledWorker)
                   else f"the parser failed on a Dask worker ({type(exc).__name__}: {exc})")
            batch.store(path, None, f"{shown_name(path)}: {why}")
        else:
            batch.store(*future.result())
        future.release()
        for nxt in islice(todo, 1):
            submit(nxt)
    return batch.finish(lambda committees: _link(client, db, committees))


__all__ = ["cluster_spec", "connect", "ingest_on", "link_task"]
