"""Grids from hand-made rules and fills: no PDF needed (pdfplumber's edges -> cells, our own code)."""
from minutetrail.models import Fill, Rule
from minutetrail.parsers.columns import content_field, header_field
from minutetrail.parsers.grid import page_grids


def _box(x0: float, top: float, x1: float, bottom: float) -> list[Rule]:
    return [Rule(x0, top, x1, top), Rule(x0, bottom, x1, bottom), Rule(x0, top, x0, bottom), Rule(x1, top, x1, bottom)]


def _table(x0: float, top: float, cols: list[float], rows: list[float]) -> list[Rule]:
    rules = [Rule(x0, y, cols[-1], y) for y in [top] + rows]
    rules += [Rule(x, top, x, rows[-1]) for x in [x0] + cols]
    return rules


def test_two_ruled_tables_on_one_page_are_two_grids():
    rules = _table(50, 100, [100, 300, 400], [120, 150, 180]) + _table(50, 400, [200, 400], [420, 450])
    grids = page_grids(rules, (), 595, 842)
    assert [(g.xs, len(g.ys)) for g in grids] == [((50, 100, 300, 400), 4), ((50, 200, 400), 3)]


def test_page_frame_and_watermark_strokes_are_not_tables():
    frame = _box(10, 10, 585, 832)
    slanted = [Rule(120, 300, 200, 380), Rule(200, 300, 280, 380)]  # a stamp's letters
    table = _table(50, 100, [100, 300, 400], [120, 150, 180])
    stem = [Rule(250, 125, 250, 145)]  # a letter's upright inside a cell, ending mid-cell
    grids = page_grids(frame + slanted + table + stem, (), 595, 842)
    assert len(grids) == 1 and grids[0].xs == (50, 100, 300, 400)


def test_double_rules_and_inset_fill_edges_are_one_boundary():
    table = _table(50, 100, [100, 300, 400], [120, 150, 180]) + [Rule(100.6, 100, 100.6, 180)]
    fills = (Fill(104, 121, 296, 149, (0.9, 0.9, 0.9)),)
    grids = page_grids(table, fills, 595, 842)
    assert [round(x) for x in grids[0].xs] == [50, 100, 300, 400]
    assert len(grids[0].ys) == 4  # the fill's edges are not row boundaries


def test_merged_cell_leaves_a_gap_in_the_rule_under_it():
    rules = _table(50, 100, [100, 300, 400], [120, 150, 180])
    rules = [r for r in rules if not (r.top == r.bottom == 150)] + [Rule(100, 150, 400, 150)]  # no rule under column 1
    grid = page_grids(rules, (), 595, 842)[0]
    assert not grid.ruled_across(150, 50, 100) and grid.ruled_across(150, 100, 300)


def test_rows_ruled_only_across_make_a_partly_ruled_grid():
    rules = [Rule(50, y, 500, y) for y in (100, 130, 160, 190)]
    grids = page_grids(rules, (), 595, 842)
    assert len(grids) == 1 and not grids[0].ruled and len(grids[0].ys) == 4


def test_zebra_fills_make_rows():
    fills = tuple(Fill(50, y, 500, y + 20, (0.9, 0.9, 0.9)) for y in (100, 140, 180))
    grids = page_grids((), fills, 595, 842)
    assert len(grids) == 1 and len(grids[0].ys) >= 6


def test_header_cell_named_by_its_best_known_part_or_its_spelling():
    assert header_field("Meeting date & action number") == "meeting_date"
    assert header_field("Key theme for development") == "area"
    assert header_field("Officer leading the work") == "owner"
    assert header_field("Deadine") == "due"
    assert header_field("Where things stand") is None


def test_columns_named_from_content():
    assert content_field(["01/02/2024", "03/04/2024"], {"text"}, left_of_text=False) == "due"
    assert content_field(["01/02/2024", "03/04/2024"], {"text"}, left_of_text=True) == "meeting_date"
    assert content_field(["1.", "2.", "3."], {"text"}, left_of_text=True) == "number"
    assert content_field(["JS", "Clerk", "A Patel"], {"text"}, left_of_text=False) == "owner"
    assert content_field(["On track", "Complete", "Not started"], {"text"}, left_of_text=False) == "status"
    assert content_field(["N/A", "-", "TBC"], {"text"}, left_of_text=False) is None


def test_header_phrase_not_wholly_known_stays_one_column():
    from minutetrail.models import Line, Word
    from minutetrail.parsers.table_header import match_header

    def cell(text: str, x: float) -> list[Word]:
        out = []
        for token in text.split():
            out.append(Word(token, x, 100, x + len(token) * 4.5, 109, bold=True, size=9))
            x += len(token) * 4.5 + 2.5
        return out

    words = cell("Ref", 40) + cell("Key theme for development", 70) + cell("Action", 220) + cell("Lead", 420) + cell("Deadline", 500)
    columns = match_header(Line(tuple(words)), [])
    assert columns is not None
    assert [(c.field, c.label) for c in columns] == [("number", "Ref"), ("area", "Key theme for development"),
                                                      ("text", "Action"), ("owner", "Lead"), ("due", "Deadline")]
