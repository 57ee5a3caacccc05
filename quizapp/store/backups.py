"""Backups of the scores database, kept the way Anki keeps them.

At the first start of a day (`daily_backup`, which the TUI runs in a worker
and which never holds up the first frame) and before a migration or a repair
(`take_backup`), the database is copied with SQLite's online backup API to
``backups/`` beside it: a consistent copy even while quizapp writes to it.
The last `KEEP_DAILY` daily copies are kept, and, older than those, the
newest copy of each of the last `KEEP_WEEKLY` weeks. Copies taken before a
migration or a repair are never pruned.

`restore_backup` puts a backup in the database's place after moving the
current file aside (`quizapp.store.aside`).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from quizapp.store.aside import (
    connect_scratch,
    identity,
    move_aside,
    move_no_overwrite,
    remove_scratch,
    scratch_file,
    sync,
)
from quizapp.store.errors import SQLITE_ERRORS, StoreError, os_store_error, store_error
from quizapp.store.salvage import connect_read_only, examine

#: The folder, beside the database, that holds the backups.
BACKUPS_FOLDER = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
#: Why a backup was taken; the ones other than `DAILY` are never pruned.
DAILY = "daily"
BEFORE_MIGRATION = "before-migration"
BEFORE_REPAIR = "before-repair"

_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z-]+)\.sqlite3\Z")


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file."""

    path: Path
    #: When it was taken, local time (naive, as in its name).
    taken_at: dt.datetime
    #: `DAILY`, `BEFORE_MIGRATION` or `BEFORE_REPAIR`.
    reason: str
    size: int


