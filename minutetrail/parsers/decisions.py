"""Decisions recorded in minutes: RESOLVED blocks and lists, decision sentences, motions.

The span of a decision is its trigger sentence (not the paragraph it sits in). Triggers are
cue words from the vocabulary (``decisions.*`` in ``data/lang``): a RESOLVED label or phrase,
"<body> agreed/resolved/decided ..." ("le Conseil municipal décide ..."), minutes "approved as a
correct record", and a motion "proposed ... seconded ...". "resolved" as an ordinary verb
("complaints are usually resolved within a month") is not a decision.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from minutetrail.models import Resolution, ResolutionKind
from minutetrail.parsers.text import join_lines, strip_marker
from minutetrail.parsers.vocab import alternation

TRIGGER = re.compile(
    r"(?P<label>^(?:resolved|decision|recommendations?|agreed)\s*[:\-–]\s*)"
    r"|(?P<phrase>(?-i:\b(?:RESOLVED|RECOMMENDED|DECIDED|AGREED)\b)|(?-i:^Resolved\b)|\bit was (?:\w+ )?resolved\b|(?-i:^(?:Agreed|AGREED) that\b)"
    r"|\b(?:the )?(?:committee|council|cabinet|panel|board|councillors|members)(?: \w+)? (?:resolved|recommended)\b"
    r"|\bresolved (?:to|that|not|unanimously)\b"
    r"|(?-i:\bI(?:['’]ll| will| would)? move (?:that|adjournment)\b))",  # a motion moved aloud, in a verbatim record
    re.I,
)
RECOMMEND = re.compile(r"recommend", re.I)
# "Minutes from 11/30/17 meeting approved – Z. Maiorca (motion), T. Feinberg (second)"
MOTION_LINE = re.compile(r"^(?:[o•▪◦·\-–*]\s+)?(?P<text>.+?)\s+[–-]\s+[A-Z]\.?\s*[A-Z][\w'’-]+\s*\(motion\)", re.I)
APPROVED_LABEL = re.compile(r"^(?:[o•▪◦·\-–*]\s+)?(?P<text>APPROVED\s*[–-]\s*.+?)(?:\s+[–-]\s+[A-Z]\.?\s*[A-Z][\w'’-]+\s*\(motion\).*)?$")
LETTERED = re.compile(r"^[-–•]?\s*(?:\((?P<pl>[A-Za-z]|[ivx]{1,4}|\d{1,2})\)|(?P<letter>[a-z]|[A-Z](?=\))|[ivx]{1,4}|\d{1,2})[).])\s+(?P<text>\S.*)$")
BULLET = re.compile(r"^(?:[•▪●◦·*\-–]|o(?=\s+[A-Z])|\uf0b7)\s+")
SENTENCE = re.compile(r"(?<!\b[A-Z]\.)(?<!\bCllr\.)(?<!\bCr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bNo\.)(?<!\bMrs\.)(?<=[.;!?])\s+(?=[«\"'‘“(]?[A-Z0-9ÀÂÉÈÊÎÔÙÛÇ])")
ACTIONS_LABEL = re.compile(r"^actions?(?:\s+points?)?\s*[:\-–]\s*(?P<rest>.*)$", re.I)
PLAIN_ENTRY_WORDS = 3  # an unlettered paragraph of a decision list longer than this is an entry, not a sub-heading
MODAL = r"(?:would|should|could|will|shall|may|might|can|must|to)\b"  # "agreed that it would be ..." is no decision
NUM_PREFIX = re.compile(r"^\(?\d{1,2}[.)]\s+")


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of a minute: its page, its lines' texts, and an owner printed in an action margin."""

    page: int
    parts: tuple[str, ...]
    margin_owner: str | None = None

    @property
    def text(self) -> str:
        return join_lines(self.parts)

    def sentences(self, opens: Callable[[str], bool] | None = None) -> list[str]:
        """Sentences, also split where a line that does not end a clause is followed by a line opening a
        decision (or, with ``opens``, a line that ``opens`` says starts something new)."""
        out: list[str] = []
        for sentence in sentences(NUM_PREFIX.sub("", "\n".join(p.strip() for p in self.parts))):
            pieces = sentence.split("\n")
            current = pieces[0]
            for n, piece in enumerate(pieces[1:], start=1):
                if _opens_decision(current, piece, " ".join(pieces[n:])) or (
                        opens is not None and piece[:1].isupper() and not OPEN_END.search(current) and opens(piece)):
                    out.append(join_lines([current]))
                    current = piece
                else:
                    current = f"{current}\n{piece}"
            out.append(join_lines(current.split("\n")))
        return [s for s in out if s]


