"""The meeting a paper was published for, from hand-made lines."""
from minutetrail.models import Line, Word
from minutetrail.parsers.meeting import committee_by_mentions, committee_fallback, front_sheet_meeting, smart_case


def _lines(*texts: str) -> list[Line]:
    out = []
    for i, text in enumerate(texts):
        x = 50.0
        words = []
        for tok in text.split():
            words.append(Word(tok, x, 50 + i * 14, x + len(tok) * 5, 60 + i * 14, size=10))
            x += len(tok) * 5 + 3
        out.append(Line(tuple(words)))
    return out


def test_front_sheet_labels():
    m = front_sheet_meeting(_lines("Fernbrook District Council", "Agenda", "Housing Scrutiny Committee",
                                   "Date: Tuesday 14 January 2025", "Time: 6.30 pm", "Place: Council Chamber, Mill Street"))
    assert (m.body, m.committee, m.date, m.time, m.venue) == (
        "Fernbrook District Council", "Housing Scrutiny Committee", "2025-01-14", "18:30", "Council Chamber, Mill Street")


def test_committee_fallbacks():
    assert committee_fallback(_lines("CITY COUNCIL AGENDA AND NOTICE", "TUESDAY, APRIL 5, 2016"), None) == "City Council"
    assert committee_fallback(_lines("A regular meeting of the Township of Nipissing Council was held"), "Township of Nipissing") == "Council"
    assert committee_fallback(_lines("Present", "Councillors D Richardson"), "Milburn Parish Council") == "Milburn Parish Council"
    assert committee_fallback(_lines("Commission Meeting Minutes"), None) is None


def test_committee_by_mentions_prefers_the_qualified_name():
    lines = _lines("Commission Meeting Minutes", "welcomed to SSA Commission", "K. Bares led the Commission",
                   "to be submitted to the SSA Commission.")
    assert committee_by_mentions(lines) == "SSA Commission"
    assert committee_by_mentions(_lines("the Cabinet met")) is None  # one mention is not enough


def test_smart_case_keeps_acronyms():
    assert smart_case("CABINET") == "Cabinet" and smart_case("TMG") == "TMG"
    assert smart_case("HOUSING AND COMMUNITIES COMMITTEE") == "Housing and Communities Committee"


def test_membership_block():
    from minutetrail.parsers.meeting import parse_membership

    m = parse_membership(_lines("Membership", "Chairperson Councillor Phillip Howells", "Vice-chairperson Councillor Jennie Hewitt",
                                "Councillor Graham Andrews", "Non-Voting Member Councillor Jim Kenyon",
                                "Co-optee Wiktor Daron Archdiocese of Cardiff", "Andy James Parent Governor Representative", "Agenda"))
    assert m is not None and (m.chair, m.vice_chair) == ("Phillip Howells", "Jennie Hewitt")
    assert m.members == ("Phillip Howells", "Jennie Hewitt", "Graham Andrews", "Jim Kenyon")
    assert m.co_optees == ("Wiktor Daron", "Andy James")


def test_chair_marked_in_attendance():
    from minutetrail.parsers.attendance import blocks_to_attendance

    a = blocks_to_attendance({"present": ["Mr R W Gough (Chairman), Mr N Baker, Mrs S Chandler (Vice-Chair) and Mr D Jeffrey"]})
    assert (a.chair, a.vice_chair) == ("R W Gough", "S Chandler")
    assert a.present == ("R W Gough", "N Baker", "S Chandler", "D Jeffrey")
