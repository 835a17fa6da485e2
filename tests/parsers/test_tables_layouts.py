"""One minimal PDF per table layout class, drawn by tests/tablepdf.layout_pdf; text invented."""
from __future__ import annotations

import pytest

from minutetrail.models import ActionStatus, DocKind, Rag
from minutetrail.parsers.record import parse_pages
from tests.tablepdf import AMBER, GREEN, MERGED, Layout, layout_pdf, read_pages

PROSE = "Review the winter gritting routes with the highways contractor and report any gaps to members"


def _record(tmp_path, lay: Layout):
    path = layout_pdf(tmp_path / "t.pdf", lay)
    return parse_pages(str(path), "0" * 64, read_pages(path))


def _actions(tmp_path, lay: Layout):
    return _record(tmp_path, lay).actions


def _log(n: int = 3) -> list[list[str | None]]:
    owners = ["Jo Bloggs", "Clerk", "P Singh", "A Nother"]
    return [[str(i + 1), f"{PROSE} (part {i + 1})", owners[i % 4], f"1{i}/03/2024"] for i in range(n)]


def test_merged_cells_are_inherited_by_every_row_they_span(tmp_path):
    rows = [["Housing", "12/01/2024", "Agree the allocations policy review timetable", "Jo Bloggs"],
            [MERGED, MERGED, "Report void turnaround times each quarter", "P Singh"],
            [MERGED, "09/02/2024", "Publish the tenancy strategy for consultation", "Clerk"],
            ["Parks", MERGED, "Survey the play areas before the summer", "A Nother"]]
    lay = Layout(["Theme", "Meeting date", "Action", "Owner"], [90, 80, 330, 110], rows)
    actions = _actions(tmp_path, lay)
    assert [a.owner for a in actions] == ["Jo Bloggs", "P Singh", "Clerk", "A Nother"]
    assert [a.meeting_date for a in actions] == ["2024-01-12", "2024-01-12", "2024-02-09", "2024-02-09"]
    assert [a.area for a in actions] == ["Housing", "Housing", "Housing", "Parks"]


def test_header_cells_wrapping_over_three_lines_are_one_column_each(tmp_path):
    headers = ["Inspection finding paragraph ref", "Key theme for development work", "What we will do about it",
               "Officer leading the work", "Date we expect to finish", "Where things stand now"]
    rows = [["4.2", "Early help", PROSE, "Head of Early Help", "31/05/2024", "Work started"],
            ["5.1", "Quality of plans", "Audit a sample of plans each month and share the learning with managers",
             "Service Manager", "30/06/2024", "Not started"]]
    lay = Layout(headers, [62, 62, 260, 80, 62, 90], rows)
    actions = _actions(tmp_path, lay)
    assert [a.text for a in actions] == [PROSE, rows[1][2]]
    assert [a.owner for a in actions] == ["Head of Early Help", "Service Manager"]
    assert [a.due for a in actions] == ["2024-05-31", "2024-06-30"]
    assert [a.status for a in actions] == [ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED]


def test_unknown_header_words_columns_named_from_content(tmp_path):
    rows = [[PROSE, "Jo Bloggs", "14/03/2024", "In progress"],
            ["Write to the bus operator about the cancelled evening services on route nine", "P Singh", "21/03/2024", "Completed"],
            ["Ask the county for a date for the footway resurfacing on the high street", "Clerk", "28/03/2024", "Not started"]]
    lay = Layout(["Matter arising", "Person", "By", "Position"], [330, 90, 70, 90], rows)
    actions = _actions(tmp_path, lay)
    assert [a.text for a in actions] == [r[0] for r in rows]
    assert [a.owner for a in actions] == ["Jo Bloggs", "P Singh", "Clerk"]
    assert [a.due for a in actions] == ["2024-03-14", "2024-03-21", "2024-03-28"]
    assert [a.status for a in actions] == [ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED, ActionStatus.NOT_STARTED]


@pytest.mark.parametrize("style", ["grid", "none"])
def test_blank_header_over_a_number_column_anchors_the_rows(tmp_path, style):
    rows = [[f"{i}.", f"{PROSE} and tell the ward members in writing (item {i})", "Jo Bloggs", f"2{i}/04/2024"] for i in range(1, 4)]
    lay = Layout(["", "Action", "Lead", "Deadline"], [30, 250, 90, 80], rows, style=style)
    actions = _actions(tmp_path, lay)
    assert [a.number for a in actions] == ["1", "2", "3"]
    assert all(a.text.startswith("Review the winter") and a.text.endswith(f"(item {a.number})") for a in actions)
    assert [a.due for a in actions] == ["2024-04-21", "2024-04-22", "2024-04-23"]


