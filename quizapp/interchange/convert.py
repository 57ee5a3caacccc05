"""Imported tables -> a checked bank: where the GIFT, Aiken and CSV readers
meet the bank loader.

`import_text` reads a file's text with the reader of its format and
`convert` checks what was read the way ``quizapp check`` checks a bank file.
Each problem the loader finds is reported at the place of the input file the
table came from, naming the question (or fact) -- never at a line of the
bank file, which may never be written. A question (or fact) with a problem
is left out and the rest are checked again, as Moodle leaves out a bad
question and imports the rest; with ``strict``, any error means no bank.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from quizapp.banks import load_bank_text
from quizapp.banks.write import bank_to_toml, table_to_toml
from quizapp.interchange.common import (
    ARRAYS,
    TOML_KEY,
    ImportResult,
    Note,
    Origin,
    Piece,
    Table,
    plural,
)
from quizapp.model import FORMAT_VERSION, Bank, BankProblem

__all__ = ["FORMAT_NAMES", "Conversion", "convert", "import_text", "read"]

#: The formats `import_text` reads.
FORMAT_NAMES = ("gift", "aiken", "csv")
_SECTION = re.compile(r"\s*\[([A-Za-z0-9_.-]+)\]\s*$")
#: The loader's warnings that every GIFT or Aiken import has: counted, not listed.
_ROUTINE = ("(the excerpt that proves the answer)", "(shown after answering)")


@dataclass(frozen=True)
class Conversion:
    """A checked bank made from an import file, or why there is none."""

    bank: Bank | None
    #: The bank file to write ("" when there is no bank); ``bank`` is what it
    #: loads as (its line numbers are those of the checked draft).
    text: str
    #: Every note about the input, ``path:line:col: ...``, in file order.
    report: tuple[str, ...]
    #: Questions read but left out: skipped (no equivalent) and with errors.
    skipped: int = 0
    errors: int = 0
    approximated: int = 0
    #: Questions without a source excerpt or an explanation (`quizapp check` warns).
    incomplete: int = 0
    #: Why there is no bank ("" when there is one).
    failure: str = ""


def import_text(
    text: str,
    kind: str,
    *,
    path: str = "import",
    bank_id: str | None = None,
    title: str | None = None,
    strict: bool = False,
) -> Conversion:
    """Read ``text`` as ``kind`` (one of `FORMAT_NAMES`) and convert it; ``path``
    names the file in the report."""
    stem = path.rsplit("/", 1)[-1]
    return convert(
        read(kind, text),
        path=path,
        bank_id=bank_id,
        title=title,
        fallback_id="imported",
        fallback_title=stem,
        source_title=f"Imported from {stem}",
        strict=strict,
    )


def read(kind: str, text: str) -> ImportResult:
    """The tables of ``text``, read as ``kind`` (one of `FORMAT_NAMES`)."""
    if kind == "gift":
        from quizapp.interchange.gift import read_gift

        return read_gift(text)
    if kind == "aiken":
        from quizapp.interchange.aiken import read_aiken

        return read_aiken(text)
    from quizapp.interchange.csv_bank import read_csv

    return read_csv(text)


def convert(
    result: ImportResult,
    *,
    path: str,
    bank_id: str | None,
    title: str | None,
    fallback_id: str,
    fallback_title: str,
    source_title: str,
    strict: bool,
    header: str = "",
) -> Conversion:
    """Check the tables of ``result`` as a bank and build it.

    The bank's id and title are ``bank_id`` and ``title`` when given, else
    those the file carries, else the fallbacks. ``header`` (comment lines)
    starts the bank file's text.
    """
    head = _head(result, bank_id, title, fallback_id, fallback_title, source_title)
    notes = [
        *((note, "error") for note in result.errors),
        *((note, "skipped") for note in result.skipped),
        *((note, "approximated") for note in result.approximated),
    ]
    pieces = list(result.pieces)
    errors = len(result.errors)
    head_origin = result.head_origin or Origin(1, "the bank")
    while True:
        if not pieces:
            return _failed(path, notes, errors, "no question of the file could be converted")
        text, starts = _render(head, pieces)
        loaded = load_bank_text(text, path)
        if isinstance(loaded, Bank):
            break
        failing: set[int] = set()
        fatal = False
        for problem in loaded.problems:
            if problem.severity != "error":
                continue
            index = _piece_at(starts, problem.location.line)
            origin = head_origin if index is None else pieces[index].origin
            key = _key_at(text, problem.location.line, index is None)
            notes.append((_located(origin, key, problem), "error"))
            if index is None:
                fatal = True
            else:
                failing.add(index)
        errors += len(failing)
        if fatal:
            return _failed(path, notes, errors, "the bank's own settings have errors")
        pieces = [piece for index, piece in enumerate(pieces) if index not in failing]
    if strict and errors:
        return _failed(path, notes, errors, f"{plural(errors, 'error')} (--strict)")
    for warning in loaded.warnings:
        if warning.message.endswith(_ROUTINE):
            continue
        index = _piece_at(starts, warning.location.line)
        origin = head_origin if index is None else pieces[index].origin
        key = _key_at(text, warning.location.line, index is None)
        notes.append((_located(origin, key, warning), "warning"))
    incomplete = sum(
        1 for q in loaded.questions if not (q.source.strip() and q.explanation.strip())
    )
    return Conversion(
        bank=loaded,
        text=bank_to_toml(loaded, header=header),
        report=_report(path, notes),
        skipped=len(result.skipped),
        errors=errors,
        approximated=len(result.approximated),
        incomplete=incomplete,
    )


def _head(
    result: ImportResult,
    bank_id: str | None,
    title: str | None,
    fallback_id: str,
    fallback_title: str,
    source_title: str,
) -> Table:
    """``format``, ``[bank]`` and ``[defaults]``: the file's own, else made up."""
    head: Table = copy.deepcopy(result.head) if result.head is not None else {}
    head.setdefault("format", FORMAT_VERSION)
    bank = head.setdefault("bank", {})
    if isinstance(bank, dict):
        if bank_id is not None or "id" not in bank:
            bank["id"] = bank_id or fallback_id
        if title is not None or "title" not in bank:
            bank["title"] = title or fallback_title
        if result.head is None:
            bank["source"] = {"title": source_title}
    if result.head is None:
        head["defaults"] = {"match": result.match}
    return head


