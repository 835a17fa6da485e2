"""Drawing for bench/unseen_minutes.py: a minutes PDF's title block, attendance, headings, decisions,
actions and votes, each in the layout a dimension value names, with the gold each part yields."""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

import unseen_minutes_draw2 as D2
import unseen_minutes_draw3 as D3
import unseen_minutes_text as T

rl_config.invariant = 1
FONT, BOLD = "Helvetica", "Helvetica-Bold"
MARGIN = 60.0
LABEL_ORDER = ("present", "apologies", "substitutes", "in_attendance", "officers")

def person(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(T.FIRST)} {rng.choice(T.SURNAMES)}"
        if name not in used and name.split()[1] not in {u.split()[1] for u in used}:
            used.add(name)
            return name


def fmt_date(d: date, pattern: str) -> str:
    suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return d.strftime(pattern.replace("{th}", suffix))


def initials(name: str) -> str:
    return "".join(p[0] for p in name.split())


class Doc:
    """A portrait A4 PDF written top-down, with running furniture and a page count."""

    def __init__(self, path: Path, size: float, running: str, committee: str, when: str = "") -> None:
        self.c = canvas.Canvas(str(path), pagesize=A4, pageCompression=0)
        self.size, self.running, self.committee, self.when = size, running, committee, when
        self.w, self.h = A4
        self.page = 0
        self.y = 0.0
        self.movers = ("", "")  # the mover and seconder of motions, as printed
        self.new_page()

    def _furniture(self) -> None:
        c, r = self.c, self.running
        c.setFont(FONT, 8)
        if r == "page_numbers":
            c.drawCentredString(self.w / 2, 28, str(self.page))
        elif r == "page_of":
            c.drawRightString(self.w - MARGIN, 28, f"Page {self.page}")
        elif r == "chair_initials":
            c.drawRightString(self.w - MARGIN, 28, "Chair's initials ________")
        elif r == "committee_header":
            c.drawString(MARGIN, self.h - 34, self.committee)
            c.drawRightString(self.w - MARGIN, self.h - 34, f"Page {self.page}")
        elif r == "signed_footer":
            c.drawString(MARGIN, 28, "Signed ______________________ (Chair)     Date ____________")
        elif r in D2.RUNNING:
            D2.furniture(self)
        elif r in D3.RUNNING:
            D3.furniture(self)

    def new_page(self) -> None:
        if self.page:
            self.c.showPage()
        self.page += 1
        self.y = self.h - 70
        self._furniture()

    def need(self, points: float) -> None:
        if self.y - points < 60:
            self.new_page()

    def text(self, text: str, x: float = MARGIN, bold: bool = False, width: float | None = None, size: float | None = None,
             gap: float = 0.6, underline: bool = False, after_first: Any = None, font: str | None = None) -> int:
        """A wrapped paragraph; returns the page of its first line. ``after_first(y)`` draws beside line one."""
        size = size or self.size
        font = font or (BOLD if bold else FONT)
        width = width or (self.w - MARGIN - x)
        lines = simpleSplit(text, font, size, width)
        first_page = 0
        for n, piece in enumerate(lines):
            self.need(size * 1.3)
            self.c.setFont(font, size)
            self.c.drawString(x, self.y, piece)
            if underline:
                self.c.line(x, self.y - 2, x + self.c.stringWidth(piece, font, size), self.y - 2)
            if n == 0:
                first_page = self.page
                if after_first is not None:
                    after_first(self.y)
            self.y -= size * 1.3
        self.y -= size * gap
        return first_page

    def cells(self, parts: list[tuple[float, str]], bold: bool = False) -> None:
        self.need(self.size * 1.3)
        for x, t in parts:
            self.c.setFont(BOLD if bold else FONT, self.size)
            self.c.drawString(x, self.y, t)
        self.y -= self.size * 1.3

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


def named(name: str, prefix: str, rng: random.Random, councillor: bool = True) -> str:
    if prefix == "none" or not councillor:
        return name if councillor or prefix == "none" else f"{rng.choice(['Mr', 'Ms', 'Mrs', 'Dr'])} {name}"
    if prefix == "honorific":
        return f"{rng.choice(['Mr', 'Mrs', 'Ms', 'Dr'])} {name}"
    return f"{prefix} {name}"


