"""Our Datasette plugin: each printing linked to its evidence, rendered on request from the stored file.

Routes (under ``/-/minutetrail/evidence/<database>/<observation id>``): the evidence page (where it was
printed, the row's image, the page with the row outlined, a link to the PDF at that page), ``row.png``
(the crop of the row), ``page.png`` (the whole page) and ``source.pdf``. The image is rendered from the
file path, page and box stored at ingest; a file that has moved, or whose bytes are no longer the ones
ingested, is said so in words (and the images answer 404 with the same sentence).

``/-/minutetrail/page/<database>/<document id>/<page>.png`` is a page of a document: the evidence of
facts stored with a page and no box (agenda items, recommendations, search hits, posts).

Cells: a ``thread_id`` links to the thread's history (canned query ``thread``), an
``observation_id`` (and an ``action_observations`` row's id) to its evidence, a ``page`` beside a
``document_id`` to that page.
"""
from __future__ import annotations

import asyncio
import json
import hashlib
from html import escape
from pathlib import Path
from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup

from minutetrail.extract.crops import crop_png, page_png

ROUTE = "/-/minutetrail/evidence"
PAGE_ROUTE = "/-/minutetrail/page"
EVIDENCE_SQL = """
SELECT o.id, o.thread_id, o.page, o.x0, o.top, o.x1, o.bottom, o.header_box, o.text, o.number, o.owner, o.due, o.status_text,
       o.source, d.path, d.sha256, d.pages, c.name AS committee, m.date AS printed_in,
       CASE WHEN o.source IN ('minutes', 'minutes_recommendation') AND o.raised_date IS NOT NULL
            THEN o.raised_date ELSE m.date END AS meeting_date
FROM action_observations o JOIN documents d ON d.id = o.document_id JOIN meetings m ON m.id = o.meeting_id
JOIN committees c ON c.id = m.committee_id WHERE o.id = :id
"""
_hashes: dict[tuple[str, int, int], str] = {}  # (path, size, mtime_ns) -> sha256: hash a file once per change


def _sha256(path: Path) -> str:
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _hashes:
        digest = hashlib.sha256()
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        _hashes[key] = digest.hexdigest()
    return _hashes[key]


def locate(stored: str, sha256: str, db_path: str | None) -> tuple[Path | None, str | None]:
    """The file a stored path names (as stored, else relative to the database's folder) and, when it
    cannot be used, why: moved or deleted, or changed since ingest."""
    candidates = [Path(stored)]
    if db_path and not Path(stored).is_absolute():
        candidates.append(Path(db_path).parent / stored)
    for path in candidates:
        if path.is_file():
            if _sha256(path) != sha256:
                return None, (f"The file at {path} is no longer the one ingested: its bytes changed (sha256 differs "
                              f"from {sha256}). Ingest it again to see its current rows.")
            return path, None
    return None, (f"The source file is not at {stored} any more: it was moved or deleted after ingest. Put it "
                  f"back there, or ingest the file with sha256 {sha256} again from where it is now.")


async def _row(datasette: Any, request: Any) -> tuple[Any, dict[str, Any] | None]:
    name = tilde_decode(request.url_vars["database"])
    try:
        db = datasette.get_database(name)
    except KeyError:
        return None, None
    rows = await db.execute(EVIDENCE_SQL, {"id": int(request.url_vars["obs_id"])})
    first = rows.first()
    return db, dict(first) if first is not None else None


def _bbox(row: dict[str, Any]) -> tuple[float, float, float, float] | None:
    box = (row["x0"], row["top"], row["x1"], row["bottom"])
    return None if any(v is None for v in box) else box  # type: ignore[return-value]


async def evidence_page(request: Any, datasette: Any) -> Response:
    db, row = await _row(datasette, request)
    if row is None:
        return Response.html("<h1>No such observation</h1>", status=404)
    name = tilde_decode(request.url_vars["database"])
    base = datasette.urls.path(f"{ROUTE}/{tilde_encode(name)}/{row['id']}")
    path, problem = locate(row["path"], row["sha256"], db.path)
    thread = (f'<a class="thread" href="{datasette.urls.database(name)}/thread?thread_id={row["thread_id"]}">'
              f'thread {row["thread_id"]}</a>' if row["thread_id"] is not None else "no thread")
    facts = [("committee", row["committee"]), ("meeting", row["meeting_date"]),
             ("printed in", f"the pack of {row['printed_in']} ({row['source']})"),
             ("number", row["number"]), ("text", row["text"]), ("owner", row["owner"]), ("due", row["due"]),
             ("printed status", row["status_text"]), ("file", row["path"]), ("sha256", row["sha256"]),
             ("page", f"{row['page']} of {row['pages']}" if row["pages"] else row["page"]),
             ("box (points)", ", ".join(f"{v:.1f}" for v in _bbox(row) or ()) or "none stored")]
    table = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v)) if v is not None else ''}</td></tr>" for k, v in facts)
    if problem:
        body = f'<p class="missing"><strong>{escape(problem)}</strong></p>'
    else:
        crop = (f'<h2>The row as printed</h2><p><img class="row" alt="row on page {row["page"]}" src="{base}/row.png" style="max-width:100%"></p>'
                if _bbox(row) else "<p>No box was stored for this row: see the whole page.</p>")
        body = (f'{crop}<p><a class="pdf" href="{base}/source.pdf#page={row["page"]}">Open the PDF at page {row["page"]}</a></p>'
                f'<h2>Page {row["page"]}</h2><p><img class="page" alt="page {row["page"]}" src="{base}/page.png" '
                f'style="max-width:100%;border:1px solid #ccc"></p>')
    html = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Evidence {row['id']}</title></head>"
            f"<body style='font-family:sans-serif;max-width:70em;margin:1em auto'>"
            f"<p><a href='{datasette.urls.database(name)}'>{escape(name)}</a> · {thread}</p>"
            f"<h1>Evidence for observation {row['id']}</h1><table>{table}</table>{body}</body></html>")
    return Response.html(html)


