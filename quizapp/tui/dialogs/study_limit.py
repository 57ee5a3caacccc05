"""The daily limit of new study cards (the ``study.new_per_day`` setting)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from quizapp.tui.dialogs.form import FormDialog, dialog_buttons, form_field

#: The largest limit accepted; more new cards a day than this defeats spacing.
MAX_NEW_PER_DAY = 9999


def parse_limit(text: str) -> int | None:
    """A limit typed by the user: a whole number from 0 to `MAX_NEW_PER_DAY`, else None."""
    try:
        value = int(text.strip())
    except ValueError:
        return None
    return value if 0 <= value <= MAX_NEW_PER_DAY else None


class NewPerDayDialog(FormDialog[int | None]):
    """Asks for the number of new cards study mode introduces per day and bank;
    dismisses with it, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="study_limit.cancel"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (("⏎", "Save the limit"),)

    def __init__(self, current: int) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled("New cards a day", "bold"), classes="dialog-title")
            yield Static(
                Content(
                    "Study mode shows the cards that are due first, then at most this many "
                    "new cards per day and bank. 0 means reviews only."
                ),
                classes="dialog-body",
            )
            yield form_field(
                "New cards",
                Input(str(self.current), type="integer", max_length=4, id="new-per-day"),
            )
            yield Static("", id="limit-error", classes="dialog-hint")
            yield dialog_buttons("Save", "save")

    def on_mount(self) -> None:
        self.query_one("#new-per-day", Input).focus()

    def confirm(self) -> None:
        """Close with the limit typed, or say why it cannot be used."""
        limit = parse_limit(self.query_one("#new-per-day", Input).value)
        if limit is None:
            self.query_one("#limit-error", Static).update(
                Content.styled(f"Type a whole number from 0 to {MAX_NEW_PER_DAY}.", "$error")
            )
            return
        self.dismiss(limit)
