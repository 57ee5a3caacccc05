"""Answering `text` and `number` questions: type, then enter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

from quizapp.session import TYPE_FIRST, not_yet_a_number, not_yet_an_answer
from quizapp.tui.text import literal_line
from quizapp.tui.widgets.answer import AnswerWidget

EMPTY_HINT = TYPE_FIRST


class TypedAnswer(AnswerWidget):
    """One input line; enter submits what was typed (as typed).

    A number question's line takes any text (digits, "3,5", "−5", "eight",
    "8 years") and refuses, on enter, what the grader cannot read as a
    number: no character is filtered while typing."""

    HELP_KEYS: tuple[tuple[str, str], ...] = (("⏎", "Submit what you typed"),)

    class Answered(AnswerWidget.Answered):
        """The typed text was submitted."""

    def __init__(
        self,
        *,
        numeric: bool = False,
        unit: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.numeric = numeric
        self.unit = unit

    def compose(self) -> ComposeResult:
        placeholder = (
            "Type a number, then press Enter"
            if self.numeric
            else ("Type your answer, then press Enter")
        )
        with Horizontal(classes="typed-row"):
            yield Input(placeholder=placeholder, id="typed-input")
            if self.unit:
                yield Static(literal_line(self.unit), classes="unit")
        yield Static("", classes="hint")

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        if self.numeric:
            hint = not_yet_a_number(event.value, self.unit)
        else:
            hint = not_yet_an_answer(event.value)
        if hint:
            self.query_one(".hint", Static).update(hint)
            return
        self.submit(event.value)
