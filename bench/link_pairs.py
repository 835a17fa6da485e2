"""Choose the text scorer and threshold from the labelled pairs in bench/data/link_pairs.jsonl.

For each rapidfuzz scorer and for minutetrail's combined score, prints precision, recall and F1
at each threshold, the best threshold, and how many hard negatives would merge at it.
Run: python bench/link_pairs.py
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

from minutetrail.config import LINK_AUTO
from minutetrail.link.textsim import normalise, text_similarity

PAIRS = Path(__file__).resolve().parent / "data" / "link_pairs.jsonl"
THRESHOLDS = [t / 100 for t in range(50, 100, 5)]


def load() -> list[dict]:
    return [json.loads(line) for line in PAIRS.read_text("utf-8").splitlines() if line.strip()]


def scorers() -> dict[str, Callable[[str, str], float]]:
    def rf(scorer: Callable[..., float]) -> Callable[[str, str], float]:
        return lambda a, b: scorer(normalise(a), normalise(b)) / 100

    return {
        "ratio": rf(fuzz.ratio),
        "token_sort_ratio": rf(fuzz.token_sort_ratio),
        "token_set_ratio": rf(fuzz.token_set_ratio),
        "WRatio": rf(fuzz.WRatio),
        "minutetrail_text": lambda a, b: text_similarity(a, b)[0],
    }


def prf(scores: list[float], labels: list[bool], threshold: float) -> tuple[float, float, float, int]:
    tp = sum(1 for s, y in zip(scores, labels) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels) if s < threshold and y)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, fp


def evaluate() -> dict[str, dict]:
    pairs = load()
    labels = [bool(p["same"]) for p in pairs]
    out = {}
    for name, score in scorers().items():
        scores = [score(p["a"], p["b"]) for p in pairs]
        table = {t: prf(scores, labels, t) for t in THRESHOLDS}
        best = max(THRESHOLDS, key=lambda t: (table[t][2], -table[t][3]))
        out[name] = {"table": table, "best": best, "scores": scores}
    return out


def main() -> None:
    results = evaluate()
    pairs = load()
    print(f"{len(pairs)} labelled pairs ({sum(p['same'] for p in pairs)} true, {sum(not p['same'] for p in pairs)} hard negatives)")
    print(f"{'scorer':18} {'thr':>5} {'P':>6} {'R':>6} {'F1':>6} {'neg merged':>10}")
    for name, res in results.items():
        for t, (p, r, f, fp) in res["table"].items():
            mark = " <- best" if t == res["best"] else ""
            print(f"{name:18} {t:5.2f} {p:6.3f} {r:6.3f} {f:6.3f} {fp:10d}{mark}")
    ours = results["minutetrail_text"]
    # the text score enters the link score as 0.70 * text + signals; with no signals, auto needs text >= LINK_AUTO / 0.70
    print(f"\nlink auto threshold {LINK_AUTO}; the text-only scorer's best threshold is {ours['best']:.2f}")


if __name__ == "__main__":
    main()
