"""``quizapp new PATH``: write a starter bank that teaches the format.

The starter holds one commented example of every question type and of each
fact table, and passes ``quizapp check`` with no problem as written. With
``--with-schema`` the bank's JSON Schema is copied next to it and named in
a ``#:schema`` line, which editors such as Taplo / Even Better TOML read.
Neither file replaces an existing one unless ``--force`` is given (a schema
file that is already this version's is kept as it is).
"""

from __future__ import annotations

import argparse
import contextlib
import re
from importlib import resources
from pathlib import Path

from quizapp.banks.write import toml_string
from quizapp.commands import (
    EXIT_USAGE,
    emit,
    error,
    refuse_output_file,
    write_output_file,
)
from quizapp.files import FileProblem, read_text
from quizapp.interchange.common import slugify
from quizapp.schema import SCHEMA_FILE_NAME, schema_text

_BANK_ID = re.compile(r"[a-z0-9_.-]+")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``quizapp new``."""
    parser.add_argument("path", type=Path, metavar="PATH", help="the bank file to write (.toml)")
    parser.add_argument("--title", help="the bank's title (default: from the file name)")
    parser.add_argument(
        "--id", dest="bank_id", metavar="ID", help="the bank's id (default: from the file name)"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="overwrite an existing bank file (and, with --with-schema, an existing schema file)",
    )
    parser.add_argument(
        "--with-schema",
        action="store_true",
        help=f"also write {SCHEMA_FILE_NAME} next to the bank and point the bank at it, "
        "for editors that check TOML with a JSON Schema (Taplo, Even Better TOML)",
    )


def starter_text(bank_id: str, title: str, *, with_schema: bool = False) -> str:
    """The starter bank, with ``bank_id`` and ``title`` filled in."""
    template = resources.files("quizapp").joinpath("templates", "starter.toml")
    text = template.read_text(encoding="utf-8")
    text = text.replace("@BANK_ID@", toml_string(bank_id))
    text = text.replace("@BANK_TITLE@", toml_string(title))
    if with_schema:
        text = f"#:schema ./{SCHEMA_FILE_NAME}\n{text}"
    return text


def default_bank_id(path: Path) -> str:
    """A bank id from a file name: ``Capitals_2024.toml`` -> ``capitals_2024``."""
    stem = path.stem.lower()
    return stem if _BANK_ID.fullmatch(stem) else slugify(path.stem)


def default_title(path: Path) -> str:
    """A title from a file name: ``european-capitals.toml`` -> ``European capitals``."""
    words = " ".join(re.split(r"[-_.\s]+", path.stem)).strip()
    return words[:1].upper() + words[1:] if words else "My bank"


def run(args: argparse.Namespace) -> int:
    """Write the starter bank; 2 when the path is taken or an option is wrong."""
    path: Path = args.path
    if path.suffix != ".toml":
        return _usage(f"{path}: a bank file name ends in .toml (quizapp loads *.toml files)")
    bank_id = args.bank_id if args.bank_id is not None else default_bank_id(path)
    if not _BANK_ID.fullmatch(bank_id):
        return _usage(
            f"bank id '{bank_id}' may only use lower-case letters, digits, '-', '_' and '.'"
            + ("" if args.bank_id is not None else "; choose one with --id")
        )
    title = args.title if args.title is not None else default_title(path)
    if not title.strip():
        return _usage("the title must not be empty")
    refused = refuse_output_file("new", path, force=args.force)
    if refused is not None:
        return refused
    schema = path.parent / SCHEMA_FILE_NAME
    write_schema = args.with_schema and not _same_schema(schema)
    if write_schema:
        refused = refuse_output_file("new", schema, force=args.force)
        if refused is not None:
            return refused
    with contextlib.suppress(OSError, ValueError):  # writing the bank says what is wrong
        path.parent.mkdir(parents=True, exist_ok=True)
    text = starter_text(bank_id, title, with_schema=args.with_schema)
    status = write_output_file("new", path, text)
    if status == 0 and write_schema:
        status = write_output_file("new", schema, schema_text())
    if status != 0:
        return status
    lines = [f"Wrote {path}: a starter bank with an example of every question type."]
    if write_schema:
        lines.append(
            f"Wrote {schema}: editors that read the #:schema line check the bank as you type."
        )
    elif args.with_schema:
        lines.append(f"Kept {schema}: it is already this version's schema.")
    lines.append(
        "Next steps:\n"
        f"  1. Edit {path}: replace the examples with your own facts and questions;\n"
        "     the comments explain each key.\n"
        f"  2. Check it:  quizapp check {path}\n"
        f"     and prove every excerpt against your text:  "
        f"quizapp check {path} --source TEXT.txt\n"
        f"  3. Try it:    quizapp {path}\n"
        f"  4. Share it:  give others the file, or export it for Moodle:  "
        f"quizapp export {path} --format gift"
    )
    return emit(lambda out: out.writelines(line + "\n" for line in lines))


def _same_schema(path: Path) -> bool:
    """Whether ``path`` already holds this version's schema (kept as it is)."""
    try:
        return read_text(path) == schema_text()
    except FileProblem:
        return False


def _usage(message: str) -> int:
    error("new", message)
    return EXIT_USAGE
