"""Answering `cloze` questions: one input per gap."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
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

    # One of the two applies at a time (`check_action`): the footer says which.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "next_gap",
            "Next gap",
            priority=True,
            tooltip="Go to the next gap",
            id="cloze.next",
        ),
        Binding(
            "enter",
            "submit_gaps",
            "Submit",
            priority=True,
            tooltip="In the last gap: submit every gap",
            id="cloze.submit",
        ),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (("tab / shift+tab", "Move between the gaps"),)

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

    def _gap_focused(self) -> int | None:
        """The 0-based number of the gap being typed in (None: none is)."""
        inputs = list(self.query(Input))
        focused = self.screen.focused
        return inputs.index(focused) if isinstance(focused, Input) and focused in inputs else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        gap = self._gap_focused()
        if action == "next_gap":
            return gap is not None and gap + 1 < self.gap_count
        if action == "submit_gaps":
            return gap is None or gap + 1 >= self.gap_count
        return super().check_action(action, parameters)

    def action_next_gap(self) -> None:
        """Go to the next gap."""
        gap = self._gap_focused()
        if gap is not None and gap + 1 < self.gap_count:
            self.query_one(f"#gap-{gap + 2}", Input).focus()

    def action_submit_gaps(self) -> None:
        """Submit every gap (see `submit_gaps`)."""
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
