"""Unseen layouts sweep for action tables: random action logs / trackers / plans from a seed, scored.

Each document combines independent layout dimensions (header wording per column, columns and
their order, header lines and style, ruling, RAG rendering, due formats, owners, status words,
wrapping, page breaks, banners, page, type size, title, context). Every dimension's values are
split in two, fixed here: even positions are the development half, odd positions the held-out
half. ``--split dev`` draws every dimension from its development half, ``--split held-out`` from
its held-out half; fix what fails on dev, report held-out, never tune on it.

Run: python bench/unseen_tables.py --n 60 --seed 1 --split dev|held-out|held-out-2|held-out-3|all [--keep DIR] [--show-misses]
Prints P/R/F1 of the action rows, accuracy per action field, and F1 by each dimension's value.
Everything is generated into a temporary folder (or --keep DIR); invented text only.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from unseen_tables_draw import Cell, Spec, draw  # noqa: E402

HEADERS = {  # per column field: the printed header wordings
    "number": ["Ref", "No.", "#", "Action No", "Item", "ID", "Minute ref", "Ref."],
    "meeting_date": ["Meeting date", "Date raised", "Date of meeting", "Date agreed", "Meeting", "Date added"],
    "text": ["Action", "Action required", "Agreed action", "Task", "Description", "Issue", "Recommendation", "What", "Action agreed"],
    "owner": ["Owner", "Lead", "Lead officer", "Responsible officer", "Responsibility", "Who", "By whom", "Action by", "Assigned to", "Responsible"],
    "due": ["Due", "Due date", "Deadline", "Target date", "By when", "Timescale", "Completion date", "Target", "Date due"],
    "status": ["Status", "Progress", "Current position", "Update", "Status update", "Current status"],
    "rag": ["RAG", "BRAG", "RAG status", "RAG rating", "Rating", "BRAG status"],
    "progress": ["Progress update", "Comments", "Latest update", "Progress to date", "Notes", "Commentary"],
}
DIMENSIONS: dict[str, list] = {
    "columns": [
        ["number", "text", "owner", "due", "status"],
        ["number", "text", "owner", "due", "progress", "rag"],
        ["number", "meeting_date", "text", "owner", "due", "status"],
        ["meeting_date", "number", "text", "owner", "progress", "due", "status"],
        ["number", "text", "owner", "progress", "due", "rag"],
        ["text", "owner", "due", "status"],
        ["number", "text", "due", "owner", "status"],
        ["number", "owner", "text", "due", "status"],
        ["text", "owner", "due", "progress", "status"],
        ["number", "meeting_date", "text", "owner", "due", "progress", "rag"],
    ],
    "header_lines": ["one", "two", "three"],
    "header_style": ["bold", "upper_bold_grey", "plain_grey", "bold_dark", "upper_plain", "bold_light"],
    "ruling": ["grid", "hrules", "zebra_grey", "none", "underline", "zebra_blue"],
    "rag_style": ["colour", "text", "colour_letter", "word_colour"],
    "rag_palette": ["strong", "pale"],
    "due_format": ["dd/mm/yy", "dd/mm/yyyy", "d Month yyyy", "d Mon yy", "Month yyyy", "Mon-yy", "yyyy-mm-dd", "End of Month yyyy"],
    "due_special": ["TBC", "Ongoing", "Next meeting"],
    "meeting_format": ["dd/mm/yy", "d Month yyyy", "dd.mm.yyyy", "d Mon yy"],
    "ref_style": ["n", "n.", "A n", "s.n", "AP-nn", "R n"],
    "owner_style": ["name", "post", "initials", "two"],
    "status_words": ["Complete", "Completed", "Closed", "Done", "On track", "In progress", "Ongoing", "Open", "Not started", "Overdue", "Delayed", "Deferred"],
    "cell_length": ["long", "mixed", "short", "very_long"],
    "page_break": ["fits", "repeat_whole", "no_repeat_split", "repeat_split", "no_repeat_whole"],
    "banners": ["none", "plain", "theme", "numbered"],
    "orientation": ["portrait", "landscape"],
    "font_size": [7, 8, 9, 10, 11],
    "title": [None, "Action Log", "Actions Arising", "Action Tracker", "Matters Arising", "Outstanding Actions", "Improvement Plan", "Recommendations Tracker"],
    "context": ["alone", "prose_page_before", "prose_above"],
}
# A second held-out half, drawn in round 2 before any parser change: values councils print (UK, Irish,
# Canadian, Australian, New Zealand, US papers) that are in neither half above. ``--split held-out-2``.
HEADERS_2 = {
    "number": ["Action ref", "Item No.", "Ref No"],
    "meeting_date": ["Date logged", "Date set", "Originating meeting"],
    "text": ["Action item", "Action point", "Details", "Resolution", "Request"],
    "owner": ["Officer", "Responsible person", "Owner(s)", "Staff lead", "Accountable officer"],
    "due": ["Due by", "Target completion", "Expected completion", "Date for completion", "Timeframe"],
    "status": ["Action status", "Outcome", "Position"],
    "rag": ["Traffic light", "R/A/G", "Status (RAG)"],
    "progress": ["Officer comments", "Update / comments", "Response", "Management response"],
}
DIMENSIONS_2: dict[str, list] = {
    "columns": [
        ["number", "text", "owner", "due", "status", "progress"],
        ["meeting_date", "text", "owner", "due", "status"],
        ["number", "text", "owner", "rag", "due", "progress"],
        ["number", "meeting_date", "text", "owner", "status", "due"],
        ["text", "due", "owner", "rag"],
    ],
    "header_lines": ["split_last"],
    "header_style": ["bold_white_teal", "italic", "bold_white_black"],
    "ruling": ["box", "vrules", "zebra_green"],
    "rag_style": ["letter", "dot"],
    "rag_palette": ["office"],
    "due_format": ["Month d, yyyy", "d/m/yyyy", "dd-Mon-yyyy"],
    "due_special": ["N/A", "As required"],
    "meeting_format": ["Month d, yyyy", "d/m/yyyy", "dd-Mon-yyyy"],
    "ref_style": ["nn/yy", "A.n", "AL nnn"],
    "owner_style": ["name_post", "honorific", "department"],
    "status_words": ["Actioned", "Implemented", "Partially implemented", "Underway", "Carried forward", "Awaiting update", "Pending", "Not yet due"],
    "cell_length": ["bullets", "paragraphs"],
    "page_break": ["continued_title", "running_header"],
    "banners": ["band", "caps"],
    "orientation": ["letter", "a3_landscape"],
    "font_size": [6.5, 12],
    "title": ["Action Sheet", "Schedule of Outstanding Actions", "Resolutions Register", "Action Items"],
    "context": ["appendix", "rag_key_below"],
}
# A third held-out set, drawn in round 3 before any parser change of that round: more forms from council papers
# (UK, Irish, Canadian, Australian, New Zealand, US) in none of the sets above. ``--split held-out-3``.
HEADERS_3 = {
    "number": ["Action ID", "Log ref"],
    "meeting_date": ["Committee date", "Date of decision"],
    "text": ["Action description", "Actions"],
    "owner": ["Officer responsible", "Lead person"],
    "due": ["Target completion date", "Revised due date"],
    "status": ["Progress status", "State"],
    "rag": ["Overall RAG", "RAG (current)"],
    "progress": ["Progress / comments", "Update on progress"],
}
DIMENSIONS_3: dict[str, list] = {
    "columns": [
        ["number", "text", "progress", "owner", "due", "status"],
        ["number", "meeting_date", "text", "owner", "due", "rag", "progress"],
    ],
    "header_lines": ["first_alone"],
    "header_style": ["bold_white_maroon", "upper_bold_underline"],
    "ruling": ["box_hrules", "grid_header_hrules"],
    "rag_style": ["dot_word"],
    "rag_palette": ["muted"],
    "due_format": ["dth Month yyyy", "Mon yyyy"],
    "due_special": ["To be confirmed", "Immediate"],
    "meeting_format": ["Weekday d Month yyyy", "dth Month yyyy"],
    "ref_style": ["ACT/yy/nn", "n)"],
    "owner_style": ["initial_surname", "post_abbrev"],
    "status_words": ["Achieved", "On schedule", "Not commenced", "Slipped", "Response awaited", "Complete - remove"],
    "cell_length": ["lettered"],
    "page_break": ["continued_overleaf"],
    "banners": ["lettered"],
    "orientation": ["letter_landscape"],
    "font_size": [7.5, 10.5],
    "title": ["Rolling Action List", "Decisions and Actions Log", "Action Schedule"],
    "context": ["rag_key_above"],
}
PER_ROW = ("due_special", "status_words")  # drawn afresh for each row, not per document
STATUS_GOLD = {"complete": "completed", "completed": "completed", "closed": "completed", "done": "completed", "on track": "in_progress",
               "in progress": "in_progress", "ongoing": "in_progress", "open": "open", "not started": "not_started",
               "overdue": "overdue", "delayed": "at_risk", "deferred": "open",
               "actioned": "completed", "implemented": "completed", "partially implemented": "in_progress", "underway": "in_progress",
               "carried forward": "open", "awaiting update": "open", "pending": "open", "not yet due": "not_started",
               "achieved": "completed", "on schedule": "in_progress", "not commenced": "not_started", "slipped": "at_risk",
               "response awaited": "open", "complete - remove": "completed"}
RAG_STATUS = {"blue": "completed", "green": "in_progress", "amber": "at_risk", "red": "at_risk"}
PALETTES = {"strong": {"red": (0.9, 0.1, 0.1), "amber": (1.0, 0.75, 0.0), "green": (0.0, 0.69, 0.31), "blue": (0.0, 0.44, 0.75)},
            "pale": {"red": (1.0, 0.78, 0.81), "amber": (1.0, 0.92, 0.61), "green": (0.78, 0.94, 0.81), "blue": (0.74, 0.84, 0.93)},
            "office": {"red": (0.75, 0.0, 0.0), "amber": (1.0, 0.6, 0.0), "green": (0.57, 0.82, 0.31), "blue": (0.36, 0.61, 0.84)},
            "muted": {"red": (0.85, 0.42, 0.40), "amber": (0.93, 0.70, 0.35), "green": (0.45, 0.68, 0.45), "blue": (0.45, 0.58, 0.78)}}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
FIRST = ["Sarah", "Tom", "Priya", "Gareth", "Helen", "Amir", "Lucy", "Owen", "Fiona", "Dev", "Rachel", "Marcus", "Joanne", "Kwame"]
LAST = ["Pennington", "Okafor", "Hughes", "Whitlock", "Brennan", "Sandhu", "Marlow", "Fairbairn", "Castell", "Ibbotson", "Rowe", "Tranter"]
HONORIFIC = ["Ms", "Mr", "Mrs", "Dr", "Cllr"]
DEPARTMENTS = ["Housing Services", "Finance", "Planning and Regeneration", "Democratic Services", "Legal / Finance", "Parks and Open Spaces"]
RAG_KEY = ("RAG key: Red - not on target; Amber - some slippage, action in hand; Green - on target; "
           "Blue - complete (to be removed from the log at the next meeting).")
POST_ABBREV = ["HoH", "DoP", "DSM", "CFO", "HDS", "AD Planning", "MO", "CEx"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
POSTS = ["Head of Housing", "Director of Place", "Democratic Services Manager", "Chief Finance Officer", "Scrutiny Officer",
         "Service Manager, Parks", "Head of Planning", "Corporate Director", "Monitoring Officer", "Clerk"]
VERBS = ["Circulate", "Provide", "Review", "Arrange", "Report back on", "Write to", "Update members on", "Prepare", "Confirm",
         "Investigate", "Share", "Bring forward", "Publish", "Consult residents on", "Set up"]
OBJECTS = ["the revised allocations policy", "the damp and mould survey results", "a briefing on the leisure centre contract",
           "the ward budget underspend figures", "the tenant satisfaction results", "a site visit to the new depot",
           "the road safety scheme options", "the draft climate action plan", "the school transport review",
           "the library opening hours proposal", "the empty homes figures by ward", "the grounds maintenance schedule",
           "the business rates relief criteria", "the youth services consultation", "the temporary accommodation costs"]
TAILS = ["to all members of the committee", "before the next meeting", "with a breakdown by ward", "and include the equality impact",
         "following the questions raised by members", "with officers from the highways team", "so that members can comment",
         "including the timetable agreed with the contractor", "and set out the options for the coming year"]
PROGRESS = ["Draft circulated to members for comment", "Meeting arranged with the service lead", "Awaiting figures from finance",
            "Report scheduled for the March meeting", "Information requested from the contractor", "Officers are collating responses",
            "Briefing note issued by email", "Survey closes at the end of the month"]
THEMES = ["Housing", "Environment and climate", "Finance and resources", "Communities", "Transport", "Governance"]
PROSE = ["**Report of the Head of Democratic Services**", "Purpose of the report", "This report sets out the progress made on the "
         "actions agreed by the committee at its recent meetings. Members are asked to note the updates given by officers and to "
         "consider whether any action can now be closed.", "Background", "The committee keeps a record of the actions it has asked "
         "officers to take. The record is updated before each meeting and the latest position is shown in the table that follows.",
         "Members may raise questions on any entry with the officer named as responsible."]


def half(values: list, split: str, second: list | None = None, third: list | None = None) -> list:
    """The split's values: dev even positions, held-out odd ones, held-out-2 / -3 the round-2 / round-3 values."""
    if split == "held-out-3":
        assert third is not None
        return third
    if split == "held-out-2":
        assert second is not None
        return second
    return values if split == "all" else values[0::2] if split == "dev" else values[1::2]


