"""Action-table layout classes met on councils' layouts never seen in development (bench/unseen_tables.py),
each on a minimal table of hand-made words; text invented."""
from __future__ import annotations

from minutetrail.models import ActionStatus, DocKind, Fill, PageData, Rag, Rule, Word
from minutetrail.parsers.actions import rows_to_actions
from minutetrail.parsers.tables import pages_to_tables
from minutetrail.parsers.text import words_to_lines

SIZE = 8.0
CHAR = SIZE * 0.5
SPACE = SIZE * 0.3


def _cell(x: float, y: float, text: str, bold: bool = False) -> list[Word]:
    words = []
    for token in text.split():
        width = len(token) * CHAR
        words.append(Word(token, x, y, x + width, y + SIZE, bold=bold, size=SIZE))
        x += width + SPACE
    return words


def _row(y: float, cols: dict[str, float], cells: dict[str, str], bold: bool = False) -> list[Word]:
    return [w for name, text in cells.items() for w in _cell(cols[name], y, text, bold)]


def _actions(words: list[Word], rules: tuple[Rule, ...] = (), fills: tuple[Fill, ...] = ()):  # type: ignore[no-untyped-def]
    page = PageData(1, 595, 842, tuple(words), rules, fills)
    tables = pages_to_tables([page], [words_to_lines(page.words)])
    assert len(tables) == 1
    rows, _warnings = rows_to_actions(tables[0], DocKind.ACTION_LOG, 2025)
    return tables[0], rows


def _under_header(y: float) -> tuple[Rule, ...]:
    return (Rule(40, y, 560, y + 0.5),)


def _grouped_status_rows(label: str, statuses: list[str], groups_at: tuple[int, int]) -> list[Word]:
    """An unruled table whose last column, headed ``label``, prints each row's status in words; a bold group
    heading ("Housing", "Parks") stands before the rows numbered ``groups_at``; each action wraps onto a second line."""
    cols = {"Ref": 40, "Action": 70, "Owner": 300, "Due": 400, "Status": 480}
    words = _row(100, cols, {"Ref": "Ref", "Action": "Action", "Owner": "Owner", "Due": "Due", "Status": label}, bold=True)
    y = 115.0
    for i, status in enumerate(statuses, start=1):
        if i in groups_at:
            words += _row(y, cols, {"Action": "Housing" if i == groups_at[0] else "Parks"}, bold=True)
            y += 13
        words += _row(y, cols, {"Ref": str(i), "Action": "Write to the bus operator about the", "Owner": "Clerk", "Due": "07/09/25", "Status": status})
        words += _row(y + 10, cols, {"Action": "cancelled evening services on route nine"})
        y += 26
    return words


