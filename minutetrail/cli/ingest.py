"""Reading PDFs: ingest (with progress and what could not be read), parse, and eval against gold."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from minutetrail.cli.base import MAX_JOBS, UserError, _db, cli, format_options, ocr_option
from minutetrail.errors import MinutetrailError
from minutetrail.models import OcrMode
from minutetrail.output import Shape

if TYPE_CHECKING:
    from minutetrail.pipeline import Notice


def _ingest(ctx: click.Context, paths: tuple[str, ...], jobs: int | None, ocr: str = OcrMode.AUTO.value,
            cluster: str | None = None) -> int:
    from minutetrail.pipeline import discover, ingest

    if cluster is not None:
        if jobs is not None:
            raise UserError("--jobs and --cluster: give one (a cluster's workers are its own)")
        from minutetrail.distributed import cluster_spec

        try:
            cluster_spec(cluster)
        except MinutetrailError as exc:
            raise UserError(str(exc)) from exc

    def run(progress: Callable[[str], None] | None) -> Any:
        if cluster is None:
            return ingest(db, paths, progress=progress, jobs=jobs, ocr=ocr)
        from minutetrail.distributed import connect, ingest_on

        with connect(cluster) as client:
            return ingest_on(client, db, paths, progress=progress, ocr=ocr)

    files = discover(paths)
    if not files:
        click.echo(f"no PDF files in {', '.join(paths)}: nothing to ingest", err=True)
        return 1
    db = _db(ctx)
    try:
        with _progress(len(files)) as progress:
            report = run(progress)
    except MinutetrailError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        db.close()
    for failure in report.failed:
        click.echo(f"error: {failure.message}", err=True)
    s = report.stored
    click.echo(f"documents: {len(report.inserted)} inserted, {len(report.unchanged)} unchanged, {len(report.failed)} failed")
    click.echo(f"stored: {s.meetings} meetings, {s.agenda_items} agenda items, {s.minutes} minutes "
               f"({s.minute_items} items, {s.resolutions} decisions), {s.recommendations} recommendations, {s.actions} actions")
    for rev in report.revised:
        click.echo(f"revised: {rev.path} is version {rev.version}, replacing {rev.replaces}: {rev.summary}")
    _echo_notices(report.notices)
    if report.links:
        review = report.links.get("review", 0)
        click.echo(f"linked: {report.links.get('threads', 0)} action threads, {review} links to review"
                   + (" (see them with `minutetrail review`; settle each with `minutetrail link confirm|reject A B`)" if review else ""))
    elif not report.inserted:
        click.echo("nothing changed")
    for change in report.changes:
        since = f"since {change['previous']}" if change["previous"] else "(first meeting with actions)"
        parts = [f"{len(change.get(k, []))} {label}" for k, label in (
            ("new", "new"), ("completed", "completed"), ("became_overdue", "became overdue"), ("slipped", "slipped"),
            ("dropped", "dropped from the log"))]
        click.echo(f"{change['committee']} {change['meeting_date']} {since}: {', '.join(parts)}")
    if report.changes:
        click.echo("(each item: `minutetrail changes --committee C --at D`)")
    return 1 if report.failed else 0


@contextmanager
def _progress(total: int) -> Iterator[Callable[[str], None]]:
    """Ingest progress naming each file as it is done: a bar on a terminal, else one plain line per file."""
    if sys.stderr.isatty():
        with click.progressbar(length=total, label="ingesting", file=sys.stderr, show_pos=True,
                               item_show_func=lambda name: name) as bar:
            yield lambda name: bar.update(1, name)
        return
    done = [0]

    def line(name: str) -> None:
        done[0] += 1
        click.echo(f"[{done[0]}/{total}] {name}", err=True)

    yield line


NOTICES_PER_FILE = 5


def _echo_notices(notices: Sequence[Notice]) -> None:
    """What each stored file's record says could not be read, a few lines per file."""
    by_file: dict[str, list[Notice]] = {}
    for n in notices:
        by_file.setdefault(n.path, []).append(n)
    for path, found in by_file.items():
        for n in found[:NOTICES_PER_FILE]:
            where = f" page {n.page}" if n.page is not None else ""
            message = n.message.removeprefix(f"page {n.page}: ")  # the page is said once
            click.echo(f"warning: {path}{where}: {message}")
        if len(found) > NOTICES_PER_FILE:
            click.echo(f"warning: {path}: {len(found) - NOTICES_PER_FILE} more (`minutetrail parse {path}` lists them all)")


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--jobs", type=click.IntRange(1, MAX_JOBS), default=None, help="Parallel parse workers (default: up to 2).")
@click.option("--cluster", default=None, metavar="tcp://HOST:8786|local:N",
              help="Parse on a Dask cluster (a scheduler's address, or local:N worker processes started here); "
                   "needs the [dist] extra. Workers must see the files; on PostgreSQL they relink committees too.")
