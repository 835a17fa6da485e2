"""The link score on the labelled pairs (bench/data/link_pairs.jsonl), at the link threshold.

Each pair is scored as the linker scores it (``bench/link_pairs.py``: text and, where the pair
carries them, reference, raised-at, owner, source and status; a pair without them as if every
other signal agreed). These are the issue's targets: pairwise F1 >= 0.97 and no hard negative merged,
over all pairs; and every family of layouts keeps its precision.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from minutetrail.config import LINK_AUTO

BENCH = Path(__file__).resolve().parents[2] / "bench" / "link_pairs.py"


def _bench():
    spec = importlib.util.spec_from_file_location("link_pairs_bench", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_labelled_pairs_at_the_link_threshold():
    bench = _bench()
    pairs = bench.load()
    assert sum(p["same"] for p in pairs) >= 15 and sum(not p["same"] for p in pairs) >= 15
    assert len({p["family"] for p in pairs}) >= 5
    scores = [bench.pair_score(p) for p in pairs]
    merged = [(p["a"], p["b"]) for s, p in zip(scores, pairs) if s >= LINK_AUTO and not p["same"]]
    assert not merged
    _p, _r, f1, _fp = bench.prf(scores, [bool(p["same"]) for p in pairs], LINK_AUTO)
    assert f1 >= 0.97
    for family, (_t, _n, precision, _recall, _f1, _neg) in bench.per_family(scores, pairs, LINK_AUTO).items():
        assert precision == 1.0, family


def test_the_configured_threshold_is_the_one_the_pairs_choose():
    full = _bench().evaluate()["full"]
    table = full["table"]
    assert table[LINK_AUTO][3] == 0  # no hard negative merged at the configured threshold
    assert round(table[LINK_AUTO][2], 3) == round(table[full["best"]][2], 3)
