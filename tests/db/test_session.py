"""What the database refuses is a named StorageError; printed text longer than its column is clipped, not refused."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from minutetrail.db import schema as S
from minutetrail.errors import StorageError


def test_overlong_printed_text_is_clipped_on_both_databases(db):
    with db.session() as s:
        s.add(S.Document(sha256="a" * 64, path="x.pdf", kind="k" * 100, status="ingested", parser_version="0",
                         ingested_at=datetime(2025, 1, 1)))
    with db.session(write=False) as s:
        assert s.scalar(select(S.Document.kind)) == "k" * 40


def test_a_refused_change_is_a_storage_error(db):
    with db.session() as s:
        s.add(S.Body(name="Marshfield Town Council"))
    with pytest.raises(StorageError, match="refused"):
        with db.session() as s:
            s.add(S.Body(name="Marshfield Town Council"))
    with db.session(write=False) as s:
        assert len(s.scalars(select(S.Body)).all()) == 1
