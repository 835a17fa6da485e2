"""Minutes layout classes found by the unseen-layouts sweep (bench/unseen_minutes.py, development half),
each on a minimal hand-made page. Invented names and text only."""
from __future__ import annotations

from minutetrail.models import DocKind, Line, PageData
from minutetrail.parsers.classify import segment
from minutetrail.parsers.text import content_lines
from tests.parsers.test_minutes_classes import Page, cells, heading, line, minutes_of


def test_an_attendance_label_alone_on_its_line_opens_its_block() -> None:
    p = heading(Page())
    p.add("Present", bold=True).add("Cllr Ann Bell (Chair), Cllr Carl Dunn, Cllr Eve Ford", x0=70)
    p.add("Apologies for Absence", bold=True).add("Cllr Gail Hart", x0=70)
    p.add("Officers Present", bold=True).add("Ian Jones (Committee Clerk), Kay Lowe (Head of Finance)", x0=70).gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    att = minutes_of(p).attendance
    assert list(att.present) == ["Ann Bell", "Carl Dunn", "Eve Ford"]
    assert list(att.apologies) == ["Gail Hart"]
    assert list(att.officers) == ["Ian Jones", "Kay Lowe"]


def test_an_unnumbered_heading_worded_like_a_label_is_an_item_when_a_sentence_follows() -> None:
    p = heading(Page())
    p.add("Present: Cllr Ann Bell, Cllr Carl Dunn").add("Apologies for Absence: Cllr Gail Hart").gap()
    p.add("Apologies for Absence", bold=True).add("Apologies for absence were received as listed above.").gap()
    p.add("Minutes of the Previous Meeting", bold=True).add("The minutes of the meeting held on 4 February 2025 were approved.").gap()
    p.add("Allotments", bold=True).add("Members discussed the waiting list for plots.")
    m = minutes_of(p)
    assert [i.title for i in m.items if i.title] == ["Apologies for Absence", "Minutes of the Previous Meeting", "Allotments"]
    assert list(m.attendance.apologies) == ["Gail Hart"]


def test_votes_counted_before_their_words_and_abstentions_counted_as_abstain() -> None:
    p = heading(Page())
    p.add("1. Car Parking Charges", bold=True)
    p.add("The motion was put to the vote and carried (8 for, 1 against, 2 abstentions).").gap()
    p.add("2. Street Lighting", bold=True)
    p.add("For: 5, Against: 2, Abstentions: 1").gap()
    p.add("3. Grants", bold=True)
    p.add("For – 6; Against – 3; Abstentions – 0").gap()
    p.add("4. Allotments", bold=True).add("The report was noted; members asked for 2 more sites for 2026.")
    votes = [i.votes for i in minutes_of(p).items if i.number]
    assert [(v.for_, v.against, v.abstain) if v else None for v in votes] == [(8, 1, 2), (5, 2, 1), (6, 3, 0), None]


def test_a_decision_verb_in_capitals_recommended_to_council_is_a_recommendation() -> None:
    p = heading(Page())
    p.add("1. Fees and Charges Review", bold=True)
    p.add("Members discussed the proposed charges at length.").gap()
    p.add("RECOMMENDED to Council that the revised charges be adopted from 1 April 2025.").gap()
    p.add("2. Street Lighting", bold=True)
    p.add("RECOMMENDED to Council that:").add("(i) the upgrade programme be approved;", x0=70)
    p.add("(ii) the budget of £40,000 be allocated from the reserve.", x0=70)
    m = minutes_of(p)
    found = [(r.letter, r.text, r.kind.value) for i in m.items for r in i.resolutions]
    assert found == [(None, "RECOMMENDED to Council that the revised charges be adopted from 1 April 2025.", "recommendation"),
                     ("i", "the upgrade programme be approved;", "recommendation"),
                     ("ii", "the budget of £40,000 be allocated from the reserve.", "recommendation")]