@pytest.mark.parametrize("repeat", [True, False], ids=["header-repeated", "header-not-repeated"])
def test_row_split_by_a_page_break_is_one_row(tmp_path, repeat):
    rows = _log(4)
    rows[2][1] = " ".join([PROSE] * 4)
    lay = Layout(["Ref", "Action", "Owner", "Due"], [40, 300, 100, 80], rows, page_height=260, repeat_header=repeat,
                 split_at={2: 2})
    actions = _actions(tmp_path, lay)
    assert [a.number for a in actions] == ["1", "2", "3", "4"]
    assert actions[2].text == rows[2][1]
    assert actions[2].owner == "P Singh" and actions[2].due == "2024-03-12"
    assert actions[3].page == 2


@pytest.mark.parametrize("style", ["rows", "zebra", "none"], ids=["partly-ruled", "zebra", "borderless"])
def test_tables_without_column_rules(tmp_path, style):
    rows = _log(3)
    lay = Layout(["Ref", "Action", "Owner", "Due"], [40, 300, 100, 80], rows, style=style)
    actions = _actions(tmp_path, lay)
    assert [a.number for a in actions] == ["1", "2", "3"]
    assert [a.text for a in actions] == [r[1] for r in rows]
    assert [a.owner for a in actions] == [r[2] for r in rows]
    assert [a.due for a in actions] == ["2024-03-10", "2024-03-11", "2024-03-12"]


def test_cells_aligned_to_the_bottom_of_their_row(tmp_path):
    rows = [["12/01/2024", PROSE + " before the next meeting of the committee", "May 2024", "On track"],
            ["09/02/2024", "Circulate the draft budget timetable", "March 2024", "Complete"]]
    lay = Layout(["Meeting date", "Action", "Deadline", "Progress"], [80, 260, 80, 90], rows, valign="bottom",
                 fills={(0, 3): GREEN, (1, 3): AMBER})
    actions = _actions(tmp_path, lay)
    assert [a.meeting_date for a in actions] == ["2024-01-12", "2024-02-09"]
    assert [a.text for a in actions] == [r[1] for r in rows]
    assert [(a.progress, a.status_text, a.status) for a in actions] == [
        ("On track", "On track", ActionStatus.IN_PROGRESS), ("Complete", "Complete", ActionStatus.COMPLETED)]
    assert [a.rag for a in actions] == [Rag.GREEN, Rag.AMBER]


@pytest.mark.parametrize("style", ["grid", "none"], ids=["ruled", "borderless"])
def test_group_headings_name_the_lead_of_the_rows_under_them(tmp_path, style):
    rows = [[PROSE, "30/04/2024", "On track"], ["Agree the data sharing template with partners", "31/05/2024", "Not started"],
            ["Refresh the website accessibility statement", "30/06/2024", "Complete"]]
    lay = Layout(["Action", "Due", "Status"], [330, 80, 90], rows, style=style,
                 groups={0: "Open data licensing and the publication of the council's datasets – GS/JT", 2: "Website – KL"})
    actions = _actions(tmp_path, lay)
    assert [a.text for a in actions] == [r[0] for r in rows]  # the headings are not rows
    assert [a.owner for a in actions] == ["GS/JT", "GS/JT", "KL"]
    assert [a.area for a in actions] == ["Open data licensing and the publication of the council's datasets"] * 2 + ["Website"]


def test_action_log_inside_minutes_gives_action_rows(tmp_path):
    before = ["MINUTES OF THE MEETING OF ASHCOMBE PARISH COUNCIL HELD ON 4 MARCH 2024",
              "Present: Cllr A Green (Chair), Cllr B White, Cllr C Black", "1. Apologies for absence were received from Cllr D Grey.",
              "2. Actions from previous meetings"]
    rows = [["Jan24.01", "AG to ask the county about the flooding on Mill Lane", "AG", "March", "Chased twice, no reply yet"],
            ["Jan24.02", "Clerk to renew the insurance policy", "Clerk", "April", "Done"]]
    lay = Layout(["No", "Action", "Owner", "Deadline", "Update"], [60, 260, 60, 60, 160], rows, before=before,
                 after=["3. Planning applications: none were received."])
    record = _record(tmp_path, lay)
    assert [a.number for a in record.actions] == ["Jan24.01", "Jan24.02"]
    assert all(a.table == DocKind.ACTION_LOG for a in record.actions)
    assert [a.owner for a in record.actions] == ["AG", "Clerk"]
    assert record.actions[0].progress == "Chased twice, no reply yet" and record.actions[0].status is None


