"""What every dialog shares: it is a modal screen over the one below, laid
out by ``dialog.tcss``, with a footer of its own keys (not those of the
screen beneath it)."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from quizapp.tui.widgets.keys_footer import KeysFooter

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """A modal dialog whose footer shows its own keys, then help and quit.

    A modal screen hides the app's keys from its footer (and the app's help
    key from its key presses), so the dialog binds both again."""

    CSS_PATH = "dialog.tcss"
    # Shorter than 24 rows, a dialog has less padding (dialog.tcss); a dialog
    # taller than the terminal scrolls.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # noqa: RUF012 (not a ClassVar in Textual)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "app.run('help')", "Help", id="dialog.help"),
        Binding("ctrl+q", "app.quit", "Quit", id="dialog.quit"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def on_mount(self) -> None:
        # Mounted here rather than composed, so that each dialog composes only
        # its own box (Textual runs every class's on_mount, this one too).
        self.mount(KeysFooter())
