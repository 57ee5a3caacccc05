"""Every problem of a bank that could not be loaded."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quizapp.model import BankError
from quizapp.tui.dialogs.base import Dialog
from quizapp.tui.text import literal, literal_line


class BankErrorsDialog(Dialog[None]):
    """Lists each problem as ``path:line:col: message``; any of escape,
    enter or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", id="bank_errors.close"),
    ]

    def __init__(self, error: BankError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        count = len(self.error.problems)
        title = Content.assemble(
            literal_line(self.error.path.name, "bold"),
            (f": {count} problem{'s' if count != 1 else ''}", "bold"),
        )
        with Vertical(classes="dialog wide"):
            yield Static(title, classes="dialog-title")
            yield Static(literal(str(self.error.path), "dim"))
            with VerticalScroll(classes="problems"):
                for problem in self.error.problems:
                    style = "$error" if problem.severity == "error" else "$warning"
                    yield Static(literal(str(problem), style), classes="problem")
            yield Static(
                Content(
                    "Fix the file (quizapp check FILE lists the same problems): Home picks up "
                    "the change by itself, and ctrl+r reloads the banks at once."
                ),
                classes="dialog-hint",
            )

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
