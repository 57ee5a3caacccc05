"""Reading values from a scores database that may be damaged.

SQLite keeps no checksum of its pages: a flipped byte inside a row goes
unnoticed until the row is read, and then shows as text that is not UTF-8, a
value of the wrong type, a NULL where none was written, or a timestamp or
JSON list that no longer parses. Every row the store reads goes through the
functions here; a value that cannot be what quizapp wrote raises
`DamagedRow`, and the reader skips the row and records it in a `DamageLog`.

`TABLES` says what every column of the current schema holds; `quizapp
doctor` and the repair check whole tables with it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")

#: Largest magnitude of a stored score, maximum or time in seconds. Points are
#: at most 1000 per question, so a bigger number can only come from damage,
#: and sums of many such numbers stay finite.
MAX_NUMBER = 1e12

#: Timestamps as `quizapp.store.timestamps.to_db` writes them.
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00\Z", re.ASCII)
#: Years a stored time may have. Outside them, converting to local time could
#: overflow; no real answer was given then.
_YEARS = range(1900, 9999)

#: How many problems a `DamageLog` keeps word of (it counts them all).
KEPT_PROBLEMS = 20


class DamagedRow(ValueError):
    """A stored value that cannot be what quizapp wrote; the message says why."""


@dataclass(frozen=True, slots=True)
class BadText:
    """Text in the database that is not valid UTF-8 (see `text_factory`)."""

    raw: bytes

    def __str__(self) -> str:
        return self.raw.decode("utf-8", errors="backslashreplace")


def text_factory(raw: bytes) -> str | BadText:
    """Decode SQLite text; invalid UTF-8 becomes `BadText` instead of an error.

    Python's default raises in the middle of a query, losing every row after
    the damaged one; this lets the reader skip just that row.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return BadText(raw)