def _render(head: Table, pieces: list[Piece]) -> tuple[str, list[tuple[int, int]]]:
    """The bank file for ``head`` and ``pieces``, and (first line, piece
    index) of each piece's table, in line order."""
    chunks = [table_to_toml(head)]
    line = chunks[0].count("\n") + 1
    starts: list[tuple[int, int]] = []
    for array in ARRAYS:
        for index, piece in enumerate(pieces):
            if piece.array != array:
                continue
            chunk = f"\n[[{array}]]\n" + table_to_toml(piece.table)
            starts.append((line + 1, index))
            chunks.append(chunk)
            line += chunk.count("\n")
    return "".join(chunks), starts


def _piece_at(starts: list[tuple[int, int]], line: int) -> int | None:
    """The index of the piece whose table holds ``line`` (None: the head)."""
    found: int | None = None
    for first, index in starts:
        if first > line:
            break
        found = index
    return found


def _key_at(text: str, line: int, in_head: bool) -> str:
    """The key set on ``line`` of ``text`` or the closest line above it; in
    the head, prefixed by its sub-table (``source.title``)."""
    lines = text.split("\n")
    key = ""
    for number in range(min(line, len(lines)) - 1, -1, -1):
        current = lines[number]
        section = _SECTION.match(current)
        if section or current.startswith("[["):
            if in_head and section and key:
                name = section.group(1)
                return key if name == "bank" else f"{name.removeprefix('bank.')}.{key}"
            return key
        found = TOML_KEY.match(current)
        if found and not key:
            key = found.group(1).strip('"')
    return key


def _located(origin: Origin, key: str, problem: BankProblem) -> Note:
    line, col = origin.place(key)
    return Note(line, f"{origin.label}: {problem.message}", col)


def _report(path: str, notes: list[tuple[Note, str]]) -> tuple[str, ...]:
    ordered = sorted(notes, key=lambda pair: (pair[0].line, pair[0].col))
    return tuple(note.located(path, label) for note, label in ordered)


def _failed(path: str, notes: list[tuple[Note, str]], errors: int, why: str) -> Conversion:
    return Conversion(bank=None, text="", report=_report(path, notes), errors=errors, failure=why)
