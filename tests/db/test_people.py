"""Owners to people: names with their variants, posts to whoever held them on the meeting date."""
from __future__ import annotations

import json

from sqlalchemy import select

from minutetrail.db import schema as S
from minutetrail.db.people import list_people
from minutetrail.pipeline import ingest
from tests.conftest import SAMPLES


def test_owner_resolution_on_the_samples(db):
    ingest(db, [SAMPLES], jobs=1)
    truth = {}
    for path in sorted((SAMPLES / "gold").glob("*.json")):
        record = json.loads(path.read_text())
        for row in record["actions"]:
            truth[(record["meeting"]["date"], row["text"])] = row["owner_person"]
    with db.session() as s:
        rows = s.execute(select(S.ActionObservation, S.Meeting.date).join(S.Meeting)
                         .where(S.ActionObservation.source.not_in(["minutes", "minutes_recommendation"]))).all()
        got = {(day.isoformat(), o.text): (o.owner_person.name if o.owner_person else o.owner) for o, day in rows}
    assert set(got) == set(truth)
    right = sum(1 for k in truth if got[k] == truth[k])
    assert right / len(truth) >= 0.95, [(k, got[k], truth[k]) for k in truth if got[k] != truth[k]]


def test_a_post_resolves_to_its_holder_on_the_date(db):
    ingest(db, [SAMPLES], jobs=1)
    with db.session() as s:
        rows = s.execute(select(S.ActionObservation, S.Meeting.date).join(S.Meeting)
                         .where(S.ActionObservation.owner == "Head of Housing Services")).all()
        holders = {day.isoformat(): o.owner_person.name for o, day in rows if o.owner_person}
        assert holders["2025-04-08"] == "Tom Elliott"
        assert holders["2025-06-10"] == "Grace Obi"
        people = {p["name"]: p for p in list_people(s)}
    tom = people["Tom Elliott"]
    assert {"T Elliott", "Tom Elliott"} <= set(tom["aliases"])
    assert tom["tenures"][0]["role"] == "Head of Housing Services" and tom["tenures"][0]["evidence"][0]["page"] >= 1
    assert people["Claire Ward"]["aliases"] == ["C Ward", "Claire Ward", "Ward, Claire"]
