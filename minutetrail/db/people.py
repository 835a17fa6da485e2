"""People: their printed forms (aliases), the posts the papers say they held, and the evidence."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from minutetrail.db import schema as S
from minutetrail.link.people import resolve_aliases
from minutetrail.parsers.roles import INITIALS_ROLE


def list_people(session: Session) -> list[dict[str, Any]]:
    """Each person with aliases, roles held (first and last dated mention) and where each is printed."""
    counts = dict(session.execute(
        select(S.ActionObservation.owner_person_id, func.count()).group_by(S.ActionObservation.owner_person_id)
    ).all())
    people = list(session.scalars(select(S.Person).options(selectinload(S.Person.aliases)).order_by(S.Person.name)))
    mentions = session.execute(
        select(S.RoleMention.person_key, S.RoleMention.role, S.RoleMention.role_key, S.RoleMention.page,
               S.RoleMention.text, S.Meeting.date, S.Document.path)
        .join(S.Meeting, S.RoleMention.meeting_id == S.Meeting.id)
        .join(S.Document, S.RoleMention.document_id == S.Document.id)
    ).all()
    canon = resolve_aliases([p.key for p in people] + [m.person_key for m in mentions])
    roles: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    initials: dict[str, set[str]] = defaultdict(set)
    for m in sorted(mentions, key=lambda m: (m.date is None, m.date)):
        if m.role_key.startswith(f"{INITIALS_ROLE} "):  # "Kenny Combe (KC)": initials are an alias, not a post
            initials[canon[m.person_key]].add(m.role.split()[-1])
            continue
        entry = roles[canon[m.person_key]].setdefault(m.role_key, {"role": m.role, "from": None, "to": None, "evidence": []})
        day = m.date.isoformat() if m.date else None
        entry["from"] = entry["from"] or day
        entry["to"] = day or entry["to"]
        entry["evidence"].append({"file": m.path, "page": m.page, "meeting_date": day, "text": m.text})
    out = []
    for p in people:
        held = list(roles.get(p.key, {}).values())
        out.append({"id": p.id, "name": p.name, "aliases": sorted({a.alias for a in p.aliases} | initials.get(p.key, set())),
                    "roles": [f"{r['role']} ({r['from']} – {r['to']})" for r in held],
                    "tenures": held, "actions": counts.get(p.id, 0)})
    return out
