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


def _people(db) -> set[tuple[str, str, frozenset[str]]]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return {(p.key, p.name, frozenset(a.alias for a in p.aliases)) for p in s.scalars(select(S.Person))}


def test_people_do_not_depend_on_the_order_papers_were_ingested(tmp_path):
    """A name first printed as initials ("C Ward"), then in full: one person either way."""
    from minutetrail.db.session import Database
    from tests.tablepdf import Layout, layout_pdf

    papers = []
    for i, (day, owner) in enumerate([("5 March 2024", "C Ward"), ("9 April 2024", "Claire Ward")]):
        papers.append(layout_pdf(tmp_path / f"log{i}.pdf", Layout(
            ["Ref", "Action", "Owner", "Due", "Status"], [40, 300, 100, 80, 80],
            [["1", "Review the winter gritting routes with the highways contractor", owner, "30/06/2024", "Open"]],
            before=["Example Scrutiny Committee", f"Action log, meeting of {day}"])))
    together = Database(f"sqlite:///{tmp_path / 'together.db'}")
    ingest(together, papers, jobs=1)
    one_by_one = Database(f"sqlite:///{tmp_path / 'one-by-one.db'}")
    for paper in papers:
        ingest(one_by_one, [paper], jobs=1)
    reverse = Database(f"sqlite:///{tmp_path / 'reverse.db'}")
    for paper in reversed(papers):
        ingest(reverse, [paper], jobs=1)
    expected = {("claire ward", "Claire Ward", frozenset({"C Ward", "Claire Ward"}))}
    assert _people(together) == expected
    assert _people(one_by_one) == expected
    assert _people(reverse) == expected
    for db in (together, one_by_one, reverse):
        db.close()