def test_a_progress_column_of_status_words_in_an_unruled_table_gives_the_status():
    # a group heading between the rows splits the table into runs of rows; the status words are read per row
    statuses = ["Not started", "On track", "Complete", "Overdue", "Open", "Delayed"]
    table, rows = _actions(_grouped_status_rows("Progress", statuses, (1, 4)), _under_header(110))
    assert [r.number for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert [r.status for r in rows] == [ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED,
                                        ActionStatus.OVERDUE, ActionStatus.OPEN, ActionStatus.AT_RISK]


def test_columns_a_few_points_apart_are_split_where_a_header_cell_starts():
    # the progress notes run to 4 points short of the status column, as in tightly padded spreadsheet exports
    note = "Draft circulated to members"  # 24 letters and 3 spaces: 24 * 4 + 3 * 2.4 = 103.2 wide
    cols = {"Ref": 40, "Action": 70, "Owner": 230, "Due": 300, "Notes": 360, "Status": 360 + 103.2 + 4}
    words = _row(100, cols, {"Ref": "Ref", "Action": "Action", "Owner": "Owner", "Due": "Due", "Notes": "Progress update",
                             "Status": "Status"}, bold=True)
    y = 115.0
    for i, status in enumerate(["Complete", "Delayed", "Open"], start=1):
        words += _row(y, cols, {"Ref": str(i), "Action": "Review the gritting routes", "Owner": "Clerk", "Due": f"1{i}/03/2025",
                                "Notes": note, "Status": status})
        words += _row(y + 10, cols, {"Notes": "for comment"})
        y += 26
    table, rows = _actions(words, _under_header(110))
    assert [r.progress for r in rows] == [f"{note} for comment"] * 3
    assert [r.status for r in rows] == [ActionStatus.COMPLETED, ActionStatus.AT_RISK, ActionStatus.OPEN]


def test_a_reference_with_a_letter_prefix_and_a_hyphen_starts_a_row():
    cols = {"Ref": 40, "Action": 80, "Owner": 300, "Due": 400, "Status": 480}
    words = _row(100, cols, {"Ref": "Ref", "Action": "Action", "Owner": "Owner", "Due": "Due", "Status": "Status"}, bold=True)
    y = 115.0
    for i in range(1, 4):
        words += _row(y, cols, {"Ref": f"AP-0{i}", "Action": "Publish the tenant satisfaction", "Owner": "Head of", "Due": "TBC", "Status": "Open"})
        words += _row(y + 10, cols, {"Action": "results by ward", "Owner": "Housing"})
        y += 22  # rows set as close as the lines of one row: only the reference tells them apart
    table, rows = _actions(words, _under_header(110))
    assert [r.number for r in rows] == ["AP-01", "AP-02", "AP-03"]
    assert all(r.owner == "Head of Housing" and r.text == "Publish the tenant satisfaction results by ward" for r in rows)


def test_a_theme_banner_across_unruled_columns_is_a_heading_not_a_row():
    cols = {"Ref": 40, "Action": 90, "Owner": 300, "Due": 400, "Status": 480}
    words = _row(100, cols, {"Ref": "Ref", "Action": "Action", "Owner": "Owner", "Due": "Due", "Status": "Status"}, bold=True)
    y = 115.0
    for theme, refs in (("Theme 1: Housing", (1, 2)), ("Theme 2: Parks and open spaces", (3, 4))):
        words += _row(y, cols, {"Ref": theme}, bold=True)  # "Theme 1:" over the reference column, the rest over the action
        y += 13
        for i in refs:
            words += _row(y, cols, {"Ref": str(i), "Action": f"Survey the play areas in ward {i}", "Owner": "Clerk", "Due": "TBC", "Status": "Open"})
            y += 13
    table, rows = _actions(words, _under_header(110))
    assert [r.number for r in rows] == ["1", "2", "3", "4"]
    assert [r.text for r in rows] == [f"Survey the play areas in ward {i}" for i in range(1, 5)]
    assert [r.area for r in rows] == ["Theme 1: Housing"] * 2 + ["Theme 2: Parks and open spaces"] * 2


def test_a_zebra_striped_table_with_rag_coloured_cells_is_read_by_its_whitespace_columns():
    # the coloured cells draw the only verticals (down the RAG column); the other columns are set apart by whitespace
    cols = {"Ref": 40, "Action": 70, "Owner": 260, "Due": 350, "Notes": 420, "RAG": 520}
    # "Description" names no column: the action text is known by its prose
    words = _row(100, cols, {"Ref": "Ref", "Action": "Description", "Owner": "Owner", "Due": "Due", "Notes": "Notes", "RAG": "RAG"})
    colours = {Rag.RED: (0.9, 0.1, 0.1), Rag.AMBER: (1.0, 0.75, 0.0), Rag.GREEN: (0.0, 0.69, 0.31)}
    rags = [Rag.GREEN, Rag.RED, Rag.AMBER, Rag.GREEN, Rag.RED]
    fills: list[Fill] = []
    y = 112.0
    for i, rag in enumerate(rags, start=1):
        top, bottom = y, y + 26
        if i % 2 == 0:
            fills.append(Fill(40, top, 560, bottom, (0.92, 0.92, 0.92)))
        fills.append(Fill(515, top, 560, bottom, colours[rag]))
        words += _row(top + 3, cols, {"Ref": str(i), "Action": "Publish the tenant satisfaction", "Owner": "Head of", "Due": "TBC",
                                      "Notes": "Awaiting figures", "RAG": rag.value[0].upper()})
        words += _row(top + 13, cols, {"Action": "results by ward", "Owner": "Housing"})
        y = bottom
    table, rows = _actions(words, fills=tuple(fills))
    assert [r.number for r in rows] == ["1", "2", "3", "4", "5"]
    assert all(r.owner == "Head of Housing" and r.text == "Publish the tenant satisfaction results by ward" for r in rows)
    assert [r.rag for r in rows] == rags


def test_a_rag_column_shown_by_colour_alone_in_an_unruled_table_is_its_own_column():
    # no text under the RAG header: only the header tells where the column starts
    cols = {"Ref": 40, "Action": 70, "Owner": 260, "Due": 350, "RAG": 440}
    words = _row(100, cols, {"Ref": "Ref", "Action": "Action", "Owner": "Owner", "Due": "Due date", "RAG": "RAG"}, bold=True)
    colours = {Rag.RED: (0.9, 0.1, 0.1), Rag.AMBER: (1.0, 0.75, 0.0), Rag.GREEN: (0.0, 0.69, 0.31)}
    rags = [Rag.AMBER, Rag.GREEN, Rag.RED] * 5
    fills: list[Fill] = []
    y = 115.0
    for i, rag in enumerate(rags, start=1):
        fills.append(Fill(437, y - 2, 480, y + 10, colours[rag]))
        words += _row(y, cols, {"Ref": str(i), "Action": "Survey the play areas before the summer", "Owner": "Clerk", "Due": "14 March 2025"})
        y += 14
    table, rows = _actions(words, _under_header(111), tuple(fills))
    assert [r.due for r in rows] == ["2025-03-14"] * len(rags)
    assert [r.rag for r in rows] == rags


def test_a_title_set_close_above_a_ruled_grid_in_larger_type_is_not_its_header():
    cols = {"Ref": 44, "Action": 84, "Owner": 304, "Due": 364, "Status": 444}
    xs = [40, 80, 300, 360, 440, 520]
    words = []
    x = 40.0
    for token in "Housing and Communities Scrutiny Committee - 26 March 2025".split():  # the title, in 13 point bold
        words.append(Word(token, x, 82, x + len(token) * 6.5, 95, bold=True, size=13))
        x += len(token) * 6.5 + 4
    words += _row(101, cols, {"Ref": "Ref", "Action": "Action", "Owner": "Owner", "Due": "Due date", "Status": "Status"})  # plain, on a grey fill
    ys = [98.0, 112.0]
    for i in range(1, 4):
        words += _row(ys[-1] + 3, cols, {"Ref": f"A{i}", "Action": "Survey the play areas before the summer holidays", "Owner": "Clerk",
                                         "Due": f"1{i} May 2025", "Status": "Open"})
        ys.append(ys[-1] + 14)
    rules = tuple(Rule(40, y, 520, y + 0.5) for y in ys) + tuple(Rule(x, ys[0], x + 0.5, ys[-1]) for x in xs)
    table, rows = _actions(words, rules, (Fill(40, 98, 520, 112, (0.85, 0.85, 0.85)),))
    assert [c.label for c in table.columns] == ["Ref", "Action", "Owner", "Due date", "Status"]
    assert [r.due for r in rows] == ["2025-05-11", "2025-05-12", "2025-05-13"]


def test_a_header_word_wider_than_its_column_text_stays_one_header_cell():
    # "RESPONSIBILITY" over initials overhangs the middle of the whitespace between owner and due
    cols = {"Action": 40, "Owner": 160, "Due": 240, "Notes": 340, "Status": 460}
    words = _row(100, cols, {"Action": "ACTION", "Owner": "RESPONSIBILITY", "Due": "COMPLETION", "Notes": "LATEST", "Status": "STATUS"})
    words += _row(110, cols, {"Due": "DATE", "Notes": "UPDATE"})
    y = 125.0
    people = ["TF", "PC", "HF", "LC", "OM"]  # a table long enough that one line across a gap is tolerated there
    for initials, status in zip(people, ["Open", "Closed", "Delayed", "Open", "Open"]):
        words += _row(y, cols, {"Action": "Update members on the", "Owner": initials, "Due": "08/07/25", "Notes": "Officers are", "Status": status})
        words += _row(y + 10, cols, {"Action": "revised allocations", "Notes": "collating"})
        words += _row(y + 20, cols, {"Action": "policy", "Notes": "responses"})
        y += 38
    table, rows = _actions(words, _under_header(121))
    assert [r.owner for r in rows] == people
    assert [r.text for r in rows] == ["Update members on the revised allocations policy"] * 5
    assert [r.status for r in rows] == [ActionStatus.OPEN, ActionStatus.COMPLETED, ActionStatus.AT_RISK, ActionStatus.OPEN, ActionStatus.OPEN]


def test_a_zebra_table_whose_first_row_is_white_keeps_its_header_and_first_row():
    # the first filled band is the second row: the plain header and the white first row sit above it
    cols = {"Ref": 40, "Action": 80, "Owner": 300, "Due": 400, "Status": 480}
    words = _row(100, cols, {"Ref": "#", "Action": "AGREED ACTION", "Owner": "ASSIGNED TO", "Due": "BY WHEN", "Status": "STATUS"})
    fills: list[Fill] = []
    y = 114.0
    for i in range(1, 9):
        if i % 2 == 0:
            fills.append(Fill(38, y - 3, 560, y + 11, (0.92, 0.92, 0.92)))
        words += _row(y, cols, {"Ref": f"AP-0{i}", "Action": "Publish the draft climate action plan", "Owner": "Dev Okafor",
                                "Due": f"2025-07-1{i}", "Status": "CLOSED"})
        y += 14
    table, rows = _actions(words, fills=tuple(fills))
    assert [r.number for r in rows] == [f"AP-0{i}" for i in range(1, 9)]
    assert [r.due for r in rows] == [f"2025-07-1{i}" for i in range(1, 9)]


RULED_COLS = {"Ref": 44, "Action": 104, "Owner": 304, "Due": 384, "Status": 464}


def _ruled_body(top: float) -> tuple[list[Word], tuple[Rule, ...]]:
    """Rows M1-M3 of a grid ruled from ``top`` down (a rule under each row, the columns' lines beside them),
    in the columns of RULED_COLS, under whatever header the test prints above ``top``."""
    words: list[Word] = []
    ys = [top]
    for i in range(1, 4):
        words += _row(ys[-1] + 3, RULED_COLS, {"Ref": f"M{i}", "Action": "Survey the play areas before the summer holidays",
                                               "Owner": "Clerk", "Due": f"1{i}/05/25", "Status": "Open"})
        ys.append(ys[-1] + 14)
    xs = [40, 100, 300, 380, 460, 540]
    return words, tuple(Rule(40, y, 540, y + 0.5) for y in ys) + tuple(Rule(x, ys[0], x + 0.5, ys[-1]) for x in xs)


def test_a_header_over_a_ruled_body_whose_first_cell_wraps_is_still_the_header():
    # "Minute / ref" wraps: its second line is one word under the first cell, not a group heading
    cols = RULED_COLS
    words = _row(100, cols, {"Ref": "Minute", "Action": "Description", "Owner": "Owner", "Due": "Due", "Status": "Status"}, bold=True)
    words += _row(110, cols, {"Ref": "ref"}, bold=True)
    body, rules = _ruled_body(121.0)
    table, rows = _actions(words + body, rules)
    assert [c.label for c in table.columns] == ["Minute ref", "Description", "Owner", "Due", "Status"]
    assert [r.number for r in rows] == ["M1", "M2", "M3"]
    assert [r.due for r in rows] == ["2025-05-11", "2025-05-12", "2025-05-13"]


def test_a_column_named_by_its_status_words_under_group_headings_in_an_unruled_table():
    # the header names no field ("Where things stand"); group headings split the rows into runs
    statuses = ["Not started", "On track", "Complete", "Overdue", "Open", "Delayed", "Not started", "Complete"]
    table, rows = _actions(_grouped_status_rows("Where things stand", statuses, (1, 5)), _under_header(110))
    assert [r.status for r in rows] == [ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED, ActionStatus.OVERDUE,
                                        ActionStatus.OPEN, ActionStatus.AT_RISK, ActionStatus.NOT_STARTED, ActionStatus.COMPLETED]


def test_an_action_log_with_no_table_read_says_so(tmp_path):
    from minutetrail.parsers.record import parse_pages
    from tests.councilpdf import Sheet
    from tests.tablepdf import read_pages

    sheet = Sheet(tmp_path / "log.pdf").line("Action Log", size=14, bold=True, step=24)
    for text in ("The actions agreed at the last meeting are listed below, with the", "officer responsible and the date each is due."):
        sheet.line(text)
    path = sheet.save()
    record = parse_pages(str(path), "0" * 64, read_pages(path))
    assert not record.actions
    assert any("action log on pages 1-1: no action rows read" in w.message for w in record.warnings)


def _paper(title: str) -> PageData:
    """A committee's name and a title, a paragraph, then a numbered action table (hand-made words)."""
    words = _cell(40, 40, "Parks and Leisure Committee - 4 March 2025", bold=True) + _cell(40, 56, title, bold=True)
    for k, text in enumerate(["This paper sets out the progress made on the actions agreed by the committee at",
                              "its recent meetings. Members are asked to note the updates given by officers",
                              "and to consider whether any of the actions can now be closed. Questions on an",
                              "entry may be put to the officer named against it."]):
        words += _cell(40, 76 + 11 * k, text)
    cols = {"Ref": 40, "Action": 70, "Owner": 300, "Due": 400, "Status": 480}
    words += _row(130, cols, {"Ref": "No.", "Action": "Action", "Owner": "Owner", "Due": "Due", "Status": "Status"}, bold=True)
    for i in range(1, 7):
        words += _row(130 + 14 * i, cols, {"Ref": str(i), "Action": f"Survey the play area in ward {i}", "Owner": "Clerk",
                                           "Due": f"1{i}/05/25", "Status": "Open"})
    return PageData(1, 595, 842, tuple(words), (Rule(40, 141, 560, 141.5),))


def test_a_page_of_numbered_action_rows_under_a_paragraph_is_an_action_table_not_an_agenda():
    from minutetrail.parsers.record import parse_pages

    record = parse_pages("paper.pdf", "0" * 64, [_paper("Matters arising")])
    assert [d.kind for d in record.documents] == [DocKind.ACTION_LOG]
    assert not record.agenda_items
    assert [a.number for a in record.actions] == ["1", "2", "3", "4", "5", "6"]


def test_an_improvement_plan_titled_under_the_committee_name_is_an_action_plan():
    from minutetrail.parsers.record import parse_pages

    record = parse_pages("paper.pdf", "0" * 64, [_paper("Improvement Plan")])
    assert [d.kind for d in record.documents] == [DocKind.ACTION_PLAN]
    assert {a.table for a in record.actions} == {DocKind.ACTION_PLAN}


def test_a_zebra_table_with_group_headings_over_its_first_rows_keeps_its_header():
    # header, "Theme 1" heading, a white row, "Theme 2" heading, then the first filled row
    cols = {"Ref": 40, "Action": 80, "Owner": 300, "Due": 400, "Status": 480}
    words = _row(100, cols, {"Ref": "#", "Action": "DESCRIPTION", "Owner": "OWNER", "Due": "DEADLINE", "Status": "STATUS"})
    fills: list[Fill] = []
    y = 114.0
    for i in range(1, 9):
        if i in (1, 2):
            words += _row(y, cols, {"Ref": f"Theme {i}: Housing"}, bold=True)
            y += 14
        if i % 2 == 0:
            fills.append(Fill(38, y - 3, 560, y + 11, (0.92, 0.92, 0.92)))
        words += _row(y, cols, {"Ref": f"A{i}", "Action": "Publish the draft climate action plan", "Owner": "Dev Okafor",
                                "Due": f"{i} March 2025", "Status": "Open"})
        y += 14
    table, rows = _actions(words, fills=tuple(fills))
    assert [c.field for c in table.columns] == ["number", "text", "owner", "due", "status"]
    assert [r.due for r in rows] == [f"2025-03-0{i}" for i in range(1, 9)]
    assert [r.area for r in rows][:2] == ["Theme 1: Housing", "Theme 2: Housing"]


def _described_rows(y: float, cols: dict[str, float], wrapped: tuple[str, ...]) -> list[Word]:
    words: list[Word] = []
    for i, initials in enumerate(["AO", "TF", "PC", "HF"]):
        words += _row(y, cols, {"Text": "Bring forward the damp and", "Owner": initials, "Due": f"1{i}/03/25", "Status": "Complete"})
        for k, text in enumerate(wrapped, start=1):
            words += _row(y + 10 * k, cols, {"Text": text})
        y += 36
    return words


def test_an_unnamed_narrow_column_of_wrapped_prose_is_the_action_text():
    # "Description" names no field; the text wraps to a few words a line
    cols = {"Text": 40, "Owner": 170, "Due": 230, "Status": 300}
    words = _row(100, cols, {"Text": "Description", "Owner": "Owner", "Due": "Date due", "Status": "Status"}, bold=True)
    table, rows = _actions(words + _described_rows(115, cols, ("mould survey results", "for each ward")), _under_header(111))
    assert [r.text for r in rows] == ["Bring forward the damp and mould survey results for each ward"] * 4
    assert [r.owner for r in rows] == ["AO", "TF", "PC", "HF"]


def test_a_header_on_a_shaded_band_under_a_paragraph_is_only_the_band():
    # the paragraph's last line sits as close above the header as a header's second line would
    cols = {"Text": 40, "Owner": 170, "Due": 230, "Status": 300}
    words = _cell(40, 86, "Members are asked to note the updates and to consider whether any can be")
    words += _cell(40, 97, "closed.")
    words += _row(110, cols, {"Text": "Description", "Owner": "Owner", "Due": "Date due", "Status": "Status"})
    shade = (Fill(40, 108, 560, 120, (0.85, 0.85, 0.85)),)
    table, rows = _actions(words + _described_rows(125, cols, ("mould survey results by ward",)), _under_header(120), shade)
    assert [c.label for c in table.columns] == ["Description", "Owner", "Date due", "Status"]
    assert [r.owner for r in rows] == ["AO", "TF", "PC", "HF"]


def test_an_unnamed_column_of_short_wrapped_lines_is_the_action_text_by_words_a_row():
    # a narrow text column wraps to a word or two a line: its words are counted per row (one due date a row)
    cols = {"Text": 40, "Owner": 170, "Due": 230, "Status": 300}
    words = _row(100, cols, {"Text": "Description", "Owner": "Owner", "Due": "Date due", "Status": "Status"}, bold=True)
    table, rows = _actions(words + _described_rows(115, cols, ("mould survey", "results")), _under_header(111))
    assert [r.text for r in rows] == ["Bring forward the damp and mould survey results"] * 4


def test_a_paragraph_in_the_headers_type_just_above_a_header_over_a_ruled_body_is_not_header():
    cols = RULED_COLS
    words = _cell(40, 78, "Members are asked to note the updates given by officers and to consider whether any action can now be")
    words += _cell(40, 89, "closed.")
    words += _row(100, cols, {"Ref": "REF", "Action": "ACTION", "Owner": "LEAD OFFICER", "Due": "DATE DUE", "Status": "STATUS"})
    body, rules = _ruled_body(111.0)
    table, rows = _actions(words + body, rules)
    assert [c.label for c in table.columns] == ["REF", "ACTION", "LEAD OFFICER", "DATE DUE", "STATUS"]
    assert [r.text for r in rows] == ["Survey the play areas before the summer holidays"] * 3
