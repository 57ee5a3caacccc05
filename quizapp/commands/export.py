"""``quizapp export BANK.toml --format gift|aiken|csv``: a bank for other tools.

The text goes to standard output, or to ``-o FILE``. Questions the format
cannot hold are left out and listed on standard error with the reason; the
exit status is 1 when the bank cannot be loaded or nothing could be written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from quizapp.banks import load_bank
from quizapp.commands import EXIT_USAGE
from quizapp.interchange.aiken import export_aiken
from quizapp.interchange.common import ExportResult
from quizapp.interchange.csv_bank import export_csv
from quizapp.interchange.gift_export import export_gift
from quizapp.model import Bank, BankError, Question

Exporter = Callable[[Bank, tuple[Question, ...]], ExportResult]
EXPORTERS: dict[str, Exporter] = {"gift": export_gift, "aiken": export_aiken, "csv": export_csv}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``quizapp export``."""
    parser.add_argument("bank", type=Path, metavar="BANK.toml", help="the bank to export")
    parser.add_argument("--format", required=True, choices=tuple(EXPORTERS), help="the format")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="where to write (default: stdout)"
    )
    parser.add_argument(
        "--generated",
        action="store_true",
        help="also export the questions quizapp generates from the bank's facts",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing FILE")


def run(args: argparse.Namespace) -> int:
    """Export the bank; 1 when it does not load or no question fits the format."""
    output: Path | None = args.output
    if output is not None and output.exists() and not args.force:
        print(f"quizapp export: {output} already exists; use --force", file=sys.stderr)
        return EXIT_USAGE
    loaded = load_bank(args.bank)
    if isinstance(loaded, BankError):
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        print(f"quizapp export: {args.bank} has errors; nothing exported", file=sys.stderr)
        return 1
    questions = loaded.questions
    if args.generated:
        from quizapp.generate import generate_questions

        questions = (*questions, *generate_questions(loaded))
    result = EXPORTERS[args.format](loaded, questions)
    for left_out in result.left_out:
        print(f"left out {left_out}", file=sys.stderr)
    for approximated in result.approximated:
        print(f"approximated {approximated}", file=sys.stderr)
    for line in result.not_kept:
        print(line, file=sys.stderr)
    if result.written == 0:
        print(f"quizapp export: no question of {args.bank} fits {args.format}", file=sys.stderr)
        return 1
    if output is None:
        sys.stdout.write(result.text)
    else:
        try:
            output.write_text(result.text, encoding="utf-8", newline="")
        except OSError as exc:
            print(f"quizapp export: cannot write {output}: {exc.strerror}", file=sys.stderr)
            return 1
    count = len(questions)
    print(
        f"exported {result.written} of {count} question{'s' if count != 1 else ''} "
        f"as {args.format}" + (f" to {output}" if output is not None else ""),
        file=sys.stderr,
    )
    return 0
