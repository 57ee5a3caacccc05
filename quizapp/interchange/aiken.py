"""Aiken <-> quizapp choice questions.

Aiken, as Moodle reads it, holds single-answer multiple choice only::

    Which system did Turkey buy from Russia?
    A) S-400
    B) F-35
    C. Patriot
    ANSWER: A

The question is one line; each option starts with a capital letter (in
order: A, B, C ...), then ``)`` or ``.``; ``ANSWER:`` gives the right
letter and ends the question. Blank lines are ignored. Aiken has no titles
or feedback: imported questions are numbered ``q1``, ``q2`` ... in file
order, and have no explanation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from quizapp.interchange.common import ExportResult, ImportResult, LeftOut, Note, QuestionIds
from quizapp.model import Bank, ChoiceQuestion, Question

__all__ = ["export_aiken", "read_aiken"]

_OPTION = re.compile(r"([A-Z])[.)][ \t]*(.*)")
_ANSWER = re.compile(r"ANSWER:(.*)")
_MAX_OPTIONS = 26


@dataclass
class _Open:
    """The question being read."""

    line: int
    text: str
    options: list[tuple[int, str]] = field(default_factory=list)
    #: An error was reported; the rest of the question is passed over.
    broken: bool = False


def read_aiken(text: str) -> ImportResult:
    """Convert the Aiken document ``text`` into choice questions.

    Problems are reported at their line (column 1): an option or ``ANSWER:``
    with no question, options out of order, fewer than 2 options, a letter
    that names no option, a question without ``ANSWER:``.
    """
    ids = QuestionIds()
    questions: list[Question] = []
    errors: list[Note] = []
    skipped: list[Note] = []
    current: _Open | None = None
    ordinal = 0

    def unfinished(question: _Open) -> None:
        if not question.broken:
            errors.append(Note(question.line, "the question has no 'ANSWER:' line"))

    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        answer = _ANSWER.match(line)
        option = _OPTION.fullmatch(line)
        if answer:
            if current is None:
                errors.append(Note(number, "'ANSWER:' without a question before it"))
            elif not current.broken:
                found = _finish(current, answer.group(1).strip(), number, errors, skipped)
                if found is not None:
                    choices, right = found
                    questions.append(
                        ChoiceQuestion(
                            id=ids.allocate("", ordinal),
                            prompt=current.text,
                            choices=choices,
                            answer=right,
                            line=current.line,
                        )
                    )
            current = None
        elif current is None:
            if option:
                errors.append(Note(number, f"option '{option.group(1)})' without a question"))
                current = _Open(number, "", broken=True)
            else:
                ordinal += 1
                current = _Open(number, line)
        elif option and not current.broken:
            expected = chr(ord("A") + len(current.options))
            if option.group(1) != expected:
                errors.append(
                    Note(number, f"expected option '{expected})' here, found '{option.group(1)})'")
                )
                current.broken = True
            elif not option.group(2).strip():
                errors.append(Note(number, f"option '{expected})' has no text"))
                current.broken = True
            else:
                current.options.append((number, option.group(2).strip()))
        elif current.broken:
            continue
        elif not current.options:
            errors.append(
                Note(
                    number,
                    f"an Aiken question is one line, and this line follows the question on "
                    f"line {current.line} (options start with 'A)' or 'A.')",
                )
            )
            current.broken = True
        else:
            unfinished(current)
            ordinal += 1
            current = _Open(number, line)
    if current is not None:
        unfinished(current)
    return ImportResult(questions=tuple(questions), errors=tuple(errors), skipped=tuple(skipped))


def _finish(
    question: _Open, letter: str, line: int, errors: list[Note], skipped: list[Note]
) -> tuple[tuple[str, ...], str] | None:
    """The choices and the right one of ``question`` with ``ANSWER: letter``,
    or None after reporting why there are none."""
    if len(question.options) < 2:
        errors.append(Note(line, "a question needs at least 2 options before 'ANSWER:'"))
        return None
    last = chr(ord("A") + len(question.options) - 1)
    if not re.fullmatch(r"[A-Za-z]", letter):
        errors.append(Note(line, f"'ANSWER:' must give one letter from A to {last}"))
        return None
    index = ord(letter.upper()) - ord("A")
    if index >= len(question.options):
        errors.append(Note(line, f"'ANSWER: {letter}' names no option (options A to {last})"))
        return None
    choices = [text for _, text in question.options]
    for position, (option_line, text) in enumerate(question.options):
        if text in choices[:position]:
            skipped.append(
                Note(option_line, f"two options read '{text}'; quizapp needs different choices")
            )
            return None
    return tuple(choices), choices[index]


def _letter(index: int) -> str:
    return chr(ord("A") + index)


def _flat(text: str) -> str:
    return " ".join(text.split())


def export_aiken(bank: Bank, questions: Iterable[Question] | None = None) -> ExportResult:
    """``questions`` (default: the bank's hand-written ones) in Aiken format.

    Only single-answer choice questions with at most 26 choices fit; line
    breaks become spaces. The others are left out, each with its reason.
    """
    chosen = tuple(bank.questions if questions is None else questions)
    blocks: list[str] = []
    left_out: list[LeftOut] = []
    for question in chosen:
        if not isinstance(question, ChoiceQuestion):
            reason = f"Aiken holds single-answer choice questions only, not {question.type}"
            left_out.append(LeftOut(question.id, reason))
            continue
        if len(question.choices) > _MAX_OPTIONS:
            reason = f"Aiken has letters for 26 options, this question has {len(question.choices)}"
            left_out.append(LeftOut(question.id, reason))
            continue
        prompt = _flat(
            f"{question.quote} — {question.prompt}" if question.quote else question.prompt
        )
        if _OPTION.fullmatch(prompt) or _ANSWER.match(prompt):
            reason = "the question starts like an Aiken option or ANSWER line"
            left_out.append(LeftOut(question.id, reason))
            continue
        lines = [prompt]
        lines.extend(f"{_letter(i)}) {_flat(choice)}" for i, choice in enumerate(question.choices))
        lines.append(f"ANSWER: {_letter(question.choices.index(question.answer))}")
        blocks.append("\n".join(lines) + "\n")
    return ExportResult("\n".join(blocks), len(blocks), tuple(left_out))
