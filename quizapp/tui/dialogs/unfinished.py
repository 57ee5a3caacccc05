"""Unfinished quizzes: resume one or start a new quiz, and the list of them all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from quizapp.model import Bank
from quizapp.tui.dialogs.base import Dialog
from quizapp.tui.text import literal_line
from quizapp.usecases.quiz_start import describe_unfinished

if TYPE_CHECKING:
    from quizapp.store import AttemptSummary

#: What the student chose: resume the unfinished quiz, or start a new one.
ResumeChoice = Literal["resume", "new"]


class ResumeOrNewDialog(Dialog[ResumeChoice | None]):
    """Asked before a new quiz on a bank with an unfinished one: resume it
    (r; with several, pick one), start a new one (s) or cancel (escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('resume')", "Resume", id="resume_or_new.resume"),
        Binding("s", "choose('new')", "Start a new one", id="resume_or_new.new"),
        Binding("escape", "cancel", "Cancel", id="resume_or_new.cancel"),
    ]

    def __init__(
        self, bank_title: str, unfinished: Sequence[AttemptSummary], now: dt.datetime
    ) -> None:
        super().__init__()
        self.bank_title = bank_title
        self.unfinished = tuple(unfinished)
        self.now = now

    def compose(self) -> ComposeResult:
        newest, *older = self.unfinished
        lines = [
            Content.assemble(
                "Your last quiz on ",
                literal_line(self.bank_title, "bold"),
                f" is unfinished ({describe_unfinished(newest, self.now)}).",
            )
        ]
        if older:
            count = len(older)
            lines.append(
                Content(
                    f"{count} older one{'s are' if count != 1 else ' is'} unfinished too: "
                    "Resume lists them all."
                )
            )
        lines.append(Content("Starting a new quiz keeps the unfinished ones."))
        with Vertical(classes="dialog"):
            yield Static(
                Content.styled("Resume the unfinished quiz, or start a new one?", "bold"),
                classes="dialog-title",
            )
            yield Static(Content("\n").join(lines), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Resume (r)"), variant="primary", id="resume")
                yield Button(Content("Start a new one (s)"), id="new")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    def action_choose(self, choice: ResumeChoice) -> None:
        """Close the dialog with ``choice``."""
        self.dismiss(choice)

    def action_cancel(self) -> None:
        """Close the dialog: neither resume nor start."""
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss("resume" if event.button.id == "resume" else "new")


class UnfinishedQuizzesDialog(Dialog["AttemptSummary | None"]):
    """Every unfinished quiz given, newest first; enter (or a click) resumes
    the one highlighted. A quiz on a bank that is not loaded is listed but
    cannot be picked."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="unfinished.cancel"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("↑ ↓", "Highlight a quiz"),
        ("⏎ / click", "Resume it"),
    )

    def __init__(
        self, quizzes: Sequence[tuple[AttemptSummary, Bank | None]], now: dt.datetime
    ) -> None:
        super().__init__()
        self.quizzes = tuple(quizzes)
        self.now = now

    def compose(self) -> ComposeResult:
        count = len(self.quizzes)
        with Vertical(classes="dialog wide"):
            yield Static(
                Content.styled(
                    f"{count} unfinished quiz{'zes' if count != 1 else ''}: pick one to resume",
                    "bold",
                ),
                classes="dialog-title",
            )
            yield OptionList(
                *(self._option(attempt, bank) for attempt, bank in self.quizzes),
                id="unfinished-list",
            )
            yield Static(
                Content.assemble(("Enter", "bold"), " resumes the quiz highlighted."),
                classes="dialog-hint",
            )

    def _option(self, attempt: AttemptSummary, bank: Bank | None) -> Option:
        when = describe_unfinished(attempt, self.now)
        title = literal_line(attempt.bank_title, "bold")
        if bank is None:
            return Option(
                Content.assemble(title, f"\n{when} · ", ("its bank is not loaded", "italic")),
                disabled=True,
            )
        return Option(Content.assemble(title, f"\n{when}"))

    def on_mount(self) -> None:
        options = self.query_one("#unfinished-list", OptionList)
        options.highlighted = next(
            (i for i, (_, bank) in enumerate(self.quizzes) if bank is not None), None
        )
        options.focus()

    def action_cancel(self) -> None:
        """Close the list: resume nothing."""
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#unfinished-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        attempt, bank = self.quizzes[event.option_index]
        if bank is not None:
            self.dismiss(attempt)
