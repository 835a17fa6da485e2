"""The command line: one click group of verbs. Thin: options in, pipeline/queries called, output out."""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from minutetrail import __version__
from minutetrail.config import DB_ENV, database_url
from minutetrail.errors import ExtractionError, MinutetrailError, NoMatch
from minutetrail.models import OcrMode
from minutetrail.output import FORMATS, ColumnError, Shape, terminal_width

if TYPE_CHECKING:
    from minutetrail.pipeline import Notice

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DEMO_DB = "minutetrail-demo.db"


def format_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--format table|csv|tsv|json|jsonl, --json, --columns, --width and --no-headers, shared by every command
    that prints records; the command receives ``out``, a Shape."""
    fn = click.option("--no-headers", is_flag=True, help="Leave out the header row (table, csv, tsv).")(fn)
    fn = click.option("--width", type=click.IntRange(0, 10_000), default=None,
                      help="Table width in characters (default: $COLUMNS or the terminal's; 0: no limit).")(fn)
    fn = click.option("--columns", default=None, metavar="A,B,...",
                      help="Only these columns, in this order (any field of the rows; see --format json).")(fn)
    fn = click.option("--json", "as_json", is_flag=True, help="Short for --format json.")(fn)
    fn = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                      help="Output format.")(fn)

    @wraps(fn)
    def wrapper(*args: Any, fmt: str, as_json: bool, columns: str | None, width: int | None, no_headers: bool,
                **kwargs: Any) -> Any:
        chosen = tuple(c.strip() for c in columns.split(",") if c.strip()) if columns else None
        source = click.get_current_context().get_parameter_source("fmt")
        explicit = as_json or (source is not None and source.name != "DEFAULT")
        shape = Shape("json" if as_json else fmt, chosen, terminal_width(width), not no_headers, explicit)
        try:
            return fn(*args, out=shape, **kwargs)
        except ColumnError as exc:
            raise UserError(f"--columns: {exc}") from exc

    return wrapper


def as_of_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
                        help="Answer as it stood on this date (YYYY-MM-DD); default today.")(fn)


MAX_ID = 2**63 - 1  # ids are 64-bit integers on both databases
ID = click.IntRange(1, MAX_ID)  # ids, limits and counts: a positive 64-bit integer
MAX_JOBS = 64  # parse workers: more would only fork processes that wait for the 2 cores


class UserError(click.ClickException):
    """A mistake in what the user asked (a database that is not there, a folder that does not exist): exit 2."""

    exit_code = 2


def _db(ctx: click.Context, existing: bool = False):  # type: ignore[no-untyped-def]
    """The command's database; ``existing`` (read commands): refuse a URL that holds none, create nothing."""
    from minutetrail.db.session import Database
    from minutetrail.errors import StorageError

    try:
        return Database(ctx.obj["db_url"], existing=existing)
    except StorageError as exc:
        raise UserError(f"{_one_line(exc)} (check --db or ${DB_ENV})") from exc
    except MinutetrailError as exc:
        raise click.ClickException(f"{_one_line(exc)} (check --db or ${DB_ENV})") from exc


def _one_line(exc: BaseException) -> str:
    """A library's message on one line (a driver's may run over several)."""
    return " ".join(str(exc).split())


def _with_session(ctx: click.Context, work: Callable[[Any], Any], write: bool = False) -> Any:
    """Run ``work(session)`` in one transaction on the command's database; library errors become CLI errors
    (a filter that matches nothing is the user's: exit 2)."""
    db = _db(ctx, existing=True)
    try:
        with db.session(write=write) as session:
            return work(session)
    except NoMatch as exc:
        raise UserError(str(exc)) from exc
    except MinutetrailError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        db.close()


def _checked(committee: str | None = None, owner: str | None = None, day: date | None = None) -> Callable[[Any], None]:
    """A check that the --committee and --owner texts match something (db/filters.py), run in the session."""
    def check(session: Any) -> None:
        from minutetrail.db.filters import check_committee, check_owner

        check_committee(session, committee)
        check_owner(session, owner, day or date.today())

    return check


def _out_file(out: str) -> Path:
    """A file to write: its folder must exist and it must not be a folder (one line, exit 2)."""
    path = Path(out)
    if path.is_dir():
        raise UserError(f"--out {out} is a folder: give a file name")
    if not path.parent.is_dir():
        raise UserError(f"--out {out}: folder {path.parent} does not exist")
    return path


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, "utf-8")
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_url", envvar=DB_ENV, default=None,
              help=f"Database URL or SQLite file (env {DB_ENV}); default ./minutetrail.db. "
                   "PostgreSQL: postgresql+psycopg://user@host/dbname")
