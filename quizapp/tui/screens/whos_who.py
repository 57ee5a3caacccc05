"""Who's who: every actor of a bank with their role, the quotes they said and the
events they take part in; typing filters the list."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static

from quizapp.display import quote_marks, quoted
from quizapp.grading import normalise_text
from quizapp.model import Actor, Bank
from quizapp.tui.screens.base import BankScreen
from quizapp.tui.screens.timeline import events_in_order
from quizapp.tui.text import literal, literal_line
from quizapp.tui.widgets.hanging_lines import HangingLines
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.title_bar import TitleBar


def actor_content(actor: Actor) -> Content:
    """The top of an actor's card: name and kind, role, aliases, description."""
    lines = [
        Content.assemble(
            literal_line(actor.name, "bold $accent"), "  ", literal_line(actor.kind, "dim")
        ),
        literal(actor.role),
    ]
    if actor.aliases:
        lines.append(Content.assemble(("Also: ", "dim"), literal_line(", ".join(actor.aliases))))
    if actor.description:
        lines.append(literal(actor.description, "italic"))
    return Content("\n").join(lines)


def said_lines(bank: Bank, actor: Actor) -> list[tuple[Content, Content]]:
    """The actor's quotes, each with its context; the opening mark hangs, so
    a long quote wraps under its own first word."""
    lines = []
    for quote in bank.quotes:
        if quote.speaker == actor.id:
            opening, closing = quote_marks(quote.text)
            said = Content.assemble(literal(quote.text), (closing, "bold $accent"))
            if quote.context:
                said = Content.assemble(said, ("  — ", "dim"), literal_line(quote.context, "dim"))
            lines.append((Content.assemble("  ", (opening, "bold $accent")), said))
    return lines


def event_lines(bank: Bank, actor: Actor) -> list[tuple[Content, Content]]:
    """When and what of each event the actor takes part in, oldest first."""
    return [
        (Content.assemble("  ", literal_line(event.when, "bold"), "  "), literal_line(event.what))
        for event in events_in_order(bank)
        if actor.id in event.actors
    ]


class ActorEntry(Vertical):
    """One actor's card in the list."""

    def __init__(self, bank: Bank, actor: Actor) -> None:
        super().__init__(classes="actor")
        self.bank = bank
        self.actor = actor

    def compose(self) -> ComposeResult:
        yield Static(actor_content(self.actor))
        said = said_lines(self.bank, self.actor)
        if said:
            yield Static(Content.styled("Said", "bold"))
            yield HangingLines(said)
        events = event_lines(self.bank, self.actor)
        if events:
            yield Static(Content.styled("Takes part in", "bold"))
            yield HangingLines(events)


def actor_search_text(bank: Bank, actor: Actor) -> str:
    """Everything a search may match for an actor, folded like typed answers
    (case, accents and punctuation do not count)."""
    parts = [actor.name, *actor.aliases, actor.kind, actor.role, actor.description]
    for quote in bank.quotes:
        if quote.speaker == actor.id:
            parts += [quote.text, quote.context]
    for event in bank.events:
        if actor.id in event.actors:
            parts += [event.when, event.what]
    return normalise_text(" ".join(parts))


def matches(search_text: str, query: str) -> bool:
    """Whether every word of ``query`` occurs in ``search_text``.

    Both are folded as typed answers are (case, accents and punctuation do not
    count) and compared without spaces, so ``s400`` finds ``S-400``.
    """
    compact = search_text.replace(" ", "")
    return all(normalise_text(word).replace(" ", "") in compact for word in query.split())


class WhosWhoScreen(BankScreen):
    """The actors of ``bank``; type to filter them."""

    CSS_PATH = "facts.tcss"

    SUB_TITLE = "Who's who"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="whos_who.back"),
        Binding("ctrl+f", "search", "Search", id="whos_who.search"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("type", "Filter by name, alias, role, description, quote or event"),
        ("⏎ / tab", "From the search field to the list, to scroll it"),
    )

    def __init__(self, bank: Bank) -> None:
        super().__init__(bank)
        self.search_texts = [actor_search_text(bank, actor) for actor in bank.actors]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Input(
            placeholder="Type to search names, roles, quotes and events",
            id="whos-search",
        )
        yield Static(id="whos-count")
        with VerticalScroll(id="whos-list"):
            for actor in self.bank.actors:
                yield ActorEntry(self.bank, actor)
            yield Static(id="whos-empty", classes="empty-view")
        yield KeysFooter()

    def on_mount(self) -> None:
        search = self.query_one("#whos-search", Input)
        search.cursor_blink = self.quiz_app.settings.cursor_blink
        if not self.bank.actors:
            search.display = False
        self.show_matching("")
        search.focus()

    @on(Input.Changed, "#whos-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.show_matching(event.value)

    @on(Input.Submitted, "#whos-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#whos-list", VerticalScroll).focus()

    def show_matching(self, query: str) -> None:
        """Show only the actors matching ``query`` (all of them when it is empty)."""
        shown = 0
        for entry, search_text in zip(self.query(".actor"), self.search_texts, strict=True):
            entry.display = matches(search_text, query)
            shown += entry.display
        total = len(self.search_texts)
        count = self.query_one("#whos-count", Static)
        empty = self.query_one("#whos-empty", Static)
        empty.display = shown == 0
        if not total:
            count.update("")
            empty.update(Content("This bank lists no actors."))
        elif not query.strip():
            count.update(Content(f"{total} actor{'s' if total != 1 else ''}"))
        elif shown:
            count.update(
                Content.assemble(f"{shown} of {total} match ", literal_line(quoted(query.strip())))
            )
        else:
            count.update(Content(f"0 of {total}"))
            empty.update(
                Content.assemble("No actor matches ", literal_line(quoted(query.strip())), ".")
            )
        self.query_one("#whos-list", VerticalScroll).scroll_home(animate=False)

    def action_search(self) -> None:
        """Back to the search field."""
        self.query_one("#whos-search", Input).focus()
