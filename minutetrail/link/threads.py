"""Join action observations into threads, one thread per real action, in meeting order."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

import re

import numpy as np

from minutetrail.link.textsim import (
    NUMBER_PENALTY, SWAP_PENALTY, WEIGHTS, content_words, has_digit, normalise, similarity_matrices, text_similarity,
)
from minutetrail.models import MINUTES_SOURCES, RECOMMENDATION_SOURCES, Judgement

CLOSED = frozenset({"completed", "cancelled"})
COMPLETED_REOPEN_TEXT = 0.92
# A reference naming the other printing ("supersedes action 5", "merged with action 11") links at
# REFERENCE_SCORE when anything else agrees (raised at the same meeting, the same owner, or some text).
REFERENCE_SCORE = 0.95
REFERENCE_MIN_TEXT = 0.4
# A minutes ACTION and the log row that carries it: worded apart, the owner a post in one and a name in
# the other; the log's meeting-date column names the minuted meeting (or the log has no such column).
# No content word may be swapped for another ("fostering" / "adoption" briefing notes of one meeting) unless
# the owners agree, and then one at most: the best-first, one-to-one join picks the right row of the two.
# A structured reference ("IA 22/23-05", "CF/23/04": letters or several digit groups) names one action for
# good, where a bare ordinal ("3") is a position that a renumbering hands to another: under a structured
# reference a reworded row (one word swapped) continues the thread.
STRUCTURED_REF = re.compile(r"[a-z]|\d{4,}")
CARRIED_SCORE = 0.86
# With one word swapped and the owners agreeing, such a pair waits in the review band, and is joined only
# when it is the minutes ACTION's one candidate row and that row's one candidate (the "fostering" and
# "adoption" briefing notes of one meeting then each take their own row).
CARRIED_UNIQUE = 0.80
CARRIED_MIN_TEXT = 0.55
CARRIED_MIN_TEXT_UNDATED = 0.65


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
    owner_text: str | None = None  # the owner cell as printed ("Head of Housing Services")
    refs: frozenset[str] = frozenset()  # reference keys it names as continued, replaced or joined ("supersedes action 5")


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
    same_owner = bool(prev.owner and obs.owner and prev.owner.lower() == obs.owner.lower()) or bool(
        prev.owner_text and obs.owner_text and prev.owner_text.lower() == obs.owner_text.lower())  # the post, whoever holds it
    due_ok = prev.due is None or obs.due is None or obs.due >= prev.due
    score = 0.70 * text + 0.12 * same_raised + 0.10 * same_owner + 0.08 * due_ok
    structured = same_number and bool(STRUCTURED_REF.search(obs.number or ""))
    if same_raised and same_number and text >= 0.5 and signals.get("content_jaccard", 0.0) >= 0.5 and (
            structured or not signals.get("swapped_words")):
        score = max(score, 0.9)
    if prev.raised and obs.raised and prev.raised != obs.raised:
        score -= 0.25  # raised at a different meeting: a different action
    if prev.status in CLOSED and not (same_number and same_raised) and text < COMPLETED_REOPEN_TEXT:
        score -= 0.2  # a completed thread is not reopened by a merely similar row
    if prev.status in CLOSED and _other_structured_ref(prev.number, obs.number):
        score -= 0.2  # nor by a row under another structured reference, however alike the words
    referenced = bool((prev.number and prev.number in obs.refs) or (obs.number and obs.number in prev.refs))
    if referenced and (same_raised or same_owner or text >= REFERENCE_MIN_TEXT):
        score = max(score, REFERENCE_SCORE)
    carried = prev.source in MINUTES_SOURCES and obs.source not in MINUTES_SOURCES
    swaps = signals.get("swapped_words", 0)
    if carried and not swaps and ((same_raised and text >= CARRIED_MIN_TEXT) or (obs.raised is None and text >= CARRIED_MIN_TEXT_UNDATED)):
        score = max(score, CARRIED_SCORE)
    elif carried and swaps <= 1 and same_owner and (same_raised or obs.raised is None) and text >= CARRIED_MIN_TEXT:
        score = max(score, CARRIED_UNIQUE)
    out: dict[str, float | bool] = dict(signals)
    out.update({"text": round(text, 3), "same_raised": same_raised, "same_number": same_number,
                "same_owner": same_owner, "due_continuous": due_ok, "referenced": referenced, "minutes_to_log": carried})
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
    if (prev.source in RECOMMENDATION_SOURCES) != (head.source in RECOMMENDATION_SOURCES):
        return False  # recommendations thread with recommendation trackers, actions with action logs
    same_meeting = prev.meeting_date == head.meeting_date
    carried = prev.source in MINUTES_SOURCES and head.source not in MINUTES_SOURCES  # minutes -> a table in the same pack
    reprinted = prev.source == head.source and prev.order[2] != head.order[2]  # the same papers published twice
    if prev.meeting_date > head.meeting_date or (same_meeting and not (carried or reprinted)):
        return False
    return rank - ranks[(prev.committee, prev.meeting_date)] <= window


def _ids(values: Sequence[object], table: dict[object, int]) -> np.ndarray:
    """Small integer ids for hashable values; -1 for None."""
    return np.array([-1 if v is None else table.setdefault(v, len(table)) for v in values], dtype=np.int64)


def _ordinal(values: Sequence[date | None]) -> np.ndarray:
    return np.array([-1 if v is None else v.toordinal() for v in values], dtype=np.int64)


def score_matrix(rows: Sequence[_Prepared], heads: Sequence[_Prepared]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """score_pair for every (row, thread head) at once: the same formula, computed on arrays."""
    tset, tsort = similarity_matrices([r.norm for r in rows], [h.norm for h in heads])
    vocab: dict[str, int] = {}
    for p in (*rows, *heads):
        for w in p.words:
            vocab.setdefault(w, len(vocab))
    width = max(len(vocab), 1)
    r_bits = np.zeros((len(rows), width), dtype=np.float32)
    h_bits = np.zeros((len(heads), width), dtype=np.float32)
    for i, p in enumerate(rows):
        r_bits[i, [vocab[w] for w in p.words]] = 1.0
    for j, p in enumerate(heads):
        h_bits[j, [vocab[w] for w in p.words]] = 1.0
    digit = np.array([has_digit(w) for w in vocab] or [False])
    inter = r_bits @ h_bits.T
    r_n, h_n = r_bits.sum(1)[:, None], h_bits.sum(1)[None, :]
    union = r_n + h_n - inter
    jacc = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    rd, hd = r_bits[:, digit], h_bits[:, digit]
    d_inter = rd @ hd.T
    r_d, h_d = rd.sum(1)[:, None], hd.sum(1)[None, :]
    numbers = np.minimum(r_d - d_inter, h_d - d_inter)
    w_inter = inter - d_inter  # words swapped, numbers apart: the words' share of each count
    swapped = np.minimum((r_n - r_d) - w_inter, (h_n - h_d) - w_inter)
    text = np.maximum(0.0, WEIGHTS[0] * tset + WEIGHTS[1] * tsort + WEIGHTS[2] * jacc
                      - SWAP_PENALTY * np.minimum(swapped, 3) - NUMBER_PENALTY * numbers)
    rs, hs = [p.obs for p in rows], [p.obs for p in heads]
    raised_r, raised_h = _ordinal([o.raised for o in rs])[:, None], _ordinal([o.raised for o in hs])[None, :]
    numbers_table: dict[object, int] = {}
    num_r, num_h = _ids([o.number or None for o in rs], numbers_table)[:, None], _ids([o.number or None for o in hs], numbers_table)[None, :]
    owners_table: dict[object, int] = {}
    own_r = _ids([o.owner.lower() if o.owner else None for o in rs], owners_table)[:, None]
    own_h = _ids([o.owner.lower() if o.owner else None for o in hs], owners_table)[None, :]
    due_r, due_h = _ordinal([o.due for o in rs])[:, None], _ordinal([o.due for o in hs])[None, :]
    closed = np.array([o.status in CLOSED for o in hs])[None, :]
    same_raised = (raised_h >= 0) & (raised_r == raised_h)
    same_number = (num_h >= 0) & (num_r == num_h)
    text_table: dict[object, int] = {}
    txt_r = _ids([o.owner_text.lower() if o.owner_text else None for o in rs], text_table)[:, None]
    txt_h = _ids([o.owner_text.lower() if o.owner_text else None for o in hs], text_table)[None, :]
    same_owner = ((own_h >= 0) & (own_r == own_h)) | ((txt_h >= 0) & (txt_r == txt_h))
    due_ok = (due_h < 0) | (due_r < 0) | (due_r >= due_h)
    score = 0.70 * text + 0.12 * same_raised + 0.10 * same_owner + 0.08 * due_ok
    structured = np.array([bool(o.number and STRUCTURED_REF.search(o.number)) for o in rs])[:, None]
    override = same_raised & same_number & (text >= 0.5) & (jacc >= 0.5) & ((swapped == 0) | structured)
    score = np.where(override, np.maximum(score, 0.9), score)
    score = score - 0.25 * ((raised_r >= 0) & (raised_h >= 0) & (raised_r != raised_h))
    score = score - 0.2 * (closed & ~(same_number & same_raised) & (text < COMPLETED_REOPEN_TEXT))
    structured_h = np.array([bool(h.number and STRUCTURED_REF.search(h.number)) for h in hs])[None, :]
    other_ref = structured & structured_h & (num_r >= 0) & (num_h >= 0) & (num_r != num_h)
    score = score - 0.2 * (closed & other_ref)
    referenced = _referenced(rs, hs)
    score = np.where(referenced & (same_raised | same_owner | (text >= REFERENCE_MIN_TEXT)), np.maximum(score, REFERENCE_SCORE), score)
    head_minutes = np.array([h.source in MINUTES_SOURCES for h in hs])[None, :]
    row_table = np.array([o.source not in MINUTES_SOURCES for o in rs])[:, None]
    carried = head_minutes & row_table
    carried_ok = carried & (swapped == 0) & ((same_raised & (text >= CARRIED_MIN_TEXT)) | ((raised_r < 0) & (text >= CARRIED_MIN_TEXT_UNDATED)))
    carried_owned = carried & ~carried_ok & (swapped <= 1) & same_owner & (same_raised | (raised_r < 0)) & (text >= CARRIED_MIN_TEXT)
    score = np.where(carried_ok, np.maximum(score, CARRIED_SCORE), score)
    score = np.where(carried_owned, np.maximum(score, CARRIED_UNIQUE), score)
    named = {"token_set": tset, "token_sort": tsort, "content_jaccard": jacc, "swapped_words": swapped, "text": text,
             "same_raised": same_raised, "same_number": same_number, "same_owner": same_owner, "due_continuous": due_ok,
             "referenced": referenced, "minutes_to_log": carried}
    return np.clip(score, 0.0, 1.0), {k: np.broadcast_to(v, score.shape) for k, v in named.items()}


def _other_structured_ref(a: str | None, b: str | None) -> bool:
    """Two structured references that differ ("IA 23/24-01", "IA 23/24-02"): two recommendations."""
    return bool(a and b and a != b and STRUCTURED_REF.search(a) and STRUCTURED_REF.search(b))


def _referenced(rs: Sequence[Obs], hs: Sequence[Obs]) -> np.ndarray:
    """Pairs where one printing names the other's reference ("supersedes action 5"), by lookup."""
    out = np.zeros((len(rs), len(hs)), dtype=bool)
    heads: dict[str, list[int]] = defaultdict(list)
    rows: dict[str, list[int]] = defaultdict(list)
    for j, h in enumerate(hs):
        if h.number:
            heads[h.number].append(j)
    for i, o in enumerate(rs):
        if o.number:
            rows[o.number].append(i)
    for i, o in enumerate(rs):
        for ref in o.refs:
            out[i, heads.get(ref, [])] = True
    for j, h in enumerate(hs):
        for ref in h.refs:
            out[rows.get(ref, []), j] = True
    return out


