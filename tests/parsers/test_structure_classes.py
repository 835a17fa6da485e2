"""Meeting headings, document kinds and segmentation, one test per failure class (invented text)."""
from __future__ import annotations

from minutetrail.models import DocKind, Line, PageData, Word
from minutetrail.parsers.classify import classify_opening, segment
from minutetrail.parsers.meeting import committee_fallback, front_sheet_meeting, heading_committee, heading_date, titled_committee
from minutetrail.parsers.record import parse_pages
from minutetrail.parsers.text import words_to_lines

from tests.parsers.test_agenda_classes import line, page


def texts(*rows: str, x: float = 60.0) -> list[Line]:
    return page(*[(x, r) for r in rows])


def test_head_parish_style_heading_with_dotted_abbreviation():
    lines = texts("Hollowmere Parish Council A.G.M. – 5th May 2025", "Present: Cllrs A Brook, C Dale")
    assert heading_committee(lines) == "Hollowmere Parish Council"
    assert heading_date(lines) == "2025-05-05"


def test_head_community_council_is_its_own_committee():
    lines = texts("BRACKENFORD COMMUNITY COUNCIL", "Minutes of a Meeting held on Tuesday 4 March 2025", "at 7.00 pm in the Hall")
    assert heading_committee(lines) == "Brackenford Community Council"
    assert heading_date(lines) == "2025-03-04"


def test_head_minutes_extract_names_the_committee_with_the_date_wrapped():
    lines = texts("Minutes extract from Rivers and Canals Panel –", "12 February 2025", "The Panel discussed the towpath.")
    assert titled_committee(lines) == "Rivers and Canals Panel"
    assert heading_date(lines) == "2025-02-12"


def test_head_label_lines_are_not_the_committee():
    lines = [line(150, 60, "Harbour Data Sharing Board", 13, True), line(200, 80, "10:00-11:30, 3 June 2024"),
             line(220, 100, "Chair: Dr Ann Example"), line(280, 130, "Minutes", 12, True)]
    assert heading_committee(lines) == "Harbour Data Sharing Board"
    assert heading_date(lines) == "2024-06-03"


def test_head_future_tense_notice_names_the_committee():
    lines = texts("Summons", "Agenda for a Meeting on 9 April 2025",
                  "A meeting of the Westvale Planning Committee will be held at the Civic Centre")
    assert committee_fallback(lines, None) == "Westvale Planning Committee"
    assert front_sheet_meeting(lines).date == "2025-04-09"


def test_head_date_in_small_capitals_heading():
    big, small = 20.0, 15.0
    words = (Word("M", 60, 60, 75, 80, size=big), Word("INUTES", 75, 62, 130, 80, size=small),
             Word("OF", 135, 62, 155, 80, size=small))
    lines = words_to_lines(words)
    assert lines[0].text == "MINUTES OF"


def test_lang_french_heading_without_year_takes_the_next_full_date():
    lines = texts("Séance du Conseil Municipal", "tenue le 12 juillet", "Présents : Mme A, M. B",
                  "Date de convocation : 6 juillet 2026")
    assert heading_committee(lines) == "Conseil Municipal"
    assert heading_date(lines) == "2026-07-12"


def test_lang_french_and_welsh_minutes_are_classified_minutes():
    fr = texts("Procès-verbal de la séance du conseil municipal", "du 3 mars 2026", "Étaient présents : Mme A, M. B")
    assert classify_opening(fr, None).kind == DocKind.MINUTES
    cy = texts("Cofnodion", "Cyngor Cymuned Example", "Yn bresennol: A, B")
    assert classify_opening(cy, None).kind == DocKind.MINUTES
    # a page that names no kind, but reads like a French council's record
    plain = texts("Réunion du Conseil Municipal", "du 3 mars 2026", "Étaient présents : Mme A, M. B",
                  "Le compte rendu de la précédente réunion est approuvé.")
    assert [p.kind for p in segment([plain], {})] == [DocKind.MINUTES]


