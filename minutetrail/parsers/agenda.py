"""Agenda front sheets: numbered items with title, description and page range.

Items are read from the page, not from wording: a numbering token at the items' left edge opens
an item, numbering is read as a hierarchy (roman or lettered sections reset it, "(a)" under item
5 is "5a", "5.1" and "1.A" are kept as printed, a deeper-indented "1." is a list inside an item),
and where a title ends is decided by typography and indentation. Agendas printed as tables
(Item | Description | Lead | Time | Paper) are read by their columns (``agenda_table``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from minutetrail.models import AgendaItem, Line
from minutetrail.parsers.agenda_lettered import lettered_agenda_items
from minutetrail.parsers.agenda_refs import OPEN_RANGE, PAGE_REF, REF_TEXT, first_line_ref, split_ref
from minutetrail.parsers.agenda_table import table_agenda_items
from minutetrail.parsers.agenda_unnumbered import unnumbered_agenda_items
from minutetrail.parsers.dates import MONTHS
from minutetrail.parsers.text import join_lines, line_size
from minutetrail.parsers.vocab import alternation

NUM = re.compile(
    r"^(?:(?i:" + alternation("agenda.item_prefix") + r")\s+)?#?"  # "Item 5 – ...", "Point 3", "#3"
    r"(?:(?P<slash>\d{1,4}/\d{2,4}|(?:19|20)\d{2}/\d)(?![/\d])"  # 41/24, 2024/07, 2025/3: the year's running number
    r"|\((?P<pnum>\d{1,3})\)"  # (5)
    r"|(?P<dec>\d{1,3}(?:[.\-]\d{1,3}){1,3}[a-z]?)"  # 5.1, 18.11.3, 1-1-1
    r"|(?P<dotcap>\d{1,3}\.[A-Z])(?![A-Za-z])"  # 1.A
    r"|(?P<arabic>\d{1,3}(?:[a-z]|\([a-z]\))?)"  # 5, 5a, 5(a)
    r"|\((?P<paren>[a-z]{1,2}|[ivx]{3,4})\)"  # (a), (iii)
    r"|(?P<lower>[a-z])\)"  # a)
    r"|(?P<roman>[IVX]{1,5})(?=[.)])"  # I. II)
    r"|(?P<cap>[A-Z])(?=[.)]|\s+\d{2,4}-\d{2,5}\b)"  # A. / a Legistar sub-ref "A 16-0123"
    r")(?P<punct>[.):]?)(?:\s+(?:[-–—:]\s+)?|(?<=\.)(?=[A-Z][a-z]))(?P<title>\S.*)$"
)
FILE_NUMBER = re.compile(r"^\d{2,4}-\d{2,5}\s+")  # a legislative file number between ref and title
SECTION = re.compile(r"^(UNRESTRICTED|EXEMPT|PART [12I]+|PUBLIC|CONFIDENTIAL)\b.*ITEMS?\b")
STOP = re.compile(r"^(date of (the )?next meeting|membership|for any further information|exempt items)", re.I)
ITEM_GAP_HEIGHTS = 2.2
LABEL_LINE = re.compile(r"^[A-Z][A-Za-z() ]{2,30}:\s")  # "Recommendation(s): ...", "Attachment(s): ..."
AGENDA_HEADING = re.compile(r"^\W*(?:" + alternation("kinds.agenda") + "|" + alternation("agenda.headings") + r")\W*$", re.I)
LIST_HEADING = re.compile(r"^\W*" + alternation("agenda.headings") + r"\W*$", re.I)
HEADING_LOOKAHEAD = 15
MONTH_START = re.compile(r"^(?:" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + r")\b\.?", re.I)
# "Declarations of Interest - to receive any declarations": a dash, then a lower-case lead or a date
DASH_DESCRIPTION = re.compile(r"\s[-–—]\s+(?=(?:[a-z]|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]))")
DESCRIPTION_LEAD = re.compile(r"^(?:" + alternation("agenda.description_lead") + r")\s+[a-z]", re.I)  # "To approve ..."
PEOPLE_LEAD = re.compile(r"^(?:" + alternation("agenda.people_lead") + r")\.?(?=\s|:)", re.I)  # "Councillor A Brook, ..."
BULLET = re.compile(r"^[•▪●◦·*]\s+")
FOOTNOTE_SMALLER = 1.5  # points smaller than the item: a page foot's note
TIME_SLOT = re.compile(r"\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[-–]\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?$", re.I)
SHORT_SUB_ITEM = 60  # characters: a lettered line this short, without a closing stop, is a sub-item heading
SAME_X = 6.0  # points: numbers at the items' left edge
LEFT_OF = 4.0  # points: a line starting left of the items' numbers is not part of an item
UNNUMBERED_HEADING_PAGES = 2
SHORT_TITLE = 70  # characters: an out-of-order number opens an item only on a short title line


def _is_heading(text: str, line: Line) -> bool:
    letters = [c for c in text if c.isalpha()]
    return line.bold or (bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8)


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _hanging_break(cur: dict, line: Line, gap: float, height: float) -> bool:
    """Under a title set out from its number ("4.  Title"), a line back at the number's edge and set
    apart by a gap is a new heading, not a wrap of the title."""
    hanging = cur["title_x"] - cur["x"] > SAME_X
    if not hanging or abs(line.x0 - cur["x"]) > LEFT_OF / 2:
        return False
    return gap > height


def _banner(text: str) -> bool:
    """A short all-capitals line: a section or sitting banner."""
    return _caps(text) and len(text) < 60 and len(re.findall(r"[A-Za-z]", text)) >= 4


def _next_number_ok(prev: str | None, num: str, heading: bool, after_heading: bool = False,
                    reset: bool = False, same_style: bool = False, short: bool = False) -> bool:
    """Agenda numbers start at 1 and rise; a section or heading may start them again; a printed
    number out of order is kept when the line looks like the items before it."""
    if "/" in num:  # "41/24": numbered on through the year, so the first may be any number
        return prev is None or ("/" in prev and _running(prev) < _running(num) <= _running(prev) + 3)
    b = re.match(r"\d+", num)
    if not b:
        return False
    pb = int(b.group())
    if prev is None:  # an agenda extract may start at any item; "18.11.1" starts its own level
        return pb in (0, 1) or (after_heading and heading) or reset or bool(re.search(r"[.\-]0?1$", num))
    a = re.match(r"\d+", prev)
    if not a:
        return True
    pa = int(a.group())
    if pb == 1 and "." not in num and pa >= 2 and (heading or reset):
        return True
    if pb == pa and num == prev and not same_style:
        return False  # the same number again in other type: a list in the item's text
    if pb == pa or pb == pa + 1 or (pb > pa and pb - pa <= 3):
        return True
    return pb != 1 and same_style and short  # reprinted, withdrawn or out-of-order numbers


def _lettered_sub(num: str | None, parent: str | None) -> bool:
    """"07a" under item 07 (or after 07a): the item's own number and a letter."""
    sub, base = re.fullmatch(r"(\d{1,3})[a-z]", num or ""), re.match(r"\d+", parent or "")
    return bool(sub and base and sub[1] == base.group())


