"""Who holds which post, as the papers say it: "Mr B Watts (General Counsel)", "Darryl Freeman,
Director of Children's Services", "Ruth Whittingham - Head of Law", "X was appointed as the
permanent corporate director". Each mention is evidence for a tenure; nothing here guesses."""
from __future__ import annotations

import re
from collections.abc import Sequence

from minutetrail.models import Line, RoleMention
from minutetrail.parsers.attendance import HONORIFIC_START, ROLE_WORDS
from minutetrail.parsers.owners import clean_person

ROLE_HEAD = (
    r"(?:(?:interim|acting|deputy|assistant|executive|corporate|service|strategic|senior|principal|chief|joint)\s+)*"
    r"(?:director|head|manager|officer|clerk|lead|executive|counsel|solicitor|accountant|treasurer|secretary|"
    r"commissioner|adviser|advisor|engineer|planner|co-?ordinator|superintendent|administrator|chief executive|auditor|controller|"
    r"registrar|inspector|surveyor|analyst)"
)
ROLE = rf"(?P<role>(?:[A-Z][\w&'’-]*\s+){{0,4}}(?i:{ROLE_HEAD})\b[^()\n;]{{0,70}}?(?:\s*\([A-Z][^()\n]{{1,40}}\))?)"  # "Head of Service (Early Help)"  # "Housing Strategy Manager"
NAME = r"(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir)\.?\s+)?(?:[A-Z][a-z'’-]+|[A-Z]\.?)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.?|[a-z]{1,3}['’][A-Z][a-z]+)){1,3})"
BRACKETED = re.compile(rf"{NAME}\s*\({ROLE}\)")
DASHED = re.compile(rf"{NAME}\s+[-–]\s+{ROLE}(?=$|[,.;]|\s+and\b)")
APPOSED = re.compile(rf"{NAME},\s+(?:the\s+)?(?:(?:new|newly|recently)\s+(?:appointed\s+)?)?{ROLE}(?=$|[,.;]|\s+(?:and|who|was|had|said|introduced|presented)\b)")
_TAKES = r"(?:(?:was|has been|had been|is to be|will be)\s+appointed\s+(?:as|to the (?:post|role|position) of)?|(?:has\s+|had\s+)?(?:joined|started|taken up the (?:post|role) of|will take up the (?:post|role) of|takes up the (?:post|role) of)(?:\s+as)?)"
APPOINTED = re.compile(rf"{NAME}\s+{_TAKES}\s*(?:the\s+)?(?:council['’]s\s+)?(?:permanent\s+|new\s+)?{ROLE}(?=$|[,.;]|\s(?:this|last|from|with|on|in|and)\b)")
APPOINTMENT_OF = re.compile(rf"\b(?i:appointment|arrival)\s+of\s+{NAME}\s+as\s+(?:the\s+)?(?:council['’]s\s+)?(?:permanent\s+|new\s+|interim\s+)*{ROLE}(?=$|[,.;]|\s(?:this|last|from|with|on|in|and)\b)")
WELCOMED = re.compile(rf"\bwelcomed\s+{NAME}(?:,?\s+who\s+(?:has\s+)?(?:joined|started|taken up the post)|,)?\s+(?:as|to the post of)\s+(?:the\s+)?(?:council['’]s\s+)?(?:permanent\s+|new\s+|interim\s+)*{ROLE}(?=$|[,.;]|\s(?:this|last|from|with|on|in|and)\b)")
INITIALLED = re.compile(r"(?P<name>(?:[A-Z][a-z'’-]+)(?:\s+[A-Z][a-z'’-]+){1,3})\s*\((?P<init>[A-Z]{2,4})\)")
INITIALS_ROLE = "initials"  # "Kenny Combe (KC)": a mention whose role is "initials KC" makes KC an alias on that date
LINE_PATTERNS = (DASHED, APPOSED)  # read within one line
JOINED_PATTERNS = (BRACKETED, APPOINTED, WELCOMED, APPOINTMENT_OF)
CHANGE_WORDS = re.compile(r"\b(appoint\w*|welcomed|joined|started|take[ns]? up|took up|arrival|new|newly)\b", re.I)


