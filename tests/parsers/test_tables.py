"""Table reading from hand-made words: no PDF needed."""
from minutetrail.models import DocKind, PageData, Rule, Word
from minutetrail.parsers.actions import rows_to_actions
from minutetrail.parsers.tables import pages_to_tables
from minutetrail.parsers.text import words_to_lines

COLS = {"Ref": 40, "Action": 80, "Owner": 300, "Due": 400, "Status": 470}


def _line(y: float, cells: dict[str, str], size: float = 8.0, bold: bool = False) -> list[Word]:
    words = []
    for col, text in cells.items():
        x = COLS[col]
        for token in text.split():
            width = len(token) * size * 0.5
            words.append(Word(token, x, y, x + width, y + size, bold=bold, size=size))
            x += width + size * 0.3
    return words


def _page(number: int, lines: list[list[Word]], rules: tuple[Rule, ...] = ()) -> PageData:
    return PageData(number, 595, 842, tuple(w for ln in lines for w in ln), rules)


def _tables(pages):
    return pages_to_tables(pages, [words_to_lines(p.words) for p in pages])


def test_borderless_table_with_wrapped_cells_is_one_row_per_action():
    page = _page(1, [
        _line(100, {"Ref": "Ref", "Action": "Action", "Owner": "Owner", "Due": "Due", "Status": "Status"}, bold=True),
        _line(115, {"Ref": "1", "Action": "Write to the minister about", "Owner": "Clerk to the", "Due": "07/09/21", "Status": "OVERDUE"}),
        _line(125, {"Action": "bus services", "Owner": "committee"}),
        _line(140, {"Ref": "2", "Action": "Publish the survey", "Owner": "C Ward", "Due": "TBC", "Status": "COMPLETED"}),
    ])
    tables = _tables([page])
    assert len(tables) == 1
    rows, warnings = rows_to_actions(tables[0], DocKind.ACTION_LOG, 2021)
    assert [r.number for r in rows] == ["1", "2"]
    assert rows[0].text == "Write to the minister about bus services"
    assert rows[0].owner == "Clerk to the committee"
    assert rows[0].due == "2021-09-07" and rows[1].due is None and rows[1].due_text == "TBC"
    assert rows[0].bbox is not None and rows[0].page == 1 and not warnings


def test_cell_split_by_page_break_joins_the_row_above_and_repeated_header_is_dropped():
    header = {"Ref": "Ref", "Action": "Action", "Owner": "Owner", "Due": "Due", "Status": "Status"}
    p1 = _page(1, [_line(700, header, bold=True),
                   _line(715, {"Ref": "1", "Action": "Circulate the handbook to all", "Owner": "Matthew", "Due": "01/03/22", "Status": "IN PROGRESS"}),
                   _line(725, {"Action": "members of the com-"})])
    p2 = _page(2, [_line(50, header, bold=True),
                   _line(65, {"Action": "mittee for information", "Owner": "Sampson"}),
                   _line(80, {"Ref": "2", "Action": "Report back", "Owner": "Darryl Freeman", "Due": "14/02/22", "Status": "COMPLETED"})])
    tables = _tables([p1, p2])
    assert len(tables) == 1
    rows, _ = rows_to_actions(tables[0], DocKind.ACTION_LOG, 2022)
    assert [r.number for r in rows] == ["1", "2"]
    assert rows[0].text == "Circulate the handbook to all members of the committee for information"
    assert rows[0].owner == "Matthew Sampson" and rows[0].page == 1 and rows[1].page == 2


def test_headers_are_mapped_by_vocabulary_not_position():
    global COLS
    saved = COLS
    COLS = {"Status": 40, "Target date": 120, "Lead officer": 200, "Recommendation": 300, "No.": 520}
    try:
        page = _page(1, [
            _line(100, {"Status": "Status", "Target date": "Target date", "Lead officer": "Lead officer", "Recommendation": "Action", "No.": "No."}, bold=True),
            _line(115, {"Status": "Open", "Target date": "March 2023", "Lead officer": "Director of Public Health", "Recommendation": "Review the offer", "No.": "4"}),
        ])
        rows, _ = rows_to_actions(_tables([page])[0], DocKind.ACTION_LOG, 2023)
    finally:
        COLS = saved
    assert rows[0].owner == "Director of Public Health" and rows[0].due == "2023-03" and rows[0].number == "4"


def test_prose_is_not_a_table():
    words = _line(100, {"Ref": "The committee noted the action and the owner agreed the due date"})
    assert _tables([_page(1, [words])]) == []