def pick(rng: random.Random, dim: str, split: str):  # type: ignore[no-untyped-def]
    return rng.choice(half(DIMENSIONS[dim], split, DIMENSIONS_2[dim], DIMENSIONS_3[dim]))


def fmt_date(d: date, fmt: str) -> tuple[str, str]:
    """The date as printed in ``fmt`` and its gold (ISO day or year-month)."""
    mon, mon3 = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
    printed = {"dd/mm/yy": d.strftime("%d/%m/%y"), "dd/mm/yyyy": d.strftime("%d/%m/%Y"), "d Month yyyy": f"{d.day} {mon} {d.year}",
               "d Mon yy": f"{d.day} {mon3} {d.strftime('%y')}", "Month yyyy": f"{mon} {d.year}", "Mon-yy": f"{mon3}-{d.strftime('%y')}",
               "yyyy-mm-dd": d.isoformat(), "End of Month yyyy": f"End of {mon} {d.year}", "dd.mm.yyyy": d.strftime("%d.%m.%Y"),
               "Month d, yyyy": f"{mon} {d.day}, {d.year}", "d/m/yyyy": f"{d.day}/{d.month}/{d.year}",
               "dd-Mon-yyyy": f"{d.day:02d}-{mon3}-{d.year}", "dth Month yyyy": f"{d.day}{_ordinal(d.day)} {mon} {d.year}",
               "Mon yyyy": f"{mon3} {d.year}", "Weekday d Month yyyy": f"{WEEKDAYS[d.weekday()]} {d.day} {mon} {d.year}"}[fmt]
    month_only = fmt in ("Month yyyy", "Mon-yy", "End of Month yyyy", "Mon yyyy")
    return printed, d.strftime("%Y-%m") if month_only else d.isoformat()


