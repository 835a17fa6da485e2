"""The meeting a file was published for: committee, date, time, venue, body."""
from __future__ import annotations

import re
from collections.abc import Sequence

from minutetrail.models import Line, Meeting, Membership
from minutetrail.parsers.agenda_table import agenda_table_header
from minutetrail.parsers.dates import parse_date, parse_time
from minutetrail.parsers.owners import clean_person
from minutetrail.parsers.text import collapse, line_size
from minutetrail.parsers.vocab import alternation

FRONT_LINES = 30
TITLE_HEAD_LINES = 6  # an "AGENDA" heading this near the top may have the committee's name, whatever it is, under it
GENERIC_FIRST = frozenset({"council", "county", "city", "town", "parish", "district", "borough", "the", "full", "this", "each", "every"})
BODY = re.compile(
    r"\b((?:[A-Z][a-z]+(?:shire)?\s){1,3}(?:County|Borough|City|District|Parish|Town|Metropolitan|Combined)?\s?Council)\b"
    r"|\b((?:The\s)?(?:Township|City|Town|Village|County|Borough) of [A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
)
LABEL_DATE = re.compile(r"^(" + alternation("meeting.date_labels") + r")\s*:\s*(.+)$", re.I)
# "Published: 2 May", "Date de convocation : 6 juillet": a date on the front sheet that is not the meeting's
NOT_MEETING_DATE = re.compile(r"\b" + alternation("meeting.not_meeting_date") + r"\b", re.I)
# "Meeting: Audit Committee": the label (stripped from a title line), and the committee it names
COMMITTEE_LABEL_PREFIX = re.compile(r"^(?:" + alternation("meeting.committee_labels") + r")\s*:\s*", re.I)
LABEL_COMMITTEE = re.compile(COMMITTEE_LABEL_PREFIX.pattern + r"(?P<name>\D+)$", re.I)
LABEL_TIME = re.compile(r"^time\s*:\s*(.+)$", re.I)
LABEL_VENUE = re.compile(r"^(place|venue|location)\s*:\s*(.+)$", re.I)
AGENDA_FOR = re.compile(r"^agenda for (?:the )?meeting of (?:the )?(.+)$", re.I)
AGENDA_HEAD = re.compile(r"^\W*(" + alternation("kinds.agenda") + r"|notice of the meeting)\W*$", re.I)
# "To: All Members of the Planning Sub-Committee": the committee, addressed
ADDRESSEE = re.compile(r"^(?:(?:" + alternation("meeting.addressee_leads") + r")\s*:?\s*)?(?:all\s+)?(?:the\s+)?members\s+of\s+(?:the\s+)?(?=[A-Z])"
                       r"|^to\s*:\s*(?:the\s+)?(?=[A-Z])", re.I)
SUMMONED = re.compile(r"\b(?i:meeting) of the (?P<name>[A-Z][\w&'’ -]+?),?\s+(?:to be|will be|is to be|shall be)\s+held\b")
ITEM_MARKER = re.compile(r"^\(?[A-Z0-9]{1,3}[.)]\s")  # "A. Apologies" under the heading is the first item, not the committee
# "Meeting of the Licensing Committee" as a title: the committee is what follows the lead
TITLE_LEAD = re.compile(r"^(?:" + alternation("meeting.title_leads") + r")\s+(?:the\s+)?(?=[A-Z])", re.I)
VENUE = re.compile(r"\b" + alternation("meeting.venue_cues") + r"\b", re.I)  # "Council Chamber, Civic Offices, Market Street"
# "Finance and Performance Committee Meeting No. 36": the committee, before the meeting's number
NUMBERED_TITLE = re.compile(r"^(?P<name>.+?)\s+(?:" + alternation("meeting.number_labels") + r")\s*\d{1,4}$", re.I)
NOT_COMMITTEE = re.compile(r"\d|@|www\.|https?:|^(tel|email|ask for|date|time|place|venue)\b", re.I)


def smart_case(text: str) -> str:
    """ALL-CAPS headings to title case; mixed case left as printed."""
    if text.isupper() and not (len(text.split()) == 1 and len(text) <= 4):  # "TMG" is an acronym
        small = {"and", "of", "the", "for", "in", "on", "to"}
        words = text.lower().split()
        return " ".join(w if (i and w in small) else w.capitalize() for i, w in enumerate(words))
    return text


