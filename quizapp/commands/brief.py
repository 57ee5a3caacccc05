"""``quizapp brief BANK [-o FILE]``: a bank's one-page Markdown brief.

BANK is a bank file or the id of a bank quizapp finds (shipped, in the user's
bank folder). ``-o FILE`` does not replace an existing FILE unless
``--force`` is given. Exit status: 0 printed, 1 the bank has errors (they are
printed as ``path:line:col: message``) or FILE cannot be written, 2 no such
bank (the known ids are listed), or FILE exists.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from quizapp.commands import (
    emit,
    find_bank,
    refuse_output_file,
    write_output_file,
)


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
    parser.add_argument("--force", action="store_true", help="overwrite an existing FILE")


def run(args: argparse.Namespace) -> int:
    """Print (or write) the brief; see the module docstring for exit codes."""
    from quizapp.brief import build_brief

    output: Path | None = args.output
    if output is not None:
        refused = refuse_output_file("brief", output, force=args.force)
        if refused is not None:
            return refused
    found = find_bank("brief", args.bank)
    if isinstance(found, int):
        return found
    text = build_brief(found)
    if output is None:
        return emit(lambda out: out.write(text))
    return write_output_file("brief", output, text)
