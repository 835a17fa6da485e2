"""Join action observations into threads, one thread per real action, in meeting order."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

import numpy as np

from minutetrail.link.textsim import combine, content_words, normalise, similarity_matrices, text_similarity
from minutetrail.models import Judgement

CLOSED = frozenset({"completed", "cancelled"})
COMPLETED_REOPEN_TEXT = 0.92
PREFILTER = 0.45  # pairs below this on both token scores are not scored further


@dataclass(frozen=True, slots=True)
class Obs:
    key: str  # "<document sha256>:<seq>"
    committee: int
    meeting_date: date  # the meeting whose papers printed it
    order: tuple[date, int, int, int]  # meeting date, minutes before tables, document, row
    source: str
    number: str | None
    raised: date | None
    text: str
    owner: str | None  # person key, or the role as printed
    due: date | None
    status: str | None


@dataclass(frozen=True, slots=True)
class Decision:
    left: str
    right: str
    score: float
    signals: dict[str, float | bool]
    judgement: Judgement
    method: str = "text+signals/v1"


@dataclass(slots=True)
class _Thread:
    key: str
    committee: int
    members: list[Obs] = field(default_factory=list)

    @property
    def latest(self) -> Obs:
        return self.members[-1]


def _signals(prev: Obs, obs: Obs, text: float, signals: dict[str, float]) -> tuple[float, dict[str, float | bool]]:
    """The pair score: text similarity plus the signals of the two printings."""
    same_raised = prev.raised is not None and prev.raised == obs.raised
    same_number = bool(prev.number and obs.number and prev.number == obs.number)
    same_owner = bool(prev.owner and obs.owner and prev.owner.lower() == obs.owner.lower())
    due_ok = prev.due is None or obs.due is None or obs.due >= prev.due
    score = 0.70 * text + 0.12 * same_raised + 0.10 * same_owner + 0.08 * due_ok
    if same_raised and same_number and text >= 0.5 and signals.get("content_jaccard", 0.0) >= 0.5 and not signals.get("swapped_words"):
        score = max(score, 0.9)
    if prev.raised and obs.raised and prev.raised != obs.raised:
        score -= 0.25  # raised at a different meeting: a different action
    if prev.status in CLOSED and not (same_number and same_raised) and text < COMPLETED_REOPEN_TEXT:
        score -= 0.2  # a completed thread is not reopened by a merely similar row
    out: dict[str, float | bool] = dict(signals)
    out.update({"text": round(text, 3), "same_raised": same_raised, "same_number": same_number,
                "same_owner": same_owner, "due_continuous": due_ok})
    return max(0.0, min(1.0, score)), out


def score_pair(prev: Obs, obs: Obs) -> tuple[float, dict[str, float | bool]]:
    """How likely ``obs`` continues the thread whose latest observation is ``prev``."""
    text, signals = text_similarity(prev.text, obs.text)
    return _signals(prev, obs, text, signals)


@dataclass(slots=True)
class _Prepared:
    obs: Obs
    norm: str
    words: frozenset[str]


def _eligible(thread: _Thread, head: Obs, rank: int, ranks: dict[tuple[int, date], int], window: int) -> bool:
    """Whether a document's rows (``head`` is one of them) may continue this thread."""
    prev = thread.latest
    if any(m.order[2] == head.order[2] and m.source == head.source for m in thread.members):
        return False  # one printing per table (or minutes) of a document in a thread
    same_meeting = prev.meeting_date == head.meeting_date
    carried = prev.source == "minutes" != head.source  # minutes ACTION -> log row in the same pack
    reprinted = prev.source == head.source and prev.order[2] != head.order[2]  # the same papers published twice
    if prev.meeting_date > head.meeting_date or (same_meeting and not (carried or reprinted)):
        return False
    return rank - ranks[(prev.committee, prev.meeting_date)] <= window


