"""How minutes word a decision and an action, one phrasing per case, in a short set of minutes made
with reportlab: each phrasing gives its decision (text) or its action (text and owner). Invented text."""
from __future__ import annotations

from pathlib import Path

import pytest

from minutetrail.extraction import parse_file
from tests.councilpdf import parish_minutes

DECISIONS = {
    "resolved-colon": ("RESOLVED: that the budget be approved.", "that the budget be approved."),
    "resolved-dash": ("Resolved - That the budget be approved.", "That the budget be approved."),
    "it-was-resolved": ("It was resolved that the budget be approved.", "It was resolved that the budget be approved."),
    "agreed-colon": ("AGREED: that the budget be approved.", "that the budget be approved."),
    "agreed-that": ("Agreed that the budget be approved.", "Agreed that the budget be approved."),
    "decision-label": ("Decision: the budget be approved.", "the budget be approved."),
    "body-resolved": ("The council resolved to approve the budget.", "The council resolved to approve the budget."),
    "moved-aloud-in-a-verbatim-record": ("Councillor Ray: I'll move that the budget be approved.",
                                         "I'll move that the budget be approved."),
    "moved-seconded": ("Moved by Cllr Lee, seconded by Cllr Ray, that the budget be approved. Carried.",
                       "Moved by Cllr Lee, seconded by Cllr Ray, that the budget be approved."),
}
ACTIONS = {
    "label-then-assignment": ("ACTION: Clerk to write to the county council.", "Clerk", "Clerk to write to the county council."),
    "label-then-name": ("Action: Bob Ray to obtain three quotes.", "Bob Ray", "Bob Ray to obtain three quotes."),
    "assignment-in-prose": ("Cllr Tan to contact the police about speeding.", "Cllr Tan", "Cllr Tan to contact the police about speeding."),
    "asked-to": ("The Clerk was asked to write to the county council.", "The Clerk", "The Clerk was asked to write to the county council."),
    "owner-bracketed-after": ("The clerk will write to the county council. (Action: Clerk)", "Clerk",
                              "The clerk will write to the county council."),
    "owner-initials-after": ("Members discussed the bench. Quotes to be obtained for the repair. ACTION: BR", "BR",
                             "Quotes to be obtained for the repair."),
}


def _minutes(path: Path, decision: str, action: str) -> Path:
    sheet = parish_minutes(path).line("Present: Cllr Ann Lee (Chair), Cllr Bob Ray, Cllr Cy Tan", step=28)
    for n, (title, opening, closing) in enumerate([("Budget", "The treasurer presented the draft budget.", decision),
                                                   ("Footpaths", "Members discussed the footpaths near the school.", action)], 1):
        sheet.heading(f"{n}.", title, "bold").line(opening).line(closing, step=26)
    return sheet.save()


@pytest.mark.parametrize("case", sorted(DECISIONS))
def test_decision_phrasings(tmp_path, case):
    printed, text = DECISIONS[case]
    [minutes] = parse_file(str(_minutes(tmp_path / "m.pdf", printed, "The clerk reported on the footpaths."))).minutes
    assert [r.text for r in minutes.items[0].resolutions] == [text]
    assert minutes.items[1].resolutions == ()


@pytest.mark.parametrize("case", sorted(ACTIONS))
def test_action_phrasings(tmp_path, case):
    printed, owner, text = ACTIONS[case]
    [minutes] = parse_file(str(_minutes(tmp_path / "m.pdf", "RESOLVED: that the budget be approved.", printed))).minutes
    assert [(a.owner, a.text) for a in minutes.items[1].actions] == [(owner, text)]
