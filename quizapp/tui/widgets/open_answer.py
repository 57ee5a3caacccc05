"""Answering `open` questions: write an answer (or think one through), see
the model answer and its key points, then grade your own answer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from quizapp.model import SELF_GRADE_LABELS, OpenAnswer
from quizapp.tui.text import literal
from quizapp.tui.widgets.answer import AnswerWidget, mouse_button
from quizapp.tui.widgets.choice_list import number_bindings, numbered
from quizapp.tui.widgets.hanging_lines import HangingLines


def key_point_lines(points: Sequence[str]) -> HangingLines:
    """The points a good answer covers, one bullet each: wrapped lines stay
    indented under their text."""
    return HangingLines([(Content("• "), literal(point)) for point in points], classes="points")


class OpenQuestionAnswer(AnswerWidget):
    """A box to write an answer in (it may stay empty). Enter shows the model
    answer and its key points; then 1, 2 or 3 (or the arrows and enter)
    grades the answer: all, some or none of it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "reveal", "Model answer", priority=True, id="open.reveal"),
        *number_bindings(
            "grade",
            "Grade",
            "open.grade",
            count=len(SELF_GRADE_LABELS),
            tooltip="Grade your answer: you covered all, some or none of it",
        ),
    ]

    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("type", "Write your answer; long lines wrap (writing is optional)"),
        ("↑ ↓ then ⏎", "Grade your answer with the arrows, once the model answer shows"),
    )

    class Answered(AnswerWidget.Answered):
        """The student graded their answer (an `OpenAnswer`)."""

    def __init__(
        self,
        model_answer: str,
        key_points: Sequence[str],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.model_answer = model_answer
        self.key_points = tuple(key_points)
        #: True once the model answer is shown.
        self.revealed = False

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(
                ("Write your answer here, or think it through. ", "dim"),
                ("Enter", "bold"),
                (" shows the model answer.", "dim"),
            ),
            classes="open-hint",
        )
        yield TextArea(
            id="open-text",
            soft_wrap=True,
            placeholder="Your answer (optional)",
            compact=True,
        )
        yield mouse_button("Show the model answer", "open-reveal")
        with Vertical(id="open-model"):
            yield Static(Content.styled("Model answer", "bold"), classes="label")
            yield Static(literal(self.model_answer), id="open-model-answer")
            if self.key_points:
                yield Static(Content.styled("A good answer covers", "bold"), classes="label")
                yield key_point_lines(self.key_points)
            yield Static(
                Content.styled("How much of it did your answer cover?", "bold"), classes="label"
            )
            yield OptionList(
                *(Option(numbered(i, label)) for i, (_, label) in enumerate(SELF_GRADE_LABELS)),
                id="open-grades",
                classes="answer-options",
            )

    def on_mount(self) -> None:
        self.query_one("#open-model", Vertical).display = False

    @property
    def text(self) -> str:
        """What was written."""
        return self.query_one("#open-text", TextArea).text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reveal":
            return not self.revealed
        if action == "grade":
            return self.revealed
        return super().check_action(action, parameters)

    def action_reveal(self) -> None:
        """Show the model answer and its key points, and ask for a grade."""
        if self.revealed:
            return
        self.revealed = True
        self.query_one("#open-text", TextArea).read_only = True
        self.query_one("#open-reveal", Button).display = False
        self.query_one("#open-model", Vertical).display = True
        grades = self.query_one("#open-grades", OptionList)
        grades.highlighted = 0
        grades.focus(scroll_visible=False)
        # Once laid out, scroll so that the grades show (the model answer above them).
        self.call_after_refresh(grades.scroll_visible, animate=False)
        self.refresh_bindings()

    def action_grade(self, number: int) -> None:
        """Grade the answer with self-grade ``number`` (1-based: all, some, none)."""
        if self.revealed and 1 <= number <= len(SELF_GRADE_LABELS):
            self.query_one("#open-grades", OptionList).highlighted = number - 1
            self.submit(OpenAnswer(SELF_GRADE_LABELS[number - 1][0], self.text.strip()))

    @on(OptionList.OptionSelected, "#open-grades")
    def _graded(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_grade(event.option_index + 1)

    @on(Button.Pressed, "#open-reveal")
    def _reveal_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_reveal()
