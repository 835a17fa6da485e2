"""Actions recorded in minutes: "Action:" lines, owner initials in a right-hand action margin,
and "X to ..." assignments in prose.

Where a document marks its own actions (an "Action:" line or an action margin), only those are
actions; prose is read only in minutes that mark none. An owner must be a person, initials or a
post ("Clerk", "Transparency Team"), never a capitalised preposition ("Due to", "Prior to").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from statistics import median
from typing import Any

from minutetrail.models import Line, MinuteAction, Resolution, ResolutionKind, Word
from minutetrail.parsers.attendance_grid import line_cells
from minutetrail.parsers.decisions import ACTIONS_LABEL, BULLET, LETTERED, Para, is_decision_text
from minutetrail.parsers.minute_table import ACTION_REF_TEXT, classify_entry, column_entries
from minutetrail.parsers.nlp import due_phrase
from minutetrail.parsers.owners import parse_owner
from minutetrail.parsers.text import strip_marker
from minutetrail.parsers.vocab import alternation

INITIALS = r"(?:[A-Z]{1,4}[a-z]?|[A-Z][a-z][A-Z]{1,3})"  # "JS", "MCa", "JTe", "DBP", "KO"
MARGIN_TOKEN = re.compile(rf"^{INITIALS}(?:\s*[/,&]\s*{INITIALS})*$|^(?:All|ALL|Clerk|Chair)$")
MARGIN_SHARE = 0.8  # a margin owner sits right of this share of the text width
MARGIN_GAP = 2.5  # ... after a gap this many times the line's usual word gap
HEADER_SHARE = 0.7  # an "Action" column header sits right of this share of the text width
MARGIN_SLACK = 20.0  # points left of that header where owners under it may start
OWNER_WORDS = 12  # an owner phrase longer than this is a clause, not a list of names
MARGIN_MIN = 2  # lines with a margin owner before a document is read as having an action margin
ROLE_OWNER = re.compile(
    r"\b(clerk|chair(?:man|person|woman)?|vice-chair|secretary|treasurer|officers?|director|manager|lead|team|group|"
    r"members|councillors|reps|representatives?|secretariat|coordinator|co-ordinator|administrator|executive|"
    r"mayor|leader|all|everyone|panel members|board members|working group|sub-committee|chief officer)\b",
    re.I,
)
HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|cllr|councillor|sir|dame|prof|professor|lord|lady)\.?\s+[A-Z]", re.I)
NOT_OWNER_START = re.compile(
    r"^(?:due|prior|further|subject|owing|according|thanks|next|it|this|that|these|those|there|they|we|he|she|"
    r"an?|any|some|no|all\s+\w+s\b|each|every|funding|work|the\s+(?:committee|council|meeting|report|scheme|board|panel)|"
    r"committee|council|resolved|agreed|recommended|in|on|at|for|with|following|after|before|if|when|as|once|upon)\b",
    re.I,
)
RESOLVED_OWNER = re.compile(r"\b(?:resolved|agreed|decided)\s+(?:that\s+)?(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:to|will|should)\s+[a-z]")
DUE_LABEL = re.compile(r"^(?:due(?:\s+date)?|deadline|by when|target date|timescale)\s*[:\-–]\s*(?P<due>\S.*)$", re.I)
DUE_TEXT = re.compile(r"\b(?:by|before)\s+(?P<due>(?:the\s+)?\d{1,2}\S*\s+[A-Z][a-z]+(?:\s+\d{4})?|[A-Z][a-z]+ \d{4}|the next meeting)")
NOT_VERB = r"(?:like|the|a|an|this|that|these|those|their|his|her|its|our|your|all|any|each|date|which|whom)"
CLAUSE_START = re.compile(r"^|(?<=[,;:])\s+|\b(?:resolved|agreed|that|and)\s+", re.I)
# "... quotes to be obtained. ACTION: BR" / "... will write to the county. (Action: Clerk)": the owner
# named after the sentence it closes
TRAILING_ACTION = re.compile(  # the marker after a sentence's last stop; the sentence is everything before it
    rf"(?<=[.;!?])\s*\(?\s*(?i:{alternation('actions.margin')})\s*[:\-–]\s*"
    r"(?P<owner>[A-Z][\w'’.&/-]*(?:(?:\s+|\s*[,&/]\s*)(?:and\s+)?[A-Z][\w'’.&/-]*){0,4})\s*\)?\.?$"
)


@cache
def _assign() -> re.Pattern[str]:
    verbs = alternation("actions.verbs")
    return re.compile(
        rf"(?P<owner>(?:the\s+)?[A-Z][\w'’.&-]*(?:(?:\s+|\s*/\s*|,\s*)(?:and\s+|&\s+)?(?:[A-Z][\w'’.&-]*|\([^)]*\)|of|for|reps|members|team))*)"
        rf"\s+(?P<how>{verbs})\s+(?!be\s+(?:noted|received|approved)\b|{NOT_VERB}\b)(?P<verb>[a-z]+)\b"
    )


def is_owner(phrase: str) -> bool:
    """A person, initials or a post: "JS", "JS/TS", "Mrs A Smith", "Jane Smith", "the Clerk", "Transparency Team"."""
    p = phrase.strip(" ,")
    tokens = [t for t in re.split(r"[\s,/&]+|\band\b", p) if t]
    if tokens and all(re.fullmatch(INITIALS, t) for t in tokens) and any(sum(ch.isupper() for ch in t) >= 2 for t in tokens):
        return True  # "SB", "RB, FQ, KK", "MoJ", "NO" (initials, not the word)
    if not p or len(p.split()) > OWNER_WORDS or NOT_OWNER_START.match(p):
        return False
    if HONORIFIC.match(p) or ROLE_OWNER.search(p):
        return True
    caps = [t for t in tokens if t[:1].isupper()]
    return len(tokens) >= 2 and len(caps) == len(tokens) and tokens[0].lower() not in ("the", "a", "an")  # "Jane Smith", "A. Bell, C. Dyer"


def assignment(sentence: str) -> tuple[str, int] | None:
    """(owner, where its clause starts) of the work a sentence assigns, from a clause start anywhere in it
    ("..., X to arrange ..."). Reported speech ("X would ...") counts only for a person or a post."""
    for start in CLAUSE_START.finditer(sentence):
        m = _assign().match(sentence, start.end())
        if not m or not is_owner(m["owner"]):
            continue
        owner = m["owner"].strip()
        if m["verb"] == "be":
            continue  # "X to be invited": X is not the one to act
        personal = bool(HONORIFIC.match(owner) or ROLE_OWNER.search(owner))
        if m["how"] == "would" and not personal:
            continue
        if start.group(0).strip().lower() == "and" and not (personal or _is_name(owner)):
            continue
        where = 0 if start.group(0).strip().lower() == "that" else m.start("owner")
        return owner, where  # "It was agreed that X will ..." keeps its lead; ", X to ..." starts at X
    return None


def _is_name(owner: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z][a-z'’-]+|[A-Z]\.?)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.?)){1,2}", owner))


def row_owner(text: str) -> str | None:
    """The owner an action row's text names ("JG will communicate ...") when the table has no owner column."""
    return _owner(text)