def _signals_at(parts: dict[str, np.ndarray], i: int, j: int) -> dict[str, float | bool]:
    """The signals of one pair, as stored with its link judgement."""
    return {name: bool(arr[i, j]) if arr.dtype == bool else round(float(arr[i, j]), 3) for name, arr in parts.items()}


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
    committee still in the window, all at once (``rapidfuzz.process.cdist`` and array
    arithmetic, see ``score_matrix``); pairs are then joined best first, each row to one thread
    and each thread to one row of the document. ``human`` holds confirmed/rejected judgements
    keyed by (earlier key, later key); they win.
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

    def verdict(thread: _Thread, obs: Obs, judged: set[tuple[str, str]]) -> bool:
        return bool(judged) and any((m.key, obs.key) in judged for m in thread.members)

    # one group = one table (or one set of minutes) of one document
    ordered = sorted(observations, key=lambda o: (o.order[0], o.order[1], o.order[2], o.source, o.order[3]))
    for (committee, day, _rank, _doc, _source), group_iter in groupby(
            ordered, key=lambda o: (o.committee, o.meeting_date, o.order[1], o.order[2], o.source)):
        group = list(group_iter)
        if (committee, day) not in ranks:
            ranks[(committee, day)] = per_committee[committee]
            per_committee[committee] += 1
        rank = ranks[(committee, day)]
        candidates = [t for t in threads_of[committee] if _eligible(t, group[0], rank, ranks, window)]
        pairs: list[tuple[float, int, int, Judgement | None]] = []
        parts: dict[str, np.ndarray] = {}
        if candidates:
            scores, parts = score_matrix([prep(o) for o in group], [prep(t.latest) for t in candidates])
            for oi, ti in zip(*np.nonzero(scores >= review)):
                if not verdict(candidates[ti], group[oi], rejected):
                    pairs.append((float(scores[oi, ti]), int(oi), int(ti), None))
            if confirmed:
                for oi, obs in enumerate(group):
                    for ti, thread in enumerate(candidates):
                        if verdict(thread, obs, confirmed):
                            pairs.append((1.0, oi, ti, Judgement.CONFIRMED))
        # best first; on a tie (scores saturate at 1.0: identical wording under two references), the pair
        # whose references agree, then the closer text
        same_ref, text_of = parts.get("same_number"), parts.get("text")
        pairs.sort(key=lambda p: (-p[0], p[3] is None,
                                  same_ref is None or not bool(same_ref[p[1], p[2]]),
                                  -float(text_of[p[1], p[2]]) if text_of is not None else 0.0, p[1], p[2]))
        joined: dict[int, int] = {}  # row -> candidate thread
        used: set[int] = set()
        best_review: dict[int, tuple[float, int]] = {}
        for score, oi, ti, judged in pairs:
            if oi in joined or ti in used:
                continue
            if score >= auto or judged == Judgement.CONFIRMED:
                decisions.append(Decision(candidates[ti].latest.key, group[oi].key, round(score, 4),
                                          _signals_at(parts, oi, ti), judged or Judgement.AUTO))
                joined[oi] = ti
                used.add(ti)
            elif oi not in best_review:
                best_review[oi] = (score, ti)
        unique = _join_unique_carried(pairs, parts, best_review, joined, used, review)
        for oi, obs in enumerate(group):
            if oi in joined:
                thread = candidates[joined[oi]]
                if oi in unique:
                    decisions.append(Decision(thread.latest.key, obs.key, round(best_review[oi][0], 4),
                                              {**_signals_at(parts, oi, joined[oi]), "unique": True}, Judgement.AUTO))
                thread.members.append(obs)
                assignment[obs.key] = thread.key
                continue
            if oi in best_review:
                score, ti = best_review[oi]
                decisions.append(Decision(candidates[ti].latest.key, obs.key, round(score, 4), _signals_at(parts, oi, ti), Judgement.REVIEW))
            thread = _Thread(obs.key, committee, [obs])
            threads_of[committee].append(thread)
            assignment[obs.key] = thread.key
    return assignment, decisions


def _join_unique_carried(pairs: list[tuple[float, int, int, Judgement | None]], parts: dict[str, np.ndarray],
                         best_review: dict[int, tuple[float, int]], joined: dict[int, int], used: set[int], floor: float) -> set[int]:
    """Join a minutes ACTION's thread and a log row scored CARRIED_UNIQUE when each is the other's only
    candidate; returns the rows so joined."""
    out: set[int] = set()
    if not best_review or "minutes_to_log" not in parts:
        return out
    rows_of: dict[int, int] = defaultdict(int)
    threads_of: dict[int, int] = defaultdict(int)
    for score, oi, ti, _judged in pairs:
        if score >= floor:
            rows_of[oi] += 1
            threads_of[ti] += 1
    for oi, (score, ti) in sorted(best_review.items()):
        if (oi not in joined and ti not in used and score >= CARRIED_UNIQUE and bool(parts["minutes_to_log"][oi, ti])
                and rows_of[oi] == 1 and threads_of[ti] == 1):
            joined[oi] = ti
            used.add(ti)
            out.add(oi)
    return out
