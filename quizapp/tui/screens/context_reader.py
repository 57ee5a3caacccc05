"""Show in context: the bank's source text, scrolled to an excerpt, with it highlighted.

A bank may name its source text (``[bank.source] file``). Screens that show
an excerpt of it (study and cram cards, answer feedback) offer "show in
context" only when that file exists (`source_file`). The text is untrusted
like any bank text: it is shown literally, never as markup.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from quizapp.display import quoted
from quizapp.model import Bank
from quizapp.study import StudyCard
from quizapp.tui.screens.base import BankScreen
from quizapp.tui.text import literal, one_line, plain_text, shorten
from quizapp.tui.widgets.keys_footer import KeysFooter

#: The style of the excerpt inside its paragraph.
HIGHLIGHT = "bold reverse $warning"
#: A blank line (possibly with spaces) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
#: Typographic quote marks and the plain ones an excerpt may use instead.
_STRAIGHT_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
EXCERPT_PREVIEW = 120


def source_file(bank: Bank) -> Path | None:
    """The bank's source text file when it names one that exists, else None."""
    path = bank.source_path()
    return path if path is not None and path.is_file() else None


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


def can_show_in_context(bank: Bank, card: StudyCard | None) -> bool:
    """Whether "show in context" applies to ``card``: the bank's source file
    exists and the card has an excerpt of it."""
    return card is not None and bool(card_excerpt(bank, card)) and source_file(bank) is not None


def find_excerpt(text: str, excerpt: str) -> tuple[int, int] | None:
    """Where ``excerpt`` is in ``text``, as (start, end) offsets, or None.

    Runs of whitespace match any run of whitespace (a line break in the file
    may be a space in the excerpt), and typographic quote marks match plain
    ones; everything else must match exactly, case included.
    """
    words = excerpt.translate(_STRAIGHT_QUOTES).split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    found = re.search(pattern, text.translate(_STRAIGHT_QUOTES))
    return (found.start(), found.end()) if found is not None else None


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
    """The source text of ``bank`` with ``excerpt`` highlighted and in view."""

    CSS_PATH = "context_reader.tcss"

    SUB_TITLE = "in context"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="context.back"),
        Binding("e", "to_excerpt", "To the excerpt", id="context.excerpt"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (("↑ ↓ pgup pgdn", "Scroll the text"),)

    def __init__(self, bank: Bank, excerpt: str) -> None:
        super().__init__(bank)
        if bank.source is not None:
            self.title = one_line(bank.source.title)
        self.excerpt = plain_text(excerpt)
        #: Where the excerpt is in the (display-safe) text, once found.
        self.found: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="context-status")
        yield VerticalScroll(id="context-text")
        yield KeysFooter()

    async def on_mount(self) -> None:
        path = self.bank.source_path()
        status = self.query_one("#context-status", Static)
        if path is None:
            status.update(Content.styled("This bank names no source text.", "$error"))
            return
        try:
            text = plain_text(path.read_text(encoding="utf-8-sig", errors="replace"))
        except OSError as error:
            reason = error.strerror or str(error)
            status.update(
                Content.assemble(
                    ("The source text could not be read: ", "$error"),
                    literal(f"{path}: {reason}"),
                )
            )
            return
        self.found = find_excerpt(text, self.excerpt)
        await self.query_one("#context-text", VerticalScroll).mount_all(self._paragraphs(text))
        if self.found is None:
            status.update(
                Content.assemble(
                    ("⚠ The excerpt was not found in the source text: ", "bold $warning"),
                    literal(quoted(shorten(self.excerpt, EXCERPT_PREVIEW))),
                )
            )
        else:
            status.update(
                Content.assemble(
                    ("The excerpt is highlighted. ", "dim"),
                    literal_name(path),
                )
            )
            self.call_after_refresh(self.action_to_excerpt)
        self.query_one("#context-text", VerticalScroll).focus()

    def _paragraphs(self, text: str) -> list[Static]:
        """One Static per paragraph; those holding the excerpt are highlighted."""
        widgets: list[Static] = []
        for start, end in paragraph_spans(text):
            content = Content(text[start:end])
            classes = "paragraph"
            if self.found is not None:
                low, high = max(self.found[0], start), min(self.found[1], end)
                if low < high:
                    content = content.stylize(HIGHLIGHT, low - start, high - start)
                    classes += " excerpt"
            widgets.append(Static(content, classes=classes))
        if not widgets:
            widgets.append(Static(Content.styled("The source text is empty.", "dim")))
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


def literal_name(path: Path) -> Content:
    """The file's name, dimmed, as literal text."""
    return literal(f"({path.name})", "dim")
