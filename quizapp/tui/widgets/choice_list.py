"""Answering `choice` and `true_false` questions: pick one option."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quizapp.model import Answer
from quizapp.tui.text import literal
from quizapp.tui.widgets.answer import AnswerWidget

#: Number keys pick the first nine options.
NUMBER_KEYS = 9


def numbered(index: int, text: str) -> Content:
    """``text`` (untrusted) behind its 1-based number: ``1. text``."""
    label = f"{index + 1}. " if index < NUMBER_KEYS else "   "
    return Content.assemble((label, "bold"), literal(text))


class ChoiceList(AnswerWidget):
    """One option among several: number keys, arrows and enter, or a click."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            str(number),
            f"choose({number})",
            "Choose by number",
            show=False,
            id=f"choice.choose-{number}",
        )
        for number in range(1, NUMBER_KEYS + 1)
    ]

    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("↑ ↓ then ⏎", "Choose the highlighted option"),
        ("click", "Choose an option"),
    )

    class Answered(AnswerWidget.Answered):
        """An option was chosen."""

    def __init__(
        self, choices: Sequence[str], *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.choices = tuple(choices)

    def compose(self) -> ComposeResult:
        options = [Option(numbered(i, choice)) for i, choice in enumerate(self.choices)]
        yield OptionList(*options, classes="answer-options")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            number = parameters[0]
            return isinstance(number, int) and 1 <= number <= len(self.choices)
        return True

    def action_choose(self, number: int) -> None:
        """Choose option ``number`` (1-based)."""
        if 1 <= number <= len(self.choices):
            self.query_one(OptionList).highlighted = number - 1
            self.submit(self.value_at(number - 1))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit(self.value_at(event.option_index))

    def value_at(self, index: int) -> Answer:
        """The answer that choosing option ``index`` gives."""
        return self.choices[index]


class TrueFalseChoice(ChoiceList):
    """True or false: ``t`` / ``f``, number keys, arrows and enter, or a click."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "choose(1)", "True", id="true_false.true"),
        Binding("f", "choose(2)", "False", id="true_false.false"),
    ]

    HELP_KEYS: tuple[tuple[str, str], ...] = (("1 / 2", "True / False"),)

    class Answered(ChoiceList.Answered):
        """True or False was chosen."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(("True", "False"), id=id, classes=classes)

    def value_at(self, index: int) -> Answer:
        return index == 0