OPEN_END = re.compile(
    r"(?:[,;:(&\-–]|\b(?:and|or|the|of|to|a|an|for|from|with|by|in|on|at|asked|invited|requested|urged|told|that))\s*$", re.I
)


def _opens_decision(before: str, line: str, rest: str) -> bool:
    """A new decision starts at ``line``: it opens with a trigger, or one decision is already before it
    and another follows in ``rest`` (the line and the rest of the sentence)."""
    if not line[:1].isupper() or OPEN_END.search(before):
        return False
    m = TRIGGER.search(line) or _body_decision().search(line)
    if m and m.start() == 0:
        return True
    later = TRIGGER.search(rest) or _body_decision().search(rest)
    return bool(later and (TRIGGER.search(before) or _body_decision().search(before)))


@cache
def _body_decision() -> re.Pattern[str]:
    """"The Board agreed to ...", "Council resolved that ...", "le Conseil municipal décide ..."."""
    return re.compile(
        rf"\b(?:the\s+)?{alternation('decisions.bodies')}(?:\s+[\w'’-]+)?(?:\s*,\s*[^,]{{0,60}},)?"
        rf"\s+(?:(?:has|have|had|unanimously|therefore|then|then\s+unanimously)\s+)?"
        rf"(?:{alternation('decisions.verbs')}\b(?!\s+(?:with|by|in principle)\b)|agreed\s+that\s+(?!although|if|while|whilst|as\b)(?:[\w'’£.,-]+\s+){{1,8}}?(?:be|should)\b)",
        re.I,
    )


@cache
def _body_agreed() -> re.Pattern[str]:
    """"The Board agreed to publish ...": a formal body (not "Members") agreeing to act, procedure aside."""
    return re.compile(
        rf"\b(?:the\s+)?{alternation('decisions.formal_bodies')}\s+(?:(?:has|have|had|unanimously|therefore|then)\s+)?"
        rf"agreed\s+to\s+(?!{alternation('decisions.procedural')}\b)[a-z]+",
        re.I,
    )


@cache
def _record_decision() -> re.Pattern[str]:
    """Minutes "were approved as a correct record", "... est approuvé": the minutes are the subject."""
    return re.compile(
        rf"(?:^|,\s*)(?:the\s+|le\s+|la\s+|les\s+)?(?:draft\s+|previous\s+)?(?:minutes|notes|compte[- ]rendu|procès[- ]verbal)\b.{{0,120}}?\b(?:were|was|be|is|are|est|sont)\s+"
        rf"(?:\w+\s+)?{alternation('decisions.record')}\b",
        re.I,
    )


@cache
def _motion_decision() -> re.Pattern[str]:
    """A motion with a proposer and a seconder: "proposed by X and seconded by Y", "X proposed, Y seconded, that ..."."""
    return re.compile(
        rf"^(?=.*\b{alternation('decisions.outcomes')}\b)(?!.*\bthe following\b)(?!.*\bamendment\b)"
        rf".*\b{alternation('decisions.motion')}\b.{{0,80}}?\b{alternation('decisions.seconded')}\b",
        re.I,
    )


@cache
def _motion_that() -> re.Pattern[str]:
    """"It was moved by A, seconded by B, that ...": a motion in prose, its mover and seconder before "that"; the
    outcome may follow in a sentence of its own. With nothing after "that" (or a colon) it leads in a list."""
    return re.compile(
        rf"\b{alternation('decisions.motion')}\s+by\b.{{0,80}}?\b{alternation('decisions.seconded')}\b(?:\s+by\b)?"
        rf"[^;:]{{0,80}}?,?\s+that\b(?P<lead>\s*:?\s*$)?",
        re.I,
    )


@cache
def _impersonal() -> re.Pattern[str]:
    """"It was agreed that X be approved", "On the proposal of A, seconded by B, it was agreed that ..." (Irish and UK
    minutes): a decision when what was agreed is put in the subjunctive ("be"), not "would" (an undertaking, an
    action). With nothing after "that" (or a colon) it leads in a list."""
    return re.compile(
        rf"(?:^|,\s*){alternation('decisions.impersonal')}\s+that\b"
        rf"(?:(?P<lead>\s*:?\s*$)|\s+(?!although|if|while|whilst|as\b)(?:(?!{MODAL}\s)[\w'’£.,-]+\s+){{1,14}}?be\b)",
        re.I,
    )


