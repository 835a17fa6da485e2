"""The click group and what its commands share: the database, its sessions, output options, user errors."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any

import click

from minutetrail import __version__
from minutetrail.config import DB_ENV, database_url
from minutetrail.errors import MinutetrailError, NoMatch
from minutetrail.models import OcrMode
from minutetrail.output import FORMATS, ColumnError, Shape, terminal_width


SAMPLES = Path(__file__).resolve().parents[2] / "samples"
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
