"""Minutes failure classes on minimal hand-made pages (invented text; classes from
../shared/notes/unseen-failure-classes.md and the December labelling choices)."""
from __future__ import annotations

from minutetrail.models import Line, Word
from minutetrail.parsers.attendance_grid import read_grid
from minutetrail.parsers.minutes import parse_minutes

CHAR = 5.0  # points per character of the made-up font
LEADING = 14.0


def line(text: str, x0: float = 50.0, top: float = 0.0, bold: bool = False, size: float = 10.0) -> Line:
    """One line of words set left to right from ``x0``, one space between words."""
    words = []
    x = x0
    for token in text.split():
        words.append(Word(token, x, top, x + CHAR * len(token), top + size, bold, size))
        x += CHAR * (len(token) + 1)
    return Line(tuple(words))


def cells(top: float, *parts: tuple[float, str], bold: bool = False) -> Line:
    """A line made of cells, each ``(x0, text)``, with wide gaps between them."""
    words: list[Word] = []
    for x0, text in parts:
        words.extend(line(text, x0, top, bold).words)
    return Line(tuple(sorted(words, key=lambda w: w.x0)))


class Page:
    """Lines stacked down a page; ``gap()`` leaves a paragraph space."""

    def __init__(self, number: int = 1) -> None:
        self.number = number
        self.top = 60.0
        self.lines: list[Line] = []

    def add(self, text: str, x0: float = 50.0, bold: bool = False) -> Page:
        self.lines.append(line(text, x0, self.top, bold))
        self.top += LEADING
        return self

    def add_line(self, made: Line) -> Page:
        shifted = tuple(Word(w.text, w.x0, self.top, w.x1, self.top + (w.bottom - w.top), w.bold, w.size) for w in made.words)
        self.lines.append(Line(shifted))
        self.top += LEADING
        return self

    def gap(self) -> Page:
        self.top += LEADING
        return self

    def pages(self) -> list[tuple[int, list[Line]]]:
        return [(self.number, self.lines)]


def minutes_of(*pages: Page):  # noqa: ANN201 - the Minutes model
    return parse_minutes([(p.number, p.lines) for p in pages])


def heading(page: Page) -> Page:
    return page.add("Minutes of the meeting of the Orchard Vale Parish Council held on 4 March 2025", bold=True).gap()


def all_resolutions(m) -> list[str]:  # noqa: ANN001
    return [r.text for item in m.items for r in item.resolutions]


def all_actions(m) -> list[tuple[str | None, str]]:  # noqa: ANN001
    return [(a.owner, a.text) for item in m.items for a in item.actions]


# ---------------------------------------------------------------- MACT: actions


def test_mact_margin_owner_initials_make_the_paragraph_beside_them_an_action() -> None:
    p = heading(Page())
    p.add("1. Village Hall Roof", bold=True)
    p.add("The roof had leaked again during the storms and a quote for repairs had been obtained")
    p.add_line(cells(0, (50, "from a local builder which members considered reasonable."), (520, "TW", ), bold=False))
    p.gap()
    p.add("Members noted that the car park lights were still out and would be chased.")
    p.gap()
    p.add("2. Footpaths", bold=True)
    p.add("The stile on the river path was broken. Nobody had reported it to the county yet and it")
    p.add_line(cells(0, (50, "was thought the landowner should be told first."), (515, "JB/AK")))
    m = minutes_of(p)
    actions = all_actions(m)
    assert [owner for owner, _t in actions] == ["TW", "JB/AK"]
    assert actions[0][1].startswith("The roof had leaked") and actions[0][1].endswith("considered reasonable.")
    assert "TW" not in actions[0][1]
    assert not any("car park" in text for _o, text in actions)  # prose is not read where a margin marks actions


def test_mact_owner_must_be_a_person_initials_or_post_not_a_preposition() -> None:
    p = heading(Page())
    p.add("3. Play Area", bold=True)
    p.add("Due to the wet weather the inspection was postponed.")
    p.gap()
    p.add("Prior to the next meeting the fence will be checked.")
    p.gap()
    p.add("The Clerk to write to the insurers about the claim.")
    p.gap()
    p.add("After some discussion, Councillor Jane Bloggs offered to contact the school.")
    m = minutes_of(p)
    actions = all_actions(m)
    assert ("The Clerk", "The Clerk to write to the insurers about the claim.") in actions
    assert ("Councillor Jane Bloggs", "Councillor Jane Bloggs offered to contact the school.") in actions
    assert not any(owner and owner.split()[0] in ("Due", "Prior") for owner, _t in actions)
    assert len(actions) == 2