def find_body(lines: Sequence[Line]) -> str | None:
    for line in lines[:FRONT_LINES]:
        text = smart_case(line.text) if line.text.isupper() else line.text
        m = BODY.search(text)
        if m:
            found = (m.group(1) or m.group(2)).strip()
            found = re.sub(r"^The\s+", "", found)
            if found.split()[0].lower() not in GENERIC_FIRST:  # "City Council" names no place
                return found
    return None


def _committee(lines: Sequence[Line]) -> str | None:
    for i, line in enumerate(lines[:FRONT_LINES]):
        m = AGENDA_FOR.match(line.text.strip())
        if m:
            return smart_case(m.group(1).strip(" ."))
    for i, line in enumerate(lines[:FRONT_LINES]):
        if AGENDA_HEAD.match(line.text.strip()):
            for nxt in lines[i + 1 : i + 3]:
                t = nxt.text.strip()
                named = _names_committee(t) or (_name_like(t) and i < TITLE_HEAD_LINES)  # under a heading further down,
                if t and not NOT_COMMITTEE.search(t) and len(t) < 90 and not ITEM_MARKER.match(t) and named \
                        and not agenda_table_header(nxt):  # a line that names no committee is the first item ("Apologies")
                    return re.sub(r"\s+meeting$", "", smart_case(t), flags=re.I)
            above = [prev for prev in reversed(lines[max(0, i - 4) : i]) if (t := prev.text.strip()) and not NOT_COMMITTEE.search(t)
                     and len(t) < 90 and (re.search(r"\bcouncil\b", t, re.I) or _names_committee(t))  # not "Councillors ..."
                     and not VENUE.search(t)]  # nor "Council Chamber, Civic Offices": where it meets
            if above:  # the committee set largest over the heading, not the council above it
                return smart_case(max(above, key=line_size).text.strip())
    return None


def _without_title_lead(name: str | None) -> str | None:
    """"Meeting of the Board of Trustees" -> "Board of Trustees": a title's lead words are not the committee's name."""
    if name is None:
        return None
    stripped = TITLE_LEAD.sub("", name, count=1)
    return stripped if _names_committee(stripped) else name


def _labelled_committee(lines: Sequence[Line]) -> str | None:
    """A committee named by a label on the front sheet ("Meeting: Planning Sub-Committee")."""
    for line in lines[:FRONT_LINES]:
        m = LABEL_COMMITTEE.match(collapse(line.text))
        if m and _name_like(m["name"].strip(" .")):
            return smart_case(m["name"].strip(" ."))
    return None


def _numbered_committee(lines: Sequence[Line]) -> str | None:
    """The committee a title names before the meeting's number ("Finance Committee Meeting No. 12")."""
    for line in lines[:FRONT_LINES]:
        m = NUMBERED_TITLE.match(collapse(line.text))
        if m and _names_committee(m["name"]):
            return smart_case(m["name"])
    return None


def _summoned_committee(lines: Sequence[Line]) -> str | None:
    """The committee a summons names ("a meeting of the Audit Committee to be held ..."), or that it is addressed
    to ("To: All Members of the Planning Sub-Committee")."""
    joined = " ".join(collapse(ln.text) for ln in lines[:FRONT_LINES])
    m = SUMMONED.search(joined)
    if m and _names_committee(m["name"]):
        return m["name"]
    for line in lines[:FRONT_LINES]:
        text = collapse(line.text)
        a = ADDRESSEE.match(text)
        name = text[a.end():].strip(" .:") if a else ""
        if name and _names_committee(name) and not NOT_COMMITTEE.search(name):
            return smart_case(name)
    return None


UNQUALIFIED = re.compile(r"(committee|sub-committee|board|panel|commission|forum|meeting)s?", re.I)  # "the Committee": which?


def _names_committee(name: str) -> bool:
    return bool(COMMITTEE_WORD.search(name)) and _name_like(name) and not UNQUALIFIED.fullmatch(name) and ":" not in name


