"""``quizapp grade BANK QUESTION_ID ANSWER...``: how an answer would be graded.

For teachers tuning ``accept`` and ``reject`` lists: the verdict, the score,
whether the answer was a near miss, which right form it matched and why it
was refused, exactly as a quiz grades it (generated questions included).

How the ANSWER arguments are read, per question type:

- choice: the choice's text, or its number in the bank's order (1, 2 ...);
- multi: one ANSWER per picked choice, each a text or a number;
- true_false: ``true`` or ``false`` (``yes``/``no``, ``t``/``f``);
- text, number: the words of the answer (``President Putin`` needs no quotes);
- cloze: one ANSWER per gap, in order (``""`` for an empty gap);
- order: the items in the order given;
- match: one ``LEFT=RIGHT`` per pair;
- open: ``all``, ``some`` or ``none`` (the student's own verdict), then
  what was written, if anything.

Output goes through `quizapp.commands.emit`, so bank text cannot reach the
terminal as control sequences. Exit status: 0 whatever the verdict; 1 when
the bank has errors; 2 for an unknown bank or question, or answers that do
not fit the question. No Textual on this path.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TextIO

from quizapp.commands import EXIT_USAGE, emit, error, find_bank
from quizapp.generate import generate_questions
from quizapp.grading import Grade, bank_terms, grade_answer, normalise_text
from quizapp.model import (
    SELF_GRADE_FRACTIONS,
    Answer,
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OpenAnswer,
    OpenQuestion,
    OrderQuestion,
    Question,
    SelfGrade,
    TextQuestion,
    TrueFalseQuestion,
)

_TRUE = ("true", "t", "yes", "y")
SELF_GRADES: dict[str, SelfGrade] = {grade: grade for grade in SELF_GRADE_FRACTIONS}
_FALSE = ("false", "f", "no", "n")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``quizapp grade``."""
    parser.add_argument("bank", metavar="BANK", help="a bank id, or the path of a bank file")
    parser.add_argument(
        "question", metavar="QUESTION_ID", help="the question's id (generated ones too)"
    )
    parser.add_argument(
        "answers",
        nargs="*",
        metavar="ANSWER",
        help="the answer: a choice's text or number; one per gap of a cloze; "
        "LEFT=RIGHT per pair of a match question",
    )
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json"),
        default="text",
        help="text: one line per fact (default); json: one object for tools",
    )


class _Unfit(ValueError):
    """The answers given do not fit the question."""


def run(args: argparse.Namespace) -> int:
    """Grade the answer in ``args``; return the exit status."""
    found = find_bank("grade", args.bank)
    if isinstance(found, int):
        return found
    question = find_question(found, args.question)
    if question is None:
        from quizapp.banks.checker import did_you_mean

        ids = [q.id for q in (*found.questions, *generate_questions(found))]
        hint = did_you_mean(args.question, ids)
        error("grade", f"no question {args.question!r} in bank {found.id!r}{hint}")
        return EXIT_USAGE
    try:
        answer = answer_from_arguments(question, args.answers)
    except _Unfit as problem:
        error("grade", str(problem))
        return EXIT_USAGE
    grade = grade_answer(question, answer, bank_terms(found))
    if args.output_format == "json":
        return emit(lambda out: _write_json(out, found, question, grade))
    return emit(lambda out: _write_text(out, found, question, grade))


def find_question(bank: Bank, question_id: str) -> Question | None:
    """The hand-written or generated question of ``bank`` with this id."""
    for question in bank.questions:
        if question.id == question_id:
            return question
    if bank.generate and ":" in question_id:
        for question in generate_questions(bank):
            if question.id == question_id:
                return question
    return None


def _pick(options: Sequence[str], given: str, what: str) -> str:
    """The option ``given`` names: itself, the same once folded, or its 1-based number."""
    if given in options:
        return given
    folded = normalise_text(given)
    for option in options:
        if normalise_text(option) == folded:
            return option
    if given.strip().isdigit():
        number = int(given)
        if 1 <= number <= len(options):
            return options[number - 1]
        raise _Unfit(f"there is no {what} {number}: this question has {len(options)}")
    return given  # not one of them: graded as given (wrong)