def test_agenda_title_below_the_body_and_date_lines():
    lines = [line(240, 60, "Example Parish Council", 12, True), line(180, 75, "30th November 2025 at 7.30pm", 12, True),
             line(100, 100, "Agenda & Summons to Councillors", 12, True), line(72, 130, "1. To receive apologies", 12, True),
             line(72, 150, "2. To approve the minutes of the last meeting", 12, True)]
    assert classify_opening(lines, None).kind == DocKind.AGENDA


def test_seg_cut_a_minute_running_onto_a_page_that_mentions_a_part_keyword():
    first = texts("Minutes of the meeting of the Example Committee held on 2 May 2025", "Present: Cllr A", "5. Forward plan")
    second = texts("RESOLVED that the work programme be agreed with the following changes:", "(a) add the bus review;")
    parts = segment([first, second], {})
    assert [(p.kind, p.page_start, p.page_end) for p in parts] == [(DocKind.MINUTES, 1, 2)]
    titled = texts("Work Programme 2025/26", "Item Date Lead")
    assert classify_opening(titled, None).kind == DocKind.WORK_PROGRAMME


def test_s2_numbered_list_on_a_later_page_of_an_agenda_part_is_not_items():
    from minutetrail.parsers.agenda import lines_to_agenda_items
    p1 = page((66, "1. APOLOGIES", 11, True), (66, "2. MINUTES", 11, True), (66, "3. WORK PROGRAMME", 11, True))
    p2 = page((62, "The seven principles"), (62, "1. Selflessness"), (62, "Holders of office act in the public interest."),
              (62, "2. Integrity"), (62, "Holders of office avoid obligations to others."))
    items = lines_to_agenda_items([(1, p1), (2, p2)])
    assert [i.number for i in items] == ["1", "2", "3"]


def _page(number: int, lines: list[Line]) -> PageData:
    return PageData(number, 595.0, 842.0, tuple(w for ln in lines for w in ln.words))


def test_warnings_agenda_without_items_and_unknown_document():
    agenda = parse_pages("a.pdf", "0" * 64, [_page(1, texts("AGENDA", "Example Committee", "Date: 1 May 2025",
                                                            "Papers will follow."))])
    assert any(w.page == 1 and "agenda" in w.message for w in agenda.warnings)
    other = parse_pages("b.pdf", "0" * 64, [_page(1, texts("Quarterly newsletter", "Spring walks around the lake"))])
    assert other.documents[0].kind == DocKind.OTHER
    assert any(w.page == 1 and "unknown kind" in w.message for w in other.warnings)


def test_head_publication_date_is_not_the_meeting_date():
    lines = texts("Example District Council", "Published: 28 April 2025", "Agenda", "Licensing Committee",
                  "Thursday 8 May 2025 at 10.00 am")
    assert front_sheet_meeting(lines).date == "2025-05-08"
    labelled = texts("Example District Council", "Date of meeting: 8 May 2025", "Issued 28 April 2025")
    assert front_sheet_meeting(labelled).date == "2025-05-08"


def test_warnings_minutes_without_items():
    record = parse_pages("m.pdf", "0" * 64, [_page(1, texts("Minutes of the meeting of the Example Panel held on 2 May 2025",
                                                           "The meeting was cancelled for want of a quorum."))])
    assert record.documents[0].kind == DocKind.MINUTES
    assert any(w.page == 1 and "minutes" in w.message for w in record.warnings)


def test_agenda_cue_in_a_sentence_of_minutes_is_no_agenda_title():
    lines = texts("Example Panel", "Minutes", "Present: A Brook, C Dale", "Agenda items were taken in the following order")
    assert classify_opening(lines, None).kind == DocKind.MINUTES
    lines = texts("Example Panel", "Notes", "Agenda items were taken in the order printed below today")
    assert classify_opening(lines, None) is None or classify_opening(lines, None).kind != DocKind.AGENDA


def test_lang_french_agenda_front_sheet():
    lines = texts("Commune d'Exemple", "ORDRE DU JOUR", "Conseil Municipal", "Date : 14 mars 2026")
    m = front_sheet_meeting(lines)
    assert (m.committee, m.date) == ("Conseil Municipal", "2026-03-14")
    assert classify_opening(lines, None).kind == DocKind.AGENDA


