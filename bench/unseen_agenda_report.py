"""The officers' reports of one synthetic pack: an opening in one of several forms, then sections, one of them
the recommendations in the form and words chosen; each returns its recommendations' gold."""
from __future__ import annotations

import random

from bench.unseen_agenda_draw import LETTERS, PAD, ROMAN, Choice
from bench.unseen_agenda_pdf import LEFT, PEOPLE, POSTS, REASONS, RECS, RIGHT, Pen, date_parts


def _lead_body(m: dict) -> str:
    c = m["committee"]
    if c in ("Committee of the Whole", "Board of Supervisors"):  # named by its head noun: "That the Committee:", "That the Board:"
        return "the " + c.split()[0]
    return "Cabinet" if c == "Cabinet" else ("the Council" if c == m["body"] else "the " + c.split()[-1])


def report(pen: Pen, ch: Choice, rng: random.Random, m: dict, title: str) -> list[dict]:
    """One officer's report on a new page; returns its recommendations' gold."""
    pen.new_page()
    post = rng.choice(POSTS)
    when = date_parts("long_at", m["day"], m["hour"], m["minute"])[0]
    head = ch["report_head"]
    big = pen.size + 4
    if head == "title_of_report":
        pen.para(f"Title of report: {title}", bold=True, size=big, gap=6)
        for text in (f"Report by: {post}", f"Meeting: {m['committee']}", f"Date: {when}"):
            pen.para(text)
    elif head == "report_to":
        for text in (f"Report to: {m['committee']}", f"Date: {when}", f"Subject: {title}", f"Report of: {post}"):
            pen.para(text)
    elif head == "big_title":
        pen.para(m["committee"])
        pen.para(when, gap=6)
        pen.para(title, bold=True, size=big, gap=4)
        pen.para(f"Report of the {post}")
    elif head == "agenda_item":
        pen.para(f"Agenda Item {rng.randint(5, 9)}", bold=True)
        pen.para(title, bold=True, size=big, gap=4)
        pen.para(f"Report of the {post}")
    elif head == "caps_label":
        pen.para(f"{m['committee'].upper()} - {when.upper()}", bold=True)
        pen.para(f"REPORT TITLE: {title.upper()}", bold=True)
        pen.para(f"REPORT AUTHOR: {post.upper()}")
    elif head == "cover_table":  # a ruled two-column cover box: labels without colons
        rows = [("Meeting", m["committee"]), ("Date", when), ("Report title", title), ("Report of", post), ("Wards", "All")]
        xs = [LEFT, LEFT + 120, RIGHT]
        for label, value in rows:
            top = pen.y
            pen.y += PAD
            pen.put(label, xs[0] + PAD, bold=True)
            pen.put(value, xs[1] + PAD)
            pen.y = top + pen.lh + 2 * PAD
            pen.hline(xs[0], xs[-1], top)
            pen.hline(xs[0], xs[-1], pen.y)
            for x in xs:
                pen.vline(x, top, pen.y)
    elif head == "portfolio_box":
        pen.para(title, bold=True, size=big, gap=4)
        for text in (f"Cabinet Member: Councillor {rng.choice(PEOPLE)}", "Portfolio: Finance and Resources", "Key decision: No",
                     f"Lead officer: {post}"):
            pen.para(text)
    elif head == "purpose_label":
        pen.para(title, bold=True, size=big, gap=4)
        pen.para(f"Report author: {rng.choice(PEOPLE)}, {post}")
        pen.para("Wards affected: All")
    elif head == "memo":  # New Zealand / Australia / US memorandum form
        for text in (f"TO: {m['committee']}", f"FROM: {post}", f"DATE: {when}", f"SUBJECT: {title}"):
            pen.para(text, bold=text.startswith("SUBJECT"))
    elif head == "staff_report":  # Canada / US
        pen.para("STAFF REPORT", bold=True, size=big, gap=4)
        pen.para(title, bold=True, size=pen.size + 2, gap=4)
        for text in (f"Report No.: FIN-2025-{rng.randint(10, 99)}", f"To: Chair and Members of the {m['committee']}", f"From: {post}",
                     f"Meeting Date: {when}"):
            pen.para(text)
    elif head == "item_number_title":  # Australia: the item's number and title as one heading
        pen.para(f"{rng.randint(8, 12)}.{rng.randint(1, 4)} {title.upper()}", bold=True, size=pen.size + 2, gap=4)
        for text in (f"File Number: F25/{rng.randint(100, 999)}", f"Responsible Officer: {post}", "Attachments: Nil"):
            pen.para(text)
    elif head == "caps_labels":  # Scotland / Ireland: capital labels, the subject last
        for text in (f"REPORT TO: {m['committee'].upper()}", f"DATE OF MEETING: {when}", f"REPORT BY: {post.upper()}",
                     f"SUBJECT: {title.upper()}"):
            pen.para(text, bold=True)
    elif head == "summary_box":  # UK: an open-report banner, the title, then an executive summary
        pen.para("Part I - Open report", bold=True)
        pen.para(title, bold=True, size=big, gap=4)
        pen.para(f"Report by: {post}", gap=6)
        pen.para("Executive summary", bold=True)
        pen.para("This report sets out the position reached and the decisions members are asked to take.", gap=4)
    pen.y += 10
    numbered = ch["rec_list"] == "2.1"
    pen.para("1. Purpose of the report" if numbered else "Purpose of the report", bold=True)
    pen.para(f"{'1.1 ' if numbered else ''}This report asks members to consider the {title[0].lower() + title[1:]} and the next "
             "steps proposed by officers.", gap=8)
    recs = [r.format(t="scheme", post=post) for r in rng.sample(RECS, rng.randint(1, 4))]
    gold = _recommendations(pen, ch, rng, m, recs, title)
    pen.y += pen.size * 0.8
    nxt = ch["next_section"]
    pen.para(f"3. {nxt}" if numbered else nxt, bold=True)
    for k in range(2):
        pen.para(f"{'3.%d ' % (k + 1) if numbered else ''}The council agreed its approach in the spring and officers have since "
                 "worked with partners to test the options. The figures in this report are as at the end of the last quarter.", gap=6)
    return gold


