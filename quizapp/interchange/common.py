"""What the GIFT, Aiken and CSV converters share: results, notes, ids, text.

An import gives an `ImportResult`: the converted questions plus three kinds
of located notes about the input file -- errors (the file is malformed; no
bank should be written), skipped questions (well-formed, but with no
equivalent in quizapp) and approximations (converted, with a difference the
teacher should know about). An export gives an `ExportResult`: the text and
the questions left out, each with its reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from quizapp.model import Bank, Defaults, MatchMode, Question, SourceInfo


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
class ImportResult:
    """The questions converted from one file and what was said about it."""

    questions: tuple[Question, ...] = ()
    #: The input is malformed here; a bank must not be written from it.
    errors: tuple[Note, ...] = ()
    #: Well-formed questions that have no quizapp equivalent.
    skipped: tuple[Note, ...] = ()
    #: Questions converted with a difference (a weight, a distractor ...).
    approximated: tuple[Note, ...] = ()

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
    """A question an export could not write, and why."""

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
    #: Written, but with something the format cannot hold dropped.
    approximated: tuple[LeftOut, ...] = ()


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
    """

    def __init__(self) -> None:
        self._used: set[str] = set()

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


# ----------------------------------------------------------------------- text


class _TextFromHTML(HTMLParser):
    _BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
    _SKIP = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BREAKS:
            self.pieces.append("\n")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.pieces.append(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BREAKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.pieces.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of simple HTML: tags dropped, ``<p>``/``<br>`` as line
    breaks, entities decoded, ``<img alt>`` kept as its text."""
    parser = _TextFromHTML()
    parser.feed(markup)
    parser.close()
    return tidy_lines("".join(parser.pieces))


def tidy_lines(text: str) -> str:
    """Spaces collapsed inside each line, lines stripped, blank lines dropped."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def unique(items: list[str]) -> tuple[str, ...]:
    """``items`` without repeats, first occurrence kept."""
    return tuple(dict.fromkeys(items))


def build_bank(
    questions: tuple[Question, ...],
    *,
    bank_id: str,
    title: str,
    source_title: str,
    match: MatchMode = "lenient",
) -> Bank:
    """A bank holding imported ``questions``; ``match`` becomes the bank default."""
    return Bank(
        id=bank_id,
        title=title,
        source=SourceInfo(title=source_title),
        defaults=Defaults(match=match),
        questions=questions,
    )
