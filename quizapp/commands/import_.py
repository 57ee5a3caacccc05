"""``quizapp import FILE -o BANK.toml``: a Moodle GIFT or Aiken file, or a
CSV file in quizapp's layout -> a bank.

Every note about the file is printed as ``file:line:col: ...``: questions
skipped (no quizapp equivalent), converted with a difference, or left out
because they are malformed or fail the bank checks -- each named, at its
place in FILE. The rest make the bank, which is checked like any bank file
before it is written. With ``--strict``, any error means no bank is written.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from quizapp.banks.write import write_bank
from quizapp.commands import EXIT_ERRORS, EXIT_USAGE, emit, error, notes, refuse_output_file
from quizapp.files import FileProblem, read_text
from quizapp.interchange.common import plural, slugify
from quizapp.interchange.convert import FORMAT_NAMES, convert, read

_BANK_ID = re.compile(r"[a-z0-9_.-]+")
_AIKEN_ANSWER = re.compile(r"^[ \t]*ANSWER:", re.MULTILINE)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``quizapp import``."""
    parser.add_argument(
        "file", type=Path, metavar="FILE", help="the GIFT, Aiken or CSV file to convert"
    )
    parser.add_argument(
        "--format",
        choices=FORMAT_NAMES,
        help="the file's format (default: .gift is GIFT, .csv is CSV; otherwise told "
        "from the content)",
    )
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="BANK.toml", help="the bank to write"
    )
    parser.add_argument(
        "--id",
        dest="bank_id",
        metavar="ID",
        help="the bank's id (default: the one the file carries, else from BANK.toml)",
    )
    parser.add_argument(
        "--title", help="the bank's title (default: the one the file carries, else from FILE)"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing BANK.toml")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="write no bank when any question is malformed or fails the bank checks "
        "(default: leave those out and write the rest)",
    )


def guess_format(path: Path, text: str) -> str | None:
    """``gift``, ``aiken`` or ``csv`` from the file name and content, or None."""
    suffix = path.suffix.lower()
    if suffix in (".gift", ".csv"):
        return suffix[1:]
    has_answer_lines = bool(_AIKEN_ANSWER.search(text))
    has_braces = "{" in text and "}" in text
    if has_answer_lines and not has_braces:
        return "aiken"
    if has_braces and not has_answer_lines:
        return "gift"
    return None


def run(args: argparse.Namespace) -> int:
    """Convert FILE and write the bank; 1 when FILE is unreadable or gives no bank."""
    source: Path = args.file
    output: Path = args.output
    if output.suffix != ".toml":
        return _usage(f"{output}: a bank file name ends in .toml")
    refused = refuse_output_file("import", output, force=args.force)
    if refused is not None:
        return refused
    if args.bank_id is not None and not _BANK_ID.fullmatch(args.bank_id):
        return _usage(
            f"bank id '{args.bank_id}' may only use lower-case letters, digits, '-', '_' and '.'"
        )
    try:
        text = read_text(source)
    except FileProblem as problem:
        spreadsheet = source.suffix.lower() == ".csv" and "not UTF-8" in str(problem)
        hint = " (in Excel: Save As > CSV UTF-8)" if spreadsheet else ""
        return _fail(f"cannot read {source}: {problem}{hint}")
    kind = args.format or guess_format(source, text)
    if kind is None:
        return _usage(f"cannot tell whether {source} is GIFT or Aiken; say so with --format")
    header = f"# Imported from {source.name} ({kind.upper()}) by quizapp import.\n"
    conversion = convert(
        read(kind, text),
        path=str(source),
        bank_id=args.bank_id,
        title=args.title,
        fallback_id=_default_id(output),
        fallback_title=_default_title(source),
        source_title=f"Imported from {source.name}",
        strict=args.strict,
        header=header,
    )
    notes(conversion.report)
    if conversion.bank is None:
        return _fail(f"{conversion.failure}; no bank written")
    try:
        write_bank(conversion.bank, output, header=header)
    except OSError as exc:
        return _fail(f"cannot write {output}: {exc.strerror or exc}")
    bank = conversion.bank
    parts = [plural(len(bank.questions), "question")]
    if conversion.skipped:
        parts.append(f"{conversion.skipped} skipped")
    if conversion.errors:
        parts.append(f"{plural(conversion.errors, 'error')} (left out)")
    if conversion.approximated:
        parts.append(f"{conversion.approximated} converted with a difference")
    lines = [f"Wrote {output}: {', '.join(parts)}."]
    if conversion.incomplete:
        lines.append(
            f"{plural(conversion.incomplete, 'question')} "
            f"{'lacks' if conversion.incomplete == 1 else 'lack'} a source excerpt or an "
            f"explanation ({kind.upper()} has no place for them): `quizapp check {output}` "
            "lists them; add them to make the bank complete."
        )
    return emit(lambda out: out.write("".join(line + "\n" for line in lines)))


def _default_id(output: Path) -> str:
    stem = output.stem.lower()
    return stem if _BANK_ID.fullmatch(stem) else slugify(output.stem) or "imported"


def _default_title(source: Path) -> str:
    words = " ".join(re.split(r"[-_.\s]+", source.stem)).strip()
    return words[:1].upper() + words[1:] if words else source.name


def _usage(message: str) -> int:
    error("import", message)
    return EXIT_USAGE


def _fail(message: str) -> int:
    error("import", message)
    return EXIT_ERRORS
