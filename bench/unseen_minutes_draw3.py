"""Drawing for the fourth split of bench/unseen_minutes.py (``held-out-3``): layout values added in round 3, before any
parser change of that round, each a practice of Scottish, UK, Irish, Australian, New Zealand or US minutes that is in
none of the earlier splits. The earlier splits never call in here, so they still draw the same files."""
from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from reportlab.lib.utils import simpleSplit

import unseen_minutes_text as T

if TYPE_CHECKING:
    from unseen_minutes_draw import Doc

FONT, BOLD = "Helvetica", "Helvetica-Bold"
MARGIN = 60.0  # as unseen_minutes_draw
RUNNING = ("unconfirmed",)
TITLES = ("minute_of_meeting",)
DECISIONS_3 = ("COMMITTEE RESOLUTION/Moved/CARRIED",)
MARKERS_3 = {"roman_dot": ("{}.", ["i", "ii", "iii", "iv", "v"])}
VOTES_3 = ("in_favour_prose",)
LETTERS = "ABCDEFGHIJKLMNOP"


def furniture(doc: Doc) -> None:
    """"UNCONFIRMED" set right in the header, the page number right in the footer (AU, NZ: minutes before confirmation)."""
    doc.c.setFont(BOLD, 8)
    doc.c.drawRightString(doc.w - MARGIN, doc.h - 34, "UNCONFIRMED")
    doc.c.setFont(FONT, 8)
    doc.c.drawRightString(doc.w - MARGIN, 28, str(doc.page))


def title_block(doc: Doc, body: str, committee: str, when: str, time_text: str, venue: str) -> None:
    """Scotland: "MINUTE of MEETING of the X held in V on D at T." (the singular "Minute")."""
    doc.text(f"MINUTE of MEETING of the {committee.upper()} held in {venue} on {when} at {time_text}.", bold=True,
             size=doc.size + 1, gap=1.2)


def officer_entries(style: str, officers: list[str], roles: list[str]) -> list[str]:
    """UK: "Jane Smith (JS) - Head of Legal", the initials the action notes use given with the name."""
    if style != "initials_dash":
        return []
    return [f"{o} ({''.join(p[0] for p in o.split())}) - {r}" for o, r in zip(officers, roles)]


def labelled(doc: Doc, d: dict[str, Any], label: str, entries: list[str], joined: str, per_line: bool) -> bool:
    """"Label:" in bold in a left column with the names beside it, wrapped in their column; False for other layouts."""
    if d["label_layout"] != "bold_column_colon":
        return False
    x_names = MARGIN + 130
    rows = [f"• {e}" for e in entries] if per_line else simpleSplit(joined, FONT, doc.size, doc.w - MARGIN - x_names)
    for n, row in enumerate(rows):
        doc.need(doc.size * 1.3)
        if n == 0:
            doc.c.setFont(BOLD, doc.size)
            doc.c.drawString(MARGIN, doc.y, label + ":")
        doc.c.setFont(FONT, doc.size)
        doc.c.drawString(x_names, doc.y, row)
        doc.y -= doc.size * 1.3
    doc.y -= doc.size * 0.6
    return True


def number_of(k: int) -> tuple[str, str]:
    """US: items lettered "A.", "B." ..."""
    return f"{LETTERS[k - 1]}.", LETTERS[k - 1]


def subpara(k: int, text: str) -> str:
    return f"({['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'][k - 1]}) {text}"


def decision(doc: Doc, d: dict[str, Any], x: float, texts: list[str], parts: str, markers: dict[str, Any]) -> list[dict[str, Any]]:
    """Queensland: a bold "COMMITTEE RESOLUTION" over "Moved Cr A, seconded Cr B", the motion "That ...", and "CARRIED"."""
    a, b = doc.movers
    doc.text("COMMITTEE RESOLUTION", x=x, bold=True, gap=0.2)
    doc.text(f"Moved {a}, seconded {b}", x=x, gap=0.3)
    out: list[dict[str, Any]] = []
    if len(texts) == 1 or parts == "single":
        text = f"That {texts[0]}."
        doc.text(text, x=x, gap=0.3)
        out.append({"letter": None, "text": text, "kind": "resolved"})
    else:
        doc.text("That:", x=x, gap=0.3)
        fmt, letters = markers[parts]
        for k, body in enumerate(texts):
            end = "." if k == len(texts) - 1 else ";"
            doc.text(f"{fmt.format(letters[k])} {body}{end}", x=x + 20, gap=0.3)
            out.append({"letter": None if parts == "bullets" else str(letters[k]), "text": f"{body}{end}", "kind": "resolved"})
    doc.text("CARRIED", x=x, bold=True)
    return out


def action(doc: Doc, x: float, width: float, rng: random.Random, task: str, who: str) -> dict[str, Any]:
    """AU, NZ: "Action Officer: Name" under the paragraph."""
    sentence = f"The {rng.choice(T.ROLES)} will {task}."
    doc.text(sentence, x=x, width=width, gap=0.1)
    doc.text(f"Action Officer: {who}", x=x, width=width)
    return {"text": sentence, "owner": who, "due": None}


def votes_text(v: dict[str, int]) -> str:
    """UK, Ireland: the count in prose, "The vote was 6 in favour and 2 against, with 1 abstention."."""
    f, a, s = v["for"], v["against"], v["abstain"]
    tail = f", with {s} abstention{'s' if s != 1 else ''}." if s else "."
    return f"The vote was {f} in favour and {a} against{tail}"

