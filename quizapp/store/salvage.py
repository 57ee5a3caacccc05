"""Reading what can be read of a damaged scores database.

`examine` is what ``quizapp doctor`` reports: SQLite's integrity check, the
schema, and every row of every table decoded (`quizapp.store.decode`).
`salvage` copies every sound row into a fresh database, and `rebuild` puts
that copy in the damaged file's place, moving the damaged file aside.

Damage can make SQLite fail in the middle of a table ("database disk image
is malformed"). Tables are read in rowid order, and a stretch that cannot be
read is stepped over by seeking past it, so the rows after it are kept.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Sequence
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from quizapp.store.aside import (
    connect_scratch,
    move_aside,
    move_no_overwrite,
    remove_scratch,
    scratch_file,
    sync,
)
from quizapp.store.decode import TABLES, DamagedRow, DamageLog, check_row, text_factory
from quizapp.store.errors import (
    READ_ERRORS,
    SQLITE_ERRORS,
    StoreError,
    os_error_text,
    os_store_error,
    store_error,
)
from quizapp.store.schema import SCHEMA_VERSION, migrate, schema_damage, user_version
from quizapp.store.timestamps import to_db

#: Rowids are signed 64-bit integers.
_MAX_ROWID = 2**63 - 1
#: Damaged stretches `read_table` steps over in one table before giving up.
_MAX_PASSES = 1000
#: How many integrity-check messages `examine` keeps.
_INTEGRITY_MESSAGES = 20
#: Columns that point at another table's ``id``: a row whose player is lost
#: gets a stand-in player; an answer whose attempt is lost is lost with it.
_PLAYER_COLUMN = "player_id"
_ATTEMPT_COLUMN = "attempt_id"

Row = tuple[object, ...]


def connect_read_only(
    path: Path, *, timeout: float = 30.0, lenient: bool = False
) -> sqlite3.Connection:
    """A connection that reads ``path`` without changing it; damaged text is
    returned as `quizapp.store.decode.BadText`.

    ``lenient`` reads on past a damaged schema (say, an index whose pages
    were cut off), to get at the tables: for examining and salvaging only.
    """
    uri = f"{Path(os.path.abspath(path)).as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=timeout)
    conn.text_factory = text_factory
    if lenient:
        conn.execute("PRAGMA writable_schema = ON")  # harmless: the connection is read-only
    return conn


def read_table(
    conn: sqlite3.Connection, table: str, columns: Sequence[str]
) -> tuple[list[Row], bool]:
    """Every readable row of ``table`` as ``(rowid, *columns)``, in rowid order,
    and whether some stretch of it could not be read."""
    names = ", ".join(f'"{c}"' for c in columns)
    select = f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid'
    rows: list[Row] = []
    # Every rowid up to `last` has been read or given up; damage can make the
    # b-tree hand out keys out of order, so each pass must move `last` on.
    last = -_MAX_ROWID - 1
    for _ in range(_MAX_PASSES):
        try:
            for row in conn.execute(select, (last,)):
                if _rowid(row) > last:
                    rows.append(tuple(row))
                    last = _rowid(row)
        except READ_ERRORS:
            skip_to = _past_damage(conn, table, last)
            if skip_to is None:
                break
            last = max(skip_to, last + 1)
        else:
            return rows, False
    return rows, True


def _rowid(row: Row) -> int:
    rowid = row[0]
    assert isinstance(rowid, int), "SQLite rowids are integers"
    return rowid


def _past_damage(conn: sqlite3.Connection, table: str, last: int) -> int | None:
    """Reading the rows after rowid ``last`` failed: the rowid to go on after
    (the unreadable row, or the end of an unreadable stretch), or None when
    nothing after it can be reached."""
    probe = f'SELECT rowid FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1'

    def first_after(rowid: int) -> int | None:
        """The first rowid after ``rowid`` (None: no more rows); raises on damage."""
        row = conn.execute(probe, (rowid,)).fetchone()
        return None if row is None else int(row[0])

    with suppress(*READ_ERRORS):
        # The next row can be found but not read: step over that one row.
        return first_after(last)
    # A stretch cannot even be sought: double the jump until a seek works,
    # then narrow it down so that no readable row after the stretch is missed.
    failing, step = last, 1
    while True:
        if last + step >= _MAX_ROWID:
            return None
        try:
            found = first_after(last + step)
        except READ_ERRORS:
            failing = last + step
            step *= 2
        else:
            break
    working = last + step
    while working - failing > 1:
        middle = (failing + working) // 2
        try:
            found = first_after(middle)
        except READ_ERRORS:
            failing = middle
        else:
            working = middle
    return None if found is None else working


def present_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns `TABLES` knows for ``table`` that the file has ([] if no table)."""
    found = {str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")')}
    return [name for name in TABLES[table] if name in found]


# ------------------------------------------------------------------ examining


@dataclass(frozen=True, slots=True)
class TableCheck:
    """How one table of the database reads."""

    table: str
    #: Rows read (sound and damaged).
    rows: int
    damaged: int
    #: Some stretch of the table could not be read at all.
    unreadable: bool = False
    #: The table is not in the file.
    missing: bool = False


@dataclass(frozen=True, slots=True)
class Examination:
    """What `examine` found in a scores database."""

    path: Path
    size: int
    #: ``PRAGMA user_version``; None when the file could not be read at all.
    version: int | None
    #: Problems with the file as a whole: integrity check, schema, version.
    problems: tuple[str, ...]
    tables: tuple[TableCheck, ...]
    #: The first damaged rows, described.
    damaged_rows: tuple[str, ...]
    #: Written by a newer quizapp: not examined further, not to be repaired.
    newer: bool = False

    @property
    def damaged(self) -> int:
        """Damaged rows in every table."""
        return sum(table.damaged for table in self.tables)

    @property
    def healthy(self) -> bool:
        """Nothing wrong was found."""
        return not self.problems and self.damaged == 0 and not self.newer


def examine(path: Path) -> Examination:
    """Check the database at ``path`` without changing it (see `Examination`).

    Raises `StoreError` when the file cannot be opened at all (permissions).
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {os_error_text(exc)}") from None
    try:
        conn = connect_read_only(path, lenient=True)
    except SQLITE_ERRORS as exc:
        raise StoreError(f"cannot open the scores database {path}: {exc}") from None
    with closing(conn):
        try:
            version = user_version(conn)
        except READ_ERRORS as exc:
            return Examination(path, size, None, (f"not a readable database: {exc}",), (), ())
        if version > SCHEMA_VERSION:
            newer = f"written by a newer quizapp (schema version {version})"
            return Examination(path, size, version, (newer,), (), (), newer=True)
        problems = [_integrity(conn), _schema(conn, version)]
        damage = DamageLog()
        tables = tuple(_check_table(conn, table, damage) for table in TABLES)
    return Examination(
        path,
        size,
        version,
        tuple(p for p in problems if p is not None),
        tables,
        tuple(damage.problems),
    )


def _integrity(conn: sqlite3.Connection) -> str | None:
    try:
        check = f"PRAGMA integrity_check({_INTEGRITY_MESSAGES})"
        found = [str(row[0]) for row in conn.execute(check)]
    except READ_ERRORS as exc:
        return f"integrity check failed: {exc}"
    if found == ["ok"]:
        return None
    lines = [line for text in found for line in text.splitlines() if not line.startswith("***")]
    return "integrity check: " + "; ".join(lines)


def _schema(conn: sqlite3.Connection, version: int) -> str | None:
    try:
        problem = schema_damage(conn, version)
    except READ_ERRORS as exc:
        return f"the schema cannot be read: {exc}"
    return None if problem is None else f"schema: {problem}"


def _check_table(conn: sqlite3.Connection, table: str, damage: DamageLog) -> TableCheck:
    try:
        columns = present_columns(conn, table)
    except READ_ERRORS:
        return TableCheck(table, 0, 0, unreadable=True)
    if not columns:
        return TableCheck(table, 0, 0, missing=True)
    rows, unreadable = read_table(conn, table, columns)
    for row in rows:
        try:
            check_row(table, columns, row[1:])
        except DamagedRow as problem:
            damage.add(table, _rowid(row), str(problem))
    damaged = sum(1 for key in damage.rows if key[0] == table)
    return TableCheck(table, len(rows), damaged, unreadable)


# ------------------------------------------------------------------ copying the sound rows


@dataclass(frozen=True, slots=True)
class TableCount:
    """What a salvage did with one table."""

    table: str
    kept: int
    lost: int
    #: Some stretch could not be read: rows in it are lost and uncounted.
    unreadable: bool = False


@dataclass(frozen=True, slots=True)
class Salvage:
    """What `salvage` copied."""

    tables: tuple[TableCount, ...]
    #: Why nothing at all could be read, if so.
    problem: str | None = None

    @property
    def kept(self) -> int:
        """Rows copied."""
        return sum(t.kept for t in self.tables)

    @property
    def lost(self) -> int:
        """Rows read but not copied (damaged, or part of something damaged)."""
        return sum(t.lost for t in self.tables)

    @property
    def unreadable(self) -> bool:
        """Some stretch of some table could not be read."""
        return any(t.unreadable for t in self.tables)


def salvage(source: Path, target: Path, now: dt.datetime) -> Salvage:
    """Copy every sound row of ``source`` into a new database at ``target``.

    ``target`` gets the current schema. Rows keep their ids. A sound row
    whose player is lost gets a stand-in player ("recovered player 3"); an
    answer whose attempt is lost is lost too. ``source`` is only read.
    """
    with closing(connect_scratch(target)) as out:
        out.execute("PRAGMA foreign_keys = ON")
        migrate(out)
        try:
            conn = connect_read_only(source, lenient=True)
        except SQLITE_ERRORS as exc:
            return Salvage((), f"cannot open it: {exc}")
        with closing(conn):
            try:
                conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
            except READ_ERRORS as exc:
                return Salvage((), str(exc))
            out.execute("BEGIN")
            copier = _Copier(conn, out, to_db(now))
            counts = tuple(copier.copy(table) for table in TABLES)
            out.execute("COMMIT")
    sync(target)
    return Salvage(tuple(c for c in counts if c is not None))


class _Copier:
    """Copies tables in `TABLES` order, remembering which ids were kept."""

    def __init__(self, source: sqlite3.Connection, target: sqlite3.Connection, now: str) -> None:
        self.source = source
        self.target = target
        self.now = now
        self.players: set[int] = set()
        self.attempts: set[int] = set()

    def copy(self, table: str) -> TableCount | None:
        try:
            columns = present_columns(self.source, table)
        except READ_ERRORS:
            return TableCount(table, 0, 0, unreadable=True)
        if not columns:
            return None
        rows, unreadable = read_table(self.source, table, columns)
        insert = (
            f'INSERT INTO "{table}" ({", ".join(columns)})'
            f" VALUES ({', '.join('?' for _ in columns)})"
        )
        kept = sum(1 for row in rows if self._copy_row(table, columns, row[1:], insert))
        return TableCount(table, kept, len(rows) - kept, unreadable)

    def _copy_row(
        self, table: str, columns: Sequence[str], values: Sequence[object], insert: str
    ) -> bool:
        try:
            check_row(table, columns, values)
        except DamagedRow:
            return False
        record = dict(zip(columns, values, strict=True))
        if table == "answers" and record.get(_ATTEMPT_COLUMN) not in self.attempts:
            return False
        player = record.get(_PLAYER_COLUMN)
        if isinstance(player, int) and player not in self.players:
            self._stand_in_player(player)
        try:
            self.target.execute(insert, tuple(values))
        except sqlite3.IntegrityError:
            return False
        row_id = record.get("id")
        if table == "players" and isinstance(row_id, int):
            self.players.add(row_id)
        if table == "attempts" and isinstance(row_id, int):
            self.attempts.add(row_id)
        return True

    def _stand_in_player(self, player_id: int) -> None:
        for n in range(1, 1000):
            name = f"recovered player {player_id}" + (f" ({n})" if n > 1 else "")
            try:
                self.target.execute(
                    "INSERT INTO players (id, name, created_at) VALUES (?, ?, ?)",
                    (player_id, name, self.now),
                )
            except sqlite3.IntegrityError:
                continue
            self.players.add(player_id)
            return


@dataclass(frozen=True, slots=True)
class Rebuilt:
    """A damaged database replaced by the copy of its sound rows."""

    #: Where the damaged file was moved.
    aside: Path
    salvage: Salvage
    #: False when another program created a new database in its place
    #: meanwhile: the copy was then dropped (the damaged file still has it all).
    placed: bool = True


def rebuild(
    path: Path, now: dt.datetime, found: tuple[int, int] | None, *, label: str = "damaged"
) -> Rebuilt | None:
    """Replace the database at ``path`` by a copy of its sound rows.

    The copy is built beside it first; then the file is moved aside (see
    `quizapp.store.aside.move_aside`, which returns None when another
    quizapp got there first: then nothing is done and None returned) and the
    copy takes its place.
    """
    scratch = scratch_file(path, "rebuilding")
    try:
        try:
            result = salvage(path, scratch, now)
        except SQLITE_ERRORS as exc:
            raise store_error(path, exc, "could not write a repaired copy of") from None
        aside = move_aside(path, now, found, label=label)
        if aside is None:
            remove_scratch(scratch)
            return None
        try:
            move_no_overwrite(scratch, path)
        except FileExistsError:
            remove_scratch(scratch)
            return Rebuilt(aside, result, placed=False)
        except OSError as exc:
            raise os_store_error(f"could not put the repaired copy at {path}", exc) from None
    except BaseException:
        remove_scratch(scratch)
        raise
    return Rebuilt(aside, result)
