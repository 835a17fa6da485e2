"""Time the link stage on generated data: 100,000 action observations across 2,000 meetings.

100 committees x 20 meetings; each meeting's log carries the committee's open actions forward
(some reworded, some renumbered, due dates slipping) and adds new ones, about 50 rows a meeting.
Reports seconds, observations per second and the pairwise precision/recall against the truth.
Run: python bench/link_scale.py [COMMITTEES] [MEETINGS]
"""
from __future__ import annotations

import json
import random
import sys
import time
from datetime import date, timedelta

from minutetrail.config import LINK_AUTO, LINK_REVIEW, LINK_WINDOW_MEETINGS
from minutetrail.link.threads import Obs, link_observations

VERBS = ["Circulate", "Provide", "Review", "Report back on", "Share", "Publish", "Arrange", "Update", "Confirm", "Prepare"]
OBJECTS = ["tenant survey results", "void properties breakdown", "damp and mould register", "procurement waivers list",
           "repairs contract indicators", "temporary accommodation figures", "allocations policy assessment",
           "school transport costs", "library opening hours", "parking permit review", "recycling rates",
           "planning enforcement cases", "council tax collection", "housing benefit backlog", "youth service offer",
           "care leaver accommodation", "foster carer recruitment", "home care contract", "leisure centre usage",
           "community grants scheme", "flood defence plan", "highways defects", "street lighting", "bus subsidy"]
PLACES = ["for the north area", "for the south area", "by ward", "for the last quarter", "for members",
          "with comparisons", "for the town centre", "for rural parishes", "for the next meeting", "in full"]
OWNERS = [f"person {i}" for i in range(40)] + ["Clerk to the committee", "Head of Service", "Director of Housing"]


def generate(committees: int, meetings: int, seed: int = 7) -> tuple[list[Obs], dict[str, str]]:
    rng = random.Random(seed)
    observations: list[Obs] = []
    truth: dict[str, str] = {}
    for c in range(committees):
        start = date(2020, 1, 7) + timedelta(days=c)
        open_actions: list[dict] = []
        serial = 0
        for m in range(meetings):
            day = start + timedelta(days=28 * m)
            doc = c * 1000 + m
            for a in open_actions:
                if rng.random() < 0.15:  # reworded
                    a["text"] = f"{a['text']} {rng.choice(['as agreed', 'in detail', 'to all members'])}"
                if rng.random() < 0.2:  # slipped
                    a["due"] = a["due"] + timedelta(days=28)
            for _ in range(14):
                serial += 1
                open_actions.append({
                    "id": f"c{c}-a{serial}", "raised": day,
                    "text": f"{rng.choice(VERBS)} the {rng.choice(OBJECTS)} {rng.choice(PLACES)} ({serial})",
                    "owner": rng.choice(OWNERS), "due": day + timedelta(days=rng.choice([28, 56, 84])),
                })
            for row, a in enumerate(open_actions):
                key = f"doc{doc}:{row}"
                truth[key] = a["id"]
                observations.append(Obs(key, c, day, (day, 1, doc, row), "action_log", str(row + 1), a["raised"],
                                        a["text"], a["owner"], a["due"], None))
            open_actions = [a for a in open_actions if rng.random() > 0.22]  # some close each meeting
    return observations, truth


def pairwise(assignment: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    """Precision and recall of consecutive links (each observation to the one before in its thread)."""
    def links(groups: dict[str, str]) -> set[tuple[str, str]]:
        by: dict[str, list[str]] = {}
        for key, g in groups.items():
            by.setdefault(g, []).append(key)
        out = set()
        for keys in by.values():
            keys.sort(key=lambda k: (int(k[3:].split(":")[0]), int(k.split(":")[1])))
            out.update(zip(keys, keys[1:]))
        return out

    got, want = links(assignment), links(truth)
    tp = len(got & want)
    return tp / len(got) if got else 1.0, tp / len(want) if want else 1.0


def main() -> None:
    committees = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    meetings = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    observations, truth = generate(committees, meetings)
    t = time.perf_counter()
    assignment, decisions = link_observations(observations, {}, LINK_AUTO, LINK_REVIEW, LINK_WINDOW_MEETINGS)
    elapsed = time.perf_counter() - t
    precision, recall = pairwise(assignment, truth)
    print(json.dumps({
        "observations": len(observations), "meetings": committees * meetings, "seconds": round(elapsed, 2),
        "observations_per_second": round(len(observations) / elapsed), "threads": len(set(assignment.values())),
        "true_threads": len(set(truth.values())), "review_links": sum(1 for d in decisions if d.judgement == "review"),
        "pairwise_precision": round(precision, 4), "pairwise_recall": round(recall, 4),
    }, indent=2))


if __name__ == "__main__":
    main()