COMMITTEE_WORD = re.compile(r"\b(council|committee|board|commission|panel|cabinet|forum|sub-committee|executive)\b", re.I)
HELD_BY = re.compile(r"meeting of the (?P<body>[A-Z][\w ]+?) (?P<committee>Council|Committee|Board|Commission|Panel|Cabinet) (?:(?:was|will be) )?held", re.I)


def committee_fallback(lines: Sequence[Line], body: str | None) -> str | None:
    """A committee named on its own short line ("City Council"), before "AGENDA", or in "meeting of ... was held"."""
    for line in lines[:8]:
        text = line.text.strip()
        if re.search(r"\bagenda\b", text, re.I):
            text = re.split(r"\bagenda\b", text, flags=re.I)[0].strip(" *-–:")
        text = COMMITTEE_LABEL_PREFIX.sub("", text)
        text = re.sub(r"\s*\b(meeting\s+)?(minutes|notes?)\b.*$", "", text, flags=re.I).strip()
        if UNQUALIFIED.fullmatch(text):
            continue  # "Commission Meeting Minutes": which commission is said elsewhere ("Cabinet Agenda" is the cabinet's)
        if text and len(text) < 60 and not re.search(r"\d|@", text) and COMMITTEE_WORD.search(text) and _name_like(text):
            name = smart_case(text)
            if body is None or name.lower() != body.lower() or re.search(r"\b(parish|town)\b", name, re.I):
                return name
    joined = " ".join(ln.text for ln in lines[:12])
    m = HELD_BY.search(joined)
    if m:  # "... of the Westvale Planning Committee will be held": the committee; "... Township Council": the council
        if m["committee"].lower() == "council":
            return smart_case(m["committee"])
        return smart_case(f"{m['body']} {m['committee']}")
    if body and re.search(r"\b(parish|town) council\b", body, re.I):
        return body  # a parish council is its own committee
    if body and re.match(r"^(township|city|town|village|county|borough) of\b", body, re.I) and re.search(r"\bcouncil\b", joined, re.I):
        return "Council"
    return None


MENTION = re.compile(r"\b((?:[A-Z][A-Za-z&]*\s){0,3}(?:Commission|Committee|Cabinet|Board|Panel|Sub-Committee))\b"
                     r"(?!\s+(?:Office|Secretary|Member|Department|Director)s?\b)")  # "Cabinet Office" is no committee
MENTION_STOP = frozenset({"The", "This", "That", "A", "An", "Each", "Every", "Our", "Its"})


def committee_by_mentions(lines: Sequence[Line]) -> str | None:
    """The committee the text names most often ("SSA Commission", "Cabinet"), for papers that never title it."""
    counts: dict[str, int] = {}
    for line in lines:
        for m in MENTION.finditer(line.text):
            words = m.group(1).split()
            while words and words[0] in MENTION_STOP:
                words = words[1:]
            if words:
                name = " ".join(words)
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))
    qualified = [kv for kv in counts.items() if len(kv[0].split()) > 1 and kv[0].endswith(best[0])]
    if len(best[0].split()) == 1 and qualified:  # "the Commission" is the "SSA Commission" named elsewhere
        best = max(qualified, key=lambda kv: (kv[1], len(kv[0])))
    return best[0] if best[1] >= 2 else None


def front_sheet_meeting(lines: Sequence[Line]) -> Meeting:
    """Committee, date, time, venue and body from a front sheet's first lines."""
    date = time = venue = None
    for line in lines[:FRONT_LINES]:
        text = collapse(line.text)
        m = LABEL_DATE.match(text)
        if m and date is None:
            date = parse_date(m.group(2))
        m = LABEL_TIME.match(text)
        if m and time is None:
            time = parse_time(m.group(1))
        m = LABEL_VENUE.match(text)
        if m and venue is None:
            venue = m.group(2).strip()
    if date is None:
        for i, line in enumerate(lines[:FRONT_LINES]):
            if NOT_MEETING_DATE.search(line.text):
                continue
            joined = " ".join(ln.text for ln in lines[i : i + 2] if not NOT_MEETING_DATE.search(ln.text))
            found = parse_date(line.text) or parse_date(joined)
            if found and len(found) == 10:
                date = found
                time = time or parse_time(joined)
                break
    if date is None:
        date = heading_date(lines)  # "Tuesday 5 May at 7 pm", the year printed elsewhere
    body = find_body(lines)
    titled = heading_committee(lines)
    if titled and body and titled.lower() == body.lower() and not OWN_COMMITTEE.search(titled):
        titled = None  # "Kent County Council" on a report's cover is the body, not a committee
    committee = _numbered_committee(lines) or _labelled_committee(lines) or _summoned_committee(lines) or _committee(lines) or committee_fallback(lines, body) or titled
    return Meeting(body=body, committee=_without_title_lead(committee), date=date, time=time,
                   venue=venue, membership=parse_membership(lines))