def states_a_change(text: str) -> bool:
    """Whether a mention's words say the post changed hands (an appointment, a welcome, a new holder)."""
    return bool(CHANGE_WORDS.search(text))  # may run on to the next line
NOT_A_NAME = re.compile(r"^(the|a|an|this|that|it|he|she|they|report|cabinet|council|committee|members?)\b", re.I)
TRAILING = re.compile(r"\s+(?:for|of|and|to|in|on|at|with|the)$", re.I)


def role_key(role: str) -> str:
    """A role title for comparison: lower case, "interim"/"acting"/"permanent" and punctuation dropped."""
    t = re.sub(r"\b(interim|acting|permanent|temporary|new)\b", " ", role.lower())
    t = t.replace("&", " and ")
    return " ".join(re.findall(r"[a-z]+", t))


ROLE_TAIL_NOISE = re.compile(r"\s+(?:on|date|tel|telephone|email|e-mail|ext|who|was|is)\b.*$|\s*\d.*$", re.I)


def _clean_role(role: str) -> str:
    role = ROLE_TAIL_NOISE.sub("", re.sub(r"\s+", " ", role)).strip(" ,.;:-–")
    while TRAILING.search(role):
        role = TRAILING.sub("", role)
    return role


LABEL_WORDS = frozenset({"role", "name", "author", "by", "contact", "report", "lead", "owner", "and", "approved"})


def _trim_name(name: str) -> str:
    """"Role Darryl Freeman" (from "Author Name and Role Darryl Freeman") -> "Darryl Freeman"."""
    words = name.split()
    while words and words[0].lower() in LABEL_WORDS:
        words = words[1:]
    return " ".join(words)


def find_role_mentions(pages: Sequence[tuple[int, Sequence[Line]]]) -> list[RoleMention]:
    """Every "person holds post" statement in the pages, with page and the words that said it."""
    out: list[RoleMention] = []
    seen: set[tuple[str, str]] = set()
    for page, lines in pages:
        texts = [ln.text for ln in lines]
        for i, text in enumerate(texts):
            joined = text if i + 1 >= len(texts) else f"{text} {texts[i + 1]}"
            found = [m for p in JOINED_PATTERNS for m in p.finditer(joined)] + [m for p in LINE_PATTERNS for m in p.finditer(text)]
            for m in found:
                if True:
                    if m.start() >= len(text):
                        continue  # found on the next line: it is reported there
                    name = _trim_name(clean_person(m["name"]))
                    role = _clean_role(m["role"])
                    titled = bool(HONORIFIC_START.match(m["name"]))  # "Mrs C Head": a name, whatever it reads like
                    if not name or NOT_A_NAME.match(name) or len(name.split()) < 2 or (
                            not titled and any(ROLE_WORDS.fullmatch(w) for w in name.split())):
                        continue
                    key = (name.lower(), role_key(role))
                    if key in seen or not key[1]:
                        continue
                    seen.add(key)
                    out.append(RoleMention(name=name, role=role, page=page, text=m.group(0).strip()))
            signed = _signature(texts, i)
            if signed is not None and (signed[0].lower(), role_key(signed[1])) not in seen:
                seen.add((signed[0].lower(), role_key(signed[1])))
                out.append(RoleMention(name=signed[0], role=signed[1], page=page, text=signed[2]))
            for m in INITIALLED.finditer(text):
                name = _trim_name(clean_person(m["name"]))
                if initials_of(name) == m["init"] and (name.lower(), m["init"]) not in seen:
                    seen.add((name.lower(), m["init"]))
                    out.append(RoleMention(name=name, role=f"{INITIALS_ROLE} {m['init']}", page=page, text=m.group(0)))
    return out


SIGNED = re.compile(r"^(?i:signed|signature|yours sincerely|yours faithfully|sign-?off|report author|author|contact officer|"
                    r"lead officer|officer contact|responsible officer)\b[\s:.…_-]*(?P<rest>.*)$")
NAME_LINE = re.compile(rf"^{NAME}$")
SIGNATURE_LOOKAHEAD = 3  # lines after "Signed" in which the name and then the post are printed


