import pytest

from minutetrail.models import ActionStatus, Rag
from minutetrail.parsers.owners import clean_person, parse_owner
from minutetrail.parsers.status import (
    parse_status,
    progress_says_complete,
    rag_from_rgb,
    resolve_status,
)


@pytest.mark.parametrize("text, expected", [
    ("OVERDUE", ActionStatus.OVERDUE), ("COMPLETED", ActionStatus.COMPLETED), ("IN PROGRESS", ActionStatus.IN_PROGRESS),
    ("Not yet started", ActionStatus.NOT_STARTED), ("Cancelled", ActionStatus.CANCELLED), ("", None), ("Noted", None),
])
def test_parse_status(text, expected):
    assert parse_status(text) == expected


def test_printed_status_wins_then_colour_then_progress():
    assert resolve_status("IN PROGRESS", Rag.BLUE, "Completed") == ActionStatus.IN_PROGRESS
    assert resolve_status(None, Rag.BLUE, None) == ActionStatus.COMPLETED
    assert resolve_status("", None, "Completed - data sent") == ActionStatus.COMPLETED
    assert resolve_status("", None, "To be completed") is None
    assert not progress_says_complete("Target of getting the report completed")


@pytest.mark.parametrize("rgb, rag", [
    ((0.9, 0.25, 0.25), Rag.RED), ((1.0, 0.75, 0.1), Rag.AMBER), ((0.3, 0.7, 0.3), Rag.GREEN), ((0.25, 0.45, 0.85), Rag.BLUE),
    ((0.956863, 0.713725, 0.713725), Rag.RED), ((0.72549, 0.894118, 0.72549), Rag.GREEN), ((0.5, 0.5, 0.5), None), (None, None),
])
def test_rag_from_fill_colour(rgb, rag):
    assert rag_from_rgb(rgb) == rag


def test_owner_kept_as_printed():
    assert parse_owner("  Head of Service (Corporate\n Parenting) ") == "Head of Service (Corporate Parenting)"
    assert parse_owner("TBC") is None
    assert clean_person("Councillor Diana Toynbee (Cabinet Member)") == "Diana Toynbee"
    assert clean_person("Mr Sam Pratley") == "Sam Pratley"


def test_recorded_votes_take_the_last_vote_of_the_item():
    from minutetrail.parsers.votes import text_to_votes as _votes

    text = ("the voting was as follows: For (14) Mr Baldock, Mr Brady Against (45) Mr Baker Abstain (4) Mrs Bruneau "
            "Amendment lost. The Chairman put the substantive motion: For (39) Mr Baker Against (19) Mr Brady Abstain (1) Mr Webb")
    v = _votes(text)
    assert (v.for_, v.against, v.abstain) == (39, 19, 1)
    assert _votes("For: 57, Against: 0, Abstain: 2").for_ == 57
    assert _votes("The motion was carried.") is None
