"""Officers' reports set out their recommendations in several ways; each gives its recommendations,
and a heading with nothing readable under it is reported. Reports made with reportlab; invented text."""
from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from minutetrail.extraction import parse_file

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
    c = Canvas(str(path), pagesize=A4)
    y = A4[1] - 60
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, y, "Report to the Resources Committee")
    c.setFont("Helvetica", 11)
    for text in ["Meeting date: Tuesday 7 May 2024", "Title of report: Budget and fees for 2024/25", "Report by: Head of Finance",
                 "", "Purpose", "To set the budget and the fees for the coming year.", ""] + lead + lines + \
                ["", "Background", "The council must set a balanced budget each year."]:
        y -= 16
        if text:
            c.drawString(60, y, text)
    c.showPage()
    c.save()
    return path


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
