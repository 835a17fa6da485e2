"""Front sheets of councils not seen before: what makes an untitled first page an agenda, and where its
committee is named. One test per layout class, on hand-made lines (invented text)."""
from __future__ import annotations

import pytest

from minutetrail.models import DocKind, Line, Word
from minutetrail.parsers.classify import segment
from minutetrail.parsers.meeting import front_sheet_meeting

CHAR = 5.0


def line(x: float, y: float, text: str, size: float = 10.0, bold: bool = False) -> Line:
    words = []
    for tok in text.split():
        words.append(Word(tok, x, y, x + len(tok) * CHAR, y + size, bold=bold, size=size))
        x += len(tok) * CHAR + 3
    return Line(tuple(words))


def page(*specs: tuple, step: float = 16.0) -> list[Line]:
    """Lines from (x, text[, size[, bold]]) specs, one every ``step`` points."""
    return [line(spec[0], 60 + i * step, *spec[1:]) for i, spec in enumerate(specs)]


STANDING = [(56, "1. Apologies for absence", 10, True), (56, "2. Declarations of interest", 10, True),
            (56, "3. Minutes of the last meeting", 10, True), (56, "4. Fees and charges", 10, True)]
NOTICE = [(56, "Information for the public", 10, True),
          (56, "Seating is limited and is available on a first come, first served basis, so please arrive in good time."),
          (56, "Anyone wishing to speak should contact the clerk two working days before, giving their name and topic."),
          (56, "If you need this information in another format or language please contact democratic services.")]
FRONT_SHEETS = {  # lines that open the page, before its standing items
    "order-of-business-heading-under-notices": [(56, "Kelmscott Borough Council", 14, True), *NOTICE, (56, "Order of business", 13, True)],
    "summons": [(56, "Kelmscott Borough Council", 14, True),
                (56, "You are summoned to attend a meeting of the Licensing Panel to be held in the Guildhall"), *NOTICE],
    "labelled-particulars": [(56, "Kelmscott Borough Council", 14, True), (56, "Date: Monday 3 March 2025"), (56, "Time: 7.00 pm"),
                             (56, "Venue: The Guildhall"), *NOTICE],
    "membership-chair-and-contact-officer": [(56, "Kelmscott Borough Council", 14, True), (56, "Membership", 10, True),
                                             (56, "Chair: Councillor Ann Vell"), (56, "Vice-Chair: Councillor Rob Kite"),
                                             (56, "Contact officer: Sue Marr, Democratic Services"), *NOTICE[1:]],
    "public-welcome-notice": [(56, "Kelmscott Borough Council", 14, True),
                              (56, "Members of the public are welcome to attend this meeting of the panel."), *NOTICE],
}


@pytest.mark.parametrize("sheet", sorted(FRONT_SHEETS))
def test_an_untitled_front_sheet_whose_standing_items_are_apologies_and_minutes_is_an_agenda(sheet):
    parts = segment([page(*FRONT_SHEETS[sheet], *STANDING)], {})
    assert [p.kind for p in parts] == [DocKind.AGENDA]


def test_an_untitled_front_sheet_with_the_items_purposes_is_an_agenda():
    lines = page((56, "Kelmscott Borough Council", 14, True), *NOTICE,
                 (56, "1. Apologies for absence", 10, True), (70, "To receive apologies for absence."),
                 (56, "2. Minutes", 10, True), (70, "To approve the minutes of the last meeting."))
    assert segment([lines], {})[0].kind == DocKind.AGENDA


def test_an_untitled_page_mostly_numbered_titles_numbered_one_point_nought_is_an_agenda():
    lines = page((56, "Kelmscott Borough Council", 14, True), (56, "Audit Committee", 16, True),
                 *[(56, f"{n}.0 {t}", 10, True) for n, t in enumerate(
                     ["Apologies", "Minutes", "Declarations of interest", "Risk register", "Audit plan", "Any other business"], 1)])
    assert segment([lines], {})[0].kind == DocKind.AGENDA


def test_minutes_with_apologies_and_minutes_items_and_who_was_present_stay_minutes():
    lines = page((56, "Kelmscott Borough Council", 14, True), (56, "Order of business", 13, True),
                 (56, "Present: Councillors Ann Vell and Rob Kite"), *STANDING,
                 (56, "It was agreed that the fees be raised. RESOLVED that the minutes be signed."))
    assert segment([lines], {})[0].kind == DocKind.MINUTES


