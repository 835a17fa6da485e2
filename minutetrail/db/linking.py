"""Run the link stage over stored observations and keep its decisions."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from minutetrail.config import LINK_AUTO, LINK_REVIEW, LINK_WINDOW_MEETINGS
from minutetrail.db import schema as S
from minutetrail.db.bulk import update_by_id
from minutetrail.db.threadstate import refresh as refresh_states
from minutetrail.errors import LinkError
from minutetrail.link.people import display_name, holder_on, initials_key, person_key, resolve_aliases
from minutetrail.link.references import ref_key, references
from minutetrail.link.threads import Obs, link_observations
from minutetrail.models import MINUTES_SOURCES, Judgement
from minutetrail.parsers.roles import INITIALS_ROLE, role_key, states_a_change

HUMAN = (Judgement.CONFIRMED.value, Judgement.REJECTED.value)
SOURCE_RANK = dict.fromkeys(MINUTES_SOURCES, 0)


def action_core(text: str, owner: str | None) -> str:
    """A minutes action without its owner prefix ("Tom Elliott to provide ..." -> "provide ...")."""
    if owner and text.lower().startswith(owner.lower()):
        return re.sub(r"^\s*(to|will|would|agreed to)\s+", "", text[len(owner):], flags=re.I) or text
    return text


def obs_key(sha256: str, seq: int) -> str:
    return f"{sha256}:{seq}"


def resolve_people(session: Session) -> int:
    """Give every observation its person: by name (aliases merged), or by the post's holder on the
    meeting date, from the role mentions the papers printed. Returns the number of people."""
    rows = session.execute(
        select(S.ActionObservation.id, S.ActionObservation.owner, S.Meeting.date, S.ActionObservation.owner_person_id,
               S.Meeting.committee_id)
        .join(S.Meeting, S.ActionObservation.meeting_id == S.Meeting.id)
    ).all()
    mentions = session.execute(
        select(S.RoleMention.person_key, S.RoleMention.name, S.RoleMention.role_key, S.RoleMention.text, S.Meeting.date,
               S.Meeting.committee_id)
        .join(S.Meeting, S.RoleMention.meeting_id == S.Meeting.id)
    ).all()
    keys = {r.id: person_key(r.owner) for r in rows}
    attendees = _initials_pool(session, rows, keys, mentions)
    canon = resolve_aliases([k for k in keys.values() if k] + [m.person_key for m in mentions]
                            + [k for pool in attendees.values() for k, _name in pool])
    printed: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        k = keys[r.id]
        if k and r.owner:
            printed[canon[k]].add(r.owner)
    for m in mentions:
        printed[canon[m.person_key]].add(m.name)
    tenures = [(m.role_key, m.date, canon[m.person_key], states_a_change(m.text)) for m in mentions if m.date]
    holders: dict[int, str | None] = {}
    for r in rows:
        k = keys[r.id]
        holder = canon[k] if k else None
        if holder is None and r.owner and r.date:
            parts = [role_key(p) for p in re.split(r"\s*/\s*|\s+&\s+", r.owner)]
            initials = initials_key(r.owner)  # "KC", printed beside a name in an attendance list
            if initials:
                holder = holder_on(initials, r.date, tenures) or _by_initials(r.owner, attendees.get(r.committee_id, ()), canon, printed)
            elif len(parts) == 1:  # a joint owner ("Head A / Head B") is left as printed
                holder = holder_on(parts[0], r.date, tenures)
        holders[r.id] = holder
    # the people are worked out again from everything printed, so the same papers give the same
    # people whatever order they were ingested in: a key merged into another ("c ward" into
    # "claire ward") hands its aliases over and is removed once nothing refers to it
    people: dict[str, S.Person] = {p.key: p for p in session.scalars(select(S.Person))}
    aliases: dict[str, S.PersonAlias] = {a.alias: a for a in session.scalars(select(S.PersonAlias))}
    for key, forms in sorted(printed.items()):
        name = display_name(key, forms)
        person = people.get(key)
        if person is None:
            person = S.Person(key=key, name=name)
            session.add(person)
            people[key] = person
            session.flush()
        elif person.name != name:
            person.name = name
        for form in sorted(forms):
            alias = aliases.get(form)
            if alias is None:
                alias = S.PersonAlias(person_id=person.id, alias=form)
                session.add(alias)
                aliases[form] = alias
            elif alias.person_id != person.id:
                alias.person_id = person.id
    session.flush()
    changed = []
    for r in rows:  # only the observations whose person changes are written
        holder = holders[r.id]
        person_id = people[holder].id if holder else None
        if person_id != r.owner_person_id:
            changed.append({"b_id": r.id, "owner_person_id": person_id})
    update_by_id(session, S.ActionObservation, changed, ("owner_person_id",))
    stale = [p.id for key, p in people.items() if key not in printed]
    if stale:
        referred = set(session.scalars(select(S.ActionObservation.owner_person_id).where(S.ActionObservation.owner_person_id.in_(stale))))
        referred |= set(session.scalars(select(S.Attendance.person_id).where(S.Attendance.person_id.in_(stale))))
        gone = [i for i in stale if i not in referred]
        if gone:
            session.execute(delete(S.PersonAlias).where(S.PersonAlias.person_id.in_(gone)))
            session.execute(delete(S.Person).where(S.Person.id.in_(gone)))
    return len(printed)


def _initials_pool(session: Session, rows: Sequence[Any], keys: dict[int, str | None],
                   mentions: Sequence[Any]) -> dict[int, list[tuple[str, str]]]:
    """Per committee, the people its papers name (owners, posts' holders, attendance lists) as (key,
    printed name): where an owner printed as initials finds its person when no list prints them."""
    wanted = {r.committee_id for r in rows if initials_key(r.owner)}
    if not wanted:
        return {}
    pool: dict[int, dict[str, str]] = defaultdict(dict)
    for r in rows:
        k = keys[r.id]
        if r.committee_id in wanted and k and r.owner:
            pool[r.committee_id].setdefault(k, r.owner)
    for m in mentions:
        if m.committee_id in wanted and not m.role_key.startswith(INITIALS_ROLE):
            pool[m.committee_id].setdefault(m.person_key, m.name)
    attended = session.execute(
        select(S.Attendance.name, S.Meeting.committee_id).join(S.MinutesRecord, S.Attendance.minutes_id == S.MinutesRecord.id)
        .join(S.Meeting, S.MinutesRecord.meeting_id == S.Meeting.id).where(S.Meeting.committee_id.in_(sorted(wanted))))
    for name, committee_id in attended:
        k = person_key(name)
        if k:
            pool[committee_id].setdefault(k, name)
    return {c: sorted(p.items()) for c, p in pool.items()}


def _by_initials(owner: str, pool: Iterable[tuple[str, str]], canon: dict[str, str], printed: dict[str, set[str]]) -> str | None:
    """The one person of the committee whose full name has these initials ("KC": Kenny Combe); None if
    none or several (then the owner stays as printed)."""
    want = owner.strip().lower()
    fits = {canon[k] for k, _name in pool if len(k.split()[0]) > 1 and "".join(w[0] for w in k.split()) == want}
    if len(fits) != 1:
        return None
    key = fits.pop()
    printed[key].update(name for k, name in pool if canon[k] == key)
    return key


def relink(session: Session, committee_ids: Iterable[int] | None = None, people: bool = True) -> dict[str, int]:
    """Rebuild the threads of the given committees (all if None); human judgements win. ``people=False``:
    the owners were resolved already (resolve_people, which reads and writes every committee's)."""
    if people:
        resolve_people(session)
    q = (
        select(S.ActionObservation, S.Document.sha256, S.Meeting.date, S.Meeting.committee_id)
        .join(S.Document, S.ActionObservation.document_id == S.Document.id)
        .join(S.Meeting, S.ActionObservation.meeting_id == S.Meeting.id)
        .execution_options(populate_existing=True)  # resolve_people wrote persons with Core
    )
    wanted_committees = None if committee_ids is None else set(committee_ids)
    if wanted_committees is not None:
        q = q.where(S.Meeting.committee_id.in_(sorted(wanted_committees)))
    rows = session.execute(q).all()
    human = {
        (j.left_key, j.right_key): Judgement(j.judgement)
        for j in session.scalars(select(S.LinkJudgement).where(S.LinkJudgement.judgement.in_(HUMAN)))
    }
    observations: list[Obs] = []
    by_key: dict[str, S.ActionObservation] = {}
    committees: set[int] = set(wanted_committees or ())  # one left with no actions loses its threads
    for obs, sha, day, committee_id in rows:
        key = obs_key(sha, obs.seq)
        by_key[key] = obs
        committees.add(committee_id)
        owner = obs.owner_person.key if obs.owner_person else (obs.owner or None)
        observations.append(Obs(
            key=key, committee=committee_id, meeting_date=day or date.min,
            order=(day or date.min, SOURCE_RANK.get(obs.source, 1), obs.document_id, obs.seq),
            source=obs.source, number=None if obs.source in MINUTES_SOURCES else ref_key(obs.number), raised=obs.raised_date,
            text=action_core(obs.text, obs.owner), owner=owner,
            due=obs.due_date, status=obs.status, owner_text=obs.owner,
            refs=references(obs.text, obs.progress, obs.status_text),
        ))
    assignment, decisions = link_observations(observations, human, LINK_AUTO, LINK_REVIEW, LINK_WINDOW_MEETINGS)
    existing = {t.key: t for t in session.scalars(select(S.ActionThread).where(S.ActionThread.committee_id.in_(committees)))}
    wanted = set(assignment.values())
    first_order = {o.key: o.order for o in observations}
    for key in sorted(wanted - existing.keys(), key=lambda k: first_order[k]):  # ids in order of first sight
        committee_id = next(o.committee for o in observations if o.key == key)
        thread = S.ActionThread(key=key[:120], committee_id=committee_id)
        session.add(thread)
        existing[key] = thread
    session.flush()
    for key, thread_key in assignment.items():
        by_key[key].thread_id = existing[thread_key].id
    session.flush()
    for key, thread in list(existing.items()):
        if key not in wanted and key not in by_key:
            session.delete(thread)  # its first printing is gone; a thread merged into another stays (see below)
    # A thread merged into another by a judgement keeps its row, with no printings: its id then resolves to
    # the thread now holding its first printing (queries.thread_history), and comes back if the link is rejected.
    touched = set(by_key)
    session.execute(delete(S.LinkJudgement).where(
        S.LinkJudgement.judgement.in_([Judgement.AUTO.value, Judgement.REVIEW.value]),
        S.LinkJudgement.right_key.in_(touched),
    ))
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    for d in decisions:
        if d.judgement.value in HUMAN:
            continue
        session.add(S.LinkJudgement(left_key=d.left, right_key=d.right, method=d.method, score=d.score,
                                    signals=d.signals, judgement=d.judgement.value, decided_by="minutetrail", decided_at=now))
    session.flush()
    refresh_states(session, committees)
    return {"threads": len(wanted), "links": sum(1 for d in decisions if d.judgement != Judgement.REVIEW),
            "review": sum(1 for d in decisions if d.judgement == Judgement.REVIEW)}


def judge(session: Session, left_id: int, right_id: int, judgement: Judgement, who: str) -> set[int]:
    """Record a human judgement between two observations (ids as shown by `history`); returns
    the committees whose threads it changes (to relink)."""
    if judgement not in (Judgement.CONFIRMED, Judgement.REJECTED):
        raise LinkError("a human judgement is confirmed or rejected")
    pair = []
    committees: set[int] = set()
    for oid in (left_id, right_id):
        row = session.execute(
            select(S.ActionObservation, S.Document.sha256, S.Meeting.date)
            .join(S.Document, S.ActionObservation.document_id == S.Document.id)
            .join(S.Meeting, S.ActionObservation.meeting_id == S.Meeting.id)
            .where(S.ActionObservation.id == oid)
        ).first()
        if row is None:
            raise LinkError(f"no action observation with id {oid}")
        pair.append((row[2] or date.min, row[0].seq, obs_key(row[1], row[0].seq)))
        committees.add(row[0].meeting.committee_id)
    pair.sort()
    left, right = pair[0][2], pair[1][2]
    j = session.scalar(select(S.LinkJudgement).where(S.LinkJudgement.left_key == left, S.LinkJudgement.right_key == right))
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    if j is None:
        j = S.LinkJudgement(left_key=left, right_key=right, method="human", score=1.0 if judgement == Judgement.CONFIRMED else 0.0,
                            signals={}, judgement=judgement.value, decided_by=who, decided_at=now)
        session.add(j)
    else:
        j.judgement, j.decided_by, j.decided_at, j.method = judgement.value, who, now, "human"
    session.flush()
    return committees
