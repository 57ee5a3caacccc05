"""The plain quiz's questions as lines of text, and typed lines read as answers.

A question is shown as the TUI shows it, in words: choices and items to put
in order are numbered in the order the quiz shows them, a match question's
right-hand items are lettered. A line that cannot be an answer yet (an
empty line, a number out of range) raises `NotAnAnswer` with what to type,
and the question is asked again; grading is the quiz session's.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

from quizapp.grading import normalise_text
from quizapp.model import (
    SELF_GRADE_LABELS,
    Answer,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OpenQuestion,
    OrderQuestion,
    Question,
    SelfGrade,
    TrueFalseQuestion,
)
from quizapp.session import not_yet_a_number, not_yet_an_answer
from quizapp.usecases.feedback import Span, plain

LETTERS = string.ascii_lowercase
_TRUE = ("t", "true", "1", "yes", "y")
_FALSE = ("f", "false", "2", "no", "n")
_SEPARATORS = re.compile(r"[\s,;]+")


class NotAnAnswer(ValueError):
    """A typed line that is not an answer yet; the message says what to type."""


def question_lines(question: Question, display: Sequence[str]) -> list[str]:
    """The question as lines: its quote, its prompt, its options, and how to answer."""
    lines = []
    if question.quote:
        lines.append(plain([(Span(question.quote, "quote"),)]))
    prompt = question.prompt
    if isinstance(question, ClozeQuestion):
        prompt = prompt or "Fill in the gaps."
    lines.append(prompt)
    match question:
        case ChoiceQuestion() | MultiQuestion() | OrderQuestion():
            lines.extend(f"  {number}. {item}" for number, item in enumerate(display, 1))
        case MatchQuestion(pairs=pairs):
            lines.extend(f"  {number}. {left}" for number, (left, _) in enumerate(pairs, 1))
            lines.append("with:")
            lines.extend(f"  {LETTERS[i]}. {right}" for i, right in enumerate(display[:26]))
        case ClozeQuestion(parts=parts):
            lines.append(
                "".join(
                    part + (f"[{i}]_____" if i < len(parts) else "")
                    for i, part in enumerate(parts, 1)
                )
            )
    lines.append(how_to_answer(question, display))
    return lines


def how_to_answer(question: Question, display: Sequence[str]) -> str:
    """What to type for ``question``."""
    match question:
        case ChoiceQuestion():
            return f"Type the number of your choice (1 to {len(display)})."
        case TrueFalseQuestion():
            return "Type t for true or f for false."
        case MultiQuestion():
            return "Type the numbers of every right choice, such as: 1 3"
        case OrderQuestion():
            return f"Type the numbers in the right order, such as: {_example(len(display))}"
        case MatchQuestion(pairs=pairs):
            example = " ".join(LETTERS[: len(pairs)][::-1])
            return f"Type the letter for each numbered item, in order, such as: {example}"
        case NumberQuestion(unit=unit):
            return f"Type a number{f' (in {unit})' if unit else ''}."
        case ClozeQuestion():
            return "Type each gap on its own line."
        case OpenQuestion():
            return "Write your answer on one line (or leave it empty): the model answer follows."
    return "Type your answer."


def _example(count: int) -> str:
    return " ".join(str(n) for n in [*range(2, count + 1), 1][:count])


def read_answer(question: Question, display: Sequence[str], line: str) -> Answer:
    """``line`` as the answer to ``question`` (not a cloze or open question:
    see `read_gaps` and `read_self_grade`). Raises `NotAnAnswer`."""
    text = line.strip()
    match question:
        case ChoiceQuestion():
            return display[_one_number(text, display) - 1]
        case TrueFalseQuestion():
            word = text.casefold()
            if word in _TRUE or word in _FALSE:
                return word in _TRUE
            raise NotAnAnswer("Type t for true or f for false, or /skip.")
        case MultiQuestion():
            numbers = _numbers(text, len(display))
            if not numbers:
                raise NotAnAnswer("Type the number of at least one choice, or /skip.")
            return frozenset(display[n - 1] for n in numbers)
        case OrderQuestion():
            numbers = _numbers(text, len(display))
            if sorted(numbers) != list(range(1, len(display) + 1)):
                raise NotAnAnswer(
                    f"Type each number from 1 to {len(display)} once, in the right order."
                )
            return tuple(display[n - 1] for n in numbers)
        case MatchQuestion(pairs=pairs):
            return tuple(
                (left, display[index])
                for (left, _), index in zip(
                    pairs, _letters(text, len(pairs), len(display)), strict=True
                )
            )
        case NumberQuestion(unit=unit):
            hint = not_yet_a_number(text, unit)
        case _:
            hint = not_yet_an_answer(text)
    if hint:
        raise NotAnAnswer(hint.replace("skip the question", "type /skip"))
    return text


def _one_number(text: str, options: Sequence[str]) -> int:
    """The number of the choice ``text`` names: its number, or its text."""
    if text.isdigit() and 1 <= int(text) <= len(options):
        return int(text)
    folded = normalise_text(text)
    for number, option in enumerate(options, 1):
        if folded and normalise_text(option) == folded:
            return number
    raise NotAnAnswer(f"Type a number from 1 to {len(options)}, or /skip.")


def _numbers(text: str, count: int) -> list[int]:
    words = [word for word in _SEPARATORS.split(text) if word]
    if not all(word.isdigit() and 1 <= int(word) <= count for word in words):
        raise NotAnAnswer(f"Type numbers from 1 to {count}, separated by spaces.")
    return [int(word) for word in words]


def _letters(text: str, needed: int, available: int) -> list[int]:
    words = [word for word in _SEPARATORS.split(text.casefold()) if word]
    if len(words) == 1 and len(words[0]) == needed:
        words = list(words[0])  # "bac" for "b a c"
    letters = LETTERS[: min(available, len(LETTERS))]
    if len(words) != needed or not all(len(w) == 1 and w in letters for w in words):
        raise NotAnAnswer(
            f"Type {needed} letters from a to {letters[-1]}, one for each numbered item."
        )
    return [letters.index(word) for word in words]


def read_gaps(lines: Sequence[str]) -> tuple[str, ...]:
    """The gaps of a cloze question, one typed line each. Raises
    `NotAnAnswer` when every gap is empty."""
    gaps = tuple(line.strip() for line in lines)
    hint = not_yet_an_answer(gaps)
    if hint:
        raise NotAnAnswer(hint.replace("skip the question", "type /skip"))
    return gaps


def self_grade_prompt() -> str:
    """``How much of it did your answer cover? 1 all of it, 2 some of it, 3 none of it``."""
    choices = ", ".join(f"{n} {label.lower()}" for n, (_, label) in enumerate(SELF_GRADE_LABELS, 1))
    return f"How much of it did your answer cover? Type {choices}."


def read_self_grade(line: str) -> SelfGrade:
    """A student's grade of their own open answer: its number or its word."""
    word = line.strip().casefold()
    for number, (grade, label) in enumerate(SELF_GRADE_LABELS, 1):
        if word in (str(number), grade, label.casefold()):
            return grade
    raise NotAnAnswer(f"Type 1, 2 or 3. {self_grade_prompt()}")
