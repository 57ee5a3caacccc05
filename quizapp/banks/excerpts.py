"""A bank's excerpts in its source text: checking them (``quizapp check
--source``) and finding one to show in context.

Show in context reads ``[bank.source] file`` only through `context_source`,
which refuses a file outside the bank's folder unless the user named it on
the command line, and `read_context_source`, which reads it as every user
file is read (regular files only, under the size limit). `locate_excerpt`
finds an excerpt in linear time and gives a bounded window of text around
it to show. No Textual here.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from quizapp.banks.checker import describe
from quizapp.banks.locate import Position, Where, scan_positions
from quizapp.files import FileProblem, read_file, stat_path
from quizapp.model import Bank, BankProblem, Location

_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
#: Runs of two or more whitespace characters: collapsing one moves offsets.
_LONG_SPACE = re.compile(r"\s\s+")
_SPACE = re.compile(r"\s+")
#: A blank line (possibly with spaces) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
#: Characters of source text shown on each side of an excerpt.
CONTEXT_CHARS = 5_000


def normalise_whitespace(text: str) -> str:
    """``text`` with every run of whitespace turned into one space, trimmed."""
    return " ".join(text.split())


def context_source(bank: Bank, *, named: Collection[Path] = ()) -> Path | str:
    """The file show-in-context may read for ``bank``, or a sentence saying
    why there is none.

    The file must be a regular file inside the bank's folder (or a folder
    below it) once symbolic links are followed, so a bank cannot show the
    user's other files (``file = "/etc/passwd"``, ``"../../.ssh/id_rsa"``),
    unless it is one of ``named``: the files the user gave on the command
    line. Never raises.
    """
    source_path = bank.source_path()
    if source_path is None or bank.path is None or bank.source is None:
        return "This bank names no source text."
    name = f"The source text {describe(bank.source.file)}"
    try:
        real = Path(os.path.realpath(source_path))
        folder = Path(os.path.realpath(bank.path.parent))
        allowed = {Path(os.path.realpath(path)) for path in named}
    except (OSError, ValueError):  # a NUL byte: the validator refuses these already
        return f"{name} cannot be opened."
    if not real.is_relative_to(folder) and real not in allowed:
        return (
            f"{name} is outside the bank's folder; "
            "quizapp shows it only when you name it on the command line."
        )
    try:
        info = stat_path(real)
    except FileProblem as problem:
        reason = "was not found" if problem.missing else f"cannot be opened: {problem}"
        return f"{name} {reason}."
    if not info.is_file:
        return f"{name} is {info.kind}, not a file."
    return real


def read_context_source(bank: Bank, *, named: Collection[Path] = ()) -> str:
    """The text of the bank's source file for show-in-context (bytes that are
    not UTF-8 replaced).

    Raises `FileProblem` with a sentence for the user when it cannot be
    shown (see `context_source`) or read (as `quizapp.files.read_file` reads
    files: regular files only, at most 20 MB).
    """
    path = context_source(bank, named=named)
    if isinstance(path, str):
        raise FileProblem(path)
    try:
        data = read_file(path)
    except FileProblem as problem:
        raise FileProblem(f"The source text could not be read: {problem}.") from None
    return data.decode("utf-8-sig", errors="replace")


@dataclass(frozen=True, slots=True)
class ExcerptWindow:
    """Where an excerpt is in a text, and the part of the text to show."""

    #: The part of the text to show: ``text[start:end]``.
    start: int
    end: int
    #: The excerpt's (start, end) offsets in the whole text, None when not found.
    excerpt: tuple[int, int] | None


def locate_excerpt(text: str, excerpt: str, *, around: int = CONTEXT_CHARS) -> ExcerptWindow:
    """Find ``excerpt`` in ``text`` (see `find_excerpt`) and choose the part
    of the text to show: the excerpt and about ``around`` characters on each
    side, cut at paragraph, line or word breaks; the start of the text when
    the excerpt is not found. A ``source`` of several excerpts, one per
    line, that is not one passage is shown at the first of its lines found.
    Linear in the size of the text (and the number of lines)."""
    found = find_excerpt(text, excerpt)
    if found is None and "\n" in excerpt.strip():
        found = next(
            filter(None, (find_excerpt(text, line) for line in source_excerpts(excerpt))), None
        )
    low, high = found if found is not None else (0, 0)
    start = _break_before(text, low, around) if low else 0
    end = _break_after(text, high, around if found is not None else 2 * around)
    return ExcerptWindow(start, end, found)


def find_excerpt(text: str, excerpt: str) -> tuple[int, int] | None:
    """Where ``excerpt`` is in ``text``, as (start, end) offsets, or None.

    Runs of whitespace match any run of whitespace (a line break in the file
    may be a space in the excerpt), and typographic quote marks match plain
    ones; everything else must match exactly, case included. Linear in the
    size of the text: both are flattened, searched with `str.find`, and the
    offsets mapped back.
    """
    needle = " ".join(excerpt.translate(_STRAIGHT).split())
    if not needle:
        return None
    haystack = _SPACE.sub(" ", text.translate(_STRAIGHT))
    at = haystack.find(needle)
    if at < 0:
        return None
    # Each run of 2+ spaces in the text is 1 in the haystack: offsets after it move.
    flat_starts: list[int] = []
    shifts: list[int] = []
    shift = 0
    for run in _LONG_SPACE.finditer(text):
        flat_starts.append(run.start() - shift)
        shift += run.end() - run.start() - 1
        shifts.append(shift)

    def original(offset: int) -> int:
        before = bisect_left(flat_starts, offset)  # runs that start before ``offset``
        return offset + (shifts[before - 1] if before else 0)

    return original(at), original(at + len(needle) - 1) + 1


def _break_before(text: str, offset: int, around: int) -> int:
    """A paragraph, line or word break at most ``around`` characters before ``offset``."""
    low = max(0, offset - around)
    if low == 0:
        return 0
    window = text[low:offset]
    breaks = list(_PARAGRAPH_BREAK.finditer(window))
    if breaks:
        return low + breaks[0].end()
    for mark in ("\n", " "):
        found = window.find(mark)
        if found != -1:
            return low + found + 1
    return low


def _break_after(text: str, offset: int, around: int) -> int:
    """A paragraph, line or word break at most ``around`` characters after ``offset``."""
    high = min(len(text), offset + around)
    if high == len(text):
        return high
    window = text[offset:high]
    breaks = list(_PARAGRAPH_BREAK.finditer(window))
    if breaks:
        return offset + breaks[-1].start()
    for mark in ("\n", " "):
        found = window.rfind(mark)
        if found != -1:
            return offset + found
    return high


def check_source_excerpts(bank: Bank, text: str) -> list[BankProblem]:
    """Problems for every ``source`` excerpt (of facts and questions) and every
    quote ``text`` of ``bank`` that does not appear verbatim in ``text``.

    A ``source`` holds one excerpt per line (several when no one passage
    proves the whole answer), each checked on its own. Runs of whitespace
    count as one space; everything else must match exactly, case and quote
    marks included (’ is not '). Each problem is located at its key when the
    bank file can be read, else at its table.
    """
    haystack = normalise_whitespace(text)
    locator = _Locator(bank)
    problems: list[BankProblem] = []
    for where, line, label, excerpt in _excerpts(bank):
        needle = normalise_whitespace(excerpt)
        if needle in haystack:
            continue
        hint = _why(needle, haystack)
        message = f"{label} not found in the source text: {describe(needle)}{hint}"
        problems.append(BankProblem(locator.location(where, line), message))
    return problems


def source_excerpts(source: str) -> list[str]:
    """The excerpts of a ``source`` key: one per non-blank line."""
    return [line for line in source.splitlines() if line.strip()]


def _excerpts(bank: Bank) -> Iterator[tuple[Where, int, str, str]]:
    """(where, table line, label, excerpt) of every excerpt to check."""
    for index, actor in enumerate(bank.actors):
        for excerpt in source_excerpts(actor.source):
            yield ("actors", index, "source"), actor.line, "source excerpt", excerpt
    for index, event in enumerate(bank.events):
        for excerpt in source_excerpts(event.source):
            yield ("events", index, "source"), event.line, "source excerpt", excerpt
    for index, quote in enumerate(bank.quotes):
        yield ("quotes", index, "text"), quote.line, "quote text", quote.text
        for excerpt in source_excerpts(quote.source):
            yield ("quotes", index, "source"), quote.line, "source excerpt", excerpt
    for index, question in enumerate(bank.questions):
        if not question.generated:
            for excerpt in source_excerpts(question.source):
                yield ("questions", index, "source"), question.line, "source excerpt", excerpt


def _why(needle: str, haystack: str) -> str:
    """A hint at how a missing excerpt differs from the source text."""
    if needle.translate(_STRAIGHT) in haystack.translate(_STRAIGHT):
        return " (it differs only in quote marks or apostrophes: ’ “ ” versus ' \")"
    if needle.casefold() in haystack.casefold():
        return " (it differs only in upper and lower case)"
    # The longest start of the excerpt that the text contains (binary search:
    # if a prefix occurs, every shorter one does too).
    low, high = 0, len(needle)
    while low < high:
        middle = (low + high + 1) // 2
        if needle[:middle] in haystack:
            low = middle
        else:
            high = middle - 1
    if low < 10:
        return ""
    return f" (the first {low} characters match; it differs from {describe(needle[low:], 30)})"


class _Locator:
    """Positions of keys in the bank's file, read only if a problem needs one."""

    def __init__(self, bank: Bank) -> None:
        self._bank = bank
        self._positions: dict[Where, Position] | None = None
        self._name = str(bank.path) if bank.path is not None else bank.id

    def location(self, where: Where, line: int) -> Location:
        if self._positions is None:
            self._positions = self._scan()
        found = self._positions.get(where)
        table = self._positions.get(where[:2])
        # Trust the scan only if it agrees with the line the bank was built with.
        if found is not None and table is not None and table[0] == line:
            return Location(self._name, *found)
        return Location(self._name, max(line, 1), 1)

    def _scan(self) -> dict[Where, Position]:
        if self._bank.path is None:
            return {}
        try:
            text = read_file(self._bank.path).decode("utf-8-sig")
        except (FileProblem, UnicodeDecodeError):
            return {}
        return scan_positions(text)