def test_a_margin_owner_beside_a_paragraphs_first_line_keeps_the_paragraph_whole() -> None:
    p = heading(Page())
    p.add("1. Play Area", bold=True)
    p.add_line(cells(0, (50, "The Clerk undertook to obtain three quotes for the repairs to the"), (520, "JS")))
    p.add("swings before the next meeting.").gap()
    p.add("Members noted that the bins had been emptied late again in March.").gap()
    p.add_line(cells(0, (50, "The Chair undertook to write to the contractor about the missed"), (520, "AB")))
    p.add("collections and the state of the car park.")
    found = [(a.owner, a.text) for i in minutes_of(p).items for a in i.actions]
    assert found == [("JS", "The Clerk undertook to obtain three quotes for the repairs to the swings before the next meeting."),
                     ("AB", "The Chair undertook to write to the contractor about the missed collections and the state of the car park.")]


def test_paragraphs_set_apart_by_six_points_in_ten_point_type_are_separate() -> None:
    p = heading(Page())
    p.add("1. Housing Repairs", bold=True)
    rows = [("In response to a question, the Head of Housing explained that the figures", None, 0.0),
            ("had been updated following the latest budget forecast and the new totals.", None, 0.0),
            ("The Legal Adviser undertook to update the risk register and to circulate it", "JS", 6.0),
            ("to members before the next meeting.", None, 0.0),
            ("The Clerk undertook to write to the housing association about the damp in", "AB", 6.0),
            ("the flats on Mill Lane.", None, 0.0)]
    top = p.top
    for text, owner, extra in rows:
        top += extra
        made = cells(top, (50, text), (520, owner)) if owner else line(text, top=top)
        p.lines.append(made)
        top += 12.0  # 10 pt type at 12 pt leading, 6 pt after a paragraph
    actions = [(a.owner, a.text) for i in minutes_of(p).items for a in i.actions]
    assert actions == [("JS", "The Legal Adviser undertook to update the risk register and to circulate it to members before the next meeting."),
                       ("AB", "The Clerk undertook to write to the housing association about the damp in the flats on Mill Lane.")]


def test_labels_of_several_words_without_a_colon_switch_the_role_of_names_in_columns() -> None:
    p = heading(Page())
    p.add("Present", bold=True)
    p.add_line(cells(0, (70, "Dr Ann Bell (Chair)"), (260, "Mr Carl Dunn")))
    p.add_line(cells(0, (70, "Ms Eve Ford"), (260, "Mrs Gail Hart")))
    p.add("Apologies for Absence", bold=True).add("Dr Ian Jones, Ms Kay Lowe", x0=70)
    p.add("In Attendance", bold=True).add("Mr Len Moss", x0=70)
    p.add("Officers Present", bold=True).add("Nia Owen (Committee Clerk), Pat Quinn (Head of Finance)", x0=70).gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    att = minutes_of(p).attendance
    assert sorted(n.split(" (")[0].split(" ", 1)[1] for n in att.present) == ["Ann Bell", "Carl Dunn", "Eve Ford", "Gail Hart"]
    assert [n.split(" ", 1)[1] for n in att.apologies] == ["Ian Jones", "Kay Lowe"]
    assert [n.split(" ", 1)[1] for n in att.in_attendance] == ["Len Moss"]
    assert [n.split(" (")[0] for n in att.officers] == ["Nia Owen", "Pat Quinn"]


def test_a_name_broken_after_its_title_and_first_name_at_a_line_end_is_one_name() -> None:
    p = heading(Page())
    p.add("PRESENT: Dr Beth Radcliffe (Chair), Ms Owen Hebden, Dr Owen Penrose, Ms Patricia")
    p.add("Maddox, Ms Stuart Lowther and Mr Hannah Oakley").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    present = [n.split(" (")[0] for n in minutes_of(p).attendance.present]
    assert present == ["Beth Radcliffe", "Owen Hebden", "Owen Penrose", "Patricia Maddox", "Stuart Lowther", "Hannah Oakley"]


def test_officers_listed_by_name_only_are_one_officer_each() -> None:
    p = heading(Page())
    p.add("Present: Cllr Ann Bell, Cllr Carl Dunn").add("OFFICERS: Kevin Brennan, Linda Yardley and Julia Ashworth").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    assert list(minutes_of(p).attendance.officers) == ["Kevin Brennan", "Linda Yardley", "Julia Ashworth"]


