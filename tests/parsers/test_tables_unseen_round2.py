"""Action-table layout classes of round 2 of the unseen-layouts sweep (bench/unseen_tables.py, the old
held-out half opened for development), each on a minimal table of hand-made words; text invented."""
from __future__ import annotations

from minutetrail.models import ActionStatus, DocKind, Fill, PageData, Rag, Rule, Word
from minutetrail.parsers.actions import rows_to_actions
from minutetrail.parsers.tables import pages_to_tables
from minutetrail.parsers.text import words_to_lines

from tests.parsers.test_tables_unseen import _cell, _row  # the same hand-made words


def _actions(words: list[Word], rules: tuple[Rule, ...] = (), fills: tuple[Fill, ...] = ()):  # type: ignore[no-untyped-def]
    page = PageData(1, 595, 842, tuple(words), rules, fills)
    tables = pages_to_tables([page], [words_to_lines(page.words)])
    assert len(tables) == 1
    rows, _warnings = rows_to_actions(tables[0], DocKind.ACTION_LOG, 2025)
    return rows


def test_work_deferred_on_hold_or_paused_is_open_and_work_withdrawn_or_superseded_is_cancelled():
    # statuses of work stopped for now (still owed: open) and of work no longer owed (cancelled)
    cols = {"Ref": 40, "Action": 70, "Owner": 300, "Due": 400, "Status": 480}
    words = _row(100, cols, {"Ref": "Ref", "Action": "Action", "Owner": "Owner", "Due": "Due", "Status": "Status"}, bold=True)
    statuses = ["Deferred", "On hold", "Paused", "DEFERRED", "Postponed", "Withdrawn", "Superseded"]
    y = 115.0
    for i, status in enumerate(statuses, start=1):
        words += _row(y, cols, {"Ref": str(i), "Action": "Review the parking permit charges", "Owner": "Clerk", "Due": "07/09/25",
                                "Status": status})
        y += 16
    rows = _actions(words, (Rule(40, 110, 560, 110.5),))
    assert [r.number for r in rows] == [str(i) for i in range(1, 8)]
    assert [r.status for r in rows] == [ActionStatus.OPEN] * 5 + [ActionStatus.CANCELLED] * 2


def _under_header(y: float) -> tuple[Rule, ...]:
    return (Rule(40, y, 560, y + 0.5),)


def _logged_page(number: int, top: float, refs: range, title: bool) -> PageData:
    cols = {"Date": 40, "Ref": 110, "Task": 150, "Action": 400, "Status": 480}
    words = _cell(40, top - 30, "Action Tracker", bold=True) if title else []
    words += _row(top, cols, {"Date": "Date", "Ref": "Ref.", "Task": "Task", "Action": "Action", "Status": "Status"}, bold=True)
    words += _row(top + 10, cols, {"Date": "added", "Action": "by"}, bold=True)
    y = top + 26
    for i in refs:
        words += _row(y, cols, {"Date": "18/12/2024", "Ref": f"{i}.", "Task": "Review the parking permit charges for", "Action": "Clerk",
                                "Status": "Open"})
        words += _row(y + 10, cols, {"Task": "the town centre car parks"})
        y += 26
    return PageData(number, 842, 595, tuple(words), (), ())


def test_a_table_header_repeated_at_the_top_of_each_page_is_not_a_running_head():
    # no rules at all: the header repeated on every page sits where a running head would; it is the table's, not furniture
    from minutetrail.parsers.text import content_lines

    pages = [_logged_page(1, 70, range(1, 7), True), _logged_page(2, 40, range(7, 13), False), _logged_page(3, 40, range(13, 19), False),
             _logged_page(4, 40, range(19, 21), False)]
    tables = pages_to_tables(pages, content_lines(pages))
    rows = [r for t in tables for r in rows_to_actions(t, DocKind.ACTION_LOG, 2025)[0]]
    assert [r.number for r in rows] == [str(i) for i in range(1, 21)]
    assert {r.owner for r in rows} == {"Clerk"}
    assert {r.text for r in rows} == {"Review the parking permit charges for the town centre car parks"}