LEAD_OWNER = re.compile(r"^(?P<owner>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3})\s*:\s+\S")


def _owner(text: str) -> str | None:
    """The owner of a marked action: its assignment ("X to ..."), or a lead before a colon ("Team X: ...")."""
    found = assignment(text)
    if found:
        return found[0]
    lead = LEAD_OWNER.match(text)
    if lead is None:
        return None
    return lead["owner"] if is_owner(lead["owner"]) or len(lead["owner"].split()) >= 2 else None


def _due(text: str, nlp: Any) -> str | None:
    due = due_phrase(nlp, text) if nlp is not None else None
    if due is None:
        dm = DUE_TEXT.search(text)
        due = dm["due"] if dm else None
    return due


def _action(text: str, owner: str | None, page: int, nlp: Any) -> MinuteAction:
    return MinuteAction(text=text.rstrip(), owner=parse_owner(owner, initials=True), due=_due(text, nlp), page=page)


def margin_owners(lines: Sequence[tuple[int, Line]], base: int = 0) -> dict[int, tuple[str, Line | None]]:
    """Line index -> (owner, the line without it) for owner initials printed in a right-hand action margin.

    A margin owner is the last word of a line, initials-like, right of most of the text, after a
    gap far wider than the line's word gaps (or bold where the text is not). A document has a
    margin only when several lines carry one at the same x. Lines before ``base`` are only
    searched for the margin's header ("Items ... Action").
    """
    if not lines:
        return {}
    left = min(ln.x0 for _p, ln in lines)
    right = max(ln.x1 for _p, ln in lines)
    found: dict[int, tuple[str, Line | None]] = {}
    alone: dict[int, Word] = {}  # a margin owner printed on a line of its own, just under its paragraph's last line
    for idx, (_page, line) in enumerate(lines):
        words = line.words
        if idx < base:
            continue
        if len(words) == 1 and idx > 0 and MARGIN_TOKEN.match(words[0].text) and words[0].x0 >= left + MARGIN_SHARE * (right - left):
            alone[idx] = words[0]
            continue
        if len(words) < 2:
            continue
        take = 1
        while take < min(3, len(words) - 1) and MARGIN_TOKEN.match(" ".join(w.text for w in words[-take - 1:])):
            take += 1  # "JS / TS" printed as three words
        token = " ".join(w.text for w in words[-take:])
        first, prev = words[-take], words[-take - 1]
        if not MARGIN_TOKEN.match(token) or first.x0 < left + MARGIN_SHARE * (right - left):
            continue
        gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:-take])]
        usual = median(gaps) if gaps else 3.0
        gap = first.x0 - prev.x1
        contrast = first.bold and not prev.bold
        if gap >= MARGIN_GAP * max(usual, 2.0) or contrast:
            found[idx] = (token.replace(" ", ""), Line(tuple(words[:-take])))
    headed = _headed_margin(lines, left, right)
    if len(found) + len(alone) < MARGIN_MIN:
        return headed
    xs = [lines[i][1].words[-1].x1 for i in found] + [w.x1 for w in alone.values()]
    mid = median(xs)
    out = {i: v for i, v in found.items() if abs(lines[i][1].words[-1].x1 - mid) <= 40}
    for idx, word in alone.items():
        if abs(word.x1 - mid) <= 40 and idx - 1 not in out:
            out[idx - 1] = (word.text, lines[idx - 1][1])
            out[idx] = ("", None)  # the owner's own line: not text
    for idx, value in headed.items():  # owners under an "Action" header that the initials test missed
        out.setdefault(idx, value)
    return out