SPEAKER = re.compile(r"^[A-Z][\w.'’ -]{1,60}?:\s+")  # "Councillor A Brook: ..." opening a verbatim record's turn
PROPOSER_ONLY = re.compile(r"^(?:(?:proposed|moved)\s+by\b.*|.*\bseconded\s+by\b[^.]*)\.?$", re.I)
MOTION_THAT = re.compile(r"\bseconded\b,?\s+that\s+(?P<body>\S+(?:\s+\S+){2,})$", re.I)


def _kind(trigger_text: str) -> ResolutionKind:
    return ResolutionKind.RECOMMENDATION if RECOMMEND.search(trigger_text) else ResolutionKind.RESOLVED


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.split(text) if s.strip()]


def is_decision_text(text: str) -> bool:
    """Whether any sentence of a paragraph records a decision (used to keep paragraphs outside items)."""
    return bool(TRIGGER.search(text) or MOTION_LINE.match(text) or APPROVED_LABEL.match(text) or _motion_that().search(text)
                or _impersonal().search(text)
                or _body_decision().search(text) or _body_agreed().search(text) or _record_decision().search(text))


def _sentence_decisions(para: Para) -> list[Resolution]:
    """Every decision sentence of one paragraph, each from its own start to its end."""
    out: list[Resolution] = []
    body, record, motion = _body_decision(), _record_decision(), _motion_decision()
    last_was_decision = False
    block = False  # a RESOLVED block runs to the end of its paragraph
    for sentence in para.sentences():
        if last_was_decision and PROPOSER_ONLY.match(sentence) and out:
            out[-1] = Resolution(out[-1].letter, f"{out[-1].text} {sentence}", out[-1].kind)
            continue  # "Proposed by A and seconded by B." belongs to the decision before it
        m = TRIGGER.search(sentence)
        if block and out and not m and not is_decision_text(sentence):
            out[-1] = Resolution(out[-1].letter, f"{out[-1].text} {sentence}", out[-1].kind)
            continue  # "RESOLVED that ... . In particular, ...": the block goes on
        block = bool(m and m.start() == 0 and m["phrase"] and sentence[: m.end()].isupper())
        if m and m["label"]:
            rest = sentence[m.end():].strip()
            if rest:
                out.append(Resolution(None, rest, _kind(sentence[m.start(): m.end() + 20])))
            last_was_decision = bool(rest)
            continue
        if _impersonal().search(sentence):
            out.append(Resolution(None, sentence, ResolutionKind.RESOLVED))
            last_was_decision = True
            continue
        that = MOTION_THAT.search(sentence)
        if that and not record.search(sentence):
            out.append(Resolution(None, that["body"].strip(), ResolutionKind.RESOLVED))
            last_was_decision = True
            continue
        found = (m or body.search(sentence) or _body_agreed().search(sentence) or record.search(sentence) or motion.search(sentence)
                 or _motion_that().search(sentence))
        if found and not re.match(r"^it was agreed\b", sentence, re.I):
            start = m.start() if m else 0
            speaker = SPEAKER.match(sentence) if m and m.group(0).startswith("I") else None
            text = sentence[speaker.end():] if speaker else sentence  # "Councillor A: I move ...": the motion, not its speaker
            out.append(Resolution(None, text, _kind(sentence[start: start + 40])))
            last_was_decision = True
        else:
            last_was_decision = False
    return out


@cache
def outcome_line() -> re.Pattern[str]:
    """A motion's outcome alone on its line ("CARRIED", "Lost"): not part of the motion's paragraph, nor a heading."""
    return re.compile(rf"^{alternation('decisions.outcomes')}\.?$", re.I)


@cache
def _mover_lead() -> re.Pattern[str]:
    """"Moved: Cr A Bell  Seconded: Cr C Dunn" opening a motion (Australian and Canadian minutes); the motion
    ("That ...") follows on the same paragraph or the next."""
    return re.compile(
        rf"^(?:{alternation('decisions.motion')})(?:\s+by)?\s*[:\-–]?\s*\S.{{0,80}}?\s+{alternation('decisions.seconded')}"
        rf"(?:\s+by)?\s*[:\-–]?\s*[^\s,;][^,;]{{0,60}}?(?:\s+(?=(?-i:That|THAT)\b)|$)",  # the seconder: a name, no clause
        re.I,
    )


