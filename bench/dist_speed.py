"""Pages per second of ingest on Dask, with 1 and 2 local worker processes, beside the single-process ingest.

For each set of files (samples/, and the corpus PDFs read in place from ../shared/corpus) it times, wall clock:
  single     pipeline.ingest(jobs=1) into a fresh database (parse, store, link in one process)
  parse N    the workers of a LocalCluster of N processes parsing every file (pipeline.parse_job), no database
  ingest N   distributed.ingest_on with N workers into a fresh database (parse on workers, store on the
             client as futures complete, link per committee)
  parse cpu N  pages per CPU-second of one worker (the rate of a dedicated core; the wall-clock figures
             depend on what else the machine runs: the load average is printed)
  store      the client alone storing already-parsed records (the ceiling of one client's storing)
Cluster start-up and worker warm-up (importing the parse stack) are timed apart and not counted;
each figure is the median of --repeat runs.
Run: python bench/dist_speed.py [--pg] [--workers 1,2] [--repeat 3]  (--pg: a throwaway PostgreSQL server, link tasks on workers)
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
SETS = {"samples": [ROOT / "samples"], "corpus": [CORPUS / "real", CORPUS / "seed-pdfs"]}


def pdfs(roots: list[Path]) -> list[str]:
    return [str(p) for r in roots for p in sorted(r.rglob("*.pdf"))]


def page_count(files: list[str]) -> int:
    import pypdfium2

    total = 0
    for f in files:
        doc = pypdfium2.PdfDocument(f)
        total += len(doc)
        doc.close()
    return total


def _warm(path: str) -> None:
    """Import the parse stack and load what it loads lazily (spaCy) by parsing one small file."""
    from minutetrail.pipeline import parse_job

    parse_job(path)


def _cpu_parse(path: str) -> float:
    """On a worker: CPU seconds to parse one file (what a dedicated core would take, whatever the load)."""
    from minutetrail.pipeline import parse_job

    t = time.process_time()
    parse_job(path)
    return time.process_time() - t


@contextmanager
def databases(pg: bool) -> Iterator[Callable[[], str]]:
    """A factory of fresh, empty database URLs: SQLite files, or databases on a throwaway PostgreSQL."""
    with tempfile.TemporaryDirectory() as tmp:
        if not pg:
            yield lambda: f"sqlite:///{Path(tmp) / uuid.uuid4().hex}.db"
            return
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url
        from tests.pgserver import PgServer

        server = PgServer()
        url = server.start()
        admin = create_engine(url, isolation_level="AUTOCOMMIT")

        def fresh() -> str:
            name = f"bench_{uuid.uuid4().hex[:12]}"
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            return make_url(url).set(database=name).render_as_string(hide_password=False)

        try:
            yield fresh
        finally:
            admin.dispose()
            server.stop()


def timed(work: Callable[[], object]) -> tuple[float, object]:
    t = time.perf_counter()
    out = work()
    return time.perf_counter() - t, out


def median_rate(pages: int, repeat: int, work: Callable[[], object]) -> tuple[float, object]:
    """Pages per second of the median of ``repeat`` runs (the machine is shared: one run is noise)."""
    runs = [timed(work) for _ in range(repeat)]
    secs = statistics.median(r[0] for r in runs)
    return round(pages / secs, 1), runs[-1][1]


def run(files: list[str], workers: list[int], fresh: Callable[[], str], repeat: int) -> dict:
    from distributed import Client, LocalCluster

    from minutetrail.db.session import Database
    from minutetrail.distributed import ingest_on
    from minutetrail.pipeline import Batch, ingest, parse_job

    pages = page_count(files)
    out: dict = {"files": len(files), "pages": pages}
    smallest = min(files, key=lambda f: Path(f).stat().st_size)
    _warm(smallest)

    def single() -> object:
        db = Database(fresh())
        try:
            return ingest(db, files, jobs=1)
        finally:
            db.close()

    out["single"], report = median_rate(pages, repeat, single)
    out["failed"] = len(report.failed)  # type: ignore[attr-defined]  (scanned packs; a file the database refuses)
    records = [parse_job(f) for f in files]

    def store() -> object:
        db = Database(fresh())
        batch = Batch(db)
        batch.plan(files)
        try:
            return [batch.store(*r) for r in records]
        finally:
            db.close()

    out["store"], _ = median_rate(pages, repeat, store)
    for n in workers:
        t0 = time.perf_counter()
        with LocalCluster(n_workers=n, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster, \
                Client(cluster) as client:
            started = time.perf_counter() - t0
            client.run(_warm, smallest)
            out[f"startup {n}"] = round(started, 1)
            out[f"parse {n}"], _ = median_rate(pages, repeat, lambda: client.gather(client.map(parse_job, files, pure=False)))
            cpu = sum(client.gather(client.map(_cpu_parse, files, pure=False)))
            out[f"parse cpu {n}"] = round(pages / cpu, 1)  # pages per CPU-second of one worker

            def dist(some: list[str] = files) -> object:
                db = Database(fresh())
                try:
                    return ingest_on(client, db, some)
                finally:
                    db.close()

            dist([smallest])  # warm: the workers' first link task imports the database driver
            out[f"ingest {n}"], report = median_rate(pages, repeat, dist)
            assert len(report.failed) == out["failed"], report.failed  # type: ignore[attr-defined]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pg", action="store_true", help="store in a throwaway PostgreSQL server (link tasks on workers)")
    ap.add_argument("--workers", default="1,2", help="numbers of local worker processes to time (default 1,2)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is reported (default 3)")
    args = ap.parse_args()
    workers = [int(w) for w in args.workers.split(",")]
    results = {}
    with databases(args.pg) as fresh:
        for name, roots in SETS.items():
            files = pdfs(roots)
            if files:
                results[name] = run(files, workers, fresh, args.repeat)
                print(name, json.dumps(results[name]), flush=True)
    print(f"\npages/s, wall clock, {'PostgreSQL' if args.pg else 'SQLite'}; load average {os.getloadavg()[1]:.1f} "
          f"on {os.cpu_count()} cores")
    cols = ["pages", "single", "store"] + [f"{k} {n}" for n in workers for k in ("parse", "parse cpu", "ingest", "startup")]
    print("| set | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for name, r in results.items():
        print(f"| {name} | " + " | ".join(str(r.get(c, "")) for c in cols) + " |")


if __name__ == "__main__":
    main()
