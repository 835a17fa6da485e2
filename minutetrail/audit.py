"""The audit report: one self-contained HTML file (no network) of overdue actions with their evidence."""
from __future__ import annotations

import base64
import html
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

AGE_BUCKETS = ((30, "up to 30 days"), (90, "31–90 days"), (180, "91–180 days"), (365, "181–365 days"), (10**6, "over a year"))
CSS = """
body{font-family:system-ui,Segoe UI,Helvetica,Arial,sans-serif;margin:2rem;color:#1b1b1b;max-width:1100px}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #ddd;padding:.3rem .4rem;vertical-align:top;text-align:left}
th{background:#eef2f7}.num{text-align:right}.disagree{color:#a40000;font-weight:600}
.evidence img{max-width:100%;border:1px solid #bbb;display:block;margin-top:.3rem}.muted{color:#666}
.review{color:#8a5a00;font-weight:600}
.warning{background:#fff3cd;border:1px solid #e0b000;padding:.5rem}.none{color:#666;font-style:italic}
dl#scope{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}dl#scope dd{margin:0}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def ageing(rows: Sequence[dict[str, Any]]) -> list[tuple[str, int]]:
    counts = [0] * len(AGE_BUCKETS)
    for r in rows:
        for i, (limit, _label) in enumerate(AGE_BUCKETS):
            if r["days_overdue"] <= limit:
                counts[i] += 1
                break
    return [(label, n) for (_limit, label), n in zip(AGE_BUCKETS, counts)]


def _chart(buckets: list[tuple[str, int]]) -> str:
    top = max([n for _l, n in buckets] + [1])
    bars = []
    for i, (label, n) in enumerate(buckets):
        w = 360 * n / top
        y = 10 + i * 30
        bars.append(f'<text x="0" y="{y + 15}" font-size="12">{_e(label)}</text>'
                    f'<rect x="110" y="{y}" width="{w:.1f}" height="20" fill="#c0392b"><title>{n}</title></rect>'
                    f'<text x="{116 + w:.1f}" y="{y + 15}" font-size="12">{n}</text>')
    return f'<svg role="img" aria-label="Ageing of overdue actions" width="520" height="{20 + 30 * len(buckets)}">{"".join(bars)}</svg>'


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 committee', '2 committees'."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def file_url(path: str, page: int | None = None) -> str:
    """An absolute file:// URL of a source file (a path stored relative is taken from here), at its page."""
    url = Path(path).resolve().as_uri()
    return f"{url}#page={page}" if page else url


def _scope(as_of: date, scope: dict[str, Any] | None) -> list[str]:
    """What the report covers, and a warning when it answers for a date past the latest pack."""
    if not scope:
        return []
    committees = scope.get("committees") or []
    latest = scope.get("latest_pack")
    out = ["<dl id='scope'>",
           f"<dt>Database</dt><dd>{_e(scope.get('database'))}</dd>",
           f"<dt>minutetrail</dt><dd>version {_e(scope.get('version'))}</dd>",
           f"<dt>Committees</dt><dd>{plural(len(committees), 'committee')}: {_e(', '.join(committees)) or 'none'}</dd>",
           f"<dt>Documents</dt><dd>{_e(scope.get('documents'))}</dd>",
           f"<dt>Latest pack</dt><dd>{_e(latest or 'none')}</dd>",
           f"<dt>As of</dt><dd>{as_of.isoformat()}</dd></dl>"]
    if latest and as_of.isoformat() > latest:
        out.append(f"<p class='warning' id='as-of-warning'>The as-of date {as_of.isoformat()} is after the latest pack "
                   f"({_e(latest)}): days overdue count on past that pack, and anything done since it is not known here.</p>")
    return out


NONE = "<p class='none'>none</p>"


