"""Moving a database file aside: never deleting, never overwriting.

A damaged database, one written by a newer quizapp, or the one a repair or
a restore replaces is renamed with its ``-wal`` and ``-shm`` files to
``scores.sqlite3.<label>-<local time>`` beside it, and stays there.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from contextlib import suppress
from pathlib import Path

from quizapp.store.errors import StoreError, os_error_text, os_store_error

#: The files SQLite keeps beside a database in WAL mode.
COMPANIONS = ("-wal", "-shm")


def identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``, None if there is none."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def move_aside(
    path: Path, now: dt.datetime, found: tuple[int, int] | None, *, label: str = "damaged"
) -> Path | None:
    """Move ``path`` and its -wal/-shm files to ``<name>.<label>-<time>``.

    Never deletes and never overwrites: when the name is taken, ``-1``,
    ``-2`` ... is appended. Returns None, moving nothing, when ``path`` is no
    longer the file ``found`` identifies: another quizapp starting at the
    same moment has moved it aside already and started a fresh one.
    """
    if found is None or identity(path) != found:
        return None
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    base = path.with_name(f"{path.name}.{label}-{stamp}")
    companions = [s for s in COMPANIONS if Path(f"{path}{s}").exists()]
    for n in range(10_000):
        aside = base if n == 0 else Path(f"{base}-{n}")
        targets = [aside, *(Path(f"{aside}{s}") for s in companions)]
        if any(t.exists() or t.is_symlink() for t in targets):
            continue
        try:
            move_no_overwrite(path, aside)
        except FileExistsError:
            continue
        except FileNotFoundError:
            return None  # moved by another quizapp since the check above
        except OSError as exc:
            raise StoreError(
                f"the scores database {path} could not be moved aside: {os_error_text(exc)}"
            ) from None
        for suffix in companions:
            try:
                move_no_overwrite(Path(f"{path}{suffix}"), Path(f"{aside}{suffix}"))
            except FileNotFoundError:
                continue  # SQLite removed it meanwhile
            except OSError as exc:
                raise StoreError(
                    f"the scores database {path} was moved to {aside} but its {suffix} file "
                    f"could not be: {os_error_text(exc)}"
                ) from None
        return aside
    raise StoreError(f"too many copies of {path} beside it; please remove some")


def move_no_overwrite(source: Path, target: Path) -> None:
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


def remove_scratch(path: Path) -> None:
    """Delete a database quizapp made for its own use (a half-built repair or
    backup) with its journal files; never a user's database."""
    for suffix in ("", "-journal", *COMPANIONS):
        with suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def scratch_file(beside: Path, purpose: str) -> Path:
    """A new empty file in ``beside``'s folder for quizapp to build a database
    in (a repair, a backup); `remove_scratch` deletes it if the work fails."""
    try:
        handle, name = tempfile.mkstemp(dir=beside.parent, prefix=f"{beside.name}.{purpose}-")
    except OSError as exc:
        raise os_store_error(f"cannot write in the folder {beside.parent}", exc) from None
    os.close(handle)
    return Path(name)


def connect_scratch(path: Path) -> sqlite3.Connection:
    """A connection that builds a database in a scratch file: no journal and
    no syncing while it is built (a half-built scratch file is never used);
    `sync` makes it durable before it is given its name."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    return conn


def sync(path: Path) -> None:
    """Flush a finished scratch file to disk."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