async def _source(datasette: Any, request: Any) -> tuple[dict[str, Any] | None, Path | None, Response | None]:
    """The observation asked for and its file where it still is, or the 404 that says why not."""
    db, row = await _row(datasette, request)
    if row is None:
        return None, None, Response.text("no such observation", status=404)
    path, problem = locate(row["path"], row["sha256"], db.path)
    if path is None:
        return row, None, Response.text(problem or "", status=404)
    return row, path, None


async def _image(request: Any, datasette: Any, whole_page: bool) -> Response:
    row, path, refused = await _source(datasette, request)
    if refused is not None or row is None or path is None:
        return refused  # type: ignore[return-value]
    box = _bbox(row)
    if whole_page:
        png = await asyncio.to_thread(page_png, path, row["page"], box)
    elif box is None:
        return Response.text("no box was stored for this row", status=404)
    else:
        header = json.loads(row["header_box"]) if isinstance(row["header_box"], str) else row["header_box"]
        png = await asyncio.to_thread(crop_png, path, row["page"], box, header)
    if png is None:
        return Response.text(f"page {row['page']} of {path} could not be rendered", status=404)
    return Response(png, content_type="image/png")


async def row_png(request: Any, datasette: Any) -> Response:
    return await _image(request, datasette, whole_page=False)


async def whole_page_png(request: Any, datasette: Any) -> Response:
    return await _image(request, datasette, whole_page=True)


async def source_pdf(request: Any, datasette: Any) -> Response:
    _row_, path, refused = await _source(datasette, request)
    if refused is not None or path is None:
        return refused  # type: ignore[return-value]
    return Response(path.read_bytes(), content_type="application/pdf")


async def document_page_png(request: Any, datasette: Any) -> Response:
    """A page of a document (the evidence of facts stored with a page but no box: agenda items,
    recommendations, search hits, posts)."""
    name = tilde_decode(request.url_vars["database"])
    try:
        db = datasette.get_database(name)
    except KeyError:
        return Response.text("no such database", status=404)
    doc = (await db.execute("SELECT path, sha256 FROM documents WHERE id = :id",
                            {"id": int(request.url_vars["document_id"])})).first()
    if doc is None:
        return Response.text("no such document", status=404)
    path, problem = locate(doc["path"], doc["sha256"], db.path)
    if path is None:
        return Response.text(problem or "", status=404)
    page = int(request.url_vars["page"])
    png = await asyncio.to_thread(page_png, path, page, None)
    if png is None:
        return Response.text(f"page {page} of {path} could not be rendered", status=404)
    return Response(png, content_type="image/png")


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    one = rf"^{ROUTE}/(?P<database>[^/]+)/(?P<obs_id>\d+)"
    return [(one + "$", evidence_page), (one + r"/row\.png$", row_png), (one + r"/page\.png$", whole_page_png),
            (one + r"/source\.pdf$", source_pdf),
            (rf"^{PAGE_ROUTE}/(?P<database>[^/]+)/(?P<document_id>\d+)/(?P<page>\d+)\.png$", document_page_png)]


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Markup | None:
    if value is None or not isinstance(value, int):
        return None
    document = row["document_id"] if "document_id" in row.keys() else None
    if isinstance(document, dict):  # a foreign key Datasette expanded to {"value", "label"}
        document = document.get("value")
    if column == "page" and isinstance(document, int):
        href = datasette.urls.path(f"{PAGE_ROUTE}/{tilde_encode(database)}/{document}/{value}.png")
        return Markup(f'<a class="page" href="{escape(href)}">{value}</a>')
    if column == "thread_id" or (table == "action_threads" and column == "id"):
        href = f"{datasette.urls.database(database)}/thread?thread_id={value}"
        return Markup(f'<a class="thread" href="{escape(href)}">{value}</a>')
    if column == "observation_id" or (table == "action_observations" and column == "id"):
        href = datasette.urls.path(f"{ROUTE}/{tilde_encode(database)}/{value}")
        return Markup(f'<a class="evidence" href="{escape(href)}">{value} (evidence)</a>')
    return None
