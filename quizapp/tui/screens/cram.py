"""Cram: every card of a bank, or one tag's, once through, without touching the schedule.

For the night before a discussion. The user picks all cards or a tag, then
goes through them as in study mode; a card graded Again comes back at the
end. Grades stay in memory (`CramSession`): nothing is written to the store.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quizapp.model import Bank
from quizapp.study import RATING_LABELS, CramSession, CramSummary, StudyCard, build_cards
from quizapp.tui.screens.card_screen import (
    CardScreen,
    context_binding,
    grade_bindings,
    ratings_line,
)
from quizapp.tui.screens.context_reader import can_show_in_context
from quizapp.tui.text import literal_line, one_line, shorten
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.study_card import StudyCardView
from quizapp.tui.widgets.title_bar import TitleBar

#: Actions that apply only to the summary at the end.
SUMMARY_ACTIONS = frozenset({"again", "choose", "missed"})
#: Width of a missed card's front in the summary.
MISSED_WIDTH = 80


def tag_counts(cards: tuple[StudyCard, ...]) -> list[tuple[str, int]]:
    """(tag, cards with it), most cards first, then by name."""
    counts: Counter[str] = Counter(tag for card in cards for tag in dict.fromkeys(card.tags))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def summary_content(summary: CramSummary, missed: list[StudyCard]) -> Content:
    """How the cram went: ratings first time round, repeats, and the cards missed."""
    lines = [
        Content.styled(
            f"Cram done: {summary.total} card{'s' if summary.total != 1 else ''}.", "bold $success"
        ),
        Content(f"First time round: {ratings_line(Counter(summary.ratings))}."),
    ]
    if summary.repeats:
        lines.append(
            Content(
                f"Cards came back after Again {summary.repeats} "
                f"time{'s' if summary.repeats != 1 else ''}."
            )
        )
    if missed:
        lines.append(Content.styled(f"Missed first time ({len(missed)}):", "bold"))
        lines.extend(
            Content.assemble(("✗ ", "$error"), literal_line(shorten(card.front, MISSED_WIDTH)))
            for card in missed
        )
    lines.append(Content.styled("Your study schedule was not changed.", "dim"))
    return Content("\n").join(lines)


class CardChoice(OptionList):
    """All cards or one tag's: ⏎ (in the footer) or a click crams them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Cram these", id="cram.choose-cards"),
    ]


