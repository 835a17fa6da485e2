import pytest

from minutetrail.parsers.nlp import assignee, due_phrase, entities, get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


@pytest.mark.parametrize("sentence, owner", [
    ("Housing Strategy Manager to review the damp register.", "Housing Strategy Manager"),
    ("The Clerk will design some posters", "The Clerk"),
    ("the Councillors agreed to meet on Saturday", "the Councillors"),
    ("C Ward to report back", "C Ward"),
    ("Cllr Andrews to write to the minister", "Cllr Andrews"),
    ("It was agreed to review these", None),
    ("Members be sent the link", None),
])
def test_assignee(nlp, sentence, owner):
    assert assignee(nlp, sentence) == owner


def test_due_phrase_and_entities(nlp):
    assert due_phrase(nlp, "Priya Shah to circulate the results by 11 February 2025.") == "11 February 2025"
    assert due_phrase(nlp, "C Ward to report by the next meeting") == "the next meeting"
    labels = {e.label for e in entities(nlp, "Head of Housing Services and Mr Tom Elliott met on 3 April")}
    assert labels == {"ROLE", "PERSON", "DATE"}
