"""Minutes layout classes found by the unseen-layouts sweep, round 3 (bench/unseen_minutes.py, the split held-out-2,
opened for development once held-out-3 was drawn), each on a minimal hand-made page. Invented names and text."""
from __future__ import annotations

from tests.parsers.test_minutes_classes import Page, cells, heading, minutes_of


def _decisions(p: Page) -> list[tuple[str | None, str]]:
    return [(r.letter, r.text) for i in minutes_of(p).items for r in i.resolutions]


def test_a_bold_resolved_alone_over_that_is_a_lead_in_not_the_decision() -> None:
    p = heading(Page())
    p.add("1. Minutes", bold=True).add("RESOLVED", bold=True).add("That the report be noted.").gap()
    p.add("2. Street Lighting", bold=True).add("Members discussed the upgrade at length.").gap()
    p.add("RESOLVED", bold=True).add("a. that the upgrade programme be approved;", x0=70)
    p.add("b. that a further report be brought to the next meeting.", x0=70)
    assert _decisions(p) == [(None, "That the report be noted."), ("a", "that the upgrade programme be approved;"),
                             ("b", "that a further report be brought to the next meeting.")]


def test_it_was_agreed_that_something_be_done_is_a_decision_and_would_is_not() -> None:
    p = heading(Page())
    p.add("1. Minutes", bold=True)
    p.add("It was agreed that the minutes of the meeting held on 4 March 2025 be approved as a correct record.").gap()
    p.add("2. Street Lighting", bold=True).add("It was agreed that the plan would be circulated to members.").gap()
    p.add("It was agreed that:").add("(1) the upgrade programme be approved;", x0=70)
    p.add("(2) a further report be brought to the next meeting.", x0=70).gap()
    p.add("3. Grants", bold=True)
    p.add("On the proposal of Clr Ann Bell, seconded by Clr Carl Dunn, it was agreed that the scheme be adopted.")
    assert _decisions(p) == [
        (None, "It was agreed that the minutes of the meeting held on 4 March 2025 be approved as a correct record."),
        ("1", "the upgrade programme be approved;"), ("2", "a further report be brought to the next meeting."),
        (None, "On the proposal of Clr Ann Bell, seconded by Clr Carl Dunn, it was agreed that the scheme be adopted.")]


def test_a_motion_made_by_a_and_seconded_by_b_that_is_a_decision() -> None:
    p = heading(Page())
    p.add("1. Grants", bold=True)
    p.add("A motion was made by Ann Bell and seconded by Carl Dunn that the scheme be adopted.")
    p.add("The motion carried.").gap()
    p.add("2. Street Lighting", bold=True)
    p.add("A motion was made by Ann Bell and seconded by Carl Dunn that:")
    p.add("• the upgrade programme be approved;", x0=70).add("• a further report be brought to the next meeting.", x0=70).gap()
    p.add("The motion carried.")
    assert _decisions(p) == [(None, "A motion was made by Ann Bell and seconded by Carl Dunn that the scheme be adopted."),
                             (None, "the upgrade programme be approved;"), (None, "a further report be brought to the next meeting.")]


def _items(p: Page) -> list[tuple[str | None, str]]:
    return [(i.number, i.title) for i in minutes_of(p).items if i.number]


def test_items_numbered_in_roman_capitals() -> None:
    p = heading(Page())
    for num, title in (("I.", "Call to Order"), ("II.", "Approval of Minutes"), ("III.", "Street Lighting"), ("IV.", "Grants")):
        p.add(f"{num} {title}", bold=True).add("Members discussed the matter at some length before the vote.").gap()
    assert _items(p) == [("I", "Call to Order"), ("II", "Approval of Minutes"), ("III", "Street Lighting"), ("IV", "Grants")]


