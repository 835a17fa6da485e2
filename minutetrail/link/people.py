"""Owners to people: names with their printed variants as aliases; role titles stay roles."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from minutetrail.parsers.owners import clean_person

ROLE = re.compile(
    r"\b(clerk|director|officer|manager|head|chair\w*|team|service|services|lead|executive|board|"
    r"committee|council|partnership|group|member|members|cabinet|monitoring|democratic|scrutineer|"
    r"commissioner|worker|corporate|all|hscp|clt|legal|finance|governance|auditor|accountant|treasurer|solicitor|"
    r"secretary|counsel|adviser|advisor|engineer|planner|inspector|surveyor|analyst|administrator|registrar)\b",
    re.I,
)
NAME = re.compile(r"^[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){1,3}$")
INITIALS_NAME = re.compile(r"^(?P<init>(?:[A-Z]\.?\s*){1,3})\s+(?P<surname>[A-Z][A-Za-z'’\-]+)$")
REVERSED = re.compile(r"^(?P<surname>[A-Z][A-Za-z'’\-]+),\s*(?P<first>[A-Z][A-Za-z'’\-]+)$")


def person_key(owner: str | None) -> str | None:
    """A normalised full name for an owner that is a person's name; None for roles and blanks."""
    if not owner:
        return None
    name = name_part(owner)
    if ROLE.search(name) or "/" in name or "&" in name:
        return None
    if NAME.match(name) or INITIALS_NAME.match(name):
        return " ".join(name.lower().replace(".", "").split())
    return None


INITIALS = re.compile(r"^[A-Z]{2,4}$")


def initials_key(owner: str | None) -> str | None:
    """The role key under which an owner printed as initials ("KC") is looked up: "initials kc"."""
    if owner and INITIALS.match(owner.strip()):
        return f"initials {owner.strip().lower()}"
    return None


def name_part(printed: str) -> str:
    """A printed owner or name as first name first, without honorifics or a post after a comma:
    "Ward, Claire" -> "Claire Ward"; "Kenny Combe, Service Manager" -> "Kenny Combe"."""
    name = clean_person(printed)
    m = REVERSED.match(name)
    if m:
        return f"{m['first']} {m['surname']}"
    if "," in name:
        head, tail = (part.strip() for part in name.split(",", 1))
        if ROLE.search(tail) and not ROLE.search(head):
            return head
    return name


def resolve_aliases(keys: Iterable[str]) -> dict[str, str]:
    """Map each key to its canonical key: "c ward" -> "claire ward" when exactly one full name fits."""
    keys = set(keys)
    full = [k for k in keys if len(k.split()[0]) > 1]
    out = {k: k for k in keys}
    for k in keys:
        parts = k.split()
        if all(len(p) == 1 for p in parts[:-1]):
            initial, surname = parts[0], parts[-1]
            fits = [f for f in full if f.split()[-1] == surname and f.split()[0][0] == initial]
            if len(fits) == 1:
                out[k] = fits[0]
    return out


def display_name(key: str, printed: Iterable[str]) -> str:
    """The fullest printed form written first-name-first ("Claire Ward", not "Ward, Claire")."""
    forms = []
    for p in printed:
        name = name_part(p)
        if name:
            forms.append(name)
    full = [f for f in forms if len(f.split()[0].rstrip(".")) > 1]
    pool = full or forms
    return max(pool, key=lambda f: (len(f), f)) if pool else key.title()


MAX_TENURE_GAP_DAYS = 730  # a post last evidenced longer ago than this is not assumed still held
MAX_BACKFILL_DAYS = 365  # a post first evidenced this soon after a date is taken as held on it (no change said)


def holder_on(role: str, day: date, mentions: Iterable[tuple[str, date, str, bool]]) -> str | None:
    """Who held a post on a day: the person the latest mention on or before it names.

    ``mentions`` are (role key, date, person key, says a change: an appointment or a welcome). None
    when the latest is too old, or when the latest date names two people and not exactly one of them
    by a change (a pack listing the outgoing holder in the minutes and welcoming the new one): the
    owner then stays the role. Before the first mention, its holder is taken as holding the post
    already when that mention is within MAX_BACKFILL_DAYS and does not say the post changed hands.
    """
    mine = [(d, p, c) for r, d, p, c in mentions if r == role]
    before = [(d, p, c) for d, p, c in mine if d <= day]
    if not before:
        return _first_holder_after(day, mine)
    latest = max(d for d, _p, _c in before)
    if (day - latest).days > MAX_TENURE_GAP_DAYS:
        return None
    people = {p for d, p, _c in before if d == latest}
    if len(people) > 1:
        people = {p for d, p, c in before if d == latest and c}
    return people.pop() if len(people) == 1 else None


def _first_holder_after(day: date, mine: list[tuple[date, str, bool]]) -> str | None:
    after = [(d, p, c) for d, p, c in mine if d > day]
    if not after:
        return None
    first = min(d for d, _p, _c in after)
    if (first - day).days > MAX_BACKFILL_DAYS:
        return None
    at_first = [(p, c) for d, p, c in after if d == first]
    people = {p for p, _c in at_first}
    if len(people) != 1 or any(c for _p, c in at_first):
        return None
    return people.pop()
