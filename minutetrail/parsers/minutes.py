"""Minutes: the meeting minuted, attendance, numbered items, decisions, actions, votes."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from minutetrail.models import (
    Warning_,
    ActionRow,
    Line,
    MinuteAction,
    MinuteItem,
    Minutes,
    Resolution,
    ResolutionKind,
)
from minutetrail.parsers.attendance import blocks_to_attendance, label_of
from minutetrail.parsers.attendance_grid import label_role, line_cells, read_grid
from minutetrail.parsers.dates import parse_date, parse_time
from minutetrail.parsers.meeting import committee_by_mentions, committee_fallback, find_body, smart_case
from minutetrail.parsers.decisions import (
    BULLET,
    LETTERED,
    TRIGGER,
    is_decision_text,
    paragraphs_to_decisions,
)
from minutetrail.parsers.minute_actions import ACTIONS_LABEL, DUE_LABEL, TRAILING_ACTION, column_to_outcomes, row_owner, margin_owners, paragraphs_to_actions
from minutetrail.parsers.minute_table import find_layout, split_lines
from minutetrail.parsers.paragraphs import Spacing, lines_to_paragraphs
from minutetrail.parsers.structure import (
    ITEM_REF_LINE,
    RES_NUMBER,
    SHORT_LINE,
    item_headings,
    unnumbered_headings,
)
from minutetrail.parsers.text import join_lines
from minutetrail.parsers.vocab import alternation, words
from minutetrail.parsers.votes import text_to_votes

HEADING = re.compile(
    r"minutes of (?:a |the )?(?:\w+ )?meeting of (?:the )?(?P<committee>.+?)\s+(?:held|which took place)\b"
    r"(?:\s+(?:at|in)\s+(?P<venue>.+?))?\s+on\s+(?P<when>.+)$",
    re.I,
)
MOTION_END = re.compile(r"\s*\b(carried|defeated|lost)\b\.?\s*$", re.I)
PUBLIC_TAIL = re.compile(r"[\s,;]*(?:plus|and|with|also)?\s*(?:\d+|one|two|three|four|five|several|some|no)?\s*members? of (?:the )?public\b.*$", re.I)
MARGIN_HEAD_LINES = 2
ATTENDANCE_LINES = 40  # attendance labels are looked for in this many opening lines of a page
LEAD_IN_WORDS = 6


@dataclass(slots=True)
class _Item:
    number: str | None
    title: str | None
    page: int | None
    lines: list[tuple[int, Line]] = field(default_factory=list)
    pseudo: bool = False
    column: list[tuple[int, Line]] = field(default_factory=list)  # a minutes table's decisions/actions column


NEW_ENTRY = re.compile(r"^(councillors?|cllrs?|crs?|mr|mrs|ms|miss|dr|sir|dame)\b\.?", re.I)


def _title_broken(previous: str, text: str) -> bool:
    """A title of several words broken at a line end ("... and Council" / "Member Trevor Penrose")."""
    for title in words("attendance.titles"):
        head, _sep, tail = title.rpartition(" ")
        if head and re.search(rf"\b{re.escape(head)}$", previous.rstrip(), re.I) and re.match(rf"^{re.escape(tail)}\b", text, re.I):
            return True
    return False


def _starts_new_entry(previous: str, text: str) -> bool:
    """Whether a continuation line of an attendance block starts a new name, not the rest of one.

    A line goes on the one before when it starts in lower case or a bracket, when a bracket is
    open, or when the line before ends mid-list ("... and David" / "Summers", "..., Ms Patricia" / "Maddox").
    """
    if _title_broken(previous, text):
        return False
    if NEW_ENTRY.match(text):
        return True
    prev = previous.rstrip()
    if not text[:1].isupper() or prev.count("(") > prev.count(")"):
        return False
    if re.search(r"\b(mr|mrs|ms|miss|dr|cllr|cr|councillor|sir)\.?(\s+[A-Z]\.?)*$|\s[A-Z]\.?$", prev, re.I):
        return False  # "Dr M" / "Gogarty": a name broken after its initial
    if re.match(r"^[A-Z][\w'’-]+\s+[A-Z][\w'’-]+", text):
        return True  # a whole name starts the line
    return not re.search(r"(\band|&|-|,|;)\s*(?:(?i:mr|mrs|ms|miss|dr|cllrs?|crs?|councillors?)\.?\s+)?(?:[A-Z][\w'’-]*)?$", prev)


def _runs_on(block: str, line: Line, prev: Line | None, right: float) -> bool:
    """A line finishing an entry the attendance line above broke off (a full line ending on a word, no separator):
    the last word of a role ("Diane Bramley, Committee" / "Clerk"), or a role after its dash ("Linda Sefton" /
    "- Legal Adviser"). A label set alone in bold, or under a short line, is a label."""
    text = line.text.strip()
    if not re.search(r"[A-Za-z]$", block.rstrip()) or line.bold or prev is None or prev.x1 < SHORT_LINE * right:
        return False
    return bool(re.fullmatch(r"[A-Z][a-z]+\.?", text) or re.match(r"^[-–]\s+[A-Z]", text))


LIST_WORDS = frozenset({"and", "of", "the", "for", "in", "to", "de", "van", "von", "der", "le", "la"})


def _has_verbs(text: str) -> bool:
    """Two or more lower-case words outside brackets: a sentence, not a list of names and roles."""
    bare = re.sub(r"\([^)]*\)?", "", text)
    return sum(1 for w in re.findall(r"\b[a-z][a-z'’]+\b", bare) if w not in LIST_WORDS) >= 2


def _is_prose(text: str) -> bool:
    """A sentence, not a continuation of a list of names."""
    words = text.split()
    return len(words) > 8 and text.rstrip().endswith(".") and text.count(",") < 2


DATED_NAME = re.compile(r"^(?P<name>[A-Za-z&'’ ]{3,80}?)\s*[–—-]\s*(?P<date>.*\d{4})$")
NOTE_HEADING = re.compile(r"^(?P<committee>[A-Z][\w&'’ ]{1,80}?)\s+(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})$")


def parse_heading(lines: Sequence[Line]) -> tuple[str | None, str | None, str | None, str | None]:
    """(committee, date, time, venue) of the meeting minuted, from the opening lines."""
    for i, line in enumerate(lines[:8]):
        if not re.search(r"\bminutes\b", line.text, re.I) or re.fullmatch(r"minutes\s*:", line.text.strip(), re.I):
            continue  # a bare "Minutes:" label introduces the minute, it does not name the meeting
        text = join_lines([ln.text for ln in lines[i : i + 4] if not label_of(ln.text)])
        m = HEADING.search(text)
        if m:
            when = m["when"]
            return smart_case(m["committee"].strip()), parse_date(when), parse_time(when), (m["venue"] or None)
        date = parse_date(text)
        committee = None
        for prev in reversed(lines[max(0, i - 3) : i]):
            t = prev.text.strip()
            dated = DATED_NAME.match(t)  # "CORPORATE PARENTING PANEL – 29 October 2024"
            if dated and parse_date(dated["date"]):
                committee, date = smart_case(dated["name"].strip()), date or parse_date(dated["date"])
                break
            if t and not re.search(r"\d", t) and "council" not in t.lower():
                committee = smart_case(t)
                break
        if committee is None:
            committee = committee_fallback(lines, find_body(lines)) or committee_by_mentions(lines)
        return committee, date, parse_time(text), None
    for line in lines[:3]:  # a meeting note: "TMG 14 November 2024", "Milburn Parish Council - 6th November 2018"
        m = NOTE_HEADING.match(line.text.strip()) or DATED_NAME.match(line.text.strip())
        if m and parse_date(m.groupdict().get("date") or ""):
            name = m.groupdict().get("committee") or m.groupdict().get("name") or ""
            return smart_case(name.strip()), parse_date(m["date"]), None, None
    return None, None, None, None


def _motion(item: _Item) -> list[Resolution]:
    """A numbered resolution ("R2024-214 D. Yemm, S. Foote:" then the motion, "Carried.")."""
    body: list[str] = []
    for _page, line in item.lines:
        body.append(line.text.strip())
        if MOTION_END.search(line.text):
            break
    text = MOTION_END.sub("", join_lines(body)).strip()
    return [Resolution(None, text, ResolutionKind.RESOLVED)] if text else []


def _grid_prose(line: Line) -> bool:
    """A sentence among the lists: a long cell with lower-case words outside brackets ("(Head of Finance)" is a role)."""
    return any(len(c.text.split()) >= 7 and sum(1 for w in re.sub(r"\([^)]*\)?", " ", c.text).split()
                                                if w[:1].islower() and w not in LIST_WORDS) >= 3 for c in line_cells(line))


def _attendance_grid(all_lines: Sequence[tuple[int, Line]], end: int, skip: set[int]) -> dict[str, list[str]] | None:
    """Attendance printed in columns before the first item; the lines read are added to ``skip``."""
    start = next((i for i in range(min(end, len(all_lines)))
                  if label_of(all_lines[i][1].text.strip()) or label_role(line_cells(all_lines[i][1])[0].text)), None)
    if start is None:
        return None
    region: list[int] = []
    for i in range(start, end):
        line = all_lines[i][1]
        if _grid_prose(line):
            if region and len(region) >= 2:
                break  # the first sentence after the lists ends the attendance
            continue
        if len(region) >= 2 and all_lines[region[-1]][0] == all_lines[i][0] and len(line_cells(line)) == 1 \
                and not label_of(line.text.strip()) and line.top - all_lines[region[-1]][1].bottom > 1.5 * (line.bottom - line.top or 10.0):
            break  # a heading set apart below the lists
        region.append(i)
    found = read_grid([all_lines[i][1] for i in region])
    if found:
        skip.update(region)
    return found


MINUTES_TITLE = re.compile(rf"\b{alternation('kinds.minutes')}\b", re.I)


def _unnumbered(all_lines: Sequence[tuple[int, Line]], underlined: set[int] | None) -> dict[int, tuple[str, str, set[int]]]:
    """Minutes that number nothing: their bold headings, less attendance labels over names and the title.

    A heading worded like a label ("Apologies for Absence") is an item when a sentence follows it; a
    heading naming minutes ("Minutes of the Previous Meeting") is the title only above the attendance."""
    texts = [ln.text.strip() for _p, ln in all_lines]
    first_label = next((i for i, t in enumerate(texts) if label_of(t)), None)
    out = {}
    for idx, head in unnumbered_headings(all_lines, underlined).items():
        after = max(head[2], default=idx) + 1
        sentence = after < len(texts) and _has_verbs(texts[after]) and not label_of(texts[after])
        if label_of(texts[idx]) is not None and not sentence:
            continue
        if MINUTES_TITLE.search(head[1]) and (first_label is None or idx < first_label):
            continue
        out[idx] = head
    return out


def parse_minutes(pages: Sequence[tuple[int, Sequence[Line]]], nlp: Any = None, default_committee: str | None = None,
                  underlined: set[int] | None = None) -> Minutes:
    """One set of minutes from the (page, lines) of its part; ``nlp`` from parsers.nlp.get_nlp();
    ``underlined``: id() of lines printed with a rule under them (structure.underlined_lines)."""
    all_lines = [(p, ln) for p, lines in pages for ln in lines]
    committee, date, time, venue = parse_heading([ln for _p, ln in all_lines])
    layout = find_layout(all_lines)
    column: dict[int, list[tuple[int, Line]]] = {}
    if layout is not None:  # minutes written as a table: the decisions/actions column is read apart
        all_lines, column = split_lines(all_lines, layout)
    blocks: dict[str, list[str]] = {}
    items: list[_Item] = [_Item(None, None, None, pseudo=True)]
    label: str | None = None
    heads = item_headings(all_lines, underlined) or _unnumbered(all_lines, underlined)
    first_item = min(heads, default=0)
    margin: dict[int, str] = {}
    dropped: set[int] = set()
    base = max(0, first_item - MARGIN_HEAD_LINES)  # an "Items ... Action" header may sit just above the first item
    for idx, (owner, stripped) in (margin_owners(all_lines[base:], base=first_item - base) if layout is None else {}).items():
        if stripped is None:
            dropped.add(base + idx)  # a line holding only a margin owner, or the margin's header
            continue
        all_lines[base + idx] = (all_lines[base + idx][0], stripped)
        margin[id(stripped)] = owner
    marked = bool(margin) or layout is not None or any(ACTIONS_LABEL.match(ln.text.strip()) or TRAILING_ACTION.search(ln.text.strip())
                                                       for _p, ln in all_lines)
    skip: set[int] = set(dropped)
    listed = _attendance_grid(all_lines, first_item if heads else len(all_lines), skip)
    right_edge = max((ln.x1 for _p, ln in all_lines), default=0.0)
    prev_line: Line | None = None
    for idx, (page, line) in enumerate(all_lines):
        text = line.text.strip()
        if idx in skip:
            continue
        prev_line, this_prev = line, prev_line
        if idx in heads:
            num, title, used = heads[idx]
            items.append(_Item(num, title, page, pseudo=num.startswith("R")))
            skip.update(used)
            label = None
            continue
        if ITEM_REF_LINE.match(text):
            continue
        found = label_of(text)
        if found and label is not None and blocks.get(label) and _runs_on(blocks[label][-1], line, this_prev, right_edge):
            found = None  # "Clerk" finishing "Committee" above is not a new "Clerk" label
        if found and len(items) > 1 and (found[0] in blocks or not text.split(":")[0].strip().isalpha() or ":" not in text):
            found = None  # after the items start, only a fresh "Label:" line opens an attendance block
        if found:
            label, rest = found
            blocks.setdefault(label, []).append(rest)
            continue
        if label is not None:
            names = PUBLIC_TAIL.sub("", text)  # "... and Cllr F plus members of the public": the names before it
            if re.search(r"\bminutes\b", text, re.I) or text.isupper() or line.bold or _is_prose(text) or (BULLET.match(text) and not _runs_on(blocks[label][-1], line, this_prev, right_edge)) \
                    or not names or _has_verbs(names):
                label = None
            else:
                short_prev = this_prev is not None and this_prev.x1 < SHORT_LINE * right_edge
                sep = ", " if label != "officers" and (short_prev or _starts_new_entry(blocks[label][-1], names)) else " "
                blocks[label][-1] += sep + names
                continue
        items[-1].lines.append((page, line))
    _attendance_from_items(items, blocks)
    if listed:
        blocks = {k: v for k, v in blocks.items() if k not in listed}
    order = sorted(heads)
    pitch = Spacing.of(all_lines)  # the document's own line spacing, measured over all its lines
    col_lines = [ln for parts in column.values() for _p, ln in parts if ln.words]
    edges = (min((ln.x0 for ln in col_lines), default=0.0), max((ln.x1 for ln in col_lines), default=0.0))
    for idx, parts in column.items():
        items[bisect_right(order, idx)].column.extend(parts)
    out_items: list[MinuteItem] = []
    for item in items:
        paras = lines_to_paragraphs(item.lines, margin, pitch)
        if item.pseudo:
            paras = [p for p in paras if is_decision_text(p.text) or LETTERED.match(p.text) or p.margin_owner
                     or ACTIONS_LABEL.match(p.text) or DUE_LABEL.match(p.text)]
        if layout is not None:
            decisions = []  # minutes written as a table record their decisions in the decisions column
        else:
            decisions = _motion(item) if item.number and RES_NUMBER.match(item.number) else paragraphs_to_decisions(paras)
        actions = paragraphs_to_actions(paras, marked, nlp, [r.text for r in decisions])
        if item.column:
            table_decisions, table_actions = column_to_outcomes(item.column, edges, nlp, layout.actions_at if layout else None)
            decisions, actions = list(decisions) + table_decisions, list(actions) + table_actions
        if item.pseudo and not decisions and not actions:
            continue
        text = " ".join(ln.text for _p, ln in item.lines)
        out_items.append(MinuteItem(item.number or "", item.title or "", item.page or 0, tuple(decisions), tuple(actions), text_to_votes(text)))

    return Minutes(
        committee=committee or default_committee or committee_by_mentions([ln for _p, ln in all_lines]),
        meeting_date=date,
        page_start=pages[0][0] if pages else 1,
        attendance=blocks_to_attendance(blocks, listed),
        items=tuple(out_items),
        time=time,
        venue=venue,
    )


APOLOGY_TEXT = re.compile(
    r"apologies(?: for absence)?(?: (?:were|was|had been))?(?: (?:received|submitted|given|tendered|reported))?"
    r"\s+(?:from|by|on behalf of)\s+(?P<names>.+?)(?:\.(?:\s|$)|$)",
    re.I,
)
SUBSTITUTE_TEXT = re.compile(r"^(?P<name>.+?)\s+(?:[-–]\s*)?(?:standing in|substitut\w*|attend\w* as (?:a )?substitute) for\b", re.I)


def _attendance_from_items(items: Sequence[_Item], blocks: dict[str, list[str]]) -> None:
    """Apologies and substitutes recorded in their minute items when no label gave them."""
    for item in items:
        title = (item.title or "").lower()
        text = join_lines([ln.text for _p, ln in item.lines])
        if "apolog" in title and "apologies" not in blocks:
            m = APOLOGY_TEXT.search(text)
            first = item.lines[0][1].text.strip() if item.lines else ""
            if m:
                blocks["apologies"] = [m["names"]]
            elif first and not _has_verbs(first) and not re.match(r"^(none|nil|no apologies)\b", first, re.I):
                blocks["apologies"] = [first]  # the item is just the names: "A Armstrong EDC and M Armstrong"
        if "substitut" in title and "substitutes" not in blocks:
            names = []
            for _p, ln in item.lines:
                m = SUBSTITUTE_TEXT.match(ln.text.strip())
                if m:
                    names.append(m["name"])
            if names:
                blocks["substitutes"] = [", ".join(names)]


def attach_actions(minutes: Minutes, rows: Sequence[ActionRow]) -> Minutes:
    """An action table printed inside minutes: its rows become the actions of the item they sit under."""
    if not rows:
        return minutes
    items = list(minutes.items)
    for row in rows:
        action = MinuteAction(text=row.text, owner=row.owner or row_owner(row.text), due=row.due_text, page=row.page, bbox=row.bbox)
        idx = max((i for i, it in enumerate(items) if it.number and it.page and it.page <= row.page), default=None)
        if idx is None:
            holder = next((i for i, it in enumerate(items) if not it.number), None)
            if holder is None:
                items.append(MinuteItem("", "", 0))
                holder = len(items) - 1
            idx = holder
        items[idx] = replace(items[idx], actions=items[idx].actions + (action,))
    return replace(minutes, items=tuple(items))


def unread_warnings(minutes: Minutes, pages: Sequence[tuple[int, Sequence[Line]]]) -> list[Warning_]:
    """Say what could not be read: a minutes set with no items, attendance labels but no names, or decision
    wording but no decision."""
    out: list[Warning_] = []
    first = pages[0][0] if pages else None
    if pages and not any(item.number or item.title for item in minutes.items):
        out.append(Warning_(first, f"minutes starting on page {first}: no minute items read (no numbered or headed items)"))
    att = minutes.attendance
    if pages and not (att.present or att.apologies or att.substitutes or att.in_attendance or att.officers):
        labelled = next((p for p, lines in pages for ln in lines[:ATTENDANCE_LINES] if label_of(ln.text.strip())), None)
        if labelled is not None:
            out.append(Warning_(labelled, f"page {labelled} has an attendance label but no names were read"))
    if not any(item.resolutions for item in minutes.items):
        for page, lines in pages:
            if any(TRIGGER.search(ln.text) for ln in lines):
                out.append(Warning_(page, f"page {page} has decision wording but no decision was read"))
                break
    return out
