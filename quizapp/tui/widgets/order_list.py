"""Answering `order` questions: move items up and down, then submit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from quizapp.tui.widgets.answer import AnswerWidget, mouse_button
from quizapp.tui.widgets.choice_list import numbered

#: The footer shows the two moves as one "⇧↑⇧↓ Move", so ? and ^q fit 80 columns.
_MOVE = Binding.Group("Move", compact=True)


class OrderList(AnswerWidget):
    """The items in their current order. Arrows pick an item, shift+up /
    shift+down (or u / d) move it, enter submits the order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "shift+up,u", "move(-1)", "Move up", key_display="⇧↑", group=_MOVE, id="order.move-up"
        ),
        Binding(
            "shift+down,d",
            "move(1)",
            "Move down",
            key_display="⇧↓",
            group=_MOVE,
            id="order.move-down",
        ),
        Binding("enter", "submit", "Submit", priority=True, id="order.submit"),
    ]

    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("↑ ↓ / click", "Pick the item to move"),
        ("buttons", "Move up, Move down and Submit work with the mouse"),
    )

    class Answered(AnswerWidget.Answered):
        """The order was submitted (a tuple of items, first to last)."""

    def __init__(
        self, items: Sequence[str], *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.items = list(items)

    def compose(self) -> ComposeResult:
        yield OptionList(*self._options(), classes="answer-options")
        with Horizontal(classes="answer-buttons"):
            yield mouse_button("Move up", "order-up")
            yield mouse_button("Move down", "order-down")
            yield mouse_button("Submit", "order-submit")

    def _options(self) -> list[Option]:
        return [Option(numbered(i, item)) for i, item in enumerate(self.items)]

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def move(self, index: int, step: int) -> None:
        """Move item ``index`` by ``step`` places (clamped), keeping it highlighted."""
        target = min(max(index + step, 0), len(self.items) - 1)
        if self.answered or target == index:
            return
        self.items.insert(target, self.items.pop(index))
        options = self.query_one(OptionList)
        options.set_options(self._options())
        options.highlighted = target

    def action_move(self, step: int) -> None:
        """Move the highlighted item up (-1) or down (+1)."""
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None:
            self.move(highlighted, step)

    def action_submit(self) -> None:
        """Submit the items in their current order."""
        self.submit(tuple(self.items))

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click only highlights the item to move

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "order-submit":
            self.action_submit()
        else:
            self.action_move(-1 if event.button.id == "order-up" else 1)