def test_mact_action_lines_only_where_the_document_marks_its_actions() -> None:
    p = heading(Page())
    p.add("4. Website", bold=True)
    p.add("Amy Brown would look at the hosting costs when she had time.")
    p.gap()
    p.add("Action: KT to circulate the draft privacy notice by 3 April 2025.", bold=True)
    m = minutes_of(p)
    actions = all_actions(m)
    assert actions == [("KT", "KT to circulate the draft privacy notice by 3 April 2025.")]


# ---------------------------------------------------------------- decisions


def test_res_verb_resolved_as_an_ordinary_verb_is_not_a_decision() -> None:
    p = heading(Page())
    p.add("5. Complaints", bold=True)
    p.add("The officer said most complaints are usually resolved within a month.")
    p.gap()
    p.add("RESOLVED that the complaints report be noted.")
    m = minutes_of(p)
    assert all_resolutions(m) == ["RESOLVED that the complaints report be noted."]


def test_res_span_decision_text_is_the_trigger_sentence() -> None:
    p = heading(Page())
    p.add("6. Budget", bold=True)
    p.add("The treasurer presented the draft budget. The Council resolved to approve the budget for")
    p.add("the coming year. Members thanked her for the work.")
    m = minutes_of(p)
    assert all_resolutions(m) == ["The Council resolved to approve the budget for the coming year."]


def test_res_span_decision_runs_over_a_page_break() -> None:
    p1 = heading(Page(1))
    p1.add("7. Grants", bold=True)
    p1.add("Following the presentation the Council resolved to award the youth club a grant of")
    p2 = Page(2)
    p2.add("two hundred pounds towards the summer trip.")
    m = minutes_of(p1, p2)
    assert all_resolutions(m) == [
        "Following the presentation the Council resolved to award the youth club a grant of two hundred pounds towards the summer trip."
    ]


def test_res_notrigger_minutes_approved_as_a_record_and_motions() -> None:
    p = heading(Page())
    p.add("8. Minutes of the last meeting", bold=True)
    p.add("The minutes of the meeting held on 4 February 2025 were approved as a correct record.")
    p.add("Proposed by AB and seconded by CD.")
    p.gap()
    p.add("9. Hall Fees", bold=True)
    p.add("Cllr Pike proposed, and Cllr Rowe seconded, that hall fees be frozen for one more year.")
    p.add("Carried.")
    m = minutes_of(p)
    assert all_resolutions(m) == [
        "The minutes of the meeting held on 4 February 2025 were approved as a correct record. Proposed by AB and seconded by CD.",
        "hall fees be frozen for one more year.",
    ]


def test_res_list_stays_open_over_a_lead_in_and_sub_headings() -> None:
    p = heading(Page())
    p.add("10. Local Plan Response", bold=True)
    p.add("RESOLVED that:")
    p.add("(a) the draft response be submitted;")
    p.gap()
    p.add("Council, having regard to the comments received from residents at the open evening,")
    p.add("agrees the following:")
    p.gap()
    p.add("Transport")
    p.add("(b) a bus shelter be requested at the school;")
    p.add("(c) the speed limit review be supported.")
    m = minutes_of(p)
    assert [r.letter for item in m.items for r in item.resolutions] == ["a", "b", "c"]
    assert all_resolutions(m)[1] == "a bus shelter be requested at the school;"


def test_res_trigger_vocabulary_reads_french_decisions() -> None:
    p = heading(Page())
    p.add("2 – SUBVENTIONS", bold=True)
    p.add("Madame la Maire présente les demandes. Après délibération et à l’unanimité, le Conseil")
    p.add("municipal décide d’attribuer une subvention de 300€ au club de voile.")
    m = minutes_of(p)
    assert all_resolutions(m) == [
        "Après délibération et à l’unanimité, le Conseil municipal décide d’attribuer une subvention de 300€ au club de voile."
    ]


# ---------------------------------------------------------------- ITEM-HEAD and S1


