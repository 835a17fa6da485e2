"""Score extraction records against hand-checked gold records (the published accuracy)."""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from minutetrail.errors import MinutetrailError
from minutetrail.parsers.owners import clean_person

TEXT_MATCH = 85.0
TITLE_MATCH = 80.0
CATEGORIES = ("agenda_items", "minute_items", "attendance", "resolutions", "minute_actions", "recommendations", "actions")
ACTION_FIELDS = ("owner", "due", "status", "meeting_date")
MINUTE_ACTION_FIELDS = ("minute_action_owner",)  # scored on matched minutes actions whose gold names an owner
ITEM_FIELDS = ("votes",)  # scored on matched minute items whose gold prints a vote
ATTENDANCE_ROLES = ("present", "apologies", "substitutes", "in_attendance", "officers")


def norm_text(text: str | None) -> str:
    t = (text or "").lower()
    t = re.sub(r"^(resolved|recommendation)s?\s*[:\-]\s*", "", t)
    return re.sub(r"\s+", " ", re.sub(r"[^\w£$%]+", " ", t)).strip()


def norm_name(text: str) -> str:
    return norm_text(clean_person(text))


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class FileResult:
    gold_path: str
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in ACTION_FIELDS + MINUTE_ACTION_FIELDS + ITEM_FIELDS})
    meeting_ok: dict[str, bool] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    field_errors: list[str] = field(default_factory=list)
    error: str | None = None


