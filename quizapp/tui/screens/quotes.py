"""Quotes: every quotation of a bank, as a quote, with its speaker and context."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from quizapp.model import Bank, Quote
from quizapp.tui.screens.base import BankPage
from quizapp.tui.text import literal, literal_line
from quizapp.tui.widgets.question_view import quote_content


def speaker_content(bank: Bank, quote: Quote) -> Content:
    """``— Ross Wilson, former U.S. ambassador to Turkey`` and the context below."""
    actor = bank.actor(quote.speaker)
    line = Content.assemble(
        ("— ", "dim"), literal_line(actor.name if actor else quote.speaker, "bold")
    )
    if actor is not None and actor.role:
        line = Content.assemble(line, (", ", "dim"), literal_line(actor.role, "dim"))
    if quote.context:
        line = Content.assemble(line, "\n", literal(quote.context, "italic"))
    return line


class QuotesScreen(BankPage):
    """The quotes of ``bank`` in file order."""

    SUB_TITLE = "Quotes"
    PAGE_ID = "quotes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="quotes.back"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (("↑ ↓ pgup pgdn", "Scroll the quotes"),)

    def compose_page(self) -> ComposeResult:
        for quote in self.bank.quotes:
            yield Static(quote_content(quote.text), classes="quote")
            yield Static(speaker_content(self.bank, quote), classes="quote-by")
        if not self.bank.quotes:
            yield Static(Content("This bank lists no quotes."), classes="empty-view")
