"""Choose the link thresholds from the labelled pairs in bench/data/link_pairs.jsonl.

Each pair is two printings with a label (same action or not), a reason and a family (the layout it
comes from: corpus-style action logs, recommendation trackers, minutes ACTIONS against the log rows
that carry them, a board's log with initials, the generated series of tests/link/series.py). A pair
may carry each printing's reference, raised-at date, owner, source, status and progress
(``a_meta``/``b_meta``; ``person``: whom the owner resolved to, as the linker sees it after owner
resolution, which tests/link/test_series.py scores); a pair without them is scored as if every other signal agreed (raised at
the same meeting, the same owner, due date continuous), so its text alone decides.

Prints: the plain rapidfuzz scorers and minutetrail's text score at each threshold; the full pair
score (text and signals, ``link.threads.score_pair``) at each auto threshold with how many hard
negatives it would merge; the chosen auto threshold and review floor; and P/R/F1 per family at the
configured LINK_AUTO.

Run: python bench/link_pairs.py              (add --write-series to regenerate the series families)
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz

from minutetrail.config import LINK_AUTO, LINK_REVIEW
from minutetrail.link.references import ref_key, references
from minutetrail.link.textsim import normalise, text_similarity
from minutetrail.link.threads import Obs, score_pair
from minutetrail.models import MINUTES_SOURCES

PAIRS = Path(__file__).resolve().parent / "data" / "link_pairs.jsonl"
THRESHOLDS = [t / 100 for t in range(50, 100, 5)]
AUTO_GRID = [t / 1000 for t in range(600, 980, 25)]
DEFAULT_FAMILY = "text: corpus-style action logs"
SERIES_FAMILIES = ("series A: action log with minutes", "series B: audit recommendations tracker",
                   "series C: parish minutes and action list")
NEUTRAL = {"raised": "2000-01-01", "owner": "owner"}  # every other signal agreeing


def load() -> list[dict]:
    pairs = [json.loads(line) for line in PAIRS.read_text("utf-8").splitlines() if line.strip()]
    for p in pairs:
        p.setdefault("family", DEFAULT_FAMILY)
    return pairs


def _obs(key: str, text: str, meta: dict | None, day: date) -> Obs:
    m = meta or NEUTRAL
    source = m.get("source", "action_log")
    raised = date.fromisoformat(m["raised"]) if m.get("raised") else None
    due = date.fromisoformat(m["due"]) if m.get("due") else None
    owner = (m.get("person") or m.get("owner") or "").lower() or None  # the person the owner resolved to, else as printed
    return Obs(key, 1, day, (day, 0 if source in MINUTES_SOURCES else 1, 0, 0), source,
               None if source in MINUTES_SOURCES else ref_key(m.get("number")), raised, text, owner, due, m.get("status"),
               owner_text=m.get("owner"), refs=references(text, m.get("progress"), m.get("status_text")))


def pair_score(p: dict) -> float:
    """The link score of the later printing against the earlier, as the linker computes it."""
    a = _obs("a:0", p["a"], p.get("a_meta"), date(2000, 1, 1))
    b = _obs("b:0", p["b"], p.get("b_meta"), date(2000, 2, 1))
    if a.source in MINUTES_SOURCES and b.source not in MINUTES_SOURCES:
        b = _obs("b:0", p["b"], p.get("b_meta"), a.meeting_date)  # printed in the same pack
    return score_pair(a, b)[0]


def scorers() -> dict[str, Callable[[str, str], float]]:
    def rf(scorer: Callable[..., float]) -> Callable[[str, str], float]:
        return lambda a, b: scorer(normalise(a), normalise(b)) / 100

    return {"ratio": rf(fuzz.ratio), "token_sort_ratio": rf(fuzz.token_sort_ratio), "token_set_ratio": rf(fuzz.token_set_ratio),
            "WRatio": rf(fuzz.WRatio), "minutetrail_text": lambda a, b: text_similarity(a, b)[0]}


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
    full = [pair_score(p) for p in pairs]
    table = {t: prf(full, labels, t) for t in AUTO_GRID}
    safe = [t for t in AUTO_GRID if table[t][3] == 0] or AUTO_GRID
    best = max(safe, key=lambda t: (round(table[t][2], 3), -t))  # best F1 with no hard negative merged; the lowest such
    below = [s for s, y in zip(full, labels) if y and s < best]
    floor = max(0.5, round(min(below) - 0.005, 3)) if below else LINK_REVIEW
    out["full"] = {"table": table, "best": best, "floor": floor, "scores": full}
    return out


def per_family(scores: list[float], pairs: list[dict], threshold: float) -> dict[str, tuple[int, int, float, float, float, int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pairs):
        groups[p["family"]].append(i)
    out = {}
    for fam, idx in sorted(groups.items()):
        pr, rc, f1, fp = prf([scores[i] for i in idx], [bool(pairs[i]["same"]) for i in idx], threshold)
        out[fam] = (sum(bool(pairs[i]["same"]) for i in idx), sum(not pairs[i]["same"] for i in idx), pr, rc, f1, fp)
    return out


def write_series() -> int:
    """Replace the series families in the pairs file: consecutive printings of each truth thread
    (positives), and each printing against the most similar printing of another thread of the pack
    before or of the same pack's minutes (negatives; the series' hard negatives among them)."""
    sys.path.insert(0, str(PAIRS.parents[2]))
    from minutetrail.db.linking import action_core
    from tests.link.series import series_a, series_b, series_c

    kept = [p for p in load() if p["family"] not in SERIES_FAMILIES]
    new: list[dict] = []
    for family, series in zip(SERIES_FAMILIES, (series_a(), series_b(), series_c())):
        printings: list[tuple[int, str, str, dict]] = []  # pack, thread, text, meta
        for k, rec in enumerate(series.records):
            for minutes in rec.minutes:
                for item in minutes.items:
                    for act in item.actions:
                        tid = series.thread.get((rec.sha256, act.text))
                        if tid:
                            meta = {"source": "minutes", "raised": minutes.meeting_date, "owner": act.owner,
                                    "person": series.owner.get((rec.sha256, act.text))}
                            printings.append((k, tid, action_core(act.text, act.owner), {x: v for x, v in meta.items() if v}))
            for row in rec.actions:
                assert row.bbox is not None
                meta = {"number": row.number, "raised": row.meeting_date, "owner": row.owner, "due": _day(row.due),
                        "person": series.owner.get((rec.sha256, row.bbox[1])),
                        "status": row.status.value if row.status else None, "status_text": row.status_text, "progress": row.progress}
                printings.append((k, series.thread[(rec.sha256, row.bbox[1])], row.text, {x: v for x, v in meta.items() if v}))
        by_thread: dict[str, list[tuple[int, str, str, dict]]] = defaultdict(list)
        for p in printings:
            by_thread[p[1]].append(p)
        seen: set[tuple[str, str]] = set()
        for tid, ps in by_thread.items():
            ps.sort(key=lambda p: (p[0], p[3].get("source") != "minutes"))
            for a, b in zip(ps, ps[1:]):
                if (a[2], b[2]) not in seen:
                    seen.add((a[2], b[2]))
                    new.append({"a": a[2], "b": b[2], "same": True, "why": "the same action printed again", "family": family,
                                "a_meta": a[3], "b_meta": b[3]})
        hard = {frozenset(h) for h in series.hard_negatives}
        for b in printings:
            others = [a for a in printings if a[1] != b[1] and (a[0] == b[0] - 1 or (a[0] == b[0] and a[3].get("source") == "minutes"
                                                                                     and b[3].get("source") != "minutes"))]
            if not others:
                continue
            a = max(others, key=lambda a: text_similarity(a[2], b[2])[0])
            if (a[2], b[2]) in seen:
                continue
            seen.add((a[2], b[2]))
            why = "hard negative: " + ("a listed trap" if frozenset((a[1], b[1])) in hard else "the most similar other action")
            new.append({"a": a[2], "b": b[2], "same": False, "why": why, "family": family, "a_meta": a[3], "b_meta": b[3]})
    PAIRS.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in kept + new), "utf-8")
    return len(new)


def _day(due: str | None) -> str | None:
    from minutetrail.parsers.dates import due_to_date
    d = due_to_date(due)
    return d.isoformat() if d else None


def main() -> None:
    if "--write-series" in sys.argv:
        print(f"wrote {write_series()} series pairs")
    results = evaluate()
    pairs = load()
    print(f"{len(pairs)} labelled pairs ({sum(p['same'] for p in pairs)} true, {sum(not p['same'] for p in pairs)} hard negatives)")
    print(f"{'scorer':18} {'thr':>5} {'P':>6} {'R':>6} {'F1':>6} {'neg merged':>10}")
    for name, res in results.items():
        if name == "full":
            continue
        for t, (p, r, f, fp) in res["table"].items():
            mark = " <- best" if t == res["best"] else ""
            print(f"{name:18} {t:5.2f} {p:6.3f} {r:6.3f} {f:6.3f} {fp:10d}{mark}")
    full = results["full"]
    print("\nfull pair score (text and signals):")
    for t, (p, r, f, fp) in full["table"].items():
        mark = " <- chosen auto" if t == full["best"] else ""
        print(f"{'score_pair':18} {t:5.3f} {p:6.3f} {r:6.3f} {f:6.3f} {fp:10d}{mark}")
    print(f"\nchosen: auto {full['best']:.3f}, review floor {full['floor']:.3f} (every true pair below auto reaches review); "
          f"configured: LINK_AUTO {LINK_AUTO}, LINK_REVIEW {LINK_REVIEW}")
    print(f"\nper family at LINK_AUTO {LINK_AUTO}:")
    print(f"{'family':42} {'true':>4} {'neg':>4} {'P':>6} {'R':>6} {'F1':>6} {'neg merged':>10}")
    for fam, (n_true, n_neg, p, r, f, fp) in per_family(full["scores"], pairs, LINK_AUTO).items():
        print(f"{fam:42} {n_true:4d} {n_neg:4d} {p:6.3f} {r:6.3f} {f:6.3f} {fp:10d}")


if __name__ == "__main__":
    main()
