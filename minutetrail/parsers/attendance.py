"""Attendance blocks of minutes: labels, name lists, roles removed."""
from __future__ import annotations

import re

from functools import cache

from minutetrail.models import Attendance
from minutetrail.parsers.owners import clean_person
from minutetrail.parsers.vocab import alternation

CLERK_LABEL = re.compile(r"^(clerk|the clerk)\s*:?\s*(?=[A-Z]\w*\s+[A-Z])", re.I)
LABELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(others|also|guests)\s+present\s*:\s*", re.I), "in_attendance"),
    (re.compile(r"^(commissioners|members|councillors|board members|trustees)\s+(absent|not present)\s*:\s*", re.I), "apologies"),
    (re.compile(r"^(commissioners|members|councillors|board members|trustees)\s+present\s*:\s*", re.I), "present"),
    (re.compile(r"^present\s*[:\-–]?\s*", re.I), "present"),
    (re.compile(r"^(attendance|attendees)\s*:\s*", re.I), "present"),
    (re.compile(r"^(in attendance|also (in attendance|present)|attending)( virtually| remotely)?\s*[:\-–]?\s*(?=[A-Z(]|$)", re.I), "in_attendance"),
    (re.compile(r"^officers?( in attendance| present)?\s*:\s*", re.I), "officers"),
    (re.compile(r"^(apologies( for absence)?( were)?( received)?( from)?)\s*[:\-–]?\s*", re.I), "apologies"),
    (re.compile(r"^(named )?substitutes?\s*[:\-–]\s*", re.I), "substitutes"),
    (CLERK_LABEL, "officers"),
    (re.compile(r"^staff\s*:\s*", re.I), "staff"),
    (re.compile(r"^members of the public\b\s*[:\-–]?\s*", re.I), "public"),
)
ROLE_WORDS = re.compile(
    r"\b(member|director|officer|manager|head|cabinet|chair|chairman|chairperson|clerk|representative|"
    r"co-optee|mentor|lead|executive|counsel|advisor|adviser|accountant|portfolio|services?|healthwatch|"
    r"corporate|education|diocese|governor|deputy|strategic|partner|assistant|principal|secretary|people|"
    r"children'?s?|families|young)\b",
    re.I,
)
SPLIT = re.compile(r",\s*|;\s*|\s+and\s+|\s+&\s+")
GROUP_PREFIX = re.compile(r"^((?:mmes|mrs|mm|mesdames|messieurs)\s+(?:et|and)\s+(?:mmes|mrs|mm|messieurs)|councillors?|cllrs?|members?|messrs|councilmembers?|council\s+members?|(deputy |vice )?mayor|reeve|alderm[ae]n)\s*:?\s*", re.I)
HONORIFIC_START = re.compile(r"^(mr|mrs|ms|miss|mx|dr|sir|dame|cllr|councillor|prof)\.?\s+\S", re.I)
PARTICLE = re.compile(r"^(?:[a-z]{1,3}['’][A-Z]|(?:van|von|de|da|del|der|le|la)\b)")  # l'Anson, van der Berg
ROLE_SUFFIX = re.compile(r"\s+[-–—]\s+")
POST_NOMINAL = re.compile(r"^(OBE|MBE|CBE|JP|DL|KC|QC)$")


LIST_MARK = re.compile(r"^(?:[o•▪◦·\-–*]|\uf0b7)\s+")


VOCAB_ROLES = ("apologies", "substitutes", "in_attendance", "officers", "present")