def answer_from_arguments(question: Question, answers: Sequence[str]) -> Answer:
    """The ANSWER arguments in the shape grading expects for ``question``."""
    if not answers:
        raise _Unfit("give the answer to grade after the question id")
    match question:
        case ChoiceQuestion(choices=choices):
            return _pick(choices, " ".join(answers), "choice")
        case MultiQuestion(choices=choices):
            return frozenset(_pick(choices, answer, "choice") for answer in answers)
        case TrueFalseQuestion():
            word = " ".join(answers).strip().casefold()
            if word in _TRUE or word in _FALSE:
                return word in _TRUE
            raise _Unfit(f"answer true or false, not {word!r}")
        case TextQuestion() | NumberQuestion():
            return " ".join(answers)
        case ClozeQuestion(gaps=gaps):
            if len(answers) > len(gaps):
                raise _Unfit(
                    f"this question has {len(gaps)} gap{'s' if len(gaps) > 1 else ''}: "
                    f"give one ANSWER per gap, not {len(answers)}"
                )
            return tuple(answers)
        case OrderQuestion(items=items):
            return tuple(_pick(items, answer, "item") for answer in answers)
        case MatchQuestion(pairs=pairs):
            lefts = [left for left, _ in pairs]
            rights = [right for _, right in pairs]
            made: list[tuple[str, str]] = []
            for answer in answers:
                left, separator, right = answer.partition("=")
                if not separator:
                    raise _Unfit(f"give each pair as LEFT=RIGHT, not {answer!r}")
                made.append(
                    (_pick(lefts, left.strip(), "left item"), _pick(rights, right.strip(), "item"))
                )
            return tuple(made)
        case OpenQuestion():
            verdict, *text = answers
            if verdict not in SELF_GRADE_FRACTIONS:
                raise _Unfit("an open question takes all, some or none (then what was written)")
            return OpenAnswer(SELF_GRADES[verdict], " ".join(text))
    raise _Unfit(f"questions of type {question.type} cannot be graded here")


def grade_document(bank: Bank, question: Question, grade: Grade) -> dict[str, object]:
    """The JSON object ``--format json`` prints."""
    return {
        "bank": bank.id,
        "question": question.id,
        "verdict": grade.verdict,
        "score": grade.score,
        "max_score": grade.max_score,
        "near_miss": grade.near_miss,
        "matched": grade.matched or None,
        "reason": grade.reason or None,
    }


def _write_json(out: TextIO, bank: Bank, question: Question, grade: Grade) -> None:
    json.dump(grade_document(bank, question, grade), out, ensure_ascii=False)
    out.write("\n")


def _number(value: float) -> str:
    return f"{value:g}"


def _write_text(out: TextIO, bank: Bank, question: Question, grade: Grade) -> None:
    lines = [
        f"{bank.id} / {question.id} ({question.type})",
        f"verdict:   {grade.verdict}",
        f"score:     {_number(grade.score)} / {_number(grade.max_score)}",
        f"near miss: {'yes' if grade.near_miss else 'no'}",
        f"given:     {grade.given}",
        f"expected:  {grade.expected}",
    ]
    if grade.matched:
        lines.append(f"matched:   {grade.matched}")
    if grade.exact:
        lines.append(f"exact:     {grade.exact}")
    if grade.reason:
        lines.append(f"reason:    {grade.reason}")
    for part in grade.parts:
        mark = "right" if part.correct else "wrong"
        note = part.matched if part.correct and part.matched != part.given else part.reason
        detail = f" ({note})" if note else ""
        lines.append(f"  {part.label}: {mark}, {part.given or '(empty)'!s}{detail}")
    out.write("".join(line + "\n" for line in lines))
