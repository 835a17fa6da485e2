"""The parts of one synthetic pack: front sheet, agenda (list or table) and reports, each returning its gold."""
from __future__ import annotations

import random
from datetime import date
from typing import Any

from bench.unseen_agenda_pdf import (
    HANG, LEFT, LONG_TAILS, NOTICES, PAGE_COL, PEOPLE, POSTS, RIGHT, STANDING_CLOSE, STANDING_DESC,
    STANDING_OPEN, SUB_TOPICS, TOPICS, DESCS, Pen, date_parts, pick,
)

Choice = dict[str, Any]
LETTERS = "abcdefghij"
ROMAN = ["i", "ii", "iii", "iv", "v", "vi"]


def token(style: str, i: int, base: int) -> tuple[str, str]:
    """(as printed, gold number) of the i-th item (1-based) in a numbering style."""
    upper = letter(i).upper()
    return {
        "1.": (f"{i}.", str(i)), "1": (str(i), str(i)), "(1)": (f"({i})", str(i)), "Item 1": (f"Item {i}", str(i)),
        "1)": (f"{i})", str(i)), "Item 1:": (f"Item {i}:", str(i)),
        "1.0": (f"{i}.0", f"{i}.0"), "2025/12": (f"2025/{base + i}", f"2025/{base + i}"),
        "A.": (f"{upper}.", upper), "none": ("", ""),
        "I.": (f"{roman(i)}.", roman(i)), "a.": (f"{letter(i)}.", letter(i)),
        "Agenda Item 1": (f"Agenda Item {i}", str(i)), "Item No. 1": (f"Item No. {i}", str(i)), "01": (f"{i:02d}", f"{i:02d}"),
    }[style]