def and_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def title_block(doc: Doc, d: dict[str, Any], body: str, committee: str, when: str, time_text: str, venue: str) -> None:
    big = doc.size + 2
    t = d["title"]
    if t == "held_on":
        doc.text(f"Minutes of the meeting of the {committee} held on {when} at {time_text} in {venue}", bold=True, size=big, gap=1.2)
    elif t == "held_in_on":
        doc.text(f"Minutes of a meeting of the {committee} held in {venue} on {when} at {time_text}", bold=True, size=big, gap=1.2)
    elif t == "caps_stack":
        for part in (committee.upper(), "MINUTES", when):
            doc.text(part, x=MARGIN, bold=True, size=big, gap=0.3)
        doc.text(f"{venue}, {time_text}", gap=1.2)
    elif t == "caps_single":
        doc.text(f"MINUTES OF THE {committee.upper()}", bold=True, size=big, gap=0.3)
        doc.text(f"{when}, {time_text}, {venue}", gap=1.2)
    elif t == "body_then_title":
        doc.text(body, bold=True, size=big + 2, gap=0.3)
        doc.text(committee, bold=True, size=big, gap=0.3)
        doc.text(f"Minutes of the meeting held on {when} at {time_text}", gap=1.2)
    elif t in ("ordinary_meeting", "regular_meeting", "inline_labels"):
        D2.title_block(doc, t, body, committee, when, time_text, venue)
    elif t in D3.TITLES:
        D3.title_block(doc, body, committee, when, time_text, venue)
    else:  # front_table: a label column and a value column
        doc.text("MINUTES", bold=True, size=big + 2, gap=0.6)
        for label, value in (("Meeting:", committee), ("Date:", when), ("Time:", time_text), ("Venue:", venue)):
            doc.cells([(MARGIN, label), (MARGIN + 90, value)], bold=False)
        doc.y -= doc.size


