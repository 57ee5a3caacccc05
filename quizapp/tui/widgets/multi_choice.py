"""Answering `multi` questions: select all that apply."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from quizapp.tui.text import literal
from quizapp.tui.widgets.answer import AnswerWidget
from quizapp.tui.widgets.choice_list import NUMBER_KEYS


class MultiChoiceList(AnswerWidget):
    """Toggle options with space, number keys or a click; enter submits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_highlighted", "Toggle", id="multi.toggle"),
        Binding("enter", "submit", "Submit", priority=True, id="multi.submit"),
        *(
            Binding(
                str(number),
                f"toggle_number({number})",
                "Toggle by number",
                show=False,
                id=f"multi.toggle-{number}",
            )
            for number in range(1, NUMBER_KEYS + 1)
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
        super().__init__(id=id, classes=classes)
        self.choices = tuple(choices)
        self.selected: set[int] = set()

    def compose(self) -> ComposeResult:
        yield OptionList(
            *(Option(self._prompt(i)) for i in range(len(self.choices))),
            classes="answer-options",
        )
        submit = Button("Submit", id="multi-submit", compact=True)
        submit.can_focus = False
        yield submit

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def _prompt(self, index: int) -> Content:
        mark = "[x] " if index in self.selected else "[ ] "
        number = f"{index + 1}. " if index < NUMBER_KEYS else "   "
        style = "bold $success" if index in self.selected else "bold"
        return Content.assemble((mark, style), (number, "bold"), literal(self.choices[index]))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_number":
            number = parameters[0]
            return isinstance(number, int) and 1 <= number <= len(self.choices)
        return True

    def toggle(self, index: int) -> None:
        """Select option ``index`` if it is not selected, else deselect it."""
        if self.answered or not 0 <= index < len(self.choices):
            return
        self.selected ^= {index}
        options = self.query_one(OptionList)
        options.replace_option_prompt_at_index(index, self._prompt(index))
        options.highlighted = index

    def action_toggle_highlighted(self) -> None:
        """Toggle the highlighted option."""
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None:
            self.toggle(highlighted)

    def action_toggle_number(self, number: int) -> None:
        """Toggle option ``number`` (1-based)."""
        self.toggle(number - 1)

    def action_submit(self) -> None:
        """Submit the selected options (none selected is a valid answer)."""
        self.submit(frozenset(self.choices[i] for i in sorted(self.selected)))

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.toggle(event.option_index)

    @on(Button.Pressed, "#multi-submit")
    def _submit_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_submit()
