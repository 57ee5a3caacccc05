"""Answers the score store could not save: retry, export them as JSON, or stay."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from quizapp.tui.dialogs.base import Dialog

#: What the student chose: save again, write them to a JSON file, or stay in the quiz.
UnsavedChoice = Literal["retry", "export", "stay"]


class UnsavedAnswersDialog(Dialog[UnsavedChoice]):
    """Says how many answers are not saved and why; dismisses with the choice."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('retry')", "Retry", id="unsaved.retry"),
        Binding("j", "choose('export')", "Export as JSON", id="unsaved.export"),
        Binding("escape,s", "choose('stay')", "Stay", id="unsaved.stay"),
    ]

    def __init__(self, count: int, reason: str) -> None:
        super().__init__()
        self.count = count
        self.reason = reason

    def compose(self) -> ComposeResult:
        answers = f"{self.count} answer{'s' if self.count != 1 else ''}"
        with Vertical(classes="dialog"):
            yield Static(Content.styled(f"{answers} not saved", "bold"), classes="dialog-title")
            yield Static(
                Content(
                    f"The scores database could not save {answers}: {self.reason}\n\n"
                    "Try saving again, or export them to a JSON file and leave."
                ),
                classes="dialog-body",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Retry (r)"), variant="primary", id="retry")
                yield Button(Content("Export as JSON (j)"), variant="warning", id="export")
                yield Button(Content("Stay (s)"), id="stay")

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    def action_choose(self, choice: UnsavedChoice) -> None:
        """Close the dialog with ``choice``."""
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choice: UnsavedChoice = "stay"
        if event.button.id == "retry":
            choice = "retry"
        elif event.button.id == "export":
            choice = "export"
        self.dismiss(choice)
