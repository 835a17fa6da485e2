"""Settings: the database URL and the thresholds the stages share."""
from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "MINUTETRAIL_DB"
DEFAULT_DB_FILE = "minutetrail.db"

EXTRACTOR_VERSION = "0.1.0"
PARSER_VERSION = "0.1.0"

# Linking: an observation joins a thread automatically at or above LINK_AUTO,
# goes to the review queue between LINK_REVIEW and LINK_AUTO, and starts a new thread below.
# Chosen with bench/link_pairs.py on the labelled pairs (seven families, each pair scored as the linker
# scores it: text and signals): 0.825 is the threshold of best F1 (0.980) with no hard negative merged;
# every true pair below it scores 0.675 or more, so the review floor 0.60 queues them all.
LINK_AUTO = 0.825
LINK_REVIEW = 0.60
# How many later meetings of a committee a thread may skip and still be continued.
LINK_WINDOW_MEETINGS = 6


def database_url(explicit: str | None = None) -> str:
    """The database URL: explicit value, else $MINUTETRAIL_DB, else a SQLite file here."""
    url = explicit or os.environ.get(DB_ENV)
    if url:
        if "://" not in url:  # a bare path means a SQLite file
            return f"sqlite:///{Path(url).resolve()}"
        return url
    return f"sqlite:///{Path(DEFAULT_DB_FILE).resolve()}"
