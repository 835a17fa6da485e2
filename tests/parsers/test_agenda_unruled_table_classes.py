"""Unruled agenda tables (no rules, columns only) whose titles wrap in their cells: the table is still read by its
columns when the front sheet fills the first page, or prints the meeting's date as "24 June 2025" above it.
One test per layout class, hand-made lines (invented text)."""
from __future__ import annotations

from minutetrail.models import Line
from minutetrail.parsers.agenda import lines_to_agenda_items
from tests.parsers.test_agenda_layout_classes import row

HEADER = row(100, (60, "No."), (110, "Business"), (362, "Presenter"), (480, "Time"), bold=True)
ROWS = [row(120, (60, "1"), (110, "APOLOGIES FOR ABSENCE AND"), (362, "Cllr Priya"), (480, "10.15")),
        row(132, (110, "SUBSTITUTIONS"), (362, "Nandakumar")),
        row(150, (110, "To receive apologies for absence.")),
        row(172, (60, "2"), (110, "CLIMATE EMERGENCY ACTION PLAN"), (362, "Assistant Director,"), (480, "10.30")),
        row(184, (110, "UPDATE: OUTCOME OF THE CONSULTATION"), (362, "Housing"))]
EXPECTED = [("1", "APOLOGIES FOR ABSENCE AND SUBSTITUTIONS"), ("2", "CLIMATE EMERGENCY ACTION PLAN UPDATE: OUTCOME OF THE CONSULTATION")]


def _read(pages: list[tuple[int, list[Line]]]) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in lines_to_agenda_items(pages)]


def test_an_unruled_agenda_table_on_the_page_after_a_full_front_sheet_is_read_by_its_columns():
    front = [row(60, (56, "Kelmscott Borough Council"), size=14, bold=True), row(90, (56, "Membership"), bold=True),
             row(106, (56, "Chair: Councillor Ann Vell")), row(130, (56, "Information for the public"), bold=True),
             row(146, (56, "Members of the public are welcome to attend this meeting."))]
    assert _read([(1, front), (2, [row(60, (56, "Items of business"), size=13, bold=True), HEADER, *ROWS])]) == EXPECTED


def test_an_unruled_agenda_table_under_a_front_sheet_date_starting_with_the_day_is_read_by_its_columns():
    front = [row(40, (56, "Meeting of the Licensing Committee"), size=15, bold=True), row(60, (56, "24 June 2025, 09:30")),
             row(76, (56, "The Village Hall, Church Lane"))]
    assert _read([(1, [*front, HEADER, *ROWS])]) == EXPECTED
