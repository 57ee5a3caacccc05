"""Answering each question type through the keyboard (and the mouse), as a user would."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import OptionList

from quizapp.tui.widgets.answer import AnswerWidget
from quizapp.tui.widgets.choice_list import ChoiceList
from quizapp.tui.widgets.match_board import LETTERS, MatchBoard
from quizapp.tui.widgets.multi_choice import MultiChoiceList
from quizapp.tui.widgets.order_list import OrderList


def answer_widget(pilot: Pilot[None]) -> AnswerWidget:
    """The answer widget of the question on screen."""
    return pilot.app.screen.query_one("#answer", AnswerWidget)


async def choose(pilot: Pilot[None], choice: str) -> None:
    """Choose ``choice`` with its number key."""
    widget = answer_widget(pilot)
    assert isinstance(widget, ChoiceList)
    await pilot.press(str(widget.choices.index(choice) + 1))
    await pilot.pause()


async def select_all(pilot: Pilot[None], choices: list[str]) -> None:
    """Toggle ``choices`` (number keys for the first, arrows and space for the
    rest), then submit with enter."""
    widget = answer_widget(pilot)
    assert isinstance(widget, MultiChoiceList)
    options = widget.query_one(OptionList)
    first, *rest = choices
    await pilot.press(str(widget.choices.index(first) + 1))
    for choice in rest:
        await move_highlight(pilot, options, widget.choices.index(choice))
        await pilot.press("space")
    await pilot.press("enter")
    await pilot.pause()


async def type_answer(pilot: Pilot[None], *texts: str) -> None:
    """Type each text into the focused input and press enter after it."""
    for text in texts:
        await pilot.press(*text)
        await pilot.press("enter")
    await pilot.pause()


async def move_highlight(pilot: Pilot[None], options: OptionList, index: int) -> None:
    """Move an option list's highlight to ``index`` with the arrow keys."""
    while options.highlighted is not None and options.highlighted > index:
        await pilot.press("up")
    while options.highlighted is not None and options.highlighted < index:
        await pilot.press("down")


async def put_in_order(pilot: Pilot[None], order: list[str]) -> None:
    """Move items into ``order`` (shift+up for the first moves, u after), then enter."""
    widget = answer_widget(pilot)
    assert isinstance(widget, OrderList)
    options = widget.query_one(OptionList)
    for position, item in enumerate(order):
        current = widget.items.index(item)
        await move_highlight(pilot, options, current)
        for _ in range(current - position):
            await pilot.press("shift+up" if position == 0 else "u")
    assert widget.items == order
    await pilot.press("enter")
    await pilot.pause()


async def pair_up(pilot: Pilot[None], pairs: list[tuple[str, str]], *, click_last: bool) -> None:
    """Pair each left item with its right item: letter keys, and a mouse click
    on the right column for the last pair if ``click_last``; then enter."""
    widget = answer_widget(pilot)
    assert isinstance(widget, MatchBoard)
    left_list = widget.query_one("#match-left", OptionList)
    for number, (left, right) in enumerate(pairs):
        await move_highlight(pilot, left_list, widget.lefts.index(left))
        index = widget.rights.index(right)
        if click_last and number == len(pairs) - 1:
            # The right column has a one-line border above its first option.
            await pilot.click("#match-right", offset=(4, 1 + index))
        else:
            await pilot.press(LETTERS[index])
        await pilot.pause()
    assert {widget.lefts[i]: widget.rights[j] for i, j in widget.pairs.items()} == dict(pairs)
    await pilot.press("enter")
    await pilot.pause()
