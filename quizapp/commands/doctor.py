"""``quizapp doctor``: examine, repair or restore the scores database.

Without options it reads every row of every table and runs SQLite's
integrity check, changing nothing. ``--repair`` backs the database up,
copies every sound row into a fresh database and moves the damaged file
aside. ``--restore`` lists the backups, or puts one back.

Exit status: 0 nothing wrong (or the repair or restore was done), 1 damage
found or the work failed, 2 no such backup.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from quizapp import paths
from quizapp.commands import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, add_data_dir_argument, emit, error
from quizapp.commands.scores import render_table, scores_database
from quizapp.store.backups import Backup, list_backups, restore_backup
from quizapp.store.errors import StoreError
from quizapp.store.repair import Repair, repair_database
from quizapp.store.salvage import Examination, examine

#: Problems of single rows listed by the examination.
SHOWN_PROBLEMS = 10


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``quizapp doctor``."""
    parser.epilog = "Quit quizapp before --repair or --restore."
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--repair",
        action="store_true",
        help="copy every sound row into a fresh database; the damaged file is kept beside it",
    )
    action.add_argument(
        "--restore",
        nargs="?",
        const="",
        metavar="BACKUP",
        help="without BACKUP, list the backups; with a number from that list or a file, "
        "put it back (the current database is kept beside it)",
    )
    add_data_dir_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Examine, repair or restore; see the module's docstring for the exit status."""
    found = scores_database("doctor", args.data_dir)
    if isinstance(found, int):
        return found
    db_path = found or paths.scores_db_path(args.data_dir or paths.data_dir())
    now = dt.datetime.now().astimezone()
    try:
        if args.restore == "":
            return _list(db_path)
        if args.restore is not None:
            return _restore(db_path, args.restore, now)
        if found is None:
            return _print([f"No scores database at {db_path} yet."])
        checked = examine(db_path)
        if not args.repair or checked.newer:
            return _report(checked)
        if checked.healthy:
            return _print(["No damage found; nothing to repair."])
        return _repaired(repair_database(db_path, now))
    except StoreError as exc:
        error("doctor", str(exc))
        return EXIT_ERRORS


def _print(lines: Sequence[str]) -> int:
    """Print ``lines`` on standard output (`emit` makes them terminal-safe)."""
    return emit(lambda out: out.writelines(line + "\n" for line in lines))


def _report(checked: Examination) -> int:
    lines = [_describe(checked)]
    lines += [f"problem: {problem}" for problem in checked.problems]
    if checked.tables:
        rows = [
            [
                t.table,
                str(t.rows),
                str(t.damaged),
                "missing" if t.missing else "partly unreadable" if t.unreadable else "",
            ]
            for t in checked.tables
        ]
        lines += ["", *render_table(["table", "rows", "damaged", "note"], rows, right={1, 2})]
    if checked.damaged_rows:
        lines += ["", "First damaged rows:"]
        lines += [f"  {problem}" for problem in checked.damaged_rows[:SHOWN_PROBLEMS]]
    lines.append("")
    if checked.newer:
        lines.append("Use the newer quizapp that wrote it; this one will not change it.")
    elif checked.healthy:
        lines.append("No damage found.")
    else:
        count = "1 damaged row" if checked.damaged == 1 else f"{checked.damaged} damaged rows"
        what = count if checked.damaged else "damage"
        lines.append(
            f"Found {what}. Run `quizapp doctor --repair` to copy every sound row into a "
            "fresh database (the damaged file is kept)."
        )
    _print(lines)
    return EXIT_OK if checked.healthy else EXIT_ERRORS


def _describe(checked: Examination) -> str:
    size = f"{checked.size / 1024:.0f} KB"
    version = f", schema version {checked.version}" if checked.version is not None else ""
    return f"Scores database {checked.path} ({size}{version})"


def _repaired(repair: Repair) -> int:
    rebuilt = repair.rebuilt
    salvage = rebuilt.salvage
    lines = []
    if repair.backup is not None:
        lines.append(f"Backed up to {repair.backup}.")
    else:
        lines.append(f"No backup could be taken ({repair.backup_problem}).")
    lines.append(f"The damaged database was moved to {rebuilt.aside}.")
    if not rebuilt.placed:
        lines.append(
            "Another program created a new database in its place meanwhile; the copy was "
            "dropped. Quit quizapp and run `quizapp doctor --repair` again."
        )
        _print(lines)
        return EXIT_ERRORS
    if salvage.problem is not None:
        lines.append(f"Nothing could be read from it ({salvage.problem}); a fresh one was started.")
    else:
        rows = [
            [t.table, str(t.kept), str(t.lost), "partly unreadable" if t.unreadable else ""]
            for t in salvage.tables
        ]
        lines += ["", *render_table(["table", "kept", "lost", "note"], rows, right={1, 2}), ""]
        lines.append(
            f"Recovered {salvage.kept} rows; {salvage.lost} rows were lost with the damage."
        )
        unreadable = [t.table for t in salvage.tables if t.unreadable]
        if unreadable:
            lines.append(
                f"Parts of {', '.join(unreadable)} could not be read at all; "
                "the rows in them are lost."
            )
    return _print(lines)


def _list(db_path: Path) -> int:
    found = list_backups(db_path)
    if not found:
        return _print([f"No backups in {db_path.parent / 'backups'} yet."])
    rows = [
        [str(n), f"{b.taken_at:%Y-%m-%d %H:%M}", b.reason, f"{b.size / 1024:.0f} KB", b.path.name]
        for n, b in enumerate(found, start=1)
    ]
    lines = [f"Backups in {found[0].path.parent}, newest first:", ""]
    lines += render_table(["#", "taken", "why", "size", "file"], rows, right={0, 3})
    lines += ["", "Put one back with: quizapp doctor --restore NUMBER"]
    return _print(lines)


def _restore(db_path: Path, choice: str, now: dt.datetime) -> int:
    backup = _find_backup(list_backups(db_path), choice)
    if backup is None:
        error("doctor", f"no backup {choice!r}; `quizapp doctor --restore` lists them")
        return EXIT_USAGE
    restored = restore_backup(db_path, backup, now)
    lines = [f"Restored {restored.backup}."]
    if restored.aside is not None:
        lines.append(f"The database it replaced was moved to {restored.aside}.")
    return _print(lines)


def _find_backup(found: Sequence[Backup], choice: str) -> Path | None:
    """A backup by its number in the list, its file name, or a path."""
    if choice.isdigit() and 1 <= int(choice) <= len(found):
        return found[int(choice) - 1].path
    by_name = next((b.path for b in found if b.path.name == choice), None)
    if by_name is not None:
        return by_name
    path = Path(choice)
    return path if path.is_file() else None