def test_item_head_outline_numbering_is_a_hierarchy() -> None:
    p = heading(Page())
    for text in ("1 – FINANCE", "1-1 : Grants", "1-1-1 : Sports clubs", "1-2 : School meal prices", "2 – INFORMATION", "2-1 : Roadworks"):
        p.add(text, bold=True)
        p.add("Some text about the point was minuted here for the record.")
        p.gap()
    m = minutes_of(p)
    assert [i.number for i in m.items if i.number] == ["1", "1-1", "1-1-1", "1-2", "2", "2-1"]


def test_s1_heading_date_wrapped_onto_its_own_line_is_not_an_item() -> None:
    p = Page()
    p.add("Minutes of the meeting of the Scrutiny Committee held on", bold=True)
    p.add("22 March 2025 at 2.30 pm", bold=True)
    p.gap()
    p.add("72. Apologies for absence", bold=True)
    p.add("Apologies were received from Cllr Hart.")
    p.gap()
    p.add("73. Minutes", bold=True)
    p.add("The minutes were noted.")
    m = minutes_of(p)
    assert [i.number for i in m.items if i.number] == ["72", "73"]


# ---------------------------------------------------------------- minutes written as a table


def test_minutes_table_decisions_column_gives_resolutions_and_actions() -> None:
    p = Page()
    p.add("Minutes of the Committee Meeting", bold=True).gap()
    p.add_line(cells(0, (50, "Item"), (100, "Discussion"), (380, "Decisions and Action Points"), bold=True))
    p.add_line(cells(0, (55, "01 Welcome"), bold=True))
    p.add_line(cells(0, (100, "The chair welcomed members. A vacancy"), (380, "JD appointed Treasurer")))
    p.add_line(cells(0, (100, "for treasurer had arisen and was filled.")))
    p.gap()
    p.add_line(cells(0, (100, "The leaflets were out of date and the")))
    p.add_line(cells(0, (100, "committee wished to refresh them."), (380, "07-01 SB to redraft the")))
    p.add_line(cells(0, (380, "patient leaflet")))
    p.add_line(cells(0, (55, "02 Finance"), bold=True))
    p.add_line(cells(0, (100, "Accounts were presented and it was agreed"), (380, "Accounts approved")))
    p.add_line(cells(0, (100, "that the treasurer should sign them.")))
    m = minutes_of(p)
    assert [i.number for i in m.items if i.number] == ["01", "02"]
    assert [r.text for r in m.items[0].resolutions] == ["JD appointed Treasurer"]
    assert [(a.owner, a.text) for a in m.items[0].actions] == [("SB", "SB to redraft the patient leaflet")]
    assert [r.text for r in m.items[1].resolutions] == ["Accounts approved"]
    assert not m.items[1].actions


# ---------------------------------------------------------------- ATT: attendance


def test_att_grid_labels_side_by_side_give_each_column_its_role() -> None:
    lines = [
        cells(0, (72, "Present:"), (252, "Members of the Public:"), (432, "Apologies:")),
        cells(14, (72, "Ann Tully (AT) [Chair]"), (252, "Mark Oaten"), (432, "Rita Bell (RB)")),
        cells(28, (72, "Bo Lee (BL)"), (252, "Cllr Sam Vine"), (432, "Tom Hale")),
        cells(42, (72, "Ivy Dunn (ID) CLERK")),
    ]
    got = read_grid(lines)
    assert got is not None
    assert [n.split(" (")[0] for n in got["present"]] == ["Ann Tully", "Bo Lee", "Ivy Dunn"]
    assert got["in_attendance"] == ["Mark Oaten", "Cllr Sam Vine"]
    assert [n.split(" (")[0] for n in got["apologies"]] == ["Rita Bell", "Tom Hale"]


def test_att_grid_label_inside_a_column_switches_its_role() -> None:
    lines = [
        cells(0, (88, "Board Members:"), (315, "Officials:")),
        cells(14, (88, "Ann Tully (Chair)"), (315, "Kim Ode (Finance Office)")),
        cells(28, (88, "(joined late)")),
        cells(42, (88, "Apologies:"), (315, "Lee Park (Audit Office)")),
        cells(56, (88, "Dr Rob Lane"), (315, "Presenters:")),
        cells(70, (88, "Sue Moss"), (315, "Pat Quinn (Weather Office)")),
    ]
    got = read_grid(lines)
    assert got is not None
    assert got["present"] == ["Ann Tully (Chair) (joined late)"]
    assert got["officers"] == ["Kim Ode (Finance Office)", "Lee Park (Audit Office)"]
    assert got["apologies"] == ["Dr Rob Lane", "Sue Moss"]
    assert got["in_attendance"] == ["Pat Quinn (Weather Office)"]