def _ordinal(day: int) -> str:
    return "th" if 10 < day % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def ref(style: str, n: int, section: int) -> str:
    return {"n": str(n), "n.": f"{n}.", "A n": f"A{n}", "s.n": f"{section}.{n}", "AP-nn": f"AP-{n:02d}", "R n": f"R{n}",
            "nn/yy": f"{40 + n}/25", "A.n": f"A.{n}", "AL nnn": f"AL {n:03d}", "ACT/yy/nn": f"ACT/25/{n:02d}", "n)": f"{n})"}[style]


def owner(rng: random.Random, style: str) -> str:
    def initials() -> str:
        return rng.choice(FIRST)[0] + rng.choice(LAST)[0]
    if style == "name":
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if style == "post":
        return rng.choice(POSTS)
    if style == "initials":
        return initials()
    if style == "name_post":
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}, {rng.choice(POSTS)}"
    if style == "honorific":
        return f"{rng.choice(HONORIFIC)} {rng.choice(LAST)}"
    if style == "department":
        return rng.choice(DEPARTMENTS)
    if style == "initial_surname":
        return f"{rng.choice(FIRST)[0]} {rng.choice(LAST)}"
    if style == "post_abbrev":
        return rng.choice(POST_ABBREV)
    return f"{initials()} / {initials()}"


