"""Recurring questions: topics that come back, actions carried for many meetings, recommendations made again."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from minutetrail.db import schema as S
from minutetrail.db.queries import action_threads
from minutetrail.link.clusters import cluster, is_standing, topic_key
from minutetrail.link.textsim import normalise, text_similarity

RECOMMENDATION_THRESHOLD = 85.0
SAME_TEXT = 0.80


def recurring_topics(session: Session, committee: str | None = None, min_meetings: int = 2) -> list[dict[str, Any]]:
    """Agenda-item titles that come back across meetings, standing items kept apart."""
    rows = session.execute(
        select(S.AgendaItem.title, S.AgendaItem.page, S.Meeting.date, S.Committee.name, S.Document.path)
        .join(S.Meeting, S.AgendaItem.meeting_id == S.Meeting.id)
        .join(S.Committee, S.Meeting.committee_id == S.Committee.id)
        .join(S.Document, S.AgendaItem.document_id == S.Document.id)
        .order_by(S.Meeting.date)
    ).all()
    if committee:
        rows = [r for r in rows if committee.lower() in r.name.lower()]
    out = []
    for standing in (False, True):
        subset = [r for r in rows if is_standing(r.title) == standing]
        for members in cluster([f"{r.name}|{topic_key(r.title)}" for r in subset]):
            items = [subset[i] for i in members]
            meetings = sorted({r.date for r in items if r.date})
            if len(meetings) < min_meetings:
                continue
            out.append({"kind": "standing" if standing else "topic", "title": items[0].title, "committee": items[0].name,
                        "meetings": len(meetings), "first": meetings[0].isoformat(), "last": meetings[-1].isoformat(),
                        "occurrences": [{"meeting_date": r.date.isoformat() if r.date else None, "title": r.title,
                                         "source_file": r.path, "page": r.page} for r in items]})
    out.sort(key=lambda r: (r["kind"] != "topic", -r["meetings"], r["title"]))
    return out


def carried_actions(session: Session, committee: str | None = None, min_meetings: int = 3) -> list[dict[str, Any]]:
    """Action threads printed at N or more meetings."""
    return action_threads(session, committee, min_meetings=min_meetings)


def repeated_recommendations(session: Session, committee: str | None = None, min_meetings: int = 2) -> list[dict[str, Any]]:
    """Decisions and report recommendations made again at a later meeting of the same committee."""
    rows = session.execute(
        select(S.Resolution.text, S.Resolution.kind, S.MinuteItem.page, S.Meeting.date, S.Committee.name, S.Document.path)
        .join(S.MinuteItem, S.Resolution.minute_item_id == S.MinuteItem.id)
        .join(S.MinutesRecord, S.MinuteItem.minutes_id == S.MinutesRecord.id)
        .join(S.Meeting, S.MinutesRecord.meeting_id == S.Meeting.id)
        .join(S.Committee, S.Meeting.committee_id == S.Committee.id)
        .join(S.Document, S.MinutesRecord.document_id == S.Document.id)
    ).all()
    recs = session.execute(
        select(S.Recommendation.text, S.Recommendation.page, S.Meeting.date, S.Committee.name, S.Document.path)
        .join(S.Meeting, S.Recommendation.meeting_id == S.Meeting.id)
        .join(S.Committee, S.Meeting.committee_id == S.Committee.id)
        .join(S.Document, S.Recommendation.document_id == S.Document.id)
    ).all()
    items = [{"text": r.text, "kind": r.kind, "page": r.page, "date": r.date, "committee": r.name, "file": r.path} for r in rows]
    items += [{"text": r.text, "kind": "report recommendation", "page": r.page, "date": r.date, "committee": r.name, "file": r.path}
              for r in recs]
    if committee:
        items = [i for i in items if committee.lower() in i["committee"].lower()]
    items = [i for i in items if not normalise(i["text"]).startswith("the minutes of the meeting")]
    items.sort(key=lambda i: (i["date"] is None, i["date"]))
    out = []
    for members in cluster([f"{i['committee']}|{normalise(i['text'])}" for i in items], RECOMMENDATION_THRESHOLD):
        group = [items[j] for j in members]
        group = [g for g in group if text_similarity(group[0]["text"], g["text"])[0] >= SAME_TEXT]  # not merely alike
        meetings = sorted({g["date"] for g in group if g["date"]})
        if len(meetings) < min_meetings:
            continue
        out.append({"text": group[0]["text"], "committee": group[0]["committee"], "meetings": len(meetings),
                    "first": meetings[0].isoformat(), "last": meetings[-1].isoformat(),
                    "occurrences": [{"meeting_date": g["date"].isoformat() if g["date"] else None, "text": g["text"],
                                     "kind": g["kind"], "source_file": g["file"], "page": g["page"]} for g in group]})
    out.sort(key=lambda r: (-r["meetings"], r["text"]))
    return out
