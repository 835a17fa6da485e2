"""Printed statuses, RAG/BRAG fills and progress phrases to the closed vocabulary."""
from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from minutetrail.models import ActionStatus, Rag

STATUS_WORDS: tuple[tuple[re.Pattern[str], ActionStatus], ...] = (
    (re.compile(r"\b(cancel+ed|withdrawn|superseded|no longer (required|needed)|deleted)\b", re.I), ActionStatus.CANCELLED),
    (re.compile(r"\b(not (yet )?implemented)\b", re.I), ActionStatus.OPEN),
    (re.compile(r"\b(partial(ly)?|partly) (implemented|complete[d]?|achieved|met)\b", re.I), ActionStatus.IN_PROGRESS),
    (re.compile(r"\boverdue\b", re.I), ActionStatus.OVERDUE),
    (re.compile(r"\b(not (yet )?started|not yet due( to start)?|not due)\b", re.I), ActionStatus.NOT_STARTED),
    (re.compile(r"\b(at risk|delayed|behind( schedule)?|off track|slipp(ed|age))\b", re.I), ActionStatus.AT_RISK),
    (re.compile(r"\b(in progress|on-?going|on track|under ?way|in hand|in place|progressing|started)\b", re.I), ActionStatus.IN_PROGRESS),
    (re.compile(r"\b(complete[d]?|done|closed|achieved|finished|implemented|actioned|yes)\b", re.I), ActionStatus.COMPLETED),
    # still owed: moved to a later period, or with no position reported yet
    (re.compile(r"\b(open|new|outstanding|pending|deferred|postponed|on hold|paused|carried (forward|over)|awaiting (an? )?update)\b", re.I),
     ActionStatus.OPEN),
)
RAG_WORDS = {"red": Rag.RED, "amber": Rag.AMBER, "green": Rag.GREEN, "blue": Rag.BLUE, "r": Rag.RED,
             "a": Rag.AMBER, "g": Rag.GREEN, "b": Rag.BLUE}
RAG_COLOURS: dict[Rag, tuple[float, float, float]] = {
    Rag.RED: (0.90, 0.25, 0.25),
    Rag.AMBER: (1.00, 0.75, 0.10),
    Rag.GREEN: (0.30, 0.70, 0.30),
    Rag.BLUE: (0.25, 0.45, 0.85),
}
# Pale versions of the same colours, as often used for shaded cells.
RAG_PALE: dict[Rag, tuple[float, float, float]] = {
    Rag.RED: (0.96, 0.71, 0.71),
    Rag.AMBER: (1.00, 0.89, 0.60),
    Rag.GREEN: (0.73, 0.89, 0.73),
    Rag.BLUE: (0.62, 0.76, 0.95),
}
RAG_MAX_DISTANCE = 0.45
RAG_STATUS = {Rag.BLUE: ActionStatus.COMPLETED, Rag.GREEN: ActionStatus.IN_PROGRESS,
              Rag.AMBER: ActionStatus.AT_RISK, Rag.RED: ActionStatus.AT_RISK}
COMPLETION_PHRASE = re.compile(r"^\W*(completed?|done|closed|actioned|achieved)\b", re.I)


FUZZY_STATUS = 85.0  # a misspelt one-word status ("Compete") still reads
STATUS_SPELLINGS: dict[str, ActionStatus] = {
    "complete": ActionStatus.COMPLETED, "completed": ActionStatus.COMPLETED, "cancelled": ActionStatus.CANCELLED,
    "overdue": ActionStatus.OVERDUE, "ongoing": ActionStatus.IN_PROGRESS, "outstanding": ActionStatus.OPEN,
}


def parse_status(text: str | None) -> ActionStatus | None:
    """A printed status cell to ActionStatus; None when blank or unrecognised."""
    if not text or not text.strip():
        return None
    for pattern, status in STATUS_WORDS:
        if pattern.search(text):
            return status
    word = text.strip().lower().rstrip(".")
    if " " not in word and len(word) >= 5:
        best = process.extractOne(word, list(STATUS_SPELLINGS), scorer=fuzz.ratio, score_cutoff=FUZZY_STATUS)
        if best:
            return STATUS_SPELLINGS[best[0]]
    return None


def parse_rag(text: str | None) -> Rag | None:
    if not text:
        return None
    word = text.strip().lower().rstrip(".")
    return RAG_WORDS.get(word)


def rag_from_rgb(rgb: tuple[float, float, float] | None) -> Rag | None:
    """The nearest RAG/BRAG colour to a fill, or None if it is near none (e.g. a grey header)."""
    if rgb is None:
        return None
    r, g, b = rgb
    if max(rgb) - min(rgb) < 0.12:  # grey, white or black: not a rating
        return None
    best: tuple[float, Rag] | None = None
    for table in (RAG_COLOURS, RAG_PALE):
        for rag, ref in table.items():
            dist = ((r - ref[0]) ** 2 + (g - ref[1]) ** 2 + (b - ref[2]) ** 2) ** 0.5
            if best is None or dist < best[0]:
                best = (dist, rag)
    if best is None or best[0] > RAG_MAX_DISTANCE:
        return None
    return best[1]


def progress_says_complete(progress: str | None) -> bool:
    """Progress text that states completion ("Completed - data sent", "Done")."""
    return bool(progress and COMPLETION_PHRASE.match(progress))


def resolve_status(status_text: str | None, rag: Rag | None, progress: str | None = None) -> ActionStatus | None:
    """Printed status wins; else the RAG/BRAG colour; else a completion phrase in ``progress``
    (callers pass progress only where the table has a status column left blank)."""
    printed = parse_status(status_text)
    if printed is not None:
        return printed
    rag = rag or parse_rag(status_text)  # a status cell that prints a rating ("Amber")
    if rag is not None:
        return RAG_STATUS[rag]
    if progress_says_complete(progress):
        return ActionStatus.COMPLETED
    return None
