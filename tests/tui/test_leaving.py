"""Leaving a quiz: the confirmation, resuming in a later run, discarding."""

from __future__ import annotations

from pathlib import Path

from quizapp.store import ScoreStore
from quizapp.tui.dialogs.confirm import ConfirmDialog
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.results import ResultsScreen
from tests.tui.answering import choose, select_all
from tests.tui.helpers import SIZE, load, make_app, open_new_quiz, open_store, shown


async def test_quit_mid_quiz_asks_then_a_new_run_resumes_it(db_path: Path) -> None:
    store = open_store(db_path)
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_quiz(pilot, count=4)
        await choose(pilot, "S-400")
        await pilot.press("enter")
        await pilot.pause()
        await select_all(pilot, ["Iraq", "Syria", "Iran", "Greece"])
        await pilot.press("enter")
        await pilot.pause()

        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        text = await shown(pilot, ".dialog")
        assert "Leave this quiz?" in text
        assert "You answered 2 of 4 questions; your answers are saved." in text
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert "Question 3 of 4" in await shown(pilot)

        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert not app.is_running
    store.close()

    store = open_store(db_path)
    (attempt,) = store.unfinished_attempts("tester")
    assert attempt.answered == 2
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "unfinished quiz: 2 of 4 answered" in await shown(pilot, "#banks")
        assert (
            "2 of 4 answered, score 2 / 2. Press r to resume it or x to discard it."
            in await shown(pilot, "#bank-detail")
        )

        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        text = await shown(pilot)
        assert "Question 3 of 4 · score 2 / 2" in text
        assert "Russia began delivering the S-400 on July 12." in text
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "3 / 4 points  75%" in await shown(pilot)
    assert [row.question_id for row in store.answers(attempt.id)] == list(attempt.question_ids)
    finished = store.attempt(attempt.id)
    assert finished is not None and finished.finished
    assert store.unfinished_attempts("tester") == []
    store.close()


async def test_leave_before_and_after_answering_then_discard_from_home(store: ScoreStore) -> None:
    """Leaving before the first answer keeps nothing; Escape on the feedback
    asks, and staying shows the next question; a quiz left after an answer
    is kept unfinished, and x on Home discards it after asking."""
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Nothing to resume or discard yet: r and x do nothing.
        await pilot.press("r", "x")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        await open_new_quiz(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert "No question is answered yet, so this quiz will not be kept." in await shown(
            pilot, ".dialog-body"
        )
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "not played yet" in await shown(pilot)
        assert store.attempts(player="tester") == []

        await open_new_quiz(pilot)
        await choose(pilot, "F-35")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # escape in the dialog means "stay"
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert "Which of these countries border Turkey?" in await shown(pilot)

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "unfinished quiz: 1 of 9 answered" in await shown(pilot)

        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert await shown(pilot, ".dialog-body") == (
            "The unfinished quiz on Every question type (1 of 9 answered) and its answers "
            "will be deleted."
        )
        await pilot.press("n")
        await pilot.pause()
        assert len(store.unfinished_attempts("tester")) == 1

        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = await shown(pilot)
        assert "unfinished" not in text
        assert "not played yet" in text
    assert store.attempts(player="tester") == []
