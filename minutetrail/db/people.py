"""People queries."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from minutetrail.db import schema as S


def list_people(session: Session) -> list[dict[str, Any]]:
    counts = dict(session.execute(
        select(S.ActionObservation.owner_person_id, func.count()).group_by(S.ActionObservation.owner_person_id)
    ).all())
    out = []
    for p in session.scalars(select(S.Person).options(selectinload(S.Person.aliases)).order_by(S.Person.name)):
        out.append({"id": p.id, "name": p.name, "aliases": sorted(a.alias for a in p.aliases), "actions": counts.get(p.id, 0)})
    return out
