"""Teacher statistics: how everyone (or one player) did on each question of a bank.

The numbers are those of ``quizapp stats`` (`quizapp.item_stats`).
"""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.item_stats import ItemRow, item_rows
from quizapp.model import Bank
from quizapp.store import QuestionStats, ScoreStore


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


def read_statistics(store: ScoreStore, bank: Bank, player: str | None) -> BankStatistics:
    """The statistics of ``bank`` for ``player`` (None: everyone), summed up
    by the database (call it from a worker)."""
    stats = store.question_totals(bank_id=bank.id, player=player)
    return BankStatistics(player, tuple(stats), tuple(item_rows(stats, bank)))


def players(store: ScoreStore) -> list[str]:
    """Every player with stored answers or cards, sorted."""
    return store.players()
