"""Action-table layout classes of round 3 of the unseen-layouts sweep (bench/unseen_tables.py, held-out-2 opened
for development), each on a minimal table of hand-made words; text invented."""
from __future__ import annotations

from minutetrail.models import ActionStatus, DocKind, Fill, PageData, Rule
from minutetrail.parsers.actions import rows_to_actions
from minutetrail.parsers.tables import pages_to_tables

from tests.parsers.test_tables_unseen_round2 import _actions
from tests.parsers.test_tables_unseen import _cell, _row  # the same hand-made words
LEFT, RIGHT = 40.0, 560.0


def _frame(top: float, header_bottom: float, bottom: float, xs: tuple[float, ...] = ()) -> tuple[Rule, ...]:
    """An outer box with the header underlined, and (``xs``) column lines from top to bottom: no rules between rows."""
    rules = [Rule(LEFT, top, RIGHT, top + 0.5), Rule(LEFT, header_bottom, RIGHT, header_bottom + 0.5), Rule(LEFT, bottom, RIGHT, bottom + 0.5)]
    rules += [Rule(x, top, x + 0.5, bottom) for x in (LEFT, RIGHT, *xs)]
    return tuple(rules)


def _framed(keys: list[str], cols: dict[str, float], header: dict[str, str], xs: tuple[float, ...]) -> list:  # type: ignore[type-arg]
    words = _row(100, cols, header, bold=True)
    y = 118.0
    for i, key in enumerate(keys):
        first = {k: v for k, v in {"Key": key, "Action": "Review the parking permit charges for", "Owner": "Head of",
                                   "Due": "07/09/2025", "Status": "Open"}.items() if k in cols}
        words += _row(y, cols, first)
        words += _row(y + 10, cols, {"Action": f"the town centre car parks, area {i + 1}", "Owner": "Housing"})
        y += 26
    return _actions(words, _frame(96, 112, y + 4, xs))


def test_a_table_ruled_only_by_its_outer_box_starts_a_row_at_each_dotted_or_spaced_reference():
    cols = {"Key": 44, "Action": 110, "Owner": 330, "Due": 420, "Status": 490}
    header = {"Key": "Ref", "Action": "Action", "Owner": "Owner", "Due": "Due", "Status": "Status"}
    for keys in (["A.1", "A.2", "A.3", "A.4"], ["AL 001", "AL 002", "AL 003", "AL 004"]):
        rows = _framed(keys, cols, header, ())
        assert [r.number for r in rows] == keys
        assert [r.text for r in rows] == [f"Review the parking permit charges for the town centre car parks, area {i}" for i in range(1, 5)]
        assert {r.owner for r in rows} == {"Head of Housing"}


def test_a_table_ruled_only_by_its_column_lines_starts_a_row_at_each_meeting_date_in_words():
    cols = {"Key": 44, "Action": 130, "Owner": 330, "Due": 420, "Status": 490}
    header = {"Key": "Meeting date", "Action": "Action", "Owner": "Owner", "Due": "Due", "Status": "Status"}
    keys = ["November 18, 2024", "18-Nov-2024", "December 2, 2024", "02-Dec-2024"]
    rows = _framed(keys, cols, header, (126.0, 326.0, 416.0, 486.0))
    assert [r.meeting_date for r in rows] == ["2024-11-18", "2024-11-18", "2024-12-02", "2024-12-02"]
    assert [r.status for r in rows] == [ActionStatus.OPEN] * 4
    assert {r.owner for r in rows} == {"Head of Housing"}


def test_actioned_is_completed_and_work_carried_forward_or_awaiting_update_is_open():
    # the house vocabulary (status.py): Actioned reports the work done; Carried forward (moved to a later period) and
    # Awaiting update (no position reported) are still owed: open
    from minutetrail.parsers.status import parse_status

    assert parse_status("Actioned") == ActionStatus.COMPLETED
    assert parse_status("Carried forward") == ActionStatus.OPEN
    assert parse_status("CARRIED OVER") == ActionStatus.OPEN
    assert parse_status("Awaiting update") == ActionStatus.OPEN
    assert parse_status("Awaiting figures from finance") is None


def test_headers_councils_print_for_status_rating_and_responses_name_their_columns():
    # "Action status" is the status, not the action text (here headed "Details", a word that names no field); "Traffic light" / "R/A/G" rate; "Management response" reports
    cols = {"Ref": 40, "Action": 70, "Owner": 260, "Status": 330, "Rag": 400, "Progress": 450}
    header = {"Ref": "Ref", "Action": "Details", "Owner": "Staff lead", "Status": "Action status", "Rag": "R/A/G", "Progress": "Management response"}
    words = _row(100, cols, header, bold=True)
    y = 118.0
    for i in range(1, 4):
        words += _row(y, cols, {"Ref": str(i), "Action": "Review the parking permit charges", "Owner": "Clerk", "Status": "Underway",
                                "Rag": "G", "Progress": "Report due in March"})
        y += 16
    rows = _actions(words, (Rule(LEFT, 112, RIGHT, 112.5),))
    assert [r.text for r in rows] == ["Review the parking permit charges"] * 3
    assert [r.status for r in rows] == [ActionStatus.IN_PROGRESS] * 3
    assert {r.owner for r in rows} == {"Clerk"}
    assert {r.progress for r in rows} == {"Report due in March"}