@cache
def _vocab_labels() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Labels from the vocabulary of every language ("Étaient présents :", "Ymddiheuriadau:"), also a label
    that is the whole line ("Officers Present" set as a heading over the names)."""
    return tuple(
        (re.compile(rf"^{alternation(f'attendance.{role}')}\s*(?::\s*|[\-–]\s+|\s+(?-i:(?=[A-Z]))|$)", re.I), role)
        for role in VOCAB_ROLES
    )


def label_of(text: str) -> tuple[str, str] | None:
    """(role, remainder) when a line opens an attendance block ("Present:", "o Others Present:")."""
    text = LIST_MARK.sub("", text)
    for pattern, role in LABELS:
        m = pattern.match(text)
        bare_ok = role in ("present", "in_attendance") or pattern is CLERK_LABEL
        if m and (m.group(0).strip().endswith((":", "-", "–")) or bare_ok or m.end() == len(text)):
            return role, text[m.end():]
    for pattern, role in _vocab_labels():
        m = pattern.match(text)
        if m:
            return role, text[m.end():]
    return None


NAME_CODE = re.compile(r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+)\s+[–-]\s+[A-Z]{2,}\b")


def _drop_brackets(text: str) -> str:
    """Bracketed text to a separator, innermost first ("(Chief Executive, Hill Trust (HT))"); an unclosed
    bracket runs to the next separator."""
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"\s*\([^()]*\)\s*", " \x00 ", text)
    text = re.sub(r"\([^,;\x00]*", " ", text).replace(")", " ")
    return re.sub(r"(?:\s*\x00\s*)+", ", ", text)


def split_names(text: str, keep_roles: bool = False, keep_single: bool = True) -> list[str]:
    """A printed list of attendees to names: one per person, titles and bracketed roles removed."""
    if keep_roles:
        return split_roles(text)
    coded = NAME_CODE.findall(re.sub(r"\([^)]*\)", "", text))
    if len(coded) >= 2:  # "Harry Rayner – MEM   James Graham – KCC": names with organisation codes
        return [clean_person(n) for n in coded]
    text = _drop_brackets(text)  # a bracketed role ends the name before it, nested brackets and all
    text = re.sub(r"(?<![A-Z])\.\s+(?=(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame)\b)", ", ", text)  # ". Mr Z": next sentence, next name
    text = GROUP_PREFIX.sub("", text.strip())
    chunks = [ROLE_SUFFIX.split(c)[0] for c in re.split(r"[,;]", text)]  # "Ruth Whittingham - Head of Law ..."
    names: list[str] = []
    for raw in (p for c in chunks for p in SPLIT.split(c)):
        part = re.sub(r"^(?:and|&)(?:\s+|$)|\s+(?:and|&)$", "", raw.strip(" .;:")).strip(" .;:")  # "X and" left by a wrap
        if not part:
            continue
        if POST_NOMINAL.match(part) and names:
            names[-1] = f"{names[-1]}, {part}"
            continue
        if keep_roles:
            names.append(re.sub(r"\s+", " ", part))
            continue
        part = GROUP_PREFIX.sub("", part)
        honorific = bool(HONORIFIC_START.match(part))
        name = clean_person(part)
        if not name:
            continue
        if honorific:
            names.append(name)  # "Mrs C Head": a name, even when it reads like a role
            continue
        name = re.split(r"\s+[-–]\s+", name)[0]
        tokens = name.split()
        lead: list[str] = []
        for tok in tokens:  # "Jane Ellis Healthwatch" -> "Jane Ellis"; "A Armstrong EDC" -> "A Armstrong"
            if ROLE_WORDS.fullmatch(tok.strip("'’")) or (len(lead) >= 2 and tok.isupper() and len(tok) >= 2 and not lead[-1].isupper()):
                break
            lead.append(tok)
        if len(lead) >= 2 and all(t[:1].isupper() or PARTICLE.match(t) for t in lead) or (len(lead) == 1 and len(tokens) == 1 and keep_single and not re.fullmatch(r"[A-Z]{2,5}", lead[0])):
            names.append(" ".join(lead))
    return names


ROLE_START = re.compile(
    r"^(head|director|service|interim|chief|democratic|corporate|assistant|deputy|community|senior|principal|"
    r"strategic|monitoring|acting|programme|executive|cabinet|clerk|solicitor|lead|manager|officer|"
    r"[A-Z][a-z]+ [A-Z][a-z]+ \()",
    re.I,
)


ROLE_TAIL = re.compile(r"(clerk|treasurer|superintendent|intern|manager|officer|administrator|director)$", re.I)
ROLE_END = re.compile(r"\b(manager|officers?|director|clerk|lead|executive|counsel|accountant|adviser|advisor|secretary|treasurer|solicitor|engineer|planner|coordinator)$", re.I)


NAMED_OFFICER = re.compile(r"^(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,3})\s*\([^)]*\)$")


BARE_NAME = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}$")


def _bare_name(text: str) -> bool:
    """A person's name and nothing else: two or three capitalised words, none of them a role word."""
    return bool(BARE_NAME.match(text.strip())) and not ROLE_WORDS.search(text) and not ROLE_END.search(text)


