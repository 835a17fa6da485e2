"""Owner cells and person names as printed."""
from __future__ import annotations

import re

from minutetrail.parsers.text import collapse

HONORIFIC = re.compile(r"^(?:(?:mr|mrs|ms|miss|mx|dr|sir|dame|prof|professor|cllr|councillor|councillors|cl?r|mayor|deputy mayor|reeve|alderm[ae]n|council\s+members?)\.?\s+)+", re.I)
BRACKETED = re.compile(r"\s*\([^)]*\)")
NO_OWNER = re.compile(r"^\s*(n/?a|tbc|tba|-|–|none)?\s*$", re.I)
INITIALS_NA = "NA"  # two capitals with no slash: someone's initials where owners are marked by initials


def parse_owner(text: str | None, initials: bool = False) -> str | None:
    """An owner cell as printed, whitespace collapsed; None when blank. With ``initials`` (an action marker of
    minutes, "ACTION: NA"), "NA" is a person's initials, while "N/A" and "n/a" are still no one."""
    if text is None:
        return None
    owner = collapse(text)
    if initials and owner == INITIALS_NA:
        return owner
    if NO_OWNER.match(owner):
        return None
    return owner


def clean_person(text: str) -> str:
    """A name without honorifics, bracketed roles or trailing role after a dash or comma role."""
    name = BRACKETED.sub("", text)
    name = re.split(r"\s+[-–—]\s+", name)[0]
    name = HONORIFIC.sub("", name.strip())
    return collapse(name.strip(" ,.;:"))