def _running(num: str) -> int:
    """The running half of a number with its year: 41 of "41/24", 7 of "2024/07"."""
    a, b = (int(p) for p in num.split("/"))
    return b if a >= 1900 else a


def _number(m: re.Match[str], parent: str | None) -> str:
    letter = m["paren"] or m["lower"]
    if letter:
        base = re.match(r"\d+(?:\.\d+)*", parent or "")
        return (base.group() if base else "") + letter
    if m["cap"]:
        base = re.match(r"\d+(?:\.\d+)*", parent or "")
        return (base.group() if base else "") + m["cap"]
    return m["slash"] or m["pnum"] or m["dec"] or m["dotcap"] or re.sub(r"[()]", "", m["arabic"])  # "5(a)" is 5a


class _Reader:
    """The state of one pass over an agenda's lines."""

    def __init__(self) -> None:
        self.items: list[AgendaItem] = []
        self.cur: dict | None = None
        self.prev_num: str | None = None
        self.item_x: float | None = None
        self.style: tuple[float, bool, bool] | None = None
        self.reset = False
        self.prev_text = ""

    def close(self) -> None:
        cur = self.cur
        if cur is None:
            return
        title, ref = split_ref(TIME_SLOT.sub("", join_lines(cur["title"])))  # "... Next Steps 9:30 - 10:45 PM"
        ref = cur["ref"] or ref
        desc_text = join_lines(cur["desc"])
        if ref is None and desc_text:
            desc_text, ref = split_ref(desc_text)
        if title:
            self.items.append(AgendaItem(cur["num"], title, desc_text or None, ref, cur["page"]))
        self.cur = None

    def open(self, num: str, title: str, line: Line, page: int, lead: int = 1) -> None:
        self.close()
        ref = first_line_ref(line)
        if ref is not None:  # "(Pages 9 - 16)" right of a title that wraps: not part of the title
            title = title[: len(title) - len(ref[0])].rstrip() if title.endswith(ref[0]) else title
        title_words = [w for w in line.words[lead:] if not re.fullmatch(r"[\d\-–]+", w.text)]
        bold = bool(title_words) and sum(w.bold for w in title_words) * 2 > len(title_words)
        caps = _is_heading(title, line) and not bold
        desc: list[str] = []
        split = DASH_DESCRIPTION.search(title)
        if split and split.start() > 2:
            title, desc = title[: split.start()].strip(), [title[split.end():].strip()]
        skip = lead + 1 if len(line.words) > lead + 1 and FILE_NUMBER.match(line.words[lead].text + " ") else lead
        first = line.words[0]
        if not first.text[-1:].isdigit() and not first.text.endswith((".", ")")) and len(first.text) > 3:
            # "12.Correspondence": the number glued to the title; the title starts inside the first word
            glued = re.match(r"^\S*?\d+[.)]?", first.text)
            cut = len(glued.group()) if glued else 0
            title_x = first.x0 + (first.x1 - first.x0) * cut / len(first.text)
        else:
            title_x = line.words[skip].x0 if len(line.words) > skip else line.x0
        self.cur = {"num": num, "title": [title], "desc": desc, "page": page, "bold": bold, "caps": caps,
                    "size": line_size(line), "x": line.x0, "title_x": title_x, "ref": ref[1] if ref else None}
        self.reset = False

    def continuation(self, text: str, line: Line) -> None:
        cur = self.cur
        assert cur is not None
        text = BULLET.sub("", text)
        last = (cur["desc"] or cur["title"])[-1]
        smaller = cur["size"] and line_size(line) and line_size(line) < cur["size"] - 1.0
        indented = abs(line.x0 - cur["title_x"]) > SAME_X and abs(line.x0 - cur["x"]) > SAME_X
        if OPEN_RANGE.search(last) and re.fullmatch(r"\d{1,4}\s*\)?", text):
            (cur["desc"] or cur["title"]).append(text)  # "(Pages 12 -" / "19)": a page range wrapped
        elif re.fullmatch(r"pages?", text, re.I):
            cur["ref_label"] = True  # "Pages" over "5 - 18"
        elif cur.get("ref_label") and REF_TEXT.match(text) and not cur["ref"]:
            cur["ref"] = " - ".join(re.findall(r"\d+", text))
        elif (not cur["desc"] and text[:1].isupper() and DESCRIPTION_LEAD.match(text)
              and (indented or not DESCRIPTION_LEAD.match(cur["title"][0]))):
            cur["desc"].append(text)  # "Finance" / "To approve the accounts": what the item is for
        elif not cur["desc"] and PEOPLE_LEAD.match(text) and text[:1].isupper():
            cur["desc"].append(text)  # who presents it, not the title
        elif cur["bold"] and line.bold and not cur["desc"] and not smaller:
            cur["title"].append(text)
        elif cur["bold"] or cur["desc"] or smaller or (line.bold and not cur["caps"]):  # a bold note under a plain title
            cur["desc"].append(text)
        elif PAGE_REF.fullmatch(text):
            cur["title"].append(text)
        elif LABEL_LINE.match(text) or last.rstrip().endswith(".") or (cur["caps"] and not _is_heading(text, line)):
            cur["desc"].append(text)
        else:
            cur["title"].append(text)