def test_a_run_lettered_past_h_reads_its_i_and_v_as_letters_not_roman_numbers() -> None:
    p = heading(Page())
    p.add("1. Apologies", bold=True).add("Members discussed the matter at some length before the vote.").gap()
    for letter in "ABCDEFGHIJ":
        p.add(f"{letter}. Ward matter {letter.lower()}", bold=True).add("Members noted the update from the ward officer.").gap()
    p.add("2. Grants", bold=True).add("Members discussed the matter at some length before the vote.")
    assert _items(p) == [("1", "Apologies"), ("2", "Grants")]


def test_items_numbered_with_the_committees_code_number_and_year() -> None:
    p = heading(Page())
    for n, title in ((45, "Apologies"), (46, "Street Lighting"), (47, "Grants")):
        p.add(f"ETC/{n}/24 {title}", bold=True).add("Members discussed the matter at some length before the vote.").gap()
    assert _items(p) == [("ETC/45/24", "Apologies"), ("ETC/46/24", "Street Lighting"), ("ETC/47/24", "Grants")]


def test_moved_by_and_seconded_by_on_lines_of_their_own_over_that_and_and_that_clauses() -> None:
    p = heading(Page())
    p.add("1. Street Lighting", bold=True).add("Members discussed the upgrade at length.").gap()
    p.add("Moved by: Alderman Ann Bell").add("Seconded by: Alderman Carl Dunn").gap()
    p.add("THAT the upgrade programme be approved; and")
    p.add("AND THAT a further report be brought to the next meeting.").gap()
    p.add("CARRIED", bold=True).gap()
    p.add("2. Grants", bold=True).add("Moved by: Alderman Ann Bell").add("Seconded by: Alderman Carl Dunn").gap()
    p.add("THAT the scheme be adopted; and").gap().add("AND THAT the grants be paid in May.").gap().add("CARRIED", bold=True)
    assert _decisions(p) == [(None, "THAT the upgrade programme be approved; and"),
                             (None, "AND THAT a further report be brought to the next meeting."),
                             (None, "THAT the scheme be adopted; and"), (None, "AND THAT the grants be paid in May.")]


def _attendance(p: Page) -> tuple[list[str], ...]:
    att = minutes_of(p).attendance
    return list(att.present), list(att.apologies), list(att.substitutes), list(att.in_attendance), list(att.officers)


def test_us_canadian_and_irish_attendance_labels_and_the_title_council_member() -> None:
    p = heading(Page())
    p.add("Committee Members Present:").add("Council Member Ann Bell (Chair), Council Member Carl Dunn")
    p.add("Absent with Regrets:").add("Council Member Eve Ford").add("Alternates Present:").add("Council Member Gail Hart")
    p.add("Others Present:").add("Council Member Kay Lowe").add("City Staff:").add("Ian Jones (Committee Clerk)").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    assert _attendance(p) == (["Ann Bell", "Carl Dunn"], ["Eve Ford"], ["Gail Hart"], ["Kay Lowe"], ["Ian Jones"])
    p = heading(Page())
    p.add("Councillors: Cr Ann Bell (Chair), Cr Carl Dunn").add("Members Absent: Cr Eve Ford")
    p.add("Also attending: Cr Kay Lowe").add("Officials Present: Ian Jones (Committee Clerk)")
    p.add("Council Officers: Joan Moss (Town Clerk)").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    assert _attendance(p) == (["Ann Bell", "Carl Dunn"], ["Eve Ford"], [], ["Kay Lowe"], ["Ian Jones", "Joan Moss"])


def _votes(p: Page) -> list[tuple[int, int, int] | None]:
    return [(v.for_, v.against, v.abstain) if v else None for v in (i.votes for i in minutes_of(p).items if i.number)]


def test_votes_as_ayes_and_noes_and_as_a_count_set_with_a_dash() -> None:
    p = heading(Page())
    p.add("1. Car Parking Charges", bold=True).add("AYES: 5, NOES: 2, ABSENT: 0, ABSTAIN: 1").gap()
    p.add("2. Street Lighting", bold=True).add("The motion carried 6-2, with 1 abstaining.").gap()
    p.add("3. Grants", bold=True).add("The motion failed 3-4.").gap()
    p.add("4. Allotments", bold=True).add("The report covering 2024-25 was noted and 2 sites were approved 2025-26.")
    assert _votes(p) == [(5, 2, 1), (6, 2, 1), (3, 4, 0), None]


