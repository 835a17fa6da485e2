"""One minimal PDF per table phenomenon (issue: action tables, every row, every field)."""
from __future__ import annotations

import pytest

from minutetrail.extraction import parse_file
from tests.tablepdf import log_row, table_pdf

LONG = ("Dates offered to members: 2, 3 and 9 April. Members are asked to reply to the clerk by the end of March "
        "so that transport for the visit can be booked with the contractor and safety briefings arranged")


@pytest.mark.parametrize("ruled, underline", [(True, True), (False, True), (False, False)],
                         ids=["ruled", "header-underline-only", "no-lines-at-all"])
def test_ruled_and_borderless_tables(tmp_path, ruled, underline):
    rows = [log_row(1), log_row(2, "Publish the survey results", "C Ward", "", "TBC", ""),
            log_row(3, "Arrange a site visit", "Ward, Claire", LONG, "N/A", "COMPLETED")]
    actions = parse_file(table_pdf(tmp_path / "t.pdf", rows, ruled=ruled, underline=underline)).actions
    assert [a.number for a in actions] == ["1", "2", "3"]
    assert actions[0].owner == "Clerk to the committee" and actions[0].due == "2021-09-07"
    assert actions[1].owner == "C Ward" and actions[1].due is None and actions[1].due_text == "TBC"
    assert actions[1].progress is None and actions[1].status is None
    assert actions[2].owner == "Ward, Claire" and actions[2].due is None and actions[2].progress == LONG
    assert all(a.page == 1 and a.bbox for a in actions)


@pytest.mark.parametrize("repeat", [True, False], ids=["header-repeated", "header-not-repeated"])
def test_table_over_two_page_breaks_with_a_split_cell(tmp_path, repeat):
    rows = [log_row(i, f"Action number {i} about the housing register", progress=LONG if i in (9, 30) else "Noted")
            for i in range(1, 46)]
    actions = parse_file(table_pdf(tmp_path / "t.pdf", rows, repeat_header=repeat, space_above=40)).actions
    assert [a.number for a in actions] == [str(i) for i in range(1, 46)]  # each logical row once
    assert {a.page for a in actions} == {1, 2, 3}
    assert all(a.progress == (LONG if a.number in ("9", "30") else "Noted") for a in actions)
    assert all(a.text == f"Action number {a.number} about the housing register" for a in actions)


def test_wrapped_cell_split_mid_word_by_the_page_break(tmp_path):
    text = "Circulate the independent reviewing officer handbook to every member of the committee for information"
    rows = [log_row(1), log_row(2, text, progress=LONG)]
    pdf = table_pdf(tmp_path / "t.pdf", rows, space_above=370)
    actions = parse_file(pdf).actions
    assert [a.number for a in actions] == ["1", "2"]
    assert actions[1].text == text and actions[1].progress == LONG and actions[1].page == 1


def test_revised_due_date_keeps_the_cell_as_printed(tmp_path):
    rows = [log_row(1, due="02/11/21 revised 31/05/22"), log_row(2, due="21 st June"), log_row(3, due="June 2022 (date tbc)"),
            log_row(4, due="Dec-22"), log_row(5, due="7 Sept 2021"), log_row(6, due="07.09.2021"), log_row(7, due="Spring 2023")]
    actions = parse_file(table_pdf(tmp_path / "t.pdf", rows)).actions
    assert [(a.due, a.due_text) for a in actions] == [
        ("2022-05-31", "02/11/21 revised 31/05/22"), ("2022-06-21", "21 st June"), ("2022-06", "June 2022 (date tbc)"),
        ("2022-12", "Dec-22"), ("2021-09-07", "7 Sept 2021"), ("2021-09-07", "07.09.2021"), (None, "Spring 2023")]


def test_bulleted_cells(tmp_path):
    rows = [log_row(1, progress="• Post-inspection review complete • Board met on 28.11.22")]
    actions = parse_file(table_pdf(tmp_path / "t.pdf", rows)).actions
    assert actions[0].progress.startswith("Post-inspection review complete")


def test_two_tables_on_one_page(tmp_path):
    tracker = (["No.", "Recommendation", "Date made", "Response", "Lead", "Status"], [40, 260, 70, 200, 110, 62],
               [["R1", "That the executive reviews the lettings policy", "22/02/22", "Accepted", "Cabinet Member", "OPEN"],
                ["R2", "That tenants are consulted on service charges", "22/02/22", "Partly accepted", "Head of Housing", "COMPLETED"]])
    pdf = table_pdf(tmp_path / "t.pdf", [log_row(1), log_row(2, "Send the minutes to the parish")], then=[tracker])
    actions = parse_file(pdf).actions
    assert [(a.table, a.number) for a in actions] == [
        ("action_log", "1"), ("action_log", "2"), ("recommendation_tracker", "R1"), ("recommendation_tracker", "R2")]
    assert actions[2].meeting_date == "2022-02-22" and actions[2].owner == "Cabinet Member" and actions[2].progress == "Accepted"
    assert actions[3].status == "completed"


def test_merged_area_cell_is_inherited_by_every_row(tmp_path):
    headers = ["No.", "Para No", "Area for Improvement", "Lead", "Action", "By When", "Progress"]
    widths = [35, 45, 150, 130, 210, 70, 110]
    area = "Management oversight of practice"
    rows = [["1", "17", area, "Head of Safeguarding and Review (JR)", "Audit supervision records", "March 2023", "Started"],
            ["2", "", "", "Principal Social Worker (PSW)", "Relaunch the supervision policy", "April 2023", ""],
            ["3", "", "", "Head of Safeguarding and Review (JR)", "Report audit findings to the board", "21 st June", ""]]
    actions = parse_file(table_pdf(tmp_path / "t.pdf", rows, headers=headers, widths=widths, title="Inspection action plan")).actions
    assert [a.number for a in actions] == ["1", "2", "3"]
    assert [a.area for a in actions] == [area, area, area]
    assert actions[0].owner == "Head of Safeguarding and Review (JR)" and actions[0].text == "Audit supervision records"
    assert actions[2].due == "2023-06-21"