def link_observations(
    observations: Sequence[Obs],
    human: Mapping[tuple[str, str], Judgement],
    auto: float,
    review: float,
    window: int,
) -> tuple[dict[str, str], list[Decision]]:
    """Thread key of each observation, and every match decision taken.

    Observations are taken a document (one table, or one set of minutes) at a time, in meeting
    order. Each document's rows are scored against the latest printing of every thread of the
    committee still in the window, all at once (``rapidfuzz.process.cdist``); pairs are then
    joined best first, each row to one thread and each thread to one row of the document.
    ``human`` holds confirmed/rejected judgements keyed by (earlier key, later key); they win.
    """
    threads_of: dict[int, list[_Thread]] = defaultdict(list)
    assignment: dict[str, str] = {}
    decisions: list[Decision] = []
    ranks: dict[tuple[int, date], int] = {}
    per_committee: dict[int, int] = defaultdict(int)
    prepared: dict[str, _Prepared] = {}
    rejected = {pair for pair, j in human.items() if j == Judgement.REJECTED}
    confirmed = {pair for pair, j in human.items() if j == Judgement.CONFIRMED}

    def prep(o: Obs) -> _Prepared:
        p = prepared.get(o.key)
        if p is None:
            norm = normalise(o.text)
            p = prepared[o.key] = _Prepared(o, norm, content_words(norm))
        return p

    ordered = sorted(observations, key=lambda o: o.order)
    for (committee, day, _src, _doc), group_iter in groupby(ordered, key=lambda o: (o.committee, o.meeting_date, o.order[1], o.order[2])):
        group = list(group_iter)
        if (committee, day) not in ranks:
            ranks[(committee, day)] = per_committee[committee]
            per_committee[committee] += 1
        rank = ranks[(committee, day)]
        candidates = [t for t in threads_of[committee] if _eligible(t, group[0], rank, ranks, window)]
        pairs: list[tuple[float, int, int, dict[str, float | bool], Judgement | None]] = []
        if candidates:
            rows = [prep(o) for o in group]
            heads = [prep(t.latest) for t in candidates]
            tset, tsort = similarity_matrices([r.norm for r in rows], [h.norm for h in heads])
            for oi, ti in zip(*np.nonzero((tset >= PREFILTER) | (tsort >= PREFILTER))):
                obs, thread = group[oi], candidates[ti]
                verdicts = {(m.key, obs.key) for m in thread.members}
                if verdicts & rejected:
                    continue
                text, parts = combine(float(tset[oi, ti]), float(tsort[oi, ti]), rows[oi].words, heads[ti].words)
                score, signals = _signals(thread.latest, obs, text, parts)
                verdict = Judgement.CONFIRMED if verdicts & confirmed else None
                if verdict:
                    score = 1.0
                if score >= review or verdict:
                    pairs.append((score, int(oi), int(ti), signals, verdict))
            for oi, obs in enumerate(group):  # confirmations the text prefilter may have missed
                for ti, thread in enumerate(candidates):
                    if {(m.key, obs.key) for m in thread.members} & confirmed and not any(p[1] == oi and p[2] == ti for p in pairs):
                        pairs.append((1.0, oi, ti, {}, Judgement.CONFIRMED))
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        joined: dict[int, int] = {}  # row -> candidate thread
        used: set[int] = set()
        best_review: dict[int, tuple[float, int, dict[str, float | bool]]] = {}
        for score, oi, ti, signals, verdict in pairs:
            if oi in joined or ti in used:
                continue
            if score >= auto or verdict == Judgement.CONFIRMED:
                decisions.append(Decision(candidates[ti].latest.key, group[oi].key, round(score, 4), signals, verdict or Judgement.AUTO))
                joined[oi] = ti
                used.add(ti)
            elif oi not in best_review:
                best_review[oi] = (score, ti, signals)
        for oi, obs in enumerate(group):
            if oi in joined:
                thread = candidates[joined[oi]]
                thread.members.append(obs)
                assignment[obs.key] = thread.key
                continue
            if oi in best_review:
                score, ti, signals = best_review[oi]
                decisions.append(Decision(candidates[ti].latest.key, obs.key, round(score, 4), signals, Judgement.REVIEW))
            thread = _Thread(obs.key, committee, [obs])
            threads_of[committee].append(thread)
            assignment[obs.key] = thread.key
    return assignment, decisions
