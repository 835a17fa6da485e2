"""Rendering: tables that fit a width, the same columns in every format (pure: no database)."""
from __future__ import annotations

import csv
import io
import json

import pytest

from minutetrail.output import ColumnError, Shape, middle_cut, render, table

LONG_TEXT = ("Prepare a costed options appraisal for the replacement of the riverside footbridge, including a "
             "temporary crossing and a consultation with the rowing club")
PATH = "/srv/papers/invented-borough/2031/committee-papers/2031-02-03-invented-bridges-panel-agenda-pack.pdf"
ROWS = [{"id": 4, "number": "B/12", "due": "2031-01-31", "days_overdue": 3, "text": LONG_TEXT, "source_file": PATH, "page": 7},
        {"id": 11, "number": "B/3", "due": "2030-12-31", "days_overdue": 34, "text": "Mend the gate", "source_file": PATH,
         "page": 2}]
COLUMNS = ["id", "number", "due", "days_overdue", "text", "source_file", "page"]


@pytest.mark.parametrize("width", [64, 80, 100])
def test_a_table_fits_its_width_wrapping_prose_and_cutting_paths_in_the_middle(width):
    out = table(ROWS, COLUMNS, width)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width, out
    # every word of the prose is still there (wrapped, not cut), in order
    assert " ".join(out.split()).count("footbridge") == 1 and "rowing" in out
    # the path keeps its file name's end; dates and numbers are never cut
    assert "pack.pdf" in out and "2031-01-31" in out and "2030-12-31" in out and " 34 " in f" {out} "
    # the text column comes before the provenance
    header = lines[0]
    assert header.index("text") < header.index("source")


def test_an_unlimited_table_prints_every_cell_whole():
    out = table(ROWS, COLUMNS, None)
    assert LONG_TEXT in out and PATH in out and len(out.splitlines()) == 4


def test_middle_cut_keeps_both_ends_and_a_path_its_file_name():
    assert middle_cut("abcdefghijkl", 7) == "abc…jkl"
    assert middle_cut("/a/very/long/folder/name/file.pdf", 12).endswith("file.pdf")
    assert middle_cut("short", 10) == "short"


def test_every_format_prints_the_same_columns_and_no_headers_drops_the_header():
    rows = [{**r, "extra": "x"} for r in ROWS]
    parsed = list(csv.reader(io.StringIO(render(rows, COLUMNS, "csv"))))
    tabbed = list(csv.reader(io.StringIO(render(rows, COLUMNS, "tsv")), delimiter="\t"))
    assert parsed[0] == COLUMNS and tabbed == parsed
    assert [r[4] for r in parsed[1:]] == [LONG_TEXT, "Mend the gate"]
    assert list(csv.reader(io.StringIO(render(rows, COLUMNS, "csv", headers=False)))) == parsed[1:]
    lines = render(rows, COLUMNS, "jsonl").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [4, 11]
    assert json.loads(render(rows, COLUMNS, "json")) == rows  # JSON keeps every field
    assert table(rows, COLUMNS, 80, headers=False).splitlines()[0].startswith("4 ")


def test_columns_choose_and_order_fields_in_every_format_and_refuse_unknown_ones():
    shape = Shape("csv", ("page", "id", "who"))
    rows = [{**r, "owner": "Bridges Officer", "owner_person": None} for r in ROWS]
    assert shape.render(rows, COLUMNS).splitlines()[:2] == ["page,id,who", "7,4,Bridges Officer"]
    assert json.loads(Shape("json", ("id", "page")).render(rows, COLUMNS)) == [{"id": 4, "page": 7}, {"id": 11, "page": 2}]
    with pytest.raises(ColumnError, match="no column nope"):
        Shape("table", ("id", "nope")).render(rows, COLUMNS)


def test_a_table_states_a_single_committee_once_and_hides_a_flag_no_row_has():
    rows = [{**r, "committee": "Invented Bridges Panel", "under_review": False} for r in ROWS]
    out = Shape("table", width=100).render(rows, ["id", "committee", "under_review", "text"])
    assert out.splitlines()[0] == "committee: Invented Bridges Panel"
    assert out.count("Invented Bridges Panel") == 1 and "under_review" not in out
    rows[1] = {**rows[1], "committee": "Invented Ferries Panel", "under_review": True}
    out = Shape("table", width=100).render(rows, ["id", "committee", "under_review", "text"])
    assert "Invented Ferries Panel" in out and "under_" in out and "True" in out