def attendance(doc: Doc, d: dict[str, Any], rng: random.Random, used: set[str]) -> dict[str, list[str]]:
    """The attendance block; returns the gold names by role."""
    prefix = d["prefix"]
    members = [person(rng, used) for _ in range(rng.randint(4, 9))]
    chair_mark, vice_mark = d["chair_mark"]
    printed = [named(n, prefix, rng) for n in members]
    if d["attendance"] == "ward":
        printed = [f"{p} ({w})" for p, w in zip(printed, rng.sample(T.WARDS, len(printed)))]
    doc.movers = (printed[1], printed[2])
    printed[0] += f" {chair_mark}"
    if vice_mark:
        printed[1] += f" {vice_mark}"
    gold: dict[str, list[str]] = {"present": members}
    sections: list[tuple[str, list[str], list[str]]] = []  # role, printed entries, gold names
    labels = dict(zip(LABEL_ORDER, d["labels"]))
    apologies = [person(rng, used) for _ in range(rng.randint(1, 3))]
    sections.append(("apologies", [named(n, prefix, rng) for n in apologies], apologies))
    if rng.random() < 0.5:
        subs = [person(rng, used)]
        sections.append(("substitutes", [f"{named(subs[0], prefix, rng)} (for {named(apologies[0], prefix, rng)})"], subs))
    if rng.random() < 0.5:
        guests = [person(rng, used) for _ in range(rng.randint(1, 2))]
        sections.append(("in_attendance", [named(g, prefix, rng) for g in guests], guests))
    officers = [person(rng, used) for _ in range(rng.randint(2, 4))]
    roles = rng.sample(T.ROLES, len(officers))
    style = d["officer_style"]
    shown = {"bracket": [f"{o} ({r})" for o, r in zip(officers, roles)], "dash": [f"{o} - {r}" for o, r in zip(officers, roles)],
             "name_only": officers, "comma_role": [f"{o}, {r}" for o, r in zip(officers, roles)]}.get(style) \
        or D3.officer_entries(style, officers, roles) or D2.officer_entries(style, officers, roles)
    sections.append(("officers", shown, officers))
    gold_officers = officers
    for role, _shown, names in sections:
        gold[role] = names
    layout = d["label_layout"]
    style_a = d["attendance"]

    def labelled(label: str, entries: list[str], per_line: bool = False, columns: bool = False, prose: bool = False) -> None:
        sep = "; " if (label == labels["officers"] and d["officer_style"] == "comma_role") or style_a == "semicolons" else ", "
        joined = sep.join(entries)
        if style_a == "oxford" and len(entries) > 2:
            joined = ", ".join(entries[:-1]) + ", and " + entries[-1]
        if D3.labelled(doc, d, label, entries, joined, per_line):
            return
        if D2.labelled(doc, d, label, labels, entries, joined, columns, gold_officers, roles):
            return
        if prose:
            joined = f"{entries[0]}; Councillors {and_list([clean(e) for e in entries[1:]])}"
        x_names = MARGIN + 150 if layout == "column" else MARGIN + 20
        if layout == "heading" or columns or per_line:
            if layout == "column" and not columns:
                rows = entries if per_line else simpleSplit(joined, FONT, doc.size, doc.w - MARGIN - x_names)
                for n, entry in enumerate(rows):
                    doc.cells([(MARGIN, label if n == 0 else ""), (x_names, entry)])
                doc.y -= doc.size * 0.6
                return
            doc.text(label + ("" if layout == "heading" else ":"), bold=layout == "heading", gap=0.2)
            if columns:
                half = (len(entries) + 1) // 2
                second = MARGIN + 20 + max(doc.c.stringWidth(e, FONT, doc.size) for e in entries[:half]) + 40
                for left, right in zip(entries[:half], entries[half:] + [""]):
                    doc.cells([(MARGIN + 20, left), (max(MARGIN + 250, second), right)])
                doc.y -= doc.size * 0.6
            elif per_line:
                for e in entries:
                    doc.text(f"• {e}" if style_a == "bullets" else e, x=MARGIN + 20, gap=0.1)
                doc.y -= doc.size * 0.5
            else:
                doc.text(joined, x=MARGIN + 20)
            return
        if layout == "column":
            rows = simpleSplit(joined, FONT, doc.size, doc.w - MARGIN - x_names)
            for n, row in enumerate(rows):
                doc.cells([(MARGIN, label if n == 0 else ""), (x_names, row)])
            doc.y -= doc.size * 0.6
            return
        mark = " - " if layout == "inline_dash" else ": "
        doc.text(f"{label}{mark}{joined}")

    def clean(entry: str) -> str:
        for p in ("Cllr ", "Councillor ", "Mr ", "Mrs ", "Ms ", "Dr "):
            entry = entry.removeprefix(p)
        return entry

    if style_a == "prose":
        labelled(labels["present"], [f"Councillor {members[0]} {chair_mark}"] + [m + (f" {vice_mark}" if k == 0 and vice_mark else "")
                                                                              for k, m in enumerate(members[1:])], prose=True)
    else:
        labelled(labels["present"], printed, per_line=style_a in ("per_line", "bullets"), columns=style_a in ("two_columns", "three_columns"))
    for role, entries, _names in sections:
        labelled(labels[role], entries, per_line=style_a in ("per_line", "bullets") and role != "officers")
    doc.y -= doc.size
    return gold


def number_of(style: str, k: int, base: int, code: str = "") -> tuple[str, str]:
    """(printed number, gold number) of the k-th item (from 1)."""
    n = base + k
    if style in ("1)", "IV.", "code/45/24"):
        return D2.number_of(style, k, n, code)
    if style == "A.":
        return D3.number_of(k)
    return {"1.": (f"{k}.", str(k)), "1": (str(k), str(k)), "12/25": (f"{n}/25", f"{n}/25"),
            "2025/12": (f"2025/{n}", f"2025/{n}"), "(1)": (f"({k})", str(k)), "Item 1": (f"Item {k}:", str(k)),
            "Minute 45": (f"Minute {n}", str(n)), "1.0": (f"{k}.0", f"{k}.0"), "none": ("", ""), "45.": (f"{n}.", str(n))}[style]


