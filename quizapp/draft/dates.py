"""Time references in an article: full dates, month and day, years and
ranges of years, decades, centuries, months, weekdays and eras.

Ages, durations and counts ("at the age of 34", "98 years of life", "1,500
troops") are not dates: numbers are years only where a year can stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.draft.lexicon import COUNT_NOUNS, ERAS, MONTHS, WEEKDAYS, word_set

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"
)
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
_WEEKDAY = r"(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_DECADE_WORDS = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21,
}  # fmt: skip
_ERA_WORDS = "|".join(
    re.escape(name).replace(r"\-", "[- ]?").replace(r"\ ", r"\s+")
    for name in sorted(ERAS, key=len, reverse=True)
)

#: Patterns, most specific first; a match hides later ones it overlaps.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("month-day", rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?(?!,\d)"),
        ("day-month", rf"\b{_WEEKDAY}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR}\b)?"),
        ("month-year", rf"\b(?:(?:early|mid|late)[- ])?{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b"),
        (
            "range",
            rf"\b{_YEAR}\s*(?:-|–|—|to|and|until|through)\s*(?P<end>1[0-9]{{3}}|20[0-9]{{2}}|\d\d)\b",
        ),
        (
            "decade",
            r"(?:\b(?:the\s+)?(?:early|mid|late)[- ])?(?:\bthe\s+)?"
            r"(?:\b(?P<century>1[0-9]|20)(?P<decade>\d)0s\b|[’'‘](?P<short>\d)0s\b)",
        ),
        (
            "decade-word",
            r"\bthe\s+(?:(?:early|mid|late)[- ])?(?P<word>twenties|thirties|forties|fifties|"
            r"sixties|seventies|eighties|nineties)\b",
        ),
        (
            "century",
            r"\bthe\s+(?:(?:early|mid|late)[- ])?(?P<ordinal>\d{1,2}(?:st|nd|rd|th)|"
            + "|".join(_ORDINALS)
            + r")[- ]century\b",
        ),
        ("year", rf"(?<![\d,.$€£#/-]){_YEAR}(?![\d%]|,\d|\.\d|-year)"),
        (
            "era",
            rf"(?i:\b(?:the\s+)?(?P<era>{_ERA_WORDS})"
            r"(?:[- ](?P<noun>era|eras|times|days|period|years|age)\b)?)",
        ),
        ("named-era", r"\bthe\s+(?P<name>[A-Z][\w’'-]+)\s+(?P<noun>era|years)\b"),
        ("month", rf"\b(?:(?P<modifier>early|mid|late|last|next|this)[- ])?{_MONTH}(?![\w’'])"),
        ("weekday", r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    )
)
#: Eras that need a noun after them ("Soviet times", not "the Soviet Union").
_ERAS_WITH_NOUN = word_set(
    """soviet post-soviet victorian edwardian elizabethan tudor georgian napoleonic ottoman
    colonial communist stalin mao tsarist imperial reagan thatcher obama roman byzantine
    ancient biblical apartheid franco pandemic"""
)
_MONTH_CUES = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|during|of|before|after|early|late|mid|"
    r"last|next|this|that|each|every)[- ]|mid-)$"
)
_YEAR_CUES = re.compile(
    r"\b(?:in|since|until|till|by|from|through|during|of|before|after|around|circa|c\.|year|"
    r"the|and|or|to|between)\s+$"
)
_NOT_WEEKDAY_BEFORE = re.compile(r"\b(?:Good|Black|Cyber|Holy|Ash|Palm|Easter|Bloody|Maundy)\s+$")
_NEXT_WORDS = re.compile(r"\s*([^\W\d_][\w’'-]*)(?:\s+([^\W\d_][\w’'-]*))?")


@dataclass(frozen=True, slots=True)
class TimeReference:
    """A time reference of the text: ``text[start:end]`` is ``when``."""

    start: int
    end: int
    when: str
    #: The year the text states, when it states one.
    year: int | None
    month: int | None = None
    day: int | None = None
    #: A year to sort by when the text states none (decades, eras).
    sort_year: int | None = None
    #: "date", "year", "range-start", "range-end", "decade", "century", "era",
    #: "month", "weekday".
    kind: str = "year"
    #: True when the era is not one quizapp knows a date for.
    unknown_era: bool = False


def find_time_references(text: str, start: int = 0, end: int | None = None) -> list[TimeReference]:
    """The time references of ``text[start:end]``, in order."""
    stop = len(text) if end is None else end
    taken: list[tuple[int, int]] = []
    found: list[TimeReference] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text, start, stop):
            if any(match.start() < right and left < match.end() for left, right in taken):
                continue
            references = _references(text, name, match)
            if references:
                taken.append((match.start(), match.end()))
                found.extend(references)
    found.sort(key=lambda reference: reference.start)
    return found


def _references(text: str, name: str, match: re.Match[str]) -> list[TimeReference]:
    """The references a match makes (two for a range), or none when the
    context shows it is no time reference."""
    when = match.group()
    start, end = match.start(), match.end()
    groups = match.groupdict()
    if name in ("month-day", "day-month"):
        year = int(groups["year"]) if groups.get("year") else None
        return [
            TimeReference(
                start, end, when, year, MONTHS[groups["month"]], int(groups["day"]), kind="date"
            )
        ]
    if name == "month-year":
        year = int(groups["year"])
        return [TimeReference(start, end, when, year, MONTHS[groups["month"]], kind="date")]
    if name == "range":
        return _range(start, end, when, groups)
    if name == "decade":
        if groups.get("short"):
            decade = 1900 + int(groups["short"]) * 10
        else:
            decade = int(groups["century"]) * 100 + int(groups["decade"]) * 10
        return [TimeReference(start, end, when, None, sort_year=decade, kind="decade")]
    if name == "decade-word":
        decade = 1900 + _DECADE_WORDS[groups["word"]]
        return [TimeReference(start, end, when, None, sort_year=decade, kind="decade")]
    if name == "century":
        ordinal = groups["ordinal"]
        number = int(ordinal[:-2]) if ordinal[0].isdigit() else _ORDINALS[ordinal]
        year = max(1, (number - 1) * 100)
        return [TimeReference(start, end, when, None, sort_year=year, kind="century")]
    if name == "year":
        return [_year(text, match)] if _is_year(text, match) else []
    if name == "era":
        return _era(start, end, when, groups)
    if name == "named-era":
        return [TimeReference(start, end, when, None, sort_year=None, kind="era", unknown_era=True)]
    if name == "month":
        month = groups["month"]
        if month.endswith(".") or (
            month in ("May", "March")
            and not groups.get("modifier")
            and not _MONTH_CUES.search(text, max(0, start - 12), start)
        ):
            return []
        return [TimeReference(start, end, when, None, MONTHS[month], kind="month")]
    if _NOT_WEEKDAY_BEFORE.search(text, max(0, start - 10), start):
        return []
    return [TimeReference(start, end, when, None, kind="weekday")]


def _range(start: int, end: int, when: str, groups: dict[str, str]) -> list[TimeReference]:
    first = int(groups["year"])
    last_text = groups["end"]
    last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
    if not first < last <= first + 200:
        return []
    if any(word in when for word in (" and ", " to ", " until ", " through ")):
        # "between 2005 and 2008": two plain years, each its own reference.
        middle = when.index(str(first)) + 4
        second = when.rindex(last_text)
        return [
            TimeReference(start, start + middle, str(first), first, kind="year"),
            TimeReference(start + second, end, last_text, last, kind="year"),
        ]
    return [
        TimeReference(start, end, when, first, kind="range-start"),
        TimeReference(start, end, when, last, kind="range-end"),
    ]


def _is_year(text: str, match: re.Match[str]) -> bool:
    """Whether a four-digit number is a year and not a count or an amount."""
    value = int(match.group("year"))
    words = _NEXT_WORDS.match(text, match.end(), min(len(text), match.end() + 40))
    if words:
        following = [word.casefold() for word in words.groups() if word]
        if following[0] in COUNT_NOUNS or (
            len(following) > 1 and following[1] in COUNT_NOUNS and following[0] != "and"
        ):
            return False
    before = text[max(0, match.start() - 12) : match.start()]
    if value < 1500:
        return bool(_YEAR_CUES.search(before)) or bool(
            re.match(r"\s*(?:AD|BC|CE|BCE)\b", text[match.end() : match.end() + 5])
        )
    return not re.search(r"(?:No\.|number|page|pages|flight|route|room|#)\s*$", before)


def _year(text: str, match: re.Match[str]) -> TimeReference:
    return TimeReference(match.start(), match.end(), match.group(), int(match.group("year")))


def _era(start: int, end: int, when: str, groups: dict[str, str]) -> list[TimeReference]:
    era = " ".join(groups["era"].casefold().split())
    key = era if era in ERAS else era.replace(" ", "-")
    if key not in ERAS:
        key = key.replace("-", "")
    if key not in ERAS:
        return []
    if key in _ERAS_WITH_NOUN and not groups.get("noun"):
        return []
    if key == "middle ages" and not groups["era"][0].isupper():
        return []  # "people of middle age", not the Middle Ages
    return [TimeReference(start, end, when, None, sort_year=ERAS[key], kind="era")]


def is_weekday(word: str) -> bool:
    """Whether ``word`` names a day of the week."""
    return word in WEEKDAYS
