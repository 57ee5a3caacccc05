"""The dialogs of the draft review: the article to draft a bank from, and
the fixes a teacher makes to a drafted item (a role, a speaker, a date).

Each fix dialog is given the change to make, as a function that returns
why it cannot be made (or None): the rules stay in `quizapp.draft`, the
dialog shows the reason and stays open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from quizapp.display import quote_marks
from quizapp.tui.dialogs.form import FormDialog, dialog_buttons, form_field
from quizapp.tui.text import literal, literal_line
from quizapp.tui.widgets.marked import MarkedCheckbox
from quizapp.usecases.draft_review import DraftRequest, RequestError, draft_request

#: Makes the change typed; returns why it cannot be made, or None when made.
Apply = Callable[..., "str | None"]


def _error(dialog: FormDialog[bool], message: str | None) -> bool:
    """Show ``message`` under the fields; True when there was one."""
    hint = dialog.query_one("#fix-error", Static)
    hint.update(literal(message or "", "$error"))
    return message is not None


class RoleDialog(FormDialog[bool]):
    """The role of a drafted actor; dismisses with True once changed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="draft_fix.role.cancel"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (("⏎", "Keep the role typed"),)

    def __init__(self, name: str, role: str, apply: Apply) -> None:
        super().__init__()
        self.actor_name = name
        self.role = role
        self.apply = apply

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Content.assemble(("Role of ", "bold"), literal_line(self.actor_name, "bold")),
                classes="dialog-title",
            )
            yield Static(
                Content("A few words a student can recognise the actor by."),
                classes="dialog-body",
            )
            yield form_field("Role", Input(self.role, id="fix-role"))
            yield Static(id="fix-error", classes="dialog-hint")
            yield dialog_buttons("Keep", "keep")

    def on_mount(self) -> None:
        self.query_one("#fix-role", Input).focus()

    def confirm(self) -> None:
        """Change the role, or say why it cannot be."""
        if not _error(self, self.apply(self.query_one("#fix-role", Input).value)):
            self.dismiss(True)


class DateDialog(FormDialog[bool]):
    """The date of a drafted event; dismisses with True once changed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="draft_fix.date.cancel"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("⏎", "Keep the date typed"),
        ("space", "Tick or untick Approximate (on the box)"),
    )

    def __init__(self, when: str, date: str, approximate: bool, apply: Apply) -> None:
        super().__init__()
        self.when = when
        self.date = date
        self.approximate = approximate
        self.apply = apply

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Content.assemble(("Date of “", "bold"), literal_line(self.when), ("”", "bold")),
                classes="dialog-title",
            )
            yield Static(
                Content(
                    "Type a date as 2016-07-12 or a year as 2016. Tick Approximate when "
                    "the article does not give it: the date then only puts the event in order."
                ),
                classes="dialog-body",
            )
            yield form_field("Date", Input(self.date, id="fix-date"))
            yield MarkedCheckbox("Approximate", self.approximate, id="fix-approximate")
            yield Static(id="fix-error", classes="dialog-hint")
            yield dialog_buttons("Keep", "keep")

    def on_mount(self) -> None:
        self.query_one("#fix-date", Input).focus()

    def confirm(self) -> None:
        """Change the date, or say why it cannot be."""
        date = self.query_one("#fix-date", Input).value
        approximate = self.query_one("#fix-approximate", Checkbox).value
        if not _error(self, self.apply(date, approximate)):
            self.dismiss(True)


class SpeakerDialog(FormDialog[bool]):
    """Who said a drafted quote, picked among the kept actors; dismisses
    with True once changed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="draft_fix.speaker.cancel"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (("↑ ↓ ⏎", "Pick the speaker"),)

    def __init__(
        self, quote: str, choices: Sequence[tuple[str, str]], current: str | None, apply: Apply
    ) -> None:
        super().__init__()
        self.quote = quote
        self.choices = list(choices)
        self.current = current
        self.apply = apply

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled("Who said it?", "bold"), classes="dialog-title")
            opening, closing = quote_marks(self.quote)
            yield Static(
                Content.assemble(opening, literal_line(self.quote), closing),
                classes="dialog-body quote",
            )
            yield OptionList(
                *(Option(literal_line(label), id=actor_id) for actor_id, label in self.choices),
                id="fix-speaker",
            )
            yield Static(id="fix-error", classes="dialog-hint")
            yield dialog_buttons("Keep", "keep")

    def on_mount(self) -> None:
        speakers = self.query_one("#fix-speaker", OptionList)
        ids = [actor_id for actor_id, _ in self.choices]
        if ids:
            speakers.highlighted = ids.index(self.current) if self.current in ids else 0
        speakers.focus()

    @on(OptionList.OptionSelected, "#fix-speaker")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.confirm()

    def confirm(self) -> None:
        """Give the quote to the highlighted actor."""
        speakers = self.query_one("#fix-speaker", OptionList)
        if speakers.highlighted is None:
            _error(self, "Pick an actor: there is none to give the quote to.")
            return
        if not _error(self, self.apply(self.choices[speakers.highlighted][0])):
            self.dismiss(True)


class NewBankDialog(FormDialog[DraftRequest | None]):
    """Asks for the article to draft a bank from and the bank file to
    write; dismisses with the request, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="new_bank.cancel"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("⏎", "Draft the article, then review it"),
        ("tab", "Between the article and the bank file"),
    )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled("New bank from an article", "bold"), classes="dialog-title")
            yield Static(
                Content(
                    "quizapp drafts the article's actors, dates and quotations, each with "
                    "the words that prove it; you review them before the bank is saved. "
                    "The article is a .txt, .md or .html file."
                ),
                classes="dialog-body",
            )
            yield form_field("Article", Input(placeholder="path/to/article.txt", id="article"))
            yield form_field(
                "Bank file", Input(placeholder="beside the article, ending .toml", id="output")
            )
            yield Static(id="fix-error", classes="dialog-hint")
            yield dialog_buttons("Draft", "draft")

    def on_mount(self) -> None:
        self.query_one("#article", Input).focus()

    def confirm(self) -> None:
        """Close with the request, or say what is wrong with the paths."""
        try:
            request = draft_request(
                self.query_one("#article", Input).value, self.query_one("#output", Input).value
            )
        except RequestError as error:
            self.query_one("#fix-error", Static).update(literal(str(error), "$error"))
            return
        self.dismiss(request)