@click.version_option(__version__, prog_name="minutetrail")
@click.pass_context
def cli(ctx: click.Context, db_url: str | None) -> None:
    """minutetrail: what councils decided, who was asked to do what, by when, and whether it happened."""
    ctx.ensure_object(dict)
    ctx.obj["db_url"] = database_url(db_url)


def ocr_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--ocr auto|always|never, shared by ingest and parse."""
    return click.option("--ocr", type=click.Choice([m.value for m in OcrMode]), default=OcrMode.AUTO.value, show_default=True,
                        help="Read pages by OCR (OCRmyPDF + Tesseract): auto = pages with no text layer (scans), "
                             "always = every page, never = none (scanned pages are refused).")(fn)


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


LISTINGS = ("overdue", "dropped", "printed-not-due", "all")


def _listing_columns(listing: str) -> str:
    """The question (output.QUESTIONS) whose columns a listing prints."""
    return {"overdue": "overdue", "dropped": "dropped", "printed-not-due": "printed_not_due", "all": "overdue_all"}[listing]


def _overdue_rows(ctx: click.Context, day: date, committee: str | None, owner: str | None,
                  listing: str = "overdue") -> list[dict[str, Any]]:
    check = _checked(committee, owner, day)

    def work(session: Any) -> list[dict[str, Any]]:
        check(session)
        from minutetrail.db.queries import overdue_listing

        return overdue_listing(session, day, committee, owner, listing)

    return _with_session(ctx, work)


@cli.command("overdue")
@as_of_option
@click.option("--committee", default=None, help="Only committees whose name contains this text.")
@click.option("--owner", default=None, help="Only owners (person, alias or post held on the date) containing this text.")
@click.option("--group", "group_by", type=click.Choice(["owner", "committee"]), default=None,
              help="Group by owner (person, or post where unresolved) or by committee.")
@click.option("--listing", type=click.Choice(LISTINGS), default="overdue", show_default=True,
              help="Which list: overdue; dropped from the log while past due; printed OVERDUE but not yet due; or all, "
                   "each row marked (a table always shows the other two lists after the overdue one).")
@format_options
@click.pass_context
def overdue_cmd(ctx: click.Context, as_of: Any, committee: str | None, owner: str | None, group_by: str | None,
                listing: str, out: Shape) -> None:
    """Actions overdue as of a date, oldest first, with the evidence (file and page)."""
    from minutetrail.db.queries import group_overdue

    day = as_of.date() if as_of else date.today()
    rows = _overdue_rows(ctx, day, committee, owner, "overdue" if not out.machine else listing)
    if group_by:
        groups = group_overdue(rows, group_by)
        if out.fmt in ("json", "jsonl"):
            click.echo(out.render([], [], payload=groups))
            return
        if out.machine:
            flat = [{"group": g["group"], **r} for g in groups for r in g["items"]]
            click.echo(out.render(flat, "overdue_grouped"))
            return
        for g in groups:
            click.echo(out.say(f"\n{g['group']} — {g['count']} overdue, oldest {g['oldest_days_overdue']} days"))
            click.echo(out.render(g["items"], "overdue_grouped"))
    elif out.machine:
        click.echo(out.render(rows, _listing_columns(listing)))
        return
    else:
        click.echo(out.render(rows, "overdue"))
    if not out.machine:
        apart = _echo_apart(ctx, out, day, committee, owner)
        if any(r["under_review"] for r in [*rows, *apart]):
            click.echo(out.say("\nunder_review: the thread has links waiting for review; a later printing may close it "
                               "(`minutetrail review`)"))
        _warn_past_latest_pack(ctx, day, committee)


def _warn_past_latest_pack(ctx: click.Context, day: date, committee: str | None) -> None:
    """An answer as of a date after the latest pack counts days on past what the papers can say: say so (stderr)."""
    from minutetrail.db.export import database_scope

    latest = _with_session(ctx, lambda s: database_scope(s, committee))["latest_pack"]
    if latest and latest < day.isoformat():
        click.echo(f"note: the latest pack is of {latest}; anything done after it is not known here", err=True)


def _echo_apart(ctx: click.Context, out: Shape, day: date, committee: str | None, owner: str | None) -> list[dict[str, Any]]:
    """After the overdue table: rows the council printed OVERDUE whose due date is still ahead, and threads
    past due that the committee's latest log no longer carries (not counted overdue)."""
    printed = _overdue_rows(ctx, day, committee, None, "printed-not-due")
    if printed:
        click.echo(out.say(f"\nprinted OVERDUE but not yet due as of {day.isoformat()} ({len(printed)}):"))
        click.echo(out.render(printed, "printed_not_due"))
    dropped = _overdue_rows(ctx, day, committee, owner, "dropped")
    if dropped:
        click.echo(out.say(f"\ndropped from the log, not completed, past due as of {day.isoformat()} ({len(dropped)}; "
                           "last printing shown):"))
        click.echo(out.render(dropped, "dropped"))
    return dropped


