"""Fuzzy clusters of texts that come back across meetings (agenda topics, recommendations)."""
from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from minutetrail.link.textsim import normalise

STANDING = re.compile(
    r"^(apologies|(named )?substitut|declarations? of (interest|disclosable)|disclosure of (pecuniary )?interest|"
    r"(approval of |to approve )?(the )?minutes|minutes and action log|matters arising|work ?programme|"
    r"date of (the )?next meeting|questions from (members of )?(the )?(public|council)|public (questions|participation)|"
    r"(any )?other (urgent )?business|urgent business|chair(man|person)?'?s? announcements|exclusion of (the )?press|"
    r"call to order|roll call|adjournment|correspondence|accounts to pay|register of interests)",
    re.I,
)
DATE_WORDS = re.compile(r"\b(quarter|q)\s*\d\b|\b\d{4}(/\d{2,4})?\b|\b\d{1,2}(st|nd|rd|th)?\b|\b(january|february|march|april|may|june|july|august|september|october|november|december)\b", re.I)
TOPIC_THRESHOLD = 85.0


def is_standing(title: str) -> bool:
    """Apologies, declarations, minutes, work programme, date of next meeting and the like."""
    return bool(STANDING.match(re.sub(r"^[\W\d]+", "", title.strip())))


def topic_key(title: str) -> str:
    """A title without its dates, quarters and numbers, normalised: "... - QUARTER 3" ~ "... - QUARTER 4"."""
    return normalise(DATE_WORDS.sub(" ", title))


def cluster(texts: Sequence[str], threshold: float = TOPIC_THRESHOLD) -> list[list[int]]:
    """Indices of texts grouped by similarity (token_sort_ratio of the keys, single link to the first member)."""
    if not texts:
        return []
    scores = process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, dtype=np.float32, workers=-1)
    seen = [False] * len(texts)
    groups: list[list[int]] = []
    for i in range(len(texts)):
        if seen[i] or not texts[i]:
            continue
        members = [j for j in range(i, len(texts)) if not seen[j] and scores[i, j] >= threshold]
        for j in members:
            seen[j] = True
        groups.append(members)
    return groups
