"""Recorded votes of a minute item, with the vote words from the vocabulary (``votes.*`` in ``data/lang``):
labels before counts ("For: 57, Against: 0, Abstentions: 2", recorded votes "For (39) <names> Against (19)
<names>"), counts before words ("carried (8 for, 1 against, 2 abstentions)") and counts set against each other
("carried by 7 votes to 2 with 1 abstention", ``votes.versus``; "carried 6-2, with 1 abstaining", ``votes.outcomes``)
and divisions by name ("For: Crs A, B and C  Against: Nil  Abstained: Cr D", ``votes.titles``, ``votes.none``)."""
from __future__ import annotations

import re
from functools import cache

from minutetrail.models import Votes
from minutetrail.parsers.vocab import alternation


def _words() -> tuple[str, str, str]:
    return alternation("votes.for"), alternation("votes.against"), alternation("votes.abstain")


@cache
def _labels_first() -> re.Pattern[str]:
    f, a, s = _words()
    not_next = rf"(?!\b{f}\s*[:(]\s*\d)"  # a count does not run on into the next vote's "For:"
    return re.compile(
        rf"\b{f}\s*[:(\-–]?\s*(?P<for>\d+)\)?(?:{not_next}.)*?\b{a}\s*[:(\-–]?\s*(?P<against>\d+)\)?"
        rf"(?:(?:{not_next}.)*?\b{s}\s*[:(\-–]?\s*(?P<abstain>\d+)\)?)?",
        re.I | re.S,
    )


@cache
def _counts_first() -> re.Pattern[str]:
    f, a, s = _words()
    return re.compile(
        rf"\b(?P<for>\d+)\s+(?:votes?\s+)?{f}\b\s*[,;]?\s*(?:and\s+)?(?P<against>\d+)\s+(?:votes?\s+)?{a}\b"
        rf"(?:\s*[,;]?\s*(?:and\s+|with\s+)?(?P<abstain>\d+)\s+{s}\b)?",
        re.I,
    )


@cache
def _counts_versus() -> re.Pattern[str]:
    s, versus = alternation("votes.abstain"), alternation("votes.versus")
    return re.compile(
        rf"\b(?P<for>\d+)\s+{versus}\s+(?P<against>\d+)\b(?:\s*[,;]?\s*(?:and\s+|with\s+)(?P<abstain>\d+)\s+{s}\b)?",
        re.I,
    )


@cache
def _counts_dashed() -> re.Pattern[str]:
    """"The motion carried 6-2, with 1 abstaining." (US): the outcome, then for and against set with a dash."""
    s, outcome = alternation("votes.abstain"), alternation("votes.outcomes")
    return re.compile(
        rf"\b{outcome}\s+(?P<for>\d{{1,3}})\s*[-–]\s*(?P<against>\d{{1,3}})\b(?!\s*[-–/]\s*\d)"
        rf"(?:\s*[,;]?\s*(?:and\s+|with\s+)(?P<abstain>\d+)\s+{s}\b)?",
        re.I,
    )


@cache
def _named_division() -> re.Pattern[str]:
    """A division by name (Australia, New Zealand): "For: Crs Bell, Dunn and Ford  Against: Nil  Abstained: Cr Hart";
    each side is "Nil" or a title and surnames."""
    f, a, s = _words()
    side = (rf"(?:{alternation('votes.none')}\b|{alternation('votes.titles')}\.?\s+[A-Z][\w'’-]*"
            rf"(?:(?:\s*,\s*|\s+and\s+)[A-Z][\w'’-]*)*)")
    return re.compile(
        rf"\b{f}\s*:\s*(?P<for>{side})\s+{a}\s*:\s*(?P<against>{side})(?:\s+{s}\s*:\s*(?P<abstain>{side}))?",
        re.I,
    )


def _named_count(side: str | None) -> int:
    """How many people one side of a division names: "Crs Bell, Dunn and Ford" 3, "Nil" 0."""
    if not side or re.fullmatch(alternation("votes.none"), side.strip(), re.I):
        return 0
    return len(re.split(r"\s*,\s*|\s+and\s+", side.strip()))


def text_to_votes(text: str) -> Votes | None:
    """The last recorded vote of an item: amendments come first, the substantive motion last."""
    patterns = (_labels_first(), _counts_first(), _counts_versus(), _counts_dashed(), _named_division())
    found = sorted((m for p in patterns for m in p.finditer(text)), key=lambda m: m.start())
    if not found:
        return None
    m = found[-1]
    if m.re is _named_division():
        return Votes(_named_count(m["for"]), _named_count(m["against"]), _named_count(m["abstain"]))
    return Votes(int(m["for"]), int(m["against"]), int(m["abstain"] or 0))
