"""The generated series with their truth (tests/link/series.py), stored and linked in a real database."""
from __future__ import annotations

import pytest

from tests.link.series import series_a, series_b, series_c
from tests.link.series_score import load, score


@pytest.mark.parametrize("make", [series_a, series_b, series_c],
                         ids=["action-log-with-minutes", "audit-recommendations-tracker", "parish-minutes-and-action-list"])
def test_generated_series_link_people_and_overdue(db, make):
    series = make()
    load(db, series)
    with db.session() as session:
        got = score(session, series)
    print(series.name, {k: v for k, v in got.items() if not k.endswith("misses")})
    assert got["junk"] == 0
    assert got["hard_negatives_merged"] == []
    assert got["link_f1"] >= 0.97, got
    assert got["owners"] >= 0.95, got["owner_misses"]
    assert got["overdue_f1_min"] == 1.0, got["overdue_misses"]
    assert got["minutes_to_log"] >= 0.95, got