def test_an_officers_bracketed_role_with_a_comma_stays_with_the_officer() -> None:
    p = heading(Page())
    p.add("Present: Cllr Ann Bell, Cllr Carl Dunn")
    p.add("Officers: Fiona Whitlock (Assistant Director, Communities), Julia Varley (Director of Place)").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    assert list(minutes_of(p).attendance.officers) == ["Fiona Whitlock", "Julia Varley"]


def _page_data(number: int, lines: list[Line]) -> PageData:
    return PageData(number, 595.0, 842.0, tuple(w for ln in lines for w in ln.words))


def test_a_running_head_on_both_pages_of_a_two_page_paper_is_not_text() -> None:
    body = ["Members discussed the waiting list for plots at some length.", "The Clerk read the letter from the landowner."]
    pages = [_page_data(n, [cells(26.0, (60, "Planning Committee"), (480, f"Page {n}")), line(body[n - 1], top=120.0)])
             for n in (1, 2)]
    assert [[ln.text for ln in lines] for lines in content_lines(pages)] == [[body[0]], [body[1]]]


def test_a_minute_headed_work_programme_at_the_top_of_a_page_stays_in_the_minutes() -> None:
    first = [line("Minutes of the meeting of the Planning Committee held on 4 March 2025", bold=True),
             line("Present: Cllr Ann Bell, Cllr Carl Dunn", top=20.0)]
    minute = [line("Work Programme", top=0.0, bold=True),
              line("The Committee considered its work programme for the rest of the year.", top=20.0),
              line("RESOLVED - That the work programme be noted.", top=40.0)]
    programme = [line("Work Programme 2025/26", top=0.0, bold=True), line("Date Item Lead officer", top=20.0)]
    assert [p.kind for p in segment([first, minute], {})] == [DocKind.MINUTES]
    assert [p.kind for p in segment([first, programme], {})] == [DocKind.MINUTES, DocKind.WORK_PROGRAMME]
    plan = [line("Climate Action Plan Update", top=0.0, bold=True), line("Members discussed the plan.", top=20.0),
            line("DECISION: That the update be noted.", top=40.0)]
    log = [line("Action Log", top=0.0, bold=True), line("No Action Owner Status", top=20.0),
           line("1 Resolved to write to the county Clerk Completed", top=40.0)]
    assert [p.kind for p in segment([first, plan], {})] == [DocKind.MINUTES]
    assert [p.kind for p in segment([first, log], {2: DocKind.ACTION_LOG})] == [DocKind.MINUTES, DocKind.ACTION_LOG]


def test_an_action_marker_alone_under_a_paragraph_owns_its_last_sentence() -> None:
    p = heading(Page())
    p.add("1. Play Area", bold=True)
    p.add("Members discussed the state of the swings. The Head of Housing agreed to obtain three quotes")
    p.add("for the repairs.")
    p.add("ACTION: TG").gap()
    p.add("Members noted the new opening hours.").gap()
    p.add("Action: KT to circulate the draft privacy notice.")
    actions = [(a.owner, a.text) for i in minutes_of(p).items for a in i.actions]
    assert actions == [("TG", "The Head of Housing agreed to obtain three quotes for the repairs."),
                       ("KT", "KT to circulate the draft privacy notice.")]


def test_officers_with_roles_wrapped_mid_entry_under_columns_of_names_stay_whole() -> None:
    p = heading(Page())
    p.add("PRESENT", bold=True)
    p.add_line(cells(0, (70, "Cllr Ann Bell (Chair)"), (260, "Cllr Carl Dunn")))
    p.add_line(cells(0, (70, "Cllr Eve Ford"), (260, "Cllr Gail Hart")))
    p.add("OFFICERS", bold=True)
    p.add("Ian Lowe (Assistant Director, Communities), Kay Moss (Senior Planning Officer), Beth", x0=70)
    p.add("Varley (Democratic Services Officer), Pat Quinn (Head of", x0=70)
    p.add("Finance)", x0=70).gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    officers = [n.split(" (")[0] for n in minutes_of(p).attendance.officers]
    assert officers == ["Ian Lowe", "Kay Moss", "Beth Varley", "Pat Quinn"]