def test_att_grid_name_column_under_a_header_and_organisation_columns_dropped() -> None:
    p = heading(Page())
    p.add("PRESENT:", bold=True)
    p.add_line(cells(0, (56, "Name"), (222, "Organisation"), (382, "Role"), bold=True))
    p.add_line(cells(0, (56, "Ann Tully"), (222, "Hill Pharmacy"), (382, "Independent")))
    p.add_line(cells(0, (56, "Bo Lee"), (222, "NorthCo"), (382, "Treasurer")))
    p.add("APOLOGIES:", bold=True)
    p.add_line(cells(0, (56, "Name"), (222, "Organisation"), (382, "Role"), bold=True))
    p.add_line(cells(0, (56, "Cy Moor"), (222, "Dale Chemists"), (382, "Independent")))
    p.gap()
    p.add("01 Introduction", bold=True)
    p.add("The chair opened the meeting.")
    m = minutes_of(p)
    assert m.attendance.present == ("Ann Tully", "Bo Lee")
    assert m.attendance.apologies == ("Cy Moor",)


def test_att_grid_names_with_initials_cells_and_an_organisation_column() -> None:
    lines = [
        cells(0, (36, "Present"), (108, "Ann Tully"), (252, "AT"), (324, "Bo Lee"), (504, "BL")),
        cells(14, (108, "Cy Moor"), (252, "CM"), (324, "Di Holt"), (504, "DH")),
    ]
    got = read_grid(lines)
    assert got == {"present": ["Ann Tully", "Bo Lee", "Cy Moor", "Di Holt"]}
    with_orgs = [
        line("Attendees:", 60, 0),
        cells(14, (60, "Ann Tully"), (276, "Hill University")),
        cells(28, (60, "Professor Bo Lee"), (276, "Ministry of Roads")),
        cells(42, (60, "Cy Moor"), (276, "Open Data Institute")),
    ]
    assert read_grid(with_orgs) == {"present": ["Ann Tully", "Professor Bo Lee", "Cy Moor"]}


def test_att_justified_name_list_is_not_read_as_a_grid() -> None:
    lines = [
        cells(0, (90, "PRESENT: Mr A Bell,"), (200, "Mrs C Dean,"), (330, "Mr E Finch,")),
        cells(14, (90, "Ms G Hart,"), (215, "Mr I Jones,"), (350, "Mrs K Lowe,")),
    ]
    assert read_grid(lines) is None


# ---------------------------------------------------------------- layout details


def test_double_spaced_minutes_keep_an_action_paragraph_whole() -> None:
    p = heading(Page())
    p.add("Road Safety", bold=True)
    p.top += LEADING
    for text in ("Action: Highways Team to survey the junction by the school and report",
                 "back on the cost of a crossing."):
        p.add(text)
        p.top += LEADING  # every line double spaced
    p.top += LEADING
    p.add("Due: September")
    m = minutes_of(p)
    assert all_actions(m) == [("Highways Team", "Highways Team to survey the junction by the school and report back on the cost of a crossing.")]


def test_mact_initials_owner_is_not_the_word_no_and_a_new_line_opens_an_assignment() -> None:
    p = heading(Page())
    p.add("11. Trees", bold=True)
    p.add("The hedge by the lane had grown over the path and the resident was unhappy about it")
    p.add("NO will write to the landowner about the hedge")
    p.add("The Clerk will order two replacement signs")
    m = minutes_of(p)
    assert all_actions(m) == [
        ("NO", "NO will write to the landowner about the hedge"),
        ("The Clerk", "The Clerk will order two replacement signs"),
    ]


def test_mact_imperative_entries_of_a_motion_are_not_actions() -> None:
    p = heading(Page())
    p.add("12. Motion on Devolution", bold=True)
    p.add("Cllr Ash proposed the motion that the Council is asked to:")
    p.add("(1) Endorse the joint work between the county, Riverside Council and District Leaders to")
    p.add("respond to the consultation;")
    m = minutes_of(p)
    assert all_actions(m) == []


