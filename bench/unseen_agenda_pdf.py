"""Drawing for the unseen-agenda sweep: a front sheet, its agenda (a list or a table) and the officers'
reports after it, written with reportlab from one choice per layout dimension. Invented text only.

The samples' ``Pack`` fixes one font and one size and draws landscape tables; the sweep varies the font,
the size, hanging numbers, a right-hand page column and portrait agenda tables, so it has its own pen.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

LEFT, RIGHT, TOP, BOTTOM = 56.0, 539.0, 56.0, 60.0
FONTS = {"Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"),
         "Times": ("Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic")}
TTF = {"LiberationSans": ("liberation/LiberationSans-Regular", "liberation/LiberationSans-Bold", "liberation/LiberationSans-Italic",
                          "liberation/LiberationSans-BoldItalic"),
       "DejaVuSansCondensed": ("dejavu/DejaVuSansCondensed", "dejavu/DejaVuSansCondensed-Bold", "dejavu/DejaVuSansCondensed-Oblique",
                               "dejavu/DejaVuSansCondensed-BoldOblique"),
       "DejaVuSerif": ("dejavu/DejaVuSerif", "dejavu/DejaVuSerif-Bold", "dejavu/DejaVuSerif-Italic", "dejavu/DejaVuSerif-BoldItalic")}
TTF_DIR = Path("/usr/share/fonts/truetype")


def _register(font: str) -> None:
    """A TrueType family (held-out-2 fonts: Arial's metrics in Liberation Sans, a wide serif) under its four faces."""
    if font in FONTS:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    names = []
    for rel in TTF[font]:
        name = rel.split("/")[1]
        pdfmetrics.registerFont(TTFont(name, str(TTF_DIR / f"{rel}.ttf")))
        names.append(name)
    FONTS[font] = (names[0], names[1], names[2], names[3])
HANG = 40.0  # points from a hanging number to its title
PAGE_COL = 70.0  # width kept for a right-hand page column


@dataclass
class Pen:
    """Lines written down A4 pages; ``y`` is the distance from the top of the page to the next line."""

    path: Path
    font: str
    size: float
    c: Canvas = field(init=False)
    page: int = 1
    y: float = TOP

    italic: bool = False  # the next put/para in the italic face

    def __post_init__(self) -> None:
        _register(self.font)
        self.c = Canvas(str(self.path), pagesize=A4)

    @property
    def lh(self) -> float:
        return self.size * 1.3

    def face(self, bold: bool) -> str:
        return FONTS[self.font][(1 if bold else 0) + (2 if self.italic else 0)]

    def new_page(self) -> None:
        self._stamp()
        self.c.showPage()
        self.page += 1
        self.y = TOP

    def _stamp(self) -> None:
        self.c.setFont(self.face(False), 8)
        self.c.drawCentredString(A4[0] / 2, 28, f"Page {self.page}")

    def need(self, height: float) -> None:
        if self.y + height > A4[1] - BOTTOM:
            self.new_page()

    def put(self, text: str, x: float, bold: bool = False, size: float | None = None) -> None:
        size = size or self.size
        self.c.setFont(self.face(bold), size)
        self.c.drawString(x, A4[1] - self.y - size, text)

    def put_right(self, text: str, x1: float, bold: bool = False) -> None:
        self.c.setFont(self.face(bold), self.size)
        self.c.drawRightString(x1, A4[1] - self.y - self.size, text)

    def wrap(self, text: str, width: float, bold: bool = False, size: float | None = None) -> list[str]:
        return simpleSplit(text, self.face(bold), size or self.size, width) or [""]

    def para(self, text: str, x: float = LEFT, bold: bool = False, size: float | None = None, gap: float = 0.0,
             x1: float = RIGHT) -> int:
        """A wrapped paragraph; returns the page of its first line."""
        size = size or self.size
        first = 0
        for ln in self.wrap(text, x1 - x, bold, size):
            self.need(size * 1.3)
            first = first or self.page
            self.put(ln, x, bold, size)
            self.y += size * 1.3
        self.y += gap
        return first

    def width(self, text: str, bold: bool = False) -> float:
        return self.c.stringWidth(text, self.face(bold), self.size)

    def hline(self, x0: float, x1: float, top: float) -> None:
        self.c.setLineWidth(0.6)
        self.c.line(x0, A4[1] - top, x1, A4[1] - top)

    def vline(self, x: float, top: float, bottom: float) -> None:
        self.c.setLineWidth(0.6)
        self.c.line(x, A4[1] - top, x, A4[1] - bottom)

    def underline(self, x0: float, x1: float) -> None:
        """A rule under the line just written (``y`` already moved past it)."""
        self.c.setLineWidth(0.5)
        base = A4[1] - self.y + self.lh - self.size - 1.5
        self.c.line(x0, base, x1, base)

    def fill(self, x0: float, top: float, x1: float, bottom: float, grey: float = 0.85) -> None:
        self.c.setFillGray(grey)
        self.c.rect(x0, A4[1] - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
        self.c.setFillGray(0)

    def save(self) -> None:
        self._stamp()
        self.c.save()


# ---------------------------------------------------------------- invented content

PLACES = ["Westhaven", "Brackenfield", "Lowmoor", "Ashcombe", "Eastbury", "Kilnsey Vale", "Harrowfield", "Marlow End"]
BODY_KINDS = ["District Council", "Borough Council", "County Council", "City Council"]
VENUES = ["Council Chamber, Civic Offices, Market Street", "Committee Room 2, Town Hall", "The Village Hall, Church Lane",
          "Meeting Room 1, Riverside House", "The Guildhall, High Street"]
PEOPLE = ["Priya Nandakumar", "Tom Ashworth", "Helen Okafor", "Gareth Pryce", "Mei Lin Howard", "Sam Oduya", "Ruth Delacourt",
          "Iain McAllister", "Joanna Kerslake", "Dev Raman", "Alison Threlfall", "Kwame Mensah"]
POSTS = ["Chief Finance Officer", "Head of Internal Audit", "Director of Place", "Head of Planning", "Monitoring Officer",
         "Assistant Director, Housing", "Clerk to the Council", "Head of Environmental Services"]
STANDING_OPEN = [
    ["Apologies for absence", "Apologies", "Apologies for Absence and Substitutions", "Apologies and substitutions"],
    ["Declarations of interest", "Declarations of Members' Interests", "Disclosures of interest", "Declarations of Interest"],
    ["Minutes of the previous meeting", "Minutes", "Confirmation of minutes", "Minutes of the last meeting"],
    ["Public questions", "Public participation", "Questions from members of the public", "Petitions and deputations"],
]
STANDING_CLOSE = [["Any other business", "Urgent business", "Items of urgent business"],
                  ["Date of next meeting", "Dates of future meetings", "Date of the next meeting"]]
STANDING_DESC = ["To receive apologies for absence.", "To receive any declarations of interest from members.",
                 "To approve the minutes of the meeting held on {prev} as a correct record.",
                 "To receive questions submitted by members of the public in accordance with the procedure rules."]
TOPICS = ["Internal Audit Progress Report", "Treasury Management Mid-Year Review", "Corporate Risk Register",
          "Annual Governance Statement", "Statement of Accounts 2024/25", "Housing Revenue Account Business Plan",
          "Climate Emergency Action Plan Update", "Leisure Centre Refurbishment", "Car Parking Charges Review",
          "Community Grants Scheme", "Street Lighting Replacement Programme", "Allotment Rents and Tenancies",
          "Play Area Inspection Report", "Budget Monitoring Quarter 3", "Fees and Charges 2025/26",
          "Medium Term Financial Strategy", "Local Plan Review: Preferred Options", "Waste Collection Contract Extension",
          "Council Tax Support Scheme", "External Audit Plan", "Whistleblowing Policy Review", "Work Programme",
          "Anti-Fraud and Corruption Strategy", "Village Hall Lease Renewal", "Highways Maintenance Update",
          "Cemetery Extension Feasibility Study", "Safeguarding Annual Report", "Town Centre Regeneration Masterplan",
          "Tree Preservation Order Objections", "Members' Allowances Scheme", "Public Toilets Provision",
          "Flood Resilience Grant Applications"]
LONG_TAILS = [" and Proposed Changes to the Scheme of Delegation for the Coming Municipal Year",
              ": Outcome of the Public Consultation and Recommended Next Steps for Delivery",
              " Including the Revised Capital Programme and Reserves Position at Quarter Two",
              " - Response to the Findings of the Independent Review Commissioned by the Council"]
DESCS = ["To consider the report of the {post}.", "To receive an update on progress since the last meeting.",
         "Report of the {post}.", "Lead officer: {person}, {post}.",
         "To note the position at the end of the quarter and to agree any further action that members consider necessary.",
         "The committee is invited to comment on the draft before it is submitted for approval.",
         "To consider the options set out in the report and agree a preferred approach."]
SUB_TOPICS = ["24/01234/FUL - Land East of Mill Lane", "24/00871/OUT - Former Depot, Station Road",
              "24/01502/HOU - 12 Orchard Close", "24/00410/LBC - The Old Rectory, Church Street"]
RECS = ["approve the revised {t} as set out in Appendix A", "note the progress made since the last report",
        "agree the proposed fees and charges with effect from 1 April", "delegate authority to the {post} to finalise the terms",
        "endorse the draft strategy for public consultation", "note the risks set out in section 4 and the actions to manage them",
        "recommend the budget to full Council for approval", "agree to receive a further report in six months",
        "approve the release of funding from the earmarked reserve", "agree the revised timetable for delivery"]
REASONS = ["To ensure the council meets its statutory duties.", "To keep members informed of progress.",
           "So that the scheme can start on time.", "To allow the work to proceed without delay."]
NEXT_SECTIONS = ["Background", "Reasons for the recommendations", "Financial implications", "Report detail", "Summary",
                 "Main considerations", "Key issues", "Options considered"]
NOTICES = ["Public access: members of the public are welcome to attend this meeting. Seating is limited and is available "
           "on a first come, first served basis.",
           "Recording of meetings: this meeting may be filmed, recorded or broadcast live on the council's website. By entering "
           "the meeting room you are consenting to being filmed.",
           "If you need this information in another format or language please contact Democratic Services."]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def clock12(hour: int, minute: int, sep: str, upper: bool, space: bool) -> str:
    h = hour % 12 or 12
    ap = "pm" if hour >= 12 else "am"
    return f"{h}{sep}{minute:02d}{' ' if space else ''}{ap.upper() if upper else ap}"


def date_parts(style: str, d: date, hour: int, minute: int) -> tuple[str, str, str]:
    """(date as printed, time as printed, joiner) for one of DATE_STYLES."""
    day, month = d.strftime("%A"), d.strftime("%B")
    return {
        "long_at": (f"{day}, {d.day} {month} {d.year}", clock12(hour, minute, ".", False, True), " at "),
        "numeric": (d.strftime("%d/%m/%Y"), f"{hour:02d}:{minute:02d}", " "),
        "ordinal": (f"{day} {ordinal(d.day)} {month} {d.year}", clock12(hour, minute, ".", False, False), " at "),
        "plain_24h": (f"{d.day} {month} {d.year}", f"{hour:02d}:{minute:02d}", ", "),
        "american": (f"{day}, {month} {d.day}, {d.year}", clock12(hour, minute, ":", True, True), " - "),
        "short_month": (f"{d.strftime('%a')} {d.day} {d.strftime('%b')} {d.year}", clock12(hour, minute, ":", False, False), " at "),
        "dotted": (d.strftime("%d.%m.%Y"), f"{hour:02d}.{minute:02d}", " at "),
        "weekday_24h": (f"{day} {d.day} {month} {d.year}", f"{hour:02d}:{minute:02d}", " "),
        "iso_pm": (d.isoformat(), clock12(hour, minute, ":", False, True).replace("pm", "p.m.").replace("am", "a.m."), " at "),
        "us_no_weekday": (f"{month} {d.day}, {d.year}", clock12(hour, minute, ":", False, True).replace("pm", "p.m.").replace("am", "a.m."), ", "),
        "hour_only": (f"{day} {d.day} {month} {d.year}", clock12(hour, minute, ".", False, False).replace(".00", ""), " at "),
        "ordinal_pm": (f"{ordinal(d.day)} {month} {d.year}", clock12(hour, minute, ".", False, True).replace("pm", "p.m.").replace("am", "a.m."), " at "),
        "padded_ampm": (f"{day} {d.day:02d} {month} {d.year}", f"{hour % 12 or 12:02d}:{minute:02d} {'PM' if hour >= 12 else 'AM'}", " at "),
    }[style]


def pick(rng: random.Random, options: list[str], **fmt: str) -> str:
    return rng.choice(options).format(**fmt)
