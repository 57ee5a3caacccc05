"""Teacher statistics: how everyone (or one player) did on each question of a bank.

One row model for the statistics view and ``quizapp stats``: the rows of
`quizapp.item_stats` (tried questions hardest first, then those nobody has
tried), read by the database (`read_statistics`), and the cells both show
(`row_cells`): the prompt, shortened, the tries, the facility as a
percentage, the average time and the most chosen wrong answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.item_stats import ItemRow, item_rows
from quizapp.model import Bank
from quizapp.store import QuestionStats, ScoreStore
from quizapp.usecases.formatting import format_duration, format_percent

#: Shown in a cell that has no value (a question nobody tried, no wrong answer).
NONE = "–"


@dataclass(frozen=True, slots=True)
class BankStatistics:
    """One row per question (tried ones hardest first), and the totals behind them."""

    player: str | None
    stats: tuple[QuestionStats, ...]
    rows: tuple[ItemRow, ...]

    @property
    def tries(self) -> int:
        """Answers counted, on every question."""
        return sum(s.tries for s in self.stats)


def read_statistics(store: ScoreStore, bank: Bank | str, player: str | None) -> BankStatistics:
    """The statistics of ``bank`` (or of a bank id whose file is gone: no
    prompts then) for ``player`` (None: everyone), summed up by the database
    (call it from a worker)."""
    bank_id = bank.id if isinstance(bank, Bank) else bank
    stats = store.question_stats(bank_id=bank_id, player=player)
    known = bank if isinstance(bank, Bank) else None
    return BankStatistics(player, tuple(stats), tuple(item_rows(stats, known)))


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: max(width - 1, 0)].rstrip() + "…"


def row_cells(row: ItemRow, prompt_width: int, wrong_width: int) -> tuple[str, str, str, str, str]:
    """The question (its prompt, else its id, shortened), tries, facility
    (``33%``), average time (``6 s``) and most chosen wrong answer
    (shortened) of one row, `NONE` where there is no value."""
    question = shorten(row.prompt or row.question_id, prompt_width)
    s = row.stats
    if s is None:
        return question, "0", NONE, NONE, NONE
    wrong = shorten(s.most_common_wrong, wrong_width) if s.most_common_wrong is not None else NONE
    return (
        question,
        str(s.tries),
        format_percent(100 * s.facility),
        format_duration(s.avg_seconds),
        wrong,
    )


def players(store: ScoreStore) -> list[str]:
    """Every player with stored answers or cards, sorted."""
    return store.players()
