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
from quizapp.tui.widgets.answer import AnswerWidget, footer_binding

#: Number keys pick the first nine options.
NUMBER_KEYS = 9


def number_label(index: int) -> str:
    """``3. `` for option ``index`` 2; blank (as wide) past the number keys."""
    return f"{index + 1}. " if index < NUMBER_KEYS else "   "


def numbered(index: int, text: str) -> Content:
    """``text`` (untrusted) behind its 1-based number: ``1. text``."""
    return Content.assemble((number_label(index), "bold"), literal(text))


def number_bindings(
    action: str,
    description: str,
    id_prefix: str,
    *,
    count: int = NUMBER_KEYS,
    tooltip: str = "",
    footer: bool = True,
) -> list[Binding]:
    """Keys 1 to ``count``, each running ``action(number)``, left out of the
    footer; unless not ``footer``, the footer shows them once as
    ``1–9 description`` (`footer_binding`)."""
    shown = [footer_binding("1", action, 1, description, f"1–{count}", tooltip)] if footer else []
    return [
        *shown,
        *(
            Binding(
                str(number),
                f"{action}({number})",
                description,
                show=False,
                tooltip=tooltip,
                id=f"{id_prefix}-{number}",
            )
            for number in range(1, count + 1)
        ),
    ]


class NumberedChoices(AnswerWidget):
    """The base of answer widgets listing ``choices`` in an `OptionList`,
    the first nine also picked by number: the `NUMBER_ACTION` applies only to
    the numbers of options that exist."""

    #: The action the number keys run, with the 1-based number.
    NUMBER_ACTION: ClassVar[str]

    def __init__(
        self, choices: Sequence[str], *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.choices = tuple(choices)

    @property
    def options(self) -> OptionList:
        """The list of choices."""
        return self.query_one(OptionList)

    def on_mount(self) -> None:
        self.options.highlighted = 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == self.NUMBER_ACTION:
            number = parameters[0]
            return isinstance(number, int) and 1 <= number <= len(self.choices)
        return super().check_action(action, parameters)


class SingleChoice(NumberedChoices):
    """The base of the widgets that take one option among several: arrows
    and enter, a click, and number keys (each subclass binds its own)."""

    NUMBER_ACTION = "choose"

    class Answered(AnswerWidget.Answered):
        """An option was chosen."""

    def compose(self) -> ComposeResult:
        options = [Option(numbered(i, choice)) for i, choice in enumerate(self.choices)]
        yield OptionList(*options, classes="answer-options")

    def action_choose(self, number: int) -> None:
        """Choose option ``number`` (1-based)."""
        if 1 <= number <= len(self.choices):
            self.options.highlighted = number - 1
            self.submit(self.value_at(number - 1))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit(self.value_at(event.option_index))

    def value_at(self, index: int) -> Answer:
        """The answer that choosing option ``index`` gives."""
        return self.choices[index]


class ChoiceList(SingleChoice):
    """One option among several: number keys, arrows and enter, or a click."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *number_bindings(
            "choose", "Choose", "choice.choose", tooltip="Choose an option by its number"
        )
    ]

    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("↑ ↓ then ⏎", "Choose the highlighted option"),
        ("click", "Choose an option"),
    )

    class Answered(SingleChoice.Answered):
        """An option was chosen."""


class TrueFalseChoice(SingleChoice):
    """True or false: ``t`` / ``f``, number keys, arrows and enter, or a click."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "choose(1)", "True", id="true_false.true"),
        Binding("f", "choose(2)", "False", id="true_false.false"),
        *number_bindings("choose", "True / False", "true_false.choose", count=2, footer=False),
    ]

    class Answered(SingleChoice.Answered):
        """True or False was chosen."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(("True", "False"), id=id, classes=classes)

    def value_at(self, index: int) -> Answer:
        return index == 0
