"""The new-quiz options, answering with the mouse, and leaving through the palette."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, OptionList, Select

from quizapp.store import ScoreStore
from quizapp.tui.dialogs.confirm import ConfirmDialog
from quizapp.tui.dialogs.quiz_options import QuizOptionsDialog
from quizapp.tui.screens.feedback import FeedbackScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.widgets.multi_choice import MultiChoiceList
from quizapp.tui.widgets.order_list import OrderList
from tests.tui.answering import answer_widget
from tests.tui.helpers import SIZE, load, make_app, open_new_quiz, shown


async def test_options_pick_a_tag_and_a_number_of_questions(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, QuizOptionsDialog)
        assert await shown(pilot, "#match-count") == "9 questions match."
        assert not dialog.query_one("#generated", Checkbox).value  # the bank generates none

        dialog.query_one("#tag", Select).value = "dates"
        await pilot.pause()
        assert await shown(pilot, "#match-count") == "3 questions match."
        await pilot.click("#count")
        await pilot.press("0", "enter")
        assert "type a number of at least 1" in await shown(pilot, "#match-count")
        assert isinstance(app.screen, QuizOptionsDialog)

        dialog.query_one("#count", Input).value = "2"
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert "Question 1 of 2" in await shown(pilot)
        session = app.screen.quiz.session
    assert len(session.question_ids) == 2
    assert set(session.question_ids) <= {"delivery", "coup-year", "timeline"}
    options = session.options_to_dict()
    assert options["tags"] == ["dates"] and options["count"] == 2


async def test_cancelling_the_options_starts_nothing(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.attempts() == []


async def test_multi_and_order_answered_with_the_mouse(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_quiz(pilot)
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()

        multi = answer_widget(pilot)
        assert isinstance(multi, MultiChoiceList)
        choices = multi.query_one(OptionList)
        for choice in ("Iraq", "Syria", "Iran", "Greece"):
            # One line of border above the first option.
            await pilot.click(choices, offset=(8, 1 + multi.choices.index(choice)))
        await pilot.click("#multi-submit")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "✓ Correct" in await shown(pilot, "#verdict")
        await pilot.press("enter")
        await pilot.pause()

        for _ in range(4):
            await pilot.press("ctrl+s", "enter")
            await pilot.pause()
        order = answer_widget(pilot)
        assert isinstance(order, OrderList)
        options = order.query_one(OptionList)
        target = ["Soviet times", "the 1950s", "2016"]
        for position, item in enumerate(target):
            current = order.items.index(item)
            await pilot.click(options, offset=(8, 1 + current))
            for _ in range(current - position):
                await pilot.click("#order-up")
        assert order.items == target
        await pilot.click("#order-submit")
        await pilot.pause()
        assert "✓ Correct" in await shown(pilot, "#verdict")


async def test_home_from_the_palette_during_a_quiz_asks_first(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_quiz(pilot)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"home")
        for _ in range(100):  # the palette searches in the background
            if "Back to the list of banks" in await shown(pilot):
                break
            await pilot.pause(0.05)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 1
        assert "unfinished quiz: 1 of 9 answered" in await shown(pilot, "#banks")
