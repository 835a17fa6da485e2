"""References between printings: a row's own reference, reformatted across packs ("IA 22/23-05",
"IA2223/05"), and the references it makes to another ("supersedes action 5", "merged with action
11", "superseded by IA 23/24-04", "see action 7"). The phrases are data (``link.references``,
``link.reference_nouns`` in parsers/data/lang/*.json)."""
from __future__ import annotations

import re
from functools import cache

from minutetrail.parsers.vocab import alternation

REF_TOKEN = r"(?P<ref>(?:[A-Za-z]{1,4}[\s/\-]?)?\d[\w]*(?:\s?[/.\-–]\s?\w+)*)"


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(rf"\b{alternation('link.references')}\s*:?\s+(?:{alternation('link.reference_nouns')}\.?\s*)?{REF_TOKEN}", re.I)


def ref_key(number: str | None) -> str | None:
    """A reference for comparison: letters and digits only, lower case ("IA 22/23-05" and "IA2223/05"
    -> "ia222305")."""
    if not number:
        return None
    return "".join(re.findall(r"[a-z0-9]+", number.lower())) or None


def references(*texts: str | None) -> frozenset[str]:
    """The reference keys a row's text, progress or status names as the action it continues, replaces or joins."""
    out: set[str] = set()
    for text in texts:
        if not text:
            continue
        for m in _pattern().finditer(text):
            key = ref_key(m["ref"].rstrip(".,;)"))
            if key:
                out.add(key)
    return frozenset(out)