def split_roles(text: str) -> list[str]:
    """An officers list: split on semicolons, and on commas and "and" only where a new role title starts."""
    parts = re.split(r"(;\s*|,\s*|\s+and\s+)", text.strip(" .;"))
    out: list[str] = []
    pending_sep = ""
    for i, chunk in enumerate(parts):
        if i % 2 == 1:
            pending_sep = chunk
            continue
        chunk = re.sub(r"^(?:and|&)\s+", "", chunk.strip())  # ", and Paul Quinn": a serial comma
        if not chunk:
            continue
        open_bracket = bool(out) and out[-1].count("(") > out[-1].count(")")  # "(Assistant Director, Communities)"
        # "Kevin Brennan, Linda Yardley": names only; "Ann Lee, Head of Finance, Paul Quinn": a name after a role
        names = bool(out) and ((_bare_name(chunk) and (_bare_name(out[-1]) or bool(ROLE_WORDS.search(out[-1]))))
                               or _name_then_role(chunk) is not None  # "..., Paul Quinn - Monitoring Officer"
                               or _role_then_name(chunk) is not None)  # "..., Committee Clerk Graham Radcliffe"
        if out and pending_sep.startswith(";") and not open_bracket:
            out.append(chunk)  # "Carl Okafor (Head of Finance); Helen Ellery ...": a semicolon ends an entry
        elif out and not open_bracket and _role_after_name(out[-1], chunk, pending_sep):
            out[-1] = f"{out[-1]}{pending_sep}{chunk}"  # "Olive Price, Head of Finance": the role of the name before
        elif out and (open_bracket or (not ROLE_START.match(chunk) and not ROLE_END.search(out[-1]) and not out[-1].endswith(")")
                                     and not names)):
            out[-1] = f"{out[-1]}{pending_sep}{chunk}"
        else:
            out.append(chunk)
    named = []
    for o in out:  # "Tom Elliott (Head of Housing Services)": the officer's name, the role is evidence elsewhere
        m = NAMED_OFFICER.match(o.strip()) or _name_then_role(o.strip()) or _role_then_name(o)
        named.append(clean_person(m["name"]) if m else re.sub(r"\s+", " ", o).strip())
    return named


ROLE_THEN_NAME = re.compile(r"^(?P<role>\S.*?)\s+(?P<name>[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)$")


def _role_then_name(entry: str) -> re.Match[str] | None:
    """"City Clerk Jane Smith", "Head of Housing Edward Whitlock" (US minutes): a role title, then a two-word name
    that holds no role word."""
    m = ROLE_THEN_NAME.match(entry.strip())
    return m if m and (ROLE_START.match(m["role"]) or ROLE_WORDS.search(m["role"])) and not ROLE_WORDS.search(m["name"]) \
        and not ROLE_END.search(m["name"]) else None


NAME_THEN_ROLE = re.compile(r"^(?P<name>[^,;()]+?)(?:,|\s+[-–—])\s+(?P<role>\S.*)$")


def _name_then_role(entry: str) -> re.Match[str] | None:
    """"Mark Nash, Committee Clerk", "Mark Nash - Committee Clerk": a bare name, then its role."""
    m = NAME_THEN_ROLE.match(entry)
    return m if m and _bare_name(m["name"]) and not _bare_name(m["role"]) and ROLE_WORDS.search(m["role"]) else None


def _role_after_name(previous: str, chunk: str, sep: str) -> bool:
    """A role title after a comma goes with the name before it ("Olive Price, Head of Finance"), as does one more
    word of a role with a comma in it ("..., Assistant Director, Communities")."""
    if not sep.startswith(","):
        return False
    if _bare_name(previous) and ROLE_START.match(chunk) and not _bare_name(chunk):
        return True
    return len(chunk.split()) == 1 and chunk[:1].isupper() and bool(ROLE_END.search(previous)) and bool(_name_then_role(previous))


GRID_ROLE_TAIL = re.compile(r"(?:\s+(?:[A-Z]{3,}|\[[^\]]*\]?))+$")


def _listed_name(entry: str) -> str:
    """A name read from a grid cell: square-bracketed notes and a trailing role in capitals dropped."""
    name = re.sub(r"\s*\[[^\]]*\]?", " ", entry)
    name = GRID_ROLE_TAIL.sub("", name.strip())
    return re.sub(r"\s+", " ", name).strip(" ,;")


