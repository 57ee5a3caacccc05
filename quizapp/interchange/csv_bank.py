"""A whole bank as CSV a teacher can edit in a spreadsheet, and back.

One row per question, with a column per key of the bank format (``type``,
``id``, ``prompt``, ``choices``, ``answer`` ...): a list (choices, accepted
answers, tags ...) has one item per line of its cell, a match question's
pairs are lines ``left → right``, and an answer refused with its feedback
is a line ``{ answer = "...", feedback = "..." }``. The bank's own settings come first, in one
row of type ``bank`` (columns ``title``, ``description``, ``source.title``,
``defaults.match`` ...), and its facts last, one row each, of type
``actor``, ``event`` or ``quote``. Columns that no row uses are left out,
except the question columns; `read_csv` reads the same layout back (columns
in any order, names in any case), so a bank can be edited in a spreadsheet
and imported again.

The file is UTF-8 with a byte order mark (Excel reads curly quotes right
then), comma separated, one line end (LF) after each row. Spreadsheets run a
cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula: such a cell
gets a leading ``'``, unless it is a plain number such as ``-5``; reading
removes it again.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
import tomllib
from collections.abc import Iterable
from typing import Any

from quizapp.banks.checker import did_you_mean
from quizapp.banks.keys import (
    ACTOR_KEYS,
    BANK_KEYS,
    COMMON_KEYS,
    DEFAULTS_KEYS,
    EVENT_KEYS,
    QUOTE_KEYS,
    SOURCE_KEYS,
    TYPE_KEYS,
)
from quizapp.banks.write import bank_to_dict, question_to_dict, toml_string
from quizapp.interchange.common import (
    ExportResult,
    ImportResult,
    LeftOut,
    Note,
    Origin,
    Piece,
    Table,
    quoted,
)
from quizapp.model import FORMAT_VERSION, Bank, Question

__all__ = ["COLUMNS", "QUESTION_COLUMNS", "export_csv", "read_csv"]

#: The columns every export has: the keys of questions.
QUESTION_COLUMNS = (
    "type",
    "id",
    "prompt",
    "choices",
    "answer",
    "answers",
    "weights",
    "accept",
    "match",
    "text",
    "tolerance",
    "unit",
    "items",
    "pairs",
    "distractors",
    "reject",
    "model_answer",
    "key_points",
    "quote",
    "explanation",
    "source",
    "tags",
    "difficulty",
    "points",
    "about",
)
#: Every column, in the order they are written.
COLUMNS = (
    *QUESTION_COLUMNS,
    "title",
    "description",
    "generate",
    "source.title",
    "source.author",
    "source.url",
    "source.file",
    "defaults.points",
    "defaults.match",
    "defaults.difficulty",
    "name",
    "kind",
    "role",
    "author",
    "aliases",
    "when",
    "date",
    "year",
    "approximate",
    "what",
    "actors",
    "note",
    "speaker",
    "context",
)
#: Every key of the bank format, as a column name: the columns a file may have.
_KNOWN = frozenset(
    {"type", *COMMON_KEYS, *(key for keys in TYPE_KEYS.values() for key in keys)}
    | ACTOR_KEYS
    | EVENT_KEYS
    | QUOTE_KEYS
    | BANK_KEYS
    | {f"source.{key}" for key in SOURCE_KEYS}
    | {f"defaults.{key}" for key in DEFAULTS_KEYS}
    | set(COLUMNS)
)
_FACT_TYPES = {"actors": "actor", "events": "event", "quotes": "quote"}
_LISTS = frozenset(
    {"choices", "answers", "accept", "tags", "about", "items", "distractors", "aliases", "actors"}
    | {"key_points"}
)
_INTEGERS = frozenset({"difficulty", "points", "year", "defaults.points", "defaults.difficulty"})
_BOOLEANS = frozenset({"approximate", "author"})
_ARROW, _ASCII_ARROW = " → ", " -> "
_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_INTEGER = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


# --------------------------------------------------------------------- export


def _defused(text: str) -> str:
    """``text`` with a ``'`` in front when a spreadsheet would run it (or when
    it already starts with ``'`` before such a character, so reading it back
    removes exactly one)."""
    if _FORMULA.match(text) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _cell(key: str, value: Any) -> str:
    """A TOML value as the text of a cell (see the module); ValueError when a
    list item cannot be written one per line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        items = [_item(key, item) for item in value]
        return "\n".join(items)
    return str(value)