def test_rows_keyed_by_the_action_text_in_a_table_ruled_by_column_lines_open_where_the_due_column_fills():
    # no reference and no meeting date; column lines and a rule under each group heading, none between rows; cells of bullets
    cols = {"Action": 44, "Due": 300, "Owner": 390, "Rag": 480}
    xs = (296.0, 386.0, 476.0)
    words = _row(100, cols, {"Action": "Action point", "Due": "Due by", "Owner": "Officer", "Rag": "RAG"}, bold=True)
    rules = list(_frame(96, 112, 0, xs))[:2]
    y, n, top = 116.0, 0, 96.0
    for heading in ("HOUSING", "FINANCE"):
        words += _cell(46, y, heading, bold=True)  # a merged cell across the table: no column lines through it
        rules += [Rule(LEFT, y + 12, RIGHT, y + 12.5)] + [Rule(x, top, x + 0.5, y - 4) for x in xs]
        y += 16
        top = y - 4
        for _ in range(3):
            n += 1
            words += _row(y, cols, {"Action": f"• Review the parking permit charges {n}", "Due": "07-Sep-2025", "Owner": "Ms Okafor", "Rag": "G"})
            words += _row(y + 10, cols, {"Action": "for the town centre car parks"})
            words += _row(y + 20, cols, {"Action": "• Write to the traders"})
            y += 34
    rules += [Rule(LEFT, y, RIGHT, y + 0.5)] + [Rule(x, 96, x + 0.5, y) for x in (LEFT, RIGHT)] + [Rule(x, top, x + 0.5, y) for x in xs]
    rows = _actions(words, tuple(rules))
    assert len(rows) == 6
    assert [r.text for r in rows] == [f"Review the parking permit charges {i} for the town centre car parks Write to the traders" for i in range(1, 7)]
    assert {r.owner for r in rows} == {"Ms Okafor"}
    assert {r.due for r in rows} == {"2025-09-07"}


def test_a_framed_table_carried_over_pages_without_its_header_keeps_its_rows_past_a_group_heading():
    # only the frame's sides run down the continuation page (no header, no rules across); a heading in capitals
    # across the columns is the table's group heading, not the end of the table
    from minutetrail.parsers.text import content_lines

    cols = {"Key": 44, "Action": 110, "Owner": 330, "Due": 420, "Status": 490}
    words = _row(100, cols, {"Key": "Ref", "Action": "Action", "Owner": "Owner", "Due": "Due", "Status": "Status"}, bold=True)
    y = 118.0
    for i in (1, 2):
        words += _row(y, cols, {"Key": f"A.{i}", "Action": "Review the parking permit charges", "Owner": "Clerk", "Due": "07/09/2025",
                                "Status": "Open"})
        y += 16
    first = PageData(1, 595, 842, tuple(words + _cell(44, 820, "Page 1")), _frame(96, 112, y), ())
    words, y = [], 60.0
    for i in (3, 4, 5, 6):
        if i == 5:
            words += _cell(44, y, "FINANCE AND RESOURCES", bold=True)
            y += 20
        words += _row(y, cols, {"Key": f"A.{i}", "Action": "Review the parking permit charges", "Owner": "Clerk", "Due": "07/09/2025",
                                "Status": "Open"})
        y += 16
    second = PageData(2, 595, 842, tuple(words + _cell(44, 820, "Page 2")), (Rule(LEFT, 56, LEFT + 0.5, y), Rule(RIGHT, 56, RIGHT + 0.5, y)), ())
    tables = pages_to_tables([first, second], content_lines([first, second]))
    rows = [r for t in tables for r in rows_to_actions(t, DocKind.ACTION_LOG, 2025)[0]]
    assert [r.number for r in rows] == [f"A.{i}" for i in range(1, 7)]
    assert {r.owner for r in rows} == {"Clerk"}


def test_traffic_light_dots_rate_their_rows_without_drawing_cells():
    # RAG shown as a coloured dot beside nothing: the dot's colour rates the row; the dots draw no grid of their own
    from minutetrail.models import Rag

    cols = {"Ref": 40, "Action": 70, "Owner": 300, "Due": 400, "Rag": 480}
    words = _row(100, cols, {"Ref": "Ref", "Action": "Action", "Owner": "Owner", "Due": "Due", "Rag": "RAG"}, bold=True)
    fills, y = [], 118.0
    colours = [(0.75, 0.0, 0.0), (1.0, 0.6, 0.0), (0.57, 0.82, 0.31)]
    for i, rgb in enumerate(colours, start=1):
        words += _row(y, cols, {"Ref": str(i), "Action": "Review the parking permit charges", "Owner": "Clerk", "Due": "07/09/2025"})
        fills.append(Fill(482, y, 490, y + 8, rgb, dot=True))
        y += 16
    rows = _actions(words, (Rule(LEFT, 112, RIGHT, 112.5),), tuple(fills))
    assert [r.number for r in rows] == ["1", "2", "3"]
    assert [r.rag for r in rows] == [Rag.RED, Rag.AMBER, Rag.GREEN]
    assert [r.status for r in rows] == [ActionStatus.AT_RISK, ActionStatus.AT_RISK, ActionStatus.IN_PROGRESS]
