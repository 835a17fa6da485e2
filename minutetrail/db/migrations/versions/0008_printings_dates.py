"""the printings view names its two dates as every command does: meeting_date and printed_in

`meeting_date` is the meeting a printing belongs to (for minutes content, the meeting minuted: the
observation's raised_date) and `printed_in` the meeting whose pack printed it; 0007 gave the pack's
date as `meeting_date`. The question views read `printings`, so all of them are dropped and created
again around the new definition (their own SQL is 0007's).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""
import importlib.util
from pathlib import Path


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _views_0007():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("views_0007", Path(__file__).with_name("0007_question_views.py"))
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


OLD_DATE = "c.name AS committee, m.date AS meeting_date,"
NEW_DATES = ("c.name AS committee, CASE WHEN o.source IN ('minutes', 'minutes_recommendation') AND o.raised_date IS NOT NULL "
             "THEN o.raised_date ELSE m.date END AS meeting_date, m.date AS printed_in,")


def _recreate(printings: str) -> None:
    v = _views_0007()
    v.drop_views()
    v.PRINTINGS = printings
    v.create_views()


def upgrade() -> None:
    v = _views_0007()
    assert OLD_DATE in v.PRINTINGS
    _recreate(v.PRINTINGS.replace(OLD_DATE, NEW_DATES))


def downgrade() -> None:
    _recreate(_views_0007().PRINTINGS)
