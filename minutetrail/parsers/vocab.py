"""Cue words as data: one vocabulary file per language (``data/lang/<code>.json``).

Parsers find structure from the page (typography, numbering, geometry) and only then read the
kind of a thing from its cue words. Those words live here, per language, so a body that publishes
in French, Welsh or bilingually is read by adding data, not code. A key is looked up in every
language at once: ``words("kinds.minutes")`` is the union of the English, French and Welsh cues.
"""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

LANG_PACKAGE = "minutetrail.parsers"
LANG_DIR = "data/lang"


@cache
def _files() -> dict[str, dict[str, Any]]:
    root = resources.files(LANG_PACKAGE).joinpath(LANG_DIR)
    out: dict[str, dict[str, Any]] = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            out[entry.name.removesuffix(".json")] = json.loads(entry.read_text("utf-8"))
    return out


def languages() -> tuple[str, ...]:
    return tuple(_files())


def _lookup(data: dict[str, Any], key: str) -> Any:
    node: Any = data
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


@cache
def words(key: str, lang: str | None = None) -> tuple[str, ...]:
    """The cue words under ``key`` (dotted path), from one language or all, in file order, no repeats."""
    seen: dict[str, None] = {}
    for code, data in _files().items():
        if lang is not None and code != lang:
            continue
        for word in _lookup(data, key) or ():
            seen.setdefault(word, None)
    return tuple(seen)


@cache
def mapping(key: str) -> dict[str, Any]:
    """A dict under ``key`` merged over every language (e.g. month names to numbers)."""
    merged: dict[str, Any] = {}
    for data in _files().values():
        merged.update(_lookup(data, key) or {})
    return merged


def phrase_pattern(phrase: str) -> str:
    """A cue phrase as a regex: any run of spaces between its words, apostrophes of either kind."""
    parts = [re.escape(p).replace("'", "['’]") for p in phrase.split()]
    return r"\s+".join(parts)


@cache
def alternation(key: str) -> str:
    """The cue words under ``key`` as one regex alternation, longest first (no anchors, no group names)."""
    items = sorted(set(words(key)) | set(mapping(key) if not words(key) else ()), key=len, reverse=True)
    return "(?:" + "|".join(phrase_pattern(w) for w in items) + ")" if items else "(?!)"
