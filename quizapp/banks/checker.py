"""Typed reading of parsed TOML tables, collecting located problems.

Each reader returns a usable value even when the table is wrong (an empty
string, the default), after recording the problem, so validation goes on
and reports every problem of a file in one pass. A bank is built only when
no error was recorded.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection, Iterable, Mapping, Set
from typing import Literal

from quizapp.banks.limits import MAX_ID, MAX_ITEM, MAX_ITEMS, MAX_NUMBER, MAX_PROBLEMS, MAX_TEXT
from quizapp.banks.locate import SourceMap, Where
from quizapp.model import BankProblem, Location

Table = Mapping[str, object]

#: Ids of facts and questions: generated question ids join them with ':'.
ID_PATTERN = re.compile(r"[A-Za-z0-9_.-]+")
ID_RULE = "letters, digits, '-', '_' and '.'"


def type_name(value: object) -> str:
    """The TOML name of a parsed value's type, for "found ..." messages."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "table"
    if isinstance(value, dt.datetime):
        return "date-time"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, dt.time):
        return "time"
    return type(value).__name__


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` -- did you mean 'x'?`` for the closest candidate, or ""."""
    import difflib  # only when there is a problem to explain

    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" -- did you mean '{close[0]}'?" if close else ""


def describe(value: str, limit: int = 60) -> str:
    """``value`` quoted for a message, shortened to ``limit`` characters."""
    flat = " ".join(value.split())
    if len(flat) > limit:
        cut = flat[: limit - 1]
        space = cut.rfind(" ")
        flat = (cut[:space] if space > limit * 2 // 3 else cut).rstrip() + "…"
    return f"'{flat}'"


_EXPONENT = len(str(MAX_NUMBER)) - 1


def describe_number(value: float) -> str:
    """A number for a message. Python cannot print an integer of more than
    4,300 digits, and nobody wants to read one: a huge one is described."""
    if type(value) is int and abs(value) >= 10**18:
        return f"a number of about {int(abs(value).bit_length() * math.log10(2)) + 1:,} digits"
    return str(value)


def too_long(label: str, value: str, limit: int) -> str:
    """The message for a text over its size limit; ``label`` names it
    (``'prompt'``, ``'choices' item 3``)."""
    return f"{label} is too long: {len(value):,} characters (the limit is {limit:,})"


class Checker:
    """Reads values out of one bank's tables and records located problems.

    The limits of `quizapp.banks.limits` are checked here, so every reader
    gets them: text sizes in `text`, `ident` and `texts`, array sizes in
    `texts` and `at_most`, numbers in `integer` and `number`. At most
    `MAX_PROBLEMS` problems are kept; `dropped` counts the others.
    """

    def __init__(self, path: str, source: SourceMap) -> None:
        self.path = path
        self.source = source
        self.problems: list[BankProblem] = []
        self.errors = 0
        self.dropped = 0

    @property
    def full(self) -> bool:
        """Whether no more problems are kept (only counted)."""
        return len(self.problems) >= MAX_PROBLEMS

    def error(self, where: Where, message: str) -> None:
        """Record an error located at ``where``."""
        self._add(where, message, "error")
        self.errors += 1

    def warning(self, where: Where, message: str) -> None:
        """Record a warning located at ``where``."""
        self._add(where, message, "warning")

    def _add(self, where: Where, message: str, severity: Literal["error", "warning"]) -> None:
        if self.full:
            self.dropped += 1
            return
        line, col = self.source.locate(where)
        self.problems.append(BankProblem(Location(self.path, line, col), message, severity))

    def line(self, where: Where) -> int:
        """The line of a table header (for the model's ``line`` fields)."""
        return self.source.line(where)

    def unknown_keys(self, table: Table, where: Where, allowed: Set[str]) -> None:
        """Report keys of ``table`` not in ``allowed``, with a hint."""
        if table.keys() <= allowed:
            return
        for key in table:
            if key not in allowed:
                hint = "" if self.full else did_you_mean(key, allowed)
                self.error((*where, key), f"unknown key {describe(key)}{hint}")

    def table(self, parent: Table, where: Where, key: str, *, required: bool) -> Table | None:
        """The sub-table ``key`` of ``parent``."""
        value = parent.get(key)
        if isinstance(value, dict):
            return value
        if value is None:
            if required:
                self.error(where, f"missing required table [{_join(where, key)}]")
            return None
        self.error((*where, key), f"'{key}' must be a table, found {type_name(value)}")
        return None

    def text(
        self,
        table: Table,
        where: Where,
        key: str,
        *,
        required: bool = False,
        limit: int = MAX_TEXT,
    ) -> str:
        """A string of at most ``limit`` characters; a required one must not
        be blank. "" when absent or wrong."""
        value = table.get(key)
        if type(value) is str:
            if len(value) > limit:
                self.error((*where, key), too_long(f"'{key}'", value, limit))
                return ""
            if not required or value.strip():
                return value
            self.error((*where, key), f"'{key}' must not be empty")
            return ""
        if value is None:
            if required:
                self.error(where, f"missing required key '{key}'")
            return ""
        self.error((*where, key), f"'{key}' must be a string, found {type_name(value)}")
        return ""

    def ident(self, table: Table, where: Where, key: str = "id") -> str:
        """A required id made of `ID_RULE` characters, at most `MAX_ID` of them."""
        value = self.text(table, where, key, required=True, limit=MAX_ID)
        if value and not ID_PATTERN.fullmatch(value):
            self.error((*where, key), f"'{key}' {describe(value)} may only use {ID_RULE}")
        return value

    def texts(
        self, table: Table, where: Where, key: str, *, required: bool = False
    ) -> tuple[str, ...] | None:
        """An array of at most `MAX_ITEMS` non-blank strings of at most
        `MAX_ITEM` characters; None when absent or wrong."""
        value = table.get(key)
        if type(value) is list:
            if not self.at_most(where, key, value):
                return None
            items = tuple(value)
            if all(type(item) is str and item.strip() and len(item) <= MAX_ITEM for item in items):
                return items
            for number, item in enumerate(items):
                if type(item) is not str:
                    self.error(
                        (*where, key, number),
                        f"'{key}' item {number + 1} must be a string, found {type_name(item)}",
                    )
                elif not item.strip():
                    self.error((*where, key, number), f"'{key}' item {number + 1} is empty")
                elif len(item) > MAX_ITEM:
                    self.error(
                        (*where, key, number),
                        too_long(f"'{key}' item {number + 1}", item, MAX_ITEM),
                    )
            return None
        if value is None:
            if required:
                self.error(where, f"missing required key '{key}'")
            return None
        self.error((*where, key), f"'{key}' must be an array of strings, found {type_name(value)}")
        return None

    def at_most(self, where: Where, key: str, items: list[object], limit: int = MAX_ITEMS) -> bool:
        """Whether the array ``key`` has at most ``limit`` items; reports it if not."""
        if len(items) <= limit:
            return True
        self.error((*where, key), f"'{key}' has {len(items):,} items; the limit is {limit:,}")
        return False

    def distinct(self, where: Where, key: str, items: tuple[str, ...], what: str) -> None:
        """Report the second and later copies of any repeated item of ``key``."""
        if len(set(items)) == len(items):
            return
        seen: set[str] = set()
        for number, item in enumerate(items):
            if item in seen:
                self.error((*where, key, number), f"duplicate {what} {describe(item)}")
            seen.add(item)

    def flag(self, table: Table, where: Where, key: str, default: bool | None = None) -> bool:
        """A boolean; required when ``default`` is None."""
        value = table.get(key)
        if type(value) is bool:
            return value
        if value is None:
            if default is None:
                self.error(where, f"missing required key '{key}' (true or false)")
                return False
            return default
        self.error(
            (*where, key), f"'{key}' must be a boolean (true or false), found {type_name(value)}"
        )
        return False if default is None else default

    def integer(
        self, table: Table, where: Where, key: str, low: int, high: int | None, default: int
    ) -> int:
        """An integer in ``low..high`` (no upper bound when ``high`` is None)."""
        value = table.get(key)
        if value is None:
            return default
        expected = f"an integer {low}-{high}" if high is not None else f"an integer >= {low}"
        if type(value) is int:
            if value >= low and (high is None or value <= high):
                return value
            self.error((*where, key), f"'{key}' must be {expected}, found {describe_number(value)}")
            return default
        self.error((*where, key), f"'{key}' must be {expected}, found {type_name(value)}")
        return default

    def number(
        self, table: Table, where: Where, key: str, *, required: bool, minimum: float | None = None
    ) -> float:
        """A finite integer or float (``minimum`` or more) no larger in size
        than `MAX_NUMBER`."""
        value = table.get(key)
        if value is None:
            if required:
                self.error(where, f"missing required key '{key}' (a number)")
            return 0.0
        if type(value) is not int and type(value) is not float:
            self.error((*where, key), f"'{key}' must be a number, found {type_name(value)}")
            return 0.0
        if type(value) is float and not math.isfinite(value):
            self.error((*where, key), f"'{key}' must be a finite number, found {value}")
            return 0.0
        if abs(value) > MAX_NUMBER:  # compared before float(): a huge int would overflow
            self.error(
                (*where, key),
                f"'{key}' must be between -10^{_EXPONENT} and 10^{_EXPONENT}, "
                f"found {describe_number(value)}",
            )
            return 0.0
        number = float(value)
        if minimum is not None and number < minimum:
            self.error((*where, key), f"'{key}' must be {minimum:g} or more, found {value}")
            return minimum
        return number

    def choice_of(
        self, table: Table, where: Where, key: str, options: Collection[str], default: str
    ) -> str:
        """One of ``options`` (a string)."""
        value = table.get(key)
        if value is None:
            return default
        if type(value) is str and value in options:
            return value
        listed = ", ".join(f"'{option}'" for option in options)
        if type(value) is str:
            hint = did_you_mean(value, options)
            self.error((*where, key), f"'{key}' must be one of {listed}, found '{value}'{hint}")
        else:
            self.error((*where, key), f"'{key}' must be one of {listed}, found {type_name(value)}")
        return default


def _join(where: Where, key: str) -> str:
    return ".".join(str(part) for part in (*where, key) if isinstance(part, str))