def test_watermark_glyphs_do_not_merge_lines() -> None:
    from minutetrail.models import PageData
    from minutetrail.parsers.text import content_lines

    body = [Word(w, 72 + 40 * i, 100 + 14 * n, 72 + 40 * i + 30, 110 + 14 * n, False, 10.0)
            for n, text in enumerate(("Alpha beta gamma", "Delta epsilon zeta", "Eta theta iota"))
            for i, w in enumerate(text.split())]
    mark = [Word(ch, 200 + 120 * i, 60, 300 + 120 * i, 260, False, 200.0) for i, ch in enumerate("DRAFT")]
    lines = content_lines([PageData(1, 612, 792, tuple(body + mark))])[0]
    assert [ln.text for ln in lines] == ["Alpha beta gamma", "Delta epsilon zeta", "Eta theta iota"]


# ---------------------------------------------------------------- ATT-PROSE


def test_att_prose_nested_brackets_and_sentence_separators() -> None:
    from minutetrail.parsers.attendance import split_names

    text = "Mr Ivo Hart (Chief Executive, Hill Trust (HT)), Ms Una Bell (Director (HT)). Mr Oli Grey"
    assert split_names(text) == ["Ivo Hart", "Una Bell", "Oli Grey"]


def test_att_prose_inline_role_labels_switch_the_role() -> None:
    from minutetrail.parsers.attendance import blocks_to_attendance

    got = blocks_to_attendance({"present": ["Councillors A Bell, C Dean and E Finch Clerk Mrs G Hart District Councillor I Jones"]})
    assert got.present == ("A Bell", "C Dean", "E Finch")
    assert got.officers == ("Mrs G Hart",)
    assert got.in_attendance == ("I Jones",)


def test_att_prose_wrap_artefacts_trailing_and_and_names_run_together() -> None:
    from minutetrail.parsers.attendance import blocks_to_attendance

    got = blocks_to_attendance({"present": ["Councillors A Bell, C Dean and, E Finch G Hart"]})
    assert got.present == ("A Bell", "C Dean", "E Finch", "G Hart")


def test_att_prose_labels_from_other_languages() -> None:
    p = Page()
    p.add("Réunion du Conseil Municipal du 3 mars 2025", bold=True).gap()
    p.add("Étaient présents : Mmes et Mrs Anne DURAND, Paul LE GALL, Marc PETIT.")
    p.add("Étaient absents et excusés Luc MOREAU (pouvoir à Anne DURAND).")
    p.gap()
    p.add("1 – FINANCES", bold=True)
    m = minutes_of(p)
    assert m.attendance.present == ("Anne DURAND", "Paul LE GALL", "Marc PETIT")
    assert m.attendance.apologies == ("Luc MOREAU",)


def test_item_head_caps_title_wrapped_onto_a_second_line_is_joined() -> None:
    p = heading(Page())
    p.add("14. REVIEW OF THE ALLOTMENT TENANCY AGREEMENTS AND THE", bold=True)
    p.add("WAITING LIST POLICY", bold=True)
    p.add("The draft agreement was discussed at length by members.")
    m = minutes_of(p)
    assert [(i.number, i.title) for i in m.items if i.number] == [
        ("14", "REVIEW OF THE ALLOTMENT TENANCY AGREEMENTS AND THE WAITING LIST POLICY")
    ]


def test_item_head_numbers_printed_out_of_order_are_items() -> None:
    p = heading(Page())
    for num, title in (("20", "Apologies"), ("21", "Declarations"), ("24", "Planning"), ("22", "Finance"), ("23", "Highways")):
        p.add(f"{num}. {title}", bold=True)
        p.add("Members discussed the matter and noted the position.")
        p.gap()
    m = minutes_of(p)
    assert [i.number for i in m.items if i.number] == ["20", "21", "24", "22", "23"]


def test_res_list_of_unlettered_paragraphs_gives_one_decision_each() -> None:
    p = heading(Page())
    p.add("15. Community Grants", bold=True)
    p.add("RESOLVED that:")
    p.gap()
    p.add("the scout group receive a grant of three hundred pounds for new tents;")
    p.gap()
    p.add("the lunch club receive a grant of one hundred pounds for its outing.")
    p.gap()
    p.add("16. Date of next meeting", bold=True)
    m = minutes_of(p)
    assert all_resolutions(m) == [
        "the scout group receive a grant of three hundred pounds for new tents;",
        "the lunch club receive a grant of one hundred pounds for its outing.",
    ]


