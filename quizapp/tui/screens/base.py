"""What every quizapp screen shares: typed access to the app."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp

ResultT = TypeVar("ResultT")


class AppScreen(Screen[ResultT]):
    """A screen of `QuizApp`."""

    @property
    def quiz_app(self) -> QuizApp:
        """The running app, with its banks, store and settings."""
        return cast("QuizApp", self.app)
