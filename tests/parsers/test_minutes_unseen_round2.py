"""Minutes layout classes found by the unseen-layouts sweep, round 2 (bench/unseen_minutes.py, the first held-out
half, opened for development once held-out-2 was drawn), each on a minimal hand-made page. Invented names and text."""
from __future__ import annotations

from tests.parsers.test_minutes_classes import Page, cells, heading, minutes_of


def _votes(p: Page) -> list[tuple[int, int, int] | None]:
    return [(v.for_, v.against, v.abstain) if v else None for v in (i.votes for i in minutes_of(p).items if i.number)]


def test_votes_counted_as_n_votes_to_m_with_abstentions() -> None:
    p = heading(Page())
    p.add("1. Car Parking Charges", bold=True)
    p.add("On being put to the vote, the motion was carried by 7 votes to 2 with 1 abstention.").gap()
    p.add("2. Street Lighting", bold=True)
    p.add("The recommendation was agreed by 6 votes to 3, with 2 abstentions.").gap()
    p.add("3. Grants", bold=True).add("The amendment was lost by 4 votes to 5.").gap()
    p.add("4. Allotments", bold=True).add("The report was noted; 2 more sites were sought for 2026.")
    assert _votes(p) == [(7, 2, 1), (6, 3, 2), (4, 5, 0), None]


def test_votes_labelled_in_favour() -> None:
    p = heading(Page())
    p.add("1. Car Parking Charges", bold=True).add("In favour: 6, Against: 2, Abstentions: 1").gap()
    p.add("2. Consultation", bold=True).add("Most of the 400 responses were in favour of the 3 options.")
    assert _votes(p) == [(6, 2, 1), None]


def _decisions(p: Page) -> list[tuple[str | None, str]]:
    return [(r.letter, r.text) for i in minutes_of(p).items for r in i.resolutions]


def test_a_body_agreed_that_lead_in_opens_a_list_of_parts() -> None:
    p = heading(Page())
    p.add("1. Minutes of the Previous Meeting", bold=True)
    p.add("The Committee AGREED that the minutes of the meeting held on 4 March 2025 be approved as a correct record.").gap()
    p.add("2. Street Lighting", bold=True).add("Members discussed the upgrade at length.").gap()
    p.add("The Committee AGREED that:").add("(a) the upgrade programme be approved;", x0=70)
    p.add("(b) a further report be brought to the next meeting.", x0=70)
    assert _decisions(p) == [
        (None, "The Committee AGREED that the minutes of the meeting held on 4 March 2025 be approved as a correct record."),
        ("a", "the upgrade programme be approved;"), ("b", "a further report be brought to the next meeting.")]


def test_a_motion_moved_and_seconded_in_prose_ending_that_opens_a_list_of_parts() -> None:
    p = heading(Page())
    p.add("1. Street Lighting", bold=True).add("Members discussed the upgrade at length.").gap()
    p.add("It was moved by Cllr Ann Bell, seconded by Cllr Carl Dunn, that:")
    p.add("1. the upgrade programme be approved;", x0=70).add("2. a further report be brought to the next meeting.", x0=70).gap()
    p.add("The motion was carried.").gap()
    p.add("2. Grants", bold=True)
    p.add("It was moved by Cllr Ann Bell, seconded by Cllr Carl Dunn, that the scheme be adopted.")
    p.add("The motion was carried.")
    assert _decisions(p) == [("1", "the upgrade programme be approved;"), ("2", "a further report be brought to the next meeting."),
                             (None, "It was moved by Cllr Ann Bell, seconded by Cllr Carl Dunn, that the scheme be adopted.")]


def test_a_title_abbreviated_with_a_full_stop_does_not_end_the_motions_sentence() -> None:
    p = heading(Page())
    p.add("1. Minutes", bold=True)
    p.add("It was moved by Cllr. Ann Bell, seconded by Cllr. Carl Dunn, that the minutes be approved as a correct record.")
    p.add("The motion was carried.").gap()
    p.add("2. Street Lighting", bold=True)
    p.add("It was moved by Cllr. Ann Bell, seconded by Cllr. Carl Dunn, that:")
    p.add("(a) the upgrade programme be approved;", x0=70).add("(b) a further report be brought to the next meeting.", x0=70).gap()
    p.add("The motion was carried.")
    assert _decisions(p) == [
        (None, "It was moved by Cllr. Ann Bell, seconded by Cllr. Carl Dunn, that the minutes be approved as a correct record."),
        ("a", "the upgrade programme be approved;"), ("b", "a further report be brought to the next meeting.")]


def test_a_sentence_back_at_the_margin_under_an_indented_part_is_not_part_of_it() -> None:
    p = heading(Page())
    p.add("1. Street Lighting", bold=True)
    p.add("It was moved by Cllr Ann Bell, seconded by Cllr Carl Dunn, that:")
    p.add("(a) the upgrade programme be approved;", x0=70).add("(b) a further report be brought to the next meeting.", x0=70)
    p.add("The motion was carried.")
    assert _decisions(p) == [("a", "the upgrade programme be approved;"), ("b", "a further report be brought to the next meeting.")]


