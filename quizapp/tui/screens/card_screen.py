"""What study and cram share: one flashcard at a time, turned over with
space, graded 1-4 (Again, Hard, Good, Easy) and read in its source text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path, PurePath
from typing import ClassVar

from textual.binding import Binding

from quizapp.study import RATING_LABELS, StudyCard
from quizapp.tui.screens.base import BankScreen
from quizapp.tui.screens.context_reader import (
    ContextReaderScreen,
    can_show_in_context,
    card_excerpt,
)
from quizapp.tui.widgets.study_card import StudyCardView

#: What each self-grade means, for the help screen.
GRADE_TIPS = {
    1: "Again: you did not recall it; it comes back within minutes",
    2: "Hard: you recalled it with difficulty",
    3: "Good: you recalled it",
    4: "Easy: you recalled it at once",
}
#: Actions that apply only while a card is on screen.
CARD_ACTIONS = frozenset({"reveal", "grade", "show_context"})


def ratings_line(tally: Counter[int]) -> str:
    """``Again 1 · Hard 0 · Good 3 · Easy 1``."""
    return " · ".join(f"{label} {tally[rating]}" for rating, label in RATING_LABELS.items())


#: The footer shows the four grades as one "1234 Grade": the card names them.
GRADES = Binding.Group("Grade", compact=True)


def grade_bindings(prefix: str, *, again_tip: str = GRADE_TIPS[1]) -> list[Binding]:
    """Show answer, then the four grades, with ids ``prefix.reveal`` ... ``prefix.easy``."""
    return [
        Binding(
            "space,enter",
            "reveal",
            "Show answer",
            tooltip="Turn the card over: the answer, the explanation and the source",
            id=f"{prefix}.reveal",
        ),
        Binding("1", "grade(1)", "Again", tooltip=again_tip, group=GRADES, id=f"{prefix}.again"),
        Binding("2", "grade(2)", "Hard", tooltip=GRADE_TIPS[2], group=GRADES, id=f"{prefix}.hard"),
        Binding("3", "grade(3)", "Good", tooltip=GRADE_TIPS[3], group=GRADES, id=f"{prefix}.good"),
        Binding("4", "grade(4)", "Easy", tooltip=GRADE_TIPS[4], group=GRADES, id=f"{prefix}.easy"),
    ]


def context_binding(prefix: str) -> Binding:
    """``c``: the card's excerpt in the source text (in the footer once the
    card is turned over, when there is a source text to show)."""
    return Binding(
        "c",
        "show_context",
        "In context",
        tooltip="Read the card's excerpt where it stands in the source text",
        id=f"{prefix}.context",
    )


class CardScreen(BankScreen):
    """A screen showing the cards of ``bank`` one at a time in a `StudyCardView`.

    Subclasses say which card is on screen (`current_card`) and grade it
    (``action_grade``); turning it over and showing it in context are here.
    """

    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = "card_screen.tcss"

    @property
    def current_card(self) -> StudyCard | None:
        """The card on screen, or None (a choice or a summary is shown)."""
        raise NotImplementedError

    @property
    def card_view(self) -> StudyCardView:
        """The widget showing the card."""
        return self.query_one(StudyCardView)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in CARD_ACTIONS:
            return True
        card = self.current_card
        if card is None:
            return False
        revealed = self.card_view.revealed
        if action == "reveal":
            return not revealed
        if action == "grade":
            return True if revealed else None
        return revealed and can_show_in_context(self.bank, card, self.source_texts)

    def grade_waits(self, card: StudyCard) -> dict[int, str] | None:
        """When each grade would bring ``card`` back, to show on the grades
        (None: the grades change no schedule)."""
        return None

    def action_reveal(self) -> None:
        """Turn the card over."""
        card = self.current_card
        if card is not None:
            self.card_view.reveal(self.grade_waits(card))
            self.refresh_bindings()

    def action_show_context(self) -> None:
        """Read the card's excerpt where it stands in the source text."""
        card = self.current_card
        if card is not None and can_show_in_context(self.bank, card, self.source_texts):
            excerpt = card_excerpt(self.bank, card)
            self.app.push_screen(ContextReaderScreen(self.bank, excerpt, self.source_texts))

    @property
    def source_texts(self) -> tuple[Path, ...]:
        """The source texts named on the command line (shown wherever they are)."""
        return self.quiz_app.settings.source_texts
