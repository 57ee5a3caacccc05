"""Brief: one page to read before a discussion (what ``quizapp brief`` prints).

The sections are those of `quizapp.brief.build_brief`: the bank's heading,
key actors, timeline, key quotes and points of dispute. They are built here
from the bank with plain `Static` widgets rather than by handing the
Markdown to Textual's `Markdown` widget: that widget would turn Markdown
syntax inside bank text into live links and images (a role written as
``[site](https://...)`` would become something to click), and bank text is
untrusted. Built from the bank, every field is literal text; ``y`` still
copies the exact Markdown of ``quizapp brief``.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from quizapp.brief import build_brief, dispute_point, dispute_questions
from quizapp.model import Bank
from quizapp.tui.screens.base import BankPage
from quizapp.tui.screens.timeline import events_in_order
from quizapp.tui.text import literal, literal_line, one_line
from quizapp.tui.widgets.question_view import quote_content

BULLET = ("• ", "$accent")


def heading_content(bank: Bank) -> Content:
    """The title, the source and the description."""
    lines = [literal_line(bank.title or bank.id, "bold $accent")]
    source = bank.source
    if source is not None:
        parts = [part for part in (one_line(source.title), one_line(source.author)) if part]
        text = ", ".join(parts) + (f" <{one_line(source.url)}>" if source.url else "")
        lines.append(Content.assemble(("Source: ", "dim"), literal_line(text)))
    if bank.description:
        lines.append(literal(bank.description))
    return Content("\n").join(lines)


def actor_lines(bank: Bank) -> list[Content]:
    """``• Name — role`` for every actor, in file order."""
    return [
        Content.assemble(BULLET, literal_line(actor.name, "bold"), " — ", literal_line(actor.role))
        for actor in bank.actors
    ]


def timeline_lines(bank: Bank) -> list[Content]:
    """``• when — what`` for every event, oldest first."""
    return [
        Content.assemble(BULLET, literal_line(event.when, "bold"), " — ", literal_line(event.what))
        for event in events_in_order(bank)
    ]


def quote_lines(bank: Bank) -> list[Content]:
    """``“text” — speaker (context)`` for every quote, in file order."""
    lines = []
    for quote in bank.quotes:
        actor = bank.actor(quote.speaker)
        line = Content.assemble(
            BULLET,
            quote_content(one_line(quote.text)),
            " — ",
            literal_line(actor.name if actor is not None else quote.speaker, "bold"),
        )
        if one_line(quote.context):
            line = Content.assemble(line, " (", literal_line(quote.context, "italic"), ")")
        lines.append(line)
    return lines


def dispute_lines(bank: Bank) -> list[Content]:
    """One line per point of dispute, repeats listed once (as in the Markdown brief)."""
    points = dict.fromkeys(dispute_point(question) for question in dispute_questions(bank))
    return [Content.assemble(BULLET, literal_line(point)) for point in points if point]


class BriefScreen(BankPage):
    """The brief of ``bank``; ``y`` copies it as Markdown."""

    SUB_TITLE = "Brief"
    PAGE_ID = "brief"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "copy_markdown", "Copy as Markdown", id="brief.copy"),
        Binding("escape", "app.pop_screen", "Back", id="brief.back"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (("↑ ↓ pgup pgdn", "Scroll the brief"),)

    def compose_page(self) -> ComposeResult:
        bank = self.bank
        yield Static(heading_content(bank), classes="brief-heading")
        for title, lines in (
            ("Key actors", actor_lines(bank)),
            ("Timeline", timeline_lines(bank)),
            ("Key quotes", quote_lines(bank)),
            ("Points of dispute", dispute_lines(bank)),
        ):
            if lines:
                yield Static(Content.styled(title, "bold underline"), classes="section-title")
                yield Static(Content("\n").join(lines), classes="brief-lines")

    def action_copy_markdown(self) -> None:
        """Copy the brief as Markdown, exactly as ``quizapp brief`` prints it."""
        self.app.copy_to_clipboard(build_brief(self.bank))
        self.notify("The brief was copied as Markdown.", timeout=3)
