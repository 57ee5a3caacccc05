"""Answering `text` and `number` questions: type, then enter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

from quizapp.tui.text import literal_line
from quizapp.tui.widgets.answer import AnswerWidget

EMPTY_HINT = "Type an answer first, or skip the question."


class TypedAnswer(AnswerWidget):
    """One input line; enter submits what was typed (as typed)."""

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
            yield Input(
                placeholder=placeholder,
                type="number" if self.numeric else "text",
                id="typed-input",
            )
            if self.unit:
                yield Static(literal_line(self.unit), classes="unit")
        yield Static("", classes="hint")

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.query_one(".hint", Static).update(EMPTY_HINT)
            return
        self.submit(event.value)
