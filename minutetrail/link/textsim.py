"""Text normalisation and similarity for action texts."""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from rapidfuzz import fuzz

STOPWORDS = frozenset(
    "a an the to of and or for in on at by with be is are was were that this these those from as it its "
    "into all any will would should can could committee members member".split()
)
SWAP_PENALTY = 0.1
LEADING = re.compile(r"^(that|action\s*:|to)\s+", re.I)


@cache
def abbreviations() -> dict[str, str]:
    raw = json.loads(resources.files("minutetrail.link").joinpath("data/abbreviations.json").read_text("utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def normalise(text: str) -> str:
    """Lower case, punctuation dropped, leading "That" removed, abbreviations expanded."""
    t = LEADING.sub("", text.strip().lower())
    t = t.replace("'", "").replace("’", "")
    words = re.findall(r"[a-z0-9]+", t)
    abbr = abbreviations()
    return " ".join(abbr.get(w, w) for w in words)


def content_words(normalised: str) -> set[str]:
    return {w.rstrip("s") for w in normalised.split() if w not in STOPWORDS and len(w) > 2}


def text_similarity(a: str, b: str) -> tuple[float, dict[str, float]]:
    """Similarity in 0..1 from several scorers, and the scorer values.

    token_set_ratio alone scores "review the risk register" vs "review the procurement waivers
    register" near 90; the content-word overlap and the plain ratio pull such pairs down.
    """
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0.0, {}
    tset = fuzz.token_set_ratio(na, nb) / 100
    tsort = fuzz.token_sort_ratio(na, nb) / 100
    ca, cb = content_words(na), content_words(nb)
    jacc = len(ca & cb) / len(ca | cb) if ca | cb else 0.0
    # A reworded action mostly adds or drops words; a different action swaps them ("risk" for
    # "procurement waivers"): words unique to both sides count against the pair.
    swapped = min(len(ca - cb), len(cb - ca))
    score = 0.35 * tset + 0.30 * tsort + 0.35 * jacc - SWAP_PENALTY * min(swapped, 3)
    return max(0.0, score), {"token_set": round(tset, 3), "token_sort": round(tsort, 3),
                             "content_jaccard": round(jacc, 3), "swapped_words": swapped}