def test_report_cover_labels_open_a_report():
    lines = texts("By: A Example, Research Officer", "To: Cabinet - 4 March 2026", "Subject: Review of a decision",
                  "Summary: The committee asked for a review.", "Introduction", "1. The power to review is set out")
    assert classify_opening(lines, None).kind == DocKind.REPORT


def test_head_last_meeting_date_is_not_this_meetings():
    lines = texts("Example District Council", "Agenda", "Licensing Committee", "Minutes of the last meeting held on 3 April 2025",
                  "Thursday 8 May 2025")
    assert front_sheet_meeting(lines).date == "2025-05-08"


def test_head_front_sheet_date_without_year():
    lines = texts("Example Town Council", "Notice of meeting", "Tuesday 5 May at 7 pm in the Town Hall",
                  "Issued 28 April 2026 by the Town Clerk")
    assert front_sheet_meeting(lines).date == "2026-05-05"


def test_minutes_without_a_minutes_title_that_mention_agenda_items():
    page1 = texts("Hollowmere Parish Council A.G.M. – 5th May 2025", "Present: Cllrs A Brook, C Dale",
                  "Apologies: Cllr E Fox", "1. Agenda item 1 was taken after item 3.", "RESOLVED that the accounts be approved.",
                  "The meeting closed at 9.05 pm.")
    assert [p.kind for p in segment([page1], {})] == [DocKind.MINUTES]
    front = texts("CITY COUNCIL AGENDA AND NOTICE", "Roll call", "1. Call to order")
    assert [p.kind for p in segment([front], {})] == [DocKind.AGENDA]


def test_lang_minutes_extract_titles():
    fr = texts("Extrait du registre des délibérations", "du conseil municipal", "Séance du 3 mars 2026")
    assert classify_opening(fr, None).kind == DocKind.MINUTES
    en = texts("Minutes excerpt from Rivers Panel – 12 February 2025", "Item 4 Towpath repairs")
    assert classify_opening(en, None).kind == DocKind.MINUTES
    assert titled_committee(en) == "Rivers Panel"


def test_a_minute_extract_minutes_its_one_item_by_the_extracts_title():
    lines = texts("Agenda item", "Review of the library opening hours", "To consider the results of the consultation.",
                  "Minutes:", "The cabinet member introduced the report and members asked about weekend hours.",
                  "It was resolved that:", "a) the revised opening hours be approved.")
    record = parse_pages("x.pdf", "0" * 64, [_page(1, lines)])
    [minutes] = record.minutes
    assert [i.title for i in minutes.items] == ["Review of the library opening hours"]
    assert [r.text for r in minutes.items[0].resolutions] == ["the revised opening hours be approved."]
    assert not any("no minute items" in w.message for w in record.warnings)


def test_a_parish_council_minuted_as_the_parish_council_keeps_its_full_name():
    lines = texts("Little Ashby Parish Council", "Minutes of the meeting of the Parish Council held on 7-May-2024 at 7.30 pm",
                  "Present: Cllr Ann Lee (Chair), Cllr Bob Ray", "1. Budget", "RESOLVED: that the budget be approved.")
    record = parse_pages("m.pdf", "0" * 64, [_page(1, lines)])
    assert (record.meeting.committee, record.meeting.date) == ("Little Ashby Parish Council", "2024-05-07")


def test_a_county_councils_own_meeting_stays_the_county_council():
    lines = texts("EXAMPLE COUNTY COUNCIL", "COUNTY COUNCIL",
                  "MINUTES of a meeting of the County Council held in the Council Chamber on Thursday, 9 January 2025.",
                  "PRESENT: Mr A Brook, Mrs C Dale", "1. Apologies", "Apologies were received from Mr E Fox.")
    record = parse_pages("m.pdf", "0" * 64, [_page(1, lines)])
    assert record.meeting.committee.lower() == "county council"