INLINE_ROLES = ("officers", "in_attendance")


@cache
def _inline_label() -> re.Pattern[str]:
    alts = "|".join(f"(?P<{role}>{alternation(f'attendance.inline.{role}')})" for role in INLINE_ROLES)
    return re.compile(rf"(?:^|(?<=[\s,;]))(?:{alts})\s*[:\-–]?\s+(?=(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)?\.?\s*[A-Z])", re.I)


def switch_inline_roles(blocks: dict[str, list[str]]) -> dict[str, list[str]]:
    """A role label inside a present list switches the role of the names after it:
    "Councillors A Bell and C Dean Clerk Mrs E Finch District Councillor G Hart" (no "Label:" lines)."""
    out: dict[str, list[str]] = {k: list(v) for k, v in blocks.items()}
    kept: list[str] = []
    for text in blocks.get("present", []):
        pieces = list(_inline_label().finditer(text))
        if not pieces:
            kept.append(text)
            continue
        kept.append(text[: pieces[0].start()])
        for n, m in enumerate(pieces):
            end = pieces[n + 1].start() if n + 1 < len(pieces) else len(text)
            role = next(r for r in INLINE_ROLES if m.group(r))
            out.setdefault(role, []).append(text[m.end(): end])
    if "present" in out:
        out["present"] = [k for k in kept if k.strip()]
    return out


NAME_BOUNDARY = re.compile(r"(\b[A-Z]\.?\s+[A-Z][a-z'’-]+)\s+(?=(?:[A-Z]\.?\s+)+[A-Z][a-z])")


def blocks_to_attendance(blocks: dict[str, list[str]], listed: dict[str, list[str]] | None = None) -> Attendance:
    """Attendance from label blocks of text, and from ``listed`` names already read one per cell (a grid)."""
    blocks = switch_inline_roles(blocks)
    def names(role: str) -> tuple[str, ...]:
        out: list[str] = [_listed_name(n) for n in (listed or {}).get(role, [])]
        for text in blocks.get(role, []):
            text = NAME_BOUNDARY.sub(r"\1, ", text)  # "P Moran A Armstrong": two names run together by a wrap
            out.extend(split_names(text, keep_roles=(role == "officers")))
        return tuple(dict.fromkeys(out))

    staff: list[str] = []
    for text in blocks.get("staff", []):  # "Staff: Operations Superintendent Dan MacInnis, ...": the names
        if "(" in text:  # "Staff: Ann Lee (Committee Clerk), ...": named as officers are
            staff.extend(split_roles(text))
            continue
        for chunk in re.split(r"[,;]|\s+and\s+", text):
            words = [w for w in re.sub(r"[^\w'’\- ]", " ", chunk).split()]
            tail = [w for w in words[-3:] if w[:1].isupper()]
            while tail and ROLE_WORDS.fullmatch(tail[0]):
                tail = tail[1:]
            if len(tail) >= 2:
                staff.append(" ".join(tail[-2:] if len(tail) == 3 and ROLE_TAIL.search(" ".join(words[:-2])) else tail))
    present_text = " ".join(blocks.get("present", []) + [", ".join((listed or {}).get("present", []))])  # a grid's "(Chair)" too
    return Attendance(
        present=names("present"),
        apologies=names("apologies"),
        substitutes=names("substitutes"),
        in_attendance=names("in_attendance"),
        officers=names("officers") + tuple(dict.fromkeys(staff)),
        chair=_marked(present_text, CHAIR_MARK),
        vice_chair=_marked(present_text, VICE_MARK),
    )


CHAIR_MARK = re.compile(r"\((?:the\s+)?(?:chair|chairman|chairperson|chairwoman|mayor|presiding)\)", re.I)
VICE_MARK = re.compile(r"\((?:the\s+)?vice[- ]?(?:chair|chairman|chairperson|chairwoman)\)", re.I)


def _marked(text: str, mark: re.Pattern[str]) -> str | None:
    """The name printed just before a "(Chair)" or "(Vice-Chair)" marker."""
    m = mark.search(text)
    if not m:
        return None
    before = re.split(r"[,;]|\s+and\s+|\)", text[: m.start()])[-1]
    names = split_names(before)
    return names[-1] if names else None