def _item(key: str, item: Any) -> str:
    if isinstance(item, dict):  # a reject item with its feedback: an inline table
        cells = (f"{name} = {_inline(value)}" for name, value in item.items())
        text = "{ " + ", ".join(cells) + " }"
        if _LINE_BREAK.search(text):
            raise ValueError(f"an item of '{key}' has a line break")
        return text
    if isinstance(item, list):  # a [left, right] pair
        left, right = (_item(key, side) for side in item)
        if _ARROW.strip() in left:
            raise ValueError(f"the left item {quoted(left)} of a pair contains '→'")
        return f"{left}{_ARROW}{right}"
    text = _number(item) if isinstance(item, int | float) else str(item)
    if not text.strip() or _LINE_BREAK.search(text):
        raise ValueError(f"an item of '{key}' is empty or has a line break")
    return text


def _inline(value: Any) -> str:
    """A value inside an inline table: a TOML string, or a number."""
    return toml_string(value) if isinstance(value, str) else _number(value)


def _flatten(table: Table, prefix: str = "") -> dict[str, Any]:
    """``{"source": {"title": t}}`` -> ``{"source.title": t}``."""
    flat: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = value
    return flat


def export_csv(bank: Bank, questions: Iterable[Question] | None = None) -> ExportResult:
    """The bank as CSV text (see the module): its settings, ``questions``
    (default: the hand-written ones) and its facts."""
    chosen = tuple(bank.questions if questions is None else questions)
    data = bank_to_dict(dataclasses.replace(bank, questions=()))
    head = {**data["bank"], "defaults": data.get("defaults", {})}
    records: list[tuple[str, Table]] = [("bank", _flatten(head))]
    records.extend(("", question_to_dict(q, bank.defaults)) for q in chosen)
    for array, kind in _FACT_TYPES.items():
        records.extend((kind, table) for table in data.get(array, ()))
    rows: list[dict[str, str]] = []
    left_out: list[LeftOut] = []
    written = 0
    for kind, table in records:
        try:
            row = {key: _defused(_cell(key, value)) for key, value in table.items()}
        except ValueError as exc:
            left_out.append(LeftOut(str(table.get("id", kind)), f"{exc}, which CSV cannot hold"))
            continue
        if kind:
            row["type"] = kind
        else:
            written += 1
        rows.append(row)
    used = {key for row in rows for key in row}
    columns = [c for c in COLUMNS if c in QUESTION_COLUMNS or c in used]
    columns.extend(sorted(used - set(COLUMNS)))  # keys this layout does not list yet
    out = io.StringIO()
    out.write("\ufeff")
    # A carriage return in a cell is kept only inside quotes: quote every cell then.
    returns = any("\r" in cell for row in rows for cell in row.values())
    writer = csv.writer(
        out, lineterminator="\n", quoting=csv.QUOTE_ALL if returns else csv.QUOTE_MINIMAL
    )
    writer.writerow(columns)
    writer.writerows([row.get(column, "") for column in columns] for row in rows)
    return ExportResult(out.getvalue(), written, tuple(left_out))


# --------------------------------------------------------------------- import


def _delimiter(first_line: str) -> str:
    """The delimiter of the header line: a comma, or the semicolon or tab a
    spreadsheet in another locale may have saved with."""
    return max((",", ";", "\t"), key=first_line.count)


def _value(column: str, text: str, kind: str) -> Any:
    """The TOML value a cell stands for; text that is not of the column's type
    is kept as text, for the bank check to report."""
    if _FORMULA.match(text) and text.startswith("'"):
        text = text[1:]
    if column in _LISTS:
        return [item for item in _LINE_BREAK.split(text) if item.strip()]
    if column == "weights":
        return [_number_of(item) for item in _LINE_BREAK.split(text) if item.strip()]
    if column == "pairs":
        return [_pair(item) for item in _LINE_BREAK.split(text) if item.strip()]
    if column == "reject":
        return [_refused(item) for item in _LINE_BREAK.split(text) if item.strip()]
    if column in _INTEGERS or column == "tolerance" or (column == "answer" and kind == "number"):
        return _number_of(text)
    if column in _BOOLEANS or column == "generate" or (column == "answer" and kind == "true_false"):
        folded = text.strip().casefold()
        if folded in ("true", "false"):
            return folded == "true"
        if column == "generate":  # or the kinds of questions to generate, one per line
            return [item for item in _LINE_BREAK.split(text) if item.strip()]
        return text
    if column == "date":
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            return text
    return text


