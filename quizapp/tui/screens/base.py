"""What every quizapp screen shares: typed access to the app."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from quizapp.model import Bank
    from quizapp.tui.app import QuizApp

ResultT = TypeVar("ResultT")


class AppScreen(Screen[ResultT]):
    """A screen of `QuizApp`."""

    @property
    def quiz_app(self) -> QuizApp:
        """The running app, with its banks, store and settings."""
        return cast("QuizApp", self.app)

    @property
    def bank_in_view(self) -> Bank | None:
        """The bank this screen is about, if any: "New quiz" and "History"
        from the command palette use it."""
        return None
