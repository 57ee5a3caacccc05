"""History: this player's attempts per bank, the trend, tags and weak spots;
a review of the mistakes made on a bank."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from quizapp.model import Bank
from quizapp.store import AttemptSummary, QuestionStats, StoreError
from quizapp.tui.screens.base import AppScreen
from quizapp.tui.text import literal_line, one_line, shorten
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.usecases.formatting import (
    format_date,
    format_duration,
    format_percent,
    format_score,
    text_sparkline,
)

#: Questions need this many tries before they can count among the weakest.
WEAKEST_MIN_TRIES = 2
WEAKEST_LIMIT = 10
PROMPT_WIDTH = 48


def group_by_bank(attempts: list[AttemptSummary]) -> dict[str, list[AttemptSummary]]:
    """Attempts per bank id, oldest first; banks ordered by most recent attempt."""
    groups: dict[str, list[AttemptSummary]] = {}
    for attempt in attempts:
        groups.setdefault(attempt.bank_id, []).append(attempt)
    order = sorted(groups, key=lambda bank_id: groups[bank_id][-1].started_at, reverse=True)
    return {bank_id: groups[bank_id] for bank_id in order}


def _section(title: str) -> Static:
    return Static(Content.styled(title, "bold"), classes="section-title")


def _table(table_id: str, *columns: str) -> DataTable[Text]:
    table: DataTable[Text] = DataTable(id=table_id, show_cursor=False, zebra_stripes=True)
    table.add_columns(*columns)
    return table


class HistoryScreen(AppScreen[None]):
    """Pick a bank on the left; its history shows on the right."""

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
        #: This player's attempts by bank id, the most recently played bank first.
        self.groups: dict[str, list[AttemptSummary]] = {}
        #: Bank id -> accuracy by tag and weakest questions, read when first shown.
        self._details: dict[str, tuple[dict[str, list[float]], list[QuestionStats]]] = {}

    @property
    def bank_ids(self) -> list[str]:
        """The banks listed, in order."""
        return list(self.groups)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="history"):
            yield OptionList(id="history-banks")
            with VerticalScroll(id="history-detail"):
                yield Static(id="history-heading")
                yield Sparkline([], id="trend")
                yield Static(id="trend-caption")
                yield _section("Attempts, newest first")
                yield _table("attempts", "Date", "Score", "%", "Answered", "Time")
                yield _section("Accuracy by tag")
                yield _table("tag-accuracy", "Tag", "Over time", "Latest", "Quizzes")
                yield _section("Weakest questions")
                yield _table("weakest", "Question", "Tries", "Missed")
                yield Static(id="weakest-note", classes="note")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "History"
        self.sub_title = one_line(self.quiz_app.settings.player)
        try:
            attempts = self.quiz_app.store.attempts(player=self.quiz_app.settings.player)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            attempts = []
        self.groups = group_by_bank(attempts)
        banks = self.query_one("#history-banks", OptionList)
        for attempts_on_bank in self.groups.values():
            count = len(attempts_on_bank)
            banks.add_option(
                Option(
                    Content.assemble(
                        literal_line(attempts_on_bank[-1].bank_title, "bold"),
                        f"\n{count} quiz{'zes' if count != 1 else ''}",
                    )
                )
            )
        if not self.groups:
            self.query_one("#history-heading", Static).update(
                Content("No quizzes yet. Start one from Home; your scores will show here.")
            )
            for widget in self.query("#history-detail > *").exclude("#history-heading"):
                widget.display = False
            return
        start = (
            self.bank_ids.index(self.initial_bank_id)
            if self.initial_bank_id in self.bank_ids
            else 0
        )
        banks.highlighted = start
        banks.focus()

    @property
    def bank_in_view(self) -> Bank | None:
        highlighted = self.query_one("#history-banks", OptionList).highlighted
        if highlighted is None or highlighted >= len(self.bank_ids):
            return None
        return self.quiz_app.banks_by_id.get(self.bank_ids[highlighted])

    @on(OptionList.OptionHighlighted, "#history-banks")
    def _bank_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_bank(self.bank_ids[event.option_index])
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

    def show_bank(self, bank_id: str) -> None:
        """Fill the right-hand side with the history of ``bank_id``."""
        attempts = self.groups[bank_id]
        finished = [a for a in attempts if a.finished]
        now = self.quiz_app.settings.now()
        player = self.quiz_app.settings.player
        heading = [literal_line(attempts[-1].bank_title, "bold")]
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
        trend = self.query_one("#trend", Sparkline)
        trend.data = [a.percent for a in finished]
        trend.display = len(finished) > 1
        self.query_one("#trend-caption", Static).update(
            Content.styled(
                f"Score trend, oldest to newest: "
                f"{' '.join(format_percent(a.percent) for a in finished[-12:])}",
                "dim",
            )
            if finished
            else ""
        )

        table = self.query_one("#attempts", DataTable)
        table.clear()
        for attempt in reversed(attempts):
            status = "" if attempt.finished else " (unfinished)"
            table.add_row(
                Text(format_date(attempt.started_at, now)),
                Text(format_score(attempt.score, attempt.max_score), justify="right"),
                Text(format_percent(attempt.percent), justify="right"),
                Text(f"{attempt.answered} of {attempt.total}{status}"),
                Text(format_duration(attempt.seconds), justify="right"),
            )

        accuracy, weakest = self._read_details(bank_id, player)
        tags = self.query_one("#tag-accuracy", DataTable)
        tags.clear()
        for tag, values in sorted(accuracy.items()):
            tags.add_row(
                Text(one_line(tag)),
                Text(text_sparkline(values[-16:])),
                Text(format_percent(100 * values[-1]), justify="right"),
                Text(str(len(values)), justify="right"),
            )
        weak = self.query_one("#weakest", DataTable)
        weak.clear()
        for stats in weakest:
            prompt = self.quiz_app.question_prompt(bank_id, stats.question_id)
            weak.add_row(
                Text(shorten(prompt, PROMPT_WIDTH)),
                Text(str(stats.tries), justify="right"),
                Text(str(stats.missed), justify="right"),
            )
        weak.display = bool(weakest)
        self.query_one("#weakest-note", Static).update(
            ""
            if weakest
            else f"None yet: a question shows here once it was missed and tried "
            f"{WEAKEST_MIN_TRIES} times or more."
        )

    def _read_details(
        self, bank_id: str, player: str
    ) -> tuple[dict[str, list[float]], list[QuestionStats]]:
        """Accuracy by tag and the weakest questions on a bank, read from the
        store the first time the bank is shown."""
        if bank_id not in self._details:
            store = self.quiz_app.store
            try:
                accuracy = store.tag_accuracy(player=player, bank_id=bank_id)
                weakest = store.weakest_questions(
                    player=player, bank_id=bank_id, min_tries=WEAKEST_MIN_TRIES, limit=WEAKEST_LIMIT
                )
            except StoreError as error:
                self.notify(str(error), severity="error", markup=False)
                return {}, []
            self._details[bank_id] = (accuracy, weakest)
        return self._details[bank_id]