@cache
def _margin_header() -> re.Pattern[str]:
    return re.compile(rf"^{alternation('actions.margin')}:?$", re.I)


MARGIN_NAME = re.compile(r"^(?:[A-Z][\w'’./-]*|&|and)(?:\s+(?:[A-Z][\w'’./-]*|&|and|/))*$")


def _headed_margin(lines: Sequence[tuple[int, Line]], left: float, right: float) -> dict[int, tuple[str, Line | None]]:
    """Owners in a right-hand column headed "Action" / "By whom" / "Owner" (beside a heading or alone on its
    line): any short name-like cell under it."""
    start = None
    for idx, (_page, line) in enumerate(lines):
        cells = line_cells(line)
        if cells and _margin_header().match(cells[-1].text) and cells[-1].x0 >= left + HEADER_SHARE * (right - left):
            start, x, x1 = idx, cells[-1].x0 - MARGIN_SLACK, line.words[-1].x1
            break
    if start is None:
        return {}
    out: dict[int, tuple[str, Line | None]] = {start: ("", None)}
    for idx in range(start + 1, len(lines)):
        line = lines[idx][1]
        cells = line_cells(line)
        last = cells[-1]
        set_right = abs(line.words[-1].x1 - x1) <= MARGIN_SLACK and last.x0 >= left + HEADER_SHARE * (right - left)
        if (last.x0 < x and not set_right) or len(last.text.split()) > 3 or not MARGIN_NAME.match(last.text):
            continue  # a name set right under a right-aligned header may start left of the header
        if len(cells) == 1:
            if idx - 1 > start and idx - 1 not in out:
                out[idx - 1] = (last.text, lines[idx - 1][1])
                out[idx] = ("", None)
            continue
        keep = tuple(w for w in line.words if w.x0 < last.x0)
        out[idx] = (re.sub(r"\s*/\s*", "/", last.text), Line(keep))
    return out


@cache
def _imperative() -> re.Pattern[str]:
    return re.compile(rf"^{alternation('decisions.imperatives')}\b", re.I)


def _opens_assignment(line: str) -> bool:
    found = assignment(line)
    return found is not None and found[1] == 0


def _owner_only(rest: str) -> bool:
    """An "Action:" line that names only who acts ("ACTION: JS", "Action: the Clerk"), no task."""
    rest = rest.strip(" ().")
    return bool(rest) and (bool(MARGIN_TOKEN.match(rest)) or is_owner(rest)) and not re.search(r"\b(?!the\b|and\b|of\b)[a-z]{2,}\b", rest)


@cache
def _owner_label() -> re.Pattern[str]:
    """"Action by: JS", "Responsible Officer: Jane Smith": who acts, on a line of its own under the paragraph."""
    return re.compile(rf"^{alternation('actions.owner_labels')}\s*[:\-–]\s*(?P<owner>\S.*)$", re.I)


def _labelled_owner(para: Para, above: Para | None) -> tuple[Para, str] | None:
    """(the paragraph the owner line closes, the owner) when the paragraph's last line is an owner label; the
    label alone as a paragraph closes the paragraph above."""
    m = _owner_label().match(para.parts[-1].strip()) if para.parts else None
    if not m or not _owner_only(m["owner"]):
        return None
    body = Para(para.page, para.parts[:-1]) if len(para.parts) > 1 else above
    return (body, m["owner"].strip(" ().")) if body is not None else None


def _last_sentence(para: Para) -> str:
    body = strip_marker(BULLET.sub("", para.text).strip())
    return (Para(para.page, (body,)).sentences() or [body])[-1]


