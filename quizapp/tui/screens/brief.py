"""Brief: one page to read before a discussion (what ``quizapp brief`` prints).

The sections are those of `quizapp.brief.build_brief`: the bank's heading,
key actors, timeline, key quotes, points of dispute and the open questions
"for discussion". They are built here from the bank with plain widgets
rather than by handing the Markdown to Textual's `Markdown` widget: that
widget would turn Markdown syntax inside bank text into live links and
images (a role written as ``[site](https://...)`` would become something to
click), and bank text is untrusted. Built from the bank, every field is
literal text; ``y`` still copies the exact Markdown of ``quizapp brief``, and
``s`` saves it as a file.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from quizapp.brief import (
    build_brief,
    discussion_questions,
    dispute_point,
    dispute_questions,
    save_brief,
)
from quizapp.display import quote_marks
from quizapp.model import Bank
from quizapp.tui.screens.base import BankPage
from quizapp.tui.screens.timeline import events_in_order
from quizapp.tui.text import literal, literal_line, one_line
from quizapp.tui.widgets.hanging_lines import HangingLines

#: A bullet, and the line it starts (wrapped lines hang under its text).
Item = tuple[Content, Content]
BULLET = Content.styled("• ", "$accent")
#: A key point under an open question.
SUB_BULLET = Content.assemble("  ", ("– ", "$accent"))
#: The folder, inside the data folder, where ``s`` saves briefs.
BRIEFS_FOLDER = "briefs"


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


def actor_lines(bank: Bank) -> list[Item]:
    """``• Name — role`` for every actor, in file order."""
    return [
        (BULLET, Content.assemble(literal_line(a.name, "bold"), " — ", literal_line(a.role)))
        for a in bank.actors
    ]


def timeline_lines(bank: Bank) -> list[Item]:
    """``• when — what`` for every event, oldest first."""
    return [
        (BULLET, Content.assemble(literal_line(e.when, "bold"), " — ", literal_line(e.what)))
        for e in events_in_order(bank)
    ]


def quote_lines(bank: Bank) -> list[Item]:
    """``• “text” — speaker (context)`` for every quote, in file order; the
    opening mark is part of the bullet, so wrapped lines hang under the text."""
    lines = []
    for quote in bank.quotes:
        actor = bank.actor(quote.speaker)
        text = one_line(quote.text)
        opening, closing = quote_marks(text)
        line = Content.assemble(
            literal(text, "italic"),
            (closing, "bold $accent"),
            " — ",
            literal_line(actor.name if actor is not None else quote.speaker, "bold"),
        )
        if one_line(quote.context):
            line = Content.assemble(line, " (", literal_line(quote.context, "italic"), ")")
        lines.append((Content.assemble(BULLET, (opening, "bold $accent")), line))
    return lines


def dispute_lines(bank: Bank) -> list[Item]:
    """One line per point of dispute, repeats listed once (as in the Markdown brief)."""
    points = dict.fromkeys(dispute_point(question) for question in dispute_questions(bank))
    return [(BULLET, literal_line(point)) for point in points if point]


def discussion_lines(bank: Bank) -> list[Item]:
    """Every open question in bold, with the key points of a good answer under it."""
    lines: list[Item] = []
    for question in discussion_questions(bank):
        lines.append((BULLET, literal_line(question.prompt, "bold")))
        lines.extend((SUB_BULLET, literal_line(point)) for point in question.key_points)
    return lines


class BriefScreen(BankPage):
    """The brief of ``bank``; ``y`` copies it as Markdown, ``s`` saves it."""

    SUB_TITLE = "Brief"
    PAGE_ID = "brief"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "y",
            "copy_markdown",
            "Copy",
            tooltip="Copy the brief as Markdown (through the terminal: some ignore it)",
            id="brief.copy",
        ),
        Binding(
            "ctrl+s",
            "save_markdown",
            "Save",
            tooltip="Save the brief as a Markdown file in your data folder",
            id="brief.save",
        ),
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
            ("For discussion", discussion_lines(bank)),
        ):
            if lines:
                yield Static(Content.styled(title, "bold underline"), classes="section-title")
                yield HangingLines(lines, classes="brief-lines")

    def action_copy_markdown(self) -> None:
        """Copy the brief as Markdown, exactly as ``quizapp brief`` prints it.

        The text goes to the terminal (OSC 52), which puts it on the
        clipboard if it supports that: quizapp cannot know whether it did.
        """
        self.app.copy_to_clipboard(build_brief(self.bank))
        self.notify(
            "The brief was sent to your terminal to copy as Markdown. Some terminals "
            "(and tmux, unless set-clipboard is on) ignore that: if nothing was copied, "
            "press ctrl+s to save it as a file.",
            timeout=8,
        )

    def action_save_markdown(self) -> None:
        """Save the brief as Markdown in the data folder's ``briefs``."""
        folder = self.quiz_app.settings.data_dir / BRIEFS_FOLDER
        try:
            path = save_brief(self.bank, folder)
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(
                f"The brief could not be saved in {folder}: {reason}",
                severity="error",
                markup=False,
            )
            return
        self.notify(f"The brief was saved as {path}", timeout=8, markup=False)
