"""Attendance printed the ways minutes print it (inline lists, one name a line, a label column, two
columns of names, with and without titles), made with reportlab. Invented names."""
from __future__ import annotations

from pathlib import Path

import pytest

from minutetrail.extraction import parse_file
from tests.councilpdf import parish_minutes

NAMES = ["Ann Lee", "Bob Ray", "Cy Tan", "Dee Fox"]
LAYOUTS = {  # rows of "|"-separated cells (170 pt apart); "**" sets a row in bold
    "inline": ["Present: Cllr Ann Lee (Chair), Cllr Bob Ray, Cllr Cy Tan and Cllr Dee Fox"],
    "inline-plural-title": ["Present: Councillors Ann Lee (Chair), Bob Ray, Cy Tan and Dee Fox"],
    "label-then-one-a-line": ["Present:"] + [f"Cllr {n}" for n in NAMES],
    "bold-heading-then-one-a-line": ["**Present"] + [f"Councillor {n}" for n in NAMES],
    "label-column": ["Present:|Cllr Ann Lee (Chair)"] + [f"|Cllr {n}" for n in NAMES[1:]],
    "two-columns-of-names": ["Members present:", "Cllr Ann Lee (Chair)|Cllr Bob Ray", "Cllr Cy Tan|Cllr Dee Fox"],
    "no-titles": ["Present: Ann Lee (Chair), Bob Ray, Cy Tan, Dee Fox"],
    "attendees-label": ["Attendees: Ann Lee (Chair), Bob Ray, Cy Tan, Dee Fox"],
    "semicolons": ["Present: Ann Lee (Chair); Bob Ray; Cy Tan; Dee Fox"],
}


def _minutes(path: Path, rows: list[str]) -> Path:
    sheet = parish_minutes(path).gap(8)
    for row in rows + ["", "In attendance: Jo Pike (Clerk)", "Apologies: Cllr Eve Hart", ""]:
        sheet.cells(*row.lstrip("*").split("|"), bold=row.startswith("**"))
    for n, (title, text) in enumerate([("Budget", "RESOLVED: that the budget be approved."),
                                       ("Footpaths", "Members discussed the footpaths.")], 1):
        sheet.heading(f"{n}.", title, "bold").line(text, step=26)
    return sheet.save()


def _surnames(names) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(n.replace("(Chair)", "").replace("(Clerk)", "").split()[-1].lower() for n in names)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_attendance_layouts(tmp_path, layout):
    [minutes] = parse_file(str(_minutes(tmp_path / "m.pdf", LAYOUTS[layout]))).minutes
    a = minutes.attendance
    assert _surnames(a.present) == ["fox", "lee", "ray", "tan"]
    assert _surnames(a.apologies) == ["hart"]
    assert _surnames(a.in_attendance + a.officers) == ["pike"]
    if "(Chair)" in " ".join(LAYOUTS[layout]):
        assert a.chair == "Ann Lee"
    assert [i.number for i in minutes.items] == ["1", "2"]