def backups_folder(db_path: Path) -> Path:
    """Where the backups of the database at ``db_path`` are kept."""
    return db_path.parent / BACKUPS_FOLDER


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of the database at ``db_path``, newest first."""
    folder = backups_folder(db_path)
    found: list[Backup] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _NAME.match(entry.name)
        if match is None or match["stem"] != db_path.stem:
            continue
        try:
            taken_at = dt.datetime.strptime(match["stamp"], _STAMP)
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(Backup(entry, taken_at, match["reason"], size))
    found.sort(key=lambda backup: (backup.taken_at, backup.path.name), reverse=True)
    return found


def take_backup(
    db_path: Path,
    now: dt.datetime,
    reason: str,
    *,
    source: sqlite3.Connection | None = None,
    sound_only: bool = False,
) -> Path:
    """Copy the database to the backups folder; returns the copy's path.

    ``source`` is an open connection to the database to copy from (the
    store's own, before a migration); by default one is opened. With
    ``sound_only``, a copy that fails SQLite's integrity check is not kept
    and `StoreError` (reason ``"damaged"``) raised instead. Raises
    `StoreError` when the copy cannot be made.
    """
    folder = backups_folder(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_store_error(f"cannot create the backups folder {folder}", exc) from None
    target = folder / f"{db_path.stem}-{now.astimezone().strftime(_STAMP)}-{reason}.sqlite3"
    if target.exists():
        return target  # taken this very second for the same reason
    _copy_database(db_path, target, source, sound_only)
    return target


def _copy_database(
    db_path: Path, target: Path, source: sqlite3.Connection | None, sound_only: bool
) -> None:
    """Copy with the online backup API into a scratch file, then give it its name."""
    scratch = scratch_file(target, "copying")
    try:
        try:
            with closing(connect_scratch(scratch)) as copy:
                if source is not None:
                    source.backup(copy)
                else:
                    with closing(connect_read_only(db_path)) as reader:
                        reader.backup(copy)
                problems = _integrity_problems(copy) if sound_only else []
            sync(scratch)
        except SQLITE_ERRORS as exc:
            raise store_error(db_path, exc, "could not copy") from None
        if problems:
            raise StoreError(
                f"the scores database {db_path} is damaged ({problems[0]}); "
                "run `quizapp doctor` to repair it",
                reason="damaged",
            )
        try:
            move_no_overwrite(scratch, target)
        except FileExistsError:
            remove_scratch(scratch)  # another quizapp took the same copy
        except OSError as exc:
            raise os_store_error(f"cannot write the backup {target}", exc) from None
    except BaseException:
        remove_scratch(scratch)
        raise


def _integrity_problems(conn: sqlite3.Connection) -> list[str]:
    found = [str(row[0]) for row in conn.execute("PRAGMA integrity_check(1)")]
    return [] if found == ["ok"] else found


def daily_backup(db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """Today's backup, if none was taken today yet; then prune old ones.

    Returns the new backup, or None when there was nothing to do (a backup
    from today exists, or there is no database yet). Meant to run in a
    worker thread at start-up: it opens its own connection, and runs SQLite's
    full integrity check on the copy, which is too slow for the first frame.
    A damaged database is not backed up (its copy would push sound ones
    out): `StoreError` with reason ``"damaged"`` says to run ``quizapp
    doctor``. Raises `StoreError` too when the copy cannot be made.
    """
    moment = now if now is not None else dt.datetime.now().astimezone()
    today = moment.astimezone().date()
    if not db_path.is_file():
        return None
    if any(b.reason == DAILY and b.taken_at.date() == today for b in list_backups(db_path)):
        return None
    taken = take_backup(db_path, moment, DAILY, sound_only=True)
    prune_backups(db_path)
    return taken


def prune_backups(db_path: Path) -> list[Path]:
    """Delete the daily backups `KEEP_DAILY` and `KEEP_WEEKLY` don't keep; returns them."""
    daily = [b for b in list_backups(db_path) if b.reason == DAILY]
    keep = {b.path for b in daily[:KEEP_DAILY]}
    weeks: set[tuple[int, int]] = set()
    for backup in daily[KEEP_DAILY:]:
        year, week, _ = backup.taken_at.isocalendar()
        if (year, week) not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add((year, week))
            keep.add(backup.path)
    removed = []
    for backup in daily:
        if backup.path not in keep:
            try:
                backup.path.unlink()
            except OSError:
                continue
            removed.append(backup.path)
    return removed


@dataclass(frozen=True, slots=True)
class Restored:
    """A backup put in the database's place."""

    backup: Path
    #: Where the database it replaced was moved; None if there was none.
    aside: Path | None


def restore_backup(db_path: Path, backup: Path, now: dt.datetime) -> Restored:
    """Put a copy of ``backup`` where the database is, moving the current one
    aside (``scores.sqlite3.replaced-<time>``). The backup itself stays.

    Raises `StoreError` when the backup is damaged, was written by a newer
    quizapp, or the files cannot be moved. Quit quizapp before restoring.
    """
    checked = examine(backup)
    if not checked.healthy:
        problems = [*checked.problems, *checked.damaged_rows]
        raise StoreError(f"the backup {backup} cannot be restored: {problems[0]}", reason="damaged")
    scratch = scratch_file(db_path, "restoring")
    try:
        _copy_into(backup, scratch)
        aside = move_aside(db_path, now, identity(db_path), label="replaced")
        if aside is None and db_path.exists():
            raise StoreError(f"{db_path} changed while it was being replaced; try again")
        try:
            move_no_overwrite(scratch, db_path)
        except FileExistsError:
            raise StoreError(
                f"another quizapp created {db_path} while it was being replaced; quit it and "
                "try again"
            ) from None
        except OSError as exc:
            raise os_store_error(f"cannot put the backup at {db_path}", exc) from None
    except BaseException:
        remove_scratch(scratch)
        raise
    return Restored(backup, aside)


def _copy_into(backup: Path, target: Path) -> None:
    try:
        with closing(connect_read_only(backup)) as reader, closing(connect_scratch(target)) as out:
            reader.backup(out)
        sync(target)
    except SQLITE_ERRORS as exc:
        raise store_error(backup, exc, "could not copy") from None
