"""Agenda layouts of councils not seen before: lettered items, agenda tables under other headers, titles
wrapped in their cells, sub-items titled by a reference. One test per layout class, hand-made lines."""
from __future__ import annotations

import pytest

from minutetrail.models import Line, Word
from minutetrail.parsers.agenda import lines_to_agenda_items

CHAR = 5.0


def words(x: float, y: float, text: str, size: float = 10.0, bold: bool = False) -> tuple[Word, ...]:
    out = []
    for tok in text.split():
        out.append(Word(tok, x, y, x + len(tok) * CHAR, y + size, bold=bold, size=size))
        x += len(tok) * CHAR + 3
    return tuple(out)


def row(y: float, *cells: tuple[float, str], size: float = 10.0, bold: bool = False) -> Line:
    """One line holding several cells: (x, text) each."""
    return Line(tuple(w for x, text in cells for w in words(x, y, text, size, bold)))


def read(lines: list[Line]) -> list[tuple[str, str, str | None]]:
    return [(i.number, i.title, i.description) for i in lines_to_agenda_items([(1, lines)])]


def test_an_agenda_lettered_a_b_c_with_nothing_numbered_is_read_by_its_letters():
    lines = [row(60, (56, "AGENDA"), size=13, bold=True),
             row(84, (56, "A. APOLOGIES FOR ABSENCE"), bold=True), row(98, (70, "To receive apologies for absence.")),
             row(118, (56, "B. MINUTES (Pages 5 - 11)"), bold=True),
             row(138, (56, "C.TREE PRESERVATION ORDER OBJECTIONS"), bold=True),  # the letter glued to its title
             row(158, (56, "D. VILLAGE HALL LEASE RENEWAL (Pages 12 -"), bold=True), row(172, (70, "19)")),
             row(192, (56, "E. DATE OF NEXT MEETING"), bold=True)]
    assert read(lines) == [("A", "APOLOGIES FOR ABSENCE", "To receive apologies for absence."), ("B", "MINUTES", None),
                           ("C", "TREE PRESERVATION ORDER OBJECTIONS", None), ("D", "VILLAGE HALL LEASE RENEWAL", None),
                           ("E", "DATE OF NEXT MEETING", None)]


def test_letters_over_numbered_items_stay_sections():
    lines = [row(60, (56, "A. OPENING MATTERS"), bold=True), row(78, (70, "1. Apologies")), row(96, (70, "2. Minutes")),
             row(114, (56, "B. FOR DECISION"), bold=True), row(132, (70, "3. Fees and charges")), row(150, (70, "4. Grants")),
             row(168, (56, "C. FOR INFORMATION"), bold=True), row(186, (70, "5. Work programme"))]
    assert [n for n, _t, _d in read(lines)] == ["1", "2", "3", "4", "5"]


HEADER = (60, "Item No."), (110, "Report Title"), (362, "Responsible Officer"), (480, "Page No.")


def test_an_agenda_table_headed_item_no_report_title_responsible_officer_page_no_is_read_by_its_columns():
    lines = [row(100, *HEADER, bold=True),
             row(120, (60, "1."), (110, "Apologies for absence"), (362, "Clerk to the Council")),
             row(140, (60, "2."), (110, "Corporate Risk Register"), (362, "Head of Internal Audit"), (480, "5 - 22")),
             row(154, (110, "To note the risks and the actions to manage them.")),
             row(174, (60, "3."), (110, "Date of next meeting"), (362, "Chair"))]
    assert read(lines) == [("1", "Apologies for absence", None),
                           ("2", "Corporate Risk Register", "To note the risks and the actions to manage them."),
                           ("3", "Date of next meeting", None)]


