"""`read_number`: the one reader of typed numbers, for grading and the answer field.

What it reads, in this order:

- surrounding spaces, a leading preposition ("in 2016") and "the year";
- a unit after the number: the question's own unit (``12 km``, ``12km``,
  singular or plural) or, for a question without one, any one word
  (``8 years``, ``4 countries``);
- digits: a sign (``-``, ``+``, the Unicode minus ``−``), thousands
  separators (``2,016``, ``1 000`` with any space, ``1'000``, ``1_000``), a
  decimal point or comma (``3.5``, ``3,5``), a trailing dot (``2016.``), an
  exponent (``1e3``) and full-width digits;
- or English number words: ``eight``, ``twenty-one``, ``a dozen``,
  ``half a dozen``, ``two thousand and sixteen``, ``minus five``.

Every step is a single pass over the text or a regular expression that
cannot backtrack more than once per character, so 20,000 digits and a
letter are read (and refused) at once.
"""

from __future__ import annotations

import math
import re
import unicodedata

_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\ufe63": "-"})
#: Spaces and marks written between groups of three digits.
_GROUP_MARKS = " \u00a0\u2009\u202f\u2007'\u2019"
_DIGIT_GROUP_SPACES = re.compile(rf"(?<=\d)[{_GROUP_MARKS}](?=\d{{3}}(?!\d))")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})++(?:\.\d*+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d++,\d++")
_NUMBER = re.compile(r"[+-]?(?:\d++(?:_\d++)*+(?:\.\d*+)?|\.\d++)(?:e[+-]?\d++)?")
_LEADING = ("in ", "on ", "at ", "the year ", "in the year ")
_UNIT_WORD = re.compile(r"(.*?\S)\s+[^\W\d_]+")

#: English words for 0 to 19.
UNIT_WORDS = {
    "zero": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
#: English words for the tens.
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
#: The words `read_number_words` knows (for callers telling words from units).
NUMBER_WORDS = frozenset({*UNIT_WORDS, *TENS_WORDS, *_SCALES, "hundred", "dozen", "a", "an", "and"})


def read_number(text: str, unit: str = "") -> float | None:
    """The number typed in ``text`` (see the module docstring), or None.

    ``unit`` is the question's unit: when given, only it may follow the
    number. NaN and infinities are not numbers.
    """
    value = unicodedata.normalize("NFKC", text).translate(_MINUS_SIGNS).strip().casefold()
    value = " ".join(value.split()) if any(c.isspace() for c in value) else value
    for leading in _LEADING:
        if value.startswith(leading):
            value = value[len(leading) :]
            break
    number = _read_with_unit(value, unit.strip().casefold())
    return number if number is not None and math.isfinite(number) else None


def _read_with_unit(value: str, unit: str) -> float | None:
    number = _read_plain(value)
    if number is not None:
        return number
    if unit:
        for form in dict.fromkeys((unit, unit + "s", unit.removesuffix("s"))):
            if form and value.endswith(form):
                number = _read_plain(value[: -len(form)].rstrip())
                if number is not None:
                    return number
        return None
    with_word = _UNIT_WORD.fullmatch(value)
    if with_word is None or with_word.group(0).split()[-1] in NUMBER_WORDS:
        return None
    return _read_plain(with_word.group(1))


def _read_plain(value: str) -> float | None:
    if not value:
        return None
    if value[0].isdigit() or value[0] in "+-.":
        return _read_digits(value)
    return read_number_words(value)


def _read_digits(value: str) -> float | None:
    value = _DIGIT_GROUP_SPACES.sub("", value)
    if _THOUSANDS.fullmatch(value):
        value = value.replace(",", "")
    elif _DECIMAL_COMMA.fullmatch(value):
        value = value.replace(",", ".")
    if not _NUMBER.fullmatch(value):
        return None
    try:
        return float(value)
    except ValueError:  # pragma: no cover - the pattern only lets numbers through
        return None


def read_number_words(text: str) -> float | None:
    """A number written in English words ("twenty-one", "a dozen",
    "two thousand and sixteen", "minus five"), or None."""
    words = text.replace("-", " ").split()
    sign = 1
    if words[:1] == ["minus"] or words[:1] == ["negative"]:
        sign, words = -1, words[1:]
    if words[:3] == ["half", "a", "dozen"]:
        return sign * 6.0 if len(words) == 3 else None
    total = 0  # completed thousands, millions ...
    group = 0  # the part below the last scale word
    last = ""  # the kind of the previous word
    previous_scale = math.inf
    for index, word in enumerate(words):
        if word in ("a", "an"):
            if index != 0 or len(words) == 1:
                return None
            group, last = 1, "a"
        elif word == "and":
            if last not in ("hundred", "scale") or index == len(words) - 1:
                return None
            last = "and"
        elif word in UNIT_WORDS:
            if last in ("unit", "a") or (last == "tens" and UNIT_WORDS[word] >= 10):
                return None
            group += UNIT_WORDS[word]
            last = "unit"
        elif word in TENS_WORDS:
            if last in ("unit", "tens", "a") or (group % 100 and last != "and"):
                return None
            group += TENS_WORDS[word]
            last = "tens"
        elif word == "hundred":
            if last not in ("unit", "tens", "a") or group >= 100 or not group:
                return None
            group *= 100
            last = "hundred"
        elif word == "dozen":
            if last not in ("", "unit", "a") or group >= 100:
                return None
            group = max(group, 1) * 12
            last = "dozen"
        elif word in _SCALES:
            scale = _SCALES[word]
            if not group or scale >= previous_scale or last in ("scale", "and", "dozen"):
                return None
            total += group * scale
            group, previous_scale, last = 0, scale, "scale"
        else:
            return None
    if not words or last in ("a", "and"):
        return None
    return float(sign * (total + group))


def format_number(value: float) -> str:
    """A number as a person writes it: ``2016``, ``3.5``, ``1e+300``."""
    return f"{value:g}" if not value.is_integer() or abs(value) >= 1e16 else f"{int(value)}"
