"""References as linking signals: reformatted, renumbered, and named by another row."""
from __future__ import annotations

from datetime import date

from minutetrail.link.references import ref_key, references
from minutetrail.link.threads import Obs, link_observations

M1, M2, M3 = date(2023, 1, 10), date(2023, 2, 14), date(2023, 3, 14)


def _obs(key, day, text, number=None, raised=None, owner=None, refs=(), source="action_log"):
    return Obs(key, 1, day, (day, 1, day.toordinal(), int(key.split(":")[1])), source, ref_key(number), raised, text, owner,
               None, None, refs=frozenset(refs))


def _link(obs):
    return link_observations(obs, {}, auto=0.825, review=0.6, window=6)[0]


def test_a_reformatted_reference_is_the_same_reference():
    assert ref_key("IA 22/23-05") == ref_key("IA2223/05") == ref_key("ia 2223 05")
    assert ref_key("23/05") != ref_key("5")


def test_phrases_naming_another_row_are_read():
    assert references("Publish the guidance (supersedes action 5)") == {"5"}
    assert references(None, "Merged with action 11 from March") == {"11"}
    assert references("Superseded by IA 23/24-04") == {ref_key("IA 23/24-04")}
    assert references("Formerly ref CF/23/04") == {ref_key("CF/23/04")}
    assert references("Provide the 5 year plan") == frozenset()


def test_a_row_that_names_the_action_it_supersedes_continues_its_thread():
    a = _obs("a:1", M1, "Review the thresholds document with partner agencies", "5", M1, "head of early help")
    b = _obs("b:1", M2, "Publish the revised multi-agency thresholds guidance (supersedes action 5)", "8", M1, "head of early help",
             refs=references("Publish the revised multi-agency thresholds guidance (supersedes action 5)"))
    assignment = _link([a, b])
    assert assignment["a:1"] == assignment["b:1"]


def test_without_the_reference_a_new_wording_starts_a_new_thread():
    a = _obs("a:1", M1, "Review the thresholds document with partner agencies", "5", M1, "head of early help")
    b = _obs("b:1", M2, "Publish the revised multi-agency thresholds guidance", "8", M1, "head of early help")
    assignment = _link([a, b])
    assert assignment["a:1"] != assignment["b:1"]


def test_a_structured_reference_keeps_a_reworded_recommendation():
    a = _obs("a:1", M1, "Multi-factor authentication to be introduced for all remote access to finance systems", "IA 22/23-05", M1)
    b = _obs("b:1", M2, "Roll out MFA for remote access to the finance system", "IA2223/05", M1)
    assert _link([a, b])["a:1"] == _link([a, b])["b:1"]


def test_a_bare_ordinal_does_not_carry_a_different_action():
    a = _obs("a:1", M1, "circulate the IRO handbook", "1", M1, "clerk")
    b = _obs("b:1", M2, "circulate the IRO annual report", "1", M1, "clerk")
    assignment = _link([a, b])
    assert assignment["a:1"] != assignment["b:1"]


def test_quarter_figures_are_different_actions():
    a = _obs("a:1", M1, "Provide the Q3 attendance figures for the family hubs", "4", M1, "kenny combe")
    b = _obs("b:1", M3, "Provide the Q4 attendance figures for the family hubs", "9", M2, "kenny combe")
    assignment = _link([a, b])
    assert assignment["a:1"] != assignment["b:1"]


def test_a_minutes_action_joins_the_log_row_that_carries_it():
    m = _obs("m:1", M2, "report back on the number of foster carers recruited since April", None, M1, "kenny combe", source="minutes")
    r = _obs("r:1", M2, "Report on the number of foster carers recruited since April 2023", "23/04", M1, "kenny combe")
    other = _obs("r:2", M2, "Report on the number of adopters approved since April 2023", "23/05", M1, "kenny combe")
    m = Obs(*[getattr(m, f) for f in ("key", "committee", "meeting_date")], (M2, 0, 1, 1), *[getattr(m, f) for f in (
        "source", "number", "raised", "text", "owner", "due", "status")])
    assignment = _link([m, r, other])
    assert assignment["m:1"] == assignment["r:1"] != assignment["r:2"]


def test_identical_wording_under_two_references_keeps_each_reference():
    text = "Ensure the contract register is reviewed and updated each quarter"
    a1 = _obs("a:1", M1, text, "IA 23/24-01", M1, "head of finance")
    a2 = _obs("a:2", M1, text, "IA 23/24-02", M1, "head of finance")
    # the next tracker prints them in the other order
    b1 = _obs("b:1", M2, text, "IA 23/24-02", M1, "head of finance")
    b2 = _obs("b:2", M2, text, "IA 23/24-01", M1, "head of finance")
    a1, a2, b1, b2 = (Obs(o.key, 1, o.meeting_date, (o.meeting_date, 1, o.meeting_date.toordinal(), int(o.key[-1])), *[
        getattr(o, f) for f in ("source", "number", "raised", "text", "owner", "due", "status")]) for o in (a1, a2, b1, b2))
    assignment = _link([a1, a2, b1, b2])
    assert assignment["b:1"] == assignment["a:2"] and assignment["b:2"] == assignment["a:1"]


def test_a_completed_recommendation_is_not_reopened_under_another_reference():
    text = "Ensure the contract register is reviewed and updated each quarter"
    a = Obs("a:1", 1, M1, (M1, 1, 1, 1), "recommendation_tracker", ref_key("IA 23/24-01"), M1, text, "head of finance", None, "completed")
    b = Obs("b:1", 1, M3, (M3, 1, 2, 1), "recommendation_tracker", ref_key("IA 23/24-05"), M1, text, "head of finance", None, None)
    assignment = _link([a, b])
    assert assignment["a:1"] != assignment["b:1"]
