"""Typed models shared by every stage. Imports nothing else of the project."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, top-left origin


class DocKind(StrEnum):
    AGENDA = "agenda"
    MINUTES = "minutes"
    ACTION_LOG = "action_log"
    ACTION_PLAN = "action_plan"
    RECOMMENDATION_TRACKER = "recommendation_tracker"
    REPORT = "report"
    WORK_PROGRAMME = "work_programme"
    PERFORMANCE = "performance"
    OTHER = "other"


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    OVERDUE = "overdue"
    AT_RISK = "at_risk"
    CANCELLED = "cancelled"


# Where an action observation was printed: a table kind, or the minutes. One vocabulary for every stage.
MINUTES_ACTION = "minutes"
MINUTES_RECOMMENDATION = "minutes_recommendation"
MINUTES_SOURCES = frozenset({MINUTES_ACTION, MINUTES_RECOMMENDATION})
RECOMMENDATION_SOURCES = frozenset({MINUTES_RECOMMENDATION, "recommendation_tracker"})


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    BLUE = "blue"


class Judgement(StrEnum):
    AUTO = "auto"
    REVIEW = "review"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class ResolutionKind(StrEnum):
    RESOLVED = "resolved"
    RECOMMENDATION = "recommendation"


class OcrMode(StrEnum):
    """When to read pages by OCR: AUTO pages with no text layer, ALWAYS every page, NEVER none."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


# ---------------------------------------------------------------- page data


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    bold: bool = False
    size: float = 0.0


@dataclass(frozen=True, slots=True)
class Line:
    """A visual line of text: words sharing a baseline, left to right.

    Its text, box and boldness are worked out once, when it is made (parsers read them many times).
    """

    words: tuple[Word, ...]
    text: str = field(init=False, repr=False, compare=False)
    x0: float = field(init=False, repr=False, compare=False)
    x1: float = field(init=False, repr=False, compare=False)
    top: float = field(init=False, repr=False, compare=False)
    bottom: float = field(init=False, repr=False, compare=False)
    bold: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = self.words
        put = object.__setattr__
        put(self, "text", " ".join(w.text for w in words))
        put(self, "bold", all(w.bold for w in words))
        if not words:  # an empty line has no box
            put(self, "x0", 0.0)
            put(self, "x1", 0.0)
            put(self, "top", 0.0)
            put(self, "bottom", 0.0)
            return
        put(self, "x0", min(w.x0 for w in words))
        put(self, "x1", max(w.x1 for w in words))
        put(self, "top", min(w.top for w in words))
        put(self, "bottom", max(w.bottom for w in words))


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruling line (a drawn line or a thin rectangle edge)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def vertical(self) -> bool:
        return abs(self.x1 - self.x0) < abs(self.bottom - self.top)


@dataclass(frozen=True, slots=True)
class Fill:
    """A filled rectangle: a shaded cell or a colour key; or (``dot``) the box of a small filled round mark,
    a traffic-light dot, which rates the cell it sits in but draws no cell edges."""

    x0: float
    top: float
    x1: float
    bottom: float
    rgb: tuple[float, float, float]
    dot: bool = False


@dataclass(frozen=True, slots=True)
class PageData:
    number: int  # 1-based
    width: float
    height: float
    words: tuple[Word, ...]
    rules: tuple[Rule, ...] = ()
    fills: tuple[Fill, ...] = ()
    ocr: bool = False  # the words were recognised by OCR from the page's image, not read from its text layer


# ---------------------------------------------------------------- extraction record


@dataclass(frozen=True, slots=True)
class Warning_:
    page: int | None
    message: str


@dataclass(frozen=True, slots=True)
class DocumentPart:
    kind: DocKind
    title: str | None
    page_start: int
    page_end: int


@dataclass(frozen=True, slots=True)
class Membership:
    """A committee's membership as its front sheet lists it."""

    chair: str | None = None
    vice_chair: str | None = None
    members: tuple[str, ...] = ()
    co_optees: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Meeting:
    body: str | None = None
    committee: str | None = None
    date: str | None = None
    time: str | None = None
    venue: str | None = None
    membership: Membership | None = None


@dataclass(frozen=True, slots=True)
class AgendaItem:
    number: str
    title: str
    description: str | None
    page_ref: str | None
    page: int


@dataclass(frozen=True, slots=True)
class Attendance:
    present: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    substitutes: tuple[str, ...] = ()
    in_attendance: tuple[str, ...] = ()
    officers: tuple[str, ...] = ()
    chair: str | None = None  # who of those present is marked "(Chair)", "(Chairperson)", "(Chairman)"
    vice_chair: str | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    letter: str | None
    text: str
    kind: ResolutionKind


@dataclass(frozen=True, slots=True)
class MinuteAction:
    text: str
    owner: str | None
    due: str | None
    page: int
    bbox: BBox | None = None


@dataclass(frozen=True, slots=True)
class Votes:
    for_: int
    against: int
    abstain: int


@dataclass(frozen=True, slots=True)
class MinuteItem:
    number: str
    title: str
    page: int
    resolutions: tuple[Resolution, ...] = ()
    actions: tuple[MinuteAction, ...] = ()
    votes: Votes | None = None


@dataclass(frozen=True, slots=True)
class Minutes:
    committee: str | None
    meeting_date: str | None
    page_start: int
    attendance: Attendance
    items: tuple[MinuteItem, ...]
    time: str | None = None
    venue: str | None = None


@dataclass(frozen=True, slots=True)
class Recommendation:
    letter: str | None
    text: str
    report_title: str | None
    page: int


@dataclass(frozen=True, slots=True)
class ActionRow:
    table: DocKind
    number: str | None
    meeting_date: str | None
    text: str
    owner: str | None
    directorate: str | None
    progress: str | None
    due: str | None
    due_text: str | None
    status: ActionStatus | None
    status_text: str | None
    rag: Rag | None
    page: int
    bbox: BBox | None
    area: str | None = None
    header_bbox: BBox | None = None  # the table's header over the row on its page, for evidence crops


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A paper saying a person holds a post ("Mr B Watts (General Counsel)")."""

    name: str
    role: str
    page: int
    text: str


@dataclass(frozen=True, slots=True)
class OcrProvenance:
    """Which pages of a file were read by OCR, by which engine, in which languages."""

    pages: tuple[int, ...]
    engine: str
    languages: str


@dataclass(frozen=True, slots=True)
class ExtractionRecord:
    file: str
    sha256: str
    pages: int
    documents: tuple[DocumentPart, ...] = ()
    meeting: Meeting = field(default_factory=Meeting)
    agenda_items: tuple[AgendaItem, ...] = ()
    minutes: tuple[Minutes, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    actions: tuple[ActionRow, ...] = ()
    warnings: tuple[Warning_, ...] = ()
    roles: tuple[RoleMention, ...] = ()
    ocr: OcrProvenance | None = None  # set when some pages were read by OCR