def _match(
    gold: Sequence[Any], pred: Sequence[Any], same: Callable[[Any, Any], float], threshold: float
) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """Greedy one-to-one matching by best similarity."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = same(g, p)
            if s >= threshold:
                pairs.append((s, gi, pi))
    pairs.sort(key=lambda t: -t[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _s, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((gold[gi], pred[pi]))
    return matched, [g for i, g in enumerate(gold) if i not in used_g], [p for i, p in enumerate(pred) if i not in used_p]


def _text_sim(a: str | None, b: str | None) -> float:
    return float(fuzz.ratio(norm_text(a), norm_text(b)))


def _numbered_sim(g: dict, p: dict, key: str) -> float:
    if (g.get("number") or None) != (p.get("number") or None):
        return 0.0
    return max(_text_sim(g.get(key), p.get(key)), float(fuzz.partial_ratio(norm_text(g.get(key)), norm_text(p.get(key)))) - 5)


def _score(result: FileResult, cat: str, matched: list, missed: list, extra: list, show: Callable[[Any], str]) -> None:
    s = result.scores[cat]
    s.tp += len(matched)
    s.fn += len(missed)
    s.fp += len(extra)
    result.misses.extend(f"{cat}: {show(g)}" for g in missed)
    result.spurious.extend(f"{cat}: {show(p)}" for p in extra)


def _labelled(role: str) -> Callable[[Any], str]:
    return lambda name: f"{role}: {name}"


def _minute_items(minutes: dict) -> list[dict]:
    return [i for i in minutes.get("items", []) if not i.get("_pseudo")]


def _all_resolutions(minutes_list: Iterable[dict]) -> list[dict]:
    return [r for m in minutes_list for i in m.get("items", []) for r in i.get("resolutions", [])]


def _all_minute_actions(minutes_list: Iterable[dict]) -> list[dict]:
    return [a for m in minutes_list for i in m.get("items", []) for a in i.get("actions", [])]


def compare(gold: dict, pred: dict, gold_path: str = "") -> FileResult:
    """Score one predicted record against its gold record."""
    result = FileResult(gold_path)
    g_meeting, p_meeting = gold.get("meeting") or {}, pred.get("meeting") or {}
    if g_meeting.get("date"):
        result.meeting_ok["date"] = g_meeting.get("date") == p_meeting.get("date")
    if g_meeting.get("committee"):
        result.meeting_ok["committee"] = norm_text(g_meeting.get("committee")) == norm_text(p_meeting.get("committee"))

    m, miss, extra = _match(gold.get("agenda_items", []), pred.get("agenda_items", []), lambda g, p: _numbered_sim(g, p, "title"), TITLE_MATCH)
    _score(result, "agenda_items", m, miss, extra, lambda a: f"{a.get('number')} {a.get('title')}")

    g_min, p_min = gold.get("minutes", []), pred.get("minutes", [])
    pairs, miss_min, extra_min = _match(g_min, p_min, lambda g, p: 100.0 if g.get("meeting_date") == p.get("meeting_date") else 50.0, 50.0)
    for gm, pm in pairs:
        if gm.get("items_scored", True):
            m, miss, extra = _match(_minute_items(gm), [i for i in pm.get("items", []) if i.get("number") or i.get("title")], lambda g, p: _numbered_sim(g, p, "title"), TITLE_MATCH)
            _score(result, "minute_items", m, miss, extra, lambda i: f"{i.get('number')} {i.get('title')}")
            for g_item, p_item in m:
                if g_item.get("votes"):
                    result.fields["votes"][1] += 1
                    if g_item["votes"] == p_item.get("votes"):
                        result.fields["votes"][0] += 1
                    else:
                        result.field_errors.append(f"votes of item {g_item.get('number')}: gold {g_item['votes']}, got {p_item.get('votes')}")
        roles = gm.get("attendance_labelled") or list(ATTENDANCE_ROLES)
        for role in roles:
            g_names = [norm_name(n) for n in gm.get("attendance", {}).get(role, [])]
            p_names = [norm_name(n) for n in pm.get("attendance", {}).get(role, [])]
            m, miss, extra = _match(g_names, p_names, lambda a, b: 100.0 if a == b else 0.0, 100.0)
            _score(result, "attendance", m, miss, extra, _labelled(role))
    for gm in miss_min:
        _score(result, "minute_items", [], _minute_items(gm) if gm.get("items_scored", True) else [], [], lambda i: f"{i.get('number')} {i.get('title')}")
    for pm in extra_min:
        _score(result, "minute_items", [], [], [i for i in pm.get("items", []) if i.get("number") or i.get("title")], lambda i: f"{i.get('number')} {i.get('title')}")

    m, miss, extra = _match(_all_resolutions(g_min), _all_resolutions(p_min), lambda g, p: _text_sim(g["text"], p["text"]), TEXT_MATCH)
    _score(result, "resolutions", m, miss, extra, lambda r: f"({r.get('letter')}) {r.get('text', '')[:90]}")

    m, miss, extra = _match(_all_minute_actions(g_min), _all_minute_actions(p_min), lambda g, p: _text_sim(g["text"], p["text"]), TEXT_MATCH)
    _score(result, "minute_actions", m, miss, extra, lambda a: f"[{a.get('owner')}] {a.get('text', '')[:90]}")
    for g, p in m:
        if g.get("owner"):
            result.fields["minute_action_owner"][1] += 1
            if p.get("owner") and norm_name(g["owner"]) == norm_name(p["owner"]):
                result.fields["minute_action_owner"][0] += 1
            else:
                result.field_errors.append(f"owner of minutes action {g.get('text', '')[:40]!r}: gold {g['owner']!r}, got {p.get('owner')!r}")

    m, miss, extra = _match(gold.get("recommendations", []), pred.get("recommendations", []), lambda g, p: _text_sim(g["text"], p["text"]), TEXT_MATCH)
    _score(result, "recommendations", m, miss, extra, lambda r: f"({r.get('letter')}) {r.get('text', '')[:90]}")

    def action_sim(g: dict, p: dict) -> float:
        s = _text_sim(g.get("text"), p.get("text"))
        if g.get("number") and p.get("number") and g["number"] != p["number"]:
            s -= 20
        return s

    m, miss, extra = _match(gold.get("actions", []), pred.get("actions", []), action_sim, TEXT_MATCH)
    _score(result, "actions", m, miss, extra, lambda a: f"p{a.get('page')} {a.get('number')} {a.get('text', '')[:80]}")
    for g, p in m:
        for f in ACTION_FIELDS:
            gv, pv = g.get(f), p.get(f)
            ok = (norm_name(gv) == norm_name(pv)) if f == "owner" and gv and pv else gv == pv
            result.fields[f][1] += 1
            if ok:
                result.fields[f][0] += 1
            else:
                result.field_errors.append(f"{f} of action {g.get('number')}: gold {gv!r}, got {pv!r}")
    return result


def source_pdf(gold_path: Path, gold: dict) -> Path:
    """The PDF behind a gold file: its source.file, relative to the folder that holds gold/."""
    for parent in gold_path.resolve().parents:
        if parent.name == "gold":
            return parent.parent / gold["source"]["file"]
    return gold_path.parent / gold["source"]["file"]


def gold_files(paths: Sequence[Path]) -> list[Path]:
    """Gold records named, or found under a named folder: every `*.json` that has a `source` file."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        for candidate in sorted(path.rglob("*.json")):
            try:
                doc = json.loads(candidate.read_text("utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(doc, dict) and isinstance(doc.get("source"), dict) and doc["source"].get("file"):
                found.append(candidate)
    return found


def evaluate_files(gold_paths: Sequence[Path], parse: Callable[[Path], dict]) -> list[FileResult]:
    results = []
    for path in gold_paths:
        gold = json.loads(path.read_text("utf-8"))
        try:
            pred = parse(source_pdf(path, gold))
        except MinutetrailError as exc:
            r = FileResult(str(path), error=str(exc))
            r = compare(gold, {}, str(path))
            r.error = str(exc)
            results.append(r)
            continue
        results.append(compare(gold, pred, str(path)))
    return results


def totals(results: Sequence[FileResult]) -> tuple[dict[str, Score], dict[str, list[int]], dict[str, list[int]]]:
    scores = {c: Score() for c in CATEGORIES}
    fields = {f: [0, 0] for f in ACTION_FIELDS + MINUTE_ACTION_FIELDS + ITEM_FIELDS}
    meeting = {"committee": [0, 0], "date": [0, 0]}
    for r in results:
        for c in CATEGORIES:
            scores[c].add(r.scores[c])
        for f in ACTION_FIELDS + MINUTE_ACTION_FIELDS + ITEM_FIELDS:
            fields[f][0] += r.fields[f][0]
            fields[f][1] += r.fields[f][1]
        for k, ok in r.meeting_ok.items():
            meeting[k][1] += 1
            meeting[k][0] += int(ok)
    return scores, fields, meeting


def score_rows(results: Sequence[FileResult]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The totals as rows: P/R/F1 per category, and accuracy per action field and meeting field."""
    scores, fields, meeting = totals(results)
    rows: list[dict[str, Any]] = [{"category": c, "tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 3),
                                   "recall": round(s.recall, 3), "f1": round(s.f1, 3)} for c, s in scores.items()]
    field_rows = [{"field": f, "correct": a, "total": b, "accuracy": round(a / b, 3) if b else None} for f, (a, b) in fields.items()]
    field_rows += [{"field": f"meeting {k}", "correct": a, "total": b, "accuracy": round(a / b, 3) if b else None}
                   for k, (a, b) in meeting.items()]
    return rows, field_rows
