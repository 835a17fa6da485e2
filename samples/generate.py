"""Render the sample agenda packs of samples/scenario.py as PDFs, with their expected records.

Deterministic: the same scenario gives byte-identical PDFs (reportlab invariant mode, standard
fonts). Run: python samples/generate.py [OUT_DIR]   (needs the [dev] extra: reportlab)
"""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scenario as S  # noqa: E402

rl_config.invariant = 1
FONT, BOLD = "Helvetica", "Helvetica-Bold"
MARGIN = 50.0
BODY_SIZE = 10.5
CELL_SIZE = 8.0
CELL_PAD = 4.0
DEBUG = False
SPLIT_PADDING = {3: 288.0, 5: 359.0}  # space above the log so that a wrapped cell runs over the page break


def long_date(d: date) -> str:
    return f"{d.strftime('%A')} {d.day} {d.strftime('%B %Y')}"


def short(d: date) -> str:
    return d.strftime("%d/%m/%y")


def parse_due(text: str) -> str | None:
    """The scenario's own reading of a due cell (kept independent of minutetrail's parser)."""
    text = text.strip()
    if not text or text.upper() == "TBC":
        return None
    last = text.split(" revised ")[-1]
    if "/" in last:
        d, m, y = last.split("/")
        return f"20{y}-{m}-{d}"
    month, year = last.split()
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    return f"{year}-{months.index(month) + 1:02d}"


PEOPLE = {"T Elliott": "Tom Elliott", "C Ward": "Claire Ward", "Ward, Claire": "Claire Ward"}


def owner_person(owner: str, k: int) -> str | None:
    """The scenario's truth: the person an owner cell means in pack k (a post: its holder then)."""
    for m in range(k - 1, -1, -1):  # the latest minutes printed on or before pack k
        for name, post in S.OFFICERS[m]:
            if post.replace("Interim ", "") == owner:
                return name
    return PEOPLE.get(owner, owner)


def status_of(status_text: str, progress: str) -> str | None:
    words = {"COMPLETED": "completed", "IN PROGRESS": "in_progress", "OVERDUE": "overdue", "NOT STARTED": "not_started", "OPEN": "open"}
    if status_text:
        return words[status_text]
    if progress.lower().startswith(("completed", "done")):
        return "completed"
    return None


@dataclass
class Pack:
    """A PDF being written, with the page count and the expected record being built."""

    path: Path
    c: canvas.Canvas = field(init=False)
    page: int = 0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    record: dict = field(default_factory=dict)
    split_rows: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.c = canvas.Canvas(str(self.path), pagesize=A4, pageCompression=0)
        self.c.setTitle(self.path.stem)
        self.c.setAuthor(S.BODY)

    def new_page(self, land: bool = False) -> None:
        if self.page:
            self._stamp()
            self.c.showPage()
        size = landscape(A4) if land else A4
        self.c.setPageSize(size)
        self.width, self.height = size
        self.page += 1
        self.y = MARGIN

    def _stamp(self) -> None:
        self.c.setFont(FONT, 9)
        self.c.drawCentredString(self.width / 2, 25, f"Page {self.page}")

    def finish(self) -> None:
        self._stamp()
        self.c.save()

    def text(self, text: str, size: float = BODY_SIZE, bold: bool = False, indent: float = 0.0, gap: float = 4.0) -> None:
        width = self.width - 2 * MARGIN - indent
        for line in simpleSplit(text, BOLD if bold else FONT, size, width):
            if self.y + size * 1.3 > self.height - MARGIN:
                self.new_page(self.width > self.height)
            self.c.setFont(BOLD if bold else FONT, size)
            self.c.drawString(MARGIN + indent, self.height - self.y - size, line)
            self.y += size * 1.3
        self.y += gap

    def space(self, points: float) -> None:
        self.y += points


# ---------------------------------------------------------------- tables


