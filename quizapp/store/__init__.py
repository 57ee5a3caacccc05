"""ScoreStore: players, attempts, answers and study cards in SQLite. No Textual here.

WAL mode, one committed transaction per answer, schema versioned with
``PRAGMA user_version`` and migrated forward (`quizapp.store.schema`). A
database that cannot be opened or read is moved aside (never deleted) and a
fresh one started; the store reports that in ``moved_aside`` and ``warning``
so the UI can say so (`quizapp.store.database`).

Every datetime the store returns is timezone-aware UTC; a naive datetime
passed in is taken as local time.
"""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

from quizapp.store.database import StoreError
from quizapp.store.schema import SCHEMA_VERSION
from quizapp.store.score_store import ScoreStore

if TYPE_CHECKING:
    from quizapp.store.rows import (
        AnswerRow,
        AttemptSummary,
        BankStats,
        CardRow,
        QuestionStats,
        ReviewRow,
    )

#: The row classes, imported from quizapp.store.rows when first asked for
#: (the TUI opens the store before its first frame, and needs no rows then).
_ROWS = frozenset(
    {"AnswerRow", "AttemptSummary", "BankStats", "CardRow", "QuestionStats", "ReviewRow"}
)


if not TYPE_CHECKING:  # the type checker sees the imports above instead

    def __getattr__(name: str) -> object:
        if name in _ROWS:
            from quizapp.store import rows

            return getattr(rows, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "AnswerRow",
    "AttemptSummary",
    "BankStats",
    "CardRow",
    "QuestionStats",
    "ReviewRow",
    "ScoreStore",
    "StoreError",
    "default_player",
]

#: The player name used when the login name cannot be found.
FALLBACK_PLAYER = "player"


def default_player() -> str:
    """The player to record scores for when none is given: the login name."""
    try:
        name = getpass.getuser().strip()
    except (OSError, KeyError, ImportError):
        # No LOGNAME/USER/... variable and no passwd entry (some containers).
        return FALLBACK_PLAYER
    return name or FALLBACK_PLAYER
