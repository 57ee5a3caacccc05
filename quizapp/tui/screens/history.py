"""History: this player's attempts per bank, the trend, tags and weak spots;
a review of the mistakes made on a bank."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from quizapp.model import Bank
from quizapp.tui.screens.base import AppScreen
from quizapp.tui.text import literal_line, one_line, shorten
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.title_bar import TitleBar
from quizapp.usecases import StoreError
from quizapp.usecases.formatting import (
    format_date,
    format_duration,
    format_percent,
    format_score,
    score_chart,
    text_sparkline,
)
from quizapp.usecases.history import (
    WEAKEST_MIN_TRIES,
    BankDetails,
    BankHistory,
    attempt_note,
    kinds_legend,
    read_bank_details,
    read_history,
)

PROMPT_WIDTH = 48
#: The attempts listed per bank, newest first (a long history is cut here).
ATTEMPT_ROWS = 50
#: The scores charted, the most recent ones (a column each: it fits 60 columns).
TREND_POINTS = 24
#: Rows of the chart of scores.
TREND_HEIGHT = 3
#: Marks a question the student graded themself (open questions).
SELF_GRADED_MARK = "✎ "


def _section(title: str) -> Static:
    return Static(Content.styled(title, "bold"), classes="section-title")


def _table(table_id: str, *columns: str) -> DataTable[Text]:
    table: DataTable[Text] = DataTable(id=table_id, show_cursor=False, zebra_stripes=True)
    table.add_columns(*columns)
    return table


class HistoryScreen(AppScreen[None]):
    """Pick a bank on the left; its history shows on the right."""

    CSS_PATH = "history.tcss"
    # Narrower than 100 columns, the banks go above the details (history.tcss).
    # Textual declares it without ClassVar, so it cannot be annotated as one.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "m",
            "review_mistakes",
            "Review mistakes",
            tooltip="A quiz of the questions you got wrong on this bank",
            id="history.mistakes",
        ),
        Binding("escape", "app.pop_screen", "Back", id="history.back"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("↑ ↓", "Pick a bank"),
        ("tab", "Move to the details, then scroll them with the arrow keys"),
    )

    def __init__(self, bank_id: str | None = None) -> None:
        super().__init__()
        self.initial_bank_id = bank_id
        #: This player's attempts per bank, the most recently played bank first.
        self.groups: list[BankHistory] = []
        #: Bank id -> accuracy by tag and weakest questions, read when first shown.
        self._details: dict[str, BankDetails] = {}

    @property
    def bank_ids(self) -> list[str]:
        """The banks listed, in order."""
        return [group.bank_id for group in self.groups]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="history"):
            yield OptionList(id="history-banks")
            with VerticalScroll(id="history-detail"):
                yield Static(id="history-heading")
                yield Static(id="trend")
                yield Static(id="trend-caption")
                yield _section("Attempts, newest first")
                yield _table("attempts", "Date", "Score", "%", "Answered", "Time")
                yield Static(id="attempts-note", classes="note")
                yield Static(id="kinds-note", classes="note")
                yield _section("Accuracy by tag")
                yield _table("tag-accuracy", "Tag", "Over time", "Latest", "Quizzes")
                yield _section("Weakest questions")
                yield _table("weakest", "Question", "Tries", "Missed")
                yield Static(id="weakest-note", classes="note")
        yield KeysFooter()

    class HistoryRead(Message):
        """The worker read the player's attempts (or failed to)."""

        def __init__(self, groups: list[BankHistory], error: str | None) -> None:
            super().__init__()
            self.groups = groups
            self.error = error

    class DetailsRead(Message):
        """The worker read a bank's accuracy by tag and weakest questions."""

        def __init__(self, bank_id: str, details: BankDetails | None, error: str | None) -> None:
            super().__init__()
            self.bank_id = bank_id
            self.details = details
            self.error = error

    def on_mount(self) -> None:
        self.title = "History"
        self.sub_title = one_line(self.quiz_app.settings.player)
        for widget in self.query("#history-detail > *"):
            widget.display = False
        self._read_history()

    @work(thread=True, exclusive=True, exit_on_error=False, group="history")
    def _read_history(self) -> None:
        app = self.quiz_app
        try:
            message = self.HistoryRead(read_history(app.store, app.settings.player), None)
        except StoreError as error:
            message = self.HistoryRead([], str(error))
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    @on(HistoryRead)
    def _history_read(self, event: HistoryRead) -> None:
        if event.error is not None:
            self.notify(event.error, severity="error", markup=False)
        self.groups = event.groups
        banks = self.query_one("#history-banks", OptionList)
        banks.add_options(
            Option(
                Content.assemble(
                    literal_line(group.title, "bold"),
                    f" · {len(group.attempts)} quiz{'zes' if len(group.attempts) != 1 else ''}",
                )
            )
            for group in self.groups
        )
        heading = self.query_one("#history-heading", Static)
        heading.display = True
        if not self.groups:
            heading.update(
                Content("No quizzes yet. Start one from Home; your scores will show here.")
            )
            return
        for widget in self.query("#history-detail > *"):
            widget.display = True
        start = (
            self.bank_ids.index(self.initial_bank_id)
            if self.initial_bank_id in self.bank_ids
            else 0
        )
        banks.highlighted = start
        banks.focus()

    @property
    def bank_in_view(self) -> Bank | None:
        # Asked for by the app's actions and the footer at any time, also
        # before the list is composed or after the screen was closed.
        found = next(self.query("#history-banks").results(OptionList), None)
        highlighted = found.highlighted if found is not None else None
        if highlighted is None or highlighted >= len(self.bank_ids):
            return None
        return self.quiz_app.banks_by_id.get(self.bank_ids[highlighted])

    @on(OptionList.OptionHighlighted, "#history-banks")
    def _bank_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_bank(self.groups[event.option_index])
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review_mistakes":
            # Only a bank that is loaded can be quizzed.
            return True if self.bank_in_view is not None else None
        return True

    def action_review_mistakes(self) -> None:
        """A quiz of the questions got wrong on the bank shown."""
        bank = self.bank_in_view
        if bank is not None:
            self.quiz_app.review_mistakes(bank)

    def show_bank(self, group: BankHistory) -> None:
        """Fill the right-hand side with the history of one bank (its
        accuracy by tag and weakest questions follow from a worker)."""
        attempts = group.attempts
        finished = group.finished
        now = self.quiz_app.settings.now()
        heading = [literal_line(group.title, "bold")]
        if finished:
            best = max(a.percent for a in finished)
            heading.append(
                Content(
                    f"{len(finished)} finished quiz{'zes' if len(finished) != 1 else ''} · "
                    f"best {format_percent(best)} · last {format_percent(finished[-1].percent)}"
                )
            )
        else:
            heading.append(Content("No finished quiz yet."))
        self.query_one("#history-heading", Static).update(Content("\n").join(heading))
        trend = self.query_one("#trend", Static)
        charted = finished[-TREND_POINTS:]
        trend.update(
            Content.styled("\n".join(score_chart([a.percent for a in charted], TREND_HEIGHT)))
        )
        trend.display = len(finished) > 1
        self.query_one("#trend-caption", Static).update(
            Content.styled(
                f"Your last {len(charted)} scores, oldest to newest: "
                f"{' '.join(format_percent(a.percent) for a in finished[-12:])}",
                "dim",
            )
            if len(finished) > 1
            else Content.styled(f"Score: {format_percent(finished[-1].percent)}", "dim")
            if finished
            else ""
        )

        table = self.query_one("#attempts", DataTable)
        table.clear()
        for attempt in reversed(attempts[-ATTEMPT_ROWS:]):
            table.add_row(
                Text(format_date(attempt.started_at, now)),
                Text(format_score(attempt.score, attempt.max_score), justify="right"),
                Text(format_percent(attempt.percent), justify="right"),
                Text(attempt_note(attempt)),
                Text(format_duration(attempt.seconds), justify="right"),
            )
        legend = kinds_legend(attempts[-ATTEMPT_ROWS:])
        kinds = self.query_one("#kinds-note", Static)
        kinds.display = bool(legend)
        kinds.update(Content.styled(legend + ".", "dim") if legend else "")
        older = len(attempts) - ATTEMPT_ROWS
        note = self.query_one("#attempts-note", Static)
        note.display = older > 0
        note.update(f"… and {older} older quiz{'zes' if older != 1 else ''}." if older > 0 else "")
        details = self._details.get(group.bank_id)
        if details is not None:
            self._show_details(details)
        else:
            for table_id in ("#tag-accuracy", "#weakest"):
                self.query_one(table_id, DataTable).clear()
            self._read_details(group.bank_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="history-details")
    def _read_details(self, bank_id: str) -> None:
        app = self.quiz_app
        try:
            details = read_bank_details(app.store, app.catalog, app.settings.player, bank_id)
        except StoreError as error:
            message = self.DetailsRead(bank_id, None, str(error))
        else:
            message = self.DetailsRead(bank_id, details, None)
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    @on(DetailsRead)
    def _details_read(self, event: DetailsRead) -> None:
        if event.details is None:
            self.notify(event.error or "", severity="error", markup=False)
            return
        self._details[event.bank_id] = event.details
        highlighted = self.query_one("#history-banks", OptionList).highlighted
        if highlighted is not None and self.bank_ids[highlighted] == event.bank_id:
            self._show_details(event.details)

    def _show_details(self, details: BankDetails) -> None:
        tags = self.query_one("#tag-accuracy", DataTable)
        tags.clear()
        for tag, values in sorted(details.accuracy.items()):
            tags.add_row(
                Text(one_line(tag)),
                Text(text_sparkline(values[-16:])),
                Text(format_percent(100 * values[-1]), justify="right"),
                Text(str(len(values)), justify="right"),
            )
        weak = self.query_one("#weakest", DataTable)
        weak.clear()
        for question in details.weakest:
            mark = SELF_GRADED_MARK if question.stats.self_graded else ""
            weak.add_row(
                Text(mark + shorten(question.prompt, PROMPT_WIDTH)),
                Text(str(question.stats.tries), justify="right"),
                Text(str(question.stats.missed), justify="right"),
            )
        weak.display = bool(details.weakest)
        note = (
            f"None yet: a question shows here once it was missed and tried "
            f"{WEAKEST_MIN_TRIES} times or more."
        )
        if details.weakest:
            own = any(question.stats.self_graded for question in details.weakest)
            note = f"{SELF_GRADED_MARK}marks a question you graded yourself." if own else ""
        self.query_one("#weakest-note", Static).update(Content.styled(note, "dim"))