def test_a_title_wrapped_in_its_table_cell_stays_title_and_a_full_cell_is_split_at_the_next_column():
    lines = [row(100, (60, "#"), (110, "Topic"), (362, "Lead officer"), (480, "Time"), bold=True),
             row(120, (60, "1"), (110, "ANTI-FRAUD AND CORRUPTION STRATEGY -"), (362, "Monitoring Officer"), (480, "10.15"), bold=True),
             row(132, (110, "RESPONSE TO THE REVIEW"), bold=True),
             row(152, (60, "2"), (110, "Leisure centre refurbishment and the findings of"), (358, "Director of Place"), (480, "10.30")),
             row(164, (110, "the independent review")),
             row(176, (110, "To consider the options set out in the report."))]
    assert read(lines) == [("1", "ANTI-FRAUD AND CORRUPTION STRATEGY - RESPONSE TO THE REVIEW", None),
                           ("2", "Leisure centre refurbishment and the findings of the independent review",
                            "To consider the options set out in the report.")]


def test_sub_items_titled_by_an_application_reference_are_sub_items():
    lines = [row(60, (56, "4. Planning applications"), bold=True),
             row(78, (76, "(a) 24/01234/FUL - Land East of Mill Lane")),
             row(96, (76, "(b) 24/00871/OUT - Former Depot, Station Road")),
             row(118, (56, "5. Date of next meeting"), bold=True)]
    assert [(n, t) for n, t, _d in read(lines)] == [("4", "Planning applications"), ("4a", "24/01234/FUL - Land East of Mill Lane"),
                                                    ("4b", "24/00871/OUT - Former Depot, Station Road"), ("5", "Date of next meeting")]


def test_items_numbered_on_through_the_year_from_a_single_digit_are_items():
    lines = [row(60, (56, "Agenda"), size=13, bold=True),
             row(84, (56, "2025/8"), (98, "Apologies for absence"), bold=True), row(98, (98, "To receive apologies for absence.")),
             row(120, (56, "2025/9"), (98, "Corporate Risk Register"), bold=True),
             row(142, (56, "2025/10"), (98, "Date of the next meeting"), bold=True)]
    assert [n for n, _t, _d in read(lines)] == ["2025/8", "2025/9", "2025/10"]


def test_an_agenda_numbered_in_roman_numerals_with_nothing_under_them_is_read_by_its_numerals():
    lines = [row(60, (56, "Business to be transacted"), size=13, bold=True),
             row(84, (56, "I."), (80, "Apologies for absence")), row(98, (80, "Purpose: To receive apologies for absence.")),
             row(118, (56, "II."), (80, "Declarations of interest")),
             row(138, (56, "III."), (80, "Minutes of the last meeting ..................... 5")),
             row(158, (56, "IV."), (80, "Fees and Charges 2025/26 ......................... 12")),
             row(178, (56, "V."), (80, "Date of next meeting"))]
    assert [(n, t) for n, t, _d in read(lines)] == [("I", "Apologies for absence"), ("II", "Declarations of interest"),
                                                    ("III", "Minutes of the last meeting"), ("IV", "Fees and Charges 2025/26"),
                                                    ("V", "Date of next meeting")]


def test_an_agenda_lettered_a_b_c_in_lower_case_is_read_by_its_letters():
    lines = [row(60, (56, "AGENDA ITEMS"), size=13, bold=True),
             row(84, (56, "a."), (80, "Apologies for absence")),
             row(104, (56, "b."), (80, "Minutes of the last meeting")),
             row(124, (56, "c."), (80, "Corporate Risk Register")), row(138, (80, "To note the risks and the actions to manage them.")),
             row(158, (56, "d."), (80, "Date of next meeting"))]
    assert read(lines) == [("a", "Apologies for absence", None), ("b", "Minutes of the last meeting", None),
                           ("c", "Corporate Risk Register", "To note the risks and the actions to manage them."),
                           ("d", "Date of next meeting", None)]


