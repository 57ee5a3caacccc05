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


class Checker:
    """Reads values out of one bank's tables and records located problems."""

    def __init__(self, path: str, source: SourceMap) -> None:
        self.path = path
        self.source = source
        self.problems: list[BankProblem] = []
        self.errors = 0

    def error(self, where: Where, message: str) -> None:
        """Record an error located at ``where``."""
        self._add(where, message, "error")
        self.errors += 1

    def warning(self, where: Where, message: str) -> None:
        """Record a warning located at ``where``."""
        self._add(where, message, "warning")

    def _add(self, where: Where, message: str, severity: Literal["error", "warning"]) -> None:
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
                self.error(
                    (*where, key), f"unknown key {describe(key)}{did_you_mean(key, allowed)}"
                )

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

    def text(self, table: Table, where: Where, key: str, *, required: bool = False) -> str:
        """A string; a required one must not be blank. "" when absent or wrong."""
        value = table.get(key)
        if type(value) is str:
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
        """A required id made of `ID_RULE` characters."""
        value = self.text(table, where, key, required=True)
        if value and not ID_PATTERN.fullmatch(value):
            self.error((*where, key), f"'{key}' {describe(value)} may only use {ID_RULE}")
        return value

    def texts(
        self, table: Table, where: Where, key: str, *, required: bool = False
    ) -> tuple[str, ...] | None:
        """An array of non-blank strings; None when absent or wrong."""
        value = table.get(key)
        if type(value) is list:
            items = tuple(value)
            if all(type(item) is str and item.strip() for item in items):
                return items
            for number, item in enumerate(items):
                if type(item) is not str:
                    self.error(
                        (*where, key, number),
                        f"'{key}' item {number + 1} must be a string, found {type_name(item)}",
                    )
                elif not item.strip():
                    self.error((*where, key, number), f"'{key}' item {number + 1} is empty")
            return None
        if value is None:
            if required:
                self.error(where, f"missing required key '{key}'")
            return None
        self.error((*where, key), f"'{key}' must be an array of strings, found {type_name(value)}")
        return None

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
            self.error((*where, key), f"'{key}' must be {expected}, found {value}")
            return default
        self.error((*where, key), f"'{key}' must be {expected}, found {type_name(value)}")
        return default

    def number(
        self, table: Table, where: Where, key: str, *, required: bool, minimum: float | None = None
    ) -> float:
        """A finite integer or float (``minimum`` or more)."""
        value = table.get(key)
        if value is None:
            if required:
                self.error(where, f"missing required key '{key}' (a number)")
            return 0.0
        if type(value) is not int and type(value) is not float:
            self.error((*where, key), f"'{key}' must be a number, found {type_name(value)}")
            return 0.0
        number = float(value)
        if not math.isfinite(number):
            self.error((*where, key), f"'{key}' must be a finite number, found {value}")
            return 0.0
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
