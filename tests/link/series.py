"""Two generated series of committee papers, as extraction records, with their truth.

Series A: a scrutiny committee whose packs carry the minutes of the last meeting (with ACTIONS) and
an action log. Series B: an audit committee's recommendations tracker in another house style.
Every name, wording and reference is invented. The traps (issue 12): references renumbered once
(A) and reformatted (B); a post whose holder changes mid-series (a welcome in A, an appointment
in B); recommendations reworded under the same reference; near-identical actions with different
references; quarter dates ("Q3 2023/24"); revised dates in their own column; status only by
colour in one pack; completed rows dropped; one action superseded by another; one open action
dropped from the log; owners printed as a post, a name, initials; minutes ACTIONS worded apart
from the log row that carries them; headings and lead-ins a careless parser would emit as actions.

Truth is kept per printing: the thread it belongs to and the person who owns it. The expected
overdue set at each meeting date is derived from the truth threads with the stated rule (latest
printing as of D; not overdue when the committee's latest log as of D does not carry it).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from minutetrail.models import (
    ActionRow, Attendance, DocKind, DocumentPart, ExtractionRecord, Line, Meeting, MinuteAction, MinuteItem, Minutes,
    Rag, Word,
)
from minutetrail.parsers.dates import due_to_date, parse_due
from minutetrail.parsers.roles import find_role_mentions, glossary_mentions
from minutetrail.parsers.status import resolve_status

CLOSED = ("completed", "cancelled")


@dataclass
class Series:
    name: str
    committee: str
    dates: list[date]
    records: list[ExtractionRecord] = field(default_factory=list)
    thread: dict[tuple[str, object], str] = field(default_factory=dict)  # (sha, top or minutes text) -> truth thread
    owner: dict[tuple[str, object], str | None] = field(default_factory=dict)  # -> the owner's name, None if nobody
    hard_negatives: list[tuple[str, str]] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)  # texts that must never become observations
    # truth printings: thread -> [(pack index, source, due date, state)]
    printings: dict[str, list[tuple[int, str, date | None, str | None]]] = field(default_factory=lambda: defaultdict(list))

    def expected_overdue(self, k: int) -> set[str]:
        """Truth threads overdue as of meeting k (its date)."""
        day = self.dates[k]
        logs = [i for t in self.printings.values() for i, src, _d, _s in t if src != "minutes" and i <= k]
        latest_log = max(logs) if logs else None
        out = set()
        for tid, ps in self.printings.items():
            upto = [p for p in ps if p[0] <= k]
            if not upto:
                continue
            last = max(upto, key=lambda p: (p[0], p[1] != "minutes"))
            i, src, due, state = last
            if latest_log is not None and i < latest_log:
                continue  # dropped from the log
            if due is not None and due < day and state not in CLOSED:
                out.add(tid)
        return out


def _line(text: str, top: float) -> Line:
    words, x = [], 50.0
    for w in text.split():
        words.append(Word(w, x, top, x + 6 * len(w), top + 10))
        x += 6 * len(w) + 4
    return Line(tuple(words))


def _glossary_lines(pairs: list[tuple[str, str]], top: float) -> list[Line]:
    lines = [Line((Word("Name", 50, top, 80, top + 10), Word("Role", 300, top, 325, top + 10)))]
    for i, (name, role) in enumerate(pairs, 1):
        y = top + 14 * i
        left = [Word(w, 50 + 40 * j, y, 85 + 40 * j, y + 10) for j, w in enumerate(name.split())]
        right = [Word(w, 300 + 50 * j, y, 340 + 50 * j, y + 10) for j, w in enumerate(role.split())]
        lines.append(Line(tuple(left + right)))
    return lines


@dataclass
class _Pack:
    k: int
    rows: list[tuple[str, ActionRow, str | None]] = field(default_factory=list)  # (thread, row, owner truth)
    minutes: list[tuple[str | None, str, MinuteAction, str | None]] = field(default_factory=list)  # (thread, item no, action, owner)
    lines: list[str] = field(default_factory=list)  # prose the role finders read
    glossary: list[tuple[str, str]] = field(default_factory=list)
    minuted: date | None = None
    present: list[str] = field(default_factory=list)  # the minutes' attendance list


class _Builder:
    def __init__(self, series: Series, body: str, kind: DocKind) -> None:
        self.s, self.body, self.kind = series, body, kind
        self.packs = [_Pack(k) for k in range(len(series.dates))]

    def row(self, tid: str, k: int, number: str | None, text: str, owner: str | None, who: str | None, due: str | None,
            raised: date | None, status: str | None = None, progress: str | None = None, rag: Rag | None = None,
            revised: str | None = None) -> None:
        """One log row; ``revised`` is a revised date printed in its own column (the effective due)."""
        effective = parse_due(revised) if revised else parse_due(due)
        state = resolve_status(status, rag, progress)
        top = 100.0 + 20 * len(self.packs[k].rows)
        self.packs[k].rows.append((tid, ActionRow(
            table=self.kind, number=number, meeting_date=raised.isoformat() if raised else None, text=text, owner=owner,
            directorate=None, progress=progress, due=effective, due_text=f"{due} (revised {revised})" if revised else due,
            status=state, status_text=status, rag=rag, page=2, bbox=(40.0, top, 560.0, top + 18)), who))
        due_date = due_to_date(effective)
        self.s.printings[tid].append((k, "log", due_date, state.value if state else None))

    def minute_action(self, tid: str | None, k: int, item: str, text: str, owner: str | None, who: str | None) -> None:
        """An ACTION in the minutes of meeting k-1, printed in pack k; ``tid`` None: junk a parser emitted."""
        self.packs[k].minutes.append((tid, item, MinuteAction(text=text, owner=owner, due=None, page=1), who))
        if tid is not None:
            self.s.printings[tid].append((k, "minutes", None, None))
        else:
            self.s.junk.append(text)

    def build(self) -> Series:
        s = self.s
        for pack in self.packs:
            day = s.dates[pack.k]
            lines = [_line(t, 60.0 + 14 * i) for i, t in enumerate(pack.lines)]
            glossary = _glossary_lines(pack.glossary, 400.0) if pack.glossary else []
            roles = tuple(find_role_mentions([(1, lines)]) + glossary_mentions([(3, glossary)]))
            minutes: tuple[Minutes, ...] = ()
            if pack.minutes or pack.minuted:
                items: dict[str, list[MinuteAction]] = defaultdict(list)
                for _tid, item, act, _who in pack.minutes:
                    items[item].append(act)
                minuted = pack.minuted or s.dates[pack.k - 1]
                minutes = (Minutes(committee=s.committee, meeting_date=minuted.isoformat(), page_start=1,
                                   attendance=Attendance(present=tuple(pack.present)), items=tuple(
                                       MinuteItem(number=n, title=f"Item {n}", page=1, actions=tuple(a)) for n, a in items.items())),)
            blob = f"{s.name}|{day}|{[r.text for _t, r, _w in pack.rows]}|{[m[2].text for m in pack.minutes]}".encode()
            sha = hashlib.sha256(blob).hexdigest()
            parts = [DocumentPart(DocKind.MINUTES, "Minutes", 1, 1)] if minutes else []
            parts.append(DocumentPart(self.kind, "Log", 2, 2))
            s.records.append(ExtractionRecord(
                file=f"{s.name}-{day}.pdf", sha256=sha, pages=3, documents=tuple(parts),
                meeting=Meeting(body=self.body, committee=s.committee, date=day.isoformat()),
                minutes=minutes, actions=tuple(r for _t, r, _w in pack.rows), roles=roles))
            for tid, r, who in pack.rows:
                assert r.bbox is not None
                s.thread[(sha, r.bbox[1])] = tid
                s.owner[(sha, r.bbox[1])] = who
            for tid, _item, act, who in pack.minutes:
                if tid is not None:
                    s.thread[(sha, act.text)] = tid
                    s.owner[(sha, act.text)] = who
        return s


def series_a() -> Series:
    """A children's scrutiny committee: minutes ACTIONS and an action log, eight packs."""
    D = [date(2023, 6, 13), date(2023, 7, 18), date(2023, 9, 12), date(2023, 10, 17), date(2023, 11, 21),
         date(2024, 1, 16), date(2024, 2, 20), date(2024, 3, 19)]
    D0 = date(2023, 5, 16)
    s = Series("series-a", "Children and Families Scrutiny Committee", D)
    b = _Builder(s, "Harrowmere Borough Council", DocKind.ACTION_LOG)
    PN, OT, KC, MQ = "Priya Nandakumar", "Owen Trelawny", "Kenny Combe", "Marisa Quayle"
    HEH, DCS = "Head of Service (Early Help)", "Director of Children's Services"

    def holder(k: int) -> str:
        return PN if k < 4 else OT

    def ref(k: int, old: str, new: str) -> str:  # renumbered once, from pack 4
        return old if k < 4 else new

    # who holds which post, as the papers say it
    b.packs[0].lines += [f"Officers: {PN} ({HEH}), Beth Ingram (Democratic Services Officer), {KC} (KC)"]
    b.packs[0].glossary += [(MQ, DCS), (PN, HEH)]
    for k in range(1, 4):
        b.packs[k].lines += [f"In attendance: {PN} ({HEH}), {KC} (KC), Beth Ingram (Democratic Services Officer)"]
    # the pack that welcomes the new holder also prints the minutes the outgoing one attended
    b.packs[4].lines += [f"In attendance: {PN} ({HEH}), {KC} (KC)",
                         f"The Chair welcomed {OT} as the new {HEH} and thanked {PN} for her work."]
    for k in range(5, 8):
        b.packs[k].lines += [f"In attendance: {OT} ({HEH}), {KC} (KC), {MQ} ({DCS})"]

    # a1: completed, then dropped from the log
    for k in (0, 1):
        b.row("a1", k, "23/01", "Circulate the Early Help annual report to all committee members", HEH, holder(k),
              "30/06/2023", D0, status="Completed" if k == 1 else "In progress")
    # a2: owner as initials, then name; reworded; revised date in its own column; completed at 4, dropped
    for k in range(0, 5):
        text = ("Provide a breakdown of children missing education by locality" if k < 3 else
                "Breakdown of children missing from education, by locality, to be provided to members")
        b.row("a2", k, ref(k, "23/02", "1"), text, "KC" if k % 2 == 0 else "K Combe", KC, "31/07/2023", D0,
              status="Completed" if k == 4 else "In progress", revised="31/10/2023" if k >= 2 else None)
    # a3: raised at meeting 0, minutes name the post, the log the person; quarter date
    b.minute_action("a3", 1, "12", f"The {HEH} to arrange a visit for members to the Oakfield family hub", HEH, PN)
    for k in (1, 2, 3):
        b.row("a3", k, "23/03", "Arrange a member visit to Oakfield Family Hub", PN, PN, "Q2 2023/24", D[0],
              status="Completed" if k == 3 else "Not started")
    # a4: minutes by name, log by initials; quarter date; overdue to the end
    b.minute_action("a4", 2, "21", f"{KC} to report back on the number of foster carers recruited since April", KC, KC)
    for k in range(2, 8):
        b.row("a4", k, ref(k, "23/04", "2"), "Report on the number of foster carers recruited since April 2023",
              "KC", KC, "Q3 2023/24", D[1], status="In progress")
    # a5 / a6: near-identical, same meeting, same owner, different refs (a hard negative)
    b.minute_action("a5", 2, "22", f"The {DCS} to circulate the briefing note on the fostering recruitment campaign", DCS, MQ)
    b.minute_action("a6", 2, "22", f"The {DCS} to circulate the briefing note on the adoption recruitment campaign", DCS, MQ)
    for k in (2, 3):
        b.row("a5", k, "23/05", "Circulate the briefing note on the fostering recruitment campaign", DCS, MQ, "31/08/2023",
              D[1], status="Completed" if k == 3 else "In progress")
    for k in range(2, 8):
        colour = k == 6  # one pack shows status only by colour
        b.row("a6", k, ref(k, "23/06", "3"), "Circulate the briefing note on the adoption recruitment campaign",
              DCS if k != 5 else "M Quayle", MQ, "31/12/2023", D[1], status=None if colour else "In progress",
              rag=Rag.RED if colour else None)
    # a7 / a8: quarter figures, the same words but the quarter (a hard negative)
    b.minute_action("a7", 3, "30", f"{KC} to provide the Q3 attendance figures for the family hubs", KC, KC)
    for k in range(3, 7):
        b.row("a7", k, ref(k, "23/07", "4"), "Provide the Q3 attendance figures for the family hubs", "KC", KC,
              "31/01/2024", D[2], status="Completed" if k == 6 else "In progress")
    b.minute_action("a8", 5, "44", f"{KC} to provide the Q4 attendance figures for the family hubs", KC, KC)
    for k in range(5, 8):
        b.row("a8", k, "9", "Provide the Q4 attendance figures for the family hubs", "KC", KC,
              "30/04/2024", D[4], status="Not started")
    # a9: the post changes holder; a revised date; superseded from pack 5 by a new action that says so
    b.minute_action("a9", 3, "31", f"{HEH} to review the thresholds document with partner agencies", HEH, PN)
    for k in range(3, 5):
        b.row("a9", k, ref(k, "23/08", "5"), "Review the thresholds document with partner agencies", HEH, holder(k),
              "30/11/2023", D[2], status="In progress", revised="29/02/2024" if k == 4 else None)
    for k in range(5, 8):
        b.row("a9", k, "8", "Publish the revised multi-agency thresholds guidance (supersedes action 5)", HEH, OT,
              "31/03/2024", D[2], status="In progress")
    # a10: written to a department; dropped from the log at 5 while still open
    b.minute_action("a10", 4, "36", f"{MQ} to write to the Department for Education about the delay to the SEND capital funding", MQ, MQ)
    for k in (3 + 1,):
        b.row("a10", k, "6", "Letter to the Department for Education on SEND capital funding delay", DCS, MQ,
              "31/10/2023", D[3], status="In progress")
    # a11: the new holder by name in the log, the post in the minutes
    b.minute_action("a11", 5, "41", f"The {HEH} to share the evaluation of the parenting programme with members", HEH, OT)
    for k in range(5, 8):
        b.row("a11", k, "7", "Share the parenting programme evaluation", OT, OT, "31/01/2024",
              D[4], status="Completed" if k == 7 else "In progress")
    # a12 / a13: merged: the later row says which action it continues
    b.minute_action("a12", 4, "37", f"{MQ} to provide an update on agency social worker spend", MQ, MQ)
    for k in (4, 5):
        b.row("a12", k, ref(k, "23/10", "11") if k == 4 else "11", "Provide an update on agency social worker spend", MQ, MQ,
              "31/01/2024", D[3], status="In progress")
    for k in (6, 7):
        b.row("a12", k, "12", "Agency staffing costs by team, quarterly (merged with action 11)", DCS, MQ, "30/06/2024",
              D[3], status="In progress")
    # headings, boilerplate and decision lead-ins a careless parser emits as actions
    b.minute_action(None, 2, "23", "23. DATE OF NEXT MEETING", None, None)
    b.minute_action(None, 3, "32", "RESOLVED that:", None, None)
    b.minute_action(None, 4, "38", "None", None, None)
    b.minute_action(None, 5, "45", "APOLOGIES FOR ABSENCE", None, None)
    b.minute_action(None, 6, "50", "The Committee agreed that:", None, None)
    s.hard_negatives += [("a5", "a6"), ("a7", "a8"), ("a2", "a4")]
    return b.build()