def letter(i: int) -> str:
    """a..z, then aa, bb, ... (the 27th item of a lettered agenda)."""
    return "abcdefghijklmnopqrstuvwxyz"[(i - 1) % 26] * ((i - 1) // 26 + 1)


def roman(n: int) -> str:
    out = ""
    for value, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def sub_token(style: str, parent: str, k: int) -> tuple[str, str]:
    return {"(a)": (f"({LETTERS[k]})", parent + LETTERS[k]), "a)": (f"{LETTERS[k]})", parent + LETTERS[k]),
            "5.1": (f"{parent.split('.')[0]}.{k + 1}", f"{parent.split('.')[0]}.{k + 1}"),
            "(i)": (f"({ROMAN[k]})", parent + ROMAN[k]), "5a": (parent + LETTERS[k], parent + LETTERS[k]),
            "i)": (f"{ROMAN[k]})", parent + ROMAN[k])}[style]


def plan_items(rng: random.Random, ch: Choice, report_titles: list[str], prev: str) -> list[dict]:
    """The items of the agenda, in order, with what they print and their gold."""
    lo, hi = ch["length"]
    n = rng.randint(lo, hi)
    opening = [rng.choice(opts) for opts in STANDING_OPEN[: rng.randint(2, 4)]]
    closing = [rng.choice(opts) for opts in STANDING_CLOSE]
    middle_n = max(len(report_titles), n - len(opening) - len(closing))
    topics = rng.sample([t for t in TOPICS if t not in report_titles], middle_n - len(report_titles))
    middle = report_titles + topics
    rng.shuffle(middle)
    items: list[dict] = []
    page = 5
    for k, title in enumerate(opening):
        desc = STANDING_DESC[k].format(prev=prev)
        items.append({"title": title, "desc": desc, "pages": (page, page + 6) if k == 2 else None})
        page += 7 if k == 2 else 0
    for title in middle:
        if rng.random() < ch["wrap"]:
            title += rng.choice(LONG_TAILS)
        span = rng.randint(4, 30)
        desc = pick(rng, DESCS, post=rng.choice(POSTS), person=rng.choice(PEOPLE))
        items.append({"title": title, "desc": desc, "pages": (page, page + span)})
        page += span + 1
    subs_at = next((i for i, it in enumerate(items) if it["title"] in topics), None)
    if ch["sub_items"] != "none" and ch["numbering"] in ("1.", "1", "(1)", "Item 1", "1.0", "1)", "Item 1:", "Agenda Item 1", "01", "Item No. 1") and ch["layout"].startswith(("inline", "hanging", "leader")) and subs_at is not None:
        items[subs_at] = {"title": "Planning applications", "desc": None, "pages": None,
                          "subs": rng.sample(SUB_TOPICS, rng.randint(2, 3))}
    items += [{"title": t, "desc": None, "pages": None} for t in closing]
    if ch["parts"] != "none":
        excl = {"closed_session": ("Motion to move into closed session", "To resolve to move into closed session to consider "
                                   "matters relating to the acquisition of land, in accordance with the procedure by-law."),
                "public_excluded": ("Resolution to exclude the public", "To resolve that the public be excluded from the following "
                                    "part of the proceedings of this meeting for the reasons set out in the resolution.")}
        title, text = excl.get(ch["parts"], ("Exclusion of the press and public", "To resolve that the press and public be excluded "
                               "for the following items because they involve the likely disclosure of exempt information as defined "
                               "in Schedule 12A of the Local Government Act 1972."))
        items.append({"title": title, "pages": None, "desc": text,
                      "banner": {"part_12": "PART 2 - EXEMPT ITEMS", "exempt_banner": "ITEMS WHICH MAY BE CONSIDERED IN PRIVATE",
                                 "part_ab": "Part B - Items likely to be considered in private", "closed_session": "CLOSED SESSION",
                                 "public_excluded": "PUBLIC EXCLUDED BUSINESS", "confidential": "CONFIDENTIAL ITEMS"}[ch["parts"]]})
        items.append({"title": f"Acquisition of Land at {rng.choice(['Mill Lane', 'Station Road', 'Orchard Way'])}", "pages": (page, page + 8),
                      "desc": "Report of the " + rng.choice(POSTS) + "."})
        items[0]["banner"] = {"part_12": "PART 1 - PUBLIC ITEMS", "exempt_banner": None, "closed_session": None,
                              "public_excluded": None, "confidential": None, "part_ab": "Part A - Items to be considered in public"}[ch["parts"]]
    for it in items:
        if ch["description"] in ("purpose", "italic"):
            it["desc"] = it["desc"] or pick(rng, DESCS, post=rng.choice(POSTS), person=rng.choice(PEOPLE))
            if ch["description"] == "purpose":
                it["desc"] = "Purpose: " + it["desc"]
        elif ch["description"] == "purpose_tag":  # UK: each item tagged with what the meeting is to do with it
            it["desc"] = rng.choice(["For decision", "For information", "For noting"]) if not it["title"].startswith(
                ("Exclusion", "Motion to", "Resolution to")) else it["desc"]
        elif ch["description"] == "none" and not it["title"].startswith(("Exclusion", "Motion to", "Resolution to")):
            it["desc"] = None
        elif ch["description"] == "one" and it["desc"] is None and not it.get("subs"):
            it["desc"] = pick(rng, DESCS, post=rng.choice(POSTS), person=rng.choice(PEOPLE))
        elif ch["description"] == "long" and it["desc"]:
            it["desc"] += " " + pick(rng, DESCS, post=rng.choice(POSTS), person=rng.choice(PEOPLE)) + " " + \
                pick(rng, DESCS, post=rng.choice(POSTS), person=rng.choice(PEOPLE))
        elif ch["description"] == "mixed" and it["desc"] and rng.random() < 0.4:
            it["desc"] = None
    return items


def _styled(ch: Choice, title: str) -> tuple[str, bool]:
    style = "bold" if ch["numbering"] == "none" and ch["title_style"] in ("plain", "upper") else ch["title_style"]
    return (title.upper() if style in ("upper_bold", "upper") else title), style in ("upper_bold", "bold", "underlined", "bold_italic")


def _ref(ch: Choice, pages: tuple[int, int] | None) -> tuple[str, str, str | None]:
    """(suffix to the title, text for the right column, text for a line below) for an item's page range."""
    if pages is None:
        return "", "", None
    rng_text = f"{pages[0]} - {pages[1]}"
    return {"paren_suffix": (f" (Pages {rng_text})", "", None), "plain_suffix": (f" Pages {rng_text}", "", None),
            "right_column": ("", rng_text, None), "right_pages_word": ("", f"Pages {rng_text}", None),
            "none": ("", "", None), "below_line": ("", "", f"Pages {rng_text}"),
            "pp_suffix": (f" (pp. {pages[0]}-{pages[1]})", "", None), "start_page_right": ("", str(pages[0]), None),
            "pages_to": (f" (Pages {pages[0]} to {pages[1]})", "", None)}[ch["page_refs"]]


def agenda_list(pen: Pen, ch: Choice, items: list[dict], base: int) -> list[dict]:
    gold: list[dict] = []
    gap = pen.size * 0.9
    numbered = 0
    for it in items:
        if it.get("banner"):
            pen.need(pen.lh * 3)
            pen.y += gap * 0.5
            pen.para(it["banner"], bold=True, gap=gap)
        numbered += 1
        printed, number = token(ch["numbering"], numbered, base)
        title, bold = _styled(ch, it["title"])
        suffix, right, below = _ref(ch, it.get("pages"))
        widest = max((token(ch["numbering"], k, base)[0] + " " for k in range(1, len(items) + 1)),
                     key=lambda t: pen.width(t, bold))  # titles line up at one indent
        if ch["layout"] == "hanging" and printed:
            title_x = LEFT + max(HANG, pen.width(widest, bold))
        else:
            title_x = LEFT + (pen.width(widest, bold) if printed else 0)
        if ch["layout"] == "leader_dots" and it.get("pages"):  # a contents-style list: dots run to the page on the right
            right, suffix = right or str(it["pages"][0]), ""
        x1 = RIGHT - (PAGE_COL if right else 0)
        pen.italic = ch["title_style"] in ("italic", "bold_italic")
        lines = pen.wrap(title + suffix, x1 - title_x, bold)
        pen.need(pen.lh * (len(lines) + (1 if it["desc"] else 0)))
        page = pen.page
        if printed:
            pen.put(printed, LEFT, bold)
        if right:
            pen.put_right(right, RIGHT)
        for k, ln in enumerate(lines):
            pen.put(ln, title_x, bold)
            if ch["layout"] == "leader_dots" and right and k == len(lines) - 1:
                x = title_x + pen.width(ln + " ", bold)
                pen.put("." * max(0, int((RIGHT - pen.width(right) - 6 - x) / pen.width("."))), x)
            pen.y += pen.lh
            if ch["title_style"] == "underlined":
                pen.underline(title_x, title_x + pen.width(ln, bold))
        pen.italic = False
        if below:
            pen.para(below, title_x)
        gold.append({"number": number, "title": title, "description": it["desc"],
                     "page_ref": f"{it['pages'][0]} - {it['pages'][1]}" if it.get("pages") and ch["page_refs"] != "none" else None,
                     "page": page})
        if it["desc"]:
            pen.y += pen.size * 0.2
            pen.italic = ch["description"] == "italic"
            pen.para(it["desc"], title_x)
            pen.italic = False
        for k, sub in enumerate(it.get("subs", [])):
            sp, sn = sub_token(ch["sub_items"], number, k)
            pen.y += pen.size * 0.3
            pen.need(pen.lh)
            gold.append({"number": sn, "title": sub, "description": None, "page_ref": None, "page": pen.page})
            pen.put(sp, title_x)
            pen.para(sub, title_x + pen.width(sp + "  "))
        pen.y += gap
    return gold


TABLE_WIDTHS = [52.0, 250.0, 115.0, 66.0]
PAD = 4.0


def agenda_table(pen: Pen, ch: Choice, items: list[dict], base: int, rng: random.Random) -> list[dict]:
    heads = ch["table_header"]
    ruled = ch["layout"] == "table_ruled"
    shaded = ch["layout"] == "table_shaded"  # a grey header band, rows parted by rules only
    zebra = ch["layout"] == "table_zebra"  # a grey header band and every other row shaded, no rules at all
    first = max(TABLE_WIDTHS[0], pen.width(heads[0], True) + 3 * PAD)  # the number column fits its header
    widths = [first, TABLE_WIDTHS[1] - (first - TABLE_WIDTHS[0])] + TABLE_WIDTHS[2:]
    xs = [LEFT + sum(widths[:i]) for i in range(len(widths) + 1)]
    gold: list[dict] = []

    def header() -> None:
        h = pen.lh + 2 * PAD
        pen.need(h * 2)
        top = pen.y
        if shaded or zebra:
            pen.fill(xs[0], top, xs[-1], top + h)
        pen.y += PAD
        for x, text in zip(xs, heads):
            pen.put(text, x + PAD, bold=True)
        pen.y = top + h
        if not zebra:
            pen.hline(xs[0], xs[-1], pen.y)
        if ruled:
            pen.hline(xs[0], xs[-1], top)
            for x in xs:
                pen.vline(x, top, pen.y)

    header()
    numbered = 0
    for it in items:
        if it.get("banner"):
            pen.need(pen.lh * 3)
            pen.y += PAD
            pen.put(it["banner"], xs[0] + PAD, bold=True)
            pen.y += pen.lh + PAD
            if ruled:
                pen.hline(xs[0], xs[-1], pen.y)
        numbered += 1
        printed, number = token(ch["numbering"] if ch["numbering"] in ("1.", "1.0", "01") else "1", numbered, base)  # tables number in digits
        title, bold = _styled(ch, it["title"])
        t_lines = pen.wrap(title, widths[1] - 2 * PAD, bold)
        d_lines = pen.wrap(it["desc"], widths[1] - 2 * PAD) if it["desc"] else []
        lead = rng.choice(POSTS + [f"Cllr {p}" for p in PEOPLE[:4]])
        l_lines = pen.wrap(lead, widths[2] - 2 * PAD)
        last = f"{it['pages'][0]} - {it['pages'][1]}" if it.get("pages") and "Pag" in heads[3] else \
            (f"{10 + numbered // 4}.{(numbered * 15) % 60:02d}" if "Pag" not in heads[3] else "")
        h = max(len(t_lines) + len(d_lines), len(l_lines)) * pen.lh + 2 * PAD
        if pen.y + h > 842 - 60:
            pen.new_page()
            header()
        top = pen.y
        page = pen.page
        if zebra and numbered % 2 == 0:
            pen.fill(xs[0], top, xs[-1], top + h)
        for col, cell in ((0, [printed]), (2, l_lines), (3, [last])):
            pen.y = top + PAD
            for ln in cell:
                pen.put(ln, xs[col] + PAD)
                pen.y += pen.lh
        pen.y = top + PAD
        pen.italic = ch["title_style"] in ("italic", "bold_italic")
        for ln in t_lines:
            pen.put(ln, xs[1] + PAD, bold)
            pen.y += pen.lh
            if ch["title_style"] == "underlined":
                pen.underline(xs[1] + PAD, xs[1] + PAD + pen.width(ln, bold))
        pen.italic = ch["description"] == "italic"
        for ln in d_lines:
            pen.put(ln, xs[1] + PAD)
            pen.y += pen.lh
        pen.italic = False
        pen.y = top + h
        if ruled or shaded:
            pen.hline(xs[0], xs[-1], pen.y)
        if ruled:
            for x in xs:
                pen.vline(x, top, pen.y)
        gold.append({"number": number, "title": title, "description": it["desc"], "page_ref": None, "page": page})
    pen.y += pen.lh
    return gold


def front_sheet(pen: Pen, ch: Choice, rng: random.Random, m: dict) -> None:
    d: date = m["day"]
    dtext, ttext, joiner = date_parts(ch["date_format"], d, m["hour"], m["minute"])
    big = pen.size + 5
    block = ch["title_block"]
    own = m["committee"] == m["body"]
    pen.para(m["body"], bold=True, size=pen.size + 2, gap=6)
    if block == "stacked":
        if not own:
            pen.para(m["committee"], bold=True, size=big, gap=6)
        pen.para(dtext + joiner + ttext)
        pen.para(m["venue"], gap=8)
    elif block == "summons":
        pen.para(f"To: All Members of the {m['committee']}", gap=6)
        pen.para(f"You are summoned to attend a meeting of the {m['committee']} to be held at {m['venue']} on "
                 f"{dtext}{joiner}{ttext.rstrip('.')}.", gap=8)
    elif block == "labelled":
        for label, value in (("Meeting", m["committee"]), ("Date", dtext), ("Time", ttext), ("Venue", m["venue"])):
            pen.para(f"{label}: {value}")
        pen.y += 8
    elif block == "notice":
        pen.para("NOTICE OF MEETING", bold=True, size=big, gap=6)
        pen.para(f"A meeting of the {m['committee']} will be held on {dtext}{joiner}{ttext} in {m['venue']}.", gap=8)
    elif block == "meeting_of":
        pen.para(f"Meeting of the {m['committee']}", bold=True, size=big, gap=6)
        pen.para(dtext + joiner + ttext)
        pen.para(m["venue"], gap=8)
    elif block == "committee_agenda":
        pen.para(f"{m['committee']} Agenda", bold=True, size=big, gap=6)
        pen.para(dtext + joiner + ttext)
        pen.para(m["venue"], gap=8)
    elif block == "hereby_given":  # Australia / New Zealand
        pen.para("NOTICE OF MEETING", bold=True, size=big, gap=6)
        pen.para(f"Notice is hereby given that an Ordinary Meeting of the {m['committee']} will be held in {m['venue']} on "
                 f"{dtext}{joiner}{ttext.rstrip('.')}.", gap=8)
    elif block == "regular_meeting":  # United States
        pen.para(m["committee"].upper(), bold=True, size=big, gap=4)
        pen.para("REGULAR MEETING AGENDA", bold=True, gap=4)
        pen.para(dtext + joiner + ttext)
        pen.para(m["venue"], gap=8)
    elif block == "meeting_no_labels":  # Canada
        pen.para(f"{m['committee']} Meeting No. {rng.randint(3, 40)}", bold=True, size=big, gap=6)
        for label, value in (("Meeting Date", dtext), ("Start Time", ttext), ("Location", m["venue"])):
            pen.para(f"{label}: {value}")
        pen.y += 8
    elif block == "agenda_for":  # UK parish / town councils: the agenda's title sentence names all
        pen.para(f"AGENDA for the meeting of the {m['committee']} to be held at {m['venue']} on {dtext}{joiner}{ttext.rstrip('.')}",
                 bold=True, gap=8)
    elif block == "requested_to_attend":  # Ireland / UK
        pen.para(f"To each Member of the {m['committee']}", gap=6)
        pen.para("Dear Councillor,", gap=4)
        pen.para(f"You are requested to attend the meeting of the {m['committee']} to be held in {m['venue']} on "
                 f"{dtext}{joiner}{ttext.rstrip('.')}.", gap=8)
    blocks = ch["front_blocks"]
    if blocks == "acknowledgement":
        pen.para("Acknowledgement of Country", bold=True)
        pen.para("The Council acknowledges the Traditional Custodians of the land on which we meet and pays its respects to "
                 "Elders past and present.", gap=8)
    if blocks == "members_quorum":
        members = rng.sample(PEOPLE, 5)
        pen.para(f"Members: Councillors {members[0]} (Chair), {members[1]} (Deputy Chair), " + ", ".join(members[2:]), gap=3)
        pen.para("Quorum: 3 members", gap=8)
    if blocks == "issued_by":
        pen.para(rng.choice(PEOPLE))
        pen.para("Chief Executive")
        pen.para(f"Date of publication: {(d.replace(day=1)).strftime('%d %B %Y')}", gap=8)
    if blocks == "webcast":
        pen.para("Webcasting", bold=True)
        pen.para("This meeting will be filmed for live and subsequent broadcast on the Council's website. By entering the meeting "
                 "room you consent to being filmed.", gap=8)
    if "evacuation" in blocks:
        pen.para("Fire evacuation", bold=True)
        pen.para("In the event of the fire alarm sounding, please leave the building by the nearest exit and gather at the "
                 "assembly point in the car park.", gap=8)
    if "membership" in blocks:
        pen.para("Membership", bold=True)
        members = rng.sample(PEOPLE, 6)
        pen.para(f"Chair: Councillor {members[0]}")
        pen.para(f"Vice-Chair: Councillor {members[1]}")
        pen.para("Councillors " + ", ".join(members[2:-1]) + " and " + members[-1], gap=8)
    if "contact" in blocks:
        person = rng.choice(PEOPLE)
        pen.para(f"Contact officer: {person}, Democratic Services Officer")
        pen.para("Tel: 01632 960 412")
        pen.para(f"Email: democratic.services@{m['place'].lower().replace(' ', '')}.gov.uk", gap=8)
    if "notices" in blocks:
        pen.para("Information for the public", bold=True)
        for text in NOTICES:
            pen.para(text, gap=4)
        pen.y += 6
    if blocks == "notices+membership+contact":
        pen.new_page()
    if ch["heading"]:
        pen.para(ch["heading"], bold=True, size=pen.size + 3, gap=8)