def _show(value: object) -> str:
    shown = repr(value.raw if isinstance(value, BadText) else value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


# ------------------------------------------------------------------ kinds of value


def text(value: object) -> str:
    """A TEXT value."""
    if type(value) is str:
        return value
    if isinstance(value, BadText):
        raise DamagedRow(f"text that is not UTF-8: {_show(value)}")
    raise DamagedRow(f"{_sqlite_type(value)} where text belongs: {_show(value)}")


def integer(value: object) -> int:
    """An INTEGER value (ids, counts)."""
    if isinstance(value, int):
        return value
    raise DamagedRow(f"{_sqlite_type(value)} where an integer belongs: {_show(value)}")


def rating(value: object) -> int:
    """A study self-grade, 1 to 4."""
    found = integer(value)
    if found not in (1, 2, 3, 4):
        raise DamagedRow(f"a rating of {found}, not 1 to 4")
    return found


def number(value: object) -> float:
    """A REAL (or INTEGER) value no bigger than `MAX_NUMBER` either way."""
    if isinstance(value, int | float):
        if -MAX_NUMBER <= value <= MAX_NUMBER:  # False for infinities
            return float(value)
        raise DamagedRow(f"a number out of range: {_show(value)}")
    raise DamagedRow(f"{_sqlite_type(value)} where a number belongs: {_show(value)}")


def flag(value: object) -> bool:
    """A boolean stored as 0 or 1."""
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    raise DamagedRow(f"{_show(value)} where 0 or 1 belongs")


def optional_flag(value: object) -> bool | None:
    """A `flag` or NULL."""
    return None if value is None else flag(value)


def timestamp(value: object) -> dt.datetime:
    """A fixed-width ISO 8601 UTC time, as an aware datetime."""
    raw = text(value)
    if _TIMESTAMP.match(raw) is not None:
        try:
            moment = dt.datetime.fromisoformat(raw)
        except ValueError:
            pass
        else:
            if moment.year in _YEARS:
                return moment.astimezone(dt.UTC)
    raise DamagedRow(f"not a time: {_show(raw)}")


def optional_timestamp(value: object) -> dt.datetime | None:
    """A `timestamp` or NULL."""
    return None if value is None else timestamp(value)


def _json(value: object) -> object:
    raw = text(value)
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise DamagedRow(f"not JSON: {_show(raw)}") from None


def text_list(value: object) -> tuple[str, ...]:
    """A JSON list of strings (question ids, tags)."""
    found = _json(value)
    if isinstance(found, list) and all(isinstance(item, str) for item in found):
        return tuple(found)
    raise DamagedRow(f"not a list of text: {_show(value)}")


def json_object(value: object) -> dict[str, object]:
    """A JSON object (quiz options)."""
    found = _json(value)
    if isinstance(found, dict):
        return found
    raise DamagedRow(f"not a JSON object: {_show(value)}")


def _sqlite_type(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return "a blob"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a real number"
    return "text"


# ------------------------------------------------------------------ the same rules in SQL


def sql_number(column: str) -> str:
    """SQL true when ``column`` (declared REAL or INTEGER) holds what `number`
    accepts, NULL for a NULL: text and blobs never sort between two numbers."""
    return f"{column} BETWEEN -{MAX_NUMBER:.0f} AND {MAX_NUMBER:.0f}"


def sql_flag(column: str) -> str:
    """SQL true when ``column`` (declared INTEGER) holds what `flag` accepts."""
    return f"{column} IN (0, 1)"


def sql_answer_totals_valid(alias: str) -> str:
    """SQL that is 1 for an answer row whose score, maximum, time and skip flag
    can be summed, else 0: aggregates over answers count the other rows."""
    numbers = [sql_number(f"{alias}.{c}") for c in ("score", "max_score", "seconds")]
    return f"coalesce({' AND '.join([*numbers, sql_flag(f'{alias}.skipped')])}, 0)"


# ------------------------------------------------------------------ tables


#: The kind of value each column of the current schema holds, by table, in
#: the order rows are copied by a repair (a row's references come first).
#: A migration that adds a column adds it here too.
TABLES: dict[str, dict[str, Callable[[object], object]]] = {
    "players": {"id": integer, "name": text, "created_at": timestamp},
    "attempts": {
        "id": integer,
        "player_id": integer,
        "bank_id": text,
        "bank_title": text,
        "question_ids": text_list,
        "options": json_object,
        "started_at": timestamp,
        "finished_at": optional_timestamp,
    },
    "answers": {
        "id": integer,
        "attempt_id": integer,
        "bank_id": text,
        "question_id": text,
        "given": text,
        "score": number,
        "max_score": number,
        "seconds": number,
        "near_miss": flag,
        "skipped": flag,
        "tags": text_list,
        "answered_at": timestamp,
        "self_graded": flag,
    },
    "settings": {"key": text, "value": text},
    "cards": {
        "player_id": integer,
        "bank_id": text,
        "card_id": text,
        "state": text,
        "due": timestamp,
        "updated_at": timestamp,
    },
    "reviews": {
        "id": integer,
        "player_id": integer,
        "bank_id": text,
        "card_id": text,
        "rating": rating,
        "reviewed_at": timestamp,
        "log": text,
        "cram": flag,
        "introduced": optional_flag,
    },
}


def check_row(table: str, columns: Sequence[str], values: Sequence[object]) -> None:
    """Raise `DamagedRow` unless every value fits its column of ``table``."""
    kinds = TABLES[table]
    for name, value in zip(columns, values, strict=True):
        try:
            kinds[name](value)
        except DamagedRow as damage:
            raise DamagedRow(f"{name}: {damage}") from None


# ------------------------------------------------------------------ skipping and counting


@dataclass(slots=True)
class DamageLog:
    """The damaged rows a reader skipped: each counted once, the first described."""

    rows: set[tuple[str, int]] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    def add(self, table: str, rowid: int, problem: str) -> None:
        """Record that row ``rowid`` of ``table`` was skipped because of ``problem``."""
        if (table, rowid) in self.rows:
            return
        self.rows.add((table, rowid))
        if len(self.problems) < KEPT_PROBLEMS:
            self.problems.append(f"{table} row {rowid}: {problem}")

    @property
    def count(self) -> int:
        """How many distinct rows were skipped."""
        return len(self.rows)


def decoded(
    rows: Iterable[Sequence[object]],
    table: str,
    decode: Callable[[Sequence[object]], T],
    damage: DamageLog,
) -> Iterator[T]:
    """``decode(row[1:])`` for each row whose ``row[0]`` is its rowid in ``table``;
    rows that raise `DamagedRow` are recorded in ``damage`` and left out."""
    for row in rows:
        try:
            yield decode(row[1:])
        except DamagedRow as problem:
            damage.add(table, integer(row[0]), str(problem))


def damaged_rows_notice(count: int) -> str:
    """What the user is told, once per session, when damaged rows were skipped."""
    rows = (
        "1 damaged row in the scores database was"
        if count == 1
        else (f"{count} damaged rows in the scores database were")
    )
    return f"{rows} skipped; run `quizapp doctor` to repair it"