def test_an_unknown_header_over_the_wrapped_prose_of_an_unruled_table_is_the_action_text():
    # a header on a shaded band names a reference, an owner, a due date and a rating, but heads its action column with
    # a word no vocabulary holds; only the rating cells are coloured, a little apart. The column of running prose is the action
    cols = {"Ref": 40, "Particulars": 80, "Owner": 300, "Due": 400, "RAG": 500}
    words = _row(100, cols, {"Ref": "REF", "Particulars": "PARTICULARS", "Owner": "OWNER", "Due": "DUE", "RAG": "RAG"}, bold=True)
    fills = [Fill(40, 96, 560, 112, (0.85, 0.85, 0.85))]
    y = 118.0
    for i in range(1, 5):
        fills.append(Fill(495, y - 3, 560, y + 21, (1.0, 0.78, 0.81)))
        words += _row(y, cols, {"Ref": f"{i}.", "Particulars": "Write to the bus operator about the", "Owner": "Clerk", "Due": "07/09/25",
                                "RAG": "Red"})
        words += _row(y + 10, cols, {"Particulars": "cancelled evening services on route nine"})
        y += 30
    rows = _actions(words, fills=tuple(fills))
    assert [r.number for r in rows] == ["1", "2", "3", "4"]
    assert {r.text for r in rows} == {"Write to the bus operator about the cancelled evening services on route nine"}
    assert {(r.owner, r.due, r.rag) for r in rows} == {("Clerk", "2025-09-07", Rag.RED)}


def test_one_line_rows_of_an_unruled_table_without_a_reference_column_are_each_a_row():
    # no reference or meeting date to key the rows, no rules between them: each line runs across the columns and
    # the lines stand further apart than a wrapped cell's lines, so each is a row
    cols = {"Action": 40, "Owner": 300, "Due": 400, "Status": 480}
    words = _row(100, cols, {"Action": "ACTION", "Owner": "OWNER", "Due": "DUE", "Status": "STATUS"}, bold=True)
    fills = (Fill(40, 96, 560, 112, (0.85, 0.85, 0.85)),)
    tasks = ["Write to the bus operator", "Publish the tenant survey results", "Arrange a site visit to the depot",
             "Review the parking permit charges", "Circulate the play area inspection report"]
    y = 118.0
    for task in tasks:
        words += _row(y, cols, {"Action": task, "Owner": "PM / SF", "Due": "31 Jul 25", "Status": "Open"})
        y += 20
    rows = _actions(words, fills=fills)
    assert [r.text for r in rows] == tasks
    assert {(r.owner, r.due, r.status) for r in rows} == {("PM / SF", "2025-07-31", ActionStatus.OPEN)}


def test_an_unknown_header_over_a_narrow_column_of_short_wrapped_lines_is_the_action_text():
    # the same class with the prose column narrow: three words a printed line or fewer, not a wide column's five or more
    cols = {"Ref": 40, "Particulars": 80, "Owner": 200, "Notes": 300, "Due": 420, "RAG": 500}
    words = _row(100, cols, {"Ref": "REF", "Particulars": "PARTICULARS", "Owner": "OWNER", "Notes": "NOTES", "Due": "DUE", "RAG": "RAG"},
                 bold=True)
    fills = [Fill(40, 96, 560, 112, (0.85, 0.85, 0.85))]
    y = 118.0
    for i in range(1, 5):
        fills.append(Fill(495, y - 3, 560, y + 31, (1.0, 0.78, 0.81)))
        words += _row(y, cols, {"Ref": f"{i}.", "Particulars": "Bring forward the youth", "Owner": "Head of", "Notes": "Awaiting figures from",
                                "Due": "07/09/25", "RAG": "Red"})
        words += _row(y + 10, cols, {"Particulars": "services consultation", "Owner": "Housing", "Notes": "finance"})
        words += _row(y + 20, cols, {"Particulars": "with the operator"})
        y += 40
    rows = _actions(words, fills=tuple(fills))
    assert [r.number for r in rows] == ["1", "2", "3", "4"]
    assert {r.text for r in rows} == {"Bring forward the youth services consultation with the operator"}
    assert {(r.owner, r.due, r.rag) for r in rows} == {("Head of Housing", "2025-09-07", Rag.RED)}


