"""Open questions graded by the student, and a match question with extra
right-hand items, from Home to Results."""

from __future__ import annotations

from quizapp.store import ScoreStore
from quizapp.tui.screens.feedback import FeedbackScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.widgets.open_answer import OpenQuestionAnswer
from tests.tui.answering import answer_widget
from tests.tui.helpers import SIZE, load, make_app, open_new_quiz, shown


async def test_open_questions_are_written_revealed_and_self_graded(store: ScoreStore) -> None:
    app = make_app(load("discussion.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_quiz(pilot)
        assert isinstance(app.screen, QuizScreen)
        widget = answer_widget(pilot)
        assert isinstance(widget, OpenQuestionAnswer)
        text = await shown(pilot)
        assert "Whose voices does the editorial rely on" in text
        assert "It quotes two people" not in text  # not before the student answered

        # Digits and Enter go into the text until it is done; Enter then reveals.
        await pilot.press(*"Wilson and Cagaptay 2", "enter")
        await pilot.pause()
        text = await shown(pilot)
        assert widget.text == "Wilson and Cagaptay 2"
        assert "It quotes two people, Ross Wilson and Soner Cagaptay" in text
        assert "• Ross Wilson, a former U.S. ambassador to Turkey" in text
        assert "How much of it did your answer cover?" in text
        assert "2. Some of it" in text
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        (attempt,) = store.attempts()
        (row,) = store.answers(attempt.id)
        assert (row.question_id, row.score, row.self_graded, row.given) == (
            "voices",
            0.5,
            True,
            "Wilson and Cagaptay 2",
        )
        await pilot.press("enter")
        await pilot.pause()

        # Nothing written: the model answer shows all the same; arrows and Enter grade.
        await pilot.press("enter")
        await pilot.pause()
        assert "The S-400 purchase threatens to deepen the divide" in await shown(pilot)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        rows = store.answers(attempt.id)
        assert [(r.question_id, r.score, r.self_graded, r.given) for r in rows][1] == (
            "claim",
            0.0,
            True,
            "",
        )
