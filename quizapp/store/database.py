"""Opening the scores database: pragmas, health checks, moving a damaged file aside.

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
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import NamedTuple

from quizapp.store.schema import SCHEMA_VERSION, NewerSchemaError, migrate, user_version

#: Seconds a writer waits for another process's transaction to finish.
BUSY_TIMEOUT_SECONDS = 30.0
#: Tries at opening before a failure that is not damage reaches the user.
OPEN_ATTEMPTS = 5

# Primary SQLite result codes (extended codes keep these in the low byte).
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class StoreError(Exception):
    """The scores database cannot be used; the message says why, for a user."""


class _DamagedError(Exception):
    """The file is not a usable scores database; ``reason`` says why."""

    def __init__(self, reason: str, *, newer: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.newer = newer
        #: (device, inode) of the file found damaged, None if there was none.
        self.identity: tuple[int, int] | None = None


class Opened(NamedTuple):
    """A ready connection, and what happened to a damaged file if there was one.

    A named tuple: a frozen dataclass would generate three methods at every
    start of quizapp.
    """

    conn: sqlite3.Connection
    moved_aside: Path | None = None
    warning: str | None = None


def open_database(path: Path, now: dt.datetime) -> Opened:
    """Open, check and migrate the database at ``path``.

    A file that is not a database, is damaged, or was written by a newer
    quizapp is moved aside and a fresh database started. Anything else that
    stops us (permissions, a folder in the way, a full disk) raises
    `StoreError`.
    """
    _prepare_location(path)
    try:
        return Opened(_connect(path))
    except _DamagedError as damage:
        aside = _move_aside(path, now, damage.identity)
        what = (
            f"was written by a newer quizapp ({damage.reason})"
            if damage.newer
            else f"could not be read ({damage.reason})"
        )
    try:
        conn = _connect(path)
    except _DamagedError as damage:
        # Only possible if another program put a bad file there meanwhile.
        raise StoreError(f"cannot start a fresh scores database at {path}: {damage}") from None
    if aside is None:  # another quizapp moved the file aside first and says so
        return Opened(conn)
    warning = f"The scores database {what}; it was moved to {aside} and a fresh one started."
    return Opened(conn, aside, warning)


def _prepare_location(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the folder for the scores database {path.parent}: {exc.strerror or exc}"
        ) from None
    if path.is_dir():
        raise StoreError(f"the scores database {path} is a folder, not a file")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(f"cannot read and write the scores database {path}: permission denied")
    # WAL needs to create the -wal and -shm files next to the database.
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(f"cannot write in the folder {path.parent}: permission denied")


def _connect(path: Path) -> sqlite3.Connection:
    """A checked, migrated connection in autocommit mode, or `_DamagedError`.

    Another quizapp may be creating the database at this very moment (the
    file exists, its WAL files not yet), which SQLite reports as a failure to
    open: such failures are tried again briefly before they reach the user.
    """
    identity = _identity(path)
    for attempt in range(1, OPEN_ATTEMPTS + 1):
        try:
            with _sqlite_errors(path):
                _check_read_only(path)
            return _open_read_write(path)
        except _DamagedError as damage:
            damage.identity = identity
            raise
        except StoreError:
            if attempt == OPEN_ATTEMPTS:
                raise
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


def _open_read_write(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the scores database {path}: {exc}") from None
    try:
        with _sqlite_errors(path):
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _check_read_only(path: Path) -> None:
    """Raise `_DamagedError` if the file at ``path`` is not a sound database
    this quizapp can use.

    The check uses a read-only connection: a read-write one would, on
    closing, delete the -wal file of a damaged database or checkpoint it into
    the damaged file, and the copy moved aside must be left as it was found.
    """
    if not path.exists() or path.stat().st_size == 0:
        return  # SQLite treats an empty file as an empty database
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)) as conn:
        version = user_version(conn)
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(version)
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
    except sqlite3.Error as exc:
        if _is_damage(exc):
            raise _DamagedError(str(exc)) from None
        raise StoreError(f"cannot open the scores database {path}: {exc}") from None


def _is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_dev, stat.st_ino


def _move_aside(path: Path, now: dt.datetime, identity: tuple[int, int] | None) -> Path | None:
    """Move ``path`` and its -wal/-shm files to a new timestamped name.

    Never deletes and never overwrites: when the name is taken, ``-1``,
    ``-2`` ... is appended. Returns None, moving nothing, when ``path`` is no
    longer the file found damaged (``identity``): another quizapp starting at
    the same moment has moved it aside already and started a fresh one.
    """
    if identity is None or _identity(path) != identity:
        return None
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    base = path.with_name(f"{path.name}.damaged-{stamp}")
    companions = [s for s in ("-wal", "-shm") if Path(f"{path}{s}").exists()]
    for n in range(10_000):
        aside = base if n == 0 else Path(f"{base}-{n}")
        targets = [aside, *(Path(f"{aside}{s}") for s in companions)]
        if any(t.exists() or t.is_symlink() for t in targets):
            continue
        try:
            _move_no_overwrite(path, aside)
        except FileExistsError:
            continue
        except FileNotFoundError:
            return None  # moved by another quizapp since the check above
        except OSError as exc:
            raise StoreError(
                f"the scores database {path} is damaged and could not be moved aside: "
                f"{exc.strerror or exc}"
            ) from None
        for suffix in companions:
            try:
                _move_no_overwrite(Path(f"{path}{suffix}"), Path(f"{aside}{suffix}"))
            except OSError as exc:
                raise StoreError(
                    f"the scores database {path} was moved to {aside} but its {suffix} file "
                    f"could not be: {exc.strerror or exc}"
                ) from None
        return aside
    raise StoreError(f"too many damaged copies next to {path}; please remove some")


def _move_no_overwrite(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target``, failing with FileExistsError if it exists."""
    try:
        # A hard link fails atomically when the target exists, unlike rename.
        os.link(source, target)
    except (FileExistsError, FileNotFoundError):
        raise
    except OSError:
        # Filesystems without hard links: check, then rename.
        if target.exists():
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    os.unlink(source)
