"""Fuzzing the one-field helpers (dates, due dates, times, status, RAG, owners, people's names) with random
text and with text built from the shapes they look for: they answer or return None, never raise."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from minutetrail.link.people import person_key, resolve_aliases
from minutetrail.parsers.dates import due_to_date, find_dates, parse_date, parse_due, parse_time
from minutetrail.parsers.owners import parse_owner
from minutetrail.parsers.roles import role_key
from minutetrail.parsers.status import parse_rag, parse_status, progress_says_complete, resolve_status

PIECES = ["0", "00", "29", "30", "31", "32", "99", "2", "02", "13", "1900", "2024", "2025", "9999", "10000", "0000",
          "/", "-", ".", " ", ",", "st", "nd", "th", "Feb", "February", "février", "Chwefror", "Sept", "Q1", "Q4",
          "quarter", "end", "of", "by", "TBC", "N/A", "ongoing", "am", "pm", "12:61", "24.00", "noon", "Mr", "J.",
          "Smith", "Ward,", "Claire", "Director", "/", "&", "(", ")", "complete", "Completed", "OVERDUE", "Red", "amber"]
shaped = st.lists(st.sampled_from(PIECES), max_size=10).map("".join) | st.lists(st.sampled_from(PIECES), max_size=8).map(" ".join)
texts = st.text(max_size=40) | shaped
years = st.none() | st.integers(-5, 12000)


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(texts, years)
def test_date_helpers_never_raise(text: str, year: int | None):
    for found in find_dates(text, year):
        assert isinstance(found[1], str)
    for value in (parse_date(text, year), parse_due(text, year)):
        assert value is None or isinstance(value, str)
    due_to_date(parse_due(text, year))
    parse_time(text)


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(texts, texts)
def test_status_owner_and_name_helpers_never_raise(text: str, other: str):
    parse_status(text)
    resolve_status(text, parse_rag(other), other)
    progress_says_complete(text)
    parse_owner(text)
    role_key(text)
    keys = [k for k in (person_key(text), person_key(other)) if k]
    assert set(resolve_aliases(keys)) == set(keys)
