"""``quizapp doctor --repair``: back up, then rebuild the database from its sound rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from quizapp.store.aside import identity
from quizapp.store.backups import BEFORE_REPAIR, take_backup
from quizapp.store.errors import StoreError
from quizapp.store.salvage import Rebuilt, rebuild


@dataclass(frozen=True, slots=True)
class Repair:
    """What `repair_database` did."""

    rebuilt: Rebuilt
    #: The backup taken first; None when none could be taken (``backup_problem``).
    backup: Path | None
    backup_problem: str | None = None


def repair_database(path: Path, now: dt.datetime) -> Repair:
    """Back the database up, copy its sound rows into a fresh database, move
    the damaged file aside (never deleted) and put the copy in its place.

    Quit quizapp first: a running quizapp would go on writing to the file
    moved aside. Raises `StoreError` when the work cannot be done.
    """
    found = identity(path)
    if found is None:
        raise StoreError(f"there is no scores database at {path}")
    backup: Path | None = None
    problem: str | None = None
    try:
        backup = take_backup(path, now, BEFORE_REPAIR)
    except StoreError as exc:
        # The damaged file itself is kept aside, so the repair can go on.
        problem = str(exc)
    rebuilt = rebuild(path, now, found)
    if rebuilt is None:
        raise StoreError(f"{path} was replaced by another program during the repair; try again")
    return Repair(rebuilt, backup, problem)
