"""Review of mistakes: which questions a player got wrong, in which order."""

from __future__ import annotations

import pytest

from quizapp.session import QuizOptions
from quizapp.store import ScoreStore
from quizapp.usecases.mistakes import Mistake, find_mistakes, ordered, review_options

BANK = "mistakes-bank"
IN_BANK = ("q1", "q2", "q3", "q4")


def answer_all(store: ScoreStore, player: str, answers: list[tuple[str, float | None]]) -> None:
    """One attempt answering each question with this score out of 1 (None: skipped)."""
    attempt = store.start_attempt(player, BANK, "Bank", [q for q, _ in answers], {})
    for question_id, score in answers:
        store.record_answer(
            attempt,
            question_id,
            given="" if score is None else "given",
            score=score or 0.0,
            max_score=1.0,
            seconds=3.0,
            skipped=score is None,
            tags=(),
        )


@pytest.fixture
def mistakes(store: ScoreStore) -> list[Mistake]:
    answer_all(store, "tester", [("q1", 0.0), ("q2", 1.0), ("q3", 0.5), ("gone", 0.0)])
    answer_all(store, "tester", [("q1", 0.0), ("q3", 1.0), ("q4", None)])
    answer_all(store, "someone else", [("q2", 0.0)])
    return find_mistakes(store, "tester", BANK, IN_BANK)


def test_mistakes_are_the_questions_without_full_marks(mistakes: list[Mistake]) -> None:
    # Partial credit and skips are mistakes; questions no longer in the bank
    # and other players' answers are left out.
    assert {m.question_id: (m.missed, m.tries, m.put_right) for m in mistakes} == {
        "q1": (2, 2, False),
        "q3": (1, 2, True),
        "q4": (1, 1, False),
    }
    by_id = {m.question_id: m for m in mistakes}
    assert by_id["q4"].last_missed > by_id["q1"].last_missed > by_id["q3"].last_missed


def test_most_recent_first_puts_mistakes_not_yet_put_right_first(
    mistakes: list[Mistake],
) -> None:
    assert [m.question_id for m in mistakes] == ["q4", "q1", "q3"]
    assert [m.question_id for m in ordered(mistakes, "recent")] == ["q4", "q1", "q3"]


def test_most_often_first(mistakes: list[Mistake]) -> None:
    # q1 was missed twice; q4 and q3 once, but q3 was also got right once.
    assert [m.question_id for m in ordered(mistakes, "often")] == ["q1", "q4", "q3"]


def test_review_options_ask_the_chosen_mistakes_in_order(mistakes: list[Mistake]) -> None:
    assert review_options(mistakes, "often", 2, seed=7) == QuizOptions(
        question_ids=("q1", "q4"),
        shuffle=False,
        include_generated=True,
        seed=7,
        kind="review",
    )
    assert review_options(mistakes, "recent", None, seed=None).question_ids == ("q4", "q1", "q3")
    with pytest.raises(ValueError, match="no mistake"):
        review_options([], "recent", None, seed=None)


def test_no_answers_no_mistakes(store: ScoreStore) -> None:
    assert find_mistakes(store, "tester", BANK, IN_BANK) == []
