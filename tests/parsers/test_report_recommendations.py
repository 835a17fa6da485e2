"""Officers' reports set out their recommendations in several ways; each gives its recommendations,
and a heading with nothing readable under it is reported. Reports made with reportlab; invented text."""
from __future__ import annotations

from pathlib import Path

import pytest

from minutetrail.extraction import parse_file
from tests.councilpdf import Sheet

RECS = ["the annual budget be approved", "the fees and charges be increased by three per cent"]
FORMS = {  # lines opening the section, how the n-th recommendation is printed, (letter, text) expected
    "lettered-under-that": (["Recommendation(s)", "That the committee:"], lambda i, t: f"{'ab'[i]}) {t.capitalize()};",
                            lambda i, t: ("ab"[i], f"{t.capitalize()};")),
    "numbered": (["Recommendations", "That:"], lambda i, t: f"{i + 1}. {t.capitalize()}.", lambda i, t: (str(i + 1), f"{t.capitalize()}.")),
    "bracketed-letters": (["RECOMMENDATIONS", "The Cabinet is recommended to:"], lambda i, t: f"({'ab'[i]}) agree that {t}.",
                          lambda i, t: ("ab"[i], f"agree that {t}.")),
    "bulleted": (["Recommendations:", "That the committee:"], lambda i, t: f"• Agrees that {t}", lambda i, t: (None, f"Agrees that {t}")),
    "inline-label": ([], lambda i, t: f"Recommendation: That {t}." if i == 0 else "", lambda i, t: (None, f"That {t}.")),
}


def _report(path: Path, lead: list[str], lines: list[str]) -> Path:
    sheet = Sheet(path).line("Report to the Resources Committee", size=14, bold=True, step=20)
    for text in ["Meeting date: Tuesday 7 May 2024", "Title of report: Budget and fees for 2024/25", "Report by: Head of Finance",
                 "", "Purpose", "To set the budget and the fees for the coming year.", ""] + lead + lines + \
                ["", "Background", "The council must set a balanced budget each year."]:
        sheet.line(text)
    return sheet.save()


@pytest.mark.parametrize("form", sorted(FORMS))
def test_recommendation_forms(tmp_path, form):
    lead, printed, expected = FORMS[form]
    lines = [s for s in (printed(i, t) for i, t in enumerate(RECS)) if s]
    record = parse_file(str(_report(tmp_path / "r.pdf", lead, lines)))
    assert [(r.letter, r.text) for r in record.recommendations] == [expected(i, t) for i, t in enumerate(RECS)][: len(lines)]


def test_a_recommendations_heading_with_nothing_under_it_is_reported(tmp_path):
    record = parse_file(str(_report(tmp_path / "r.pdf", ["Recommendations"], ["See the appendix."])))
    assert [(r.letter, r.text) for r in record.recommendations] == [(None, "See the appendix.")]
    empty = parse_file(str(_report(tmp_path / "e.pdf", ["Recommendations"], [])))
    assert empty.recommendations == ()
    assert any(w.page == 1 and "no recommendation read" in w.message for w in empty.warnings)


def test_an_agenda_printing_a_reports_recommendations_under_its_item(tmp_path):
    sheet = Sheet(tmp_path / "a.pdf")
    for text, bold in [("Agenda", False), ("Resources Committee", False), ("Date: Tuesday 7 May 2024", False), ("", False),
                       ("Agenda", False), ("4. BUDGET AND FEES FOR 2024/25", True), ("Pages 5 - 18", False),
                       ("The purpose of this report is to set the budget and the fees.", False), ("Recommendation(s)", False),
                       ("That:", False), ("a) the annual budget be approved;", False), ("b) the fees be increased by three per cent.", False),
                       ("", False), ("5. MINUTES", True), ("Recommendation: Approve the minutes of the last meeting.", False)]:
        sheet.line(text, bold=bold, step=18)
    sheet.save()
    record = parse_file(str(tmp_path / "a.pdf"))
    assert [a.number for a in record.agenda_items] == ["4", "5"]
    assert [(r.letter, r.text, r.report_title) for r in record.recommendations] == [
        ("a", "the annual budget be approved;", "BUDGET AND FEES FOR 2024/25"),
        ("b", "the fees be increased by three per cent.", "BUDGET AND FEES FOR 2024/25")]


