"""Filters that match nothing say so: a --committee or --owner text no committee, owner, person, alias
or post in the database contains, with the nearest names (rapidfuzz) as suggestions."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from minutetrail.db import schema as S
from minutetrail.db.people import owner_people
from minutetrail.errors import NoMatch

SUGGESTIONS = 3
SUGGEST_SCORE = 60  # rapidfuzz WRatio (0-100) a name must reach to be suggested


def near(text: str, names: Iterable[str], limit: int = SUGGESTIONS) -> list[str]:
    """The names closest to ``text``, best first (case ignored)."""
    from rapidfuzz import fuzz, process, utils

    choices = sorted({n for n in names if n})
    hits = process.extract(text, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit,
                           score_cutoff=SUGGEST_SCORE)
    return [name for name, _score, _i in hits]


def _refuse(what: str, text: str, names: Iterable[str]) -> NoMatch:
    close = near(text, names)
    hint = f"; did you mean {' or '.join(repr(n) for n in close)}?" if close else f"; no {what} is close"
    return NoMatch(f"no {what} matches {text!r}{hint}")


def check_committee(session: Session, committee: str | None) -> None:
    """Raise NoMatch when no committee name contains the text (any case)."""
    if not committee:
        return
    C = S.Committee
    if session.scalar(select(C.id).where(func.lower(C.name).contains(committee.lower())).limit(1)) is None:
        raise _refuse("committee", committee, session.scalars(select(C.name)))


def check_owner(session: Session, owner: str | None, as_of: date) -> None:
    """Raise NoMatch when no printed owner, person, alias or post held on the date matches the text."""
    if not owner:
        return
    O, P = S.ActionObservation, S.Person
    low = owner.lower()
    if session.scalar(select(O.id).where(func.lower(O.owner).contains(low)).limit(1)) is not None:
        return
    if session.scalar(select(P.id).where(func.lower(P.name).contains(low)).limit(1)) is not None:
        return
    if owner_people(session, owner, as_of):
        return
    names = [*session.scalars(select(O.owner).distinct()), *session.scalars(select(P.name)),
             *session.scalars(select(S.RoleMention.role).distinct())]
    raise _refuse("owner, person or post", owner, (n for n in names if n))
