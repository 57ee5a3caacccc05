"""Checking that a bank's excerpts and quotes are verbatim in its source text."""

from __future__ import annotations

from collections.abc import Iterator

from quizapp.banks.checker import describe
from quizapp.banks.locate import Position, Where, scan_positions
from quizapp.model import Bank, BankProblem, Location

_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def normalise_whitespace(text: str) -> str:
    """``text`` with every run of whitespace turned into one space, trimmed."""
    return " ".join(text.split())


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
            text = self._bank.path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return {}
        return scan_positions(text)
