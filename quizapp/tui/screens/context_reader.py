"""Show in context: the bank's source text, scrolled to an excerpt, with it highlighted.

A bank may name its source text (``[bank.source] file``). Screens that show
an excerpt of it (study and cram cards, answer feedback) offer "show in
context" only when that file may be shown (`source_file`): inside the bank's
folder, or named on the command line (`quizapp.banks.excerpts.context_source`).
The text is read, through the size limit every user file has, and the
excerpt found in a worker (`read_context_source`, `locate_excerpt`), and only
a window of text around it is shown. The text is untrusted like any bank
text: it is shown literally, never as markup.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from quizapp.banks.excerpts import (
    ExcerptWindow,
    context_source,
    locate_excerpt,
    read_context_source,
)
from quizapp.display import quoted
from quizapp.files import FileProblem
from quizapp.model import Bank
from quizapp.study import StudyCard
from quizapp.tui.screens.base import BankScreen
from quizapp.tui.text import literal, one_line, plain_text, shorten
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.title_bar import TitleBar

#: The style of the excerpt inside its paragraph.
HIGHLIGHT = "bold reverse $warning"
#: A blank line (possibly with spaces) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
EXCERPT_PREVIEW = 120


def source_file(bank: Bank, named: Collection[Path] = ()) -> Path | None:
    """The bank's source text when it may be shown (see `context_source`;
    ``named``: the files named on the command line), else None."""
    found = context_source(bank, named=named)
    return found if isinstance(found, Path) else None


def card_excerpt(bank: Bank, card: StudyCard) -> str:
    """The text of the source a card comes from: its ``source`` excerpt, or
    for a quote card without one, the quotation itself."""
    if card.source:
        return card.source
    if card.kind == "quote" and card.about:
        quote = next((q for q in bank.quotes if q.id == card.about[0]), None)
        if quote is not None:
            return quote.text
    return ""


def can_show_in_context(bank: Bank, card: StudyCard | None, named: Collection[Path] = ()) -> bool:
    """Whether "show in context" applies to ``card``: the bank's source text
    may be shown and the card has an excerpt of it."""
    return (
        card is not None and bool(card_excerpt(bank, card)) and source_file(bank, named) is not None
    )


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph of ``text``, without the blank lines
    between them."""
    spans: list[tuple[int, int]] = []
    start = 0
    for gap in _PARAGRAPH_BREAK.finditer(text):
        if text[start : gap.start()].strip():
            spans.append((start, gap.start()))
        start = gap.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


class ContextReaderScreen(BankScreen):
    """The source text of ``bank`` around ``excerpt``, the excerpt highlighted
    and in view; ``named`` are the files named on the command line."""

    CSS_PATH = "context_reader.tcss"

    SUB_TITLE = "in context"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="context.back"),
        Binding("e", "to_excerpt", "To the excerpt", id="context.excerpt"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (("↑ ↓ pgup pgdn", "Scroll the text"),)

    def __init__(self, bank: Bank, excerpt: str, named: Collection[Path] = ()) -> None:
        super().__init__(bank)
        if bank.source is not None:
            self.title = one_line(bank.source.title)
        self.excerpt = excerpt
        self.named = tuple(named)
        #: Where the excerpt is in the text shown, once found.
        self.found: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="context-status")
        yield VerticalScroll(id="context-text")
        yield KeysFooter()

    class TextRead(Message):
        """The worker read the source text (or why it could not) and found the excerpt."""

        def __init__(self, text: str, window: ExcerptWindow | None, problem: str | None) -> None:
            super().__init__()
            self.text = text
            self.window = window
            self.problem = problem

    def on_mount(self) -> None:
        self.query_one("#context-status", Static).update(Content.styled("Reading …", "dim"))
        self._read_text()

    @work(thread=True, exclusive=True, exit_on_error=False, group="context")
    def _read_text(self) -> None:
        # A source text may be up to the 20 MB every file may have: read and
        # searched off the UI thread.
        try:
            # Made safe to show first, so the excerpt's offsets are those shown.
            text = plain_text(read_context_source(self.bank, named=self.named))
        except FileProblem as problem:
            message = self.TextRead("", None, str(problem))
        else:
            window = locate_excerpt(text, plain_text(self.excerpt))
            message = self.TextRead(text, window, None)
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    @on(TextRead)
    async def _text_read(self, event: TextRead) -> None:
        status = self.query_one("#context-status", Static)
        window = event.window
        if window is None:
            status.update(Content.styled(event.problem or "", "$error"))
            return
        shown = event.text[window.start : window.end]
        if window.excerpt is not None:
            low, high = window.excerpt
            self.found = (low - window.start, high - window.start)
        area = self.query_one("#context-text", VerticalScroll)
        await area.mount_all(self._paragraphs(shown, window, len(event.text)))
        if self.found is None:
            preview = shorten(self.excerpt, EXCERPT_PREVIEW)
            status.update(
                Content.assemble(
                    ("⚠ The excerpt was not found in the source text: ", "bold $warning"),
                    literal(quoted(preview)),
                )
            )
        else:
            status.update(
                Content.assemble(("The excerpt is highlighted. ", "dim"), self._file_name())
            )
            self.call_after_refresh(self.action_to_excerpt)
        self.refresh_bindings()
        area.focus()

    def _file_name(self) -> Content:
        path = self.bank.source_path()
        return literal(f"({path.name})", "dim") if path is not None else Content()

    def _paragraphs(self, text: str, window: ExcerptWindow, length: int) -> list[Static]:
        """One Static per paragraph of the window; those holding the excerpt
        are highlighted; a mark where the window cuts the text."""
        widgets: list[Static] = []
        if window.start > 0:
            widgets.append(Static(Content.styled("[…]", "dim"), classes="cut"))
        paragraphs = paragraph_spans(text)
        for start, end in paragraphs:
            content = Content(text[start:end])
            classes = "paragraph"
            if self.found is not None:
                low, high = max(self.found[0], start), min(self.found[1], end)
                if low < high:
                    content = content.stylize(HIGHLIGHT, low - start, high - start)
                    classes += " excerpt"
            widgets.append(Static(content, classes=classes))
        if not paragraphs and length == 0:
            widgets.append(Static(Content.styled("The source text is empty.", "dim")))
        if window.end < length:
            widgets.append(Static(Content.styled("[…]", "dim"), classes="cut"))
        return widgets

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_excerpt":
            return True if self.found is not None else None
        return True

    def action_to_excerpt(self) -> None:
        """Scroll the excerpt into the middle of the screen."""
        highlighted = self.query(".excerpt")
        if highlighted:
            self.query_one("#context-text", VerticalScroll).scroll_to_center(
                highlighted.first(), animate=False
            )