def paragraphs_to_actions(paras: Sequence[Para], marked: bool, nlp: Any = None, decisions: Sequence[str] = ()) -> list[MinuteAction]:
    """Actions of one minute item; ``marked``: the document marks its own actions, so prose is not read;
    ``decisions``: texts already read as decisions, not read again as actions."""
    skip = {d.strip() for d in decisions}
    out: list[MinuteAction] = []
    in_list = False
    before: Para | None = None  # the paragraph above, while it is not an action itself
    for para in paras:
        text = para.text
        above, before = before, None
        if para.margin_owner:
            out.append(_action(BULLET.sub("", text).strip(), para.margin_owner, para.page, nlp))
            continue
        owned = _labelled_owner(para, above)
        if owned:
            action = _action(_last_sentence(owned[0]), owned[1], owned[0].page, nlp)
            if out and out[-1].text == action.text:
                out[-1] = action  # the sentence was read as an action already: the label names its owner
            else:
                out.append(action)
            continue
        due = DUE_LABEL.match(text)
        if due and out and out[-1].due is None and para.page - out[-1].page <= 1:
            out[-1] = replace(out[-1], due=due["due"].strip())  # "Due: September" under its "Action:" line
            continue
        trailing = TRAILING_ACTION.search(text)
        if trailing and trailing.start() > 0 and (is_owner(trailing["owner"]) or MARGIN_TOKEN.match(trailing["owner"])):
            body = strip_marker(text[: trailing.start()].strip())
            sentences = [sn for sn in Para(para.page, (body,)).sentences()] or [body]
            out.append(_action(sentences[-1], trailing["owner"], para.page, nlp))
            continue
        label = ACTIONS_LABEL.match(text)
        if label and above is not None and _owner_only(label["rest"]):
            out.append(_action(_last_sentence(above), label["rest"].strip(" ()."), above.page, nlp))
            continue  # "ACTION: JS" on a line of its own: the owner of the sentence above it
        if label:
            in_list = True
            rest = strip_marker(label["rest"].strip())
            if rest:
                out.append(_action(rest, _owner(rest), para.page, nlp))
            continue
        if in_list and (LETTERED.match(text) or BULLET.match(text)):
            rest = strip_marker(text)
            out.append(_action(rest, _owner(rest), para.page, nlp))
            continue
        in_list = False
        before = para
        if marked:
            continue
        entry = LETTERED.match(text)
        if entry and _imperative().match(entry["text"]):
            continue  # an imperative entry of a decision or motion ("(1) Endorse the joint work ..."), not an action
        stripped = Para(para.page, (BULLET.sub("", para.parts[0]),) + para.parts[1:]) if para.parts else para
        for sentence in stripped.sentences(opens=_opens_assignment):
            if (sentence in skip or is_decision_text(sentence)) and not RESOLVED_OWNER.search(sentence):
                continue  # a decision is not also an action, unless it tells someone to act ("resolved the Clerk to write")
            found = assignment(sentence)
            if found:
                out.append(_action(sentence[found[1]:], found[0], para.page, nlp))
    seen: set[str] = set()
    unique = []
    for a in out:  # the same assignment repeated in a motion and its amendment is one action
        key = re.sub(r"\W+", " ", a.text.lower()).strip()
        if key not in seen:
            seen.add(key)
            unique.append(a)
    return unique


def marks_own_actions(paras: Sequence[Para]) -> bool:
    return any(p.margin_owner or ACTIONS_LABEL.match(p.text) or TRAILING_ACTION.search(p.text) for p in paras)


def column_to_outcomes(parts: Sequence[tuple[int, Line]], edges: tuple[float, float], nlp: Any = None,
                       actions_at: float | None = None) -> tuple[list[Resolution], list[MinuteAction]]:
    """Decisions and actions of one item's decisions/actions column in minutes written as a table;
    with ``actions_at``, a decisions column and an actions column side by side."""
    decisions: list[Resolution] = []
    actions: list[MinuteAction] = []
    page = parts[0][0] if parts else 0
    if actions_at is not None:
        left = [(p, Line(tuple(w for w in ln.words if w.x0 < actions_at))) for p, ln in parts]
        right = [(p, Line(tuple(w for w in ln.words if w.x0 >= actions_at))) for p, ln in parts]
        decisions = [Resolution(None, e, ResolutionKind.RESOLVED) for e in column_entries(left, edges[0], actions_at)]
        for entry in column_entries(right, actions_at, edges[1]):
            text = ACTION_REF_TEXT.sub("", entry)
            actions.append(_action(text, _owner(text), page, nlp))
        return decisions, actions
    for entry in column_entries(parts, *edges):
        kind, text = classify_entry(entry)
        if kind == "decision":
            decisions.append(Resolution(None, text, ResolutionKind.RESOLVED))
        else:
            actions.append(_action(text, _owner(text), page, nlp))
    return decisions, actions