def test_grid_with_action_columns_but_no_readable_rows_is_reported(tmp_path):
    rows = [["", "Jo Bloggs", "14/03/2024"], ["", "P Singh", "21/03/2024"]]
    lay = Layout(["Action", "Owner", "Due"], [300, 100, 80], rows)
    record = _record(tmp_path, lay)
    assert record.actions == ()
    assert any(w.page == 1 and "no rows" in w.message for w in record.warnings)


@pytest.mark.parametrize("style, header_rule", [("none", True), ("none", False), ("grid", True)],
                         ids=["rule-under-header", "no-lines", "ruled"])
def test_plan_with_phrase_headers_and_merged_leading_cells(tmp_path, style, header_rule):
    headers = ["Inspection finding para", "Key theme for development", "Action", "Lead officer", "Target date", "Progress"]
    rows = [["1.", "Early help offer", PROSE, "Head of Early Help", "31/05/2024", "Started in April"],
            [MERGED, MERGED, "Train every duty worker in the new threshold guidance and audit a sample", "Principal Social Worker",
             "30/06/2024", "Two sessions held"],
            ["2.", "Care leavers", "Open a drop-in hub for care leavers in the town centre with partners", "Service Manager",
             "31/07/2024", "Premises found"]]
    lay = Layout(headers, [60, 70, 250, 90, 60, 110], rows, style=style, header_rule=header_rule)
    actions = _actions(tmp_path, lay)
    assert [a.text for a in actions] == [r[2] for r in rows]
    assert [a.owner for a in actions] == [r[3] for r in rows]
    assert [a.due for a in actions] == ["2024-05-31", "2024-06-30", "2024-07-31"]
    assert [a.progress for a in actions] == [r[5] for r in rows]
    assert [a.area for a in actions] == ["Early help offer", "Early help offer", "Care leavers"]


def test_audit_recommendations_tracker_with_revised_dates(tmp_path):
    headers = ["Ref", "Finding", "Recommendation", "Priority", "Management response", "Responsible officer",
               "Original target date", "Revised target date", "Status"]
    rows = [["A1", "Leavers were not removed from the payroll system promptly in three cases",
             "Reconcile leavers against the payroll each month", "High", "Agreed; a monthly check is in place",
             "Payroll Manager", "31/01/2024", "", "Implemented"],
            ["A2", "Contract waivers were approved without a recorded reason",
             "Record the reason for every waiver in the register", "Medium", "Agreed; the form will be changed",
             "Head of Procurement", "31/03/2024", "30/09/2024", "Partially implemented"]]
    lay = Layout(headers, [30, 130, 130, 50, 120, 80, 60, 60, 80], rows)
    actions = _actions(tmp_path, lay)
    assert [a.text for a in actions] == [r[2] for r in rows]
    assert all(a.table == DocKind.RECOMMENDATION_TRACKER for a in actions)
    assert [a.owner for a in actions] == ["Payroll Manager", "Head of Procurement"]
    assert [a.due for a in actions] == ["2024-01-31", "2024-09-30"]
    assert [a.status for a in actions] == [ActionStatus.COMPLETED, ActionStatus.IN_PROGRESS]


HEADER_SETS = {
    "known": ["Ref", "Action", "Owner", "Due date", "Status"],
    "phrases": ["Ref", "Action agreed at the meeting", "Officer leading", "Target date for completion", "Where it stands"],
    "blank-ref": ["", "Action", "Responsible officer", "Deadline", "Status"],
    "unknown": ["", "Matter arising", "Person", "By", "Stage"],
}


@pytest.mark.parametrize("style", ["grid", "rows", "zebra", "none", "bare"])
@pytest.mark.parametrize("headers", list(HEADER_SETS))
@pytest.mark.parametrize("broken", [False, True], ids=["one-page", "over-a-page-break"])
def test_layout_variants_give_the_same_rows(tmp_path, style, headers, broken):
    statuses = ["In progress", "Completed", "Not started", "Overdue", "On track", "Completed"]
    rows = [[f"{i}.", f"Action {i}: {PROSE}" if i % 2 else f"Action {i}: write to the county", ["Jo Bloggs", "Clerk", "A Patel"][i % 3],
             f"{10 + i}/05/2024", statuses[i - 1]] for i in range(1, 7)]
    lay = Layout(HEADER_SETS[headers], [35, 300, 110, 80, 80], rows, style="none" if style == "bare" else style,
                 header_rule=style != "bare", page_height=300 if broken else 0.0, split_at={3: 1} if broken else {})
    actions = _actions(tmp_path, lay)
    assert [a.number for a in actions] == [str(i) for i in range(1, 7)]
    assert [a.text for a in actions] == [r[1] for r in rows]
    assert [a.owner for a in actions] == [r[2] for r in rows]
    assert [a.due for a in actions] == [f"2024-05-{10 + i}" for i in range(1, 7)]
    assert [a.status_text for a in actions] == statuses


