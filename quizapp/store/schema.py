"""The database schema as an ordered list of migrations.

``MIGRATIONS[n]`` takes a database from ``PRAGMA user_version`` n to n + 1.
`migrate` applies the missing ones in a single ``BEGIN IMMEDIATE``
transaction, so a crash mid-migration leaves the old version intact and two
processes opening a new database at once migrate it exactly once. Never edit
a released migration; append a new one.

Timestamps are ISO 8601 UTC text with microseconds (fixed width, so text
order is time order). Lists and option dicts are JSON text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

Migration = Callable[[sqlite3.Connection], None]

_V1_SCORES = (
    """CREATE TABLE players (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        player_id INTEGER NOT NULL REFERENCES players(id),
        bank_id TEXT NOT NULL,
        bank_title TEXT NOT NULL,
        question_ids TEXT NOT NULL,
        options TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT
    )""",
    "CREATE INDEX attempts_by_player_bank ON attempts(player_id, bank_id, started_at)",
    """CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        given TEXT NOT NULL,
        score REAL NOT NULL,
        max_score REAL NOT NULL,
        seconds REAL NOT NULL,
        near_miss INTEGER NOT NULL,
        skipped INTEGER NOT NULL,
        tags TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        UNIQUE (attempt_id, question_id)
    )""",
    "CREATE INDEX answers_by_question ON answers(bank_id, question_id)",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
)

_V2_STUDY = (
    """CREATE TABLE cards (
        player_id INTEGER NOT NULL REFERENCES players(id),
        bank_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        state TEXT NOT NULL,
        due TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (player_id, bank_id, card_id)
    )""",
    "CREATE INDEX cards_by_due ON cards(player_id, bank_id, due)",
    """CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        player_id INTEGER NOT NULL REFERENCES players(id),
        bank_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        reviewed_at TEXT NOT NULL,
        log TEXT NOT NULL,
        cram INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX reviews_by_card ON reviews(player_id, bank_id, card_id, reviewed_at)",
)


_V3_SELF_GRADED = (
    # 1 when the student graded the answer themself (an open question).
    "ALTER TABLE answers ADD COLUMN self_graded INTEGER NOT NULL DEFAULT 0",
)


def _run(statements: Sequence[str]) -> Migration:
    def apply(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return apply


#: v1: players, attempts, answers, settings. v2: study cards and reviews.
#: v3: answers.self_graded.
MIGRATIONS: tuple[Migration, ...] = (_run(_V1_SCORES), _run(_V2_STUDY), _run(_V3_SELF_GRADED))

#: The schema version this quizapp writes and understands.
SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchemaError(Exception):
    """The database was written by a newer quizapp."""

    def __init__(self, version: int) -> None:
        super().__init__(f"schema version {version}; this quizapp knows up to {SCHEMA_VERSION}")
        self.version = version


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version stored in the database header."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the database to `SCHEMA_VERSION` in one transaction.

    ``conn`` must be in autocommit mode (``isolation_level=None``). Raises
    `NewerSchemaError` when the database is newer than this code.
    """
    if user_version(conn) == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have migrated.
        version = user_version(conn)
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(version)
        for step in MIGRATIONS[version:]:
            step(conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
