"""Timeline: the events of a bank in order, each with the source's own wording of when."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from quizapp.model import Bank, Event
from quizapp.tui.screens.base import BankPage
from quizapp.tui.text import literal, literal_line


def events_in_order(bank: Bank) -> list[Event]:
    """The bank's events by sort key, oldest first; ties keep file order."""
    return sorted(bank.events, key=lambda event: event.sort_key)


def when_content(event: Event) -> Content:
    """The source's wording of when, and a mark when its place is estimated."""
    when = literal(event.when, "bold $accent")
    if event.approximate:
        return Content.assemble(when, "\n", ("≈ approximate", "dim italic"))
    return when


def event_content(bank: Bank, event: Event) -> Content:
    """What happened, who took part and the note."""
    lines = [literal(event.what)]
    names = [actor.name if (actor := bank.actor(a)) else a for a in event.actors]
    if names:
        lines.append(Content.assemble(("With: ", "dim"), literal_line(", ".join(names))))
    if event.note:
        lines.append(literal(event.note, "dim italic"))
    return Content("\n").join(lines)


class TimelineScreen(BankPage):
    """The events of ``bank``, oldest first."""

    SUB_TITLE = "Timeline"
    PAGE_ID = "timeline"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="timeline.back"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (("↑ ↓ pgup pgdn", "Scroll the timeline"),)

    def compose_page(self) -> ComposeResult:
        events = events_in_order(self.bank)
        for event in events:
            with Horizontal(classes="event"):
                yield Static(when_content(event), classes="event-when")
                yield Static(event_content(self.bank, event), classes="event-body")
        if not events:
            yield Static(Content("This bank lists no events."), classes="empty-view")
