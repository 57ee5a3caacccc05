"""Study: the due cards of a bank, then new ones, self-graded and scheduled with FSRS.

Each card shows its front; space turns it over (answer, explanation, source);
keys 1-4 grade it Again / Hard / Good / Easy, which the `StudyDeck` stores at
once with its review log. An open question's card is answered as in a quiz:
write an answer (or think one through), see the model answer and its key
points, and grade it all / some / none (Good / Hard / Again). When nothing
is left to study now, a summary says how the session went and when the next
card falls due.
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quizapp.model import Bank, OpenAnswer
from quizapp.study import RATING_LABELS, ReviewOutcome, StudyCard, StudyDeck
from quizapp.tui.screens.card_screen import (
    CardScreen,
    context_binding,
    grade_bindings,
    ratings_line,
)
from quizapp.tui.screens.context_reader import can_show_in_context
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.open_answer import OpenQuestionAnswer
from quizapp.tui.widgets.study_card import StudyCardView
from quizapp.tui.widgets.title_bar import TitleBar
from quizapp.usecases import StoreError
from quizapp.usecases.formatting import format_duration, format_interval, format_when
from quizapp.usecases.study import (
    SELF_GRADE_RATINGS,
    grade_waits,
    never_studied,
    open_deck,
    open_question,
)


class StudyScreen(CardScreen):
    """Study the cards of ``bank`` that are due, then new ones up to the daily limit."""

    SUB_TITLE = "Study"
    #: The open question's answer box is styled as in a quiz.
    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = [
        "card_screen.tcss",
        "quiz.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        *grade_bindings("study"),
        Binding(
            "r",
            "study_more",
            "Look for due cards",
            tooltip="After the summary: study the cards that have fallen due since",
            id="study.more",
        ),
        Binding("escape", "app.pop_screen", "Back", id="study.back"),
        context_binding("study"),
        Binding(
            "n",
            "new_per_day",
            "New cards a day",
            show=False,
            tooltip="Change the daily limit of new cards",
            id="study.limit",
        ),
    ]

    def __init__(self, bank: Bank) -> None:
        super().__init__(bank)
        self.tally: Counter[int] = Counter()
        #: Cards graded this session that were new when shown.
        self.introduced = 0
        self.card: StudyCard | None = None
        self._card_is_new = False
        #: True while the card on screen is an open question, answered in its box.
        self._answering_open = False
        self._shown_at = 0.0
        self._spent = 0.0
        #: False until the screen was first shown (resumes after that reload settings).
        self._shown = False
        #: Built on mount, from the app's store, player, clock and settings.
        self.deck: StudyDeck

    @property
    def current_card(self) -> StudyCard | None:
        return self.card

    def _make_deck(self) -> StudyDeck:
        app = self.quiz_app
        return open_deck(self.bank, app.store, app.settings.player, app.settings.now)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="study-status")
        with VerticalScroll(id="study-area"):
            yield StudyCardView(id="study-card")
            yield Vertical(id="study-open")
            yield Static(id="study-summary")
        yield Static(id="study-last")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.deck = self._make_deck()
        self.show_next()

    def on_screen_resume(self) -> None:
        # Back from a dialog or the context reader: the daily limit may have
        # changed, and cards may have fallen due meanwhile.
        if not self._shown:
            self._shown = True
            return
        self.deck = self._make_deck()
        if self.card is None:
            self.show_next()
        else:
            self._show_status()

    # ------------------------------------------------------------ flow

    def show_next(self) -> None:
        """Show the next card to study, or the summary when there is none."""
        try:
            card = self.deck.next_card()
            self._card_is_new = card is not None and self.deck.due_at(card.id) is None
        except StoreError as error:
            self.notify(f"Study cards could not be read: {error}", severity="error", markup=False)
            card = None
        self.card = card
        view = self.card_view
        summary = self.query_one("#study-summary", Static)
        view.display = card is not None
        summary.display = card is None
        if card is None:
            summary.update(self._summary())
        else:
            view.show(card, context=can_show_in_context(self.bank, card, self.source_texts))
            self._shown_at = self.quiz_app.settings.clock()
        self._show_open_answer(card)
        self._show_status()
        self.query_one("#study-area", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def _show_open_answer(self, card: StudyCard | None) -> None:
        """Under an open question's card, the box to answer it as in a quiz."""
        area = self.query_one("#study-open", Vertical)
        area.remove_children()
        question = open_question(self.bank, card) if card is not None else None
        self._answering_open = question is not None
        area.display = question is not None
        if question is not None:
            answer = OpenQuestionAnswer(question.model_answer, question.key_points)
            area.mount(answer)
            self.call_after_refresh(answer.focus_answer)

    def _show_status(self) -> None:
        try:
            due, new = self.deck.counts()
        except StoreError:
            due, new = 0, 0
        parts = [
            Content.assemble(("Due ", "dim"), (str(due), "bold")),
            Content.assemble(("New ", "dim"), (str(new), "bold")),
            Content.assemble(("Studied ", "dim"), (str(sum(self.tally.values())), "bold")),
        ]
        if self.card is not None:
            parts.append(
                Content.styled("new card", "$accent")
                if self._card_is_new
                else Content.styled("review", "dim")
            )
        self.query_one("#study-status", Static).update(Content(" · ").join(parts))

    def _summary(self) -> Content:
        now = self.quiz_app.settings.now()
        studied = sum(self.tally.values())
        lines: list[Content] = []
        if not self.deck.cards:
            return Content("This bank has no study cards: it has no facts and no questions.")
        if studied:
            lines.append(Content.styled("Nothing more to study now. Well done!", "bold $success"))
            time_taken = format_duration(self._spent)
            lines.append(
                Content(
                    f"You studied {studied} card{'s' if studied != 1 else ''} in {time_taken}: "
                    f"{ratings_line(self.tally)}. {self.introduced} of them "
                    f"{'was' if self.introduced == 1 else 'were'} new."
                )
            )
        else:
            lines.append(Content.styled("Nothing to study now.", "bold"))
        try:
            next_due = self.deck.next_due()
            waiting = never_studied(self.deck, self.quiz_app.store)
        except StoreError:
            next_due, waiting = None, 0
        if next_due is not None and next_due > now:
            lines.append(
                Content(
                    f"The next card is due {format_when(next_due, now)} "
                    f"(in {format_interval(next_due - now)})."
                )
            )
        if waiting:
            lines.append(
                Content(
                    f"{waiting} new card{'s wait' if waiting != 1 else ' waits'}: at most "
                    f"{self.deck.new_per_day} new cards a day. Press n to change that."
                )
            )
        else:
            lines.append(Content(f"All {len(self.deck.cards)} cards of this bank are studied."))
        lines.append(
            Content.styled("Press r to look for due cards again, escape to go back.", "dim")
        )
        return Content("\n\n").join(lines)

    # ------------------------------------------------------------ actions

    def grade_waits(self, card: StudyCard) -> dict[int, str] | None:
        return grade_waits(self.deck, card.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "study_more":
            return self.card is None
        if action in ("reveal", "grade") and self._answering_open:
            return False
        return super().check_action(action, parameters)

    def action_grade(self, rating: int) -> None:
        """Grade the revealed card (1 Again, 2 Hard, 3 Good, 4 Easy) and go on."""
        if self.card is not None and self.card_view.revealed and not self._answering_open:
            self._grade(rating)

    @on(OpenQuestionAnswer.Answered)
    def _open_answer_graded(self, event: OpenQuestionAnswer.Answered) -> None:
        event.stop()
        if isinstance(event.answer, OpenAnswer):
            self._grade(SELF_GRADE_RATINGS[event.answer.grade])

    def _grade(self, rating: int) -> None:
        """Store ``rating`` for the card on screen and show the next one."""
        card = self.card
        if card is None:
            return
        seconds = max(self.quiz_app.settings.clock() - self._shown_at, 0.0)
        try:
            outcome = self.deck.grade(card.id, rating, seconds=seconds)
        except StoreError as error:
            self.notify(f"This grade could not be saved: {error}", severity="error", markup=False)
            return
        self.tally[rating] += 1
        self._spent += seconds
        if self._card_is_new:
            self.introduced += 1
        self._show_last(outcome)
        self.show_next()

    def _show_last(self, outcome: ReviewOutcome) -> None:
        wait = format_interval(outcome.interval)
        self.query_one("#study-last", Static).update(
            Content.assemble(
                ("Last card: ", "dim"),
                (RATING_LABELS[outcome.rating], "bold"),
                ("; it comes back ", "dim"),
                (wait if wait == "now" else f"in {wait}", "bold"),
                (".", "dim"),
            )
        )

    def action_study_more(self) -> None:
        """After the summary: study whatever has fallen due since."""
        self.show_next()
        if self.card is None:
            self.notify("No card is due yet.", timeout=3)

    def action_new_per_day(self) -> None:
        """Change the daily limit of new cards (kept in the scores database)."""
        self.quiz_app.edit_new_per_day()