def _signature(texts: Sequence[str], i: int) -> tuple[str, str, str] | None:
    """A signature block: "Signed" (and dots), the name, then the post on the next line."""
    m = SIGNED.match(texts[i].strip())
    if m is None:
        return None
    candidates = ([m["rest"].strip(" .…_")] if m["rest"].strip(" .…_") else []) + [t.strip() for t in texts[i + 1:i + 1 + SIGNATURE_LOOKAHEAD]]
    for j, cand in enumerate(candidates[:-1]):
        nm = NAME_LINE.match(cand)
        role = candidates[j + 1].strip(" ,.")
        if nm and ROLE_HEAD_RE.search(role) and len(role.split()) <= 10:
            name = clean_person(nm["name"])
            if len(name.split()) >= 2 and not NOT_A_NAME.match(name):
                return name, _clean_role(role), f"{texts[i].strip()} / {cand} / {role}"
    return None


def initials_of(name: str) -> str:
    """"Kenny Combe" -> "KC"; "Anna Marie Lowe" -> "AML"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


REPORT_BY = re.compile(r"^report\s+by\s*:\s*(?P<role>.+)$", re.I)
APPROVED_BY = re.compile(r"^(?i:(?:report\s+)?(?:approved|signed off|cleared)\s+by)\s*:?\s*(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})(?:\s+(?i:date)\b.*)?$")


def report_author_mentions(pages: Sequence[tuple[int, Sequence[Line]]]) -> list[RoleMention]:
    """In one report: "Report by: Corporate Director, Children and Young People" and, in its sign-off,
    "Approved by Darryl Freeman" — the approver holds the reporting post."""
    role: tuple[int, str] | None = None
    name: tuple[int, str, str] | None = None
    for page, lines in pages:
        for line in lines:
            text = line.text.strip()
            if (m := REPORT_BY.match(text)) and role is None:
                role = (page, _clean_role(m["role"]))
            elif (a := APPROVED_BY.match(text)) and name is None:
                name = (page, clean_person(a["name"]), text)
    if role is None or name is None or not role_key(role[1]) or not ROLE_HEAD_RE.search(role[1]):
        return []
    return [RoleMention(name=name[1], role=role[1], page=name[0], text=f"Report by: {role[1]} / {name[2]}")]


ROLE_HEAD_RE = re.compile(rf"\b(?i:{ROLE_HEAD})\b")


GLOSSARY_NAME = re.compile(r"^(name|officer|contact|post holder|postholder)$", re.I)
GLOSSARY_ROLE = re.compile(r"^(role|title|job title|post|position|responsibility)$", re.I)
GLOSSARY_GAP = 12.0  # points between the two header words at least


def glossary_mentions(pages: Sequence[tuple[int, Sequence[Line]]]) -> list[RoleMention]:
    """Two-column tables of names and posts ("Name | Role", "Post | Postholder"), header first."""
    out: list[RoleMention] = []
    for page, lines in pages:
        split: tuple[float, bool] | None = None  # boundary x, and whether the name is the left column
        for line in lines:
            words = line.words
            text = line.text.strip()
            header = _glossary_header(line)
            if header is not None:
                split = header
                continue
            if split is None:
                continue
            left = " ".join(w.text for w in words if w.x0 < split[0])
            right = " ".join(w.text for w in words if w.x0 >= split[0])
            if not left or not right:
                split = None if not text else split
                continue
            name, role = (left, right) if split[1] else (right, left)
            name = clean_person(name)
            if len(name.split()) >= 2 and all(w[:1].isupper() for w in name.split()) and role_key(role):
                out.append(RoleMention(name=name, role=_clean_role(role), page=page, text=f"{left} | {right}"))
    return out


def _glossary_header(line: Line) -> tuple[float, bool] | None:
    words = line.words
    if not 2 <= len(words) <= 4:
        return None
    for i in range(1, len(words)):
        a, b = " ".join(w.text for w in words[:i]), " ".join(w.text for w in words[i:])
        if words[i].x0 - words[i - 1].x1 < GLOSSARY_GAP:
            continue
        if GLOSSARY_NAME.match(a) and GLOSSARY_ROLE.match(b):
            return words[i].x0 - 2, True
        if GLOSSARY_ROLE.match(a) and GLOSSARY_NAME.match(b):
            return words[i].x0 - 2, False
    return None
