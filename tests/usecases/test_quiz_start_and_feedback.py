"""The rules behind the quiz screens, without screens: which questions an
options dialog matches, the options kept per bank, the feedback's words,
History's chart and marks."""

from __future__ import annotations

import dataclasses

from quizapp.banks import discover_banks
from quizapp.model import Bank, OpenAnswer
from quizapp.session import QuizOptions, QuizSession
from quizapp.store import ScoreStore
from quizapp.usecases import feedback
from quizapp.usecases.catalog import overview
from quizapp.usecases.formatting import score_chart
from quizapp.usecases.history import attempt_note, kinds_legend
from quizapp.usecases.quiz_start import (
    OPTIONS_SETTING,
    count_matching,
    prepare_quiz,
    remember_options,
    remembered_options,
    selection_note,
)
from tests.helpers import SEED, load


def bank(name: str) -> Bank:
    (found,) = load(name)
    assert isinstance(found, Bank)
    return found


def test_the_options_count_what_the_quiz_would_choose_from() -> None:
    questions = overview(bank("every_type.toml")).questions
    assert count_matching(questions, QuizOptions()) == 9
    assert count_matching(questions, QuizOptions(tags=("dates",))) == 3
    assert count_matching(questions, QuizOptions(tags=("nope",))) == 0
    # The count follows the Generated switch.
    (actors,) = [b for b in discover_banks(user_dir=False) if getattr(b, "id", "") == "s400-actors"]
    assert isinstance(actors, Bank)
    with_generated = overview(actors).questions
    generated = sum(1 for q in with_generated if q.generated)
    assert generated > 0
    assert count_matching(with_generated, QuizOptions(include_generated=False)) == (
        len(with_generated) - generated
    )
    assert count_matching(with_generated, QuizOptions()) == len(with_generated)
    assert selection_note(9, None) == "9 questions match; the quiz asks all of them."
    assert selection_note(9, 5) == "9 questions match; the quiz asks 5 of them."
    assert selection_note(3, 10) == "3 questions match; the quiz asks all of them."
    assert selection_note(1, None) == "1 question matches; the quiz asks it."
    assert selection_note(0, 2) == "No question matches these options."


def test_the_last_options_are_kept_per_bank(store: ScoreStore) -> None:
    assert remembered_options(store, "b") is None
    chosen = QuizOptions(tags=("dates",), count=4, shuffle=False, seed=3, question_ids=("x",))
    remember_options(store, "b", chosen)
    # The choices of the dialog are kept; the seed and a retry's questions are not.
    assert remembered_options(store, "b") == QuizOptions(tags=("dates",), count=4, shuffle=False)
    assert remembered_options(store, "other") is None
    for damaged in ("not json", "[1]", '{"count": "four"}'):
        store.set_setting(OPTIONS_SETTING + "b", damaged)
        assert remembered_options(store, "b") is None


def test_prepare_quiz_reads_the_unfinished_quizzes_newest_first(store: ScoreStore) -> None:
    every_type = bank("every_type.toml")
    first = store.start_attempt("tester", every_type.id, every_type.title, ["system"], {})
    second = store.start_attempt("tester", every_type.id, every_type.title, ["system"], {})
    store.start_attempt("someone else", every_type.id, every_type.title, ["system"], {})
    remember_options(store, every_type.id, QuizOptions(count=2))
    start = prepare_quiz(store, "tester", every_type)
    assert [attempt.id for attempt in start.unfinished] == [second, first]
    assert start.options is not None and start.options.count == 2


def test_feedback_of_an_open_answer_names_the_grade_and_the_model_answer() -> None:
    discussion = bank("discussion.toml")
    session = QuizSession.from_bank(discussion, QuizOptions(shuffle=False, seed=SEED))
    some = session.answer(OpenAnswer("some", "Wilson and Cagaptay"))
    none = session.answer(OpenAnswer("none"))
    assert feedback.plain([feedback.verdict(some.grade)]) == (
        "◐ Partly correct: 0.5 / 1 points  graded by you"
    )
    assert feedback.plain(feedback.answer_lines(some)).splitlines() == [
        "Your answer: Wilson and Cagaptay",
        "Your grade: Some of it",
        "Model answer: It quotes two people, Ross Wilson and Soner Cagaptay; no one speaking "
        "for Turkey's government, for Russia or for the Trump administration is quoted.",
    ]
    assert (
        feedback.key_points(some.question)[0] == "Ross Wilson, a former U.S. ambassador to Turkey"
    )
    assert feedback.plain(feedback.answer_lines(none)).splitlines()[:2] == [
        "Your answer: (nothing written)",
        "Your grade: None of it",
    ]
    assert feedback.plain(feedback.missed_lines(none)).splitlines()[-1] == (
        "You: (nothing written)  (0 / 1, graded by you: none of it)"
    )
    summary = feedback.plain(feedback.summary_lines(session)).splitlines()
    assert summary[1] == "2 questions · 0 right · 1 partly right · 1 wrong · 2 graded by you"
    assert summary[2] == "Time answering: 0 s (the time reading feedback is not counted)"


def test_a_match_answer_gets_a_mark_per_pair_and_distractors_count_as_wrong() -> None:
    discussion = bank("discussion.toml")
    options = QuizOptions(shuffle=False, seed=SEED, question_ids=("roles",))
    session = QuizSession.from_bank(discussion, options)
    (question,) = session.questions
    assert "NATO secretary general" in session.display_choices(question)
    record = session.answer(
        (("Ross Wilson", "NATO secretary general"), ("Vladimir Putin", "Russian president"))
    )
    lines = feedback.plain(feedback.answer_lines(record)).splitlines()
    assert lines[1:3] == [
        "✗ Ross Wilson: NATO secretary general  right: former U.S. ambassador to Turkey",
        "✓ Vladimir Putin: Russian president",
    ]


def test_the_score_chart_is_drawn_from_0_to_100_percent() -> None:
    # 60% is not drawn as a full bar, nor 50% as nothing.
    assert score_chart([60, 50, 100, 0], height=2) == [
        "100% ┤▂ █ ",
        "  0% ┤███▁",
    ]
    assert score_chart([25.0], height=4) == ["100% ┤ ", "     │ ", "     │ ", "  0% ┤█"]


def test_history_marks_reviews_retries_and_unfinished_quizzes(store: ScoreStore) -> None:
    def attempt(options: QuizOptions, finish: bool) -> None:
        attempt_id = store.start_attempt("tester", "b", "B", ["q1", "q2"], options.to_dict())
        store.record_answer(attempt_id, "q1", given="x", score=1, max_score=1, seconds=1)
        if finish:
            store.finish_attempt(attempt_id)

    attempt(QuizOptions(), finish=True)
    attempt(QuizOptions(kind="review"), finish=True)
    attempt(dataclasses.replace(QuizOptions(), kind="retry"), finish=False)
    attempts = store.attempts()
    assert [attempt_note(a) for a in attempts] == [
        "1 of 2",
        "1 of 2 · review",
        "1 of 2 · retry · unfinished",
    ]
    assert kinds_legend(attempts[:1]) == ""
    assert kinds_legend(attempts) == (
        "review: a review of your mistakes; retry: the questions a quiz missed, asked again"
    )