def series_b() -> Series:
    """An audit committee's recommendations tracker: six quarterly packs, another house style."""
    D = [date(2023, 6, 27), date(2023, 9, 26), date(2023, 12, 12), date(2024, 3, 19), date(2024, 6, 25), date(2024, 9, 24)]
    s = Series("series-b", "Audit and Governance Committee", D)
    b = _Builder(s, "Wrenfold District Council", DocKind.RECOMMENDATION_TRACKER)
    GP, SV, HA, NL = "Gareth Penhallow", "Sunita Vale", "Hollie Amsel", "Niall Lusk"
    HF, CIA, ICT = "Head of Finance", "Chief Internal Auditor", "ICT Service Manager"
    R1 = date(2023, 3, 14)
    R2 = date(2023, 6, 27)

    def fin(k: int) -> str:
        return GP if k < 3 else SV

    def ref(k: int, year: str, n: str) -> str:  # reformatted from pack 3: "IA 22/23-05" -> "IA2223/05"
        return f"IA {year[:2]}/{year[2:]}-{n}" if k < 3 else f"IA{year}/{n}"

    b.packs[0].glossary += [(GP, HF), (HA, CIA), (NL, ICT)]
    b.packs[0].minuted = D[0]
    b.packs[1].lines += [f"Present: Cllr R Dunmore (Chair). Officers: {GP} ({HF}), {HA} ({CIA})"]
    b.packs[3].lines += [f"Officers: {GP} ({HF}), {HA} ({CIA})", f"The Committee noted the appointment of {SV} as {HF} from 1 March 2024."]
    b.packs[3].minuted = D[2]
    b.packs[4].lines += [f"Officers: {SV} ({HF}), {HA} ({CIA}), {NL} ({ICT})"]

    # r1 / r2: near-identical recommendations of two audits, different references (a hard negative)
    for k in range(0, 4):
        b.row("r1", k, ref(k, "2223", "02"), "Ensure the contract register is reviewed and updated each quarter",
              HF, fin(k), "Q2 2023/24", R1, status="Completed" if k == 3 else "Partly implemented",
              revised="Q4 2023/24" if k >= 2 else None)
    for k in range(1, 6):
        b.row("r2", k, ref(k, "2324", "01"), "Ensure the contract register for leisure contracts is reviewed and updated each quarter",
              HF, fin(k), "Q3 2023/24", R2, status=None if k == 2 else "Not implemented",
              rag=Rag.RED if k == 2 else None)
    # r3: reworded under the same reference; quarter date; completed then dropped
    texts = ["Introduce multi-factor authentication for remote access to the finance system",
             "Multi-factor authentication to be introduced for all remote access to finance systems",
             "Roll out MFA for remote access to the finance system"]
    for k in range(0, 3):
        b.row("r3", k, ref(k, "2223", "05"), texts[k], ICT, NL, "Q3 2023/24", R1,
              status=None if k == 2 else "In progress", rag=Rag.BLUE if k == 2 else None)
    # r4: superseded by a new recommendation, which the next tracker prints in its place (one thread)
    for k in range(0, 3):
        b.row("r4", k, ref(k, "2223", "07"), "Document the reconciliation of the payroll control account monthly", HF, fin(k),
              "30/09/2023", R1, status="Superseded by IA 23/24-04" if k == 2 else "In progress")
    for k in range(3, 6):
        b.row("r4", k, ref(k, "2324", "04"), "Automate the monthly payroll control account reconciliation", HF, fin(k),
              "Q1 2024/25", R2, status="In progress")
    # r5: a revised date in its own column; overdue, then completed
    for k in range(1, 6):
        b.row("r5", k, ref(k, "2324", "02"), "Review user access rights to the housing management system twice a year",
              CIA, HA, "31/12/2023", R2, status="Implemented" if k == 5 else "Partly implemented",
              revised="31/03/2024" if k >= 3 else None)
    # r7: quarterly figures for two quarters (a hard negative with r8)
    for k in range(0, 2):
        b.row("r7", k, ref(k, "2223", "09"), "Report the Q1 results of the debt recovery sample testing", CIA, HA,
              "Q2 2023/24", R1, status="Completed" if k == 1 else "In progress")
    for k in range(1, 4):
        b.row("r8", k, ref(k, "2324", "03"), "Report the Q2 results of the debt recovery sample testing", CIA, HA,
              "Q3 2023/24", R2, status="Completed" if k == 3 else "In progress")
    s.hard_negatives += [("r1", "r2"), ("r7", "r8"), ("r4", "r5")]
    return b.build()