def draw_table(pack: Pack, headers: list[str], widths: list[float], rows: list[list[str]], ruled: bool,
               repeat_header: bool, fills: list[dict[int, tuple[float, float, float]]] | None = None,
               banners: dict[int, str] | None = None, underline: bool = True) -> list[int]:
    """Draw a table that may run over pages; a row split by the break continues on the next page.

    Returns the page on which each row starts.
    """
    c = pack.c
    line_h = CELL_SIZE * 1.3
    x0 = MARGIN
    starts: list[int] = []
    split_rows: list[int] = []

    def header() -> None:
        lines = [simpleSplit(h, BOLD, CELL_SIZE, w - 2 * CELL_PAD) for h, w in zip(headers, widths)]
        h = max(len(x) for x in lines) * line_h + 2 * CELL_PAD
        top = pack.y
        if ruled:
            c.setFillColorRGB(0.85, 0.89, 0.95)
            c.rect(x0, pack.height - top - h, sum(widths), h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        x = x0
        for cell, w in zip(lines, widths):
            for i, ln in enumerate(cell):
                c.setFont(BOLD, CELL_SIZE)
                c.drawString(x + CELL_PAD, pack.height - top - CELL_PAD - (i + 1) * line_h + 2, ln)
            x += w
        if ruled:
            _grid(top, h)
        elif underline:
            c.setLineWidth(0.8)
            c.line(x0, pack.height - top - h, x0 + sum(widths), pack.height - top - h)
        pack.y = top + h

    def _grid(top: float, h: float) -> None:
        c.setLineWidth(0.5)
        c.setStrokeColorRGB(0, 0, 0)
        x = x0
        for w in widths:
            c.rect(x, pack.height - top - h, w, h, stroke=1, fill=0)
            x += w

    header()
    for ri, row in enumerate(rows):
        if banners and ri in banners:
            if pack.y + 3 * line_h > pack.height - MARGIN:
                pack.new_page(True)
                header()
            c.setFont(BOLD, CELL_SIZE + 1)
            c.drawString(x0 + CELL_PAD, pack.height - pack.y - CELL_SIZE - 4, banners[ri])
            pack.y += line_h + 8
        cells = [simpleSplit(t, FONT, CELL_SIZE, w - 2 * CELL_PAD) for t, w in zip(row, widths)]
        if DEBUG: print("row", ri, "y", round(pack.y), "lines", max(len(x) for x in cells), "limit", pack.height - MARGIN)
        remaining = cells
        first = True
        while remaining:
            room = int((pack.height - MARGIN - pack.y - 2 * CELL_PAD) // line_h)
            need = max(len(x) for x in remaining) or 1
            if room < 1:
                pack.new_page(True)
                if repeat_header:
                    header()
                continue
            take = min(room, need)
            top = pack.y
            h = take * line_h + 2 * CELL_PAD
            if first:
                starts.append(pack.page)
            if fills and fills[ri]:
                x = x0
                for ci, w in enumerate(widths):
                    if ci in fills[ri]:
                        c.setFillColorRGB(*fills[ri][ci])
                        c.rect(x, pack.height - top - h, w, h, stroke=0, fill=1)
                    x += w
                c.setFillColorRGB(0, 0, 0)
            x = x0
            for cell, w in zip(remaining, widths):
                for i, ln in enumerate(cell[:take]):
                    c.setFont(FONT, CELL_SIZE)
                    c.drawString(x + CELL_PAD, pack.height - top - CELL_PAD - (i + 1) * line_h + 2, ln)
                x += w
            if ruled:
                _grid(top, h)
            pack.y = top + h + (0 if ruled else 6)
            remaining = [cell[take:] for cell in remaining]
            if not any(remaining):
                remaining = []
            elif ri not in split_rows:
                split_rows.append(ri)
            first = False
    pack.split_rows = split_rows
    return starts


# ---------------------------------------------------------------- pack parts


def agenda(pack: Pack, k: int, items: list[tuple[str, str, str | None]]) -> None:
    meeting = S.MEETINGS[k]
    pack.new_page()
    pack.text(S.BODY, 11, gap=8)
    pack.text("Agenda", 20, bold=True)
    pack.text(S.COMMITTEE, 14, bold=True, gap=10)
    pack.text(f"Date: {long_date(meeting)}")
    pack.text(f"Time: {S.TIME_TEXT}")
    pack.text(f"Place: {S.VENUE}", gap=12)
    pack.text("Membership", 12, bold=True)
    pack.text(f"Chairperson Councillor {S.MEMBERS['chair']}", gap=1)
    pack.text(f"Vice-chairperson Councillor {S.MEMBERS['vice']}", gap=1)
    for m in S.MEMBERS["members"]:
        pack.text(f"Councillor {m}", gap=1)
    pack.space(10)
    pack.text("Agenda", 12, bold=True, gap=8)
    expected = []
    for num, title, desc in items:
        pack.text(f"{num}. {title}", bold=True, gap=2)
        if desc:
            pack.text(desc, indent=18, gap=8)
        expected.append({"number": num, "title": title.split(" (Pages")[0], "description": desc,
                         "page_ref": title.split("(Pages ")[1].rstrip(")") if "(Pages" in title else None, "page": pack.page})
    pack.record["agenda_items"] = expected
    pack.record["documents"].append({"kind": "agenda", "title": None, "page_start": 1, "page_end": pack.page})


def names_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def minutes(pack: Pack, k: int) -> None:
    m = k - 1
    meeting = S.MEETINGS[m]
    pack.new_page()
    start = pack.page
    heading = (f"Minutes of the meeting of {S.COMMITTEE} held at {S.VENUE} on {long_date(meeting)} at {S.TIME_TEXT}")
    pack.text(heading, 12, bold=True, gap=10)
    absent = set(S.APOLOGIES[m])
    members = [x for x in S.MEMBERS["members"] if x not in absent]
    present = [S.MEMBERS["chair"], S.MEMBERS["vice"]] + members + S.SUBSTITUTES[m]
    pack.text(f"Present: Councillor {S.MEMBERS['chair']} (Chairperson)", gap=1)
    pack.text(f"Councillor {S.MEMBERS['vice']} (Vice-chairperson)", indent=50, gap=1)
    pack.text(f"Councillors: {names_list(members + S.SUBSTITUTES[m])}", indent=50, gap=6)
    pack.text(f"In attendance: Councillor {S.IN_ATTENDANCE[0]} (Cabinet Member for Housing)", gap=6)
    pack.text("Officers: " + ", ".join(f"{name} ({post})" for name, post in S.OFFICERS[m]), gap=12)
    number = S.FIRST_MINUTE_NUMBER + 6 * m
    items = []

    def item(title: str, body: list[str], resolutions: list[dict], actions: list[dict]) -> None:
        nonlocal number
        pack.text(f"{number}. {title}", bold=True, gap=4)
        items.append({"number": str(number), "title": title, "page": pack.page, "resolutions": resolutions,
                      "actions": actions, "votes": None})
        for para in body:
            pack.text(para, gap=6)
        number += 1

    apologies = S.APOLOGIES[m]
    item("APOLOGIES FOR ABSENCE",
         [f"Apologies were received from Councillor {names_list(apologies)}." if apologies else "There were no apologies."], [], [])
    subs = S.SUBSTITUTES[m]
    item("NAMED SUBSTITUTES",
         [f"Councillor {s} substituted for Councillor {a}." for s, a in zip(subs, apologies)] or ["There were no substitutes."], [], [])
    item("DECLARATIONS OF INTEREST", ["There were no declarations of interest."], [], [])
    prev = S.MEETINGS[m - 1] if m else date(2024, 11, 12)
    text = f"That the minutes of the meeting held on {long_date(prev)} be approved as a correct record and signed by the Chairperson."
    number_minutes = number
    pack.text(f"{number}. MINUTES", bold=True, gap=4)
    pack.text(f"RESOLVED: {text}", gap=6)
    items.append({"number": str(number_minutes), "title": "MINUTES", "page": pack.page,
                  "resolutions": [{"letter": None, "text": text, "kind": "resolved"}], "actions": [], "votes": None})
    number += 1
    title, intro, recs = S.TOPICS[m]
    pack.text(f"{number}. {title}", bold=True, gap=4)
    topic_item = {"number": str(number), "title": title, "page": pack.page, "resolutions": [], "actions": [], "votes": None}
    items.append(topic_item)
    number += 1
    pack.text(intro, gap=6)
    pack.text("Having considered the report, the committee recommended that:", gap=4)
    for letter, rec in recs:
        pack.text(f"{letter}) {rec}", indent=18, gap=3)
        topic_item["resolutions"].append({"letter": letter, "text": rec, "kind": "recommendation"})
    pack.space(4)
    raised = [a for a in S.ACTIONS if a["raised"] == m]
    if raised:
        pack.text("ACTIONS:", bold=True, gap=3)
        for a in raised:
            pack.text(f"• {a['minutes_text']}", indent=18, gap=3)
            topic_item["actions"].append({"text": a["minutes_text"].rstrip(), "owner": a["minutes_owner"], "due": a.get("minutes_due")})
        pack.space(6)
    pack.text(f"{number}. DATE OF NEXT MEETING", bold=True, gap=4)
    pack.text(f"The next meeting will be held on {long_date(S.MEETINGS[m + 1])}.", gap=6)
    items.append({"number": str(number), "title": "DATE OF NEXT MEETING", "page": pack.page, "resolutions": [], "actions": [], "votes": None})
    pack.text("The meeting ended at 8.05 pm", gap=6)
    pack.text("Chairperson", bold=True)
    pack.record["minutes"].append({
        "committee": S.COMMITTEE, "meeting_date": meeting.isoformat(), "page_start": start,
        "time": S.TIME, "venue": S.VENUE,
        "attendance": {"present": present, "apologies": apologies, "substitutes": subs,
                       "in_attendance": S.IN_ATTENDANCE, "officers": [name for name, _post in S.OFFICERS[m]],
                       "chair": S.MEMBERS["chair"], "vice_chair": S.MEMBERS["vice"]},
        "items": items,
    })
    pack.record["documents"].append({"kind": "minutes", "title": heading, "page_start": start, "page_end": pack.page})


def action_log(pack: Pack, k: int) -> None:
    style, headers, repeat = S.LOG_STYLE[k]
    rows, expected = [], []
    number = 0
    for a in S.ACTIONS:
        if k not in a["states"]:
            continue
        number += 1
        text, owner, progress, due_text, status_text = a["states"][k]
        raised = S.MEETINGS[a["raised"]]
        rows.append([str(number), short(raised), text, owner, progress, due_text, status_text])
        expected.append({
            "table": "action_log", "number": str(number), "meeting_date": raised.isoformat(), "text": text,
            "owner": owner, "owner_person": owner_person(owner, k), "directorate": None, "progress": progress or None, "due": parse_due(due_text),
            "due_text": due_text or None, "status": status_of(status_text, progress), "status_text": status_text or None,
            "rag": None, "page": None, "bbox": None, "thread": a["id"],
        })
    pack.new_page(land=True)
    start = pack.page
    pack.text(f"{S.COMMITTEE} - action log", 12, bold=True, gap=8)
    if k in SPLIT_PADDING:  # push a long row across the page break
        pack.space(SPLIT_PADDING[k])
    widths = [50, 55, 205, 110, 170, 80, 72]
    pages = draw_table(pack, headers, widths, rows, ruled=(style == "ruled"), repeat_header=repeat)
    if k in SPLIT_PADDING and not pack.split_rows:
        raise SystemExit(f"pack {k}: no row was split by the page break; adjust SPLIT_PADDING")
    for row, page in zip(expected, pages):
        row["page"] = page
    pack.record["actions"].extend(expected)
    pack.record["documents"].append({"kind": "action_log", "title": None, "page_start": start, "page_end": pack.page})


def improvement_plan(pack: Pack, k: int) -> None:
    pack.new_page(land=True)
    start = pack.page
    title = "Fernbrook Housing Improvement Plan"
    pack.text(title, 14, bold=True, gap=8)
    rows, fills, banners, expected = [], [], {}, []
    for banner, actions in S.PLAN:
        banners[len(rows)] = banner
        for num, text, lead, deadline, states in actions:
            progress, rag = states[k]
            rows.append([f"{num} {text}", lead, deadline, progress, ""])
            fills.append({4: S.RAG_FILL[rag]})
            expected.append({
                "table": "action_plan", "number": num, "meeting_date": None, "text": text, "owner": lead,
                "owner_person": owner_person(lead, k),
                "directorate": None, "progress": progress, "due": parse_due(deadline), "due_text": deadline,
                "status": S.RAG_STATUS[rag], "status_text": None, "rag": rag, "page": None, "bbox": None,
                "thread": f"P{num}", "area": banner,
            })
    pages = draw_table(pack, ["Action", "Lead", "Deadline", "Progress", "RAG"], [300, 150, 80, 160, 50], rows,
                       ruled=True, repeat_header=True, fills=fills, banners=banners)
    for row, page in zip(expected, pages):
        row["page"] = page
    pack.space(12)
    pack.text("Key: Red - off track; Amber - at risk; Green - on track; Blue - complete", 8)
    pack.record["actions"].extend(expected)
    pack.record["documents"].append({"kind": "action_plan", "title": title, "page_start": start, "page_end": pack.page})


def recommendation_tracker(pack: Pack, k: int) -> None:
    pack.new_page(land=True)
    start = pack.page
    pack.text(f"{S.COMMITTEE} - recommendation tracker", 12, bold=True, gap=8)
    rows, expected = [], []
    for ref, text, made, response, lead, status, thread in S.TRACKER[k]:
        rows.append([ref, text, short(S.MEETINGS[made]), response, lead, status])
        expected.append({
            "table": "recommendation_tracker", "number": ref, "meeting_date": S.MEETINGS[made].isoformat(), "text": text,
            "owner": lead, "owner_person": owner_person(lead, k), "directorate": None, "progress": response, "due": None,
            "due_text": None, "status": status_of(status, response), "status_text": status, "rag": None, "page": None,
            "bbox": None, "thread": thread,
        })
    pages = draw_table(pack, ["Ref", "Recommendation", "Date made", "Response", "Lead", "Status"],
                       [45, 260, 65, 190, 130, 72], rows, ruled=True, repeat_header=True)
    for row, page in zip(expected, pages):
        row["page"] = page
    pack.record["actions"].extend(expected)
    pack.record["documents"].append({"kind": "recommendation_tracker", "title": None, "page_start": start, "page_end": pack.page})


def report(pack: Pack, k: int) -> None:
    title, author, recs = S.REPORTS[k]
    pack.new_page()
    start = pack.page
    pack.text(f"Title of report: {title}", 14, bold=True, gap=8)
    pack.text(f"Meeting: {S.COMMITTEE}", gap=2)
    pack.text(f"Meeting date: {long_date(S.MEETINGS[k])}", gap=2)
    pack.text(f"Report by: {author}", gap=12)
    pack.text("Purpose", 12, bold=True)
    pack.text(f"To inform the committee about {title[0].lower() + title[1:]} and to invite its comments.", gap=12)
    pack.text("Recommendation(s)", 12, bold=True)
    pack.text("That the committee:", gap=4)
    letters = "abcdefgh"
    for i, rec in enumerate(recs):
        pack.text(f"{letters[i]}) {rec}", indent=18, gap=3)
        pack.record["recommendations"].append({"letter": letters[i], "text": rec, "report_title": title, "page": pack.page})
    pack.space(10)
    pack.text("Alternative options", 12, bold=True)
    pack.text("The committee may choose not to make any recommendations.", gap=12)
    pack.text("Key considerations", 12, bold=True)
    pack.text("The report sets out the position at the end of the last quarter and the risks the service is managing. "
              "Figures are drawn from the housing management system and have been checked by the performance team.")
    pack.record["documents"].append({"kind": "report", "title": title, "page_start": start, "page_end": pack.page})


def build_pack(k: int, out: Path) -> dict:
    meeting = S.MEETINGS[k]
    stem = f"{meeting.isoformat()}-housing-scrutiny-pack"
    pack = Pack(out / f"{stem}.pdf")
    pack.record = {"documents": [], "agenda_items": [], "minutes": [], "recommendations": [], "actions": [], "warnings": []}
    report_title = S.REPORTS[k][0].upper()
    items = [
        ("1", "APOLOGIES FOR ABSENCE", "To receive apologies for absence."),
        ("2", "NAMED SUBSTITUTES", "To receive details of members nominated to attend in place of a member of the committee."),
        ("3", "DECLARATIONS OF INTEREST", "To receive declarations of interest from members of the committee."),
        ("4", "MINUTES AND ACTION LOG (Pages 2 - 4)", f"To approve the minutes of the meeting held on {long_date(S.MEETINGS[k - 1])} and review the action log."),
        ("5", report_title, "To consider the report."),
    ]
    if k in S.QUARTERLY_ITEM:
        items.append(("6", S.QUARTERLY_ITEM[k], "To receive a verbal update on repairs performance."))
    items.append((str(len(items) + 1), "DATE OF NEXT MEETING", None))
    agenda(pack, k, items)
    minutes(pack, k)
    action_log(pack, k)
    if k in S.TRACKER:
        recommendation_tracker(pack, k)
    if k in (4, 6):
        improvement_plan(pack, k)
    report(pack, k)
    pack.finish()
    data = pack.path.read_bytes()
    record = {
        "source": {"file": pack.path.name, "sha256": hashlib.sha256(data).hexdigest(), "pages": pack.page},
        "documents": pack.record["documents"],
        "meeting": {"body": S.BODY, "committee": S.COMMITTEE, "date": meeting.isoformat(), "time": S.TIME, "venue": S.VENUE,
                    "membership": {"chair": S.MEMBERS["chair"], "vice_chair": S.MEMBERS["vice"],
                                   "members": [S.MEMBERS["chair"], S.MEMBERS["vice"], *S.MEMBERS["members"]], "co_optees": []}},
        "agenda_items": pack.record["agenda_items"],
        "minutes": pack.record["minutes"],
        "recommendations": pack.record["recommendations"],
        "actions": pack.record["actions"],
        "warnings": [],
    }
    return record


def expected_overdue(as_of: date) -> list[dict]:
    """The scenario's truth: threads whose latest printing on or before as_of is past due and open."""
    out = []
    for a in S.ACTIONS:
        seen = [p for p in a["states"] if S.MEETINGS[p] <= as_of]
        if not seen:
            continue
        text, owner, progress, due_text, status_text = a["states"][max(seen)]
        due = parse_due(due_text)
        status = status_of(status_text, progress)
        if due is None or status in ("completed", "cancelled"):
            continue
        if len(due) == 7:
            y, m = map(int, due.split("-"))
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            day = date.fromordinal(nxt.toordinal() - 1)
        else:
            day = date.fromisoformat(due)
        if day < as_of:
            out.append({"thread": a["id"], "due": day.isoformat(), "days_overdue": (as_of - day).days,
                        "meetings_carried": len(seen)})
    for _banner, actions in S.PLAN:
        for num, _text, _lead, deadline, states in actions:
            seen = [p for p in states if S.MEETINGS[p] <= as_of]
            if not seen or S.RAG_STATUS[states[max(seen)][1]] == "completed":
                continue
            due = parse_due(deadline)
            y, m = map(int, due.split("-"))
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            day = date.fromordinal(nxt.toordinal() - 1)
            if day < as_of:
                out.append({"thread": f"P{num}", "due": day.isoformat(), "days_overdue": (as_of - day).days,
                            "meetings_carried": len(seen)})
    return sorted(out, key=lambda r: r["thread"])


def main(out_dir: str | None = None) -> None:
    out = Path(out_dir) if out_dir else Path(__file__).resolve().parent
    expected_dir = out / "gold"
    expected_dir.mkdir(parents=True, exist_ok=True)
    for k in range(1, len(S.MEETINGS)):
        record = build_pack(k, out)
        stem = Path(record["source"]["file"]).stem
        (expected_dir / f"{stem}.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", "utf-8")
    overdue = {S.MEETINGS[k].isoformat(): expected_overdue(S.MEETINGS[k]) for k in range(1, len(S.MEETINGS))}
    overdue["2025-08-01"] = expected_overdue(date(2025, 8, 1))
    (out / "expected-overdue.json").write_text(json.dumps(overdue, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
