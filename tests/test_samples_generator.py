"""The samples are the generator's output: regenerating them gives the same bytes and records."""
from __future__ import annotations

import hashlib
import json

from samples.generate import main as generate
from tests.conftest import SAMPLES


def test_generator_reproduces_the_committed_samples(tmp_path):
    generate(str(tmp_path))
    committed = sorted(SAMPLES.glob("*.pdf"))
    assert len(committed) == 6
    for pdf in committed:
        assert hashlib.sha256((tmp_path / pdf.name).read_bytes()).hexdigest() == hashlib.sha256(pdf.read_bytes()).hexdigest(), pdf.name
        gold = SAMPLES / "gold" / f"{pdf.stem}.json"
        assert json.loads((tmp_path / "gold" / gold.name).read_text()) == json.loads(gold.read_text())
    assert json.loads((tmp_path / "expected-overdue.json").read_text()) == json.loads((SAMPLES / "expected-overdue.json").read_text())
