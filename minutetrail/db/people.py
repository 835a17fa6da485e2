"""People: their printed forms (aliases), the posts the papers say they held, and the evidence."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from minutetrail.db import schema as S
from minutetrail.link.people import holder_on, resolve_aliases
from minutetrail.parsers.roles import INITIALS_ROLE, states_a_change


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


def owner_people(session: Session, owner: str, as_of: date) -> set[int]:
    """People an ``--owner`` text names: through their name, any printed alias, or a post the papers
    say they held on the date."""
    text = owner.lower().strip()
    P, A, R = S.Person, S.PersonAlias, S.RoleMention
    ids = set(session.scalars(select(P.id).where(func.lower(P.name).contains(text))))
    ids |= set(session.scalars(select(A.person_id).where(func.lower(A.alias).contains(text))))
    posts = {r for r in session.scalars(select(R.role_key).where(func.lower(R.role).contains(text)))}
    if posts:
        mentions = session.execute(select(R.role_key, S.Meeting.date, R.person_key, R.text).join(S.Meeting, R.meeting_id == S.Meeting.id)
                                   .where(R.role_key.in_(sorted(posts)))).all()
        people = {key: pid for key, pid in session.execute(select(P.key, P.id))}
        canon = resolve_aliases([*people, *(m.person_key for m in mentions)])
        tenures = [(m.role_key, m.date, canon[m.person_key], states_a_change(m.text)) for m in mentions if m.date]
        for post in posts:
            holder = holder_on(post, as_of, tenures)
            if holder in people:
                ids.add(people[holder])
    return ids