def _recommendations(pen: Pen, ch: Choice, rng: random.Random, m: dict, recs: list[str], title: str) -> list[dict]:
    cue, form = ch["rec_heading"], ch["rec_list"]
    who = _lead_body(m)
    gold: list[dict] = []
    page = pen.page

    def add(letter: str | None, text: str) -> None:
        gold.append({"letter": letter, "text": text, "report_title": title, "page": page})

    lead_cue = cue in ("The Committee is asked to:", "It is recommended that", "Members are asked to", "Members are recommended to")
    if form == "paragraph":
        rec = " and ".join(recs[:2])
        if lead_cue:
            opener = {"The Committee is asked to:": f"{who[0].upper() + who[1:]} is asked to", "It is recommended that":
                      f"It is recommended that {who}", "Members are asked to": "Members are asked to", "Members are recommended to": "Members are recommended to"}[cue]
            page = pen.para(f"{opener} {rec}.", gap=4)
            add(None, f"{opener} {rec}.")
        elif cue == "Recommendation:":
            page = pen.para(f"Recommendation: That {who} {rec}.", gap=4)
            add(None, f"That {who} {rec}.")
        else:
            pen.para(cue, bold=True)
            page = pen.para(f"That {who} {rec}.", gap=4)
            add(None, f"That {who} {rec}.")
        return gold
    if form == "2.1":
        pen.para(f"2. {cue.rstrip(':')}" if not lead_cue else "2. Recommendations", bold=True)
    elif not lead_cue:
        pen.para(cue, bold=cue != "Recommendation:")
    if lead_cue:
        pen.para({"The Committee is asked to:": f"{who[0].upper() + who[1:]} is asked to:", "It is recommended that":
                  f"It is recommended that {who}:", "Members are asked to": "Members are asked to:",
                  "Members are recommended to": "Members are recommended to:"}[cue], gap=3)
    elif rng.random() < 0.6 and form != "table":
        pen.para(rng.choice([f"That {who}:", "That:", f"{who[0].upper() + who[1:]} is recommended to:"]), gap=3)
    if form == "table":
        return _rec_table(pen, recs, title)
    for k, rec in enumerate(recs):
        end = "." if k == len(recs) - 1 else ("; and" if k == len(recs) - 2 else ";")
        marker, letter = {"(a)": (f"({LETTERS[k]})", LETTERS[k]), "a)": (f"{LETTERS[k]})", LETTERS[k]),
                          "1.": (f"{k + 1}.", str(k + 1)), "(i)": (f"({ROMAN[k]})", ROMAN[k]), "bullet": ("•", None),
                          "2.1": (f"2.{k + 1}", None), "(1)": (f"({k + 1})", str(k + 1)), "i.": (f"{ROMAN[k]}.", ROMAN[k]),
                          "dash": ("\u2013", None), "A.": (f"{LETTERS[k].upper()}.", LETTERS[k].upper())}[form]
        text = (f"That {who} " + rec if form == "2.1" else rec[0].upper() + rec[1:] if form in ("bullet", "dash") else rec) + end
        indent = LEFT + (0 if form == "2.1" else 16)
        pen.need(pen.lh)
        page = pen.page
        pen.put(marker, indent)
        pen.para(text, indent + 28, gap=3)
        add(letter, text)
    return gold


def _rec_table(pen: Pen, recs: list[str], title: str) -> list[dict]:
    widths = [280.0, 203.0]
    xs = [LEFT, LEFT + widths[0], LEFT + widths[0] + widths[1]]
    gold: list[dict] = []
    top = pen.y
    pen.y += PAD
    pen.put("Recommendation", xs[0] + PAD, bold=True)
    pen.put("Reason for recommendation", xs[1] + PAD, bold=True)
    pen.y = top + pen.lh + 2 * PAD
    for y in (top, pen.y):
        pen.hline(xs[0], xs[-1], y)
    for x in xs:
        pen.vline(x, top, pen.y)
    for k, rec in enumerate(recs):
        text = rec[0].upper() + rec[1:]
        a = pen.wrap(text, widths[0] - 2 * PAD)
        b = pen.wrap(REASONS[k % len(REASONS)], widths[1] - 2 * PAD)
        h = max(len(a), len(b)) * pen.lh + 2 * PAD
        pen.need(h)
        top = pen.y
        for col, cell in ((0, a), (1, b)):
            pen.y = top + PAD
            for ln in cell:
                pen.put(ln, xs[col] + PAD)
                pen.y += pen.lh
        pen.y = top + h
        pen.hline(xs[0], xs[-1], pen.y)
        for x in xs:
            pen.vline(x, top, pen.y)
        gold.append({"letter": None, "text": text, "report_title": title, "page": pen.page})
    return gold
