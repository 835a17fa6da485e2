"""Agenda structure from layout, one test per failure class, on hand-made lines (invented text)."""
from __future__ import annotations

from minutetrail.models import Line, Word
from minutetrail.parsers.agenda import lines_to_agenda_items
from minutetrail.parsers.agenda_extract import minute_extract_item

CHAR = 5.0


def line(x: float, y: float, text: str, size: float = 11.0, bold: bool = False) -> Line:
    words = []
    for tok in text.split():
        words.append(Word(tok, x, y, x + len(tok) * CHAR, y + size, bold=bold, size=size))
        x += len(tok) * CHAR + 3
    return Line(tuple(words))


def page(*specs: tuple, start: float = 60.0, step: float = 18.0) -> list[Line]:
    """Lines from (x, text[, size[, bold]]) specs, one every ``step`` points."""
    return [line(spec[0], start + i * step, *spec[1:]) for i, spec in enumerate(specs)]


def read(*specs: tuple, **kw: float) -> list[tuple[str, str, str | None]]:
    items = lines_to_agenda_items([(1, page(*specs, **kw))])
    return [(i.number, i.title, i.description) for i in items]


def test_ag_outline_roman_sections_restart_and_lettered_sub_items():
    got = read(
        (60, "AGENDA", 14, True),
        (60, "I. OPENING MATTERS", 11, True),
        (72, "1. Welcome and introductions"),
        (72, "2. Reports from working groups"),
        (92, "(a) Footpaths group"),
        (92, "(b) Allotments group"),
        (60, "II. NEW BUSINESS", 11, True),
        (72, "1. Village hall heating"),
        (72, "2. Tree survey tender"),
        (92, "2.1 Review of the three quotes"),
        (72, "3. Any other business"),
    )
    assert [(n, t) for n, t, _d in got] == [
        ("1", "Welcome and introductions"), ("2", "Reports from working groups"), ("2a", "Footpaths group"),
        ("2b", "Allotments group"), ("1", "Village hall heating"), ("2", "Tree survey tender"),
        ("2.1", "Review of the three quotes"), ("3", "Any other business")]


def test_ag_outline_numbering_tokens_as_printed():
    got = read((50, "1-1-1 Opening of the sitting"), (50, "1-1-2 Roll of members"), (50, "1-1-3 Adoption of the order paper"))
    assert [n for n, _t, _d in got] == ["1-1-1", "1-1-2", "1-1-3"]
    got = read((50, "18.11.1 Chair's announcements"), (50, "18.11.2 Budget monitoring"), (50, "18.11.3 Capital programme"))
    assert [n for n, _t, _d in got] == ["18.11.1", "18.11.2", "18.11.3"]


def test_ag_outline_deeper_numbered_list_stays_inside_its_item():
    got = read(
        (60, "1. Apologies"),
        (60, "2. Closed session"),
        (80, "Purpose of the closed session:"),
        (80, "1. To receive advice on a land matter."),
        (80, "2. To consider a staffing matter."),
        (60, "3. Adjournment"),
    )
    assert [n for n, _t, _d in got] == ["1", "2", "3"]
    assert "land matter" in (got[1][1] + " " + (got[1][2] or ""))


def test_ag_outline_out_of_order_numbers_with_the_items_typography():
    got = read(
        (72, "1. To receive apologies", 12, True),
        (72, "2. Declarations of interest", 12, True),
        (72, "3. Footpath repairs", 12, True),
        (72, "2 Playing field lease", 12, True),  # printed out of order, same place and type as the items
        (72, "4. Date of the next meeting", 12, True),
    )
    assert [n for n, _t, _d in got] == ["1", "2", "3", "2", "4"]


def test_ag_outline_a_later_numbered_list_in_body_type_is_not_items():
    got = read(
        (66, "1. APOLOGIES FOR ABSENCE", 11, True),
        (66, "2. MINUTES", 11, True),
        (66, "3. FINANCE REPORT", 11, True),
        (62, "Principles of conduct", 11),
        (62, "2. Fairness", 11),
        (62, "Members should act fairly in every decision they take.", 11),
        (62, "3. Openness", 11),
    )
    assert [n for n, _t, _d in got] == ["1", "2", "3"]