def test_labels_in_a_left_column_with_lists_of_names_wrapped_beside_them() -> None:
    p = heading(Page())
    p.add_line(cells(0, (50, "Members present"), (200, "Councillor Ann Bell (Chair), Councillor Carl Dunn, Councillor Eve")))
    p.add_line(cells(0, (200, "Ford, and Councillor Gail Hart")))
    p.add_line(cells(0, (50, "Apologies for absence"), (200, "Councillor Ian Jones and Councillor Kay Lowe")))
    p.add_line(cells(0, (50, "Officers present"), (200, "Mark Nash, Committee Clerk, Olive Price, Head of")))
    p.add_line(cells(0, (200, "Finance, and Paul Quinn, Monitoring Officer"))).gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    att = minutes_of(p).attendance
    assert list(att.present) == ["Ann Bell", "Carl Dunn", "Eve Ford", "Gail Hart"]
    assert list(att.apologies) == ["Ian Jones", "Kay Lowe"]
    assert list(att.officers) == ["Mark Nash", "Olive Price", "Paul Quinn"]


def test_officers_written_name_then_role_after_a_comma_or_a_dash() -> None:
    p = heading(Page())
    p.add("Present: Cllr Ann Bell (Chair), Cllr Carl Dunn")
    p.add("Officers: Mark Nash, Committee Clerk; Olive Price, Assistant Director, Communities; Paul Quinn, Legal Adviser")
    p.add("Also in attendance: Rhys Shaw - Head of Finance, Tara Upton - Monitoring Officer").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    att = minutes_of(p).attendance
    assert list(att.officers) == ["Mark Nash", "Olive Price", "Paul Quinn"]
    assert [n for n in att.in_attendance] == ["Rhys Shaw", "Tara Upton"]


def test_attendance_labels_regrets_alternates_staff_present_and_officers_in_attendance() -> None:
    p = heading(Page())
    p.add("Attendees: Ann Bell (Chair), Carl Dunn").add("Regrets: Eve Ford").add("Alternates: Gail Hart (for Eve Ford)")
    p.add("Staff present: Ian Jones (Committee Clerk)").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    att = minutes_of(p).attendance
    assert (list(att.present), list(att.apologies), list(att.substitutes), list(att.officers)) == (
        ["Ann Bell", "Carl Dunn"], ["Eve Ford"], ["Gail Hart"], ["Ian Jones"])
    p = heading(Page())
    p.add("Members Present", bold=True).add("Cllr Ann Bell, Cllr Carl Dunn", x0=70)
    p.add("Apologies received", bold=True).add("Cllr Eve Ford", x0=70)
    p.add("Named substitutes", bold=True).add("Cllr Gail Hart", x0=70)
    p.add("Officers in Attendance", bold=True).add("Ian Jones (Committee Clerk)", x0=70).gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    att = minutes_of(p).attendance
    assert (list(att.present), list(att.apologies), list(att.substitutes), list(att.officers)) == (
        ["Ann Bell", "Carl Dunn"], ["Eve Ford"], ["Gail Hart"], ["Ian Jones"])


def test_a_name_broken_after_a_plural_title_and_first_name_at_a_line_end() -> None:
    p = heading(Page())
    p.add("Present: Councillor Ann Bell (Chair); Councillors Carl")
    p.add("Dunn (Vice-Chair), Eve Ford and Gail Hart").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    assert list(minutes_of(p).attendance.present) == ["Ann Bell", "Carl Dunn", "Eve Ford", "Gail Hart"]


def test_an_action_owner_with_the_initials_na_is_a_person_not_not_applicable() -> None:
    p = heading(Page())
    p.add("1. Street Lighting", bold=True)
    p.add("Members discussed the upgrade. The Clerk agreed to obtain three quotes. ACTION: NA").gap()
    p.add("It was agreed that officers would write to the county council. ACTION: JS").gap()
    p.add("The Chair thanked the officers. ACTION: N/A")
    owners = [a.owner for i in minutes_of(p).items for a in i.actions]
    assert owners == ["NA", "JS", None]


def test_a_list_wrapped_after_its_serial_and_leaves_no_name_and() -> None:
    p = heading(Page())
    p.add("Present: Cllr. Ann Bell (Chair), Cllr. Carl Dunn, Cllr. Eve Ford, and")
    p.add("Cllr. Gail Hart").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    assert list(minutes_of(p).attendance.present) == ["Ann Bell", "Carl Dunn", "Eve Ford", "Gail Hart"]


def test_an_officers_role_wrapped_at_its_last_word_or_before_its_dash_stays_with_the_officer() -> None:
    p = heading(Page())
    p.add("Present: Cllr Ann Bell (Chair), Cllr Carl Dunn")
    p.add("Officers: Wendy Lowe, Environmental Health Manager; Diane Moss, Committee")
    p.add("Clerk").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    assert list(minutes_of(p).attendance.officers) == ["Wendy Lowe", "Diane Moss"]
    p = heading(Page())
    p.add("Present: Cllr Ann Bell (Chair), Cllr Carl Dunn")
    p.add("Officers: Declan Ross - Environmental Health Manager, Linda Shaw")
    p.add("- Legal Adviser, Nadia Eley - Committee Clerk").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    assert list(minutes_of(p).attendance.officers) == ["Declan Ross", "Linda Shaw", "Nadia Eley"]
