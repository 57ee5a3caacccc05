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

from quizapp.commands import EXIT_ERRORS, error, find_bank
from quizapp.model import BankError


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


def run(args: argparse.Namespace) -> int:
    """Print (or write) the brief; see the module docstring for exit codes."""
    from quizapp.brief import build_brief

    found = find_bank("brief", args.bank)
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
    except OSError as exc:
        error("brief", f"cannot write {output}: {exc.strerror or exc}")
        return EXIT_ERRORS
    return 0
