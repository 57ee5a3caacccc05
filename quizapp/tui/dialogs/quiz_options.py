"""Choosing what a new quiz asks: how many questions, which tag, generated
questions or not, shuffled or not."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Select, Static

from quizapp.session import QuizOptions
from quizapp.tui.dialogs.form import FormDialog, count_typed, dialog_buttons, form_field
from quizapp.tui.text import literal_line
from quizapp.usecases.entries import BankOverview

#: The Select value meaning "every tag".
ALL_TAGS = ""


class QuizOptionsDialog(FormDialog[QuizOptions | None]):
    """Dismisses with the chosen `QuizOptions`, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="quiz_options.cancel"),
    ]
    #: Keys handled by the dialog's own widgets, listed by the help screen.
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("tab / shift+tab", "Move between the fields"),
        ("space", "Tick or untick a checkbox"),
        ("⏎", "Start the quiz (on a button or in the number field)"),
    )

    def __init__(self, overview: BankOverview, *, seed: int | None = None) -> None:
        super().__init__()
        self.overview = overview
        self.seed = seed

    def compose(self) -> ComposeResult:
        overview = self.overview
        tag_options: list[tuple[Content, str]] = [(Content("All tags"), ALL_TAGS)]
        tag_options += [
            (Content.assemble(literal_line(tag), f" ({count})"), tag)
            for tag, count in overview.tag_counts
        ]
        with Vertical(classes="dialog"):
            yield Static(
                Content.assemble(("New quiz: ", "bold"), literal_line(overview.bank.title, "bold")),
                classes="dialog-title",
            )
            yield form_field(
                "Questions",
                Input(
                    placeholder=f"all {overview.total}", type="integer", id="count", max_length=6
                ),
            )
            yield form_field(
                "Tag", Select(tag_options, allow_blank=False, value=ALL_TAGS, id="tag")
            )
            yield Checkbox(
                f"Include generated questions ({overview.generated})",
                value=overview.generated > 0,
                disabled=overview.generated == 0,
                id="generated",
            )
            yield Checkbox("Shuffle (and pick at random)", value=True, id="shuffle")
            yield Static("", id="match-count")
            yield dialog_buttons("Start", "start")

    def on_mount(self) -> None:
        self._show_match_count()
        self.query_one("#start", Button).focus()

    def _tag(self) -> str:
        value = self.query_one("#tag", Select).value
        return value if isinstance(value, str) else ALL_TAGS

    def _matching(self) -> int:
        tag = self._tag()
        include_generated = self.query_one("#generated", Checkbox).value
        return sum(
            1
            for question in self.overview.questions
            if (include_generated or not question.generated)
            and (tag == ALL_TAGS or tag in question.tags)
        )

    @on(Select.Changed)
    @on(Checkbox.Changed, "#generated")
    def _show_match_count(self) -> None:
        matching = self._matching()
        self.query_one("#match-count", Static).update(
            Content(f"{matching} question{'s' if matching != 1 else ''} match.")
            if matching
            else Content.styled("No question matches these options.", "$error")
        )

    def _error(self, message: str) -> None:
        self.query_one("#match-count", Static).update(Content.styled(message, "$error"))

    def chosen_options(self) -> QuizOptions | None:
        """The options as set, or None (with the reason shown) if they are unusable."""
        try:
            count = count_typed(self.query_one("#count", Input).value)
        except ValueError:
            self._error("Questions: type a number of at least 1, or leave it empty.")
            return None
        if not self._matching():
            self._error("No question matches these options.")
            return None
        tag = self._tag()
        return QuizOptions(
            tags=(tag,) if tag != ALL_TAGS else (),
            count=count,
            shuffle=self.query_one("#shuffle", Checkbox).value,
            include_generated=self.query_one("#generated", Checkbox).value,
            seed=self.seed,
        )

    def confirm(self) -> None:
        """Start the quiz with the options as set."""
        options = self.chosen_options()
        if options is not None:
            self.dismiss(options)