MEMBERSHIP_HEAD = re.compile(r"^membership\b", re.I)
MEMBERSHIP_END = re.compile(r"^(agenda|pages|\d{1,2}\.\s)", re.I)
CHAIR_LINE = re.compile(r"^(chair(?:man|person|woman)?)\s+(?P<name>.+)$", re.I)
VICE_LINE = re.compile(r"^(vice[- ]?chair(?:man|person|woman)?)\s+(?P<name>.+)$", re.I)
COOPTEE_LINE = re.compile(r"^(co-?optees?|non-voting member|independent member|parent governor)\s+(?P<name>.+)$", re.I)
MEMBER_LINE = re.compile(r"^(councillor|cllr|mr|mrs|ms|miss|dr)\b", re.I)


def parse_membership(lines: Sequence[Line]) -> Membership | None:
    """The "Membership" block of a front sheet: chair, vice-chair, members, co-optees."""
    start = next((i for i, ln in enumerate(lines[:40]) if MEMBERSHIP_HEAD.match(ln.text.strip())), None)
    if start is None:
        return None
    chair = vice = None
    members: list[str] = []
    co_optees: list[str] = []
    in_co_optees = False
    for line in lines[start + 1 : start + 40]:
        text = line.text.strip()
        if MEMBERSHIP_END.match(text):
            break
        if m := VICE_LINE.match(text):
            vice = clean_person(m["name"])
            members.append(vice)
        elif m := CHAIR_LINE.match(text):
            chair = clean_person(m["name"])
            members.append(chair)
        elif m := COOPTEE_LINE.match(text):
            in_co_optees = m.group(1).lower().startswith("co")
            (co_optees if in_co_optees else members).append(_person_part(m["name"]))
        elif MEMBER_LINE.match(text) and not in_co_optees:
            members.append(clean_person(text))
        elif in_co_optees and text[:1].isupper():
            co_optees.append(_person_part(text))
    if not (chair or members):
        return None
    return Membership(chair, vice, tuple(dict.fromkeys(members)), tuple(dict.fromkeys(c for c in co_optees if c)))


def _person_part(text: str) -> str:
    """"Wiktor Daron Archdiocese of Cardiff" -> "Wiktor Daron": the leading two or three capitalised words."""
    name = clean_person(text)
    words = name.split()
    lead = []
    for w in words:
        if not w[:1].isupper() or w.lower() in {"archdiocese", "diocese", "representative", "parent", "governor", "hereford"}:
            break
        lead.append(w)
    return " ".join(lead[:3]) if len(lead) >= 2 else name


HEADING_LINES = 10
LABEL = re.compile(r"^[\w' ]{1,24}\s*:")  # "Chair: ...", "Date: ..."
HEAD_WORDS = re.compile(
    r"^\W*(?:(?:draft|unconfirmed|approved)\s+)?(?:" + alternation("kinds.minutes") + r"|" + alternation("kinds.agenda")
    + r"|meeting|réunion|séance)(?:\s+(?:of|for|from|du|de|de la|des)\b)?(?:\s+(?:a|an|the|la|le)\b)?\s*", re.I)
