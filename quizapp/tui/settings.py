"""What the TUI is started with, besides banks and the score store."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

#: The store setting that remembers the chosen theme.
THEME_SETTING = "theme"


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


@dataclass(frozen=True, slots=True)
class AppSettings:
    """Settings of one `QuizApp` run.

    The clocks and the seed are here so that tests and screenshots can make
    a run reproducible; the defaults are right for real use.
    """

    #: Whose answers are recorded and whose history is shown.
    player: str
    #: Where the scores database and settings live.
    data_dir: Path
    #: Wall clock, for dates shown relative to today.
    now: Callable[[], dt.datetime] = field(default=_local_now)
    #: Monotonic clock in seconds, for the time spent on each question.
    clock: Callable[[], float] = field(default=time.monotonic)
    #: Seed every quiz with this value (None: a fresh random seed per quiz).
    seed: int | None = None
    #: Use this theme instead of the one remembered in the store.
    theme: str | None = None
    #: Blink the text cursor of inputs (off for reproducible screenshots).
    cursor_blink: bool = True
    #: Source texts named on the command line: show in context may show
    #: them even outside their bank's folder.
    source_texts: tuple[Path, ...] = ()


def remembered_theme(db_path: Path) -> str | None:
    """The theme remembered in the scores database, read before the first frame.

    A plain read-only query, without the store's checks (the store is opened
    after the first frame): any failure, such as no database yet or a damaged
    one, means no remembered theme.
    """
    try:
        if not db_path.is_file():  # may raise: a name too long, say
            return None
        conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True, timeout=0.2)
        try:
            query = "SELECT value FROM settings WHERE key = ?"
            row = conn.execute(query, (THEME_SETTING,)).fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError, UnicodeDecodeError):
        return None
    return row[0] if row is not None and isinstance(row[0], str) else None