SECTION_LOOKAHEAD = 6  # lines


def _sequence_follows(lines: Sequence[Line], idx: int, num: str, x: float) -> bool:
    """Does the next numbered line at the same edge carry the next number ("245", then "246")?"""
    first = re.match(r"\d+", num)
    for line in lines[idx + 1 : idx + 1 + HEADING_LOOKAHEAD]:
        m = NUM.match(line.text.strip())
        if m and (m["arabic"] or m["dec"]) and abs(line.x0 - x) <= LEFT_OF / 2:
            nxt = re.match(r"\d+", m["arabic"] or m["dec"])
            return bool(first and nxt and int(nxt.group()) == int(first.group()) + 1)
    return False


def _restart_follows(lines: Sequence[Line], idx: int) -> bool:
    """Is the next numbered line after ``idx`` a "1" (numbering starting again under a section)?"""
    for line in lines[idx + 1 : idx + 1 + SECTION_LOOKAHEAD]:
        m = NUM.match(line.text.strip())
        if m and (m["arabic"] or m["dec"]):
            return bool(re.fullmatch(r"0?1", m["arabic"] or ""))
    return False


def _section_line(m: re.Match[str], line: Line, reader: _Reader, restart: bool = False) -> bool:
    """A roman-numbered or lettered section heading ("II. NEW BUSINESS", "B. Consent items" over a "1.")."""
    if m["roman"] and m["punct"]:
        return reader.cur is None or _caps(m["title"]) or line.bold or reader.item_x is None or line.x0 <= reader.item_x + SAME_X
    if m["cap"]:
        deeper = reader.cur is not None and reader.item_x is not None and line.x0 > reader.item_x + SAME_X
        title = FILE_NUMBER.sub("", m["title"])
        left = reader.item_x is not None and line.x0 < reader.item_x - LEFT_OF  # left of the items' numbers
        return not deeper and (reader.cur is None or _caps(title) or (line.bold and not reader.cur["bold"]) or restart or left)
    return False


