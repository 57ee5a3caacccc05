"""The English forms of a day or a decade, read from typed text.

A bank states a date once ("July 12", "the 1950s"); a student may type any
common form of the same day or decade:

- a day: ``July 12``, ``12 July``, ``July 12th``, ``the 12th of July``,
  ``Jul 12``, ``Jul. 12``, ``July twelfth``, ``July the 12th``, with or
  without a year after it (``July 12, 2019``) and a leading ``on``;
- a decade: ``1950s``, ``the 1950s``, ``1950's``, ``the '50s``, ``50s``,
  ``the fifties``, ``the nineteen fifties``, with a leading ``in``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from quizapp.matching.fold import normalise_text
from quizapp.matching.numbers import TENS_WORDS, UNIT_WORDS

_MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.casefold(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_CARDINALS = {
    word: value
    for word, value in (*UNIT_WORDS.items(), *TENS_WORDS.items())
    if 1 <= value <= 30 and (value < 20 or value % 10 == 0)
}
_DECADE_WORDS = {
    "tens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
    "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
_CENTURY_WORDS = {"seventeen": 1700, "eighteen": 1800, "nineteen": 1900, "twenty": 2000}
_DAY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
_DECADE_DIGITS = re.compile(r"(\d{2}|\d{3}0)s")
_YEAR = re.compile(r"\d{4}")
_LEADING = ("on", "in", "during")
_FILLERS = ("the", "of")
#: Days a month can have (February 29 exists in leap years).
_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True, slots=True)
class Day:
    """A day of a month, in a year when one was given."""

    month: int
    day: int
    year: int | None = None

    def __str__(self) -> str:
        text = f"{calendar.month_name[self.month]} {self.day}"
        return f"{text}, {self.year}" if self.year is not None else text


@dataclass(frozen=True, slots=True)
class Decade:
    """A decade: ``start`` is its first year (1950), or its last two digits
    (50) when the century was not said ("the fifties")."""

    start: int
    century_known: bool = True

    def __str__(self) -> str:
        return f"the {self.start}s" if self.century_known else f"the '{self.start:02d}s"


Date = Day | Decade


def read_date(text: str) -> Date | None:
    """The day or decade ``text`` names, or None (see the module docstring)."""
    words = normalise_text(text).split()
    if len(words) > 8:  # no form of a date is longer
        return None
    if words[:1] and words[0] in _LEADING:
        words = words[1:]
    if len(words) >= 2 and words[-1] == "s" and words[-2].isdigit():
        words = [*words[:-2], words[-2] + "s"]  # 1950's
    words = [word for word in words if word not in _FILLERS]
    return _read_decade(words) or _read_day(words)


def _read_decade(words: list[str]) -> Decade | None:
    if len(words) == 1:
        digits = _DECADE_DIGITS.fullmatch(words[0])
        if digits:
            value = int(digits.group(1))
            if len(digits.group(1)) == 2:
                return Decade(value, century_known=False) if value % 10 == 0 else None
            return Decade(value)
        if words[0] in _DECADE_WORDS:
            return Decade(_DECADE_WORDS[words[0]], century_known=False)
    if len(words) == 2 and words[0] in _CENTURY_WORDS and words[1] in _DECADE_WORDS:
        return Decade(_CENTURY_WORDS[words[0]] + _DECADE_WORDS[words[1]])
    return None


def _read_day(words: list[str]) -> Day | None:
    year: int | None = None
    if len(words) >= 3 and _YEAR.fullmatch(words[-1]):
        year = int(words[-1])
        words = words[:-1]
    months = [index for index, word in enumerate(words) if word in _MONTHS]
    if len(months) != 1 or len(words) < 2:
        return None
    position = months[0]
    if position == 0:
        day_words = words[1:]
    elif position == len(words) - 1:
        day_words = words[:-1]
    else:
        return None
    day = _day_number(day_words)
    month = _MONTHS[words[position]]
    if day is None or not 1 <= day <= _MONTH_DAYS[month]:
        return None
    return Day(month, day, year)


def _day_number(words: list[str]) -> int | None:
    if len(words) == 1:
        digits = _DAY_NUMBER.fullmatch(words[0])
        if digits:
            return int(digits.group(1))
        return _ORDINALS.get(words[0]) or _CARDINALS.get(words[0])
    if len(words) == 2 and words[0] in ("twenty", "thirty"):
        tens = _CARDINALS[words[0]]
        unit = _ORDINALS.get(words[1]) or _CARDINALS.get(words[1])
        return tens + unit if unit is not None and unit < 10 else None
    return None


def same_date(a: Date, b: Date) -> bool:
    """Whether two dates name the same day or decade. A year or a century
    stated on one side only does not count against it."""
    if isinstance(a, Day) and isinstance(b, Day):
        years_agree = a.year is None or b.year is None or a.year == b.year
        return (a.month, a.day) == (b.month, b.day) and years_agree
    if isinstance(a, Decade) and isinstance(b, Decade):
        if a.century_known and b.century_known:
            return a.start == b.start
        return a.start % 100 == b.start % 100
    return False


def decade_start(decade: Decade, near: int) -> int:
    """The first year of ``decade``, taking the century of ``near`` when the
    decade was said without one ("the fifties" near 1950 is 1950)."""
    if decade.century_known:
        return decade.start
    return near - near % 100 + decade.start
