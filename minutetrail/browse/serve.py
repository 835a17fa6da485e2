"""`minutetrail serve`: the SQLite database in Datasette, read-only, under its file stem."""
from __future__ import annotations

import asyncio
import threading
import webbrowser
from pathlib import Path
from typing import Any

from minutetrail.browse import plugin
from minutetrail.browse.metadata import build_metadata

OPEN_DELAY_S = 1.0
SQL_TIME_LIMIT_MS = 5000  # the views walk every printing: give a large database time


def make_datasette(path: Path) -> Any:
    """A Datasette over one minutetrail SQLite file, opened read-only (mode=ro: nothing can write
    through it), with our metadata, canned queries and evidence plugin."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    if not pm.is_registered(plugin):
        pm.register(plugin, name="minutetrail")
    return Datasette([str(path)], metadata=build_metadata(path.stem),
                     settings={"sql_time_limit_ms": SQL_TIME_LIMIT_MS, "facet_time_limit_ms": SQL_TIME_LIMIT_MS})


def serve(path: Path, host: str, port: int, open_browser: bool, announce: Any = print) -> None:
    """Serve until interrupted."""
    import uvicorn

    ds = make_datasette(path)
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(ds.invoke_startup())
    finally:
        loop.close()
    url = f"http://{host}:{port}{ds.urls.database(path.stem)}"
    announce(f"serving {path} read-only at {url} (Ctrl-C to stop)")
    if open_browser:  # once the server is listening
        threading.Timer(OPEN_DELAY_S, webbrowser.open, [url]).start()
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