def test_an_action_header_alone_over_unnumbered_bold_headings_heads_a_margin_of_one_owner() -> None:
    p = heading(Page())
    p.add("Present: Cllr Ann Bell, Cllr Carl Dunn").gap()
    p.add("Action", x0=495, bold=True)
    p.add("Apologies for Absence", bold=True).add("Apologies were received from Cllr Gail Hart.").gap()
    p.add("Play Area", bold=True)
    p.add_line(cells(0, (50, "The Clerk undertook to obtain three quotes for the repairs to the"), (505, "JS")))
    p.add("swings before the next meeting.")
    m = minutes_of(p)
    assert [i.title for i in m.items if i.title] == ["Apologies for Absence", "Play Area"]
    assert [(a.owner, a.text) for i in m.items for a in i.actions] == [
        ("JS", "The Clerk undertook to obtain three quotes for the repairs to the swings before the next meeting.")]


def test_a_paragraph_with_a_bracket_open_at_a_page_foot_runs_on_over_the_page_break() -> None:
    first = heading(Page(1))
    first.add("1. Play Area", bold=True)
    first.add("It was agreed that officers would update the risk register before the next meeting. (Action: Helen")
    second = Page(2).add("Ellery)").gap().add("RESOLVED - That the report be noted.")
    m = minutes_of(first, second)
    assert [(a.owner, a.text) for i in m.items for a in i.actions] == [
        ("Helen Ellery", "It was agreed that officers would update the risk register before the next meeting.")]


def test_officers_roles_in_brackets_under_columns_of_names_are_not_a_sentence() -> None:
    p = heading(Page())
    p.add("Present", bold=True)
    p.add_line(cells(0, (70, "Dr Ann Bell (Chair)"), (260, "Mr Carl Dunn")))
    p.add_line(cells(0, (70, "Ms Eve Ford"), (260, "Mrs Gail Hart")))
    p.add("Officers Present", bold=True)
    p.add("Sarah Oakley (Head of Finance), Moira Brennan (Director of Place), Beth Quayle (Head of Housing)", x0=70).gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    assert [n.split(" (")[0] for n in minutes_of(p).attendance.officers] == ["Sarah Oakley", "Moira Brennan", "Beth Quayle"]


def test_one_line_paragraphs_six_points_apart_are_separate_where_few_paragraphs_wrap() -> None:
    p = heading(Page())
    p.add("1. Highways", bold=True)
    rows = [("Members discussed the condition of the roads in several wards, the cost of the repairs", 0.0),
            ("and the timetable for the works, which the county council had not yet published", 0.0),
            ("for the coming year.", 0.0)]
    rows += [(f"It was agreed that officers would chase the county about road number {n}. (Action: Ann Bell)", 5.0) for n in range(1, 21)]
    top = p.top
    for text, extra in rows:
        top += extra
        p.lines.append(line(text, top=top))
        top += 12.0
    actions = [a.text for i in minutes_of(p).items for a in i.actions]
    assert actions == [f"It was agreed that officers would chase the county about road number {n}." for n in range(1, 21)]


def test_a_committee_named_after_a_meeting_label_in_the_title_block() -> None:
    p = Page().add("MINUTES", bold=True)
    p.add_line(cells(0, (50, "Meeting:"), (140, "Audit and Governance Committee")))
    p.add_line(cells(0, (50, "Date:"), (140, "4 March 2025")))
    p.add_line(cells(0, (50, "Venue:"), (140, "Committee Room 2, Town Hall"))).gap()
    p.add("Present: Cllr Ann Bell, Cllr Carl Dunn").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    m = minutes_of(p)
    assert (m.committee, m.meeting_date) == ("Audit and Governance Committee", "2025-03-04")


