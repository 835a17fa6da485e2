"""Text normalisation and similarity for action texts."""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

import numpy as np
from rapidfuzz import fuzz, process

STOPWORDS = frozenset(
    "a an the to of and or for in on at by with be is are was were that this these those from as it its "
    "into all any will would should can could committee members member".split()
)
SWAP_PENALTY = 0.15
NUMBER_PENALTY = 0.3
LEADING = re.compile(r"^(that|action\s*:|to)\s+", re.I)
# "The Deputy Monitoring Officer to provide ...", "Darryl Freeman will ...": the owner, printed in the text
OWNER_LEAD = re.compile(r"^(?:The\s+)?(?:(?:[A-Z][\w'’.-]*|of|for|and|&)\s+){1,8}?(?:to|will|would)\s+(?=[a-z])")
WEIGHTS = (0.35, 0.30, 0.35)  # token_set, token_sort, content-word Jaccard


@cache
def abbreviations() -> dict[str, str]:
    raw = json.loads(resources.files("minutetrail.link").joinpath("data/abbreviations.json").read_text("utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def normalise(text: str) -> str:
    """Lower case, punctuation dropped, leading "That" or "<Owner> to" removed, abbreviations expanded."""
    t = OWNER_LEAD.sub("", text.strip())
    t = LEADING.sub("", t.lower())
    t = t.replace("'", "").replace("’", "")
    words = re.findall(r"[a-z0-9]+", t)
    abbr = abbreviations()
    return " ".join(abbr.get(w, w) for w in words)


def stem(word: str) -> str:
    """A light stemmer: "circulated", "circulates", "circulate" -> "circulat"."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(normalised: str) -> frozenset[str]:
    """Words that carry meaning, stemmed; numbers count ("quarter 3" is not "quarter 4")."""
    return frozenset(stem(w) for w in normalised.split() if w not in STOPWORDS and (len(w) > 2 or has_digit(w)))


def has_digit(word: str) -> bool:
    """"3", "2023", "q3": a word that counts as a number ("Q3 figures" is not "Q4 figures")."""
    return any(c.isdigit() for c in word)


def combine(tset: float, tsort: float, ca: frozenset[str], cb: frozenset[str]) -> tuple[float, dict[str, float]]:
    """The text score from its parts.

    token_set_ratio alone scores "review the risk register" vs "review the procurement waivers
    register" near 90; the content-word overlap and a penalty for words swapped (unique to both
    sides, where a rewording mostly adds or drops words) pull such pairs down.
    """
    union = ca | cb
    jacc = len(ca & cb) / len(union) if union else 0.0
    swapped = min(sum(not has_digit(w) for w in ca - cb), sum(not has_digit(w) for w in cb - ca))  # numbers count apart
    numbers = min(sum(has_digit(w) for w in ca - cb), sum(has_digit(w) for w in cb - ca))  # "quarter 3" / "quarter 4"
    score = (WEIGHTS[0] * tset + WEIGHTS[1] * tsort + WEIGHTS[2] * jacc
             - SWAP_PENALTY * min(swapped, 3) - NUMBER_PENALTY * numbers)
    return max(0.0, score), {"token_set": round(tset, 3), "token_sort": round(tsort, 3),
                             "content_jaccard": round(jacc, 3), "swapped_words": swapped}


def text_similarity(a: str, b: str) -> tuple[float, dict[str, float]]:
    """Similarity in 0..1 of two action texts, and the scorer values behind it."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0.0, {}
    return combine(fuzz.token_set_ratio(na, nb) / 100, fuzz.token_sort_ratio(na, nb) / 100, content_words(na), content_words(nb))


def similarity_matrices(left: Sequence[str], right: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """token_set and token_sort ratios (0..1) of every normalised left text against every right one."""
    tset = process.cdist(left, right, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=-1) / 100
    tsort = process.cdist(left, right, scorer=fuzz.token_sort_ratio, dtype=np.float32, workers=-1) / 100
    return tset, tsort
