"""Join action observations into threads, one thread per real action, in meeting order."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from minutetrail.link.textsim import text_similarity
from minutetrail.models import Judgement

CLOSED = frozenset({"completed", "cancelled"})
COMPLETED_REOPEN_TEXT = 0.92


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


def score_pair(prev: Obs, obs: Obs) -> tuple[float, dict[str, float | bool]]:
    """How likely ``obs`` continues the thread whose latest observation is ``prev``."""
    text, signals = text_similarity(prev.text, obs.text)
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
    signals.update({"text": round(text, 3), "same_raised": same_raised, "same_number": same_number,
                    "same_owner": same_owner, "due_continuous": due_ok})
    return max(0.0, min(1.0, score)), signals


def link_observations(
    observations: Sequence[Obs],
    human: Mapping[tuple[str, str], Judgement],
    auto: float,
    review: float,
    window: int,
) -> tuple[dict[str, str], list[Decision]]:
    """Thread key of each observation, and every match decision taken.

    ``human`` holds confirmed/rejected judgements keyed by (earlier key, later key); they win.
    """
    threads: list[_Thread] = []
    assignment: dict[str, str] = {}
    decisions: list[Decision] = []
    meeting_rank: dict[tuple[int, date], int] = {}
    for obs in sorted(observations, key=lambda o: o.order):
        rank_key = (obs.committee, obs.meeting_date)
        if rank_key not in meeting_rank:
            meeting_rank[rank_key] = sum(1 for k in meeting_rank if k[0] == obs.committee)
        rank = meeting_rank[rank_key]
        best: tuple[float, _Thread, dict[str, float | bool], Judgement | None] | None = None
        for thread in threads:
            prev = thread.latest
            if thread.committee != obs.committee:
                continue
            if any(m.order[2] == obs.order[2] and m.source == obs.source for m in thread.members):
                continue  # one printing per table (or minutes) of a document in a thread
            same_meeting = prev.meeting_date == obs.meeting_date
            carried = prev.source == "minutes" != obs.source  # minutes ACTION -> log row in the same pack
            reprinted = prev.source == obs.source and prev.order[2] != obs.order[2]  # the same papers published twice
            if prev.meeting_date > obs.meeting_date or (same_meeting and not (carried or reprinted)):
                continue
            if rank - meeting_rank[(prev.committee, prev.meeting_date)] > window:
                continue
            verdict = next((human[(m.key, obs.key)] for m in thread.members if (m.key, obs.key) in human), None)
            if verdict == Judgement.REJECTED:
                continue
            score, signals = score_pair(prev, obs)
            if verdict == Judgement.CONFIRMED:
                score = 1.0
            if best is None or score > best[0]:
                best = (score, thread, signals, verdict)
        if best is not None and (best[0] >= auto or best[3] == Judgement.CONFIRMED):
            score, thread, signals, verdict = best
            decisions.append(Decision(thread.latest.key, obs.key, round(score, 4), signals, verdict or Judgement.AUTO))
            thread.members.append(obs)
            assignment[obs.key] = thread.key
            continue
        if best is not None and best[0] >= review:
            decisions.append(Decision(best[1].latest.key, obs.key, round(best[0], 4), best[2], Judgement.REVIEW))
        thread = _Thread(obs.key, obs.committee, [obs])
        threads.append(thread)
        assignment[obs.key] = thread.key
    return assignment, decisions
