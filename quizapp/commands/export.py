"""``quizapp export BANK --format gift|aiken|csv``: a bank for other tools.

BANK is a bank file or the id of a bank quizapp finds. The text goes to
standard output (terminal-safe: control characters are written as escapes),
or exactly as it is to ``-o FILE``, which is not replaced unless ``--force``
is given. Questions the format cannot hold are left out and listed on
standard error with the reason; the exit status is 1 when the bank cannot be
loaded or nothing could be written, 2 for no such bank or an existing FILE.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from quizapp.commands import (
    emit,
    error,
    find_bank,
    note,
    notes,
    refuse_output_file,
    write_output_file,
)
from quizapp.interchange.aiken import export_aiken
from quizapp.interchange.common import ExportResult
from quizapp.interchange.csv_bank import export_csv
from quizapp.interchange.gift_export import export_gift
from quizapp.model import Bank, Question

Exporter = Callable[[Bank, tuple[Question, ...]], ExportResult]
EXPORTERS: dict[str, Exporter] = {"gift": export_gift, "aiken": export_aiken, "csv": export_csv}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``quizapp export``."""
    parser.add_argument("bank", metavar="BANK", help="the bank to export: a bank file or a bank id")
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
    if output is not None:
        refused = refuse_output_file("export", output, force=args.force)
        if refused is not None:
            return refused
    loaded = find_bank("export", args.bank)
    if isinstance(loaded, int):
        return loaded
    questions = loaded.questions
    if args.generated:
        from quizapp.generate import generate_questions

        # A generated id (``actor:putin:role``) is no bank id: written with
        # dots, the exported file imports back as a bank.
        generated = generate_questions(loaded)
        questions = (*questions, *(replace(q, id=q.id.replace(":", ".")) for q in generated))
    result = EXPORTERS[args.format](loaded, questions)
    notes(f"left out {left_out}" for left_out in result.left_out)
    notes(f"approximated {approximated}" for approximated in result.approximated)
    notes(result.not_kept)
    if result.written == 0:
        error("export", f"no question of {args.bank} fits {args.format}")
        return 1
    if output is None:
        # A byte order mark starts a file (a spreadsheet's); on a terminal it is noise.
        emit(lambda out: out.write(result.text.removeprefix("\ufeff")))
    elif write_output_file("export", output, result.text) != 0:
        return 1
    count = len(questions)
    note(
        f"exported {result.written} of {count} question{'s' if count != 1 else ''} "
        f"as {args.format}" + (f" to {output}" if output is not None else "")
    )
    return 0
