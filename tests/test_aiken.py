"""Reading and writing Aiken as Moodle does."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quizapp.interchange.aiken import export_aiken
from quizapp.interchange.common import LeftOut
from quizapp.interchange.convert import Conversion, import_text
from quizapp.model import (
    Bank,
    ChoiceQuestion,
    MultiQuestion,
    Question,
    TextQuestion,
)

DATA = Path(__file__).parent / "data" / "interchange"


def convert(text: str) -> Conversion:
    return import_text(text, "aiken", path="f.txt")


def questions(text: str) -> list[Question]:
    bank = convert(text).bank
    assert bank is not None
    return [dataclasses.replace(q, line=0) for q in bank.questions]


def test_sample_file() -> None:
    conversion = convert((DATA / "questions.aiken.txt").read_text(encoding="utf-8"))
    assert conversion.report == ()
    assert conversion.bank is not None
    assert [dataclasses.replace(q, line=0) for q in conversion.bank.questions] == [
        ChoiceQuestion(
            id="q1",
            prompt="Which system did Russia begin delivering to Turkey?",
            choices=("S-400", "F-35", "Patriot"),
            answer="S-400",
        ),
        ChoiceQuestion(
            id="q2",
            prompt="Which U.S. fighter jet was Turkey slated to buy?",
            choices=("S-400", "F-35", "Patriot", "Su-57"),
            answer="F-35",
        ),
    ]


def test_malformed_file_each_problem_at_its_line_the_rest_imported() -> None:
    conversion = import_text(
        (DATA / "malformed.aiken.txt").read_text(encoding="utf-8"), "aiken", path="bad.txt"
    )
    assert conversion.report == (
        "bad.txt:1:1: error: option 'A)' without a question before it (a line that starts with "
        "a capital letter and ')' or '.' is an option)",
        "bad.txt:2:1: error: 'ANSWER:' without a question before it",
        "bad.txt:6:1: error: a question needs at least 2 options before 'ANSWER:'",
        "bad.txt:8:1: error: the question has no 'ANSWER:' line before line 12 starts another "
        "one (an Aiken question is one line; options start with 'A)' or 'A.')",
        "bad.txt:13:1: approximated: the options are lettered A, C: as Moodle does, they are "
        "taken in order as A, B, and 'ANSWER: A' is the option on line 13",
        "bad.txt:20:1: error: 'ANSWER: E' names no option (options A to B)",
        "bad.txt:22:1: error: the question has no 'ANSWER:' line before line 23 starts another "
        "one (an Aiken question is one line; options start with 'A)' or 'A.')",
    )
    assert conversion.bank is not None
    assert [(q.id, q.prompt) for q in conversion.bank.questions] == [
        ("q3", "A question with options out of order"),
        ("q6", "written on two lines"),
    ]


def test_the_answer_letter_is_the_first_character_after_answer() -> None:
    (question,) = questions("Pick one\nA) one\nB) two\nANSWER: B) two\n")
    assert question.answer == "two"  # type: ignore[union-attr]


def test_options_are_numbered_by_place_whatever_their_letter() -> None:
    (question,) = questions("Pick one\nC) one\nA. two\nANSWER: B\n")
    assert (question.choices, question.answer) == (("one", "two"), "two")  # type: ignore[union-attr]


def test_options_without_a_space_lower_case_answer_and_crlf() -> None:
    text = "Pick one\r\nA)first\r\nB.second\r\nANSWER: b\r\n"
    (question,) = questions(text)
    assert (question.choices, question.answer) == (("first", "second"), "second")  # type: ignore[union-attr]
    assert convert(text).report == (
        "f.txt:4:1: approximated: 'ANSWER: b' is read as B; Moodle reads only capital letters "
        "and would give this question no right answer",
    )


def test_lines_shorter_than_two_bytes_are_passed_over() -> None:
    (question,) = questions("Pick one\nx\nA) one\n?\nB) two\nANSWER: A\n")
    assert question.choices == ("one", "two")  # type: ignore[union-attr]


def test_a_question_starting_like_an_option_is_one_for_moodle() -> None:
    assert convert("U.S. or Russia?\nA) U.S.\nB) Russia\nANSWER: B\n").report[0] == (
        "f.txt:1:1: error: option 'U.' without a question before it (a line that starts with "
        "a capital letter and ')' or '.' is an option)"
    )


def test_answer_line_problems() -> None:
    conversion = convert("Q1\nA) x\nB) y\nANSWER:\n\nR1\nA) x\nB)\nANSWER: A\n")
    assert conversion.report == (
        "f.txt:4:1: error: 'ANSWER:' must give one letter from A to B",
        "f.txt:8:1: error: option 'B)' has no text",
    )
    assert conversion.bank is None


def test_duplicate_options_are_skipped_and_numbering_stays_stable() -> None:
    text = "One\nA) x\nB) x\nANSWER: A\n\nTwo\nA) x\nB) y\nANSWER: B\n"
    assert convert(text).report == (
        "f.txt:3:1: skipped: two options read 'x'; quizapp needs different choices",
    )
    assert [q.id for q in questions(text)] == ["q2"]


# ----------------------------------------------------------------- export


QUESTIONS = (
    ChoiceQuestion(
        id="system",
        prompt="Which system: S-400 or {F-35}?",
        choices=("S-400", "F-35", "Patriot #2"),
        answer="S-400",
        explanation="Russia delivered it.",
        source="On July 12",
        tags=("context",),
    ),
    MultiQuestion(id="borders", prompt="Which?", choices=("a", "b"), answers=("a",)),
    TextQuestion(id="cleric", prompt="Which cleric?", answer="Gulen"),
)


def test_aiken_text_left_out_and_not_kept() -> None:
    result = export_aiken(Bank(id="b", title="B", questions=QUESTIONS))
    assert result.text == (
        "Which system: S-400 or {F-35}?\nA) S-400\nB) F-35\nC) Patriot #2\nANSWER: A\n"
    )
    assert result.written == 1
    assert result.left_out == (
        LeftOut("borders", "Aiken holds single-answer choice questions only, not multi"),
        LeftOut("cleric", "Aiken holds single-answer choice questions only, not text"),
    )
    assert result.not_kept == (
        "Moodle will not keep (Aiken has no place for it):",
        "  - question ids: 1 question (Moodle names questions after their text)",
        "  - explanations: 1 question",
        "  - source excerpts: 1 question",
        "  - tags: 1 question",
    )


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            ChoiceQuestion(
                id="many",
                prompt="Pick",
                choices=tuple(f"choice {n}" for n in range(27)),
                answer="choice 3",
            ),
            "Aiken has letters for 26 options, this question has 27",
        ),
        (
            ChoiceQuestion(
                id="o", prompt="A) starts like an option", choices=("x", "y"), answer="y"
            ),
            "the question starts like an Aiken option or ANSWER line",
        ),
        (
            ChoiceQuestion(id="u", prompt="U.S. or Russia?", choices=("x", "y"), answer="y"),
            "the question starts like an Aiken option or ANSWER line",
        ),
        (
            ChoiceQuestion(id="s", prompt="?", choices=("x", "y"), answer="y"),
            "Moodle passes over a question of fewer than 2 characters",
        ),
    ],
)
def test_aiken_limits(question: ChoiceQuestion, reason: str) -> None:
    result = export_aiken(Bank(id="b", title="B", questions=(question,)))
    assert result.left_out == (LeftOut(question.id, reason),)


def test_quotes_and_line_breaks_go_on_the_one_line() -> None:
    question = ChoiceQuestion(
        id="quoted",
        prompt="Who said\nthis?",
        quote="Clearly a winner",
        choices=("Ross Wilson", "Soner\nCagaptay"),
        answer="Ross Wilson",
    )
    result = export_aiken(Bank(id="b", title="B", questions=(question,)))
    assert result.text == (
        "Clearly a winner — Who said this?\nA) Ross Wilson\nB) Soner Cagaptay\nANSWER: A\n"
    )
    assert "  - line breaks: 1 question written on one line" in result.not_kept


def test_aiken_round_trip() -> None:
    result = export_aiken(Bank(id="b", title="B", questions=QUESTIONS))
    (back,) = questions(result.text)
    assert isinstance(back, ChoiceQuestion)
    assert (back.prompt, back.choices, back.answer) == (
        "Which system: S-400 or {F-35}?",
        ("S-400", "F-35", "Patriot #2"),
        "S-400",
    )
