"""Choosing what a new quiz asks: how many questions, which tag, generated
questions or not, shuffled or not."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Checkbox, Input, Select, Static

from quizapp.session import QuizOptions
from quizapp.tui.dialogs.form import FormDialog, count_typed, dialog_buttons, form_field
from quizapp.tui.text import literal_line
from quizapp.tui.widgets.marked import MarkedCheckbox
from quizapp.usecases.entries import BankOverview
from quizapp.usecases.quiz_start import count_matching, selection_note

#: The Select value meaning "every tag".
ALL_TAGS = ""


class QuizOptionsDialog(FormDialog[QuizOptions | None]):
    """Dismisses with the chosen `QuizOptions`, or None when cancelled. The
    fields start as ``remembered`` (the options last chosen for the bank);
    the number field has the focus, so typed digits go there."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="quiz_options.cancel"),
    ]
    #: Keys handled by the dialog's own widgets, listed by the help screen.
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("digits", "The number of questions (the field has the focus)"),
        ("tab / shift+tab", "Move between the fields"),
        ("space", "Tick or untick a checkbox"),
        ("⏎", "Start the quiz (on a button or in the number field)"),
    )

    def __init__(
        self,
        overview: BankOverview,
        *,
        seed: int | None = None,
        remembered: QuizOptions | None = None,
    ) -> None:
        super().__init__()
        self.overview = overview
        self.seed = seed
        self.remembered = remembered or QuizOptions(include_generated=overview.generated > 0)

    def compose(self) -> ComposeResult:
        overview = self.overview
        remembered = self.remembered
        tag_options: list[tuple[Content, str]] = [(Content("All tags"), ALL_TAGS)]
        tag_options += [
            (Content.assemble(literal_line(tag), f" ({count})"), tag)
            for tag, count in overview.tag_counts
        ]
        tags = [tag for _, tag in tag_options]
        tag = remembered.tags[0] if remembered.tags and remembered.tags[0] in tags else ALL_TAGS
        with Vertical(classes="dialog"):
            yield Static(
                Content.assemble(("New quiz: ", "bold"), literal_line(overview.bank.title, "bold")),
                classes="dialog-title",
            )
            yield form_field(
                "Questions",
                Input(
                    str(remembered.count) if remembered.count is not None else "",
                    placeholder=f"all {overview.total}",
                    type="integer",
                    id="count",
                    max_length=6,
                ),
            )
            yield form_field("Tag", Select(tag_options, allow_blank=False, value=tag, id="tag"))
            yield MarkedCheckbox(
                f"Include generated questions ({overview.generated})",
                value=overview.generated > 0 and remembered.include_generated,
                disabled=overview.generated == 0,
                compact=True,
                id="generated",
            )
            yield MarkedCheckbox(
                "Shuffle (and pick at random)", value=remembered.shuffle, compact=True, id="shuffle"
            )
            yield Static("", id="match-count")
            yield dialog_buttons("Start", "start")

    def on_mount(self) -> None:
        self._show_match_count()
        self.query_one("#count", Input).focus()

    def _tag(self) -> str:
        value = self.query_one("#tag", Select).value
        return value if isinstance(value, str) else ALL_TAGS

    def _typed_count(self) -> int | None:
        """The number typed (None: empty, or not a number of at least 1)."""
        try:
            return count_typed(self.query_one("#count", Input).value)
        except ValueError:
            return None

    def _matching(self) -> int:
        tag = self._tag()
        options = QuizOptions(
            tags=(tag,) if tag != ALL_TAGS else (),
            include_generated=self.query_one("#generated", Checkbox).value,
        )
        return count_matching(self.overview.questions, options)

    @on(Select.Changed)
    @on(Checkbox.Changed, "#generated")
    @on(Input.Changed, "#count")
    def _show_match_count(self) -> None:
        matching = self._matching()
        note = selection_note(matching, self._typed_count())
        self.query_one("#match-count", Static).update(
            Content(note) if matching else Content.styled(note, "$error")
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