def test_lower_case_letters_indented_under_numbered_items_stay_theirs():
    lines = [row(60, (56, "1."), (80, "Planning applications")), row(78, (80, "a."), (100, "Land at Mill Lane")),
             row(96, (80, "b."), (100, "Land at Station Road")), row(114, (80, "c."), (100, "Land at Orchard Way")),
             row(132, (80, "d."), (100, "Land at Church Street")), row(150, (56, "2."), (80, "Date of next meeting"))]
    assert [n for n, _t, _d in read(lines)][:1] == ["1"] and "2" in [n for n, _t, _d in read(lines)]


def test_a_contents_list_with_dot_leaders_to_the_page_keeps_the_dots_and_page_out_of_the_title():
    lines = [row(60, (56, "TABLE OF CONTENTS"), size=13, bold=True),
             row(84, (56, "1."), (80, "Apologies for absence")),
             row(104, (56, "2."), (80, "Minutes of the last meeting"), (220, "......................................"), (520, "5")),
             row(124, (56, "3."), (80, "Fees and Charges 2025/26"), (210, "........................................."), (515, "12")),
             row(144, (56, "4."), (80, "Date of next meeting"))]
    items = lines_to_agenda_items([(1, lines)])
    assert [(i.number, i.title) for i in items] == [("1", "Apologies for absence"), ("2", "Minutes of the last meeting"),
                                                   ("3", "Fees and Charges 2025/26"), ("4", "Date of next meeting")]
    assert [i.page_ref for i in items] == [None, "5", "12", None]


@pytest.mark.parametrize("header", [((60, "No"), (110, "Agenda Item"), (362, "Responsible"), (480, "Page")),
                                    ((60, "Item"), (110, "Matter"), (362, "Presenter(s)"), (480, "Est. Time")),
                                    ((60, "Item"), (110, "Heading"), (362, "Portfolio Holder"), (480, "Page Nos."))])
def test_an_agenda_table_under_other_header_words_is_read_by_its_columns(header):
    lines = [row(100, *header, bold=True),
             row(120, (60, "1"), (110, "Apologies for absence"), (362, "Clerk to the Council")),
             row(140, (60, "2"), (110, "Corporate Risk Register and the Revised Budget"), (362, "Head of Internal"), (480, "10.15")),
             row(154, (110, "Capital Programme at Quarter Two"), (362, "Audit")),
             row(174, (60, "3"), (110, "Date of next meeting"), (362, "Chair"))]
    assert read(lines) == [("1", "Apologies for absence", None),
                           ("2", "Corporate Risk Register and the Revised Budget Capital Programme at Quarter Two", None),
                           ("3", "Date of next meeting", None)]


def test_sub_items_numbered_with_their_items_number_and_a_letter_are_sub_items():
    lines = [row(84, (56, "06"), (80, "Minutes of the last meeting")),
             row(104, (56, "07"), (80, "Planning applications")), row(118, (80, "Purpose: To consider the report of the Head of Planning.")),
             row(134, (80, "07a"), (110, "24/00410/LBC - The Old Rectory, Church Street")),
             row(150, (80, "07b"), (110, "24/01234/FUL - Land East of Mill Lane")),
             row(170, (56, "08"), (80, "Date of next meeting"))]
    assert [(n, t) for n, t, _d in read(lines)] == [
        ("06", "Minutes of the last meeting"), ("07", "Planning applications"),
        ("07a", "24/00410/LBC - The Old Rectory, Church Street"), ("07b", "24/01234/FUL - Land East of Mill Lane"),
        ("08", "Date of next meeting")]


def test_sub_items_numbered_in_bracketed_roman_numerals_past_ii_are_sub_items():
    lines = [row(104, (56, "5."), (80, "Planning applications")),
             *[row(124 + 16 * k, (80, f"({r})"), (110, f"24/0041{k}/FUL - Land at Plot {k + 1}")) for k, r in enumerate(["i", "ii", "iii", "iv"])],
             row(200, (56, "6."), (80, "Date of next meeting"))]
    assert [n for n, _t, _d in read(lines)] == ["5", "5i", "5ii", "5iii", "5iv", "6"]