def test_what_and_issue_head_the_action_text_even_over_terse_actions():
    # "What / Who / When" trackers: two-word actions are too terse to be known as prose, the header names them
    for label in ("What", "Issue"):
        cols = {"Ref": 40, "What": 80, "Who": 300, "When": 400, "Status": 480}
        words = _row(100, cols, {"Ref": "Ref", "What": label, "Who": "Who", "When": "When", "Status": "Status"}, bold=True)
        y = 115.0
        for i in range(1, 4):
            words += _row(y, cols, {"Ref": f"{i}.", "What": "Circulate slides", "Who": "Clerk", "When": "07/09/25", "Status": "Open"})
            y += 16
        rows = _actions(words, (Rule(40, 110, 560, 110.5),))
        assert [(r.number, r.text, r.owner) for r in rows] == [(str(i), "Circulate slides", "Clerk") for i in range(1, 4)]


def test_a_plain_bold_heading_starting_in_the_reference_column_of_an_unruled_table_is_a_heading_not_a_row():
    # "Environment and climate" in bold, no number, set from the reference column across the action column, in a
    # table with no rules: a header on a shaded band, the rating cells coloured
    cols = {"Ref": 40, "Action": 70, "Owner": 300, "Due": 400, "RAG": 500}
    words = _row(100, cols, {"Ref": "REF", "Action": "ACTION", "Owner": "OWNER", "Due": "DUE", "RAG": "RAG"}, bold=True)
    fills = [Fill(40, 96, 560, 112, (0.85, 0.85, 0.85))]
    y = 118.0
    for i in range(1, 5):
        if i in (1, 3):
            words += _cell(40, y, "Environment and climate" if i == 1 else "Housing", bold=True)
            y += 16
        fills.append(Fill(495, y - 3, 560, y + 21, (1.0, 0.78, 0.81)))
        words += _row(y, cols, {"Ref": f"{i}.", "Action": "Write to the bus operator about the", "Owner": "Clerk", "Due": "07/09/25",
                                "RAG": "Red"})
        words += _row(y + 10, cols, {"Action": "cancelled evening services on route nine"})
        y += 30
    rows = _actions(words, fills=tuple(fills))
    assert [r.number for r in rows] == ["1", "2", "3", "4"]
    assert [r.area for r in rows] == ["Environment and climate"] * 2 + ["Housing"] * 2


def test_a_wrapped_action_in_a_table_keyed_by_its_action_text_continues_its_row():
    # no reference column: rows are keyed by the action text (its column known by its prose). A line starting lower
    # case, with nothing in the owner, due or status columns, is the action wrapping, not a new row. Read by the
    # header-led reader (``page_tables``), as where the grid readers leave such a table
    from minutetrail.parsers.tables import page_tables

    cols = {"Action": 40, "Owner": 200, "Due": 300, "Notes": 380, "Status": 490}
    words = _row(60, cols, {"Action": "Particulars", "Owner": "Owner", "Due": "Due", "Notes": "Latest update", "Status": "Status"},
                 bold=True)
    tasks = [("Publish the empty homes", "figures by ward"), ("Report back on the youth", "services consultation"),
             ("Write to the damp and", "mould survey team")]
    y = 80.0
    for task, tail in tasks:
        words += _row(y, cols, {"Action": task, "Owner": "Gareth Rowe", "Due": "June 2025", "Notes": "Draft circulated to", "Status": "Ongoing"})
        words += _row(y + 10, cols, {"Action": tail, "Notes": "members for comment"})
        y += 30
    page = PageData(1, 595, 842, tuple(words), (), ())
    tables, _open = page_tables(page, words_to_lines(page.words), None)
    rows = [r for t in tables for r in rows_to_actions(t, DocKind.ACTION_LOG, 2025)[0]]
    assert [r.text for r in rows] == [f"{a} {b}" for a, b in tasks]
    assert {(r.owner, r.due, r.status) for r in rows} == {("Gareth Rowe", "2025-06", ActionStatus.IN_PROGRESS)}