def number_column(doc: Doc, d: dict[str, Any], widest: str) -> float:
    """Where titles and text start when the number sits in a left margin column of its own."""
    if d["heading"] != "margin" or d["numbering"] == "none":
        return MARGIN
    return MARGIN + max(45.0, doc.c.stringWidth(widest, BOLD, doc.size) + 15)


def heading(doc: Doc, d: dict[str, Any], printed: str, title: str, x: float) -> tuple[str, int]:
    """Draw an item heading; returns (gold title, page)."""
    style = d["heading"]
    if d["numbering"] == "none" and style in ("plain", "caps", "margin"):
        style = "bold"
    shown = title.upper() if style in ("caps", "bold_caps", "caps_underlined") else title
    doc.need(doc.size * 4)
    doc.y -= doc.size * 0.4
    if style == "margin":
        doc.c.setFont(BOLD, doc.size)
        doc.c.drawString(MARGIN, doc.y, printed)
        page = doc.text(shown, x=x, bold=True, gap=0.5)
        return shown, page
    text = f"{printed} {shown}".strip()
    if style in ("bold_underlined", "italic", "larger"):
        font, step, under = D2.heading_font(style)
        return shown, doc.text(text, font=font, size=doc.size + step, underline=under, gap=0.5)
    page = doc.text(text, bold=style in ("bold", "bold_caps"), underline=style in ("underlined", "caps_underlined"), gap=0.5)
    return shown, page


def votes_text(style: str, v: dict[str, int]) -> str:
    f, a, s = v["for"], v["against"], v["abstain"]
    plural = "abstention" if s == 1 else "abstentions"
    return {"for_against": f"For: {f}, Against: {a}, Abstentions: {s}",
            "carried_by": f"On being put to the vote, the motion was carried by {f} votes to {a} with {s} {plural}.",
            "bracketed": f"The motion was put to the vote and carried ({f} for, {a} against, {s} {plural}).",
            "agreed_by": f"The recommendation was agreed by {f} votes to {a}, with {s} {plural}.",
            "dash_list": f"For – {f}; Against – {a}; Abstentions – {s}",
            "recorded": f"In favour: {f}, Against: {a}, Abstentions: {s}"}[style]


LABEL_FORMS = ("RESOLVED - That", "RESOLVED: that", "DECISION:", "Decision:", "AGREED:", "RESOLVED – that")
MARKERS = {"lettered": ("({})", "abcdef"), "roman": ("({})", ["i", "ii", "iii", "iv", "v"]), "numbered": ("{}.", "12345"),
           "lettered_paren": ("{})", "abcdef"), **D2.MARKERS_2, **D3.MARKERS_3}


def decision(doc: Doc, d: dict[str, Any], x: float, texts: list[str], parts: str) -> list[dict[str, Any]]:
    """Draw a decision of one or more parts; returns its gold resolutions."""
    p = d["decision"]
    if p in D3.DECISIONS_3:
        return D3.decision(doc, d, x, texts, parts, MARKERS)
    if p in D2.DECISIONS_2:
        return D2.decision(doc, d, x, texts, parts, MARKERS)
    if p in MOTION_FORMS:
        return motion(doc, p, x, texts if parts != "single" else texts[:1], parts)
    kind = "recommendation" if p.startswith("RECOMMENDED") else "resolved"
    label = p in LABEL_FORMS
    if len(texts) == 1 or parts == "single":
        body = texts[0]
        if p in ("DECISION:", "Decision:", "AGREED:"):
            printed, gold = f"{p} That {body}.", f"That {body}."
        elif label:
            printed = f"{p} {body}."
            gold = printed[len(p) - 4:] if p.endswith("That") or p.endswith("that") else printed
            gold = gold.strip()
        else:
            printed = gold = f"{p} {body}."
        doc.text(printed, x=x)
        return [{"letter": None, "text": gold, "kind": kind}]
    lead = p if p.endswith("that") and label else (p if p.endswith(":") else f"{p}:")
    doc.text(lead, x=x, gap=0.3)
    fmt, letters = MARKERS[parts]
    out = []
    for k, body in enumerate(texts):
        end = "." if k == len(texts) - 1 else ";"
        doc.text(f"{fmt.format(letters[k])} {body}{end}", x=x + 20, gap=0.3)
        out.append({"letter": None if parts == "bullets" else str(letters[k]), "text": f"{body}{end}", "kind": kind})
    doc.y -= doc.size * 0.3
    return out


