"""Golden tests: each sample pack parsed equals the record the generator wrote beside it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutetrail.extraction import parse_file
from minutetrail.parsers.record import record_to_dict
from tests.conftest import SAMPLES

GOLD = sorted((SAMPLES / "gold").glob("*.json"))
ACTION_FIELDS = ("table", "number", "meeting_date", "text", "owner", "progress", "due", "due_text", "status", "status_text", "rag", "page")


@pytest.fixture(scope="module", params=GOLD, ids=lambda p: p.stem)
def pair(request):
    gold = json.loads(Path(request.param).read_text())
    pred = record_to_dict(parse_file(SAMPLES / gold["source"]["file"]))
    return gold, pred


def test_sha_and_pages(pair):
    gold, pred = pair
    assert pred["source"]["sha256"] == gold["source"]["sha256"]  # the PDFs are the generator's output
    assert pred["source"]["pages"] == gold["source"]["pages"]


def test_meeting(pair):
    gold, pred = pair
    assert pred["meeting"] == gold["meeting"]


def test_document_parts(pair):
    gold, pred = pair
    assert [(d["kind"], d["page_start"], d["page_end"]) for d in pred["documents"]] == \
           [(d["kind"], d["page_start"], d["page_end"]) for d in gold["documents"]]


def test_action_rows_exactly(pair):
    gold, pred = pair
    assert [{k: a[k] for k in ACTION_FIELDS} for a in pred["actions"]] == \
           [{k: a[k] for k in ACTION_FIELDS} for a in gold["actions"]]
    assert all(a["bbox"] and a["bbox"][0] < a["bbox"][2] and a["bbox"][1] < a["bbox"][3] for a in pred["actions"])


def test_agenda_items(pair):
    gold, pred = pair
    assert pred["agenda_items"] == gold["agenda_items"]


def test_minutes(pair):
    gold, pred = pair
    assert len(pred["minutes"]) == len(gold["minutes"]) == 1
    g, p = gold["minutes"][0], pred["minutes"][0]
    assert (p["committee"], p["meeting_date"], p["page_start"]) == (g["committee"], g["meeting_date"], g["page_start"])
    assert p["attendance"] == g["attendance"]
    assert [(i["number"], i["title"], i["page"]) for i in p["items"]] == [(i["number"], i["title"], i["page"]) for i in g["items"]]
    assert [i["resolutions"] for i in p["items"]] == [i["resolutions"] for i in g["items"]]
    assert [[(a["text"], a["owner"], a["due"]) for a in i["actions"]] for i in p["items"]] == \
           [[(a["text"], a["owner"], a["due"]) for a in i["actions"]] for i in g["items"]]


def test_recommendations(pair):
    gold, pred = pair
    assert pred["recommendations"] == gold["recommendations"]
