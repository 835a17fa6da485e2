"""Linking decisions on hand-made observations."""
from __future__ import annotations

from datetime import date

from minutetrail.link.people import person_key, resolve_aliases
from minutetrail.link.textsim import normalise, text_similarity
from minutetrail.link.threads import Obs, link_observations
from minutetrail.models import Judgement

M1, M2, M3 = date(2022, 1, 1), date(2022, 2, 1), date(2022, 3, 1)


def _obs(key: str, day: date, text: str, number: str | None = None, raised: date | None = None,
         owner: str | None = None, status: str | None = None, doc: int = 0) -> Obs:
    return Obs(key, 1, day, (day, 1, doc or day.toordinal(), int(key.split(":")[-1])), "action_log", number, raised,
               text, owner, None, status)


def _link(obs, human=None):
    return link_observations(obs, human or {}, auto=0.8, review=0.6, window=6)


def test_rewording_and_renumbering_stay_one_thread():
    a = _obs("a:1", M1, "Circulate the KPIs of the Children's Centre contracts", "5", M1, "richard watson")
    b = _obs("b:1", M2, "Circulate to the Committee the Key Performance Indicators of the Children's Centre contracts", "2", M1, "richard watson")
    assignment, decisions = _link([a, b])
    assert assignment["a:1"] == assignment["b:1"]
    assert decisions[0].judgement == Judgement.AUTO and decisions[0].signals["same_raised"]


def test_hard_negatives_are_not_merged():
    pairs = [
        ("Review the risk register", "Review the procurement waivers register"),
        ("circulate the IRO handbook", "circulate the IRO annual report"),
    ]
    for left, right in pairs:
        a = _obs("a:1", M1, left, "1", M1, "clerk")
        b = _obs("b:1", M2, right, "1", M1, "clerk")
        assignment, _ = _link([a, b])
        assert assignment["a:1"] != assignment["b:1"], (left, right)


def test_two_rows_of_one_document_never_join():
    a = _obs("a:1", M1, "Send the report to members", doc=7)
    b = _obs("a:2", M1, "Send the report to members", doc=7)
    assignment, _ = _link([a, b])
    assert assignment["a:1"] != assignment["a:2"]


def test_completed_thread_is_not_reopened_by_a_merely_similar_row():
    a = _obs("a:1", M1, "Arrange a site visit to the depot", raised=M1, status="completed")
    b = _obs("b:1", M2, "Arrange a site visit to the new depot site", raised=None)
    assignment, _ = _link([a, b])
    assert assignment["a:1"] != assignment["b:1"]


def test_human_rejection_wins_and_confirmation_joins():
    a = _obs("a:1", M1, "Provide the data", "1", M1)
    b = _obs("b:1", M2, "Provide the data", "1", M1)
    c = _obs("c:1", M3, "Write to the secretary of state")
    assignment, _ = _link([a, b, c], {("a:1", "b:1"): Judgement.REJECTED, ("b:1", "c:1"): Judgement.CONFIRMED})
    assert assignment["a:1"] != assignment["b:1"]
    assert assignment["b:1"] == assignment["c:1"]


def test_text_normalisation_expands_abbreviations_and_drops_that():
    assert normalise("That the KPIs be circulated") == "the key performance indicators be circulated"
    same, _ = text_similarity("Share the KPIs for the contract", "Share the Key Performance Indicators for the contract")
    assert same > 0.95


def test_people_aliases():
    keys = [person_key(x) for x in ["Claire Ward", "C Ward", "Ward, Claire", "Ms C Ward", "Claire Ward (Legal)"]]
    canon = resolve_aliases(k for k in keys if k)
    assert {canon[k] for k in keys if k} == {"claire ward"}
    assert person_key("Head of Service (Early Help)") is None
    assert person_key("Clerk to the committee") is None
    two = resolve_aliases(["c ward", "claire ward", "colin ward"])
    assert two["c ward"] == "c ward"  # ambiguous initial: not guessed


def test_the_array_scorer_agrees_with_the_pair_scorer():
    from minutetrail.link.threads import _Prepared, score_matrix, score_pair

    texts = ["Circulate the KPIs of the contracts", "Review the risk register", "Circulate the quarter 3 report",
             "Circulate the quarter 4 report", "Provide a breakdown of voids by ward", "The Clerk to provide the breakdown of voids by ward"]
    rows = [_obs(f"r:{i}", M2, t, str(i % 3), M1 if i % 2 else None, "clerk" if i % 3 else None) for i, t in enumerate(texts)]
    heads = [_obs(f"h:{i}", M1, t, str(i % 2), M1, "clerk", status="completed" if i == 2 else None) for i, t in enumerate(reversed(texts))]

    def prep(o):
        from minutetrail.link.textsim import content_words, normalise
        return _Prepared(o, normalise(o.text), content_words(normalise(o.text)))

    matrix, parts = score_matrix([prep(o) for o in rows], [prep(o) for o in heads])
    for i, r in enumerate(rows):
        for j, h in enumerate(heads):
            expected, signals = score_pair(h, r)
            assert abs(matrix[i, j] - expected) < 1e-4, (r.text, h.text)
            assert bool(parts["same_raised"][i, j]) == signals["same_raised"]