class CramScreen(CardScreen):
    """Pick all cards or a tag of ``bank``, then go through them once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *grade_bindings("cram", again_tip="Again: you did not recall it; it comes back at the end"),
        Binding(
            "r", "again", "Cram again", tooltip="Cram the same cards once more", id="cram.repeat"
        ),
        Binding(
            "m",
            "missed",
            "Cram the missed",
            tooltip="Cram only the cards graded Again first time round",
            id="cram.missed",
        ),
        Binding(
            "t",
            "choose",
            "Other cards",
            tooltip="Back to the choice of cards: all, or one tag's",
            id="cram.choose",
        ),
        Binding("escape", "app.pop_screen", "Back", id="cram.back"),
        context_binding("cram"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("↑ ↓ then ⏎", "Choose all cards or one tag's cards to cram"),
    )

    def __init__(self, bank: Bank) -> None:
        super().__init__(bank)
        self.cards = build_cards(bank)
        self.tags = tag_counts(self.cards)
        self.cram: CramSession | None = None
        #: The tag being crammed ("" for all cards).
        self.tag = ""
        #: The cards the current cram was started with (before the tag filter).
        self.pool: tuple[StudyCard, ...] = self.cards

    @property
    def current_card(self) -> StudyCard | None:
        return self.cram.current if self.cram is not None else None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="cram-status")
        with VerticalScroll(id="cram-area"):
            yield Static(id="cram-intro")
            yield CardChoice(id="cram-choice")
            yield StudyCardView(id="cram-card")
            yield Static(id="cram-summary")
        yield Static(id="cram-last")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.action_choose()

    # ------------------------------------------------------------ choosing

    def action_choose(self) -> None:
        """Show the choice of cards: all of them, or one tag's."""
        self.cram = None
        self.sub_title = "Cram"
        self._show_part("choice")
        intro = self.query_one("#cram-intro", Static)
        if not self.cards:
            intro.update(Content("This bank has no study cards: it has no facts and no questions."))
            self.query_one("#cram-choice").display = False
            return
        intro.update(
            Content("Go through the cards once, without changing your study schedule. Which cards?")
        )
        choice = self.query_one("#cram-choice", OptionList)
        choice.set_options(
            [Option(Content(f"All cards ({len(self.cards)})"))]
            + [
                Option(Content.assemble(literal_line(tag), f" ({count})"))
                for tag, count in self.tags
            ]
        )
        chosen = [tag for tag, _ in self.tags].index(self.tag) + 1 if self.tag else 0
        choice.highlighted = chosen
        choice.focus()

    @on(OptionList.OptionSelected, "#cram-choice")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        self.start(self.tags[index - 1][0] if index else "")

    def start(self, tag: str, cards: tuple[StudyCard, ...] | None = None) -> None:
        """Cram ``cards`` (default: every card of the bank) carrying ``tag`` ("" for all)."""
        seed = self.quiz_app.settings.seed
        self.tag = tag
        self.pool = self.cards if cards is None else cards
        self.cram = CramSession(
            self.pool,
            tag=tag or None,
            seed=seed if seed is not None else random.randrange(2**32),
        )
        self.sub_title = f"Cram · {one_line(tag)}" if tag else "Cram · all cards"
        self.query_one("#cram-last", Static).update("")
        self.set_focus(None)
        self.show_current()

    # ------------------------------------------------------------ cards

    def _show_part(self, part: str) -> None:
        """Show one of "choice", "card" or "summary"."""
        self.query_one("#cram-intro").display = part == "choice"
        self.query_one("#cram-choice").display = part == "choice"
        self.card_view.display = part == "card"
        self.query_one("#cram-summary").display = part == "summary"
        self.query_one("#cram-status").display = part != "choice"
        self.query_one("#cram-last").display = part != "choice"
        self.query_one("#cram-area", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def show_current(self) -> None:
        """Show the current card, or the summary when the cram is over."""
        cram = self.cram
        if cram is None:
            return
        card = cram.current
        if card is None:
            summary = cram.summary()
            missed = [card for card in cram.cards if card.id in summary.missed]
            self.query_one("#cram-summary", Static).update(summary_content(summary, missed))
            self._show_part("summary")
        else:
            self.card_view.show(
                card, context=can_show_in_context(self.bank, card, self.source_texts)
            )
            self._show_part("card")
        self._show_status()

    def _show_status(self) -> None:
        cram = self.cram
        if cram is None:
            return
        summary = cram.summary()
        parts = [
            Content.assemble(("Cards ", "dim"), (str(summary.total), "bold")),
            Content.assemble(("Left ", "dim"), (str(cram.remaining), "bold")),
            Content.assemble(("Again ", "dim"), (str(summary.ratings[1]), "bold")),
            Content.styled("schedule unchanged", "dim italic"),
        ]
        self.query_one("#cram-status", Static).update(Content(" · ").join(parts))

    # ------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in SUMMARY_ACTIONS:
            cram = self.cram
            if cram is None or cram.current is not None:
                return False
            if action == "missed":
                return True if cram.summary().missed else None
            return True
        return super().check_action(action, parameters)

    def action_grade(self, rating: int) -> None:
        """Grade the revealed card; Again sends it to the end of the queue."""
        cram = self.cram
        if cram is None or cram.current is None or not self.card_view.revealed:
            return
        cram.grade(rating)
        comes_back = "; it comes back at the end" if rating == 1 else ""
        self.query_one("#cram-last", Static).update(
            Content.assemble(
                ("Last card: ", "dim"), (RATING_LABELS[rating], "bold"), (f"{comes_back}.", "dim")
            )
        )
        self.show_current()

    def action_again(self) -> None:
        """Cram the same cards once more."""
        self.start(self.tag, self.pool)

    def action_missed(self) -> None:
        """Cram only the cards missed first time round."""
        cram = self.cram
        if cram is None:
            return
        missed = set(cram.summary().missed)
        if missed:
            self.start(self.tag, tuple(card for card in cram.cards if card.id in missed))
