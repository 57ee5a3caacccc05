"""Open questions graded by the student, and a match question with extra
right-hand items, from Home to Results."""

from __future__ import annotations

from quizapp.banks import discover_banks
from quizapp.matching.words import english_words
from quizapp.model import Bank
from quizapp.session import QuizOptions
from quizapp.store import ScoreStore
from quizapp.tui.screens.feedback import FeedbackScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.match_board import MatchBoard
from quizapp.tui.widgets.open_answer import OpenQuestionAnswer
from tests.tui.answering import answer_widget, pair_up
from tests.tui.helpers import SEED, SIZE, flat, load, make_app, open_new_quiz, settle, shown


async def test_open_questions_are_written_revealed_and_self_graded(store: ScoreStore) -> None:
    english_words.cache_clear()
    app = make_app(load("discussion.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_quiz(pilot)
        assert isinstance(app.screen, QuizScreen)
        # The grader's word list is read in a worker as the quiz starts, not
        # on the UI thread at the first near miss.
        await settle(pilot)
        assert english_words.cache_info().currsize == 1
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
        assert "1–3 Grade" in text  # the footer
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        text = flat(await shown(pilot))
        assert "◐ Partly correct: 0.5 / 1 points graded by you" in text
        assert "Your answer: Wilson and Cagaptay 2 Your grade: Some of it" in text
        assert "Model answer: It quotes two people" in text
        assert "• nobody speaking for Turkey, Russia or the administration" in text
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
        assert "Your answer: (nothing written)" in await shown(pilot)
        await pilot.press("enter")
        await pilot.pause()

        # A match question's extra right-hand items are listed, and can be paired (wrongly).
        board = answer_widget(pilot)
        assert isinstance(board, MatchBoard)
        text = await shown(pilot)
        assert "Turkish foreign minister" in text and "NATO secretary general" in text
        assert "a–z Pair" in text  # the footer
        # Its right-hand items are longer: the right column is the wider one.
        left = board.query_one("#match-left").region.width
        assert board.query_one("#match-right").region.width > left
        await pair_up(
            pilot,
            [("Ross Wilson", "Turkish foreign minister"), ("Vladimir Putin", "Russian president")],
            click_last=False,
        )
        text = await shown(pilot)
        assert "✗ Ross Wilson: Turkish foreign minister  right: former U.S. ambassador" in text
        assert "✓ Vladimir Putin: Russian president" in text
        await pilot.press("enter")
        await pilot.pause()

        # Results mark the answers graded by the student.
        assert isinstance(app.screen, ResultsScreen)
        text = flat(await shown(pilot))
        assert "3 questions · 0 right · 2 partly right · 1 wrong · 2 graded by you" in text
        assert "◐ Whose voices does the editorial rely on, and whose are missing?" in text
        assert "You: Wilson and Cagaptay 2 (0.5 / 1, graded by you: some of it)" in text
        assert "You: (nothing written) (0 / 1, graded by you: none of it)" in text


async def test_at_60x20_a_long_match_keeps_its_submit_button_in_view(store: ScoreStore) -> None:
    (dates,) = [b for b in discover_banks(user_dir=False) if getattr(b, "id", "") == "s400-dates"]
    assert isinstance(dates, Bank)
    app = make_app([dates], store)
    async with app.run_test(size=(60, 20)) as pilot:
        app.start_quiz(dates, QuizOptions(question_ids=("when-what",), seed=SEED))
        await pilot.pause()
        board = answer_widget(pilot)
        assert isinstance(board, MatchBoard) and len(board.rights) == 6
        submit = app.screen.query_one("#match-submit").region
        footer = app.screen.query_one(KeysFooter).region
        assert 0 < submit.bottom <= footer.y  # above the footer, not scrolled away
        assert "Submit" in (await shown(pilot)).splitlines()[submit.y]