# ------------------------------------------------------------ reports of councils not seen before


def _sections(path: Path, opening: list[tuple[str, float, bool]], body: list[tuple[str, bool]]) -> Path:
    """A report: its opening lines (text, size, bold), then body lines (text, bold) with a gap before each bold one."""
    sheet = Sheet(path)
    for text, size, bold in opening:
        sheet.line(text, size=size, bold=bold, step=size + 8)
    for text, bold in body:
        if bold:
            sheet.gap(8)
        sheet.line(text, bold=bold)
    return sheet.save()


PURPOSE = [("Purpose of the report", True), ("To set the budget and the fees for the coming year.", False)]
BACKGROUND = [("Financial implications", True), ("The council must set a balanced budget each year.", False)]
OPENINGS = {  # how the report names itself, and the title read from it
    "title-set-larger-over-report-of": ([("Resources Committee", 11, False), ("Monday 3 March 2025", 11, False),
                                         ("Budget and Fees 2025/26", 16, True), ("Report of the Head of Finance", 11, False)],
                                        "Budget and Fees 2025/26"),
    "report-title-label-in-capitals": ([("RESOURCES COMMITTEE - 3 MARCH 2025", 11, True), ("REPORT TITLE: BUDGET AND FEES 2025/26", 11, True),
                                        ("REPORT AUTHOR: HEAD OF FINANCE", 11, False)], "BUDGET AND FEES 2025/26"),
    "report-author-and-wards-labels": ([("Budget and Fees 2025/26", 16, True), ("Report author: Ann Vell, Head of Finance", 11, False),
                                        ("Wards affected: All", 11, False)], "Budget and Fees 2025/26"),
}


@pytest.mark.parametrize("opening", sorted(OPENINGS))
def test_a_report_opening_without_title_of_report_is_a_report_with_its_title(tmp_path, opening):
    lines, title = OPENINGS[opening]
    body = PURPOSE + [("Recommendations", True), ("a) Approve the budget;", False), ("b) Agree the fees.", False)] + BACKGROUND
    record = parse_file(str(_sections(tmp_path / "r.pdf", lines, body)))
    assert [(d.kind.value, d.title) for d in record.documents] == [("report", title)]
    assert [r.text for r in record.recommendations] == ["Approve the budget;", "Agree the fees."]


HEAD = [("Report to the Resources Committee", 14, True), ("Title of report: Budget and fees for 2025/26", 11, False),
        ("Report by: Head of Finance", 11, False)]
SECTIONS = {  # the recommendations section as printed, then the recommendations expected
    "opened-by-the-committee-is-asked-to": ([("The Committee is asked to:", False), ("(i) approve the budget;", False),
                                             ("(ii) agree the fees.", False)], ["approve the budget;", "agree the fees."]),
    "a-single-paragraph-it-is-recommended-that": (
        [("It is recommended that the Committee approve the budget and agree the fees.", False)],
        ["It is recommended that the Committee approve the budget and agree the fees."]),
    "paragraphs-numbered-2-1-ended-by-a-numbered-heading": (
        [("2. Recommendations", True), ("2.1 That the Committee approve the budget;", False), ("2.2 That the Committee agree the fees.", False),
         ("3. Key issues", True), ("3.1 The council must set a balanced budget each year.", False)],
        ["That the Committee approve the budget;", "That the Committee agree the fees."]),
    "headed-recommended-decision": ([("Recommended decision", True), ("That the Committee approve the budget.", False)],
                                    ["That the Committee approve the budget."]),
    "headed-decision-required": ([("Decision required", True), ("That the Committee approve the budget.", False)],
                                 ["That the Committee approve the budget."]),
    "headed-decisions-required-with-a-colon": ([("Decision(s) required:", True), ("1. Approve the budget.", False),
                                                ("2. Agree the fees.", False)], ["Approve the budget.", "Agree the fees."]),
    "headed-staff-recommendation": ([("Staff Recommendation", True), ("That the Committee approve the budget.", False)],
                                    ["That the Committee approve the budget."]),
    "headed-recommended-action-in-capitals": ([("RECOMMENDED ACTION", True), ("1. Approve the budget.", False),
                                               ("2. Agree the fees.", False)], ["Approve the budget.", "Agree the fees."]),
    "headed-proposed-resolution": ([("Proposed resolution", True), ("That the Committee approve the budget.", False)],
                                   ["That the Committee approve the budget."]),
    "ended-by-a-bold-heading-not-in-the-vocabulary": (
        [("Recommendations", True), ("• Approve the budget.", False), ("Main considerations", True),
         ("The council must set a balanced budget each year.", False)], ["Approve the budget."]),
}


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_a_recommendations_section_in_other_words_and_numbering(tmp_path, section):
    body, expected = SECTIONS[section]
    record = parse_file(str(_sections(tmp_path / "r.pdf", HEAD, PURPOSE + body)))
    assert [r.text for r in record.recommendations] == expected