def _number_of(text: str) -> Any:
    stripped = text.strip()
    if _INTEGER.fullmatch(stripped):
        return int(stripped)
    if _NUMBER.fullmatch(stripped):
        return float(stripped)
    return text


def _refused(line: str) -> Any:
    """A ``reject`` item: the answer, or an inline table ``{ answer = "...",
    feedback = "..." }`` (kept as text when it is not one)."""
    if line.lstrip().startswith("{"):
        try:
            return tomllib.loads(f"item = {line.strip()}")["item"]
        except tomllib.TOMLDecodeError:
            return line
    return line


def _pair(line: str) -> Any:
    for arrow in (_ARROW, _ASCII_ARROW):
        left, found, right = line.partition(arrow)
        if found:
            return [left, right]
    return line


def _nest(flat: dict[str, Any]) -> Table:
    """``{"source.title": t}`` -> ``{"source": {"title": t}}``."""
    table: Table = {}
    for key, value in flat.items():
        *parents, name = key.split(".")
        target = table
        for parent in parents:
            target = target.setdefault(parent, {})
        target[name] = value
    return table


def read_csv(text: str) -> ImportResult:
    """Read a bank in the CSV layout of `export_csv`.

    Notes are located at the spreadsheet's row and column (the header is row
    1): an unknown or repeated column, a row without a type, a second bank
    row. Every other problem is found by the bank check afterwards.
    """
    text = text.removeprefix("\ufeff")
    delimiter = _delimiter(text.split("\n", 1)[0])
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    errors: list[Note] = []
    header = next(rows, [])
    columns: list[str | None] = []
    for number, name in enumerate(header, start=1):
        column = name.strip().casefold()
        if column not in _KNOWN:
            hint = did_you_mean(column, _KNOWN)
            errors.append(Note(1, f"unknown column {quoted(name)}{hint}", number))
            columns.append(None)
        elif column in columns:
            errors.append(Note(1, f"the column {quoted(name)} appears twice", number))
            columns.append(None)
        else:
            columns.append(column)
    if "type" not in columns:
        errors.append(Note(1, "no 'type' column: each row needs its type (choice, text, ...)"))
        return ImportResult(errors=tuple(errors))
    type_col = columns.index("type") + 1
    pieces: list[Piece] = []
    head: Table | None = None
    head_origin: Origin | None = None
    for number, row in enumerate(rows, start=2):
        cells = {
            column: (value, index)
            for index, (column, value) in enumerate(zip(columns, row, strict=False), start=1)
            if column is not None and value.strip()
        }
        extra = [
            index for index, value in enumerate(row[len(columns) :], len(columns) + 1) if value
        ]
        if extra:
            errors.append(Note(number, "this row has more cells than there are columns", extra[0]))
        if not cells:
            continue
        kind = cells.pop("type", ("", 0))[0].strip()
        if not kind:
            errors.append(
                Note(
                    number,
                    "the row has no type (a question type, or bank, actor, event or quote)",
                    type_col,
                )
            )
            continue
        flat = {column: _value(column, value, kind) for column, (value, _) in cells.items()}
        places = (
            ("type", number, type_col),
            *((column, number, index) for column, (_, index) in cells.items()),
        )
        identifier = flat.get("id")
        name = quoted(identifier) if isinstance(identifier, str) else "without an id"
        if kind == "bank":
            if head is not None:
                errors.append(Note(number, "a second bank row (there is one per file)", type_col))
                continue
            defaults = {key[9:]: flat.pop(key) for key in list(flat) if key.startswith("defaults.")}
            head = {"format": FORMAT_VERSION, "bank": _nest(flat)}
            if defaults:
                head["defaults"] = defaults
            head_origin = Origin(number, "the bank row", tuple(places))
            continue
        array = next((a for a, k in _FACT_TYPES.items() if k == kind), "questions")
        table = _nest(flat) if array != "questions" else {"type": kind, **flat}
        label = f"{_FACT_TYPES.get(array, 'question')} {name}"
        pieces.append(Piece(array, table, Origin(number, label, tuple(places))))
    return ImportResult(
        pieces=tuple(pieces), head=head, head_origin=head_origin, errors=tuple(errors)
    )
