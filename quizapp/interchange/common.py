"""What the GIFT, Aiken and CSV converters share: results, notes, ids.

An import reads a file into an `ImportResult`: the tables of the bank to be
(questions, and any facts or bank settings the file carries), each with the
place in the file it came from, plus located notes about the input -- errors
(a question is malformed), skipped questions (well-formed, but with no
equivalent in quizapp) and approximations (converted, with a difference the
teacher should know about). `quizapp.interchange.convert` then checks the
tables with the bank loader and builds the bank.

An export gives an `ExportResult`: the text, the questions left out with
their reasons, and what the target will not keep.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from quizapp.model import MatchMode

#: A table of a bank file as TOML data (``{"id": ..., "type": ...}``).
Table = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Note:
    """One message about a place in an input file (1-based line and column)."""

    line: int
    message: str
    col: int = 1

    def located(self, path: str, label: str = "") -> str:
        """``path:line:col: [label: ]message``."""
        prefix = f"{label}: " if label else ""
        return f"{path}:{self.line}:{self.col}: {prefix}{self.message}"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a table of an imported bank came from in the input file.

    ``label`` names it for messages ("question 'roles'"); ``places`` gives
    (key, line, column) for keys with a place of their own: a CSV cell, a
    ``//:`` line of GIFT.
    """

    line: int
    label: str
    places: tuple[tuple[str, int, int], ...] = ()
    col: int = 1

    def place(self, key: str) -> tuple[int, int]:
        """The line and column of ``key`` (the table's own when it has none)."""
        return next(
            ((ln, col) for name, ln, col in self.places if name == key), (self.line, self.col)
        )


#: The start of a ``key = value`` line of TOML: the key (quoted or bare).
TOML_KEY = re.compile(r'\s*([A-Za-z0-9_-]+|"[^"]*")\s*=')

#: The arrays of tables of a bank file, in the order they are written.
ARRAYS = ("actors", "events", "quotes", "questions")


@dataclass(frozen=True, slots=True)
class Piece:
    """One table of an imported bank: ``array`` is one of `ARRAYS`."""

    array: str
    table: Table
    origin: Origin


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What was read from one file, before the bank loader checks it."""

    #: The tables, in file order.
    pieces: tuple[Piece, ...] = ()
    #: ``format``, ``[bank]`` and ``[defaults]`` when the file carries them
    #: (a quizapp export does), else None.
    head: Table | None = None
    head_origin: Origin | None = None
    #: The input is malformed here; the question is left out (or, with
    #: ``--strict``, no bank is written).
    errors: tuple[Note, ...] = ()
    #: Well-formed questions that have no quizapp equivalent.
    skipped: tuple[Note, ...] = ()
    #: Questions converted with a difference (a weight, a wildcard ...).
    approximated: tuple[Note, ...] = ()
    #: The match mode of typed answers when the file does not say.
    match: MatchMode = "lenient"

    @property
    def questions(self) -> tuple[Table, ...]:
        """The question tables, in file order."""
        return tuple(piece.table for piece in self.pieces if piece.array == "questions")

    def report_lines(self, path: str) -> list[str]:
        """Every note as ``path:line:col: ...``, in file order."""
        labelled = [
            *((note, "") for note in self.errors),
            *((note, "skipped") for note in self.skipped),
            *((note, "approximated") for note in self.approximated),
        ]
        labelled.sort(key=lambda pair: (pair[0].line, pair[0].col))
        return [note.located(path, label) for note, label in labelled]


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A question an export could not write (or wrote differently), and why."""

    question_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.question_id}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The text of an export, how many questions it holds, and the rest."""

    text: str
    written: int
    left_out: tuple[LeftOut, ...] = ()
    #: Written, but with something the format cannot hold changed.
    approximated: tuple[LeftOut, ...] = ()
    #: What the target application will not keep, one line each
    #: ("typo tolerance: 12 questions ..."), said once per export.
    not_kept: tuple[str, ...] = ()


def plural(count: int, word: str, many: str = "") -> str:
    """``1 question``, ``2 questions``."""
    return f"{count} {word if count == 1 else many or word + 's'}"


# ------------------------------------------------------------------------ ids

#: What the bank validator accepts as an id (`quizapp.banks.checker.ID_PATTERN`).
_VALID_ID = re.compile(r"[A-Za-z0-9_.-]+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG_LIMIT = 48


def slugify(text: str) -> str:
    """Lower-case ASCII letters and digits joined by ``-`` ("Q 1: Année" -> "q-1-annee")."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(char for char in folded if not unicodedata.combining(char))
    slug = _NOT_SLUG.sub("-", ascii_only.casefold()).strip("-")
    if len(slug) > _SLUG_LIMIT:
        slug = slug[:_SLUG_LIMIT].rsplit("-", 1)[0] or slug[:_SLUG_LIMIT]
    return slug


class QuestionIds:
    """Hands out unique, stable question ids: from a title, else ``q<N>``.

    A title that is already a valid id (``coup_year``, ``Q1``) is kept as it
    is, so a bank exported with its ids as titles gets the same ids back.
    Ids the file uses elsewhere (its facts, carried questions) are
    `reserve`\\ d first, so that no question takes one of them.
    """

    def __init__(self) -> None:
        self._used: set[str] = set()

    def reserve(self, identifier: str) -> None:
        """Mark ``identifier`` as taken."""
        self._used.add(identifier)

    def allocate(self, title: str, ordinal: int) -> str:
        """An unused id for the question numbered ``ordinal`` (1-based) in its file."""
        title = title.strip()
        base = title if _VALID_ID.fullmatch(title) else slugify(title)
        base = base or f"q{ordinal}"
        candidate, number = base, 2
        while candidate in self._used:
            candidate = f"{base}-{number}"
            number += 1
        self._used.add(candidate)
        return candidate


def unique(items: list[str]) -> list[str]:
    """``items`` without repeats, first occurrence kept."""
    return list(dict.fromkeys(items))


def quoted(text: str) -> str:
    """``text`` in quotes for a message, on one line and at most 60 characters."""
    flat = " ".join(text.split())
    return f"'{flat[:57]}...'" if len(flat) > 60 else f"'{flat}'"
