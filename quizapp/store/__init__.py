"""ScoreStore: players, attempts, answers and study cards in SQLite. No Textual here.

WAL mode, one committed transaction per answer, schema versioned with
``PRAGMA user_version`` and migrated forward (`quizapp.store.schema`). A
database that cannot be opened or read is moved aside (never deleted) and a
fresh one started with every row that could still be read; the store
reports that in ``moved_aside`` and ``warning`` so the UI can say so
(`quizapp.store.database`). Rows damaged inside a sound file are left out
of every read and counted in ``damaged_rows`` (`quizapp.store.decode`);
`damaged_rows_notice` is the sentence to tell the user once.

``quizapp doctor`` examines, repairs and restores the database
(`quizapp.store.salvage`, `quizapp.store.backups`); `daily_backup` takes
the day's backup, from a worker thread.

Every datetime the store returns is timezone-aware UTC; a naive datetime
passed in is taken as local time.
"""

from __future__ import annotations

from quizapp.store.backups import daily_backup
from quizapp.store.decode import damaged_rows_notice
from quizapp.store.errors import StoreError
from quizapp.store.rows import (
    AnswerRow,
    AttemptSummary,
    BankStats,
    CardRow,
    QuestionStats,
    ReviewRow,
)
from quizapp.store.schema import SCHEMA_VERSION
from quizapp.store.score_store import ScoreStore

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
    "daily_backup",
    "damaged_rows_notice",
]
