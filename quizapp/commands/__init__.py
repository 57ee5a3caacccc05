"""Sub-commands of the ``quizapp`` CLI, one module each (see `quizapp.cli`).

Shared here: the exit statuses, `error` for a one-line message on standard
error, `emit` for printing, and `find_bank` for a BANK argument that may be
a bank id or the path of a bank file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from quizapp.model import LoadResult

#: Exit statuses shared by every command (argparse uses 2 for usage errors too).
EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def error(command: str, message: str) -> None:
    """Print ``quizapp COMMAND: message`` on standard error."""
    print(f"quizapp {command}: {message}", file=sys.stderr)


def emit(write: Callable[[TextIO], object]) -> int:
    """Run ``write(sys.stdout)``; a reader that went away (``| head``) is not an error."""
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # Stop Python from complaining again when it flushes stdout at exit.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    return EXIT_OK


def looks_like_path(target: str) -> bool:
    """Whether a BANK argument was meant as a file rather than a bank id."""
    return target.endswith(".toml") or "/" in target or "\\" in target


def find_bank(command: str, target: str) -> LoadResult | int:
    """The bank a BANK argument names: a bank file, or the id of a bank quizapp
    finds (shipped, or in the user's bank folder), loaded.

    Returns the bank (or its `BankError`, for the caller to report), or
    `EXIT_USAGE` after saying on standard error why there is none: no such
    file, a folder, or an unknown id (the known ids are listed).
    """
    from quizapp.banks import discover_banks, load_bank
    from quizapp.model import Bank, BankError

    path = Path(target)
    if path.is_file():
        return load_bank(path)
    if path.is_dir():
        error(command, f"{target} is a folder; give a bank file or a bank id")
        return EXIT_USAGE
    if looks_like_path(target):
        error(command, f"{target}: no such file")
        return EXIT_USAGE
    found = discover_banks()
    banks = [result for result in found if isinstance(result, Bank)]
    bank = next((bank for bank in banks if bank.id == target), None)
    if bank is not None:
        return bank
    error(command, f"unknown bank id {target!r}")
    known = sorted({bank.id for bank in banks})
    print("known bank ids:", file=sys.stderr)
    for bank_id in known or ["(none)"]:
        print(f"  {bank_id}", file=sys.stderr)
    broken = [result for result in found if isinstance(result, BankError)]
    if broken:
        print("bank files that failed to load (see quizapp check):", file=sys.stderr)
        for failed in broken:
            print(f"  {failed.path}", file=sys.stderr)
    return EXIT_USAGE
