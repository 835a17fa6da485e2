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