def render_report(as_of: date, overdue: Sequence[dict[str, Any]], closed_silently: Sequence[dict[str, Any]],
                  crop: Callable[[dict[str, Any]], bytes | None], dropped: Sequence[dict[str, Any]] = (),
                  printed: Sequence[dict[str, Any]] = (), scope: dict[str, Any] | None = None) -> str:
    """The HTML of the report; ``crop(row)`` gives the PNG of a row's source region, or None. ``dropped``:
    threads past due that the committee's latest log no longer carries (not counted overdue); ``printed``:
    rows printed OVERDUE whose due date is still ahead; ``scope``: database, version, committees, latest pack."""
    by_owner: dict[str, list[dict[str, Any]]] = {}
    for r in overdue:
        by_owner.setdefault(r["owner_person"] or r["owner"] or "(no owner)", []).append(r)
    committees = sorted({r["committee"] for r in overdue})
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Overdue actions as of {as_of}</title>"
             f"<style>{CSS}</style></head><body>",
             f"<h1>Overdue actions as of {as_of.isoformat()}</h1>", *_scope(as_of, scope),
             f"<p id='summary'>{plural(len(overdue), 'overdue action')}, {plural(len(by_owner), 'owner')}, "
             f"{plural(len(committees), 'committee')}.</p>",
             "<h2>Ageing</h2>", _chart(ageing(overdue)) if overdue else NONE, "<h2>By owner</h2>"]
    if not overdue:
        parts += [NONE, "<h2>By committee</h2>", NONE, "<h2>Slippage</h2>", NONE, "<h2>Overdue actions and their evidence</h2>", NONE]
        return _rest(parts, dropped, printed, closed_silently)
    parts.append("<table><tr><th>Owner</th><th class='num'>Overdue</th><th class='num'>Oldest (days)</th></tr>")
    for owner, rows in sorted(by_owner.items(), key=lambda kv: -max(r["days_overdue"] for r in kv[1])):
        parts.append(f"<tr><td>{_e(owner)}</td><td class='num'>{len(rows)}</td><td class='num'>{max(r['days_overdue'] for r in rows)}</td></tr>")
    parts.append("</table><h2>By committee</h2><table><tr><th>Committee</th><th class='num'>Overdue</th></tr>")
    for c in committees:
        parts.append(f"<tr><td>{_e(c)}</td><td class='num'>{sum(1 for r in overdue if r['committee'] == c)}</td></tr>")
    parts.append("</table><h2>Slippage</h2>")
    slipped = [r for r in sorted(overdue, key=lambda r: -r["slipped_days"]) if r["times_slipped"]]
    if slipped:
        parts.append("<table><tr><th>Action</th><th class='num'>Times slipped</th><th class='num'>Days slipped</th><th>First due</th><th>Due</th></tr>")
        for r in slipped:
            parts.append(f"<tr><td>{_e(r['text'])}</td><td class='num'>{r['times_slipped']}</td><td class='num'>{r['slipped_days']}</td>"
                         f"<td>{_e(r['first_due'])}</td><td>{_e(r['due'])}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(NONE)
    parts.append("<h2>Overdue actions and their evidence</h2>")
    for r in overdue:
        png = crop(r)
        image = (f"<img alt='Source row, page {r['page']}' src='data:image/png;base64,{base64.b64encode(png).decode()}'>"
                 if png else "<span class='muted'>(source file not available for a crop)</span>")
        disagree = " <span class='disagree'>printed status disagrees</span>" if r["status_disagrees"] else ""
        if r.get("under_review"):
            disagree += " <span class='review'>links waiting for review: a later printing may close it</span>"
        number = f" (no. {_e(r['number'])})" if r.get("number") else ""
        parts.append(
            f"<div class='item' id='action-{r['id']}'><h3>#{r['id']}{number} {_e(r['text'])}</h3>"
            f"<p>Owner <b>{_e(r['owner_person'] or r['owner'])}</b> · {_e(r['committee'])} · raised {_e(r['raised_at'])} · "
            f"due {_e(r['due'])} · <b>{plural(r['days_overdue'], 'day')} overdue</b> · carried {plural(r['meetings_carried'] or 0, 'meeting')} · "
            f"printed status {_e(r['printed_status'] or '—')}{disagree}</p>"
            f"<p class='evidence'>Evidence: <a href='{_e(file_url(r['source_file'], r['page']))}'>{_e(r['source_file'])}</a>, "
            f"page {r['page']} (sha256 {_e(r['sha256'][:12])}…){image}</p></div>")
    return _rest(parts, dropped, printed, closed_silently)


def _evidence(r: dict[str, Any]) -> str:
    return f"<a href='{_e(file_url(r['source_file'], r['page']))}'>{_e(r['source_file'])}</a>, page {r['page']}"


def _rest(parts: list[str], dropped: Sequence[dict[str, Any]], printed: Sequence[dict[str, Any]],
          closed_silently: Sequence[dict[str, Any]]) -> str:
    """The sections after the overdue items: printed OVERDUE but not due, dropped from the log, closed silently."""
    parts.append("<h2>Printed OVERDUE but not yet due</h2>")
    if printed:
        parts.append("<p class='muted'>The council printed these as OVERDUE; the due date printed beside them is still ahead.</p>"
                     "<table><tr><th>Action</th><th>Committee</th><th>Due as printed</th><th>Evidence</th></tr>")
        for r in printed:
            parts.append(f"<tr id='printed-{r['id']}'><td>{_e(r['text'])}</td><td>{_e(r['committee'])}</td>"
                         f"<td>{_e(r['due_text'])}</td><td>{_evidence(r)}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(NONE)
    parts.append("<h2>Dropped from the log</h2>")
    if dropped:
        parts.append("<p class='muted'>Past due, not completed, and no longer carried by the "
                     "committee's latest log: not counted as overdue. The last printing is shown.</p>"
                     "<table><tr><th>Action</th><th>Owner</th><th>Committee</th><th>Due</th><th>Last printed</th><th>Evidence</th></tr>")
        for r in dropped:
            review = " <span class='review'>(links waiting for review)</span>" if r.get("under_review") else ""
            parts.append(f"<tr id='dropped-{r['id']}'><td>{_e(r['text'])}{review}</td><td>{_e(r['owner_person'] or r['owner'])}</td>"
                         f"<td>{_e(r['committee'])}</td><td>{_e(r['due'])}</td><td>{_e(r.get('last_printed'))}</td>"
                         f"<td>{_evidence(r)}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(NONE)
    parts.append("<h2>Closed without any progress text</h2>")
    if closed_silently:
        parts.append("<table><tr><th>Action</th><th>Committee</th><th>Closed at</th><th>Evidence</th></tr>")
        for t in closed_silently:
            parts.append(f"<tr><td>{_e(t['text'])}</td><td>{_e(t['committee'])}</td><td>{_e(t['closed_at'])}</td>"
                         f"<td>{_evidence(t)}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(NONE)
    parts.append("</body></html>")
    return "\n".join(parts)
