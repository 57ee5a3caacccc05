"""The scores database failing while a student works: told, never a crash."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from quizapp.store import ScoreStore, StoreError
from quizapp.tui.app import QuizApp
from quizapp.tui.dialogs.unsaved import UnsavedAnswersDialog
from quizapp.tui.screens.feedback import FeedbackScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.study import StudyScreen
from tests.tui.answering import choose
from tests.tui.helpers import SIZE, load, make_app, open_new_quiz, shown
from tests.tui.study_helpers import study_bank


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app tells the user in notifications, in order."""
    told: list[str] = []

    def notify(self: QuizApp, message: str, **kwargs: object) -> None:
        told.append(message)

    monkeypatch.setattr(QuizApp, "notify", notify)
    return told


def failing(monkeypatch: pytest.MonkeyPatch, store: ScoreStore, method: str) -> Callable[[], None]:
    """Make ``store.method`` fail until the returned function is called."""

    def fail(*args: object, **kwargs: object) -> object:
        raise StoreError(f"the scores database {store.path} failed: disk I/O error")

    monkeypatch.setattr(store, method, fail)
    return lambda: monkeypatch.undo()


async def test_an_answer_not_saved_is_said_kept_and_saved_with_the_next(
    store: ScoreStore, monkeypatch: pytest.MonkeyPatch, notices: list[str]
) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_quiz(pilot)
        repair = failing(monkeypatch, store, "save_quiz_answers")
        await choose(pilot, "S-400")
        assert isinstance(app.screen, FeedbackScreen)
        assert "✓ Correct" in await shown(pilot)
        (told,) = notices
        assert "This answer was not saved" in told and "disk I/O error" in told
        assert store.attempts() == []
        repair()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("ctrl+s")  # skip the next: both answers are saved now
        await pilot.pause()
    (attempt,) = store.attempts()
    assert [row.question_id for row in store.answers(attempt.id)] == ["system", "neighbours"]


async def test_leaving_with_unsaved_answers_offers_retry_then_export(
    store: ScoreStore, monkeypatch: pytest.MonkeyPatch, notices: list[str]
) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_quiz(pilot)
        failing(monkeypatch, store, "save_quiz_answers")
        await choose(pilot, "S-400")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape", "y")  # leave the quiz: the answer is still unsaved
        await pilot.pause()
        assert isinstance(app.screen, UnsavedAnswersDialog)
        text = await shown(pilot, ".dialog")
        assert "1 answer not saved" in text and "disk I/O error" in text
        await pilot.press("r")  # retry: the store still fails, so it asks again
        await pilot.pause()
        assert isinstance(app.screen, UnsavedAnswersDialog)
        await pilot.press("j")  # export as JSON, then leave
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert notices[-1].startswith("Your unsaved answers are in ")
    (exported,) = (app.settings.data_dir / "unsaved").glob("unsaved-tui-every-type-*.json")
    answers = json.loads(exported.read_text(encoding="utf-8"))["answers"]
    assert [(a["question_id"], a["given"]) for a in answers] == [("system", "S-400")]


async def test_staying_keeps_the_quiz_and_a_later_save_works(
    store: ScoreStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_quiz(pilot)
        repair = failing(monkeypatch, store, "save_quiz_answers")
        await choose(pilot, "S-400")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape", "y")
        await pilot.pause()
        await pilot.press("s")  # stay
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        repair()
        await pilot.press("escape", "y")  # saved now: back to Home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    (attempt,) = store.unfinished_attempts("tester")
    assert attempt.answered == 1


async def test_a_grade_not_saved_in_study_is_said_and_the_card_stays(
    store: ScoreStore, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, notices: list[str]
) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(StudyScreen(bank))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.card is not None
        first = screen.card.id
        repair = failing(monkeypatch, store, "save_review")
        await pilot.press("space", "3")
        await pilot.pause()
        (told,) = notices
        assert "This grade could not be saved" in told and "disk I/O error" in told
        assert screen.card is not None and screen.card.id == first
        repair()
        await pilot.press("3")
        await pilot.pause()
        assert screen.card is not None and screen.card.id != first
    assert [review.card_id for review in store.reviews("tester", bank.id)] == [first]
