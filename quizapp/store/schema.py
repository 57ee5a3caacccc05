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
from contextlib import closing
from functools import cache

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

_V4_HISTORY = (
    # The sums of each attempt's answers (Home's scores, History) are read
    # from this index alone, without visiting the answers' rows.
    "CREATE INDEX answers_totals_by_attempt"
    " ON answers(attempt_id, score, max_score, seconds, skipped)",
)

_V5_INTRODUCED = (
    # 1 when the review was a card's first and the card was new; 0 when the
    # card had been studied, or made due by a wrong quiz answer, before; NULL
    # in rows written before v5. Only cards introduced count against the
    # day's new cards.
    "ALTER TABLE reviews ADD COLUMN introduced INTEGER",
)


def _run(statements: Sequence[str]) -> Migration:
    def apply(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return apply


#: v1: players, attempts, answers, settings. v2: study cards and reviews.
#: v3: answers.self_graded. v4: an index for the aggregates of long histories.
#: v5: reviews.introduced (the daily limit counts new cards only).
MIGRATIONS: tuple[Migration, ...] = (
    _run(_V1_SCORES),
    _run(_V2_STUDY),
    _run(_V3_SELF_GRADED),
    _run(_V4_HISTORY),
    _run(_V5_INTRODUCED),
)

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


# ------------------------------------------------------------------ checking a schema


#: Per table: column name -> (declared type, NOT NULL, part of the primary key),
#: the column sets that are unique (the upserts rely on them), and the
#: columns an INSERT must fill (NOT NULL without a default).
_Shape = dict[str, tuple[dict[str, tuple[str, bool, bool]], set[tuple[str, ...]], set[str]]]


def _shape(conn: sqlite3.Connection) -> _Shape:
    tables = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    shape: _Shape = {}
    for table in tables:
        info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        columns = {
            str(name): (str(kind).upper(), bool(notnull), bool(pk))
            for _, name, kind, notnull, _default, pk in info
        }
        required = {
            str(name) for _, name, _, notnull, default, pk in info if notnull and default is None
        }
        unique = {
            tuple(str(info[2]) for info in conn.execute(f'PRAGMA index_info("{index[1]}")'))
            for index in conn.execute(f'PRAGMA index_list("{table}")')
            if index[2]
        }
        shape[table] = (columns, unique, required)
    return shape


@cache
def _expected_shape(version: int) -> _Shape:
    """The tables the migrations up to ``version`` create (computed once per version)."""
    with closing(sqlite3.connect(":memory:")) as conn:
        for step in MIGRATIONS[:version]:
            step(conn)
        return _shape(conn)


def schema_damage(conn: sqlite3.Connection, version: int) -> str | None:
    """What makes a database at ``version`` (at most `SCHEMA_VERSION`) unusable:
    a negative version, tables without a version, or `schema_problem`."""
    if version < 0:
        return f"a schema version of {version}"
    if version == 0:
        has_tables = conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None
        return "tables without a schema version" if has_tables else None
    return schema_problem(conn, version)


def schema_problem(conn: sqlite3.Connection, version: int) -> str | None:
    """What is wrong with the tables of a database at schema ``version``
    (1 to `SCHEMA_VERSION`), or None when quizapp can read and write them.

    Extra tables, and extra columns that may be left empty, are fine: only
    what quizapp's own statements rely on is checked.
    """
    actual = _shape(conn)
    for table, (columns, unique, _) in _expected_shape(version).items():
        if table not in actual:
            return f"the {table} table is missing"
        found_columns, found_unique, found_required = actual[table]
        for name, kind in columns.items():
            if name not in found_columns:
                return f"the {table} table has no {name} column"
            if found_columns[name] != kind:
                return f"the {name} column of the {table} table was changed"
        missing = unique - found_unique
        if missing:
            return f"the {table} table lost its unique index on {', '.join(sorted(missing)[0])}"
        unknown = sorted(found_required - columns.keys())
        if unknown:
            return f"the {table} table has an unknown required column {unknown[0]}"
    return None
