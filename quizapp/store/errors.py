"""`StoreError`, and SQLite's failures turned into sentences for the user."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from quizapp.errors import StoreError as StoreError  # re-exported

# Primary SQLite result codes (extended codes keep these in the low byte).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


#: What a call into SQLite raises when it fails: its own errors, and
#: UnicodeDecodeError when an error message quotes damaged text (a table
#: name in a damaged schema).
SQLITE_ERRORS = (sqlite3.Error, UnicodeDecodeError)
#: What reading a damaged database raises.
READ_ERRORS = (sqlite3.DatabaseError, UnicodeDecodeError)

SqliteFailure = sqlite3.Error | UnicodeDecodeError


def primary_code(exc: SqliteFailure) -> int | None:
    """SQLite's primary result code of ``exc``, if it has one."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_damage(exc: SqliteFailure) -> bool:
    """Whether ``exc`` says the file is damaged or is not a database (a
    damaged header can make SQLite call it an "unsupported file format")."""
    return (
        isinstance(exc, UnicodeDecodeError)
        or primary_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)
        or str(exc) == "unsupported file format"
    )


def store_error(path: Path, exc: SqliteFailure, doing: str) -> StoreError:
    """A `StoreError` saying why ``doing`` (e.g. "could not save to") failed."""
    code = primary_code(exc)
    where = f"the scores database {path}"
    if code == SQLITE_FULL:
        return StoreError(f"{doing} {where}: the disk is full ({exc})", reason="full")
    if code == SQLITE_READONLY:
        return StoreError(f"{doing} {where}: the file is read-only ({exc})", reason="read-only")
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreError(
            f"{doing} {where}: another program kept it locked too long ({exc})", reason="locked"
        )
    if is_damage(exc):
        return StoreError(
            f"{doing} {where}: it is damaged ({exc}); run `quizapp doctor` to repair it",
            reason="damaged",
        )
    if code == SQLITE_IOERR:
        return StoreError(f"{doing} {where}: the disk could not be used ({exc})")
    return StoreError(f"{doing} {where}: {exc}")


def os_error_text(exc: OSError) -> str:
    """An OSError as a short phrase ("No space left on device")."""
    return exc.strerror or str(exc)


def os_store_error(message: str, exc: OSError) -> StoreError:
    """A `StoreError` for a failed file operation: ``message: <why>``."""
    reason = {errno.ENOSPC: "full", errno.EROFS: "read-only", errno.EACCES: "read-only"}
    why = os_error_text(exc)
    return StoreError(f"{message}: {why}", reason=reason.get(exc.errno or 0, "other"))
