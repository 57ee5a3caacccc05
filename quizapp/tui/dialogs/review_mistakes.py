"""Choosing a review of mistakes: which mistakes first, and how many."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Input, RadioSet, Static

from quizapp.tui.dialogs.form import FormDialog, count_typed, dialog_buttons, form_field
from quizapp.tui.text import literal_line, shorten
from quizapp.tui.widgets.marked import MarkedRadioButton
from quizapp.usecases.mistakes import Mistake, ReviewOrder, ordered

#: Mistakes previewed in the dialog.
PREVIEW = 5
PREVIEW_WIDTH = 60
#: The number of questions offered at first.
DEFAULT_COUNT = 10


class ReviewMistakesDialog(FormDialog[tuple[ReviewOrder, int] | None]):
    """Dismisses with (order, number of questions), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="review_mistakes.cancel"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("↑ ↓", "Most recent or most often first"),
        ("⏎", "Start the review (in the number field or on a button)"),
    )

    def __init__(
        self, bank_title: str, mistakes: Sequence[Mistake], prompt: Callable[[str], str]
    ) -> None:
        super().__init__()
        self.bank_title = bank_title
        self.mistakes = list(mistakes)
        #: The prompt of a question id, for the preview.
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        total = len(self.mistakes)
        open_ones = sum(1 for m in self.mistakes if not m.put_right)
        with Vertical(classes="dialog"):
            yield Static(
                Content.assemble(
                    ("Review mistakes: ", "bold"), literal_line(self.bank_title, "bold")
                ),
                classes="dialog-title",
            )
            yield Static(
                Content(
                    f"You got {total} question{'s' if total != 1 else ''} wrong; "
                    f"{open_ones} of them {'is' if open_ones == 1 else 'are'} not put right yet."
                ),
                classes="dialog-body",
            )
            with RadioSet(id="review-order"):
                yield MarkedRadioButton(Content("Most recent first"), value=True, id="recent")
                yield MarkedRadioButton(Content("Most often first"), id="often")
            yield form_field(
                "Questions",
                Input(
                    str(min(total, DEFAULT_COUNT)),
                    placeholder=f"all {total}",
                    type="integer",
                    max_length=6,
                    id="review-count",
                ),
            )
            yield Static(id="review-preview", classes="dialog-hint")
            yield dialog_buttons("Start", "start")

    def on_mount(self) -> None:
        self._show_preview()
        self.query_one("#start", Button).focus()

    @property
    def order(self) -> ReviewOrder:
        """The order chosen."""
        pressed = self.query_one("#review-order", RadioSet).pressed_button
        return "often" if pressed is not None and pressed.id == "often" else "recent"

    @on(RadioSet.Changed)
    def _show_preview(self) -> None:
        lines = [
            Content.assemble(
                (f"{m.missed}× ", "$error"),
                literal_line(shorten(self.prompt(m.question_id), PREVIEW_WIDTH)),
            )
            for m in ordered(self.mistakes, self.order)[:PREVIEW]
        ]
        if len(self.mistakes) > PREVIEW:
            lines.append(Content(f"… and {len(self.mistakes) - PREVIEW} more"))
        self.query_one("#review-preview", Static).update(Content("\n").join(lines))

    def confirm(self) -> None:
        """Start the review with the order and count chosen."""
        try:
            count = count_typed(self.query_one("#review-count", Input).value)
        except ValueError:
            self.query_one("#review-preview", Static).update(
                Content.styled(
                    "Questions: type a number of at least 1, or leave it empty for all.", "$error"
                )
            )
            return
        total = len(self.mistakes)
        self.dismiss((self.order, total if count is None else min(count, total)))
