"""``quizapp import FILE -o BANK.toml``: a Moodle GIFT or Aiken file -> a bank.

Malformed input is reported as ``file:line:col: message`` and nothing is
written. Questions quizapp has no equivalent for are skipped, and questions
converted with a difference are noted, each at its line; the rest make the
bank, which is checked with the bank loader before it is written.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from quizapp.banks import load_bank_text
from quizapp.banks.write import bank_to_toml
from quizapp.commands import EXIT_USAGE
from quizapp.files import FileProblem, read_text
from quizapp.interchange.aiken import read_aiken
from quizapp.interchange.common import ImportResult, build_bank, slugify
from quizapp.interchange.gift import read_gift
from quizapp.model import Bank, BankError, MatchMode

_BANK_ID = re.compile(r"[a-z0-9_.-]+")
_AIKEN_ANSWER = re.compile(r"^[ \t]*ANSWER:[ \t]*[A-Za-z][ \t]*$", re.MULTILINE)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``quizapp import``."""
    parser.add_argument("file", type=Path, metavar="FILE", help="the GIFT or Aiken file")
    parser.add_argument(
        "--format",
        choices=("gift", "aiken"),
        help="the file's format (default: .gift is GIFT; otherwise told from the content)",
    )
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="BANK.toml", help="the bank to write"
    )
    parser.add_argument(
        "--id", dest="bank_id", metavar="ID", help="the bank's id (default: from BANK.toml)"
    )
    parser.add_argument("--title", help="the bank's title (default: from FILE)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing BANK.toml")


def guess_format(path: Path, text: str) -> str | None:
    """``gift`` or ``aiken`` from the file name and content, or None."""
    if path.suffix.lower() == ".gift":
        return "gift"
    has_answer_lines = bool(_AIKEN_ANSWER.search(text))
    has_braces = "{" in text and "}" in text
    if has_answer_lines and not has_braces:
        return "aiken"
    if has_braces and not has_answer_lines:
        return "gift"
    return None


def run(args: argparse.Namespace) -> int:
    """Convert FILE and write the bank; 1 when FILE is unreadable or malformed."""
    source: Path = args.file
    output: Path = args.output
    if output.suffix != ".toml":
        return _usage(f"{output}: a bank file name ends in .toml")
    if output.exists() and not args.force:
        return _usage(f"{output} already exists; use --force to overwrite it")
    bank_id = args.bank_id if args.bank_id is not None else _default_id(output)
    if not _BANK_ID.fullmatch(bank_id):
        return _usage(
            f"bank id '{bank_id}' may only use lower-case letters, digits, '-', '_' and '.'"
            "; choose one with --id"
        )
    try:
        text = read_text(source)
    except FileProblem as problem:
        return _fail(f"cannot read {source}: {problem}")
    kind = args.format or guess_format(source, text)
    if kind is None:
        return _usage(f"cannot tell whether {source} is GIFT or Aiken; say so with --format")
    result = read_gift(text) if kind == "gift" else read_aiken(text)
    for line in result.report_lines(str(source)):
        print(line, file=sys.stderr)
    if result.errors:
        return _fail(
            f"{len(result.errors)} {_plural(len(result.errors), 'error')}; no bank written"
        )
    if not result.questions:
        return _fail(f"no question of {source} could be converted; no bank written")
    title = args.title if args.title is not None else _default_title(source)
    match: MatchMode = "normal" if kind == "gift" else "lenient"
    bank = build_bank(
        result.questions,
        bank_id=bank_id,
        title=title,
        source_title=f"Imported from {source.name}",
        match=match,
    )
    return _write(bank, output, source, kind, result)


def _write(bank: Bank, output: Path, source: Path, kind: str, result: ImportResult) -> int:
    header = f"# Imported from {source.name} ({kind.upper()}) by quizapp import.\n"
    text = bank_to_toml(bank, header=header)
    loaded = load_bank_text(text, str(output))
    if isinstance(loaded, BankError):
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        return _fail("the converted bank does not pass the bank checks; no bank written")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        return _fail(f"cannot write {output}: {_reason(exc)}")
    converted = len(result.questions)
    print(
        f"Wrote {output}: {converted} {_plural(converted, 'question')} converted, "
        f"{len(result.skipped)} skipped, {len(result.approximated)} approximated."
    )
    print(
        f"{kind.upper()} files have no source excerpts, so `quizapp check {output}` warns "
        "that each question has no source"
        + (" (and no explanation: Aiken has no feedback)" if kind == "aiken" else "")
        + "; add them to make the bank complete."
    )
    return 0


def _default_id(output: Path) -> str:
    stem = output.stem.lower()
    return stem if _BANK_ID.fullmatch(stem) else slugify(output.stem)


def _default_title(source: Path) -> str:
    words = " ".join(re.split(r"[-_.\s]+", source.stem)).strip()
    return words[:1].upper() + words[1:] if words else source.name


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _reason(exc: OSError | UnicodeDecodeError) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "the file is not UTF-8 text; save it as UTF-8"
    return exc.strerror or str(exc)


def _usage(message: str) -> int:
    print(f"quizapp import: {message}", file=sys.stderr)
    return EXIT_USAGE


def _fail(message: str) -> int:
    print(f"quizapp import: {message}", file=sys.stderr)
    return 1
