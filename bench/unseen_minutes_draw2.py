"""Drawing for the third split of bench/unseen_minutes.py (``held-out-2``): the layout values added in round 2,
each one a practice seen in UK, Irish, Canadian, Australian, New Zealand or US minutes. The first two splits are
drawn by ``unseen_minutes_draw`` alone; it calls in here only for a value of this split."""
from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

import unseen_minutes_draw as D
import unseen_minutes_text as T

if TYPE_CHECKING:
    from unseen_minutes_draw import Doc

FONT, BOLD, ITALIC = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"
MARGIN = 60.0  # as unseen_minutes_draw
RUNNING = ("dash_page", "draft_header", "minute_book", "date_header")
MARKERS_2 = {"letter_dot": ("{}.", "abcdef"), "numbered_paren": ("({})", "12345"), "bullets": ("•", "······")}
DECISIONS_2 = ("RESOLVED alone", "Moved by/Seconded by/THAT", "On the proposal of A, seconded by B, it was agreed that",
               "A motion was made by A and seconded by B that", "It was agreed that")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"]


def furniture(doc: Doc) -> None:
    c, r = doc.c, doc.running
    c.setFont(FONT, 8)
    if r == "dash_page":
        c.drawCentredString(doc.w / 2, 28, f"- {doc.page} -")
    elif r == "draft_header":
        c.drawString(MARGIN, doc.h - 34, "DRAFT MINUTES - subject to approval at the next meeting")
    elif r == "minute_book":
        c.drawString(MARGIN, 28, f"Minute Book Page {doc.page + 212}")
    elif r == "date_header":
        c.drawString(MARGIN, doc.h - 34, f"{doc.committee} - {doc.when}")
        c.drawRightString(doc.w - MARGIN, doc.h - 34, str(doc.page))


def centred(doc: Doc, text: str, bold: bool = False, size: float | None = None, gap: float = 0.3) -> None:
    size = size or doc.size
    doc.need(size * 1.3)
    doc.c.setFont(BOLD if bold else FONT, size)
    doc.c.drawCentredString(doc.w / 2, doc.y, text)
    doc.y -= size * 1.3 + size * gap


def title_block(doc: Doc, t: str, body: str, committee: str, when: str, time_text: str, venue: str) -> None:
    big = doc.size + 2
    if t == "ordinary_meeting":  # Australia, New Zealand
        doc.text(f"Minutes of the Ordinary Meeting of the {committee} held at {venue} on {when}, commencing at {time_text}",
                 bold=True, size=big, gap=1.2)
    elif t == "regular_meeting":  # US: centred caps
        centred(doc, body.upper(), bold=True, size=big)
        centred(doc, committee.upper(), bold=True, size=big)
        centred(doc, "REGULAR MEETING MINUTES", bold=True)
        centred(doc, when)
        centred(doc, f"{time_text} - {venue}", gap=1.2)
    else:  # inline_labels (Canada): labels and values run on in one line
        doc.text(committee, bold=True, size=big + 1, gap=0.3)
        doc.text("Minutes", bold=True, size=big, gap=0.4)
        doc.text(f"Date: {when}     Time: {time_text}", gap=0.2)
        doc.text(f"Location: {venue}", gap=1.2)


def officer_entries(style: str, officers: list[str], roles: list[str]) -> list[str]:
    if style == "role_first":  # US: "City Clerk Jane Smith"
        return [f"{r.replace(', ', ' of ')} {o}" for o, r in zip(officers, roles)]
    return [f"{o} ({r})" for o, r in zip(officers, roles)]  # bracket_and, two_column (drawn in columns)


def draw_label(doc: Doc, layout: str, label: str) -> float:
    """A label alone on its line in a round-2 layout; returns the x of the names under it."""
    if layout == "underlined_heading":
        doc.text(label, underline=True, gap=0.2)
    else:  # heading_colon
        doc.text(label + ":", gap=0.2)
    return MARGIN


def bold_inline(doc: Doc, label: str, joined: str) -> None:
    """"Present:" in bold with the names running on after it, wrapped under the names (a hanging indent)."""
    head = label + ":"
    x = MARGIN + doc.c.stringWidth(head, BOLD, doc.size) + 6
    doc.need(doc.size * 1.3)
    doc.c.setFont(BOLD, doc.size)
    doc.c.drawString(MARGIN, doc.y, head)
    doc.text(joined, x=x)


