"""Answering `match` questions: pair each left item with a right item."""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from quizapp.tui.text import literal_line
from quizapp.tui.widgets.answer import AnswerWidget, footer_binding, mouse_button

LETTERS = string.ascii_lowercase
INCOMPLETE_HINT = "Pair every item before submitting, or skip the question."
PAIR_TOOLTIP = "Pair the highlighted left item with the lettered item"


class MatchBoard(AnswerWidget):
    """Left items with the right item chosen for each, and the lettered right
    items. Highlight a left item, then press a right item's letter (or click
    it, or select it in the right list with space); enter submits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        footer_binding("a", "pair", 0, "Pair", "a–z", PAIR_TOOLTIP),
        *(
            Binding(
                letter,
                f"pair({i})",
                "Pair",
                show=False,
                tooltip=PAIR_TOOLTIP,
                id=f"match.pair-{letter}",
            )
            for i, letter in enumerate(LETTERS)
        ),
        Binding(
            "space",
            "pair_highlighted",
            "Pair with highlighted",
            show=False,
            id="match.pair-highlighted",
        ),
        Binding(
            "backspace,delete",
            "unpair",
            "Unpair",
            tooltip="Clear the pair of the highlighted left item",
            id="match.unpair",
        ),
        Binding("enter", "submit", "Submit", priority=True, id="match.submit"),
    ]

    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("↑ ↓ / click", "Pick a left item (a click then moves to the right column)"),
        ("click (right column)", "Pair the picked left item with that right item"),
        ("tab", "Move between the columns"),
    )

    class Answered(AnswerWidget.Answered):
        """The pairs were submitted (a tuple of (left, right) tuples)."""

    def __init__(
        self,
        lefts: Sequence[str],
        rights: Sequence[str],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.lefts = tuple(lefts)
        self.rights = tuple(rights)
        #: Left index -> right index.
        self.pairs: dict[int, int] = {}

    @property
    def wide_side(self) -> str:
        """``left`` or ``right``: the column whose items are longer gets the
        wider share of the board."""
        longest_left = max((len(item) for item in self.lefts), default=0)
        longest_right = max((len(item) for item in self.rights), default=0)
        return "right" if longest_right > longest_left else "left"

    def compose(self) -> ComposeResult:
        with Horizontal(classes=f"match-columns -wide-{self.wide_side}"):
            yield OptionList(
                *(Option(self._left_prompt(i)) for i in range(len(self.lefts))),
                id="match-left",
            )
            yield OptionList(
                *(Option(self._right_prompt(j)) for j in range(len(self.rights))),
                id="match-right",
            )
        with Horizontal(classes="answer-buttons"):
            yield mouse_button("Submit", "match-submit")
            yield Static("", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#match-left", OptionList).highlighted = 0
        self.query_one("#match-right", OptionList).highlighted = 0

    def _letter(self, right: int) -> str:
        return f"{LETTERS[right]}." if right < len(LETTERS) else "  "

    def _left_prompt(self, left: int) -> Content:
        right = self.pairs.get(left)
        chosen: Content | tuple[str, str] = (
            Content.assemble((self._letter(right) + " ", "bold"), literal_line(self.rights[right]))
            if right is not None
            else ("?", "bold $warning")
        )
        return Content.assemble(literal_line(self.lefts[left]), ("  →  ", "$accent"), chosen)

    def _right_prompt(self, right: int) -> Content:
        used = right in self.pairs.values()
        return Content.assemble(
            (self._letter(right) + " ", "bold"),
            literal_line(self.rights[right], "dim" if used else ""),
        )

    def _refresh_prompts(self) -> None:
        left_list = self.query_one("#match-left", OptionList)
        right_list = self.query_one("#match-right", OptionList)
        for i in range(len(self.lefts)):
            left_list.replace_option_prompt_at_index(i, self._left_prompt(i))
        for j in range(len(self.rights)):
            right_list.replace_option_prompt_at_index(j, self._right_prompt(j))

    def pair(self, left: int, right: int) -> None:
        """Pair ``left`` with ``right``; a left item that had ``right`` loses it."""
        if self.answered or not (0 <= left < len(self.lefts) and 0 <= right < len(self.rights)):
            return
        for other, chosen in list(self.pairs.items()):
            if chosen == right:
                del self.pairs[other]
        self.pairs[left] = right
        self._refresh_prompts()
        self.query_one(".hint", Static).update("")
        left_list = self.query_one("#match-left", OptionList)
        unpaired = [i for i in range(len(self.lefts)) if i not in self.pairs]
        following = [i for i in unpaired if i > left] or unpaired
        if following:
            left_list.highlighted = following[0]
        left_list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pair":
            index = parameters[0]
            return isinstance(index, int) and index < len(self.rights)
        return super().check_action(action, parameters)

    def _current_left(self) -> int | None:
        return self.query_one("#match-left", OptionList).highlighted

    def action_pair(self, right: int) -> None:
        """Pair the highlighted left item with right item ``right``."""
        left = self._current_left()
        if left is not None:
            self.pair(left, right)

    def action_pair_highlighted(self) -> None:
        """Pair the highlighted left item with the highlighted right item."""
        right = self.query_one("#match-right", OptionList).highlighted
        if right is not None:
            self.action_pair(right)

    def action_unpair(self) -> None:
        """Remove the pair of the highlighted left item."""
        left = self._current_left()
        if left is not None and left in self.pairs and not self.answered:
            del self.pairs[left]
            self._refresh_prompts()

    def action_submit(self) -> None:
        """Submit the pairs, once every left item has one."""
        if len(self.pairs) < len(self.lefts):
            self.query_one(".hint", Static).update(INCOMPLETE_HINT)
            return
        self.submit(
            tuple((self.lefts[i], self.rights[self.pairs[i]]) for i in range(len(self.lefts)))
        )

    @on(OptionList.OptionSelected, "#match-left")
    def _left_clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#match-right", OptionList).focus()

    @on(OptionList.OptionSelected, "#match-right")
    def _right_clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pair(event.option_index)

    @on(Button.Pressed, "#match-submit")
    def _submit_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_submit()