def test_res_notrigger_a_formal_body_agreeing_to_act_is_a_decision_but_procedure_is_not() -> None:
    p = heading(Page())
    p.add("17. Open Data", bold=True)
    p.add("The paper was introduced by the secretariat. The Board agreed to publish the spending data monthly.")
    p.gap()
    p.add("The Committee agreed to defer the pond survey until the next meeting.")
    p.gap()
    p.add("It was agreed that the notice board would be repainted.")
    m = minutes_of(p)
    assert all_resolutions(m) == ["The Board agreed to publish the spending data monthly."]


def test_att_grid_ends_at_a_heading_set_apart_below_the_lists() -> None:
    p = Page()
    p.add("Minutes of the meeting of the Data Board held on 2 June 2025", bold=True).gap()
    p.add_line(cells(0, (88, "Board Members:"), (315, "Officials:"), bold=True))
    p.add_line(cells(0, (88, "Ann Tully (Chair)"), (315, "Kim Ode (Finance Office)")))
    p.add_line(cells(0, (88, "Bo Lee"), (315, "Lee Park (Audit Office)")))
    p.gap().gap()
    p.add("Welcome and Introductions", x0=88, bold=True)
    p.add("The Chair welcomed everybody to the meeting and thanked them for coming.", x0=88)
    m = minutes_of(p)
    assert [n.split(" (")[0] for n in m.attendance.present] == ["Ann Tully", "Bo Lee"]
    assert "Welcome and Introductions" not in " ".join(m.attendance.present + m.attendance.officers)


def test_mact_owner_names_in_a_column_headed_action() -> None:
    p = heading(Page())
    p.add_line(cells(0, (50, "Items"), (500, "Action"), bold=True))
    p.add("1. Bus Shelter", bold=True)
    p.add("The glass in the shelter had been broken twice this year and a quote for a")
    p.add_line(cells(0, (50, "polycarbonate panel would be sought."), (505, "J Smith")))
    p.gap()
    p.add("2. Newsletter", bold=True)
    p.add("The spring newsletter would carry the litter pick dates and the AGM notice.")
    p.add_line(cells(0, (505, "Clerk")))
    m = minutes_of(p)
    assert all_actions(m) == [
        ("J Smith", "The glass in the shelter had been broken twice this year and a quote for a polycarbonate panel would be sought."),
        ("Clerk", "The spring newsletter would carry the litter pick dates and the AGM notice."),
    ]


def test_minutes_table_with_separate_decision_and_action_columns() -> None:
    p = Page()
    p.add("Notes of the Steering Group", bold=True).gap()
    p.add_line(cells(0, (40, "Item"), (80, "Discussion"), (300, "Decision"), (430, "Action"), bold=True))
    p.add_line(cells(0, (40, "1"), (80, "Terms of reference"), (300, "Terms of reference"), (430, "KL to publish the")))
    p.add_line(cells(0, (80, "were reviewed in full."), (300, "adopted"), (430, "terms online")))
    p.gap()
    p.add_line(cells(0, (40, "2"), (80, "Budget"), (300, "Budget approved"), (430, "Treasurer to open an")))
    p.add_line(cells(0, (80, "The budget was presented."), (430, "account")))
    m = minutes_of(p)
    assert [i.number for i in m.items if i.number] == ["1", "2"]
    assert all_resolutions(m) == ["Terms of reference adopted", "Budget approved"]
    assert all_actions(m) == [("KL", "KL to publish the terms online"), ("Treasurer", "Treasurer to open an account")]


def test_res_span_numbered_resolved_block_runs_to_its_paragraph_end_and_two_triggers_give_two() -> None:
    p = heading(Page())
    p.add("18. Allotments", bold=True)
    p.add("5) RESOLVED that allotment rents rise by three per cent. In particular, the concession rate")
    p.add("is kept for pensioners.")
    p.gap()
    p.add("The hall hire was discussed. Members resolved to keep the hire charge. The Council resolved")
    p.add("not to open on Sundays.")
    m = minutes_of(p)
    assert all_resolutions(m) == [
        "RESOLVED that allotment rents rise by three per cent. In particular, the concession rate is kept for pensioners.",
        "Members resolved to keep the hire charge.",
        "The Council resolved not to open on Sundays.",
    ]