def test_a_meeting_label_names_the_committee():
    m = front_sheet_meeting(page((56, "Kelmscott Borough Council", 14, True), (56, "Meeting: Planning Sub-Committee"),
                                 (56, "Date: Monday 3 March 2025"), (56, "AGENDA", 13, True),
                                 (56, "Item Subject Lead officer Pages", 10, True)))
    assert (m.committee, m.date) == ("Planning Sub-Committee", "2025-03-03")


@pytest.mark.parametrize("opening", [
    ["To: All Members of the Licensing Sub-Committee", "Please attend the meeting on Monday 3 March 2025 at 7.00 pm."],
    ["Dear Councillor,", "You are summoned to attend a meeting of the Licensing Sub-Committee to be held on Monday 3 March 2025."],
])
def test_a_summons_names_the_committee_in_its_sentence_or_its_addressees(opening):
    m = front_sheet_meeting(page((56, "Kelmscott Borough Council", 14, True), *[(56, t) for t in opening],
                                 (56, "AGENDA", 13, True), (56, "1. Apologies for absence")))
    assert m.committee == "Licensing Sub-Committee"


def test_the_committee_over_an_agenda_heading_is_the_line_set_largest_not_the_council():
    m = front_sheet_meeting(page((56, "Kelmscott Borough Council", 14, True), (56, "Audit and Governance Committee", 18, True),
                                 (56, "Monday 3rd March 2025 at 2.30pm"), (56, "AGENDA", 13, True),
                                 (60, "Agenda Item Title Report Author Paper", 10, True), (60, "1 Apologies Clerk")))
    assert m.committee == "Audit and Governance Committee"


def test_councillors_listed_above_the_heading_are_not_the_committee():
    m = front_sheet_meeting(page((56, "Health and Wellbeing Board", 18, True), (56, "Monday 3rd March 2025 at 2.30pm"),
                                 (56, "Membership", 10, True), (56, "Councillors Ann Vell, Rob Kite and Sue Marr"),
                                 (56, "AGENDA", 13, True), (56, "A. Apologies for absence")))
    assert m.committee == "Health and Wellbeing Board"


def test_a_front_sheet_title_repeated_in_smaller_type_atop_each_report_of_a_short_pack_is_kept():
    from minutetrail.models import PageData
    from minutetrail.parsers.text import content_lines

    title, foot = "Ashcombe Parish Council", "Ashcombe Parish Council meeting papers"

    def page_of(n: int, *specs: tuple[str, float, float, bool]) -> PageData:
        return PageData(n, 595, 842, tuple(w for text, top, size, bold in specs for w in line(56, top, text, size, bold).words))

    pages = [page_of(1, (title, 40, 15.5, True), ("Order of business", 80, 13, True), (foot, 820, 8, False)),
             *[page_of(n, (title, 40, 11, False), ("Report of the Clerk", 80, 11, False), (foot, 820, 8, False)) for n in (2, 3)]]
    lines = content_lines(pages)
    assert [ln.text for ln in lines[0]] == [title, "Order of business"]  # large and bold on the front sheet: its title
    assert [ln.text for ln in lines[1]] == [title, "Report of the Clerk"]  # the foot, in one type on every page, is furniture


def test_an_untitled_page_of_lettered_titles_is_an_agenda():
    lines = page((56, "Kelmscott Parish Council", 14, True), (56, "04.03.2025 at 19.30"),
                 *[(56, f"{c}. {t}", 10, True) for c, t in zip("ABCDEF", ["APOLOGIES", "MINUTES", "DECLARATIONS OF INTEREST",
                                                                         "PLAY AREA", "FOOTPATHS", "ANY OTHER BUSINESS"])])
    assert segment([lines], {})[0].kind == DocKind.AGENDA


def test_an_agenda_table_carried_onto_a_page_whose_items_name_a_lead_officer_is_no_report():
    first = page((56, "Kelmscott Borough Council", 14, True), (56, "AGENDA", 13, True), (60, "Item Subject Lead officer Pages", 10, True),
                 (60, "1 Apologies for absence"), (60, "2 Minutes of the last meeting"))
    second = page((60, "Item Subject Lead officer Pages", 10, True), (60, "13 Council Tax Support Scheme"),
                  (112, "Lead officer: Ann Vell, Head of Finance."), (60, "14 Highways Maintenance Update"),
                  (112, "Lead officer: Rob Kite, Head of Highways."), (60, "15 Date of next meeting"))
    assert [(p.kind, p.page_start, p.page_end) for p in segment([first, second], {})] == [(DocKind.AGENDA, 1, 2)]