def test_a_recommendation_and_reason_table_gives_each_recommendation_cell(tmp_path):
    sheet = Sheet(tmp_path / "r.pdf")
    for text, size, bold in HEAD:
        sheet.line(text, size=size, bold=bold, step=size + 8)
    sheet.line("Recommendations", bold=True).gap(4)
    sheet.cells("Recommendation", "Reason for recommendation", width=280, bold=True).gap(8)
    for first, more, reason in [("Approve the revised budget as set", "out in Appendix A", "To set a balanced budget."),
                                ("Agree the fees and charges", "", "So that they start in April.")]:
        sheet.cells(first, reason, width=280)
        if more:
            sheet.cells(more, "", width=280)
        sheet.gap(8)
    sheet.gap(8).line("Background", bold=True).line("The council must set a balanced budget each year.")
    record = parse_file(str(sheet.save()))
    assert [r.text for r in record.recommendations] == ["Approve the revised budget as set out in Appendix A", "Agree the fees and charges"]


def test_a_lead_in_with_nothing_under_it_is_reported(tmp_path):
    record = parse_file(str(_sections(tmp_path / "r.pdf", HEAD, PURPOSE + [("Members are asked to:", False)] + BACKGROUND)))
    assert record.recommendations == ()
    assert any(w.page == 1 and "no recommendation read" in w.message for w in record.warnings)


def test_a_report_opening_in_a_cover_box_of_labels_without_colons_is_a_report(tmp_path):
    sheet = Sheet(tmp_path / "r.pdf")
    for label, value in [("Meeting", "Resources Committee"), ("Date", "Monday 3 March 2025"), ("Report title", "Budget and Fees 2025/26"),
                         ("Report of", "Head of Finance"), ("Wards", "All")]:
        sheet.cells(label, value, width=140, step=18)
    for text, bold in PURPOSE + [("Recommendations", True), ("a) Approve the budget;", False), ("b) Agree the fees.", False)] + BACKGROUND:
        sheet.gap(8 if bold else 0).line(text, bold=bold)
    record = parse_file(str(sheet.save()))
    assert [(d.kind.value, d.title) for d in record.documents] == [("report", "Budget and Fees 2025/26")]
    assert [r.text for r in record.recommendations] == ["Approve the budget;", "Agree the fees."]


def test_lead_in_words_on_a_wrapped_line_of_a_summary_do_not_open_the_recommendations(tmp_path):
    body = [("Executive summary", True), ("This report sets out the position reached and the decisions", False),
            ("members are asked to take.", False), ("Staff Recommendation", True), ("(1) approve the budget;", False),
            ("(2) agree the fees.", False)] + BACKGROUND
    record = parse_file(str(_sections(tmp_path / "r.pdf", HEAD, body)))
    assert [(r.letter, r.text) for r in record.recommendations] == [("1", "approve the budget;"), ("2", "agree the fees.")]