def action_text(rng: random.Random, length: str) -> tuple[str, str]:
    """The action as printed (lines split by newlines) and its gold text."""
    if length == "lettered":
        first = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
        second = f"{rng.choice(VERBS).lower()} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
        return f"a) {first}; and\nb) {second}", f"a) {first}; and b) {second}"
    if length in ("bullets", "paragraphs"):
        first = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
        second = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
        if length == "bullets":
            return f"\u2022 {first}\n\u2022 {second}", f"{first} {second}"
        return f"{first}.\n\n{second}.", f"{first}. {second}."
    return _plain_action(rng, length), ""


def _plain_action(rng: random.Random, length: str) -> str:
    text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if length == "mixed":
        length = rng.choice(["short", "long"])
    if length in ("long", "very_long"):
        text += " " + rng.choice(TAILS)
    if length == "very_long":
        text += f", and {rng.choice(VERBS).lower()} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
    return text


def make_doc(rng: random.Random, split: str, k: int, out: Path) -> tuple[dict, dict]:
    dims = {d: pick(rng, d, split) for d in DIMENSIONS if d not in PER_ROW}
    cols = list(dims["columns"])
    labels = {f: rng.choice(half(HEADERS[f], split, HEADERS_2[f], HEADERS_3[f])) for f in cols}
    if "status" in cols and "progress" in cols and labels["status"] in ("Progress", "Update"):
        labels["status"] = "Status"
    meeting = date(2025, rng.randint(1, 6), rng.randint(1, 28))
    brag = labels.get("rag", "").upper().startswith("BRAG")
    fs = dims["font_size"]
    n_rows = rng.randint(4, 7) if dims["page_break"] == "fits" else rng.randint(16, 24) + (12 if fs < 9 else 0) + (8 if dims["orientation"] in ("portrait", "letter") else 0)
    rows: list[list[Cell]] = []
    gold_rows: list[dict] = []
    banners: dict[int, str] = {}
    section = 1
    raised = [meeting - timedelta(days=28 * i) for i in range(4, 0, -1)]
    for i in range(n_rows):
        if dims["banners"] != "none" and (i == 0 or rng.random() < 0.18):
            theme = rng.choice(THEMES)
            section = len(banners) + 1
            banners[i] = {"caps": theme.upper(), "band": theme, "plain": theme, "theme": f"Theme {section}: {theme}", "numbered": f"{section}. {theme}",
                                "lettered": f"{chr(64 + section)}. {theme}"}[dims["banners"]]
        g: dict = {"table": "action_log", "number": None, "meeting_date": None, "text": None, "owner": None, "directorate": None,
                   "progress": None, "due": None, "due_text": None, "status": None, "status_text": None, "rag": None, "page": 0, "bbox": None}
        cells: list[Cell] = []
        for f in cols:
            cell = Cell()
            if f == "number":
                cell.text = ref(dims["ref_style"], i + 1, section)
                g["number"] = cell.text.rstrip(".")
            elif f == "meeting_date":
                cell.text, g["meeting_date"] = fmt_date(raised[min(3, i * 4 // n_rows)], dims["meeting_format"])
            elif f == "text":
                cell.text, gold_text = action_text(rng, dims["cell_length"])
                g["text"] = gold_text or cell.text
            elif f == "owner":
                cell.text = g["owner"] = owner(rng, dims["owner_style"])
            elif f == "due":
                if rng.random() < 0.12:
                    cell.text = g["due_text"] = rng.choice(half(DIMENSIONS["due_special"], split, DIMENSIONS_2["due_special"], DIMENSIONS_3["due_special"]))
                else:
                    cell.text, g["due"] = fmt_date(meeting + timedelta(days=rng.randint(10, 200)), dims["due_format"])
                    g["due_text"] = cell.text
            elif f == "status":
                word = rng.choice(half(DIMENSIONS["status_words"], split, DIMENSIONS_2["status_words"], DIMENSIONS_3["status_words"]))
                cell.text = g["status_text"] = word.upper() if rng.random() < 0.2 else word
                g["status"] = STATUS_GOLD[word.lower()]
            elif f == "progress":
                cell.text = g["progress"] = rng.choice(PROGRESS) + ("" if dims["cell_length"] == "short" else ". " + rng.choice(PROGRESS))
            elif f == "rag":
                rag = rng.choice(["red", "amber", "green"] + (["blue"] if brag else []))
                style = dims["rag_style"]
                g["rag"], g["status"] = rag, RAG_STATUS[rag]
                if style in ("dot", "dot_word"):
                    cell.dot = PALETTES[dims["rag_palette"]][rag]
                if style in ("colour", "colour_letter", "word_colour"):
                    cell.fill = PALETTES[dims["rag_palette"]][rag]
                if style in ("text", "word_colour", "dot_word"):
                    cell.text = rag.capitalize()
                elif style in ("colour_letter", "letter"):
                    cell.text = rag[0].upper()
                g["status_text"] = cell.text or None
            cells.append(cell)
        rows.append(cells)
        gold_rows.append(g)
    title = dims["title"]
    kind = "action_plan" if title == "Improvement Plan" else "recommendation_tracker" if title == "Recommendations Tracker" else "action_log"
    for g in gold_rows:
        g["table"] = kind
    style = dims["header_style"]
    upper = style.startswith("upper")
    headers = [_header_lines(labels[f].upper() if upper else labels[f], dims["header_lines"]) for f in cols]
    weights = {"number": 0.7, "meeting_date": 1.2, "text": 4.0, "owner": 1.6, "due": 1.3, "status": 1.3, "rag": 0.9, "progress": 3.0}
    fills = {"grey": (0.85, 0.85, 0.85), "dark": (0.12, 0.23, 0.45), "light": (0.80, 0.87, 0.95), "teal": (0.0, 0.45, 0.45),
             "black": (0.1, 0.1, 0.1), "maroon": (0.45, 0.08, 0.15)}
    shade = next((v for k, v in fills.items() if style.endswith(k)), None)
    spec = Spec(headers=headers, weights=[weights[f] for f in cols], rows=rows, banners=banners, ruling=dims["ruling"],
                header_bold="bold" in style, header_fill=shade, header_white=style.endswith("dark") or "white" in style, size=fs,
                landscape=dims["orientation"] == "landscape", repeat_header="repeat" in dims["page_break"] or dims["page_break"] in ("continued_title", "continued_overleaf"),
                split_rows="split" in dims["page_break"] or dims["page_break"] == "running_header", title=title,
                header_italic=style == "italic", header_underline=style.endswith("underline"),
                paper=dims["orientation"] if dims["orientation"] in ("letter", "a3_landscape", "letter_landscape") else "",
                foot_note="Continued overleaf" if dims["page_break"] == "continued_overleaf" else "",
                continued=dims["page_break"] == "continued_title", banner_fill=(0.82, 0.82, 0.82) if dims["banners"] == "band" else None,
                running_header=f"Housing and Communities Scrutiny Committee - {title or 'Action log'}" if dims["page_break"] == "running_header" else "",
                appendix="Appendix A" if dims["context"] == "appendix" else "", after=[RAG_KEY] if dims["context"] == "rag_key_below" else [],
                key_above=RAG_KEY if dims["context"] == "rag_key_above" else "",
                committee=f"Housing and Communities Scrutiny Committee - {meeting.day} {MONTHS[meeting.month - 1]} {meeting.year}",
                before_page=PROSE if dims["context"] == "prose_page_before" else [],
                before_same_page=PROSE[1:3] if dims["context"] == "prose_above" else [])
    pdf = out / f"unseen-{k:03d}.pdf"
    starts = draw(pdf, spec)
    for g, p in zip(gold_rows, starts):
        g["page"] = p
    gold = {"source": {"file": pdf.name}, "documents": [], "meeting": {"body": None, "committee": None, "date": None},
            "agenda_items": [], "minutes": [], "recommendations": [], "actions": gold_rows, "warnings": [], "_dimensions": dims}
    return gold, dims


def _header_lines(label: str, mode: str) -> list[str]:
    words = label.split()
    if mode == "one" or len(words) == 1:
        return [label]
    if mode == "first_alone":
        return [words[0], " ".join(words[1:])]
    if mode == "split_last":
        return [" ".join(words[:-1]), words[-1]]
    if mode == "two":
        cut = (len(words) + 1) // 2
        return [" ".join(words[:cut]), " ".join(words[cut:])]
    return words[:2] + [" ".join(words[2:])] if len(words) > 2 else words


def _dim_key(value) -> str:  # type: ignore[no-untyped-def]
    return "+".join(value) if isinstance(value, list) else str(value)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--split", choices=("dev", "held-out", "held-out-2", "held-out-3", "all"), default="dev")
    ap.add_argument("--keep", help="write the PDFs and gold here instead of a temporary folder")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    from minutetrail.evaluate import compare, score_rows
    from minutetrail.extraction import parse_file
    from minutetrail.parsers.record import record_to_dict

    rng = random.Random(f"{args.seed}-{args.split}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep or tmp)
        (out / "gold").mkdir(parents=True, exist_ok=True)
        results, by_value = [], defaultdict(list)
        for k in range(args.n):
            gold, dims = make_doc(rng, args.split, k, out)
            (out / "gold" / f"unseen-{k:03d}.json").write_text(json.dumps(gold, indent=1), "utf-8")
            pred = record_to_dict(parse_file(out / gold["source"]["file"]))
            res = compare(gold, pred, f"unseen-{k:03d}")
            results.append(res)
            for d, v in dims.items():
                by_value[(d, _dim_key(v))].append(res)
            if args.show_misses and (res.misses or res.spurious or res.field_errors):
                a = res.scores["actions"]
                print(f"--- unseen-{k:03d} tp={a.tp} fp={a.fp} fn={a.fn} {json.dumps({d: _dim_key(v) for d, v in dims.items()})}")
                for m in res.misses[:6] + res.spurious[:6] + res.field_errors[:8]:
                    print("   ", m)
    rows, fields = score_rows(results)
    act = next(r for r in rows if r["category"] == "actions")
    print(f"split={args.split} n={args.n} seed={args.seed}")
    print(f"actions  tp={act['tp']} fp={act['fp']} fn={act['fn']}  P={act['precision']:.3f} R={act['recall']:.3f} F1={act['f1']:.3f}")
    print("fields   " + "  ".join(f"{f['field']}={f['correct']}/{f['total']}" for f in fields if f["field"] in ("owner", "due", "status", "meeting_date")))
    print("\nF1 of action rows by dimension value (files)")
    for (d, v), res in sorted(by_value.items()):
        r, _ = score_rows(res)
        a = next(x for x in r if x["category"] == "actions")
        print(f"  {d:<14} {v[:60]:<60} {a['f1']:.3f}  ({len(res)})")


if __name__ == "__main__":
    main()
