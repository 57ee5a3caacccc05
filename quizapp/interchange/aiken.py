"""Aiken <-> quizapp choice questions.

Aiken holds single-answer multiple choice only::

    Which system did Turkey buy from Russia?
    A) S-400
    B) F-35
    C. Patriot
    ANSWER: A

The reader does what Moodle's Aiken importer does (``question/format/aiken/
format.php``), line by line, each line stripped:

- a line shorter than 2 bytes is passed over;
- a line starting with a capital letter and ``)`` or ``.`` is an option; the
  letters are not checked, options are numbered by their place;
- a line starting with ``ANSWER:`` ends the question; the first character
  after it is the right option's letter (``ANSWER: B) two`` is option B);
- any other line starts a question -- so a question is one line, and one
  that is still open (no ``ANSWER:`` yet) is dropped.

Aiken has no titles or feedback: imported questions are numbered ``q1``,
``q2`` ... in file order, and have no explanation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from quizapp.interchange.common import (
    ExportResult,
    ImportResult,
    LeftOut,
    Note,
    Origin,
    Piece,
    QuestionIds,
    plural,
    quoted,
)
from quizapp.model import Bank, ChoiceQuestion, Question

__all__ = ["export_aiken", "read_aiken"]

_OPTION = re.compile(r"[A-Z][).]")
_MAX_OPTIONS = 26


@dataclass
class _Open:
    """The question being read."""

    line: int
    text: str
    ordinal: int
    #: (line, label letter, text) of each option.
    options: list[tuple[int, str, str]] = field(default_factory=list)


def read_aiken(text: str) -> ImportResult:
    """Read the Aiken document ``text`` into choice question tables.

    Problems are reported at their line (column 1): an option or ``ANSWER:``
    with no question, a question with no ``ANSWER:`` line before the next
    one, fewer than 2 options, an empty option, a letter that names no option.
    """
    reader = _Reader()
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(lines, start=1):
        reader.line(number, raw.strip())
    if reader.current is not None:
        reader.errors.append(Note(reader.current.line, "the question has no 'ANSWER:' line"))
    return ImportResult(
        pieces=tuple(reader.pieces),
        errors=tuple(reader.errors),
        skipped=tuple(reader.skipped),
        approximated=tuple(reader.approximated),
    )


class _Reader:
    def __init__(self) -> None:
        self.ids = QuestionIds()
        self.pieces: list[Piece] = []
        self.errors: list[Note] = []
        self.skipped: list[Note] = []
        self.approximated: list[Note] = []
        self.current: _Open | None = None
        self.ordinal = 0

    def line(self, number: int, line: str) -> None:
        if len(line.encode("utf-8")) < 2:
            return
        if _OPTION.match(line):
            if self.current is None:
                self.errors.append(
                    Note(
                        number,
                        f"option '{line[:2]}' without a question before it (a line that starts "
                        "with a capital letter and ')' or '.' is an option)",
                    )
                )
            else:
                self.current.options.append((number, line[0], line[2:].strip()))
        elif line.startswith("ANSWER:"):
            if self.current is None:
                self.errors.append(Note(number, "'ANSWER:' without a question before it"))
            else:
                self._finish(self.current, line[len("ANSWER:") :].strip()[:1], number)
            self.current = None
        else:
            if self.current is not None:
                self.errors.append(
                    Note(
                        self.current.line,
                        f"the question has no 'ANSWER:' line before line {number} starts "
                        "another one (an Aiken question is one line; options start with "
                        "'A)' or 'A.')",
                    )
                )
            self.ordinal += 1
            self.current = _Open(number, line, self.ordinal)

    def _finish(self, question: _Open, letter: str, line: int) -> None:
        options = question.options
        if len(options) < 2:
            self.errors.append(Note(line, "a question needs at least 2 options before 'ANSWER:'"))
            return
        last = chr(ord("A") + len(options) - 1)
        for option_line, label, text in options:
            if not text:
                self.errors.append(Note(option_line, f"option '{label})' has no text"))
                return
        if not letter.isascii() or not letter.isalpha():
            self.errors.append(Note(line, f"'ANSWER:' must give one letter from A to {last}"))
            return
        index = ord(letter.upper()) - ord("A")
        if index >= len(options):
            self.errors.append(
                Note(line, f"'ANSWER: {letter}' names no option (options A to {last})")
            )
            return
        if letter.islower():
            self.approximated.append(
                Note(
                    line,
                    f"'ANSWER: {letter}' is read as {letter.upper()}; Moodle reads only "
                    "capital letters and would give this question no right answer",
                )
            )
        labels = "".join(label for _, label, _ in options)
        expected = "".join(chr(ord("A") + n) for n in range(len(options)))
        if labels != expected:
            self.approximated.append(
                Note(
                    options[0][0],
                    f"the options are lettered {', '.join(labels)}: as Moodle does, they are "
                    f"taken in order as {', '.join(expected)}, and 'ANSWER: {letter}' "
                    f"is the option on line {options[index][0]}",
                )
            )
        choices = [text for _, _, text in options]
        seen: set[str] = set()
        for option_line, _, text in options:
            if text in seen:
                self.skipped.append(
                    Note(
                        option_line,
                        f"two options read {quoted(text)}; quizapp needs different choices",
                    )
                )
                return
            seen.add(text)
        identifier = self.ids.allocate("", question.ordinal)
        table = {
            "id": identifier,
            "type": "choice",
            "prompt": question.text,
            "choices": choices,
            "answer": choices[index],
        }
        origin = Origin(question.line, f"question {quoted(identifier)}")
        self.pieces.append(Piece("questions", table, origin))


def _letter(index: int) -> str:
    return chr(ord("A") + index)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _why_not(question: Question, prompt: str) -> str:
    """Why ``question`` (with its one-line ``prompt``) cannot be written as Aiken, or ""."""
    if not isinstance(question, ChoiceQuestion):
        return f"Aiken holds single-answer choice questions only, not {question.type}"
    if len(question.choices) > _MAX_OPTIONS:
        return f"Aiken has letters for 26 options, this question has {len(question.choices)}"
    if _OPTION.match(prompt) or prompt.startswith("ANSWER:"):
        return "the question starts like an Aiken option or ANSWER line"
    if len(prompt.encode("utf-8")) < 2:
        return "Moodle passes over a question of fewer than 2 characters"
    return ""


def export_aiken(bank: Bank, questions: Iterable[Question] | None = None) -> ExportResult:
    """``questions`` (default: the bank's hand-written ones) in Aiken format.

    Only single-answer choice questions with at most 26 choices fit; line
    breaks become spaces. The others are left out, each with its reason.
    """
    chosen = tuple(bank.questions if questions is None else questions)
    blocks: list[str] = []
    left_out: list[LeftOut] = []
    written: list[ChoiceQuestion] = []
    for question in chosen:
        prompt = _flat(
            f"{question.quote} — {question.prompt}" if question.quote else question.prompt
        )
        reason = _why_not(question, prompt)
        if reason:
            left_out.append(LeftOut(question.id, reason))
            continue
        assert isinstance(question, ChoiceQuestion)
        lines = [prompt]
        lines.extend(f"{_letter(i)}) {_flat(choice)}" for i, choice in enumerate(question.choices))
        lines.append(f"ANSWER: {_letter(question.choices.index(question.answer))}")
        blocks.append("\n".join(lines) + "\n")
        written.append(question)
    return ExportResult("\n".join(blocks), len(blocks), tuple(left_out), (), _not_kept(written))


def _not_kept(written: list[ChoiceQuestion]) -> tuple[str, ...]:
    """What Aiken, and so Moodle, will not keep of the ``written`` questions."""
    counts = [
        (len(written), "question ids: {} (Moodle names questions after their text)"),
        (sum(1 for q in written if q.explanation), "explanations: {}"),
        (sum(1 for q in written if q.source), "source excerpts: {}"),
        (sum(1 for q in written if q.tags), "tags: {}"),
        (sum(1 for q in written if q.difficulty != 1 or q.points != 1), "difficulty or points: {}"),
        (
            sum(1 for q in written if any("\n" in t for t in (q.prompt, q.quote, *q.choices))),
            "line breaks: {} written on one line",
        ),
    ]
    lines = [template.format(plural(count, "question")) for count, template in counts if count]
    if not lines:
        return ()
    return ("Moodle will not keep (Aiken has no place for it):", *(f"  - {line}" for line in lines))
