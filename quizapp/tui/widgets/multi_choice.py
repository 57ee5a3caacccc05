"""Answering `multi` questions: select all that apply."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from quizapp.session import not_yet_an_answer
from quizapp.tui.text import literal
from quizapp.tui.widgets.answer import AnswerWidget, mouse_button
from quizapp.tui.widgets.choice_list import NumberedChoices, number_bindings, number_label


class MultiChoiceList(NumberedChoices):
    """Toggle options with space, number keys or a click; enter submits."""

    NUMBER_ACTION = "toggle_number"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "toggle_highlighted",
            "Toggle",
            show=False,  # the footer has 1–9 Tick
            tooltip="Tick or untick the highlighted option",
            id="multi.toggle",
        ),
        Binding("enter", "submit", "Submit", priority=True, id="multi.submit"),
        *number_bindings(
            "toggle_number",
            "Tick",
            "multi.toggle",
            tooltip="Tick or untick an option by its number",
        ),
    ]

    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("↑ ↓", "Highlight an option"),
        ("click", "Toggle an option; the Submit button submits"),
    )

    class Answered(AnswerWidget.Answered):
        """The selected options were submitted (a frozenset of choices)."""

    def __init__(
        self, choices: Sequence[str], *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(choices, id=id, classes=classes)
        self.selected: set[int] = set()

    def compose(self) -> ComposeResult:
        yield OptionList(
            *(Option(self._prompt(i)) for i in range(len(self.choices))),
            classes="answer-options",
        )
        yield mouse_button("Submit", "multi-submit")
        yield Static("", classes="hint")

    def _prompt(self, index: int) -> Content:
        mark = "[x] " if index in self.selected else "[ ] "
        style = "bold $success" if index in self.selected else "bold"
        return Content.assemble(
            (mark, style), (number_label(index), "bold"), literal(self.choices[index])
        )

    def toggle(self, index: int) -> None:
        """Select option ``index`` if it is not selected, else deselect it."""
        if self.answered or not 0 <= index < len(self.choices):
            return
        self.selected ^= {index}
        self.options.replace_option_prompt_at_index(index, self._prompt(index))
        self.options.highlighted = index

    def action_toggle_highlighted(self) -> None:
        """Toggle the highlighted option."""
        highlighted = self.options.highlighted
        if highlighted is not None:
            self.toggle(highlighted)

    def action_toggle_number(self, number: int) -> None:
        """Toggle option ``number`` (1-based)."""
        self.toggle(number - 1)

    def action_submit(self) -> None:
        """Submit the selected options; with none selected, say so instead."""
        answer = frozenset(self.choices[i] for i in sorted(self.selected))
        hint = not_yet_an_answer(answer)
        if hint:
            self.query_one(".hint", Static).update(hint)
            return
        self.submit(answer)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.toggle(event.option_index)

    @on(Button.Pressed, "#multi-submit")
    def _submit_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_submit()