def three_columns(doc: Doc, entries: list[str], x0: float) -> None:
    third = (len(entries) + 2) // 3
    cols = [entries[:third], entries[third:2 * third], entries[2 * third:]]
    xs = [x0]
    for col in cols[:-1]:
        xs.append(xs[-1] + max([doc.c.stringWidth(e, FONT, doc.size) for e in col] + [60]) + 25)
    for k in range(third):
        doc.cells([(xs[i], col[k]) for i, col in enumerate(cols) if k < len(col)])
    doc.y -= doc.size * 0.6


def officer_rows(doc: Doc, officers: list[str], roles: list[str], x: float) -> None:
    """Officers one a line, the role in a second column."""
    for o, r in zip(officers, roles):
        doc.cells([(x, o), (x + 170, r)])
    doc.y -= doc.size * 0.6


def labelled(doc: Doc, d: dict[str, Any], label: str, labels: dict[str, str], entries: list[str], joined: str,
             columns: bool, officers: list[str], roles: list[str]) -> bool:
    """One label's attendance lines in a round-2 label layout; False (nothing drawn) for the earlier layouts."""
    layout, style_a = d["label_layout"], d["attendance"]
    if layout not in ("bold_inline", "heading_colon", "underlined_heading"):
        return False
    if style_a == "and_list" or (label == labels["officers"] and d["officer_style"] == "bracket_and"):
        joined = D.and_list(entries)
    three = columns and style_a == "three_columns"
    if layout == "bold_inline" and (three or (label == labels["officers"] and d["officer_style"] == "two_column")):
        doc.text(label + ":", bold=True, gap=0.2)
        x = MARGIN + 20
    elif layout == "bold_inline":
        bold_inline(doc, label, joined)
        return True
    else:
        x = draw_label(doc, layout, label)
    if label == labels["officers"] and d["officer_style"] == "two_column":
        officer_rows(doc, officers, roles, x)
    elif three:
        three_columns(doc, entries, x)
    else:
        doc.text(joined, x=x)
    return True


def decision(doc: Doc, d: dict[str, Any], x: float, texts: list[str], parts: str, markers: dict[str, Any]) -> list[dict[str, Any]]:
    p = d["decision"]
    a, b = doc.movers
    multi = len(texts) > 1 and parts != "single"
    if p == "Moved by/Seconded by/THAT":  # Canada: "THAT ...; AND THAT ..." clauses, then CARRIED
        doc.text(f"Moved by: {a}", x=x, gap=0.1)
        doc.text(f"Seconded by: {b}", x=x, gap=0.3)
        out = []
        for k, body in enumerate(texts if multi else texts[:1]):
            last = k == len(texts) - 1 or not multi
            text = f"{'THAT' if k == 0 else 'AND THAT'} {body}{'.' if last else '; and'}"
            doc.text(text, x=x, gap=0.3)
            out.append({"letter": None, "text": text, "kind": "resolved"})
        doc.text("CARRIED", x=x, bold=True)
        return out
    lead = {"RESOLVED alone": "That", "On the proposal of A, seconded by B, it was agreed that":
            f"On the proposal of {a}, seconded by {b}, it was agreed that",
            "A motion was made by A and seconded by B that": f"A motion was made by {a} and seconded by {b} that",
            "It was agreed that": "It was agreed that"}[p]
    if p == "RESOLVED alone":
        doc.text("RESOLVED", x=x, bold=True, gap=0.3)
    out: list[dict[str, Any]] = []
    if not multi:
        text = f"{lead} {texts[0]}."
        doc.text(text, x=x, gap=0.3)
        out.append({"letter": None, "text": text, "kind": "resolved"})
    else:
        if p != "RESOLVED alone":
            doc.text(f"{lead}:", x=x, gap=0.3)
        fmt, letters = markers[parts]
        for k, body in enumerate(texts):
            end = "." if k == len(texts) - 1 else ";"
            text = f"{'that ' if p == 'RESOLVED alone' else ''}{body}{end}"
            doc.text(f"{fmt.format(letters[k])} {text}", x=x + 20, gap=0.3)
            out.append({"letter": None if parts == "bullets" else str(letters[k]), "text": text, "kind": "resolved"})
    if p == "A motion was made by A and seconded by B that":
        doc.text("The motion carried.", x=x)
    else:
        doc.y -= doc.size * 0.3
    return out


