"""The new-quiz options, answering with the mouse, and leaving through the palette."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, OptionList, Select, Tooltip

from quizapp.banks import load_bank
from quizapp.model import Bank
from quizapp.paths import shipped_banks_dir
from quizapp.store import ScoreStore
from quizapp.tui.dialogs.confirm import ConfirmDialog
from quizapp.tui.dialogs.quiz_options import QuizOptionsDialog
from quizapp.tui.dialogs.unfinished import ResumeOrNewDialog, UnfinishedQuizzesDialog
from quizapp.tui.screens.feedback import FeedbackScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.multi_choice import MultiChoiceList
from quizapp.tui.widgets.order_list import OrderList
from tests.tui.answering import answer_widget
from tests.tui.helpers import (
    SEED,
    SIZE,
    flat,
    load,
    make_app,
    open_new_quiz,
    palette_lists,
    settle,
    shown,
    until,
)


async def test_options_pick_a_tag_and_a_number_and_are_kept_for_the_next_quiz(
    store: ScoreStore,
) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, QuizOptionsDialog)
        assert await shown(pilot, "#match-count") == "9 questions match; the quiz asks all of them."
        assert not dialog.query_one("#generated", Checkbox).value  # the bank generates none
        text = await shown(pilot)
        # A tick is a mark, not only a colour; the footer has the dialog's keys.
        assert "▐ ▌ Include generated questions (0)" in text
        assert "▐X▌ Shuffle (and pick at random)" in text
        footer = text.splitlines()[-1]
        assert "esc Cancel" in footer and "^q Quit" in footer and "f1 Help" in footer
        assert "Start quiz" not in footer  # Home's keys are not the dialog's

        dialog.query_one("#tag", Select).value = "dates"
        await pilot.pause()
        assert await shown(pilot, "#match-count") == "3 questions match; the quiz asks all of them."
        # The number field has the focus: digits go there, and the count follows them.
        await pilot.press("0", "enter")
        assert "type a number of at least 1" in await shown(pilot, "#match-count")
        assert isinstance(app.screen, QuizOptionsDialog)
        await pilot.press("backspace", "2")
        assert await shown(pilot, "#match-count") == "3 questions match; the quiz asks 2 of them."
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert "Question 1 of 2" in await shown(pilot)
        first = app.screen.quiz.session
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()
        await pilot.press("escape", "y")
        await pilot.pause()

        # A new quiz on a bank with an unfinished one asks first.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResumeOrNewDialog)
        text = await shown(pilot)
        assert "Resume the unfinished quiz, or start a new one?" in text
        assert "r Resume  s Start a new one  esc Cancel" in text
        assert await shown(pilot, ".dialog-body") == (
            "Your last quiz on Every question type is unfinished (started yesterday 10:02: "
            "1 of 2 answered, score 0 / 1). Starting a new quiz keeps the unfinished ones."
        )
        await pilot.press("s")
        await settle(pilot)
        # The options are those chosen last time.
        dialog = app.screen
        assert isinstance(dialog, QuizOptionsDialog)
        assert dialog.query_one("#tag", Select).value == "dates"
        assert dialog.query_one("#count", Input).value == "2"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("escape")  # no answer yet: this one is not kept
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()

        # Resume: with one unfinished quiz, r resumes it.
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.quiz.session.question_ids == first.question_ids
        assert "Question 2 of 2" in await shown(pilot)
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        # s on Results: another quiz on the bank, with the same tag.
        await pilot.press("s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, QuizOptionsDialog)
        assert dialog.query_one("#tag", Select).value == "dates"
    options = first.options_to_dict()
    assert options["tags"] == ["dates"] and options["count"] == 2
    assert set(first.question_ids) <= {"delivery", "coup-year", "timeline"}


async def test_cancelling_the_options_starts_nothing(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # The palette's "Resume quiz" says when there is nothing to resume.
        await pilot.press("ctrl+p", *"resume quiz")
        await palette_lists(pilot, "Resume quiz")
        await pilot.press("enter")
        await settle(pilot)
        assert "There is no unfinished quiz to resume." in await shown(pilot)
    assert store.attempts() == []


BANK_ID = "tui-every-type"


async def test_any_unfinished_quiz_can_be_picked_and_resumed(store: ScoreStore) -> None:
    def unfinished(question_ids: list[str], right: int) -> int:
        options = {"shuffle": False, "seed": SEED}
        attempt = store.start_attempt(
            "tester", BANK_ID, "Every question type", question_ids, options
        )
        for question_id in question_ids[:right]:
            store.record_answer(attempt, question_id, given="", score=1, max_score=1, seconds=5)
        return attempt

    older = unfinished(["system", "coup-year"], 1)
    unfinished(["analyst", "coup-year", "system"], 2)
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "(1 older unfinished: r lists them all.)" in flat(await shown(pilot))
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, UnfinishedQuizzesDialog)
        text = await shown(pilot)
        assert "2 unfinished quizzes: pick one to resume" in text
        assert "started yesterday 10:05: 2 of 3 answered, score 2 / 2" in text
        assert "started yesterday 10:02: 1 of 2 answered, score 1 / 1" in text
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.quiz.attempt_id == older
        assert "Question 2 of 2" in await shown(pilot)


async def test_multi_and_order_answered_with_the_mouse(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE, tooltips=True) as pilot:
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

        # The footer's keys: a key shows its tooltip under the mouse, and a
        # click on it presses it.
        footer = (await shown(pilot)).splitlines()[-1]
        await pilot.hover(KeysFooter, offset=(footer.index("esc Leave") + 1, 0))
        await until(pilot, lambda: app.screen.query_one(Tooltip).display, "a tooltip")
        assert "Leave the quiz (asks first; your answers are kept)" in flat(await shown(pilot))
        await pilot.click(KeysFooter, offset=(footer.index("^s Skip") + 4, 0))
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "Skipped" in await shown(pilot, "#verdict")
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(3):
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


async def test_at_60x20_the_count_follows_the_generated_switch_and_start_is_reached(
    store: ScoreStore,
) -> None:
    bank = load_bank(shipped_banks_dir() / "s400-actors.toml")
    assert isinstance(bank, Bank)
    hand_written = len(bank.questions)
    app = make_app([bank], store)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, QuizOptionsDialog)
        everything = await shown(pilot, "#match-count")
        assert everything.startswith(f"{hand_written + 20} questions match")
        await pilot.press("tab", "tab", "space")  # the tag, then the Generated switch
        assert not dialog.query_one("#generated", Checkbox).value
        assert (await shown(pilot, "#match-count")).startswith(f"{hand_written} questions match")
        # On to Start: the dialog scrolls to each field as it gets the focus.
        start = dialog.query_one("#start")
        for _ in range(4):
            if dialog.focused is start:
                break
            await pilot.press("tab")
        assert dialog.focused is start
        assert start.region.bottom <= 20 - 1  # above the footer
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert f"Question 1 of {hand_written}" in await shown(pilot)
