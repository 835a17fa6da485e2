"""Document versions: a paper republished with different bytes replaces its earlier printing.

A stored document is an earlier version of a new one when both were published for the same (dated)
meeting, with the same kind and the same parts (kind and title of each part). The new version's
facts replace the old one's for that meeting; the old document row stays (status "superseded",
``superseded_by``) for history, and the differences are kept on the new row (``revision``) and
reported by ingest. A due date changed between versions is a correction: the earlier printing's
observations are gone, so no thread sees a slip.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from minutetrail.db import schema as S
from minutetrail.models import ExtractionRecord

FACT_TABLES = (S.AgendaItem, S.MinutesRecord, S.Recommendation, S.ActionObservation, S.RoleMention, S.SearchEntry)
ACTION_FIELDS = ("text", "owner", "due", "status")
MAX_LISTED = 10
SAME_PAPER = 0.5  # share of facts a revised printing keeps of the one it replaces


def record_parts(record: ExtractionRecord) -> list[tuple[str, str]]:
    return sorted((p.kind.value, (p.title or "").strip().lower()) for p in record.documents)


def stored_parts(session: Session, doc_id: int) -> list[tuple[str, str]]:
    return sorted((kind, (title or "").strip().lower()) for kind, title in session.execute(
        select(S.DocumentPart.kind, S.DocumentPart.title).where(S.DocumentPart.document_id == doc_id)))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def shared_share(old: Iterable[str], new: Iterable[str]) -> float:
    """How much two printings say alike: facts in common over the larger printing's facts (0 when neither has any)."""
    a, b = {_norm(t) for t in old if t and t.strip()}, {_norm(t) for t in new if t and t.strip()}
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def earlier_version(session: Session, meeting: S.Meeting, kind: str, parts: list[tuple[str, str]], sha256: str,
                    texts: list[str]) -> S.Document | None:
    """The current (not superseded) printing of the same paper for the same meeting, if any: same kind and
    parts, and at least SAME_PAPER of its facts in common (two different papers of one meeting, each
    untitled, are not versions of each other)."""
    if meeting.date is None:  # an undated meeting is no identity to version against
        return None
    for doc in session.scalars(select(S.Document).where(
            S.Document.meeting_id == meeting.id, S.Document.kind == kind, S.Document.status == "ingested",
            S.Document.sha256 != sha256).order_by(S.Document.id)):
        if stored_parts(session, doc.id) != parts:
            continue
        stored = session.scalars(select(S.SearchEntry.text).where(S.SearchEntry.document_id == doc.id)).all()
        if shared_share(stored, texts) >= SAME_PAPER:
            return doc
    return None


def _action_rows(session: Session, doc_id: int) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for o in session.scalars(select(S.ActionObservation).where(S.ActionObservation.document_id == doc_id)
                             .order_by(S.ActionObservation.seq)):
        key = f"{o.source} {o.number}" if o.number else f"{o.source} {' '.join(o.text.lower().split())[:80]}"
        out.setdefault(key, {"number": o.number, **{f: getattr(o, f) for f in ACTION_FIELDS}})
    return out


def _texts(session: Session, doc_id: int) -> dict[str, list[str]]:
    return {
        "agenda_items": [a.title for a in session.scalars(select(S.AgendaItem).where(S.AgendaItem.document_id == doc_id))],
        "recommendations": [r.text for r in session.scalars(select(S.Recommendation).where(S.Recommendation.document_id == doc_id))],
        "search_entries": [e.text for e in session.scalars(select(S.SearchEntry).where(S.SearchEntry.document_id == doc_id))],
    }


def snapshot(session: Session, doc_id: int) -> dict[str, Any]:
    return {"actions": _action_rows(session, doc_id), **_texts(session, doc_id)}


def differences(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """What changed between two versions: action rows changed field by field, added and removed; counts of the rest."""
    changed = []
    for key in old["actions"].keys() & new["actions"].keys():
        a, b = old["actions"][key], new["actions"][key]
        fields = {f: [a[f], b[f]] for f in ACTION_FIELDS if a[f] != b[f]}
        if fields:
            changed.append({"action": b["number"] or b["text"][:60], **fields})
    out: dict[str, Any] = {
        "actions_changed": sorted(changed, key=lambda c: str(c["action"]))[:MAX_LISTED],
        "actions_added": len(new["actions"].keys() - old["actions"].keys()),
        "actions_removed": len(old["actions"].keys() - new["actions"].keys()),
    }
    for name in ("agenda_items", "recommendations", "search_entries"):
        before, after = set(old[name]), set(new[name])
        out[f"{name}_added"] = len(after - before)
        out[f"{name}_removed"] = len(before - after)
    return out


def retire(session: Session, old: S.Document) -> dict[str, Any]:
    """Remove an earlier version's facts (its row and parts stay); returns its snapshot for the diff."""
    before = snapshot(session, old.id)
    for model in FACT_TABLES:
        session.execute(delete(model).where(model.document_id == old.id))
    old.status = "superseded"
    session.flush()
    return before


def describe(revision: dict[str, Any]) -> str:
    """One line: what a new version changed."""
    parts = []
    for c in revision.get("actions_changed", []):
        fields = ", ".join(f"{f} {v[0] or '-'} -> {v[1] or '-'}" for f, v in c.items() if f != "action")
        parts.append(f"action {c['action']}: {fields}")
    for name, label in (("actions", "action rows"), ("agenda_items", "agenda items"), ("recommendations", "recommendations")):
        for change in ("added", "removed"):
            n = revision.get(f"{name}_{change}", 0)
            if n:
                parts.append(f"{n} {label} {change}")
    return "; ".join(parts) or "no change in the facts read"
