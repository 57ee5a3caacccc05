"""Statistics: how students did on each question of a bank, for the teacher.

The numbers are those of ``quizapp stats`` (`quizapp.item_stats`): per
question the tries, the facility index (the share of tries with full marks;
a skip is a try), the average time and the most chosen wrong answer. Every
player's answers, or one player's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Label, Select, Static
from textual.worker import get_current_worker

from quizapp.item_stats import ItemRow
from quizapp.model import Bank
from quizapp.tui.screens.base import BankScreen
from quizapp.tui.text import literal, literal_line, plain_text
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.title_bar import TitleBar
from quizapp.usecases import StoreError
from quizapp.usecases.formatting import format_duration
from quizapp.usecases.statistics import NONE, BankStatistics, players, read_statistics
from quizapp.usecases.statistics import row_cells as statistics_cells

if TYPE_CHECKING:
    from quizapp.store import QuestionStats

#: The player choice meaning "every player's answers".
EVERYONE = ""
#: Widths of the cut prompts: the columns other than the prompt take this many cells.
OTHER_COLUMNS_WIDTH = 56
PROMPT_WIDTHS = (20, 80)
WRONG_WIDTH = 24


@dataclass(frozen=True, slots=True)
class StatsColumn:
    """A column of the table and how it sorts."""

    key: str
    label: str
    #: Sort highest first when the column is first chosen.
    descending: bool
    value: Callable[[QuestionStats, str], str | float]


COLUMNS: tuple[StatsColumn, ...] = (
    StatsColumn("question", "Question", False, lambda _, prompt: prompt.casefold()),
    StatsColumn("tries", "Tries", True, lambda s, _: s.tries),
    StatsColumn("facility", "Facility", False, lambda s, _: s.facility),
    StatsColumn("time", "Avg time", True, lambda s, _: s.avg_seconds),
    StatsColumn("wrong", "Most chosen wrong answer", False, lambda s, _: _wrong_key(s)),
)
_BY_KEY = {column.key: column for column in COLUMNS}
_SORT = Binding.Group("Sort", compact=True)


def _wrong_key(stats: QuestionStats) -> str:
    # Questions without a wrong answer go after those with one.
    wrong = stats.most_common_wrong
    return "\uffff" if wrong is None else wrong.casefold()


def sort_rows(rows: list[ItemRow], column_key: str, *, reverse: bool = False) -> list[ItemRow]:
    """``rows`` by one column (ties keep their order); questions nobody
    tried stay last, in bank order."""
    column = _BY_KEY[column_key]
    tried = [row for row in rows if row.stats is not None]
    untried = [row for row in rows if row.stats is None]

    def value(row: ItemRow) -> str | float:
        assert row.stats is not None
        return column.value(row.stats, row.prompt or row.question_id)

    descending = column.descending != reverse
    return sorted(tried, key=value, reverse=descending) + untried


def prompt_width(screen_width: int) -> int:
    """How much of a prompt the table shows on a screen this wide."""
    narrowest, widest = PROMPT_WIDTHS
    return min(max(screen_width - OTHER_COLUMNS_WIDTH, narrowest), widest)


def row_cells(row: ItemRow, width: int) -> tuple[Text, Text, Text, Text, Text]:
    """The table cells of one question (`quizapp.usecases.statistics.row_cells`,
    as ``quizapp stats`` prints them), as plain text (never markup); the
    prompt cut to ``width``."""
    cells = [plain_text(cell) for cell in statistics_cells(row, width, WRONG_WIDTH)]
    question, tries, facility, time, wrong = cells

    def number(cell: str) -> Text:
        return Text(cell, justify="right", style="dim" if cell == NONE else "")

    return (
        Text(question),
        number(tries),
        number(facility),
        number(time),
        Text(wrong, style="dim" if wrong == NONE else ""),
    )


def row_detail(row: ItemRow) -> Content:
    """The whole prompt, the counts and the whole wrong answer of one question."""
    lines = [literal(row.prompt or row.question_id, "bold")]
    s = row.stats
    facts = Content.assemble("id ", literal_line(row.question_id))
    if s is None:
        lines.append(Content.assemble(facts, " · nobody has tried it yet").stylize("dim"))
        return Content("\n").join(lines)
    counts = f" · {s.tries} tr{'ies' if s.tries != 1 else 'y'}: {s.correct} correct"
    if s.skipped:
        counts += f", {s.skipped} skipped"
    counts += f" · average {format_duration(s.avg_seconds)}"
    lines.append(Content.assemble(facts, counts).stylize("dim"))
    if s.most_common_wrong is not None:
        lines.append(
            Content.assemble(("Most chosen wrong answer: ", "dim"), literal(s.most_common_wrong))
        )
    return Content("\n").join(lines)


class StatsScreen(BankScreen):
    """A table of the bank's questions, hardest first; number keys or a
    click on a column title sort it."""

    CSS_PATH = "stats.tcss"

    SUB_TITLE = "statistics"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="stats.back"),
        *(
            Binding(
                str(number),
                f"sort('{column.key}')",
                column.label,
                tooltip="Sort by column 1–5 (question, tries, facility, average time, "
                "wrong answer); the same key again reverses",
                group=_SORT,
                id=f"stats.sort-{column.key}",
            )
            for number, column in enumerate(COLUMNS, 1)
        ),
        Binding(
            "p",
            "choose_player",
            "Player",
            tooltip="Everyone's answers or one player's",
            id="stats.player",
        ),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("↑ ↓", "Highlight a question: its whole prompt and wrong answer show below"),
        ("click a column title", "Sort by that column; again to reverse"),
    )

    def __init__(self, bank: Bank, *, player: str | None = None) -> None:
        super().__init__(bank)
        #: Whose answers are counted (None: everyone's).
        self.player = player
        self.rows: list[ItemRow] = []
        self.sort_key = "facility"
        self.reverse = False
        self._stats: list[QuestionStats] = []
        self._prompt_width = 0

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="stats-bar"):
            yield Label("Answers of", id="stats-player-label")
            yield Select[str](
                self._player_options(),
                allow_blank=False,
                value=self.player if self.player is not None else EVERYONE,
                id="stats-player",
            )
            yield Static(id="stats-summary")
        table: DataTable[Text] = DataTable(id="stats-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(id="stats-detail")
        yield KeysFooter()

    def _player_options(self, names: list[str] | None = None) -> list[tuple[Content, str]]:
        """Everyone, then each player (``names``; the chosen one while unread)."""
        names = list(names or [])
        if self.player is not None and self.player not in names:
            names.append(self.player)
        options: list[tuple[Content, str]] = [(Content("Everyone"), EVERYONE)]
        return options + [(literal_line(name), name) for name in names]

    class StatisticsRead(Message):
        """The worker read the statistics (and the players, the first time)."""

        def __init__(
            self, statistics: BankStatistics | None, players: list[str] | None, error: str | None
        ) -> None:
            super().__init__()
            self.statistics = statistics
            self.players = players
            self.error = error

    def on_mount(self) -> None:
        self.load(with_players=True)
        self.query_one("#stats-table", DataTable).focus()

    def load(self, *, with_players: bool = False) -> None:
        """Read the statistics of the chosen player(s) from the store, in a worker."""
        self._read(self.player, with_players)

    @work(thread=True, exclusive=True, exit_on_error=False, group="statistics")
    def _read(self, player: str | None, with_players: bool) -> None:
        store = self.quiz_app.store
        try:
            names = players(store) if with_players else None
            message = self.StatisticsRead(read_statistics(store, self.bank, player), names, None)
        except StoreError as error:
            message = self.StatisticsRead(None, None, str(error))
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    @on(StatisticsRead)
    def _statistics_read(self, event: StatisticsRead) -> None:
        if event.error is not None:
            self.notify(event.error, severity="error", markup=False)
        if event.players is not None:
            select: Select[str] = self.query_one("#stats-player", Select)
            select.set_options(self._player_options(event.players))
            select.value = self.player if self.player is not None else EVERYONE
        statistics = event.statistics
        if statistics is not None and statistics.player != self.player:
            return  # another player was chosen meanwhile: their figures follow
        self._stats = list(statistics.stats) if statistics is not None else []
        self.rows = list(statistics.rows) if statistics is not None else []
        self._show_summary()
        self.show_rows()

    def _show_summary(self) -> None:
        player = self.player
        by = Content.assemble(" by ", literal_line(player)) if player is not None else Content()
        stats = self._stats
        if not stats:
            text = Content.assemble("No answers recorded", by, " for this bank yet.")
        else:
            tries = sum(s.tries for s in stats)
            text = Content.assemble(
                f"{tries} {'try' if tries == 1 else 'tries'}",
                by if player is not None else " by everyone",
                f" on {len(stats)} question{'s' if len(stats) != 1 else ''}",
            )
        self.query_one("#stats-summary", Static).update(text)

    def show_rows(self) -> None:
        """Fill the table in the chosen order, keeping the highlighted question."""
        table: DataTable[Text] = self.query_one("#stats-table", DataTable)
        current = self._highlighted_id()
        rows = sort_rows(self.rows, self.sort_key, reverse=self.reverse)
        table.clear(columns=True)
        for column in COLUMNS:
            label = column.label
            if column.key == self.sort_key:
                arrow = "▼" if column.descending != self.reverse else "▲"
                label = f"{label} {arrow}"
            right = column.key in ("tries", "facility", "time")
            table.add_column(Text(label, justify="right" if right else "left"), key=column.key)
        self._prompt_width = prompt_width(self.app.size.width)
        for row in rows:
            table.add_row(*row_cells(row, self._prompt_width), key=row.question_id)
        ids = [row.question_id for row in rows]
        if current in ids:
            table.move_cursor(row=ids.index(current), animate=False)
        self._show_detail()

    def _highlighted_id(self) -> str | None:
        table: DataTable[Text] = self.query_one("#stats-table", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def _show_detail(self) -> None:
        detail = self.query_one("#stats-detail", Static)
        current = self._highlighted_id()
        row = next((r for r in self.rows if r.question_id == current), None)
        detail.display = row is not None
        if row is not None:
            detail.update(row_detail(row))

    # ------------------------------------------------------------ events

    def on_resize(self, event: events.Resize) -> None:
        if self.rows and prompt_width(event.size.width) != self._prompt_width:
            self.show_rows()

    @on(DataTable.RowHighlighted, "#stats-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    @on(DataTable.HeaderSelected, "#stats-table")
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        if event.column_key.value is not None:
            self.action_sort(event.column_key.value)

    @on(Select.Changed, "#stats-player")
    def _player_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = event.value
        player = value if isinstance(value, str) and value != EVERYONE else None
        # The Select also reports the value it starts with: no need to read twice.
        if player != self.player:
            self.player = player
            self.load()

    # ------------------------------------------------------------ actions

    def action_sort(self, column_key: str) -> None:
        """Sort by a column; the same column again reverses the order."""
        if column_key not in _BY_KEY:
            return
        if column_key == self.sort_key:
            self.reverse = not self.reverse
        else:
            self.sort_key, self.reverse = column_key, False
        self.show_rows()

    def action_choose_player(self) -> None:
        """Open the list of players."""
        select = self.query_one("#stats-player", Select)
        select.focus()
        select.expanded = True