def test_a_division_by_name_is_counted_by_the_names_on_each_side() -> None:
    p = heading(Page())
    p.add("1. Car Parking Charges", bold=True).add("For: Crs Bell, Dunn and Ford").add("Against: Nil")
    p.add("Abstained: Cr Hart").gap()
    p.add("2. Street Lighting", bold=True).add("For: Cr Bell").add("Against: Crs Dunn and Ford").gap()
    p.add("3. Grants", bold=True).add("The grants for 2025 were approved, against the advice of officers.")
    assert _votes(p) == [(3, 0, 1), (1, 2, 0), None]


def _actions(p: Page) -> list[tuple[str | None, str]]:
    return [(a.owner, a.text) for i in minutes_of(p).items for a in i.actions]


def test_an_owner_label_on_a_line_of_its_own_under_the_paragraph_names_who_acts() -> None:
    p = heading(Page())
    p.add("1. Street Lighting", bold=True).add("Members discussed the upgrade at length.")
    p.add("It was agreed that the Head of Highways would circulate the plan.").add("Action by: JS", x0=480).gap()
    p.add("2. Grants", bold=True).add("Officers were asked to arrange a site visit.")
    p.add("Responsible Officer: Jane Smith").gap()
    p.add("3. Allotments", bold=True).add("Officers were asked to review the waiting list.").gap()
    p.add("Responsible Officer: Carl Dunn")
    assert _actions(p) == [("JS", "It was agreed that the Head of Highways would circulate the plan."),
                           ("Jane Smith", "Officers were asked to arrange a site visit."),
                           ("Carl Dunn", "Officers were asked to review the waiting list.")]


def test_the_titles_alderman_and_council_member_are_not_part_of_a_persons_name() -> None:
    from minutetrail.parsers.owners import clean_person

    assert [clean_person(n) for n in ("Alderman Ann Bell (Presiding Member)", "Council Member Carl Dunn", "Aldermen Eve Ford",
                                      "Alder Lane Group")] == ["Ann Bell", "Carl Dunn", "Eve Ford", "Alder Lane Group"]


def test_full_names_set_right_under_a_right_aligned_action_by_header() -> None:
    p = heading(Page())  # made-up font: 5 points a character; every right edge at 540
    p.add_line(cells(0, (50, "1. Street Lighting"), (495, "Action by"), bold=True))
    p.add_line(cells(0, (50, "The Head of Highways undertook to circulate the plan."), (460, "Patricia Brennan")))
    p.add("Members welcomed the plan.").gap()
    p.add("2. Grants", bold=True)
    p.add_line(cells(0, (50, "The Clerk undertook to write to the applicants."), (460, "Graham Fairbairn")))
    assert _actions(p) == [("Patricia Brennan", "The Head of Highways undertook to circulate the plan."),
                           ("Graham Fairbairn", "The Clerk undertook to write to the applicants.")]


def test_a_title_of_two_words_broken_at_a_line_end_is_not_a_name() -> None:
    p = heading(Page())
    p.add("Present: Council Member Ann Bell (Chair), Council Member Carl Dunn")
    p.add("Apologies: Council Member Beth Ingram, Council Member Yusuf Thwaite and Council")
    p.add("Member Trevor Penrose").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    assert _attendance(p)[:2] == (["Ann Bell", "Carl Dunn"], ["Beth Ingram", "Yusuf Thwaite", "Trevor Penrose"])


def test_officers_written_role_first_then_their_name() -> None:
    p = heading(Page())
    p.add("Present: Cllr Ann Bell (Chair), Cllr Carl Dunn")
    p.add("Officers: City Clerk Jane Smith, Environmental Health Manager Alan Okafor, Head of Housing Edward Whitlock").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    assert _attendance(p)[4] == ["Jane Smith", "Alan Okafor", "Edward Whitlock"]
