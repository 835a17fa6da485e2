"""Only actions become threads: headings, boilerplate and decision lead-ins are not observations."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from minutetrail.db import schema as S
from minutetrail.link.guard import not_an_action
from minutetrail.models import DocKind
from tests.link.series import Series, _Builder
from tests.link.series_score import load


@pytest.mark.parametrize("text", ["81. DATE OF NEXT MEETING", "12 APOLOGIES FOR ABSENCE", "RESOLVED that:", "The Committee agreed that:",
                                  "It was agreed -", "None", "No actions arising.", "Date of next meeting", "(a) Noted", "Actions:",
                                  "79. Children's Services Performance Report", "12 Review of the Allotment Rules"])
def test_headings_boilerplate_and_lead_ins_are_not_actions(text):
    assert not_an_action(text) is not None


@pytest.mark.parametrize("text", ["Circulate the CQC report to members", "KC to write to the DfE about SEND funding",
                                  "That the RAG rating be used in scrutiny reports", "Agreed to write to the Minister",
                                  "Clerk to confirm the date of the next meeting with the venue", "Review the MFA roll-out",
                                  "War Memorial Railings: Condition Report", "3. Clerk to write to the Police about speeding"])
def test_real_actions_pass_the_guard(text):
    assert not_an_action(text) is None


def test_minute_headings_never_become_observations_or_threads(db):
    s = Series("guard", "Invented Panel", [date(2024, 1, 9), date(2024, 2, 13)])
    b = _Builder(s, "Invented Council", DocKind.ACTION_LOG)
    b.minute_action("x1", 1, "81", "Clerk to book the venue for the summer meeting", "Clerk", None)
    b.minute_action(None, 1, "82", "82. DATE OF NEXT MEETING", None, None)
    b.minute_action(None, 1, "83", "RESOLVED that:", None, None)
    b.row("x2", 1, "1", "Publish the panel's annual report", "Clerk", None, "31/03/2024", date(2024, 1, 9))
    b.row("x3", 1, "2", "ACTIONS FROM PREVIOUS MEETINGS", None, None, None, None)
    load(db, b.build())
    with db.session() as session:
        texts = set(session.scalars(select(S.ActionObservation.text)))
    assert texts == {"Clerk to book the venue for the summer meeting", "Publish the panel's annual report"}