def lines_to_agenda_items(pages: Sequence[tuple[int, Sequence[Line]]]) -> list[AgendaItem]:
    """Agenda items from the lines of an agenda part, in order."""
    table = table_agenda_items(pages)
    if table:
        return table
    r = _Reader()
    prev_bottom: float | None = None
    start = 0
    for page, lines in pages:
        prev_bottom = None
        if not r.items and r.cur is None:
            start = _after_agenda_heading(lines)
        body = lines[start if not r.items and r.cur is None else 0 :]
        for idx, line in enumerate(body):
            text = line.text.strip()
            height = line.bottom - line.top or 10.0
            gap = line.top - prev_bottom if prev_bottom is not None else 0
            prev_bottom = line.bottom
            prev_text, r.prev_text = r.prev_text, text
            m = NUM.match(text)
            if m and (MONTH_START.match(m["title"]) or PAGE_REF.fullmatch(text) or REF_TEXT.match(text) or m["title"][:1].islower()):
                m = None  # "22 March 2022 at 2 pm": a wrapped date, not item 22; "17.67 for ...": a wrapped sentence
            if m and _section_line(m, line, r, _restart_follows(body, idx)):
                r.close()
                r.reset = True
                continue
            if m and self_item(m, line, r, start > 0, prev_text) or (
                    m and r.prev_num is None and r.cur is None and (m["arabic"] or m["dec"])
                    and not MONTH_START.match(m["title"]) and _sequence_follows(body, idx, m["arabic"] or m["dec"], line.x0)):
                title = FILE_NUMBER.sub("", m["title"])
                parent = r.prev_num
                num = _number(m, parent)
                r.open(num, title, line, page, lead=len(text[: m.start("title")].split()))
                if not (m["paren"] or m["lower"] or m["cap"]):
                    r.prev_num = num
                if r.item_x is None:
                    r.item_x = line.x0
                    r.style = _style(r.cur, line)
                continue
            if r.cur is None:
                continue
            small = line_size(line) and r.cur["size"] and line_size(line) < r.cur["size"] - FOOTNOTE_SMALLER
            if r.cur.get("paused"):
                if small:
                    continue  # the rest of a page foot
                if page == r.cur["paused"]:
                    r.close()  # type of the items again on the same page, after the foot: a new block
                    continue
                r.cur["paused"] = None  # the item carries on over the page break
            elif small and gap > ITEM_GAP_HEIGHTS * height:
                r.cur["paused"] = page  # a note in small type at the foot of the page, under the item
                continue
            if r.item_x is not None and line.x0 < r.item_x - LEFT_OF:
                r.close()  # a note, table or footer at the page margin, left of the items
                r.reset = r.reset or _banner(text)
            elif _hanging_break(r.cur, line, gap, height):
                r.close()  # an unnumbered heading at the numbers' edge under a hanging title
                r.reset = r.reset or _banner(text)
            elif _banner(text) and line.x0 < r.cur["title_x"] - SAME_X and not _caps(r.cur["title"][0]):
                r.close()  # "SPECIAL SESSION": a sitting or section banner; numbering may start again
                r.reset = True
            elif SECTION.match(text) or STOP.match(text) or gap > ITEM_GAP_HEIGHTS * height:
                r.close()
            elif re.fullmatch(r"\(.*\)", text) and not PAGE_REF.fullmatch(text) and abs(line.x0 - r.cur["title_x"]) > SAME_X:
                r.close()  # a bracketed banner, not a bracketed line of the title
            else:
                r.continuation(text, line)
    r.close()
    if not pages:
        return r.items
    lettered = lettered_agenda_items(pages, lines_to_agenda_items)  # "A.", "B.", "C." were read as sections
    if len(lettered) > 2 * len(r.items):
        return lettered
    if r.items:
        return r.items
    for k, (page, lines) in enumerate(pages[:UNNUMBERED_HEADING_PAGES]):  # an agenda that numbers nothing: only under its
        start = _after_agenda_heading(lines, listing=True)  # heading ("Items of business", not "NOTICE OF MEETING"),
        if start:  # on the first page or the next when a front sheet fills the first
            return unnumbered_agenda_items([(page, lines[start:])] + list(pages[k + 1 :]))
    return []


