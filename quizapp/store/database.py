"""Opening the scores database: pragmas, health checks, replacing a damaged file.

Durability: WAL journal with ``synchronous=FULL``. Every answer is its own
committed transaction and the WAL is flushed to disk at each commit, so an
answer survives not only a killed process (which WAL with ``NORMAL`` would
already guarantee) but also a power cut or an OS crash. The price is one
fsync per answer: well under a millisecond on an SSD, a few on slow disks
(``benchmarks/bench_store.py`` measures it), which nobody notices at the
pace people answer questions.

Concurrency: a busy timeout makes a second process wait for the write lock
instead of failing, and writes start with ``BEGIN IMMEDIATE`` so two
writers never deadlock upgrading a read lock.

Damage: a file that is not a database, fails SQLite's quick check, or whose
schema quizapp cannot use (a negative ``user_version``, a dropped table) is
moved aside, never deleted, and a fresh database takes its place holding
every row that could still be read (`quizapp.store.salvage`). So is a file
written by a newer quizapp, keeping the tables this one knows. A ``-wal`` file deleted or
garbled after a crash is noticed, and the user told that the latest answers
may be missing.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import stat
import struct
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from quizapp.store.aside import identity
from quizapp.store.backups import BEFORE_MIGRATION, take_backup
from quizapp.store.decode import text_factory
from quizapp.store.errors import SQLITE_ERRORS, StoreError, is_damage, os_error_text
from quizapp.store.salvage import connect_read_only, rebuild
from quizapp.store.schema import (
    SCHEMA_VERSION,
    NewerSchemaError,
    migrate,
    schema_damage,
    user_version,
)

__all__ = ["BUSY_TIMEOUT_SECONDS", "Opened", "StoreError", "open_database"]

#: Seconds a writer waits for another process's transaction to finish.
BUSY_TIMEOUT_SECONDS = 30.0
#: Tries at opening before a failure that is not damage reaches the user.
OPEN_ATTEMPTS = 5


class _DamagedError(Exception):
    """The file is not a usable scores database; ``reason`` says why."""

    def __init__(self, reason: str, *, newer: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.newer = newer
        #: (device, inode) of the file found damaged, None if there was none.
        self.identity: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Opened:
    """A ready connection, and what the user must be told about opening it."""

    conn: sqlite3.Connection
    #: Where a damaged or newer database was moved, if one was.
    moved_aside: Path | None = None
    #: Sentences for the user (a file moved aside, recent answers missing).
    warning: str | None = None


def open_database(path: Path, now: dt.datetime) -> Opened:
    """Open, check and migrate the database at ``path``.

    A damaged database is replaced by the rows that could be read, a newer
    one moved aside as it is (see the module's docstring). Anything else
    that stops us (permissions, a folder in the way, a symbolic link loop, a
    full disk) raises `StoreError`.
    """
    _prepare_location(path)
    wal = _read_wal_index(path)  # before any connection rebuilds it
    notes: list[str] = []
    try:
        conn = _connect(path, now, notes, wal)
    except _DamagedError as damage:
        return _replace_damaged(path, now, damage)
    return Opened(conn, None, " ".join(notes) or None)


def _replace_damaged(path: Path, now: dt.datetime, damage: _DamagedError) -> Opened:
    # A newer quizapp's file is salvaged too: the tables this quizapp knows
    # are kept, and a "newer" version may as well be a damaged byte.
    rebuilt = rebuild(path, now, damage.identity)
    aside = rebuilt.aside if rebuilt is not None else None
    if damage.newer:
        what = f"was written by a newer quizapp ({damage.reason})"
        records = "records this quizapp can read"
    else:
        what = f"could not be read ({damage.reason})"
        records = "records that could still be read"
    notes: list[str] = []
    try:
        conn = _connect(path, now, notes)
    except _DamagedError as again:
        # Only possible if another program put a bad file there meanwhile.
        raise StoreError(
            f"cannot start a fresh scores database at {path}: {again}", reason="damaged"
        ) from None
    if aside is None:  # another quizapp moved the file aside first and says so
        return Opened(conn)
    if rebuilt is not None and rebuilt.placed and rebuilt.salvage.kept:
        kept, lost = rebuilt.salvage.kept, rebuilt.salvage.lost
        warning = (
            f"The scores database {what}; it was moved to {aside} and a fresh one started "
            f"with the {kept} {records}"
            + (f" ({lost} damaged records were left out)." if lost else ".")
        )
    else:
        warning = f"The scores database {what}; it was moved to {aside} and a fresh one started."
    return Opened(conn, aside, " ".join([warning, *notes]))


def _prepare_location(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as exc:
        why = os_error_text(exc) if isinstance(exc, OSError) else str(exc)
        raise StoreError(
            f"cannot create the folder for the scores database {path.parent}: {why}"
        ) from None
    try:
        found = os.stat(path)
    except FileNotFoundError:
        found = None
    except (OSError, ValueError) as exc:
        if isinstance(exc, OSError) and exc.errno == errno.ELOOP:
            raise StoreError(
                f"the scores database {path} is a symbolic link that leads back to itself"
            ) from None
        why = os_error_text(exc) if isinstance(exc, OSError) else str(exc)
        raise StoreError(f"cannot use the scores database {path}: {why}") from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise StoreError(f"the scores database {path} is a folder, not a file")
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise StoreError(f"the scores database {path} is not a regular file")
    if found is not None and not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(
            f"cannot read and write the scores database {path}: permission denied",
            reason="read-only",
        )
    # WAL needs to create the -wal and -shm files next to the database.
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(
            f"cannot write in the folder {path.parent}: permission denied", reason="read-only"
        )


def _connect(
    path: Path, now: dt.datetime, notes: list[str], wal: _WalIndex | None = None
) -> sqlite3.Connection:
    """A checked, migrated connection in autocommit mode, or `_DamagedError`.

    Another quizapp may be creating the database at this very moment (the
    file exists, its WAL files not yet), which SQLite reports as a failure to
    open: such failures are tried again briefly before they reach the user.
    """
    found = identity(path)
    for attempt in range(1, OPEN_ATTEMPTS + 1):
        try:
            with _sqlite_errors(path):
                _check_read_only(path)
            return _open_read_write(path, now, notes, wal)
        except _DamagedError as damage:
            damage.identity = found
            raise
        except StoreError:
            if attempt == OPEN_ATTEMPTS:
                raise
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


def _open_read_write(
    path: Path, now: dt.datetime, notes: list[str], wal: _WalIndex | None
) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
    except SQLITE_ERRORS as exc:
        raise StoreError(f"cannot open the scores database {path}: {exc}") from None
    conn.text_factory = text_factory
    try:
        with _sqlite_errors(path):
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            # Before anything is written: a write restarts the -wal file.
            wal_lost = _wal_frames_lost(conn, path, wal)
            if 0 < user_version(conn) < SCHEMA_VERSION:
                _back_up_before_migration(path, now, conn, notes)
            migrate(conn)
    except BaseException:
        conn.close()
        raise
    if wal_lost:
        notes.insert(
            0,
            f"Recent answers may be missing: the journal of the scores database "
            f"({path.name}-wal) was deleted or damaged after quizapp last stopped.",
        )
    return conn


def _back_up_before_migration(
    path: Path, now: dt.datetime, conn: sqlite3.Connection, notes: list[str]
) -> None:
    try:
        take_backup(path, now, BEFORE_MIGRATION, source=conn)
    except StoreError as exc:
        notes.append(f"No backup could be taken before upgrading the scores database ({exc}).")


def _check_read_only(path: Path) -> None:
    """Raise `_DamagedError` if the file at ``path`` is not a sound database
    this quizapp can use.

    The check uses a read-only connection: a read-write one would, on
    closing, delete the -wal file of a damaged database or checkpoint it into
    the damaged file, and the copy moved aside must be left as it was found.
    """
    if not path.exists() or path.stat().st_size == 0:
        return  # SQLite treats an empty file as an empty database
    with closing(connect_read_only(path, timeout=BUSY_TIMEOUT_SECONDS)) as conn:
        version = user_version(conn)
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(version)
        problem = schema_damage(conn, version)
        if problem is not None:
            raise _DamagedError(problem)
        problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"]:
        raise _DamagedError(f"integrity check failed: {problems[0]}")


@contextmanager
def _sqlite_errors(path: Path) -> Iterator[None]:
    """Turn SQLite errors into `_DamagedError` (damage, newer schema) or `StoreError`."""
    try:
        yield
    except NewerSchemaError as exc:
        raise _DamagedError(str(exc), newer=True) from None
    except SQLITE_ERRORS as exc:
        if is_damage(exc):
            raise _DamagedError(str(exc)) from None
        raise StoreError(f"cannot open the scores database {path}: {exc}") from None


# ------------------------------------------------------------------ a lost -wal file

#: The wal-index header at the start of the -shm file (see SQLite's wal.c):
#: version, unused, change counter, isInit, big-endian checksums, page size,
#: mxFrame (the last valid frame), page count, frame checksum (2), salts (2).
_WAL_INDEX = struct.Struct("=IIIBBHIIII8s")
_WAL_INDEX_VERSION = 3007000
_WAL_MAGIC = (0x377F0682, 0x377F0683)


@dataclass(frozen=True, slots=True)
class _WalIndex:
    """What the -shm file said about the -wal file before quizapp opened it."""

    frames: int
    copied: int
    salts: bytes


def _read_wal_index(path: Path) -> _WalIndex | None:
    """The -shm file's record of the -wal file; None when absent or unreadable.

    A database closed cleanly has no -shm file. One left by a crash records
    how many frames the -wal file held and how many were already copied into
    the database, which tells whether frames vanished since.
    """
    try:
        with open(f"{path}-shm", "rb") as shm:
            data = shm.read(136)
    except OSError:
        return None
    if len(data) < 136 or data[:48] != data[48:96]:
        return None
    version, _, _, initialised, _, _, frames, _, _, _, salts = _WAL_INDEX.unpack(data[:40])
    if version != _WAL_INDEX_VERSION or not initialised:
        return None
    (copied,) = struct.unpack_from("=I", data, 96)
    return _WalIndex(frames, copied, salts)


def _wal_frames_lost(conn: sqlite3.Connection, path: Path, before: _WalIndex | None) -> bool:
    """Whether commits the -shm file knew of, not yet in the database file, are
    gone from the -wal file (deleted, truncated or garbled)."""
    if before is None or before.frames <= before.copied:
        return False
    try:
        row = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except SQLITE_ERRORS:
        return False
    if row is None or int(row[1]) >= before.frames:
        return False
    header = _wal_header(path)
    # A valid header with other salts: another quizapp restarted the -wal
    # file meanwhile, after copying its frames into the database.
    return header is None or header[16:24] == before.salts


def _wal_header(path: Path) -> bytes | None:
    """The -wal file's 32-byte header if it is intact, else None."""
    try:
        with open(f"{path}-wal", "rb") as wal:
            header = wal.read(32)
    except OSError:
        return None
    if len(header) < 32:
        return None
    magic, version = struct.unpack(">II", header[:8])
    if magic not in _WAL_MAGIC or version != _WAL_INDEX_VERSION:
        return None
    order = ">" if magic & 1 else "<"
    words = struct.unpack(f"{order}6I", header[:24])
    first = second = 0
    for index in range(0, 6, 2):
        first = (first + words[index] + second) & 0xFFFFFFFF
        second = (second + words[index + 1] + first) & 0xFFFFFFFF
    return header if struct.unpack(">II", header[24:32]) == (first, second) else None
