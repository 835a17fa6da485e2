"""The command line: one click group of verbs. Thin: options in, pipeline/queries called, output out.

The group and its shared options live in base; the verbs in ingest (reading PDFs), questions (asking the
database) and outputs (what leaves it). Only this package imports click.
"""
from __future__ import annotations

import sys

import click

from minutetrail.cli import ingest, outputs, questions  # noqa: F401  (each module registers its commands)
from minutetrail.cli.base import _db_on_every_command, cli
from minutetrail.errors import ExtractionError

_db_on_every_command(cli)

__all__ = ["cli", "main"]


def main() -> None:
    try:
        cli(obj={})
    except ExtractionError as exc:  # pragma: no cover - commands translate their own errors
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