@cli.command("actions")
@click.option("--committee", default=None, help="Only committees whose name contains this text.")
@click.option("--status", default=None, type=click.Choice(["not_started", "open", "in_progress", "completed", "overdue", "at_risk", "cancelled"]),
              help="Only threads whose latest status is this.")
@click.option("--kind", type=click.Choice(["action", "recommendation", "all"]), default="action", show_default=True,
              help="Actions, recommendations (minutes recommendations followed into trackers), or both.")
@click.option("--limit", type=ID, default=None, help="At most this many threads (the first by id).")
@format_options
@click.pass_context
def actions_cmd(ctx: click.Context, committee: str | None, status: str | None, kind: str, limit: int | None, out: Shape) -> None:
    """Action threads: each action followed across meetings."""
    from minutetrail.db.queries import action_threads

    check = _checked(committee)

    def work(session: Any) -> list[dict[str, Any]]:
        check(session)
        return action_threads(session, committee, status, None if kind == "all" else kind, limit=limit)

    click.echo(out.render(_with_session(ctx, work), "actions"))


@cli.command("history")
@click.argument("action_id", type=ID)
@format_options
@click.pass_context
def history_cmd(ctx: click.Context, action_id: int, out: Shape) -> None:
    """The timeline of one action thread across meetings: each printing with the date of the meeting it
    belongs to (meeting_date) and of the pack it was printed in (printed_in)."""
    from minutetrail.db.queries import thread_history

    thread = _with_session(ctx, lambda session: thread_history(session, action_id))
    if thread is None:
        raise click.ClickException(f"no action thread {action_id} (list them with `minutetrail actions`)")
    if not out.machine:
        if thread.get("merged_from"):
            click.echo(out.say(f"action {thread['merged_from']} was merged into action {thread['id']}"))
        click.echo(out.say(f"action {thread['id']} · {thread['committee']} · owner {thread['owner_person'] or thread['owner'] or '-'} "
                           f"· status {thread['status'] or '-'}"))
    click.echo(out.render(thread["observations"], "history", payload=thread))