def test_ag_legistar_ref_column_file_numbers_sub_refs_and_sitting_restart():
    got = read(
        (40, "1 24-0101 Approval of the minutes of the last sitting"),
        (40, "2 24-0102 Budget amendment for the parks fund"),
        (40, "A 24-0103 Playground resurfacing allocation"),
        (40, "B 24-0104 Tree planting allocation"),
        (40, "3 24-0105 Zoning appeal for a corner lot"),
        (40, "EVENING SITTING"),
        (40, "1 24-0200 Call to order"),
        (40, "2 24-0201 Public hearing on the levy"),
    )
    assert [(n, t) for n, t, _d in got] == [
        ("1", "Approval of the minutes of the last sitting"), ("2", "Budget amendment for the parks fund"),
        ("2A", "Playground resurfacing allocation"), ("2B", "Tree planting allocation"),
        ("3", "Zoning appeal for a corner lot"), ("1", "Call to order"), ("2", "Public hearing on the levy")]


def test_ag_legistar_dotted_letter_refs():
    got = read((40, "1 Consent items"), (40, "1.A Library hours"), (40, "1.B Pool opening"), (40, "2 Reports"))
    assert [n for n, _t, _d in got] == ["1", "1.A", "1.B", "2"]


def test_ag_boundary_typography_not_punctuation():
    got = read(
        (72, "1. Appointment of external auditors"),
        (90, "(Local Audit Act, section 7)"),  # bracketed, at the title's indent: part of the title
        (72, "2. Planning - to consider the applications received"),
        (72, "3. Grants to village groups"),
        (90, "Officers will present three bids received this year", 9),  # smaller type: a description
        (50, "Note: papers are available from the clerk"),  # left of the items: not part of item 3
    )
    assert got[0][:2] == ("1", "Appointment of external auditors (Local Audit Act, section 7)")
    assert got[1] == ("2", "Planning", "to consider the applications received")
    assert got[2] == ("3", "Grants to village groups", "Officers will present three bids received this year")


def test_ag_boundary_wrapped_date_is_not_an_item():
    got = read((60, "1. Welcome"), (60, "2. Minutes of the meeting held on"), (60, "22 March 2025 at 7 pm"), (60, "3. Finance"))
    assert [n for n, _t, _d in got] == ["1", "2", "3"]


def test_ag_table_agenda_printed_as_a_table():
    lines = [
        line(60, 100, "Item", 10, True), line(95, 100, "Description", 10, True), line(360, 100, "Lead", 10, True),
        line(420, 100, "Time", 10, True), line(480, 100, "Paper", 10, True),
    ]
    header = Line(tuple(w for ln in lines for w in ln.words))
    rows = [
        header,
        Line(line(66, 118, "01 Opening", 10, True).words + line(420, 118, "10:00", 10).words),
        Line(line(95, 134, "Welcome and apologies", 10).words + line(360, 134, "Chair", 10).words + line(480, 134, "Doc 1a", 10).words),
        line(120, 150, "• Members to sign the register", 10),
        Line(line(66, 166, "02 Treasurer's business", 10, True).words + line(420, 166, "10:30", 10).words),
        Line(line(95, 182, "Quarterly accounts", 10).words + line(360, 182, "Treasurer", 10).words),
        line(95, 198, "Lunch", 10, True),
        Line(line(66, 214, "03 Close", 10, True).words + line(420, 214, "13:00", 10).words),
        line(40, 240, "Abbreviations: Doc means a paper circulated", 10),
    ]
    items = lines_to_agenda_items([(1, rows)])
    assert [(i.number, i.title, i.description) for i in items] == [
        ("01", "Opening", "Welcome and apologies Members to sign the register"),
        ("02", "Treasurer's business", "Quarterly accounts"),
        ("03", "Close", None),
    ]


def test_ag_minute_extract_item():
    lines = page((60, "Agenda item"), (60, "Library opening hours review"), (60, "To consider the consultation results."),
                 (60, "Minutes:"), (60, "The committee discussed the results."))
    item = minute_extract_item(1, lines)
    assert item is not None and (item.number, item.title, item.description) == (
        "", "Library opening hours review", "To consider the consultation results.")


