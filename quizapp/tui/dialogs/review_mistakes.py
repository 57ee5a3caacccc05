"""Choosing a review of mistakes: which mistakes first, and how many."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from quizapp.tui.mistakes import Mistake, ReviewOrder, ordered
from quizapp.tui.text import literal_line, shorten

#: Mistakes previewed in the dialog.
PREVIEW = 5
PREVIEW_WIDTH = 60
#: The number of questions offered at first.
DEFAULT_COUNT = 10


class ReviewMistakesDialog(ModalScreen[tuple[ReviewOrder, int] | None]):
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
        super().__init__(classes="dialog-screen")
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
                yield RadioButton(Content("Most recent first"), value=True, id="recent")
                yield RadioButton(Content("Most often first"), id="often")
            with Horizontal(classes="field"):
                yield Label("Questions", classes="field-label")
                yield Input(
                    str(min(total, DEFAULT_COUNT)),
                    placeholder=f"all {total}",
                    type="integer",
                    max_length=6,
                    id="review-count",
                )
            yield Static(id="review-preview", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start", variant="primary", id="start")
                yield Button("Cancel", id="cancel")

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

    def action_start(self) -> None:
        """Start the review with the order and count chosen."""
        text = self.query_one("#review-count", Input).value.strip()
        count = len(self.mistakes)
        if text:
            try:
                count = int(text)
            except ValueError:
                count = 0
            if count < 1:
                self.query_one("#review-preview", Static).update(
                    Content.styled(
                        "Questions: type a number of at least 1, or leave it empty for all.",
                        "$error",
                    )
                )
                return
        self.dismiss((self.order, min(count, len(self.mistakes))))

    def action_cancel(self) -> None:
        """Close without starting a review."""
        self.dismiss(None)

    @on(Input.Submitted, "#review-count")
    def _count_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "start":
            self.action_start()
        else:
            self.action_cancel()