@cache
def _mover_alone() -> re.Pattern[str]:
    """"Moved by: Cr A Bell" or "Seconded by: Cr C Dunn" as a paragraph of its own (Canada): a label and a name,
    no clause; the motion follows in the next paragraph."""
    return re.compile(
        rf"^(?:{alternation('decisions.motion')}|{alternation('decisions.seconded')})(?:\s+by)?\s*[:\-–]\s*"
        rf"(?!.*\bthat\b)[^\s,;:][^,;:]{{0,60}}$",
        re.I,
    )


MOTION_CLAUSE = re.compile(r"^(?-i:That|THAT|AND THAT|And that)\b")  # a motion's clause: "THAT ...; and" / "AND THAT ..."
CLAUSE_GOES_ON = re.compile(r"[;,]\s*and$", re.I)


def _clauses(parts: Sequence[str]) -> list[str]:
    """The clauses of a motion, "THAT ...; and" / "AND THAT ...", each opening a line of one paragraph."""
    out: list[list[str]] = []
    for line in parts:
        if out and MOTION_CLAUSE.match(line.strip()) and CLAUSE_GOES_ON.search(out[-1][-1].strip()):
            out.append([line])
        elif out:
            out[-1].append(line)
        else:
            out.append([line])
    return [join_lines(c) for c in out]


def _bare_trigger(text: str, trigger: re.Match[str]) -> bool:
    """A paragraph that is nothing but its trigger ("RESOLVED" alone, in bold, over "That ..."): it leads in the
    decision under it, as a colon would."""
    return trigger.start() == 0 and not text[trigger.end():].strip(" :-–")


def paragraphs_to_decisions(paras: Sequence[Para]) -> list[Resolution]:
    """Decisions of one minute item. A list opened by "RESOLVED that:" stays open until the next trigger;
    a list that gets no lettered or bulleted entry takes its plain paragraphs as the entries."""
    out: list[Resolution] = []
    open_list: ResolutionKind | None = None
    entries = 0
    plain: list[str] = []  # unlettered paragraphs of the open list

    def close() -> None:
        if open_list is not None and not entries:
            out.extend(Resolution(None, p, open_list) for p in plain)
        plain.clear()

    moved_by: bool = False  # a "Moved: ... Seconded: ..." line stands over the next paragraph's motion
    for para in paras:
        text = para.text
        if _mover_alone().match(text):
            close()
            open_list, moved_by = None, True
            continue
        lead = _mover_lead().match(text)
        if lead or (moved_by and MOTION_CLAUSE.match(text)):
            close()
            motion = text[lead.end():].strip() if lead else text
            moved_by = not motion or bool(CLAUSE_GOES_ON.search(motion))
            open_list = ResolutionKind.RESOLVED if motion.endswith(":") else None
            entries = 0
            if motion and open_list is None:
                out.extend(Resolution(None, c, ResolutionKind.RESOLVED) for c in ([motion] if lead else _clauses(para.parts)))
            continue
        moved_by = False
        moved = MOTION_LINE.match(text) or APPROVED_LABEL.match(text)
        if moved:
            close()
            out.append(Resolution(None, moved["text"].strip(), ResolutionKind.RESOLVED))
            open_list = None
            continue
        if ACTIONS_LABEL.match(text):
            close()
            open_list = None  # the actions of the item follow: the decisions are over
            continue
        lettered = LETTERED.match(text)
        trigger = TRIGGER.search(text)
        if open_list is not None and (lettered or BULLET.match(text)) and not (trigger and lettered and lettered["letter"] and lettered["letter"].isdigit()):
            letter = (lettered["pl"] or lettered["letter"]) if lettered else None
            body = strip_marker(lettered["text"] if lettered else BULLET.sub("", text)).strip()
            out.append(Resolution(letter, body, open_list))
            entries += 1
            continue
        if open_list is not None and not trigger and not is_decision_text(text):
            if len(text.split()) > PLAIN_ENTRY_WORDS and not text.rstrip().endswith(":"):
                plain.append(text)  # an entry printed without a letter, or a lead-in: known when the list closes
            continue  # a lead-in sentence or a sub-heading inside the list: the list is still open
        close()
        motion_lead = _motion_that().search(text) or _impersonal().search(text)
        if motion_lead and motion_lead["lead"] is not None:
            open_list, entries = ResolutionKind.RESOLVED, 0
            continue
        if trigger and (text.rstrip().endswith(":") or re.search(r"\bthat\s*:?\s*$", text, re.I) or _bare_trigger(text, trigger)):
            open_list = _kind(text[trigger.start(): trigger.end() + 20])
            entries = 0
            continue
        open_list = None
        out.extend(_sentence_decisions(para))
    close()
    return out
