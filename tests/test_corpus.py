"""Every PDF in the shared corpus parses without a crash; the scanned one gets a clear answer."""
from __future__ import annotations

import json

import pytest

from minutetrail.errors import ExtractionError
from minutetrail.evaluate import evaluate_files, totals
from minutetrail.extraction import parse_file
from minutetrail.parsers.record import record_to_dict
from tests.conftest import CORPUS, GOLD

PDFS = sorted(CORPUS.rglob("*.pdf"))
SCANNED = CORPUS / "real" / "nipissing-township" / "council-package-2025-01-07.pdf"


@pytest.mark.parametrize("pdf", [p for p in PDFS if p != SCANNED], ids=lambda p: p.name)
def test_parses_without_a_crash(pdf):
    record = record_to_dict(parse_file(pdf))
    json.dumps(record)
    assert record["source"]["pages"] >= 1
    for a in record["actions"]:
        assert a["page"] >= 1 and a["bbox"] is not None


def test_scanned_package_without_ocr_gets_a_clear_answer():
    """With --ocr never (OCR of all 39 pages takes too long for the suite: bench/ocr_speed.py reads it)."""
    with pytest.raises(ExtractionError) as info:
        parse_file(SCANNED, ocr="never")
    message = str(info.value)
    assert SCANNED.name in message and "scanned" in message and "OCR" in message


def test_seed_action_tables_meet_the_published_accuracy():
    """A regression guard on the real seed papers (FORMAT.md gold), not a tuned-to-pass test."""
    results = evaluate_files(sorted((GOLD / "seed").glob("*.json")), lambda p: record_to_dict(parse_file(p)))
    scores, fields, _ = totals(results)
    assert scores["actions"].f1 >= 0.98
    for name in ("owner", "due", "status", "meeting_date"):
        correct, total = fields[name]
        assert total and correct / total >= 0.97, name


def test_every_corpus_paper_is_stored(tmp_path):
    """Parsing is not enough: each record must also be accepted by the database (one batch, SQLite)."""
    from minutetrail.db.session import Database
    from minutetrail.pipeline import ingest

    db = Database(f"sqlite:///{tmp_path / 'corpus.db'}")
    try:
        report = ingest(db, [p for p in PDFS if p != SCANNED], jobs=2)
    finally:
        db.close()
    assert [f.message for f in report.failed] == []
    assert len(report.inserted) + len(report.unchanged) == len(PDFS) - 1
