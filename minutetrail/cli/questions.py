"""The questions: overdue, actions, history, changes, recurring, search, and the demo that asks them."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from minutetrail.cli.base import DEMO_DB, ID, SAMPLES, _checked, _with_session, as_of_option, cli, format_options
from minutetrail.cli.ingest import _ingest
from minutetrail.config import database_url
from minutetrail.output import Shape, terminal_width


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
