"""eval scores each category against gold: minutes actions are matched by text and their owners checked."""
from __future__ import annotations

from minutetrail.evaluate import compare


def _minutes(actions: list[dict]) -> dict:
    return {"minutes": [{"meeting_date": "2024-01-10", "items": [{"number": "1", "title": "Roads", "actions": actions}]}]}


def test_minutes_actions_are_scored_with_their_owner():
    gold = _minutes([{"text": "Write to the highways authority about the potholes", "owner": "Clerk"},
                     {"text": "Order a new noticeboard for the village hall", "owner": "JS"}])
    pred = _minutes([{"text": "write to the Highways Authority about the potholes.", "owner": "Clerk"},
                     {"text": "Order a new noticeboard for the village hall", "owner": "Due to"},
                     {"text": "The scheme would provide new homes", "owner": "The scheme"}])
    result = compare(gold, pred)
    score = result.scores["minute_actions"]
    assert (score.tp, score.fp, score.fn) == (2, 1, 0)
    assert result.fields["minute_action_owner"] == [1, 2]


def test_a_missing_minutes_action_is_a_miss():
    result = compare(_minutes([{"text": "Circulate the draft terms of reference", "owner": None}]), _minutes([]))
    assert (result.scores["minute_actions"].tp, result.scores["minute_actions"].fn) == (0, 1)
    assert result.fields["minute_action_owner"] == [0, 0]
