"""Start-up stays light: each command imports only the heavy libraries its work needs."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLES

HEAVY = ("pdfplumber", "pdfminer", "pypdfium2", "spacy", "sqlalchemy", "alembic", "numpy", "rapidfuzz", "dask", "distributed")


def _imported_after(args: list[str]) -> set[str]:
    """The heavy top-level packages loaded by running `minutetrail ARGS` in a fresh interpreter."""
    probe = (
        "import sys, json\n"
        "from minutetrail.cli import cli\n"
        f"try:\n    cli.main({args!r}, standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({list(HEAVY)!r}))))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_help_imports_no_heavy_library():
    assert _imported_after(["--help"]) == set()


def test_version_and_a_subcommand_help_import_no_heavy_library():
    assert _imported_after(["--version"]) == set()
    assert _imported_after(["overdue", "--help"]) == set()
    assert _imported_after(["changes", "--db", "x.db", "--help"]) == set()


def test_parse_reads_with_pdfium_only():
    pdf = sorted(SAMPLES.glob("*.pdf"))[0]
    loaded = _imported_after(["parse", str(pdf)])
    assert "pypdfium2" in loaded
    # rapidfuzz is the table reader's own (header cells are matched fuzzily); the database is not parse's
    assert not loaded & {"pdfplumber", "pdfminer", "sqlalchemy", "alembic"}


def test_a_query_on_a_database_at_head_does_not_load_alembic(tmp_path: Path):
    db = str(tmp_path / "q.db")
    pdf = str(sorted(SAMPLES.glob("*.pdf"))[0])
    assert "alembic" in _imported_after(["--db", db, "ingest", pdf])  # a new database is created by migration
    assert "alembic" not in _imported_after(["--db", db, "overdue"])  # then a query reads the stamp directly


def test_spacy_is_loaded_only_when_a_sentence_is_read():
    probe = (
        "import sys\n"
        "from minutetrail.parsers.nlp import LazyNlp, assignee\n"
        "nlp = LazyNlp()\n"
        "before = 'spacy' in sys.modules\n"
        "owner = assignee(nlp, 'The Clerk to write to the county council.')\n"
        "print(before, 'spacy' in sys.modules, owner)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert out.stdout.split() == ["False", "True", "The", "Clerk"]
