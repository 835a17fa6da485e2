"""A one-page council paper written line by line with reportlab, for tests of layout classes:
headings numbered and set in the styles councils use, rows of cells, gaps. Invented text only."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

LEFT = 60.0
TITLE_GAP = 50.0  # points from the number to a title set in a second column
HEADING_STYLES = ("bold", "plain", "underlined", "two-columns")


class Sheet:
    """Lines written down one A4 page from the top; each call moves the pen down."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.canvas = Canvas(str(path), pagesize=A4)
        self.y = A4[1] - 60

    def line(self, text: str, size: float = 11, bold: bool = False, x: float = LEFT, step: float = 16) -> Sheet:
        """One line of text ("" leaves the line blank)."""
        if text:
            self.canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
            self.canvas.drawString(x, self.y, text)
        self.y -= step
        return self

    def cells(self, *cells: str, width: float = 170, bold: bool = False, step: float = 15) -> Sheet:
        """One row of cells, ``width`` points apart (an empty cell is left blank)."""
        for k, cell in enumerate(cells):
            if cell:
                self.canvas.setFont("Helvetica-Bold" if bold else "Helvetica", 11)
                self.canvas.drawString(LEFT + width * k, self.y, cell)
        self.y -= step
        return self

    def heading(self, number: str, title: str, style: str, step: float = 16) -> Sheet:
        """A numbered heading set in one of HEADING_STYLES."""
        font = "Helvetica-Bold" if style == "bold" else "Helvetica"
        self.canvas.setFont(font, 11)
        if style == "two-columns":
            self.canvas.drawString(LEFT, self.y, number)
            self.canvas.drawString(LEFT + TITLE_GAP, self.y, title)
        else:
            text = f"{number} {title}".strip()
            self.canvas.drawString(LEFT, self.y, text)
            if style == "underlined":
                self.canvas.line(LEFT, self.y - 2, LEFT + self.canvas.stringWidth(text, font, 11), self.y - 2)
        self.y -= step
        return self

    def gap(self, points: float = 10) -> Sheet:
        self.y -= points
        return self

    def save(self) -> Path:
        self.canvas.showPage()
        self.canvas.save()
        return self.path


def parish_minutes(path: Path) -> Sheet:
    """The opening of a parish council's minutes: its name and the meeting's date."""
    return Sheet(path).line("Little Ashby Parish Council", size=14, bold=True, step=20) \
        .line("Minutes of the meeting held on Tuesday 7 May 2024 at 7.30 pm in the Village Hall", step=18)


def parish_agenda(path: Path) -> Sheet:
    """The opening of a parish council's agenda, down to its AGENDA heading."""
    return Sheet(path).line("Little Ashby Parish Council", size=14, bold=True, step=20) \
        .line("You are summoned to attend a meeting of the Parish Council on Tuesday 7 May 2024 at 7.30 pm") \
        .line("in the Village Hall.", step=24).line("AGENDA", size=13, bold=True, step=24)
