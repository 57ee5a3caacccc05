"""What quizapp screens share: typed access to the app (`AppScreen`), the
bank a screen is about (`BankScreen`) and a page of a bank's facts (`BankPage`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen

from quizapp.tui.text import one_line
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.title_bar import TitleBar

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


class BankScreen(AppScreen[None]):
    """A screen about one bank, whose title heads it; what the screen shows
    of the bank is its `SUB_TITLE`."""

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank
        self.title = one_line(bank.title)

    @property
    def bank_in_view(self) -> Bank:
        return self.bank


class BankPage(BankScreen):
    """A bank's facts on one scrolling page (`compose_page`) between the
    header and the footer; the page has the focus, so the keys scroll it."""

    CSS_PATH = "facts.tcss"

    #: The id of the page's `VerticalScroll`.
    PAGE_ID: ClassVar[str]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id=self.PAGE_ID):
            yield from self.compose_page()
        yield KeysFooter()

    def compose_page(self) -> ComposeResult:
        """The widgets of the page."""
        raise NotImplementedError

    def on_mount(self) -> None:
        self.query_one(f"#{self.PAGE_ID}", VerticalScroll).focus()
