"""Score a stored, linked series against its truth: pairwise link F1, hard negatives merged, owner
resolution, overdue sets at every meeting date, minutes-to-log recall, junk observations."""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from minutetrail.db import schema as S
from minutetrail.db.linking import relink
from minutetrail.db.queries import overdue
from minutetrail.db.session import Database
from minutetrail.db.store import store_record
from minutetrail.db.threadstate import printing_order
from tests.link.series import Series


def load(db: Database, *series: Series) -> None:
    for s in series:
        for record in s.records:
            with db.session() as session:
                store_record(session, record, record.file)
    with db.session() as session:
        relink(session)


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(session: Session, s: Series) -> dict[str, Any]:
    shas = {r.sha256 for r in s.records}
    rows = session.execute(
        select(S.ActionObservation, S.Document.sha256, S.Meeting.date).join(S.Document, S.ActionObservation.document_id == S.Document.id)
        .join(S.Meeting, S.ActionObservation.meeting_id == S.Meeting.id).where(S.Document.sha256.in_(sorted(shas)))).all()
    label: dict[int, str] = {}
    info: dict[int, Any] = {}
    junk = 0
    owners_right = owners_total = 0
    owner_misses = []
    for o, sha, day in rows:
        key = (sha, o.top) if o.top is not None else (sha, o.text)
        if o.text in s.junk:
            junk += 1
            continue
        tid = s.thread[key]
        label[o.id] = tid
        info[o.id] = (o, day)
        want = s.owner[key]
        got = o.owner_person.name if o.owner_person else None
        owners_total += 1
        owners_right += int(got == want)
        if got != want:
            owner_misses.append((day.isoformat(), o.owner, got, want))
    tp = fp = fn = 0
    merged_negatives = set()
    for a, b in combinations(sorted(label), 2):
        same_truth = label[a] == label[b]
        same_pred = info[a][0].thread_id == info[b][0].thread_id
        tp += same_truth and same_pred
        fp += same_pred and not same_truth
        fn += same_truth and not same_pred
        if same_pred and ((label[a], label[b]) in s.hard_negatives or (label[b], label[a]) in s.hard_negatives):
            merged_negatives.add(tuple(sorted((label[a], label[b]))))
    link_p, link_r, link_f = _f1(tp, fp, fn)
    # minutes ACTIONS joined to the log row that carries them
    by_truth: dict[str, list[int]] = defaultdict(list)
    for oid, tid in label.items():
        by_truth[tid].append(oid)
    carried = joined = 0
    for oid, tid in label.items():
        o, _day = info[oid]
        if o.source != "minutes":
            continue
        logs = [x for x in by_truth[tid] if info[x][0].source != "minutes"]
        if not logs:
            continue
        carried += 1
        joined += any(info[x][0].thread_id == o.thread_id for x in logs)
    # overdue sets at every meeting date
    overdue_f1 = []
    overdue_misses = []
    for k, day in enumerate(s.dates):
        expected = s.expected_overdue(k)
        got: list[str] = []
        for r in overdue(session, day, s.committee):
            members = [x for x in label if info[x][0].thread_id == r["id"] and info[x][1] <= day]
            latest = max(members, key=lambda x: printing_order(info[x][1], info[x][0].source, x))
            got.append(label[latest])
        tp_o = len(set(got) & expected)
        fp_o = len(got) - tp_o
        fn_o = len(expected - set(got))
        overdue_f1.append(_f1(tp_o, fp_o, fn_o)[2])
        if fp_o or fn_o:
            overdue_misses.append((day.isoformat(), sorted(got), sorted(expected)))
    return {"link_precision": link_p, "link_recall": link_r, "link_f1": link_f, "hard_negatives_merged": sorted(merged_negatives),
            "owners": owners_right / owners_total if owners_total else 1.0, "owner_misses": owner_misses,
            "overdue_f1_min": min(overdue_f1), "overdue_misses": overdue_misses,
            "minutes_to_log": joined / carried if carried else 1.0, "minutes_carried": carried, "junk": junk,
            "observations": len(label), "threads": len(by_truth)}
