"""Weighted multi questions and match questions with distractors: the bank
format reads and writes them, grading and quizzes use them."""

from __future__ import annotations

import dataclasses

import pytest

from quizapp.banks import load_bank_text
from quizapp.banks.write import bank_to_toml
from quizapp.grading import grade_answer
from quizapp.model import Bank, BankError, MatchQuestion, MultiQuestion
from quizapp.session import QuizOptions, QuizSession

HEAD = (
    'format = 1\n[bank]\nid = "b"\ntitle = "B"\n\n[[questions]]\nexplanation = "E"\nsource = "S"\n'
)


def load(body: str) -> Bank | BankError:
    return load_bank_text(HEAD + body, "b.toml")


def problems(body: str) -> list[str]:
    loaded = load(body)
    found = loaded.problems if isinstance(loaded, BankError) else loaded.warnings
    return [str(problem) for problem in found]


GRANT = MultiQuestion(
    id="grant",
    prompt="Who is buried in Grant's tomb?",
    choices=("Grant", "Grant's wife", "Grant's father", "No one"),
    answers=("Grant", "Grant's wife"),
    weights=(50, 50, -100, -100),
)


@pytest.mark.parametrize(
    ("picks", "score"),
    [
        ({"Grant", "Grant's wife"}, 1.0),
        ({"Grant"}, 0.5),
        ({"Grant", "No one"}, 0.0),
        ({"Grant", "Grant's wife", "No one"}, 0.0),
        (set(), 0.0),
        ({"Grant", "not a choice"}, 0.5),
    ],
)
def test_weighted_multi_scores_the_sum_of_the_picks_weights(picks: set[str], score: float) -> None:
    assert grade_answer(GRANT, frozenset(picks)).score == score


def test_weights_above_full_marks_are_capped() -> None:
    question = MultiQuestion(
        id="m", prompt="P", choices=("a", "b", "c"), answers=("a", "b"), weights=(100, 100, 0)
    )
    assert grade_answer(question, frozenset({"a", "b"})).score == 1.0


def test_weights_round_trip_through_the_bank_format() -> None:
    bank = Bank(id="b", title="B", questions=(GRANT,))
    text = bank_to_toml(bank)
    assert "weights = [\n    50,\n    50,\n    -100,\n    -100,\n]" in text
    loaded = load_bank_text(text, "b.toml")
    assert isinstance(loaded, Bank)
    assert dataclasses.replace(loaded.questions[0], line=0) == GRANT


def test_an_empty_weights_list_means_the_default_rule() -> None:
    loaded = load(
        'id = "m"\ntype = "multi"\nprompt = "P"\nchoices = ["a", "b"]\nanswers = ["a"]\n'
        "weights = []\n"
    )
    assert isinstance(loaded, Bank)
    assert loaded.questions[0].weights == ()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ("[100]", "b.toml:14:1: 'weights' needs one weight per choice: 2 choices, 1 weights"),
        (
            "[100, 5]",
            "b.toml:14:17: 'weights' item 2 gives 'b' 5, but it is not in 'answers' "
            "(the answers are the choices with a positive weight)",
        ),
        (
            "[0, -5]",
            "b.toml:14:12: 'weights' item 1 gives 'a' 0, but it is in 'answers' "
            "(the answers are the choices with a positive weight)",
        ),
        ("[101, 0]", "b.toml:14:12: 'weights' item 1 must be from -100 to 100, found 101"),
        ('["x", 0]', "b.toml:14:12: 'weights' item 1 must be a number, found string"),
        (
            '"50, 50"',
            "b.toml:14:1: 'weights' must be an array of numbers (one per choice), found string",
        ),
        (
            "[50, 0]",
            "b.toml:14:1: warning: the right choices' weights add up to 50, not 100: "
            "no set of picks earns full points",
        ),
    ],
)
def test_weights_are_checked(weights: str, message: str) -> None:
    body = (
        'id = "m"\ntype = "multi"\nprompt = "P"\nchoices = ["a", "b"]\nanswers = ["a"]\n'
        f"weights = {weights}\n"
    )
    assert problems(body) == [message]


def test_weights_adding_up_to_more_than_100_are_a_warning() -> None:
    body = (
        'id = "m"\ntype = "multi"\nprompt = "P"\nchoices = ["a", "b"]\nanswers = ["a", "b"]\n'
        "weights = [100, 100]\n"
    )
    assert problems(body) == [
        "b.toml:14:1: warning: the right choices' weights add up to 200, not 100: "
        "picking only some of them earns full points"
    ]


ROLES = MatchQuestion(
    id="roles",
    prompt="Match each person to their role.",
    pairs=(("Wilson", "ambassador"), ("Cagaptay", "director")),
    distractors=("president", "minister"),
)


def test_distractors_round_trip_through_the_bank_format() -> None:
    loaded = load_bank_text(bank_to_toml(Bank(id="b", title="B", questions=(ROLES,))), "b.toml")
    assert isinstance(loaded, Bank)
    assert loaded.questions[0].distractors == ("president", "minister")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("distractors", "message"),
    [
        ('["x", "x"]', "b.toml:13:21: duplicate distractor 'x'"),
        ('["2"]', "b.toml:13:16: 'distractors' item 1 '2' is the right item of a pair"),
        ('["  "]', "b.toml:13:16: 'distractors' item 1 is empty"),
    ],
)
def test_distractors_are_checked(distractors: str, message: str) -> None:
    body = (
        'id = "m"\ntype = "match"\nprompt = "P"\npairs = [["a", "1"], ["b", "2"]]\n'
        f"distractors = {distractors}\n"
    )
    assert problems(body) == [message]


def test_a_quiz_shows_the_distractors_among_the_right_items_and_grades_them_wrong() -> None:
    bank = Bank(id="b", title="B", questions=(ROLES,))
    everything = ["ambassador", "director", "minister", "president"]
    for options in (QuizOptions(shuffle_choices=False), QuizOptions()):
        shown = QuizSession(bank, (ROLES,), seed=3, options=options).display_choices(ROLES)
        assert sorted(shown) == everything
        assert shown[:2] != ("ambassador", "director")  # never lined up with the left items
    grade = grade_answer(ROLES, (("Wilson", "ambassador"), ("Cagaptay", "president")))
    assert (grade.score, grade.max_score) == (0.5, 1.0)
