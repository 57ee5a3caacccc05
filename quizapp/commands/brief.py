"""``quizapp brief BANK [-o FILE]``: a bank's one-page Markdown brief.

BANK is a bank file or the id of a bank quizapp finds (shipped, in the user's
bank folder). Exit status: 0 printed, 1 the bank has errors (they are
printed as ``path:line:col: message``) or FILE cannot be written, 2 no such
bank (the known ids are listed).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from quizapp.model import Bank, BankError, LoadResult

EXIT_ERRORS = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``quizapp brief``."""
    parser.add_argument("bank", metavar="BANK", help="a bank id, or the path of a bank file")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write the brief to FILE instead of printing it",
    )


def _error(message: str) -> None:
    print(f"quizapp brief: {message}", file=sys.stderr)


def _looks_like_path(target: str) -> bool:
    return target.endswith(".toml") or "/" in target or "\\" in target


def _find(target: str) -> LoadResult | int:
    """The bank BANK names, loaded; or an exit status after saying why not."""
    from quizapp.banks import discover_banks, load_bank

    path = Path(target)
    if path.is_file():
        return load_bank(path)
    if path.is_dir():
        _error(f"{target} is a folder; give a bank file or a bank id")
        return EXIT_USAGE
    if _looks_like_path(target):
        _error(f"{target}: no such file")
        return EXIT_USAGE
    found = discover_banks()
    banks = [result for result in found if isinstance(result, Bank)]
    bank = next((bank for bank in banks if bank.id == target), None)
    if bank is not None:
        return bank
    _error(f"unknown bank id {target!r}")
    known = sorted({bank.id for bank in banks})
    print("known bank ids:", file=sys.stderr)
    for bank_id in known or ["(none)"]:
        print(f"  {bank_id}", file=sys.stderr)
    broken = [result for result in found if isinstance(result, BankError)]
    if broken:
        print("bank files that failed to load (see quizapp check):", file=sys.stderr)
        for error in broken:
            print(f"  {error.path}", file=sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    """Print (or write) the brief; see the module docstring for exit codes."""
    from quizapp.brief import build_brief

    found = _find(args.bank)
    if isinstance(found, int):
        return found
    if isinstance(found, BankError):
        for problem in found.problems:
            print(problem, file=sys.stderr)
        return EXIT_ERRORS
    text = build_brief(found)
    output: Path | None = args.output
    if output is None:
        if isinstance(sys.stdout, io.TextIOWrapper):
            # A terminal that cannot show "—" or "“" still gets the brief.
            sys.stdout.reconfigure(errors="replace")
        sys.stdout.write(text)
        return 0
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        _error(f"cannot write {output}: {error.strerror or error}")
        return EXIT_ERRORS
    return 0
