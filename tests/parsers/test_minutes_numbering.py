"""Minutes numbered in the styles councils use, each set in four heading styles (bold, plain,
underlined, number and title in two columns), made with reportlab: every style gives every item,
its number, its decision and its action. Invented text."""
from __future__ import annotations

from pathlib import Path

import pytest

from minutetrail.extraction import parse_file
from tests.councilpdf import HEADING_STYLES, parish_minutes

ITEMS = [("Apologies for absence", "Apologies were received from Cllr Dee Fox."),
         ("Declarations of interest", "There were no declarations of interest."),
         ("Minutes of the previous meeting", "The minutes of the meeting held on 3 April 2024 were approved as a correct record."),
         ("Budget monitoring report", "The treasurer presented the report. RESOLVED: that the report be noted."),
         ("Footpath repairs", "Members discussed the state of the footpaths. ACTION: Clerk to write to the county council."),
         ("Date of next meeting", "The next meeting will be held on 5 June 2024.")]

STYLES = {  # printed number of the n-th item (from 1) -> the number the record should carry
    "dot": (lambda n: f"{n}.", lambda n: str(n)),
    "paren": (lambda n: f"{n})", lambda n: str(n)),
    "bracketed": (lambda n: f"({n})", lambda n: str(n)),
    "bare": (lambda n: f"{n}", lambda n: str(n)),
    "item": (lambda n: f"Item {n}", lambda n: str(n)),
    "item-colon": (lambda n: f"Item {n}:", lambda n: str(n)),
    "minute-word": (lambda n: f"Minute {n}", lambda n: str(n)),
    "zero-sub-level": (lambda n: f"{n}.0", lambda n: f"{n}.0"),
    "number-of-year": (lambda n: f"{40 + n}/24", lambda n: f"{40 + n}/24"),
    "year-then-number": (lambda n: f"2024/{n:02d}", lambda n: f"2024/{n:02d}"),
    "hash": (lambda n: f"#{n}", lambda n: str(n)),
}
HEADINGS = list(HEADING_STYLES)


def _minutes_pdf(path: Path, printed, heading: str, indent_body: bool, capitals: bool) -> Path:  # type: ignore[no-untyped-def]
    sheet = parish_minutes(path).line("Present: Cllr Ann Lee (Chair), Cllr Bob Ray, Cllr Cy Tan", step=28)
    for i, (title, body) in enumerate(ITEMS):
        sheet.heading(printed(i + 1), title.upper() if capitals else title, heading)
        sheet.line(body, x=110 if indent_body else 60, step=26)
    return sheet.save()


@pytest.mark.parametrize("heading", HEADINGS)
@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_numbering_style_gives_every_item_its_decision_and_action(tmp_path, style, heading):
    printed, recorded = STYLES[style]
    variant = sorted(STYLES).index(style) + HEADINGS.index(heading)
    pdf = _minutes_pdf(tmp_path / "m.pdf", printed, heading, indent_body=variant % 2 == 1, capitals=variant % 3 == 0)
    [minutes] = parse_file(str(pdf)).minutes
    items = [i for i in minutes.items if i.number or i.title]
    assert [i.number for i in items] == [recorded(n) for n in range(1, 7)]
    assert [i.title.lower() for i in items] == [t.lower() for t, _ in ITEMS]
    assert [r.text for r in items[3].resolutions] == ["that the report be noted."]
    assert [a.owner for a in items[4].actions] == ["Clerk"]
