"""Answering `cloze` questions: one input per gap."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from quizapp.session import not_yet_an_answer
from quizapp.tui.text import literal
from quizapp.tui.widgets.answer import AnswerWidget, mouse_button


def cloze_passage(parts: Sequence[str]) -> Content:
    """The passage with numbered blanks where the gaps are."""
    pieces: list[Content | tuple[str, str]] = []
    for index, part in enumerate(parts):
        pieces.append(literal(part))
        if index < len(parts) - 1:
            pieces.append((f"[{index + 1}]_____", "bold $accent"))
    return Content.assemble(*pieces)


class ClozeAnswer(AnswerWidget):
    """The passage with numbered gaps and an input for each; enter in an input
    moves to the next gap, enter in the last one submits every gap."""

    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("⏎", "Go to the next gap; in the last gap, submit every gap"),
        ("tab / shift+tab", "Move between the gaps"),
    )

    class Answered(AnswerWidget.Answered):
        """The gaps were submitted (a tuple, one string per gap)."""

    def __init__(
        self, parts: Sequence[str], *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.parts = tuple(parts)
        self.gap_count = max(len(self.parts) - 1, 0)

    def compose(self) -> ComposeResult:
        yield Static(cloze_passage(self.parts), classes="cloze-passage")
        for index in range(self.gap_count):
            with Horizontal(classes="gap-row"):
                yield Label(f"Gap {index + 1}", classes="gap-label")
                yield Input(placeholder=f"gap {index + 1}", id=f"gap-{index + 1}")
        yield mouse_button("Submit", "cloze-submit")
        yield Static("", classes="hint")

    def values(self) -> tuple[str, ...]:
        """What is typed in each gap, in order."""
        return tuple(self.query_one(f"#gap-{i + 1}", Input).value for i in range(self.gap_count))

    @on(Input.Submitted)
    def _gap_done(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        position = inputs.index(event.input)
        if position + 1 < len(inputs):
            inputs[position + 1].focus()
        else:
            self.submit_gaps()

    @on(Button.Pressed, "#cloze-submit")
    def _submit_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.submit_gaps()

    def submit_gaps(self) -> None:
        """Submit every gap; when all are empty, say so instead."""
        hint = not_yet_an_answer(self.values())
        if hint:
            self.query_one(".hint", Static).update(hint)
            return
        self.submit(self.values())
