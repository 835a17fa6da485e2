"""A page's first line that names a kind of document inside other words: an agenda item carried over the page
("Item 10: Climate Emergency Action Plan Update") is no action plan, and a report titled "Work Programme" is read
for its recommendations. One test per class, hand-made lines or reportlab (invented text)."""
from __future__ import annotations

import pytest

from minutetrail.extraction import parse_file
from minutetrail.models import DocKind
from minutetrail.parsers.classify import segment
from tests.councilpdf import Sheet
from tests.parsers.test_front_sheet_classes import page

FIRST = [(56, "Kelmscott Borough Council", 14, True), (56, "Agenda", 13, True), (56, "1. Apologies for absence", 10, True),
         (56, "2. Declarations of interest", 10, True), (56, "3. Minutes of the last meeting", 10, True),
         (56, "4. Public questions", 10, True), (56, "5. Fees and charges", 10, True)]


@pytest.mark.parametrize("carried", ["Item 10: Climate Emergency Action Plan Update Pages 77 - 84",
                                     "7 CLIMATE EMERGENCY ACTION PLAN UPDATE", "Item 6 Corporate Action Log"])
def test_an_agenda_page_opening_with_an_item_titled_like_a_plan_or_log_continues_the_agenda(carried):
    second = page((56, carried, 10, True), (96, "To consider the report of the Director of Place."),
                  (56, "Item 11: Waste Collection Contract Extension", 10, True), (96, "To note the position at the end of the quarter."))
    assert [p.kind for p in segment([page(*FIRST), second], {})] == [DocKind.AGENDA]


def test_a_report_titled_work_programme_is_read_for_its_recommendations(tmp_path):
    sheet = Sheet(tmp_path / "r.pdf").line("Work Programme", size=15, bold=True, step=22)
    for text, bold in [("Cabinet Member: Councillor Ann Vell", False), ("Portfolio: Finance and Resources", False),
                       ("Key decision: No", False), ("", False), ("Purpose of the report", True),
                       ("This report asks members to consider the work programme for the coming year.", False), ("", False),
                       ("RECOMMENDATION", True), ("That the Committee agree the work programme for 2025/26.", False), ("", False),
                       ("Background", True), ("The programme is reviewed at each meeting.", False)]:
        sheet.line(text, bold=bold)
    record = parse_file(str(sheet.save()))
    assert [r.text for r in record.recommendations] == ["That the Committee agree the work programme for 2025/26."]


def test_an_agenda_page_of_items_numbered_through_the_year_with_a_report_of_line_is_no_report():
    second = page((56, "Order of business", 13, True), (56, "PART 1 - PUBLIC ITEMS", 10, True), (56, "2025/7 APOLOGIES"), (96, "To receive apologies for absence."),
                  (96, "Report of the Monitoring Officer."), (56, "2025/8 DECLARATIONS OF INTEREST"),
                  (96, "To receive any declarations of interest from members."))
    first = page((56, "Kelmscott Borough Council", 14, True), (56, "Cabinet Agenda", 15, True), (56, "4 March 2025, 14:00"),
                 (56, "Information for the public", 10, True),
                 (56, "Members of the public are welcome to attend this meeting, which may be filmed."))
    assert [p.kind for p in segment([first, second], {})] == [DocKind.AGENDA]


def test_a_page_opening_with_a_numbered_title_set_large_over_file_number_and_officer_labels_is_a_report():
    second = page((56, "9.2 FEES AND CHARGES 2025/26", 13, True), (56, "File Number: F25/412"),
                  (56, "Responsible Officer: Director of Corporate Services"), (56, "Attachments: Nil"),
                  (56, "Purpose of the report", 10, True), (56, "This report asks members to set the fees for the coming year."))
    parts = segment([page(*FIRST), second], {})
    assert [(p.kind, p.title) for p in parts] == [(DocKind.AGENDA, None), (DocKind.REPORT, "FEES AND CHARGES 2025/26")]


def test_an_agenda_page_opening_with_a_numbered_item_and_its_lead_officer_is_no_report():
    second = page((56, "6. Fees and Charges 2025/26", 10, True), (96, "Lead officer: Director of Corporate Services"),
                  (96, "Responsible Officer: Head of Finance"), (56, "7. Date of next meeting", 10, True))
    assert [p.kind for p in segment([page(*FIRST), second], {})] == [DocKind.AGENDA]