MOTION_FORMS = ("Moved/Seconded/CARRIED", "It was moved by A, seconded by B, that")


def motion(doc: Doc, p: str, x: float, texts: list[str], parts: str) -> list[dict[str, Any]]:
    """A motion with its mover and seconder: "Moved: Cr A  Seconded: Cr B" / "That ..." / "CARRIED" (Australia,
    Canada), or "It was moved by A, seconded by B, that ..." in prose."""
    a, b = doc.movers
    prose = p.startswith("It was")
    if prose:
        lead = f"It was moved by {a}, seconded by {b}, that"
    else:
        doc.cells([(x, f"Moved: {a}"), (x + 230, f"Seconded: {b}")])
        lead = "That"
    out = []
    if len(texts) == 1:
        text = f"{lead} {texts[0]}."
        doc.text(text, x=x, gap=0.3)
        out.append({"letter": None, "text": text, "kind": "resolved"})
    else:
        doc.text(f"{lead}:", x=x, gap=0.3)
        fmt, letters = MARKERS[parts]
        for k, body in enumerate(texts):
            end = "." if k == len(texts) - 1 else ";"
            doc.text(f"{fmt.format(letters[k])} {body}{end}", x=x + 20, gap=0.3)
            out.append({"letter": None if parts == "bullets" else str(letters[k]), "text": f"{body}{end}", "kind": "resolved"})
    doc.text("The motion was carried." if prose else "CARRIED", x=x, bold=not prose)
    return out


def action_paras(doc: Doc, d: dict[str, Any], x: float, width: float, rng: random.Random, officers: list[str],
                 when: date) -> list[dict[str, Any]]:
    """Draw one or two actions in the document's action style; returns the gold actions."""
    out = []
    for task in rng.sample(T.TASKS, rng.randint(1, 2)):
        who = rng.choice(officers)
        style = d["action"]
        if style == "action_officer":
            out.append(D3.action(doc, x, width, rng, task, who))
        elif style in ("action_by", "margin_name", "responsible"):
            out.append(D2.action(doc, style, x, width, rng, task, who))
        elif style == "trailing":
            sentence = f"The {rng.choice(T.ROLES)} agreed to {task}."
            doc.text(f"{rng.choice(T.DISCUSSION).format(role=rng.choice(T.ROLES))} {sentence} ACTION: {initials(who)}", x=x, width=width)
            out.append({"text": sentence, "owner": initials(who), "due": None})
        elif style == "trailing_bracket":
            sentence = f"It was agreed that officers would {task}."
            doc.text(f"{sentence} (Action: {who})", x=x, width=width)
            out.append({"text": sentence, "owner": who, "due": None})
        elif style == "label":
            doc.text(f"Action: {who} to {task}.", x=x, width=width)
            out.append({"text": f"{who} to {task}.", "owner": who, "due": None})
        elif style == "label_owner_first":
            doc.text(f"ACTION: {initials(who)} to {task}.", x=x, width=width)
            out.append({"text": f"{initials(who)} to {task}.", "owner": initials(who), "due": None})
        elif style == "margin":
            text = f"The {rng.choice(T.ROLES)} undertook to {task}" + ("." if "meeting" in task else " before the next meeting.")

            def owner(y: float, who: str = who) -> None:
                doc.c.setFont(BOLD, doc.size)
                doc.c.drawString(doc.w - MARGIN - 35, y, initials(who))
            doc.text(text, x=x, width=width, after_first=owner)
            out.append({"text": text, "owner": initials(who), "due": None})
        else:  # prose: "<Owner> to <verb> ... by <date>"
            due = when + timedelta(days=rng.randint(14, 60))
            sentence = f"{who} to {task} by {due.day} {due.strftime('%B %Y')}."
            doc.text(sentence, x=x, width=width)
            out.append({"text": sentence, "owner": who, "due": None})
    return out