TAIL_WORDS = re.compile(r"\s*\b(?:meeting|minutes|agenda|held|will be held|was held)\b.*$", re.I)
OWN_COMMITTEE = re.compile(r"((?:[A-Z][\w'’-]*\s+){0,3})(?i:(" + alternation("own_committee_bodies") + r"))\b")
NAME_SMALL = frozenset({"of", "and", "the", "for", "on", "in", "&", "du", "de", "la", "le", "des", "et"})
HEADING_COMMITTEE = re.compile(r"\b(council|committee|board|commission|panel|cabinet|forum|executive|conseil|comité|cyngor|pwyllgor)\b", re.I)


def _name_like(text: str) -> bool:
    """A name ("Crime and Justice Panel"), not a sentence: at most one lower-case word outside small words."""
    words = text.split()
    return bool(words) and sum(1 for w in words if w[:1].islower() and w.lower() not in NAME_SMALL) <= 1


MINUTES_OF = re.compile(r"^\W*(?:(?:draft|unconfirmed|approved)\s+)?(?:" + alternation("kinds.minutes") + r")\s+(?:of|from)\b", re.I)


def titled_committee(lines: Sequence[Line]) -> str | None:
    """The committee a minutes title names: "Minutes of the meeting of X held ...", "Minutes extract from X – date"."""
    for i, line in enumerate(lines[:HEADING_LINES]):
        if MINUTES_OF.match(line.text.strip()):
            return heading_committee(lines[i : i + 1], all_lines=True)
    return None


def heading_committee(lines: Sequence[Line], all_lines: bool = False) -> str | None:
    """The committee named in a document's title block: a council that is its own committee
    ("Ayton Community Council", "Conseil Municipal"), or a short title line naming a committee."""
    for line in lines[:HEADING_LINES]:
        text = collapse(line.text)
        if LABEL.match(text):
            continue
        m = OWN_COMMITTEE.search(smart_case(text))
        if m:
            return (m.group(1) + m.group(2)).strip()
    sizes = sorted(line_size(ln) for ln in lines[:FRONT_LINES])
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    for i, line in enumerate(lines[:HEADING_LINES]):
        text = collapse(line.text)
        heading = all_lines or i < 3 or all(w.bold for w in line.words) or max(w.size for w in line.words) > body_size + 1
        if LABEL.match(text) or len(text) > 120 or not heading:
            continue
        name = smart_case(text)
        while (stripped := HEAD_WORDS.sub("", name, count=1)) != name:  # "Minutes of the meeting of the ..."
            name = stripped
        name = re.split(r"\s*\b" + alternation("kinds.action_log") + r"\b", name, flags=re.I)[0]
        name = re.split(r"\s[-–—]\s|,\s*\d|\s\d{1,2}(?:st|nd|rd|th)?\s+[A-Z]", name)[0]
        name = TAIL_WORDS.sub("", name).strip(" .:-–")
        if COMMITTEE_WORD.fullmatch(name):
            continue  # "Minutes of the Committee Meeting": which committee is said on another line
        if name[:1].isupper() and not re.search(r"\d|@", name) and HEADING_COMMITTEE.search(name) and _name_like(name) and len(name.split()) <= 10:
            return name
    return None


YEARLESS_LINES = 4  # a heading's "séance du 12 juillet" without its year sits in the first lines


def heading_date(lines: Sequence[Line]) -> str | None:
    """The meeting's date from a title block: a labelled date, else the first full date; a heading
    date printed without its year takes the year of the first full date after it."""
    head = lines[:HEADING_LINES + 4]
    for line in head:
        m = LABEL_DATE.match(collapse(line.text))
        if m and (found := parse_date(m.group(2))) and len(found) == 10:
            return found
    yearless: str | None = None
    for i, line in enumerate(head):
        found = parse_date(line.text) or parse_date(" ".join(ln.text for ln in head[i : i + 2] if not NOT_MEETING_DATE.search(ln.text)))
        if found and len(found) == 10:
            if NOT_MEETING_DATE.search(line.text) and yearless is None:
                continue  # a publication or notice date
            if yearless is not None:
                return parse_date(yearless, int(found[:4]))
            return found
        if yearless is None and i < YEARLESS_LINES and parse_date(line.text, 2000):
            yearless = line.text
    if yearless is not None:
        later = next((d for ln in lines for d in [parse_date(ln.text)] if d and len(d) == 10), None)
        return parse_date(yearless, int(later[:4])) if later else None
    return None
