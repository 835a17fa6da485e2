"""Front-sheet titles that carry the committee inside other words: "Meeting of the X", "X Agenda".
One test per layout class, on hand-made lines (invented text)."""
from __future__ import annotations

import pytest

from minutetrail.parsers.meeting import front_sheet_meeting
from tests.parsers.test_front_sheet_classes import page

STANDING = [(56, "1. Apologies for absence", 10, True), (56, "2. Minutes of the last meeting", 10, True)]


@pytest.mark.parametrize("title, committee", [("Meeting of the Board of Trustees", "Board of Trustees"),
                                              ("Special Meeting of the Harbour Committee", "Harbour Committee"),
                                              ("Meeting of the Cabinet", "Cabinet")])
def test_a_meeting_of_the_x_title_names_x(title, committee):
    lines = page((56, "Kelmscott Borough Council", 12, True), (56, title, 15, True), (56, "Tuesday 4 March 2025 18:30"),
                 (56, "The Guildhall, High Street"), (56, "Agenda", 13, True), *STANDING)
    assert front_sheet_meeting(lines).committee == committee


def test_a_cabinet_agenda_title_names_the_cabinet():
    lines = page((56, "Kelmscott Borough Council", 12, True), (56, "Cabinet Agenda", 15, True), (56, "4 March 2025, 14:00"),
                 (56, "Committee Room 2, Town Hall"), (56, "Order of business", 13, True), *STANDING)
    assert front_sheet_meeting(lines).committee == "Cabinet"


def test_a_committee_agenda_title_without_its_name_still_names_none():
    lines = page((56, "Committee Agenda", 15, True), (56, "4 March 2025, 14:00"), (56, "Committee Room 2, Town Hall"), *STANDING)
    assert front_sheet_meeting(lines).committee != "Committee"


def test_an_unnumbered_first_item_under_an_agenda_heading_down_the_page_is_not_the_committee():
    lines = page((56, "Brackenfield Community Trust", 12, True), (56, "Board of Trustees Agenda", 15, True), (56, "28 August 2025, 18:30"),
                 (56, "Meeting Room 1, Riverside House"), (56, "Contact officer: Gareth Pryce, Democratic Services Officer"),
                 (56, "Tel: 01632 960 412"), (56, "Agenda", 13, True), (56, "Apologies for Absence and Substitutions", 10, True),
                 (56, "To receive apologies for absence."))
    assert front_sheet_meeting(lines).committee == "Board of Trustees"


def test_a_council_chamber_venue_over_the_agenda_heading_is_not_the_committee():
    lines = page((56, "Westhaven Borough Council", 12, True), (56, "Meeting of the Cabinet", 15, True), (56, "4 March 2025, 14:00"),
                 (56, "Council Chamber, Civic Offices, Market Street"), (56, "Contact officer: Sam Oduya, Democratic Services"),
                 (56, "Tel: 01632 960 412"), (56, "Email: democratic.services@westhaven.gov.uk"), (56, "Agenda", 13, True), *STANDING)
    assert front_sheet_meeting(lines).committee == "Cabinet"


def test_a_notice_hereby_given_of_an_ordinary_meeting_of_the_x_names_x():
    lines = page((56, "Marlow End Shire Council", 12, True), (56, "NOTICE OF MEETING", 15, True),
                 (56, "Notice is hereby given that an Ordinary Meeting of the Strategic Policy Committee will be held in the"),
                 (56, "Council Chamber, Civic Offices on Tuesday 4 March 2025 at 6.30pm."),
                 (56, "Councillor Ann Hale", 10), (56, "Chief Executive", 10), (56, "Agenda", 13, True), *STANDING)
    assert front_sheet_meeting(lines).committee == "Strategic Policy Committee"


def test_an_x_meeting_no_12_title_over_labels_names_x():
    lines = page((56, "Eastbury Borough Council", 12, True), (56, "Finance and Performance Committee Meeting No. 36", 15, True),
                 (56, "Meeting Date: Saturday 29 March 2025"), (56, "Start Time: 02:30 PM"),
                 (56, "Location: Meeting Room 1, Riverside House"), (56, "Chief Executive", 10), (56, "Agenda", 13, True), *STANDING)
    assert front_sheet_meeting(lines).committee == "Finance and Performance Committee"