def test_ag_boundary_page_foot_note_does_not_cut_a_title_running_over_the_page():
    p1 = [line(72, 600, "2. Approval of a contract with Example Paving Ltd for the", 14),
          line(108, 615, "resurfacing of the high street and the market square", 14),
          line(72, 700, "PAPERS RECEIVED AFTER THE AGENDA WAS PRINTED ARE AVAILABLE AT THE OFFICE", 8)]
    p2 = [line(108, 60, "car park, with a budget amendment of the same amount", 14),
          line(72, 90, "3. Public hearing on the parking charges", 14)]
    items = lines_to_agenda_items([(1, [line(72, 560, "1. Minutes of the last meeting", 14)] + p1), (2, p2)])
    assert [i.number for i in items] == ["1", "2", "3"]
    assert items[1].title.endswith("market square car park, with a budget amendment of the same amount")


def test_ag_boundary_heading_at_the_numbers_edge_after_a_gap_ends_the_item():
    got = read((72, "1. Apologies", 12, True), (72, "2. Finance", 12, True), (108, "To approve the monthly payments", 12, True),
               (72, "Other Matters", 12, True), (72, "For information only", 11), step=30)
    assert got[-1] == ("2", "Finance", "To approve the monthly payments")


def test_ag_boundary_time_slot_and_first_line_page_range_are_not_title():
    got = read((72, "1. Welcome"), (72, "2. Review of the climate plan and next steps 9:30 - 10:45 PM"))
    assert got[1][1] == "Review of the climate plan and next steps"
    lines = [line(66, 60, "1. APOLOGIES", 12, True),
             Line(line(66, 80, "2. HIGHWAYS IMPROVEMENT PLAN - PROGRESS", 12, True).words + line(491, 80, "51 - 58", 12).words),
             line(91, 95, "UPDATE", 12, True)]
    items = lines_to_agenda_items([(1, lines)])
    assert (items[1].title, items[1].page_ref) == ("HIGHWAYS IMPROVEMENT PLAN - PROGRESS UPDATE", "51 - 58")


def test_ag_outline_item_word_before_the_number():
    got = read((60, "Item 1 – Welcome and apologies"), (60, "Item 2 – Matters arising"), (60, "Item 3: Budget setting"))
    assert [(n, t) for n, t, _d in got] == [("1", "Welcome and apologies"), ("2", "Matters arising"), ("3", "Budget setting")]


def test_ag_table_centred_lead_cells_and_page_foot():
    header = Line(line(60, 100, "Item", 10, True).words + line(95, 100, "Description", 10, True).words
                  + line(374, 100, "Lead", 10, True).words + line(480, 100, "Paper", 10, True).words)
    rows = [header,
            line(66, 118, "01 Opening", 10, True),
            Line(line(95, 134, "Round table", 10).words + line(369, 134, "Chair, All", 10).words + line(480, 134, "Verbal", 10).words),
            line(300, 400, "1 VERSION 2", 10)]
    items = lines_to_agenda_items([(1, rows)])
    assert [(i.number, i.title, i.description) for i in items] == [("01", "Opening", "Round table")]


def test_ag_outline_lettered_sections_in_title_case_restart_numbering():
    got = read((50, "A. Call to order"), (62, "1. Roll call"), (62, "2. Pledge"), (50, "B. Consent calendar"),
               (62, "1. Approval of the minutes"), (62, "2. Street light contract"), (50, "C. Adjournment"))
    assert [(n, t) for n, t, _d in got] == [("1", "Roll call"), ("2", "Pledge"), ("1", "Approval of the minutes"),
                                             ("2", "Street light contract")]


def test_ag_outline_agenda_numbered_on_from_earlier_meetings():
    got = read((60, "245. Apologies for absence"), (60, "246. Minutes of the last meeting"), (60, "247. Planning applications"))
    assert [n for n, _t, _d in got] == ["245", "246", "247"]
    # a lone number in prose is no item
    assert read((60, "150 residents signed the petition about the bus route."), (60, "The clerk will reply.")) == []


def test_ag_boundary_bold_note_under_a_plain_title_is_not_title():
    got = read((60, "1. Budget monitoring report"), (80, "This item was deferred from the last meeting", 11, True),
               (60, "2. Parks strategy"))
    assert got[0] == ("1", "Budget monitoring report", "This item was deferred from the last meeting")


