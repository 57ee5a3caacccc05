"""RecordedQuiz: a session and its stored attempt kept in step (no screens)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from quizapp.model import Bank
from quizapp.session import QuizOptions
from quizapp.store import ScoreStore, StoreError
from quizapp.usecases.quiz import NotSaved, RecordedQuiz, ResumeError
from tests.helpers import SEED, load

IN_ORDER = QuizOptions(shuffle=False, seed=SEED)
NOW = dt.datetime(2025, 3, 14, 10, 0, tzinfo=dt.UTC)


def every_type() -> Bank:
    (bank,) = load("every_type.toml")
    assert isinstance(bank, Bank)
    return bank


def test_each_answer_is_stored_as_it_is_given(store: ScoreStore) -> None:
    quiz = RecordedQuiz.start(store, "tester", every_type(), IN_ORDER)
    record = quiz.answer("S-400", 4.0)
    assert record.grade.correct
    (row,) = store.answers(quiz.attempt_id)
    assert (row.question_id, row.given, row.score, row.seconds) == ("system", "S-400", 1.0, 4.0)
    quiz.skip(2.0)
    rows = store.answers(quiz.attempt_id)
    assert [(r.question_id, r.skipped, r.tags) for r in rows] == [
        ("system", False, ("context",)),
        ("neighbours", True, ("context",)),
    ]
    summary = store.attempt(quiz.attempt_id)
    assert summary is not None and not summary.finished


def test_the_last_answer_finishes_the_attempt(store: ScoreStore) -> None:
    options = dataclasses.replace(IN_ORDER, question_ids=("system", "delivery"))
    quiz = RecordedQuiz.start(store, "tester", every_type(), options)
    quiz.answer("F-35", 1.0)
    quiz.answer(True, 1.0)
    summary = store.attempt(quiz.attempt_id)
    assert summary is not None and summary.finished
    assert (summary.score, summary.max_score) == (1.0, 2.0)


def test_options_that_match_nothing_start_no_attempt(store: ScoreStore) -> None:
    options = dataclasses.replace(IN_ORDER, tags=("no-such-tag",))
    with pytest.raises(ValueError, match="no question matches"):
        RecordedQuiz.start(store, "tester", every_type(), options)
    assert store.attempts() == []


def test_resume_replays_the_stored_answers(store: ScoreStore) -> None:
    bank = every_type()
    first = RecordedQuiz.start(store, "tester", bank, QuizOptions(seed=SEED))
    question_ids = first.session.question_ids
    first.skip(3.0)
    first.skip(3.0)
    (attempt,) = store.unfinished_attempts("tester")

    resumed = RecordedQuiz.resume(store, bank, attempt)
    assert resumed.attempt_id == first.attempt_id
    assert resumed.session.question_ids == question_ids
    assert resumed.session.index == 2
    assert [r.question.id for r in resumed.session.records] == list(question_ids[:2])
    assert resumed.session.seconds == 6.0
    current = resumed.session.current
    assert current is not None and current.id == question_ids[2]
    # Choices come in the same order as before the break.
    assert resumed.session.display_choices(current) == first.session.display_choices(current)


def test_resume_skips_answers_to_questions_removed_from_the_bank(store: ScoreStore) -> None:
    bank = every_type()
    quiz = RecordedQuiz.start(store, "tester", bank, IN_ORDER)
    quiz.answer("S-400", 1.0)
    quiz.skip(1.0)
    (attempt,) = store.unfinished_attempts("tester")
    edited = dataclasses.replace(
        bank, questions=tuple(q for q in bank.questions if q.id != "system")
    )
    resumed = RecordedQuiz.resume(store, edited, attempt)
    assert resumed.session.total == 8
    assert [r.question.id for r in resumed.session.records] == ["neighbours"]


def test_resume_refuses_answers_out_of_order(store: ScoreStore) -> None:
    bank = every_type()
    quiz = RecordedQuiz.start(store, "tester", bank, IN_ORDER)
    quiz.skip(1.0)
    (attempt,) = store.unfinished_attempts("tester")
    shuffled = dataclasses.replace(attempt, question_ids=tuple(reversed(attempt.question_ids)))
    with pytest.raises(ResumeError, match="no longer match"):
        RecordedQuiz.resume(store, bank, shuffled)
    unreadable = dataclasses.replace(attempt, options={"count": "many"})
    with pytest.raises(ResumeError, match="options cannot be read"):
        RecordedQuiz.resume(store, bank, unreadable)
    gone = dataclasses.replace(attempt, question_ids=("not-there",))
    with pytest.raises(ResumeError, match="none of its questions"):
        RecordedQuiz.resume(store, bank, gone)


def test_resume_finishes_an_attempt_whose_answers_are_all_saved(store: ScoreStore) -> None:
    bank = every_type()
    options = dataclasses.replace(IN_ORDER, question_ids=("system",))
    attempt_id = store.start_attempt("tester", bank.id, bank.title, ["system"], options.to_dict())
    store.record_answer(attempt_id, "system", given="S-400", score=1, max_score=1, seconds=1)
    attempt = store.attempt(attempt_id)
    assert attempt is not None and not attempt.finished
    resumed = RecordedQuiz.resume(store, bank, attempt)
    assert resumed.session.finished
    finished = store.attempt(attempt_id)
    assert finished is not None and finished.finished


def test_retry_options_ask_the_missed_questions_in_order(store: ScoreStore) -> None:
    quiz = RecordedQuiz.start(store, "tester", every_type(), IN_ORDER)
    quiz.answer("S-400", 1.0)
    quiz.answer(frozenset({"Iraq"}), 1.0)
    quiz.answer(True, 1.0)
    quiz.skip(1.0)
    options = quiz.retry_options(seed=11)
    assert options is not None
    assert options.question_ids == ("neighbours", "analyst")
    assert (options.shuffle, options.seed, options.count, options.tags) == (False, 11, None, ())
    retry = RecordedQuiz.start(store, "tester", every_type(), options)
    assert retry.session.question_ids == ("neighbours", "analyst")


def test_nothing_to_retry_after_a_perfect_quiz(store: ScoreStore) -> None:
    options = dataclasses.replace(IN_ORDER, question_ids=("system",))
    quiz = RecordedQuiz.start(store, "tester", every_type(), options)
    quiz.answer("S-400", 1.0)
    assert quiz.retry_options() is None


def test_an_answer_the_store_cannot_save_is_still_graded(store: ScoreStore) -> None:
    quiz = RecordedQuiz.start(store, "tester", every_type(), IN_ORDER)
    store.close()
    with pytest.raises(NotSaved) as raised:
        quiz.answer("S-400", 1.0)
    assert raised.value.record.grade.correct
    assert quiz.session.index == 1
    assert [record.question.id for record in quiz.unsaved] == ["system"]


def test_a_quiz_left_before_its_first_answer_leaves_nothing(store: ScoreStore) -> None:
    quiz = RecordedQuiz.start(store, "tester", every_type(), IN_ORDER)
    assert quiz.attempt_id is None
    assert store.attempts() == []


def test_a_wrong_answer_makes_its_study_card_due_in_the_same_save(store: ScoreStore) -> None:
    bank = every_type()
    quiz = RecordedQuiz.start(store, "tester", bank, IN_ORDER, now=lambda: NOW)
    quiz.answer("S-400", 1.0)  # right: no card changes
    assert store.card_states("tester", bank.id) == {}
    quiz.skip(1.0)  # "neighbours" missed: its card is due now
    cards = store.card_states("tester", bank.id)
    assert list(cards) == ["q:neighbours"] and cards["q:neighbours"].due == NOW


def test_a_card_due_later_is_brought_forward_and_an_earlier_one_kept(store: ScoreStore) -> None:
    bank = every_type()
    later, earlier = NOW + dt.timedelta(days=3), NOW - dt.timedelta(days=1)
    for card_id, due in (("q:system", later), ("q:neighbours", earlier)):
        store.save_review(
            "tester", bank.id, card_id, state_json="{}", due=due, rating=3, log_json="{}"
        )
    quiz = RecordedQuiz.start(store, "tester", bank, IN_ORDER, now=lambda: NOW)
    quiz.skip(1.0)
    quiz.skip(1.0)
    cards = store.card_states("tester", bank.id)
    assert cards["q:system"].due == NOW and cards["q:system"].state_json == "{}"
    assert cards["q:neighbours"].due == earlier


def test_an_unsaved_answer_is_saved_with_the_next_one(store: ScoreStore) -> None:
    quiz = RecordedQuiz.start(store, "tester", every_type(), IN_ORDER)
    failing = FailingSaves(store, failures=1)
    quiz.store = failing  # type: ignore[assignment]
    with pytest.raises(NotSaved):
        quiz.answer("S-400", 1.0)
    assert [r.question.id for r in quiz.unsaved] == ["system"] and store.attempts() == []
    quiz.skip(1.0)
    assert quiz.unsaved == []
    assert quiz.attempt_id is not None
    rows = store.answers(quiz.attempt_id)
    assert [(r.question_id, r.score, r.skipped) for r in rows] == [
        ("system", 1.0, False),
        ("neighbours", 0.0, True),
    ]


def test_unsaved_answers_are_saved_on_request_or_exported(
    store: ScoreStore, tmp_path: Path
) -> None:
    options = dataclasses.replace(IN_ORDER, question_ids=("system", "delivery"))
    quiz = RecordedQuiz.start(store, "tester", every_type(), options)
    quiz.store = FailingSaves(store, failures=3)  # type: ignore[assignment]
    with pytest.raises(NotSaved):
        quiz.answer("S-400", 1.0)
    with pytest.raises(NotSaved):
        quiz.answer(True, 2.0)
    assert quiz.session.finished and len(quiz.unsaved) == 2
    with pytest.raises(StoreError):
        quiz.save_unsaved()
    exported = json.loads(quiz.export_unsaved(tmp_path / "out" / "unsaved.json").read_text())
    assert exported["bank_id"] == "tui-every-type" and exported["player"] == "tester"
    assert [a["question_id"] for a in exported["answers"]] == ["system", "delivery"]
    assert exported["answers"][0]["given"] == "S-400" and exported["answers"][0]["score"] == 1.0
    quiz.save_unsaved()  # the store works again: saved, and the attempt finished
    (attempt,) = store.attempts()
    assert attempt.finished and attempt.answered == 2 and quiz.unsaved == []


class FailingSaves:
    """A store whose quiz saves fail ``failures`` times, then work."""

    def __init__(self, store: ScoreStore, failures: int) -> None:
        self.store = store
        self.failures = failures

    def save_quiz_answers(self, *args: object, **kwargs: object) -> int:
        if self.failures:
            self.failures -= 1
            raise StoreError("disk I/O error")
        return self.store.save_quiz_answers(*args, **kwargs)  # type: ignore[arg-type]