@ocr_option
@click.pass_context
def ingest_cmd(ctx: click.Context, paths: tuple[str, ...], jobs: int | None, cluster: str | None, ocr: str) -> None:
    """Ingest PDF files or folders of PDFs; files already ingested are skipped."""
    ctx.exit(_ingest(ctx, paths, jobs, ocr, cluster))


@cli.command("parse")
@click.argument("file", type=click.Path())
@click.option("--json", "as_json", is_flag=True, default=True, help="Print the extraction record as JSON (the default).")
@ocr_option
def parse_cmd(file: str, as_json: bool, ocr: str) -> None:
    """Print the extraction record of one PDF (FORMAT.md) without touching the database."""
    from minutetrail.extraction import parse_file
    from minutetrail.parsers.record import record_to_dict

    try:
        record = parse_file(file, ocr=ocr)
    except MinutetrailError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(record_to_dict(record), indent=2, ensure_ascii=False))


@cli.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--verbose", "-v", is_flag=True, help="List each file's misses, spurious items and field errors.")
@click.option("--min-f1", type=float, default=None, help="Exit 1 if any category's F1 is below this.")
@format_options
def eval_cmd(gold: tuple[str, ...], verbose: bool, min_f1: float | None, out: Shape) -> None:
    """Score `parse` against gold records (files, or folders searched for them): P/R/F1 per category, accuracy per action field."""
    from minutetrail.evaluate import evaluate_files, gold_files, score_rows
    from minutetrail.extraction import parse_file
    from minutetrail.parsers.record import record_to_dict

    paths = gold_files([Path(g) for g in gold])
    if not paths:
        raise click.UsageError(f"no gold records (JSON with a source file) in {', '.join(gold)}")
    results = evaluate_files(paths, lambda p: record_to_dict(parse_file(p)))
    rows, field_rows = score_rows(results)
    if out.fmt in ("json", "jsonl"):
        payload = {"files": len(results), "categories": rows, "fields": field_rows,
                   "per_file": [{"gold": r.gold_path, "error": r.error, "misses": r.misses, "spurious": r.spurious,
                                 "field_errors": r.field_errors, "meeting": r.meeting_ok} for r in results] if verbose else None}
        click.echo(out.render([], [], payload=payload))
    else:
        click.echo(f"{len(results)} gold files")
        click.echo(out.render(rows, ["category", "tp", "fp", "fn", "precision", "recall", "f1"]))
        click.echo("")
        click.echo(out.render(field_rows, ["field", "correct", "total", "accuracy"]))
        if verbose:
            for r in results:
                click.echo(f"\n== {r.gold_path}" + (f"  ERROR {r.error}" if r.error else ""))
                for m in r.misses:
                    click.echo(f"  miss      {m}")
                for m in r.spurious:
                    click.echo(f"  spurious  {m}")
                for m in r.field_errors:
                    click.echo(f"  field     {m}")
    if min_f1 is not None:
        low = [r["category"] for r in rows if (r["tp"] + r["fp"] + r["fn"]) and r["f1"] < min_f1]
        if low:
            click.echo(f"below --min-f1 {min_f1}: {', '.join(low)}", err=True)
            sys.exit(1)