def test_a_motion_under_moved_and_seconded_labels_is_a_decision() -> None:
    p = heading(Page())
    p.add("1. Street Lighting", bold=True)
    p.add("Members discussed the cost of the new lanterns.").gap()
    p.add_line(cells(0, (50, "Moved: Cr Ann Bell"), (280, "Seconded: Cr Carl Dunn")))
    p.add("That the upgrade programme be approved.")
    p.add("CARRIED", bold=True).gap()
    p.add("2. Grants", bold=True)
    p.add("Moved: Cr Eve Ford Seconded: Cr Gail Hart").gap()
    p.add("That:").add("(a) the scout group receive a grant of £300;", x0=70).add("(b) the lunch club receive a grant of £100.", x0=70)
    p.add("CARRIED", bold=True)
    found = [(r.letter, r.text) for i in minutes_of(p).items for r in i.resolutions]
    assert found == [(None, "That the upgrade programme be approved."),
                     ("a", "the scout group receive a grant of £300;"), ("b", "the lunch club receive a grant of £100.")]


def test_a_semicolon_list_of_names_broken_after_a_first_name_and_officers_split_on_semicolons() -> None:
    p = heading(Page())
    p.add("Present: Cr Graham Northcott (Chair); Cr Victor Penrose; Cr Beth")
    p.add("Ingram; Cr Moira Pendry")
    p.add("Officers: Carl Okafor (Head of Finance); Helen Ellery (Monitoring Officer); Yusuf Lowther")
    p.add("(Director of Place); Patricia Brennan; Rashid Sefton").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    att = minutes_of(p).attendance
    assert [n.split(" (")[0] for n in att.present] == ["Graham Northcott", "Victor Penrose", "Beth Ingram", "Moira Pendry"]
    assert list(att.officers) == ["Carl Okafor", "Helen Ellery", "Yusuf Lowther", "Patricia Brennan", "Rashid Sefton"]


def test_staff_named_with_their_roles_in_brackets_are_officers() -> None:
    p = heading(Page())
    p.add("Present: Cr Ann Bell, Cr Carl Dunn")
    p.add("Staff: Gareth Sefton (Senior Planning Officer), Priya Maddox (Legal Adviser), Trevor Jessop")
    p.add("(Assistant Director, Communities)").gap()
    p.add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    assert list(minutes_of(p).attendance.officers) == ["Gareth Sefton", "Priya Maddox", "Trevor Jessop"]


def test_a_bold_carried_over_a_bold_heading_leaves_the_heading_an_item() -> None:
    p = heading(Page())
    p.add("Present: Cr Ann Bell, Cr Carl Dunn").gap()
    p.add("Minutes of the Previous Meeting", bold=True)
    p.add("Moved: Cr Ann Bell Seconded: Cr Carl Dunn").add("That the minutes be approved as a correct record.")
    p.add("CARRIED", bold=True)
    p.top += 2.0  # a heading set a little apart: the bold line above it is within a line's height
    p.add("Parks Strategy", bold=True).add("Members discussed the new play areas.")
    m = minutes_of(p)
    assert [i.title for i in m.items if i.title] == ["Minutes of the Previous Meeting", "Parks Strategy"]
    assert [r.text for i in m.items for r in i.resolutions] == ["That the minutes be approved as a correct record."]


def test_an_attendance_label_with_no_names_read_is_warned_about() -> None:
    from minutetrail.parsers.minutes import unread_warnings

    p = heading(Page()).add("Present:").add("1. Declarations of Interest", bold=True).add("There were no declarations of interest.")
    m = minutes_of(p)
    assert not any(m.attendance.present)
    assert any("attendance label but no names" in w.message for w in unread_warnings(m, p.pages()))
    named = heading(Page()).add("Present: Cllr Ann Bell, Cllr Carl Dunn").add("1. Declarations of Interest", bold=True)
    assert not any("attendance" in w.message for w in unread_warnings(minutes_of(named), named.pages()))


def test_an_action_log_of_rows_after_minutes_is_its_own_part_even_with_decision_words() -> None:
    first = [line("Minutes of the meeting of the Planning Committee held on 4 March 2025", bold=True),
             line("Present: Cllr Ann Bell, Cllr Carl Dunn", top=20.0)]
    log = [line("Action Log", top=0.0, bold=True)]
    log += [cells(20.0 * (n + 1), (50, str(n)), (90, "Resolved to write to the county"), (300, "Clerk"), (400, "Open")) for n in range(1, 6)]
    assert [p.kind for p in segment([first, log], {})] == [DocKind.MINUTES, DocKind.ACTION_LOG]
