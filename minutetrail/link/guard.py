"""Only actions become threads: what is not an action, whatever a parser handed over.

A minute heading ("81. DATE OF NEXT MEETING"), a standing item's title, boilerplate ("None",
"No actions arising") and a decision's lead-in ("RESOLVED that:", "The Committee agreed that:")
are never action or recommendation observations. The cue words are data
(``link.not_actions``, ``link.lead_ins``, ``link.lead_in_tails`` in parsers/data/lang/*.json).
"""
from __future__ import annotations

import re
from functools import cache

from minutetrail.link.clusters import is_standing
from minutetrail.parsers.vocab import alternation

NUMBER_LEAD = re.compile(r"^\s*(?:(?:item|minute)\s+)?[\(\[]?[0-9]+(?:\.[0-9]+)*[a-z]?[.)\]:]?\s+|^\s*[\(\[]?[a-z][.)\]]\s+", re.I)
MIN_LETTERS = 3
MAX_HEADING_WORDS = 8  # a line in capitals longer than this reads as shouted text, not a heading
MAX_STANDING_WORDS = 6


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    boiler = re.compile(rf"^{alternation('link.not_actions')}\W*$", re.I)
    lead = re.compile(rf"^{alternation('link.lead_ins')}(?:\s+{alternation('link.lead_in_tails')})?\s*[:,.\-–]*\s*$", re.I)
    return boiler, lead


def not_an_action(text: str | None) -> str | None:
    """Why a text handed over as an action is not one (a short reason), or None when it may be."""
    if not text or sum(c.isalpha() for c in text) < MIN_LETTERS:
        return "no text"
    body = NUMBER_LEAD.sub("", text.strip()).strip()
    letters = [c for c in body if c.isalpha()]
    boiler, lead = _patterns()
    if boiler.match(body):
        return "boilerplate"
    if lead.match(body):
        return "decision lead-in"
    if letters and all(c.isupper() for c in letters) and len(body.split()) <= MAX_HEADING_WORDS and len(letters) > 3:
        return "heading"
    if is_standing(body) and len(body.split()) <= MAX_STANDING_WORDS:
        return "standing item title"
    if body != text.strip() and _title_case(body):
        return "numbered heading"  # "79. Children's Services Performance Report"
    return None


SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())


def _title_case(body: str) -> bool:
    """Every word capitalised but the small ones, no sentence stop: how a heading is printed, not an action."""
    words = body.rstrip(":").split()
    if not 1 <= len(words) <= MAX_HEADING_WORDS or body.rstrip().endswith("."):
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in SMALL_WORDS for w in words) and any(
        w[:1].isupper() for w in words)
