"""Agendas that number nothing, their items bold titles over plain descriptions: what is not an item (a front
sheet's bold block headings under a "NOTICE OF MEETING" title, Part banners) and where the list starts (a heading
on the page after a full front sheet). One test per layout class, hand-made lines (invented text)."""
from __future__ import annotations

from minutetrail.models import Line
from minutetrail.parsers.agenda import lines_to_agenda_items
from tests.parsers.test_agenda_layout_classes import row

ITEMS = [row(300, (56, "Apologies for absence"), bold=True), row(314, (56, "To receive apologies for absence.")),
         row(340, (56, "Corporate Risk Register"), bold=True), row(354, (56, "To note the risks set out in the report.")),
         row(380, (56, "Date of the next meeting"), bold=True), row(394, (56, "To note the date of the next meeting."))]
TITLES = ["Apologies for absence", "Corporate Risk Register", "Date of the next meeting"]


def _titles(pages: list[tuple[int, list[Line]]]) -> list[str]:
    return [i.title for i in lines_to_agenda_items(pages)]


def test_bold_front_sheet_headings_under_a_notice_of_meeting_title_are_not_items():
    front = [row(60, (56, "NOTICE OF MEETING"), size=15, bold=True),
             row(84, (56, "A meeting of the Licensing Panel will be held on Tuesday 4 March 2025 in the Guildhall.")),
             row(110, (56, "Membership"), bold=True), row(124, (56, "Chair: Councillor Ann Vell")),
             row(150, (56, "Information for the public"), bold=True), row(164, (56, "Members of the public are welcome to attend.")),
             row(200, (56, "Items of business"), size=13, bold=True)]
    assert _titles([(1, front + ITEMS)]) == TITLES


def test_part_banners_between_unnumbered_items_are_not_items():
    lines = [row(60, (56, "Agenda"), size=13, bold=True), row(90, (56, "Part A - Items to be considered in public"), bold=True),
             *ITEMS[:4], row(370, (56, "PART 2 - EXEMPT ITEMS"), bold=True),
             row(390, (56, "Acquisition of Land at Mill Lane"), bold=True), row(404, (56, "Report of the Director of Place."))]
    assert _titles([(1, lines)]) == ["Apologies for absence", "Corporate Risk Register", "Acquisition of Land at Mill Lane"]


def test_an_unnumbered_agenda_under_its_heading_on_the_page_after_a_full_front_sheet():
    front = [row(60, (56, "Kelmscott Borough Council"), size=14, bold=True),
             row(90, (56, "Seating is limited and is available on a first come, first served basis.")),
             row(106, (56, "This meeting may be filmed and broadcast on the council's website."))]
    assert _titles([(1, front), (2, [row(60, (56, "Order of business"), size=13, bold=True), *ITEMS])]) == TITLES


def test_a_front_sheet_under_a_notice_of_meeting_title_alone_gives_no_items_and_warns(tmp_path):
    from tests.councilpdf import Sheet
    from minutetrail.extraction import parse_file
    sheet = Sheet(tmp_path / "f.pdf").line("Harrowfield Community Trust", size=14, bold=True, step=20)
    sheet.line("NOTICE OF MEETING", size=15, bold=True, step=22)
    for text, bold in [("A meeting of the Board of Trustees will be held on Saturday 12 April 2025 14:00 in the Guildhall.", False),
                       ("", False), ("Membership", True), ("Chair: Councillor Ann Vell", False), ("Vice-Chair: Councillor Rob Kite", False),
                       ("", False), ("Information for the public", True),
                       ("Public access: members of the public are welcome to attend this meeting.", False),
                       ("Recording of meetings: this meeting may be filmed, recorded or broadcast live.", False)]:
        sheet.line(text, bold=bold)
    record = parse_file(str(sheet.save()))
    assert record.agenda_items == ()
    assert any("no items read" in w.message for w in record.warnings)


def test_an_unnumbered_bold_title_with_its_page_reference_in_plain_type_is_an_item():
    lines = [row(60, (56, "Agenda"), size=13, bold=True), *ITEMS[:2],
             Line(row(340, (56, "Corporate Risk Register"), bold=True).words + row(340, (470, "Pages 5 - 16")).words),
             row(354, (56, "To note the risks set out in the report.")), *ITEMS[4:]]
    items = lines_to_agenda_items([(1, lines)])
    assert [(i.title, i.page_ref) for i in items] == [("Apologies for absence", None), ("Corporate Risk Register", "5 - 16"),
                                                      ("Date of the next meeting", None)]


def test_an_unnumbered_bold_title_wrapped_under_a_first_line_ending_in_a_plain_page_reference_is_one_item():
    first = Line(row(340, (56, "Council Tax Support Scheme - Response to the Findings"), bold=True).words
                 + row(340, (470, "Pages 5 - 16")).words)
    lines = [row(60, (56, "Agenda"), size=13, bold=True), *ITEMS[:2], first, row(352, (56, "of the Independent Review"), bold=True),
             row(368, (56, "To note the risks set out in the report.")), *ITEMS[4:]]
    assert [i.title for i in lines_to_agenda_items([(1, lines)])] == [
        "Apologies for absence", "Council Tax Support Scheme - Response to the Findings of the Independent Review", "Date of the next meeting"]


def test_an_unnumbered_bold_title_atop_a_page_under_a_bold_title_at_the_foot_of_the_last_is_its_own_item():
    first = [row(60, (56, "Agenda"), size=13, bold=True), *ITEMS[:4], row(780, (56, "Urgent business"), bold=True)]
    second = [row(57, (56, "Dates of future meetings"), bold=True), row(71, (56, "To note the dates of future meetings."))]
    assert [i.title for i in lines_to_agenda_items([(1, first), (2, second)])] == [
        "Apologies for absence", "Corporate Risk Register", "Urgent business", "Dates of future meetings"]