def action(doc: Doc, style: str, x: float, width: float, rng: random.Random, task: str, who: str) -> dict[str, Any]:
    if style == "action_by":  # "Action by: JS" set right, on its own line under the paragraph
        sentence = f"It was agreed that the {rng.choice(T.ROLES)} would {task}."
        doc.text(sentence, x=x, width=width, gap=0.1)
        doc.need(doc.size * 1.3)
        doc.c.setFont(BOLD, doc.size)
        doc.c.drawRightString(x + width, doc.y, f"Action by: {D.initials(who)}")
        doc.y -= doc.size * 1.9
        return {"text": sentence, "owner": D.initials(who), "due": None}
    if style == "margin_name":  # the owner's full name in a right "Action by" column
        text = f"The {rng.choice(T.ROLES)} undertook to {task}" + ("." if "meeting" in task else " before the next meeting.")

        def owner(y: float) -> None:
            doc.c.setFont(FONT, doc.size)
            doc.c.drawRightString(doc.w - MARGIN, y, who)
        doc.text(text, x=x, width=width, after_first=owner)
        return {"text": text, "owner": who, "due": None}
    # responsible: "Responsible Officer: Name" under the paragraph (Australia, New Zealand)
    sentence = f"Officers were asked to {task}."
    doc.text(sentence, x=x, width=width, gap=0.1)
    doc.text(f"Responsible Officer: {who}", x=x, width=width)
    return {"text": sentence, "owner": who, "due": None}


def votes(doc: Doc, style: str, rng: random.Random, members: list[str], x: float, width: float) -> dict[str, int]:
    """Draw a vote in a round-2 style; returns its counts."""
    if style == "named_division":  # Australia, New Zealand: a division by name, "Nil" for none
        voters = rng.sample(members, len(members))
        n_for = rng.randint((len(voters) + 1) // 2, len(voters))
        n_against = rng.randint(0, len(voters) - n_for)
        n_abstain = rng.randint(0, len(voters) - n_for - n_against)
        groups = [voters[:n_for], voters[n_for:n_for + n_against], voters[n_for + n_against:n_for + n_against + n_abstain]]

        def crs(names: list[str]) -> str:
            if not names:
                return "Nil"
            return ("Crs " if len(names) > 1 else "Cr ") + D.and_list([n.split()[-1] for n in names])
        doc.text(f"For: {crs(groups[0])}", x=x, width=width, gap=0.1)
        doc.text(f"Against: {crs(groups[1])}", x=x, width=width, gap=0.1)
        if n_abstain:
            doc.text(f"Abstained: {crs(groups[2])}", x=x, width=width, gap=0.1)
        doc.y -= doc.size * 0.5
        return {"for": n_for, "against": n_against, "abstain": n_abstain}
    v = {"for": rng.randint(4, 9), "against": rng.randint(0, 3), "abstain": rng.randint(0, 2)}
    f, a, s = v["for"], v["against"], v["abstain"]
    if style == "ayes_noes":  # US roll call
        text = f"AYES: {f}, NOES: {a}, ABSENT: 0, ABSTAIN: {s}"
    else:  # dash_count: "carried 6-2"
        text = f"The motion carried {f}-{a}" + (f", with {s} abstaining." if s else ".")
    doc.text(text, x=x, width=width)
    return v


def number_of(style: str, k: int, n: int, code: str) -> tuple[str, str]:
    return {"1)": (f"{k})", str(k)), "IV.": (f"{ROMAN[k - 1]}.", ROMAN[k - 1]),
            "code/45/24": (f"{code}/{n}/24", f"{code}/{n}/24")}[style]


def subpara(style: str, k: int, text: str) -> str:
    return f"• {text}" if style == "bullets" else f"({'abcdefgh'[k - 1]}) {text}"


def heading_font(style: str) -> tuple[str, float, bool]:
    """(font, size step, underlined) of a round-2 heading style."""
    return {"bold_underlined": (BOLD, 0.0, True), "italic": (ITALIC, 0.0, False), "larger": (FONT, 2.0, False)}[style]