def _style(cur: dict | None, line: Line) -> tuple[float, bool, bool]:
    """An item line's typography: size, bold title, capitals title."""
    return (line_size(line), bool(cur and cur["bold"]), bool(cur and cur["caps"]))


def self_item(m: re.Match[str], line: Line, r: _Reader, after_heading: bool, prev_text: str = "") -> bool:
    """Does this numbered line open an item (at its level of the hierarchy)?"""
    x = line.x0
    deeper = r.item_x is not None and x > r.item_x + SAME_X
    title = FILE_NUMBER.sub("", m["title"])
    if m["paren"] or m["lower"] or m["cap"]:
        # "(a)" under item 5 is 5a (a Legistar "A" may sit in the numbers' own column);
        # after a lead-in ending ":" the letters are a list inside the item
        if r.cur is None or not (deeper or m["cap"]) or not (title[:1].isupper() or title[:1].isdigit()):  # "(a) 24/0123/FUL"
            return False
        short = len(title) < SHORT_SUB_ITEM and not title.rstrip().endswith((".", ";", ","))
        in_description = bool(r.cur["desc"]) or prev_text.rstrip().endswith(":")
        return short or not in_description  # "That: (a) That the report is noted ..." is a list in the text
    if deeper:
        # "3.1" indented under "3" is an item; a deeper "1." is a list inside the item
        return bool(m["dec"] or m["dotcap"] or _lettered_sub(m["arabic"], r.prev_num)) and r.prev_num is not None
    style = r.style
    words = [w for w in line.words[1:]]
    bold = bool(words) and sum(w.bold for w in words) * 2 > len(words)
    caps = _is_heading(title, line) and not bold
    same_style = (style is not None and abs(line_size(line) - style[0]) < 0.6 and (bold, caps) == style[1:]
                  and r.item_x is not None and abs(x - r.item_x) <= LEFT_OF / 2)
    num = m["slash"] or m["pnum"] or m["dec"] or m["dotcap"] or m["arabic"]
    return _next_number_ok(r.prev_num, num, _is_heading(m["title"], line), after_heading, r.reset,
                           same_style, len(m["title"]) < SHORT_TITLE)


def _after_agenda_heading(lines: Sequence[Line], listing: bool = False) -> int:
    """Items are read after an "AGENDA" heading near the top, where there is one: the list's own heading
    ("Items of business") rather than a title over the front sheet ("NOTICE OF MEETING") above it; with
    ``listing``, only after the list's own heading."""
    found = [i for i, line in enumerate(lines)  # under a membership list or notices it may be far down the page
             if AGENDA_HEADING.match(line.text.strip()) and not NUM.match(line.text.strip())]
    own = [i for i in found if LIST_HEADING.match(lines[i].text.strip())]
    return (own or ([] if listing else found) or [-1])[0] + 1