def test_ag_outline_lettered_sub_items_after_a_lead_in_and_recommendations_are_not():
    got = read((60, "1. Apologies"), (60, "2. Reports from committees:"), (80, "(a) Planning committee"),
               (80, "(b) Finance committee"), (60, "3. Budget report"), (60, "Recommendation(s) That:"),
               (80, "a) That the contents of this report are noted by the committee and the council;"),
               (60, "4. Close"))
    assert [n for n, _t, _d in got] == ["1", "2", "2a", "2b", "3", "4"]


def test_ag_outline_numbers_skipping_withdrawn_items():
    got = read((72, "1. Apologies"), (72, "2. Minutes"), (72, "9. Any other business"), (72, "10. Close"))
    assert [n for n, _t, _d in got] == ["1", "2", "9", "10"]


def test_ag_boundary_wrapped_sentence_starting_with_a_section_number_is_no_item():
    got = read((72, "1. Apologies"), (72, "2. Call-in of a decision"), (90, "The constitution sets out the criteria, at section"),
               (90, "17.67 for calling in a decision."), (72, "3. Close"))
    assert [n for n, _t, _d in got] == ["1", "2", "3"]


def test_ag_table_inside_an_item_does_not_make_a_table_agenda():
    rows = page((60, "1. Apologies"), (60, "2. Grants"))
    header = Line(line(60, 200, "Item", 10, True).words + line(95, 200, "Description", 10, True).words
                  + line(374, 200, "Lead", 10, True).words + line(480, 200, "Time", 10, True).words)
    items = lines_to_agenda_items([(1, rows + [header, line(66, 216, "01 Hall roof", 10)])])
    assert [i.number for i in items][:2] == ["1", "2"]


def test_ag_boundary_wrapped_title_line_starting_with_for_stays_title():
    got = read((60, "1. Report of the chief executive on the arrangements"), (60, "for the new financial year"), (60, "2. Close"))
    assert got[0][1] == "Report of the chief executive on the arrangements for the new financial year"


def test_ag_boundary_people_under_the_title_are_not_title():
    got = read((60, "1. Presentation on the local plan"), (60, "Councillor A Brook, Cabinet Member for Planning"),
               (60, "2. Report of the chief executive on the arrangements"), (60, "Mrs C Dale, Chief Executive"), (60, "3. Close"))
    assert got[0] == ("1", "Presentation on the local plan", "Councillor A Brook, Cabinet Member for Planning")
    assert got[1] == ("2", "Report of the chief executive on the arrangements", "Mrs C Dale, Chief Executive")


def test_ag_untitled_front_sheet_of_numbered_business_before_titled_minutes():
    """A pack opens on a list of business whose 'Agenda' heading is a picture (or OCR lost it), then minutes."""
    from minutetrail.models import DocKind
    from minutetrail.parsers.classify import segment

    front = page(
        (200, "Tuesday, 9 April 2024", 14, True),
        (200, "Start time 7:00 p.m.", 12, True),
        (72, "1. Declarations of interest"),
        (72, "2. Presentation: Orchard trust annual accounts"),
        (72, "3. Reports of working groups"),
        (72, "4. Resolution: Adopt the minutes of the March meeting"),
        (72, "5. By-law: Footpath lighting hours"),
        (72, "6. Correspondence"),
        (72, "7. Adjournment"),
    )
    minutes = page(
        (200, "MINUTES OF THE MEETING", 14, True),
        (72, "Present: Councillors Amber Quill and Rowan Dale."),
        (72, "1. Declarations of interest. None were made."),
        (72, "The chair welcomed the orchard trust, who presented the annual accounts and answered questions"),
        (72, "about the cider press. It was agreed to note the accounts."),
    )
    parts = segment([front, minutes], {})
    assert [(p.kind, p.page_start, p.page_end) for p in parts] == [(DocKind.AGENDA, 1, 1), (DocKind.MINUTES, 2, 2)]
    items = lines_to_agenda_items([(1, front)])
    assert [i.number for i in items] == [str(n) for n in range(1, 8)]


def test_ag_untitled_page_of_prose_is_not_taken_for_an_agenda():
    from minutetrail.models import DocKind
    from minutetrail.parsers.classify import segment

    prose = page(*[(72, f"{n}. The orchard survey counted trees along the northern boundary and found several") for n in range(1, 3)],
                 *[(72, "saplings planted last winter had failed in the dry spring, so the volunteers will replant") for _ in range(6)])
    assert segment([prose], {})[0].kind != DocKind.AGENDA
