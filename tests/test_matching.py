"""The parts of answer matching: numbers, dates, names, words, huge input."""

from __future__ import annotations

import pytest

from quizapp.grading import grade_answer
from quizapp.matching.dates import Day, Decade, read_date, same_date
from quizapp.matching.fold import edit_distance, strip_leading_words
from quizapp.matching.names import actor_forms, initialled, without_title
from quizapp.matching.numbers import read_number
from quizapp.matching.text import match_text
from quizapp.matching.words import american, negating_prefix, same_word_in_plural
from quizapp.model import (
    Actor,
    ClozeGap,
    ClozeQuestion,
    MatchQuestion,
    NumberQuestion,
    TextQuestion,
)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("eight", 8),
        ("Eight", 8),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("twenty-one", 21),
        ("one hundred and five", 105),
        ("two thousand and sixteen", 2016),
        ("fifteen hundred", 1500),
        ("minus five", -5),
        ("8 years", 8),
        ("in 2016", 2016),
        ("the year 2016", 2016),
        ("1\u2009000", 1000),
        ("1\u202f000", 1000),
        ("1\u00a0000", 1000),
        ("3,5", 3.5),
        ("−5", -5),
        ("−3,5", -3.5),
    ],
)
def test_read_number(typed: str, value: float) -> None:
    assert read_number(typed) == value


@pytest.mark.parametrize(
    "typed",
    ["eight eight", "twenty twenty", "a", "and", "one two", "8 years ago", "five a", "dozen dozen"],
)
def test_read_number_refuses(typed: str) -> None:
    assert read_number(typed) is None


def test_a_unit_must_be_the_questions_own() -> None:
    assert read_number("8 years", "years") == 8
    assert read_number("1 year", "years") == 1
    assert read_number("400km", "km") == 400
    assert read_number("8 months", "years") is None


@pytest.mark.parametrize(
    "typed", ["1" * 20_000 + "x", "1," * 10_000 + "x", "." + "1" * 20_000 + "x", "one " * 10_000]
)
def test_long_input_is_refused_not_choked_on(typed: str) -> None:
    assert read_number(typed) is None


@pytest.mark.parametrize(
    "typed",
    [
        "July 12",
        "12 July",
        "July 12th",
        "the 12th of July",
        "Jul 12",
        "Jul. 12",
        "July twelfth",
        "on the 12th of July",
        "July the 12th",
        "July 12, 2019",
    ],
)
def test_forms_of_a_day(typed: str) -> None:
    date = read_date(typed)
    assert date is not None and same_date(date, Day(7, 12))


@pytest.mark.parametrize(
    "typed",
    ["1950s", "the 1950s", "the '50s", "50s", "the fifties", "1950's", "the nineteen fifties"],
)
def test_forms_of_a_decade(typed: str) -> None:
    date = read_date(typed)
    assert date is not None and same_date(date, Decade(1950))


@pytest.mark.parametrize("typed", ["July 32", "February 30", "12", "July", "the 1955s", "hello"])
def test_not_dates(typed: str) -> None:
    assert read_date(typed) is None


def test_a_day_with_a_year_must_keep_it() -> None:
    assert same_date(Day(7, 15, 2016), Day(7, 15))
    assert not same_date(Day(7, 15, 2016), Day(7, 15, 2017))
    assert str(Day(7, 12)) == "July 12" and str(Decade(50, century_known=False)) == "the '50s"


def test_leading_words() -> None:
    assert strip_leading_words("in the 1950s") == "1950s"
    assert strip_leading_words("the kurdish militias") == "kurdish militias"
    assert strip_leading_words("a 10") == "a 10"  # the A-10, not "10"
    assert strip_leading_words("the") == "the"


def test_words() -> None:
    assert negating_prefix("sensitivity", "insensitivity") == "in"
    assert negating_prefix("undefensive", "defensive") == "un"
    assert negating_prefix("offensive", "defensive") == ""
    assert same_word_in_plural("militia", "militias")
    assert american("defence") == "defense" and american("colour") == "color"
    assert american("four") == "four"  # too short to be a British spelling


PUTIN = Actor(id="putin", name="Vladimir Putin", kind="person", role="R", aliases=("Putin",))
RUSSIA = Actor(id="russia", name="Russia", kind="country", role="R", aliases=("Moscow",))


def test_names() -> None:
    assert initialled("Recep Tayyip Erdogan") == ("R. T. Erdogan", "R. Erdogan")
    assert without_title("russian president vladimir putin") == "vladimir putin"
    assert without_title("vladimir putin") == ""
    forms = actor_forms([PUTIN, RUSSIA], ["Putin"])
    assert forms.forms == ("Vladimir Putin", "Putin", "V. Putin") and forms.person
    # "Moscow" stands for Russia but is no short form of its name.
    assert actor_forms([PUTIN, RUSSIA], ["Moscow"]).forms == ()


def test_huge_numbers_never_overflow() -> None:
    huge = NumberQuestion(id="n", prompt="?", answer=10**400, tolerance=10**400, points=10**400)
    grade = grade_answer(huge, "5")
    assert grade.score == 0.0 and grade.max_score == 1_000_000.0
    assert "not a usable number" in grade.reason
    tolerant = NumberQuestion(id="n", prompt="?", answer=5, tolerance=10**400)
    assert grade_answer(tolerant, "1e300").correct
    assert grade_answer(tolerant, 10**400).verdict == "wrong"  # type: ignore[arg-type]
    assert grade_answer(huge, None).skipped


def test_a_number_within_tolerance_shows_the_exact_value() -> None:
    question = NumberQuestion(id="n", prompt="?", answer=3.14159, tolerance=0.01)
    grade = grade_answer(question, "3,14")
    assert (grade.correct, grade.exact) == (True, "3.14159")
    assert grade_answer(question, "3.14159").exact == ""


def test_lenient_matching_of_huge_answers_is_bounded() -> None:
    long_answer = "ab" * 50_000
    assert match_text("x" * 100_000, [long_answer], "lenient").accepted is False
    assert match_text(long_answer, ["ba" * 50_000], "lenient").near_miss
    assert edit_distance("a" * 100_000, "a" * 99_999 + "b", 2) == 1


def test_reject_entries_with_and_without_feedback() -> None:
    from quizapp.model import RejectedAnswer

    question = TextQuestion(
        id="t",
        prompt="?",
        answer="defensive",
        reject=(RejectedAnswer("offensive", "Opposite."), RejectedAnswer("hostile")),
    )
    assert grade_answer(question, "Offensive").reason == "Opposite."
    assert (
        grade_answer(question, "the hostile").reason
        == "'the hostile' is not accepted for this question"
    )
    cloze = ClozeQuestion(
        id="c",
        prompt="?",
        parts=("", " ", ""),
        gaps=(ClozeGap("a1"), ClozeGap("b2")),
        reject=(RejectedAnswer("x", "Not x.", gap=2),),
    )
    grade = grade_answer(cloze, ("x", "x"))
    assert [part.reason for part in grade.parts] == ["not one of the accepted answers", "Not x."]


def test_match_marks_every_pair() -> None:
    question = MatchQuestion(id="m", prompt="?", pairs=(("a", "1"), ("b", "2"), ("c", "3")))
    grade = grade_answer(question, (("a", "1"), ("b", "3")))
    assert [(p.label, p.given, p.correct) for p in grade.parts] == [
        ("a", "1", True),
        ("b", "3", False),
        ("c", "", False),
    ]
    assert grade.reason == "1 of the 3 pairs right"
