"""Datetimes to and from the database's fixed-width ISO 8601 UTC text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

#: Returns the current time; injectable so tests can control it.
Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """The current time, timezone-aware UTC."""
    return dt.datetime.now(dt.UTC)


def to_db(moment: dt.datetime) -> str:
    """Fixed-width UTC text, so that text order is time order.

    A naive datetime is taken as local time.
    """
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def from_db(text: str) -> dt.datetime:
    """The aware UTC datetime stored as ``text``."""
    return dt.datetime.fromisoformat(text).astimezone(dt.UTC)
