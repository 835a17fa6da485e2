from datetime import date

import pytest

from minutetrail.parsers.dates import due_to_date, parse_date, parse_due, parse_time


@pytest.mark.parametrize("text, expected", [
    ("07/09/21", "2021-09-07"),
    ("07.09.2021", "2021-09-07"),
    ("7 Sept 2021", "2021-09-07"),
    ("Tuesday 22 March 2022", "2022-03-22"),
    ("Thursday, 30th January, 2025", "2025-01-30"),
    ("November 12, 2024", "2024-11-12"),
    ("7-May-2024", "2024-05-07"),
    ("7th of May 2024", "2024-05-07"),
    ("Tuesday, May 7, 2024", "2024-05-07"),
    ("2024-05-07", "2024-05-07"),
    ("Dec-22", "2022-12"),
    ("March 2023", "2023-03"),
    ("Spring 2023", "2023-05"),
    ("June 2022 (date tbc)", "2022-06"),
    ("31/02/22", None),
    ("", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("02/11/21 revised 31/05/22", "2022-05-31"),
    ("TBC", None),
    ("N/A", None),
    ("  ", None),
    ("September 2022", "2022-09"),
    ("Spring 2023", None),
    ("21 st June", "2022-06-21"),
])
def test_parse_due_takes_the_last_date(text, expected):
    assert parse_due(text, default_year=2022) == expected


def test_month_only_due_is_the_month_end():
    assert due_to_date("2022-09") == date(2022, 9, 30)
    assert due_to_date("2024-02") == date(2024, 2, 29)
    assert due_to_date("2022-05-31") == date(2022, 5, 31)
    assert due_to_date(None) is None


@pytest.mark.parametrize("text, expected", [("2.30 pm", "14:30"), ("10am", "10:00"), ("at 10.00 am", "10:00"),
                                            ("6:30 p.m.", "18:30"), ("19:00", "19:00"), ("no time", None)])
def test_parse_time(text, expected):
    assert parse_time(text) == expected
