"""What leaves the database: export, the report, serve, people, documents, and the review of links."""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from minutetrail import __version__
from minutetrail.cli.base import (
    ID, UserError, _checked, _db, _out_file, _with_session, _write, as_of_option, cli, format_options,
)
from minutetrail.cli.questions import _listing_columns
from minutetrail.output import Shape


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
