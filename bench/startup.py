"""Start-up cost of small commands: --help, --version, a subcommand's --help, and queries on the samples' database.

Each command runs in a fresh child process (bench/memory.py's runner): CPU seconds, wall seconds, peak RSS;
the median of REPEAT runs. Run: python bench/startup.py [REPEAT]
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import MINUTETRAIL, ROOT, measure  # noqa: E402

REPEAT = 5


def median(args: list[str], repeat: int) -> dict[str, float]:
    runs = [measure(args) for _ in range(repeat)]
    return {k: round(statistics.median(r[k] for r in runs), 3) for k in runs[0]}


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else REPEAT
    mt = str(MINUTETRAIL)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "samples.db")
        measure([mt, "--db", db, "ingest", str(ROOT / "samples")])
        result = {
            "help": median([mt, "--help"], repeat),
            "version": median([mt, "--version"], repeat),
            "overdue_help": median([mt, "overdue", "--help"], repeat),
            "overdue_on_samples": median([mt, "overdue", "--db", db, "--as-of", "2025-06-30"], repeat),
            "changes_on_samples": median([mt, "changes", "--db", db], repeat),
            "search_on_samples": median([mt, "search", "repairs", "--db", db], repeat),
        }
    print(json.dumps({"repeat": repeat, **result}, indent=2))


if __name__ == "__main__":
    main()
