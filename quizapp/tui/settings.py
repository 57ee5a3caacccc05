"""What the TUI is started with, besides banks and the score store."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


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