@pytest.mark.parametrize("style", ["grid", "rows", "zebra"])
@pytest.mark.parametrize("headers", list(HEADER_SETS))
def test_bottom_aligned_variants_give_the_same_rows(tmp_path, style, headers):
    rows = [[f"{i}.", f"Action {i}: {PROSE}" if i % 2 else f"Action {i}: write to the county", "Clerk", f"{10 + i}/05/2024",
             "Completed"] for i in range(1, 5)]
    lay = Layout(HEADER_SETS[headers], [35, 300, 110, 80, 80], rows, style=style, valign="bottom")
    actions = _actions(tmp_path, lay)
    assert [a.number for a in actions] == ["1", "2", "3", "4"]
    assert [a.text for a in actions] == [r[1] for r in rows]


@pytest.mark.parametrize("headers, rows", [
    (["Topic", "Purpose of the item", "Lead officer", "Notes"],
     [["Libraries", PROSE, "Head of Culture", "Scoping agreed"], ["Leisure", PROSE, "Leisure Manager", "To be scheduled"]]),
    (["Measure", "Target", "Quarter 1", "Quarter 2"],
     [[PROSE, "95%", "93%", "96%"], ["Percentage of calls answered within twenty seconds of ringing", "80%", "78%", "82%"]]),
], ids=["work-programme", "performance-measures"])
def test_tables_without_action_columns_give_no_action_rows(tmp_path, headers, rows):
    assert _actions(tmp_path, Layout(headers, [100, 300, 110, 110], rows)) == ()


def test_header_printed_above_a_ruled_body(tmp_path):
    rows = _log(3)
    lay = Layout(["Ref", "Action", "Owner", "Due"], [40, 300, 100, 80], rows, header_boxed=False)
    actions = _actions(tmp_path, lay)
    assert [a.number for a in actions] == ["1", "2", "3"]
    assert [a.owner for a in actions] == [r[2] for r in rows]
    assert [a.due for a in actions] == ["2024-03-10", "2024-03-11", "2024-03-12"]


@pytest.mark.parametrize("header_rule", [True, False], ids=["rule-under-header", "no-lines"])
def test_prose_opening_the_next_page_does_not_carry_on_a_borderless_table(tmp_path, header_rule):
    """A borderless log ends at the foot of a page; the next page opens a new report in prose."""
    after = ["Title of report: Review of the markets service",
             "Purpose: To set out the options for the future of the covered market and ask for the views of "
             "members on the consultation that will follow in the spring, with figures checked by the finance team."]
    lay = Layout(["Ref", "Action", "Owner", "Due"], [40, 300, 100, 80], _log(3), style="none", header_rule=header_rule,
                 after=after, after_new_page=True)
    record = _record(tmp_path, lay)
    assert [a.number for a in record.actions] == ["1", "2", "3"]
    assert not any("market" in a.text or "finance" in (a.text + (a.progress or "")) for a in record.actions)
    assert not any("rejected" in w.message for w in record.warnings), record.warnings


@pytest.mark.parametrize("style", ["grid", "rows", "zebra", "none"])
def test_a_title_set_close_above_the_header_is_neither_header_nor_row(tmp_path, style):
    """A partly ruled table's header is found above its first rule; a title in other type just above
    it stays out of the table. Every row knows where its header is printed (for evidence crops)."""
    lay = Layout(["Ref", "Action", "Owner", "Due"], [40, 300, 100, 80], _log(3), style=style,
                 before=["Example Scrutiny Committee", "Action log, meeting of 5 March 2024"])
    actions = _actions(tmp_path, lay)
    assert [a.number for a in actions] == ["1", "2", "3"]
    assert all(a.header_bbox is not None for a in actions)
    head = actions[0].header_bbox
    assert head[3] <= actions[0].bbox[1] and head[3] - head[1] < 20  # the header line alone, not the title