def test_mact_due_label_under_an_action_line_and_passive_assignment_has_no_owner() -> None:
    p = heading(Page())
    p.add("The figures for the first quarter were presented by the treasurer and showed spending")
    p.add("slightly under the budget agreed in the spring.")
    p.gap()
    p.add("Action: Finance Team to circulate the quarterly figures to members.", bold=True)
    p.gap()
    p.add("Due: September", bold=True)
    p.gap()
    p.add("Action: Working Group to be updated on the survey results.", bold=True)
    m = minutes_of(p)
    got = [(a.owner, a.due) for item in m.items for a in item.actions]
    assert got == [("Finance Team", "September"), (None, None)]


def test_item_head_item_n_headings_over_numbered_paragraphs() -> None:
    p = heading(Page())
    p.add("Item 3 – Finance", bold=True)
    p.add("3.1 The treasurer reported on the accounts for the year to date and the reserves held")
    p.add("by the council at the end of the quarter.")
    p.add("3.2 In answer to questions it was said:")
    p.add("the reserves were adequate for the coming winter.")
    p.gap()
    p.add("Item 4 – Highways", bold=True)
    p.add("4.1 The pothole on the bridge had been repaired by the county on the first of May.")
    m = minutes_of(p)
    assert [(i.number, i.title) for i in m.items if i.number] == [("3", "Finance"), ("4", "Highways")]


def test_mact_a_decision_that_tells_someone_to_act_is_also_an_action() -> None:
    p = heading(Page())
    p.add("19. Parking", bold=True)
    p.add("After a long discussion of the complaints, it was resolved the Clerk to write to the school about parking.")
    m = minutes_of(p)
    assert all_actions(m) == [("the Clerk", "the Clerk to write to the school about parking.")]


def test_mact_action_line_with_a_lead_before_a_colon_names_its_owner() -> None:
    p = heading(Page())
    p.add("The search tool was demonstrated to the board and members asked for more figures on its use.")
    p.gap()
    p.add("Action: Search Service: the number of searches made each month and by whom", bold=True)
    m = minutes_of(p)
    assert all_actions(m) == [("Search Service", "Search Service: the number of searches made each month and by whom")]


def test_item_head_bold_title_over_three_lines_with_its_item_reference() -> None:
    p = heading(Page())
    p.add("90. 24/00109 - Transfer of the youth support service from the children's directorate", bold=True)
    p.add("to the adult services directorate with the staff who deliver it at present in", bold=True)
    p.add("the county", bold=True)
    p.add("(Item 7)")
    p.add("The director introduced the report and answered questions from members.")
    m = minutes_of(p)
    assert [(i.number, i.title) for i in m.items if i.number] == [(
        "90", "24/00109 - Transfer of the youth support service from the children's directorate "
        "to the adult services directorate with the staff who deliver it at present in the county")]


def test_minutes_table_entries_ending_on_their_outcome_word_are_separate() -> None:
    p = Page()
    p.add("Minutes of the Committee Meeting", bold=True).gap()
    p.add_line(cells(0, (50, "Item"), (100, "Discussion"), (380, "Decisions and Action Points"), bold=True))
    p.add_line(cells(0, (55, "03 Events"), bold=True))
    p.add_line(cells(0, (100, "The summer event was planned and the"), (380, "Summer venue and menu agreed")))
    p.add_line(cells(0, (100, "speakers were chosen by the members."), (380, "Two pharmacists agreed as speakers")))
    m = minutes_of(p)
    assert [r.text for r in m.items[0].resolutions] == ["Summer venue and menu agreed", "Two pharmacists agreed as speakers"]


def test_item_head_underlined_heading_that_reaches_the_margin() -> None:
    from minutetrail.models import Rule
    from minutetrail.parsers.structure import underlined_lines

    p = heading(Page())
    p.add("7. Report of the working party on the future of the village hall and the playing field")
    p.add("The working party had met three times and consulted the users of the hall.")
    p.add("8. Any other business at the end of the meeting as notified to the chair in advance")
    p.add("There was none.")
    lines = p.lines
    rules = [Rule(ln.x0, ln.bottom + 1.5, ln.x1, ln.bottom + 2.0) for ln in (lines[1], lines[3])]
    plain = minutes_of(p)
    assert [i.number for i in plain.items if i.number] == []  # long, not bold: read as paragraphs
    marked = parse_minutes([(1, lines)], underlined=underlined_lines(lines, rules))
    assert [i.number for i in marked.items if i.number] == ["7", "8"]