def series_c() -> Series:
    """A parish council: each meeting's minutes published on their own (ACTIONS with the member or the
    clerk named), and an action list in the next meeting's pack with no meeting-date column, owners
    by initials, terse wording; completed rows dropped."""
    D = [date(2024, 1, 8), date(2024, 2, 5), date(2024, 3, 4), date(2024, 4, 8), date(2024, 5, 13)]
    s = Series("series-c", "Ashcombe Parish Council", D)
    b = _Builder(s, "Ashcombe Parish Council", DocKind.ACTION_LOG)
    JA, TP, CL = "Jane Ashby", "Tom Pryor", "Nadia Ferris"
    for k in range(len(D)):  # Cllr Ashby's initials are printed beside her name; Cllr Pryor's nowhere
        b.packs[k].lines += [f"Present: Cllr {JA} (JA), Cllr {TP}. In attendance: {CL} (Clerk)"]
        b.packs[k].present += [JA, TP, "Ruth Okafor"]

    def minutes(tid: str, k: int, item: str, text: str, owner: str, who: str) -> None:
        b.packs[k].minuted = D[k]  # the minutes of this meeting, published on their own
        b.minute_action(tid, k, item, text, owner, who)

    minutes("c1", 0, "5", "Cllr Ashby to contact the highways team about the blocked drain on Mill Lane", JA, JA)
    minutes("c2", 0, "6", "The Clerk to obtain three quotes for the repair of the bus shelter", "Clerk", CL)
    minutes("c3", 0, "6", "The Clerk to obtain three quotes for the repair of the play area fence", "Clerk", CL)
    minutes("c4", 1, "9", "Cllr Pryor to report on the condition of the war memorial railings", TP, TP)
    minutes("c5", 2, "14", "The Clerk to renew the parish council's insurance policy before it lapses", "Clerk", CL)
    minutes("c6", 3, "18", "Cllr Ashby to ask the county council for a speed survey on the High Street", JA, JA)
    rows = {
        "c1": ("1", "Blocked drain, Mill Lane: highways to be contacted", "JA", JA, {1: "In hand", 2: "In hand", 3: "Done"}),
        "c2": ("2", "Quotes (3) for bus shelter repair", "Clerk", CL, {1: "Awaiting quotes", 2: "Complete"}),
        "c3": ("3", "Quotes (3) for play area fence repair", "Clerk", CL, {1: "Awaiting quotes", 2: "Awaiting quotes", 3: "Awaiting quotes", 4: "Complete"}),
        "c4": ("4", "War memorial railings: condition report", "TP", TP, {2: "Ongoing", 3: "Ongoing", 4: "Ongoing"}),
        "c5": ("5", "Renew the parish insurance before it lapses", "Clerk", CL, {3: "Done"}),
        "c6": ("6", "Speed survey, High Street: request to county", "JA", JA, {4: "Requested"}),
    }
    for tid, (number, text, owner, who, printed) in rows.items():
        for k, status in printed.items():
            b.row(tid, k, number, text, owner, who, None, None, status=status)
    s.hard_negatives += [("c2", "c3")]
    return b.build()


__all__ = ["Series", "series_a", "series_b", "series_c"]
