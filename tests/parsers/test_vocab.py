"""Cue words are data per language: a key is read across every language file."""
from __future__ import annotations

import re

from minutetrail.parsers.dates import parse_date
from minutetrail.parsers.vocab import alternation, languages, mapping, words


def test_every_language_file_is_read():
    assert {"en", "fr", "cy"} <= set(languages())


def test_a_key_is_the_union_over_languages():
    minutes = words("kinds.minutes")
    assert "minutes" in minutes and "procès-verbal" in minutes and "cofnodion" in minutes
    assert words("kinds.minutes", lang="fr") == tuple(w for w in minutes if w in words("kinds.minutes", lang="fr"))
    assert mapping("months")["juillet"] == 7 and mapping("months")["gorffennaf"] == 7


def test_alternation_matches_phrases_with_any_spacing():
    pattern = re.compile(r"^" + alternation("kinds.agenda") + r"\b", re.I)
    assert pattern.match("Ordre  du jour")
    assert pattern.match("AGENDA")
    assert not pattern.match("Minutes of the meeting")


def test_dates_in_french_and_welsh():
    assert parse_date("mercredi 12 juillet 2023") == "2023-07-12"
    assert parse_date("le 1er février 2024") == "2024-02-01"
    assert parse_date("Dydd Mawrth 3 Medi 2019") == "2019-09-03"
