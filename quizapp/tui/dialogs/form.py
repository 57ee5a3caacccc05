"""What the dialogs with fields share: a labelled field, the confirm and
cancel buttons, and enter (in a field or on a button) confirming."""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Input, Label

from quizapp.tui.dialogs.base import Dialog

ResultT = TypeVar("ResultT")


def form_field(label: str, field: Widget) -> Horizontal:
    """``field`` with its label on its left."""
    return Horizontal(Label(label, classes="field-label"), field, classes="field")


def dialog_buttons(confirm: str, confirm_id: str) -> Horizontal:
    """The confirm button (``confirm_id``) and Cancel (``cancel``), on the right."""
    return Horizontal(
        Button(confirm, variant="primary", id=confirm_id),
        Button("Cancel", id="cancel"),
        classes="dialog-buttons",
    )


def count_typed(text: str) -> int | None:
    """The number of questions typed in a field: None when the field is empty
    (all of them). Raises ValueError for anything but a whole number of at
    least 1."""
    text = text.strip()
    if not text:
        return None
    count = int(text)
    if count < 1:
        raise ValueError(f"{count} is less than 1")
    return count


class FormDialog(Dialog[ResultT]):
    """A modal dialog of fields: enter in a field or the confirm button calls
    `confirm`; the Cancel button or escape (bound by each dialog, so the help
    screen lists it there) dismisses it with None."""

    def confirm(self) -> None:
        """Dismiss with what the fields say, or show why they cannot be used."""
        raise NotImplementedError

    def action_cancel(self) -> None:
        """Close without doing anything."""
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.confirm()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cancel":
            self.action_cancel()
        else:
            self.confirm()
