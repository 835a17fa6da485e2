"""Numbers as councils print them in headings: roman numerals ("IV." in US minutes, "II." over an agenda's part)."""
from __future__ import annotations

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(mark: str) -> int | None:
    """The value of an upper-case roman numeral ("XIV" -> 14), or None when it is not one."""
    if not mark or any(ch not in ROMAN for ch in mark):
        return None
    values = [ROMAN[ch] for ch in mark]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))
