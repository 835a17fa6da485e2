"""recurring: topics that come back, long-carried actions, recommendations made again (both databases)."""
from minutetrail.db.recurring import carried_actions, recurring_topics, repeated_recommendations
from minutetrail.link.clusters import is_standing, topic_key
from minutetrail.pipeline import ingest
from tests.conftest import SAMPLES


def test_recurring_on_the_samples(db):
    ingest(db, [SAMPLES], jobs=1)
    with db.session() as s:
        topics = recurring_topics(s)
        carried = carried_actions(s, min_meetings=4)
        repeated = repeated_recommendations(s)
    substantive = [t for t in topics if t["kind"] == "topic"]
    assert len(substantive) == 1 and substantive[0]["meetings"] == 3
    assert {o["meeting_date"] for o in substantive[0]["occurrences"]} == {"2025-01-14", "2025-03-11", "2025-05-13"}
    assert {t["title"] for t in topics if t["kind"] == "standing"} >= {"APOLOGIES FOR ABSENCE", "DATE OF NEXT MEETING"}
    assert {t["meetings"] for t in carried} == {4, 5} and all(t["meetings"] >= 4 for t in carried)
    assert [r["meetings"] for r in repeated if "report damp" in r["text"]] == [2]
    assert not any("further scrutiny" in r["text"] for r in repeated)  # alike, not the same recommendation


def test_standing_items_and_topic_keys():
    assert is_standing("1. APOLOGIES FOR ABSENCE") and is_standing("Date of next meeting") and is_standing("Work Programme")
    assert not is_standing("HOUSING REPAIRS PERFORMANCE")
    assert topic_key("Housing repairs performance - quarter 3") == topic_key("HOUSING REPAIRS PERFORMANCE - QUARTER 4")
