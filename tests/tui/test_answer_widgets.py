"""The answer widgets on their own: what they refuse to submit, and long input."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from quizapp.model import Answer
from quizapp.session import FILL_FIRST, NUMBER_FIRST, TICK_FIRST, TYPE_FIRST
from quizapp.tui.widgets.answer import AnswerWidget
from quizapp.tui.widgets.cloze_answer import ClozeAnswer
from quizapp.tui.widgets.multi_choice import MultiChoiceList
from quizapp.tui.widgets.typed_answer import TypedAnswer


class WidgetApp(App[None]):
    """One answer widget, and the answers it posted."""

    def __init__(self, widget: AnswerWidget) -> None:
        super().__init__()
        self.widget = widget
        self.answers: list[Answer] = []

    def compose(self) -> ComposeResult:
        yield self.widget

    def on_mount(self) -> None:
        self.widget.focus_answer()

    @on(AnswerWidget.Answered)
    def _answered(self, event: AnswerWidget.Answered) -> None:
        self.answers.append(event.answer)


def hint(app: WidgetApp) -> str:
    return str(app.widget.query_one(".hint", Static).render())


async def test_number_field_takes_what_the_grader_reads() -> None:
    app = WidgetApp(TypedAnswer(numeric=True, unit="years"))
    async with app.run_test() as pilot:
        field = app.widget.query_one(Input)
        await pilot.press("enter")
        assert hint(app) == TYPE_FIRST
        # Nothing typed is filtered out: the decimal comma stays.
        await pilot.press(*"3,5")
        assert field.value == "3,5"
        field.value = "eight yeers"
        await pilot.press("enter")
        assert hint(app) == NUMBER_FIRST and app.answers == []
        field.value = "−8 years"
        await pilot.press("enter")
    assert app.answers == ["−8 years"]


async def test_number_field_with_very_long_input() -> None:
    app = WidgetApp(TypedAnswer(numeric=True))
    async with app.run_test() as pilot:
        field = app.widget.query_one(Input)
        field.value = "1" * 20_000
        await pilot.press("x", "enter")
        assert hint(app) == NUMBER_FIRST
        await pilot.press("backspace", "enter")
        # 20,000 ones make no finite number either: the field says so and waits.
        assert hint(app) == NUMBER_FIRST
        field.value = "1" * 300
        await pilot.press("enter")
    assert app.answers == ["1" * 300]


async def test_text_field_refuses_an_empty_answer() -> None:
    app = WidgetApp(TypedAnswer())
    async with app.run_test() as pilot:
        await pilot.press("space", "enter")
        assert hint(app) == TYPE_FIRST
        await pilot.press(*"Ankara", "enter")
    assert app.answers == [" Ankara"]


async def test_multi_refuses_nothing_ticked() -> None:
    app = WidgetApp(MultiChoiceList(["Iraq", "Syria", "Spain"]))
    async with app.run_test() as pilot:
        await pilot.press("enter")
        assert hint(app) == TICK_FIRST and app.answers == []
        await pilot.press("2", "enter")
    assert app.answers == [frozenset({"Syria"})]


async def test_cloze_refuses_every_gap_empty_but_not_one() -> None:
    app = WidgetApp(ClozeAnswer(["Clearly a ", " in all this is ", ""]))
    async with app.run_test() as pilot:
        await pilot.press("enter", "enter")
        assert hint(app) == FILL_FIRST and app.answers == []
        app.widget.query_one("#gap-1", Input).value = "winner"
        app.widget.query_one("#gap-2", Input).focus()
        await pilot.press("enter")
    assert app.answers == [("winner", "")]