@cli.command("changes")
@click.option("--committee", default=None, help="Only committees whose name contains this text.")
@click.option("--at", "at", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The committee's latest meeting on or before this date (default: its latest).")
@format_options
@click.pass_context
def changes_cmd(ctx: click.Context, committee: str | None, at: Any, out: Shape) -> None:
    """What changed at a committee's meeting, item by item: new actions, completed, became overdue, due date
    slipped, dropped from the log (past due, no longer carried)."""
    from minutetrail.db.changes import change_rows

    check = _checked(committee)

    def work(session: Any) -> list[dict[str, Any]]:
        check(session)
        return change_rows(session, committee, at.date() if at else None)

    rows = _with_session(ctx, work)
    if out.machine or not rows:
        click.echo(out.render(rows, "changes"))
        return
    meetings: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        meetings.setdefault((r["committee"], r["meeting_date"]), []).append(r)
    for (name, day), items in meetings.items():
        since = f"since {items[0]['previous']}" if items[0]["previous"] else "(first meeting with actions)"
        click.echo(out.say(f"\n{name} {day} {since}: {len(items)} change{'s' if len(items) != 1 else ''}"))
        click.echo(out.render(items, "changes"))


@cli.command("recurring")
@click.option("--kind", type=click.Choice(["topics", "actions", "recommendations"]), default="topics", show_default=True,
              help="Agenda topics that come back, actions carried forward, or recommendations made again.")
@click.option("--min-meetings", type=ID, default=None, help="At least this many meetings (default 2; actions 3).")
@click.option("--committee", default=None, help="Only committees whose name contains this text.")
@format_options
@click.pass_context
def recurring_cmd(ctx: click.Context, kind: str, min_meetings: int | None, committee: str | None, out: Shape) -> None:
    """What comes back: recurring agenda topics (standing items apart), long-carried actions, repeated recommendations."""
    from minutetrail.db.recurring import carried_actions, recurring_topics, repeated_recommendations

    query = {"topics": (recurring_topics, 2), "actions": (carried_actions, 3), "recommendations": (repeated_recommendations, 2)}
    fn, floor = query[kind]
    check = _checked(committee)

    def work(session: Any) -> list[dict[str, Any]]:
        check(session)
        return fn(session, committee, min_meetings or floor)  # type: ignore[operator]

    click.echo(out.render(_with_session(ctx, work), f"recurring_{kind}"))


EXPORT_QUERIES = ("overdue", "dropped", "printed-not-due", "changes", "actions", "people", "review")


@cli.command("export")
@click.argument("what")
@click.option("--out", "out_path", type=click.Path(), default=None,
              help="File to write (default: standard output; its suffix .csv/.tsv/.json/.jsonl sets the format); "
                   "for `records`, a folder for one JSON per meeting.")
@as_of_option
@format_options
@click.pass_context
def export_cmd(ctx: click.Context, what: str, out_path: str | None, as_of: Any, out: Shape) -> None:
    """Export a table (documents, action_observations, ...), a query (overdue, dropped, printed-not-due, changes,
    actions, people, review: the columns its own command prints) in any --format, or `records`: the whole
    database as one extraction record per meeting, in a folder."""
    from minutetrail.db.export import TABLES, table_rows

    if what == "records":
        _export_records(ctx, out_path)
        return
    target = _out_file(out_path) if out_path else None
    shape = out.for_file(target)
    day = as_of.date() if as_of else date.today()
    if what in ("overdue", "dropped", "printed-not-due"):
        columns: str | list[str] = _listing_columns(what)
        from minutetrail.db.queries import overdue_listing

        rows = _with_session(ctx, lambda s: overdue_listing(s, day, None, None, what))
    elif what in EXPORT_QUERIES:
        from minutetrail.db.changes import change_rows
        from minutetrail.db.people import list_people
        from minutetrail.db.queries import action_threads, review_queue

        queries: dict[str, Callable[[Any], list[dict[str, Any]]]] = {
            "changes": lambda s: change_rows(s, None, as_of.date() if as_of else None), "actions": action_threads,
            "people": list_people, "review": review_queue}
        rows, columns = _with_session(ctx, queries[what]), what
    elif what in TABLES:
        rows = _with_session(ctx, lambda s: table_rows(s, what))
        columns = list(rows[0]) if rows else [c.key for c in TABLES[what].__table__.columns]
    else:
        raise click.ClickException(f"nothing called {what!r} to export: try records, {', '.join(EXPORT_QUERIES)} or a table: {', '.join(sorted(TABLES))}")
    text = shape.render(rows, columns)
    if target is not None:
        _write(target, text + "\n")
        click.echo(f"{len(rows)} rows written to {out_path} ({shape.fmt})")
    else:
        click.echo(text)


def _export_records(ctx: click.Context, out: str | None) -> None:
    from minutetrail.db.export import meeting_records

    records = _with_session(ctx, meeting_records)
    folder = Path(out or "records")
    if folder.exists() and not folder.is_dir():
        raise UserError(f"--out {folder} is a file: `export records` writes a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create folder {folder}: {exc.strerror or exc}") from exc
    for rec in records:
        m = rec["meeting"]
        name = f"{m['date'] or 'undated'}-{re.sub(r'[^a-z0-9]+', '-', (m['committee'] or 'unknown').lower()).strip('-')}.json"
        (folder / name).write_text(json.dumps(rec, indent=2, ensure_ascii=False) + "\n", "utf-8")
    click.echo(f"{len(records)} meeting records written to {folder}")


@cli.command("search")
@click.argument("query")
@click.option("--committee", default=None, help="Only committees whose name contains this text.")
@click.option("--from", "date_from", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Meetings on or after this date (the meeting an entry belongs to: minutes, the meeting minuted).")
@click.option("--to", "date_to", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Meetings on or before this date.")
@click.option("--kind", type=click.Choice(["agenda_item", "minute_item", "decision", "recommendation", "action"]), default=None,
              help="Only this kind of entry.")
@click.option("--limit", type=ID, default=50, show_default=True, help="At most this many results.")
@format_options
@click.pass_context
def search_cmd(ctx: click.Context, query: str, committee: str | None, date_from: Any, date_to: Any, kind: str | None,
               limit: int, out: Shape) -> None:
    """Full-text search over agenda items, minutes, decisions, recommendations and actions, best first; an
    action's hit carries its thread id (for `history`)."""
    from minutetrail.db.search import search

    check = _checked(committee)

    def work(session: Any) -> list[dict[str, Any]]:
        check(session)
        return search(session, query, committee, date_from.date() if date_from else None,
                      date_to.date() if date_to else None, kind, limit)

    click.echo(out.render(_with_session(ctx, work), "search"))


@cli.command("report")
@as_of_option
@click.option("--out", "out", type=click.Path(), required=True, help="The HTML file to write.")
@click.option("--committee", default=None, help="Only committees whose name contains this text.")
@click.pass_context
def report_cmd(ctx: click.Context, as_of: Any, out: str, committee: str | None) -> None:
    """A self-contained HTML audit report: overdue by owner and committee, ageing, slippage, silent closures,
    and for every item its evidence (file, page) with an image of the source row; it states its scope."""
    from minutetrail.audit import render_report
    from minutetrail.db.export import database_scope
    from minutetrail.db.queries import closed_without_progress, overdue, printed_overdue_not_due
    from minutetrail.extract.crops import crop_png

    target = _out_file(out)
    day = as_of.date() if as_of else date.today()
    check = _checked(committee)

    def work(s: Any) -> tuple[Any, ...]:
        check(s)
        return (overdue(s, day, committee), overdue(s, day, committee, dropped=True), closed_without_progress(s, day),
                printed_overdue_not_due(s, day, committee), database_scope(s, committee))

    rows, dropped, closed, printed, scope = _with_session(ctx, work)
    scope = {"database": _shown_url(ctx.obj["db_url"]), "version": __version__, "as_of": day.isoformat(), **scope}

    def crop(row: dict[str, Any]) -> bytes | None:
        return crop_png(row["source_file"], row["page"], tuple(row["bbox"]), row.get("header_bbox")) if row.get("bbox") else None  # type: ignore[arg-type]

    _write(target, render_report(day, rows, closed, crop, dropped, printed=printed, scope=scope))
    click.echo(f"{len(rows)} overdue actions as of {day.isoformat()} written to {out}")
    if scope.get("latest_pack") and scope["latest_pack"] < day.isoformat():
        click.echo(f"note: the latest pack is of {scope['latest_pack']}; anything done after it is not known here", err=True)


def _shown_url(url: str) -> str:
    """The database URL as a report may print it: no password."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


@cli.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--open/--no-open", "open_browser", default=None,
              help="Open a web browser on it (default: when run from a terminal).")
@click.pass_context
def serve_cmd(ctx: click.Context, port: int, host: str, open_browser: bool | None) -> None:
    """Browse the database in Datasette, read-only: the views and canned queries that ask the questions
    (overdue as of any date), full-text search, and each observation's evidence (the PDF page and the row)."""
    import socket

    from minutetrail.db.session import sqlite_path

    path = sqlite_path(ctx.obj["db_url"])
    if path is None:
        raise UserError("serve needs a SQLite database; on PostgreSQL the same views (threads_current, "
                        "overdue_today, thread_history, ...) are in the schema: open it in any SQL client")
    _db(ctx, existing=True).close()  # a minutetrail database, at the newest migration (its views)
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc} (choose another --port or --host)") from exc
    try:
        from minutetrail.browse.serve import serve
    except ImportError as exc:
        raise UserError(f"serve needs Datasette: pip install 'minutetrail[browse]' ({exc})") from exc
    serve(path, host, port, sys.stdout.isatty() if open_browser is None else open_browser, announce=click.echo)


@cli.command("review")
@format_options
@click.pass_context
def review_cmd(ctx: click.Context, out: Shape) -> None:
    """Links the matcher was unsure of, both texts side by side with their thread ids (for `history`) and
    observation ids (for `link confirm/reject`)."""
    from minutetrail.db.queries import review_queue

    click.echo(out.render(_with_session(ctx, review_queue), "review"))


@cli.group("link")
def link_group() -> None:
    """Record human judgements on links; they win over automatic ones and survive re-ingest."""


def _judge(ctx: click.Context, a: int, b: int, verdict: str, who: str) -> None:
    from minutetrail.db.linking import judge, relink
    from minutetrail.models import Judgement

    if a == b:
        raise click.UsageError(f"an observation is always the same action as itself: give two different ids, not {a} twice")

    def work(session: Any) -> None:
        relink(session, judge(session, a, b, Judgement(verdict), who))

    _with_session(ctx, work, write=True)
    click.echo(f"{verdict}: observations {a} and {b}")


@link_group.command("confirm")
@click.argument("a", type=ID)
@click.argument("b", type=ID)
@click.option("--by", "who", default="reviewer", show_default=True, help="Who decided.")
@click.pass_context
def link_confirm(ctx: click.Context, a: int, b: int, who: str) -> None:
    """Observations A and B are the same action."""
    _judge(ctx.find_root(), a, b, "confirmed", who)


@link_group.command("reject")
@click.argument("a", type=ID)
@click.argument("b", type=ID)
@click.option("--by", "who", default="reviewer", show_default=True, help="Who decided.")
@click.pass_context
def link_reject(ctx: click.Context, a: int, b: int, who: str) -> None:
    """Observations A and B are different actions."""
    _judge(ctx.find_root(), a, b, "rejected", who)


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


@cli.command("people")
@format_options
@click.pass_context
def people_cmd(ctx: click.Context, out: Shape) -> None:
    """People: printed forms (aliases), posts held with dates, and the evidence for each (--json)."""
    from minutetrail.db.people import list_people

    rows = _with_session(ctx, lambda session: list_people(session))
    click.echo(out.render(rows, "people"))


@cli.command("documents")
@click.option("--unread", is_flag=True, help="List what each document's extraction could not read, by page, instead.")
@format_options
@click.pass_context
def documents_cmd(ctx: click.Context, unread: bool, out: Shape) -> None:
    """Documents ingested, with their versions (a revised paper supersedes its earlier printing), how many
    things each could not read (`--unread` lists them), and failures."""
    from minutetrail.db.export import document_versions, document_warnings

    if unread:
        click.echo(out.render(_with_session(ctx, document_warnings), "unread"))
        return
    rows = _with_session(ctx, document_versions)
    click.echo(out.render(rows, "documents"))


@cli.command("demo")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Overdue as of this date (default: the day after the last sample meeting).")
@click.pass_context
def demo_cmd(ctx: click.Context, as_of: Any) -> None:
    """Ingest samples/ into a fresh database and print the overdue report and the action threads."""
    root = ctx.find_root()
    explicit = root.params.get("db_url") or root.obj.get("db_given")
    if not explicit:
        path = Path(DEMO_DB)
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        root.obj["db_url"] = database_url(str(path))
    if not SAMPLES.is_dir():
        raise click.ClickException(f"samples folder not found at {SAMPLES}")
    click.echo(f"database: {root.obj['db_url']}")
    click.echo(f"ingesting {SAMPLES}")
    _ingest(root, (str(SAMPLES),), None)
    from minutetrail.db.queries import action_threads
    threads = _with_session(root, action_threads)
    last = max((o["meeting_date"] for t in threads for o in t["observations"] if o["meeting_date"]), default=None)
    day = as_of.date() if as_of else (date.fromisoformat(last) if last else date.today())
    width = terminal_width() or 100
    click.echo("\n" + f" Overdue as of {day.isoformat()} ".center(min(width, 100), "="))
    shape = Shape(width=terminal_width())
    click.echo(shape.render(_overdue_rows(root, day, None, None), "overdue"))
    _echo_apart(root, shape, day, None, None)
    click.echo("\n" + " Action threads ".center(min(width, 100), "="))
    click.echo(shape.render(threads, "actions"))


def _db_here(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """--db given after the subcommand: the same as before it."""
    if value is not None:
        root = ctx.find_root()
        root.ensure_object(dict)
        root.obj["db_url"] = database_url(value)
        root.obj["db_given"] = True


def _db_on_every_command(group: click.Group) -> None:
    """Every subcommand takes --db too (``minutetrail overdue --db x.db`` as well as ``minutetrail --db x.db overdue``)."""
    for cmd in group.commands.values():
        if isinstance(cmd, click.Group):
            _db_on_every_command(cmd)
        elif not any(p.name == "db_url" for p in cmd.params):
            cmd.params.append(click.Option(["--db", "db_url"], expose_value=False, callback=_db_here, is_eager=True,
                                           help=f"Database URL or SQLite file (as before the command; env {DB_ENV})."))


_db_on_every_command(cli)


def main() -> None:
    try:
        cli(obj={})
    except ExtractionError as exc:  # pragma: no cover - commands translate their own errors
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