def test_att_prose_unlabelled_roles_and_a_trailing_public_note() -> None:
    p = heading(Page())
    p.add("Present:")
    p.add("Councillors A Bell, C Dean and E Finch Clerk Mrs G Hart")
    p.add("District Councillor I Jones plus two members of the public")
    p.gap()
    p.add("1. Apologies", bold=True)
    p.add("There were none.")
    m = minutes_of(p)
    assert m.attendance.present == ("A Bell", "C Dean", "E Finch")
    assert m.attendance.officers == ("Mrs G Hart",)
    assert m.attendance.in_attendance == ("I Jones",)


def test_att_prose_title_first_staff_list_and_guests_label() -> None:
    from minutetrail.parsers.attendance import blocks_to_attendance, label_of

    staff = blocks_to_attendance({"staff": ["Operations Lead Ann Smith; Deputy Treasurer, Interim Clerk Bo Lee; Finance Officer Cy Dunn"]})
    assert staff.officers == ("Ann Smith", "Bo Lee", "Cy Dunn")
    assert label_of("Guests: Ann Lee, Bo Ray") == ("in_attendance", "Ann Lee, Bo Ray")


# ---------------------------------------------------------------- minutes that number nothing


def _unnumbered_minutes() -> Page:
    page = Page()
    page.add("Harbour Users Forum", bold=True).add("Notes of the meeting held on 3 May 2024:", bold=True).gap()
    page.add("Present: Ann Lee (Chair), Bob Ray, Cy Tan").gap()
    page.add("Opening remarks", bold=True).add("The Chair welcomed members and thanked the harbour master for the tour.").gap()
    page.add("Dredging of the inner basin and the", bold=True).add("approach channel", bold=True)
    page.add("The forum heard that the dredging contract had been let and work would start in June.").gap()
    page.add("Any other business", bold=True).add("The forum agreed to write to the county about the slipway lighting.").gap()
    page.add("Visit http://example.org/harbour-forum-notes-and-papers/", bold=False).gap()
    return page


def test_bold_headings_are_the_items_of_minutes_that_number_nothing():
    minutes = minutes_of(_unnumbered_minutes())
    assert [(i.number, i.title) for i in minutes.items] == [
        ("", "Opening remarks"),
        ("", "Dredging of the inner basin and the approach channel"),
        ("", "Any other business"),
    ]
    assert [n.lower() for n in minutes.attendance.present][:1] == ["ann lee"]


def test_a_run_of_bold_title_lines_and_bold_over_bold_give_no_items():
    page = Page()
    page.add("Harbour Users Forum", bold=True).add("Annual meeting", bold=True).add("Held in the sailing club", bold=True)
    page.add("Minutes of the annual meeting", bold=True).gap()
    page.add("Members discussed the moorings and agreed nothing further.")
    assert minutes_of(page).items == ()


def test_numbered_minutes_keep_their_numbered_items_only():
    page = Page()
    page.add("1. Welcome", bold=True).add("The Chair welcomed members.").gap()
    page.add("A bold aside", bold=True).add("Some notes under it.").gap()
    page.add("2. Moorings", bold=True).add("Members discussed the moorings.")
    assert [i.number for i in minutes_of(page).items] == ["1", "2"]


def test_number_glued_to_a_dash_opens_an_item_and_a_short_heading_may_end_in_a_colon():
    page = Page()
    page.add("1- BUDGET", bold=True).add("The council adopted the budget.").gap()
    page.add("2- REPORTS OF THE MAYOR", bold=True).add("The mayor reported on the decisions taken since the last meeting.").gap()
    page.add("2-1 : Questions from members :").add("Two questions were put about the school bus.").gap()
    page.add("3. The following items were noted in the course of the long discussion that followed:")
    page.add("the bus timetable and the price of school meals.")
    assert [(i.number, i.title) for i in minutes_of(page).items] == [
        ("1", "BUDGET"), ("2", "REPORTS OF THE MAYOR"), ("2-1", "Questions from members")]
