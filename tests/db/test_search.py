"""search: one interface over SQLite FTS5 and PostgreSQL full-text search."""
from datetime import date

from minutetrail.db.search import search
from minutetrail.pipeline import ingest
from tests.conftest import SAMPLES


def test_search_finds_ranks_and_filters(db):
    ingest(db, [SAMPLES], jobs=1)
    with db.session() as s:
        hits = search(s, "void properties")
        assert hits and all("void" in h["text"].lower() for h in hits)
        assert {h["kind"] for h in hits} >= {"action"}
        assert all(h["source_file"].endswith(".pdf") and h["page"] >= 1 and h["meeting_date"] for h in hits)
        assert hits == sorted(hits, key=lambda h: -h["score"])
        june = search(s, "void properties", date_from=date(2025, 6, 1))
        assert june and all(h["meeting_date"] >= "2025-06-01" for h in june) and len(june) < len(hits)
        decisions = search(s, "damp", kind="decision")
        assert decisions and all(h["kind"] == "decision" for h in decisions)
        assert search(s, "damp", committee="no such committee") == []
        assert search(s, "zebra crossing quantum") == []
        assert search(s, '"; DROP TABLE documents; --') == []  # user text is data, not query syntax
        assert search(s, "reports") and search(s, "report")  # stemming on both databases
