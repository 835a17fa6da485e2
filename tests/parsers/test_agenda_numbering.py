"""Agendas numbered in the styles councils use (the styles of test_minutes_numbering), each set in
four heading styles, made with reportlab: every style gives every item with its number and title.
Invented text."""
from __future__ import annotations

from pathlib import Path

import pytest

from minutetrail.extraction import parse_file
from tests.councilpdf import Sheet, parish_agenda
from tests.parsers.test_minutes_numbering import HEADINGS, STYLES

ITEMS = [("Apologies for absence", None), ("Declarations of interest", None),
         ("Minutes of the previous meeting", "To approve the minutes of the meeting held on 3 April 2024."),
         ("Budget monitoring report", "To receive the treasurer's report."),
         ("Footpath repairs", "To consider quotes for the repair of the footpath by the church."),
         ("Date of next meeting", None)]


def _agenda_pdf(path: Path, printed, heading: str, capitals: bool, indent_description: bool) -> Path:  # type: ignore[no-untyped-def]
    sheet = parish_agenda(path)
    for i, (title, description) in enumerate(ITEMS):
        sheet.heading(printed(i + 1), title.upper() if capitals else title, heading, step=15)
        if description:
            sheet.line(description, x=110 if indent_description else 60, step=15)
        sheet.gap()
    return sheet.save()


@pytest.mark.parametrize("heading", HEADINGS)
@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_numbering_style_gives_every_agenda_item(tmp_path, style, heading):
    printed, recorded = STYLES[style]
    variant = sorted(STYLES).index(style) + HEADINGS.index(heading)
    pdf = _agenda_pdf(tmp_path / "a.pdf", printed, heading, capitals=variant % 2 == 0, indent_description=variant % 3 != 0)
    record = parse_file(str(pdf))
    assert [a.number for a in record.agenda_items] == [recorded(n) for n in range(1, 7)]
    assert [a.title.lower() for a in record.agenda_items] == [t.lower() for t, _ in ITEMS]
    assert record.meeting is not None and record.meeting.date == "2024-05-07"


def _unnumbered_agenda(path: Path, marker: str, bold: bool) -> Path:
    sheet = Sheet(path).line("Little Ashby Parish Council", size=14, bold=True, step=20)
    sheet.line("Meeting of the Parish Council on Tuesday 7 May 2024 at 7.30 pm", step=24).line("AGENDA", size=13, bold=True, step=24)
    for title, description in ITEMS:
        sheet.line(marker + title, bold=bold, step=15)
        if description:
            sheet.line(description, x=60 + (12 if marker else 0), step=15)
        sheet.gap()
    return sheet.save()


@pytest.mark.parametrize("marker, bold", [("", True), ("• ", False), ("• ", True), ("- ", False)],
                         ids=["bold-headings", "bullets", "bold-bullets", "dashes"])
def test_an_agenda_that_numbers_nothing_gives_its_items_and_descriptions(tmp_path, marker, bold):
    record = parse_file(str(_unnumbered_agenda(tmp_path / "a.pdf", marker, bold)))
    assert [(a.number, a.title, a.description) for a in record.agenda_items] == [("", t, d) for t, d in ITEMS]
    assert not record.warnings


def test_an_agenda_of_plain_unnumbered_lines_is_reported_not_guessed(tmp_path):
    record = parse_file(str(_unnumbered_agenda(tmp_path / "a.pdf", "", False)))
    assert record.agenda_items == ()
    assert any(w.page == 1 and "no items read" in w.message for w in record.warnings)
