"""A player's history: past quizzes per bank, accuracy by tag, weakest questions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quizapp.session import QuizKind, quiz_kind
from quizapp.store import AttemptSummary, QuestionStats, ScoreStore
from quizapp.usecases.catalog import Catalog

#: Questions need this many tries before they can count among the weakest.
WEAKEST_MIN_TRIES = 2
WEAKEST_LIMIT = 10


@dataclass(frozen=True, slots=True)
class BankHistory:
    """The player's attempts on one bank, oldest first."""

    bank_id: str
    attempts: tuple[AttemptSummary, ...]

    @property
    def title(self) -> str:
        """The bank's title when it was last played."""
        return self.attempts[-1].bank_title

    @property
    def finished(self) -> list[AttemptSummary]:
        """The finished attempts, oldest first."""
        return [attempt for attempt in self.attempts if attempt.finished]


#: How the list of attempts marks a quiz of each kind ("" for a plain quiz).
KIND_NOTES: dict[QuizKind, str] = {"quiz": "", "review": "review", "retry": "retry"}
#: What the marks mean, said under the list when it shows them.
KIND_LEGEND: dict[QuizKind, str] = {
    "review": "review: a review of your mistakes",
    "retry": "retry: the questions a quiz missed, asked again",
}


def attempt_kind(attempt: AttemptSummary) -> QuizKind:
    """What the attempt was: a quiz, a review of mistakes or a retry."""
    return quiz_kind(attempt.options)


def attempt_note(attempt: AttemptSummary) -> str:
    """``3 of 3``, ``3 of 3 · review``, ``2 of 5 · unfinished``: how many
    questions were answered, and what kind of quiz it was."""
    parts = [f"{attempt.answered} of {attempt.total}"]
    note = KIND_NOTES[attempt_kind(attempt)]
    if note:
        parts.append(note)
    if not attempt.finished:
        parts.append("unfinished")
    return " · ".join(parts)


def kinds_legend(attempts: Iterable[AttemptSummary]) -> str:
    """What the marks of ``attempts`` mean ("" when none is marked)."""
    kinds = {attempt_kind(attempt) for attempt in attempts}
    return "; ".join(text for kind, text in KIND_LEGEND.items() if kind in kinds)


def group_by_bank(attempts: list[AttemptSummary]) -> list[BankHistory]:
    """Attempts per bank, oldest first; banks ordered by most recent attempt."""
    groups: dict[str, list[AttemptSummary]] = {}
    for attempt in attempts:
        groups.setdefault(attempt.bank_id, []).append(attempt)
    order = sorted(groups, key=lambda bank_id: groups[bank_id][-1].started_at, reverse=True)
    return [BankHistory(bank_id, tuple(groups[bank_id])) for bank_id in order]


def read_history(store: ScoreStore, player: str) -> list[BankHistory]:
    """Every attempt of ``player``, per bank, the most recently played bank first."""
    return group_by_bank(store.attempts(player=player))


@dataclass(frozen=True, slots=True)
class WeakQuestion:
    """A question often missed, with the prompt to show for it."""

    stats: QuestionStats
    prompt: str


@dataclass(frozen=True, slots=True)
class BankDetails:
    """Accuracy by tag (one value per finished attempt, oldest first) and
    the weakest questions of a player on a bank."""

    accuracy: dict[str, list[float]]
    weakest: tuple[WeakQuestion, ...]


def weakest(stats: list[QuestionStats], min_tries: int, limit: int) -> list[QuestionStats]:
    """The most often missed questions with at least ``min_tries`` tries:
    times missed (most first), then facility (lowest first), then id."""
    found = [s for s in stats if s.tries >= min_tries and s.missed > 0]
    found.sort(key=lambda s: (-s.missed, s.facility, s.question_id))
    return found[:limit]


def read_bank_details(
    store: ScoreStore, catalog: Catalog, player: str, bank_id: str
) -> BankDetails:
    """Accuracy by tag and the weakest questions of ``player`` on ``bank_id``."""
    accuracy = store.tag_accuracy(player=player, bank_id=bank_id)
    stats = store.question_stats(bank_id=bank_id, player=player)
    return BankDetails(
        accuracy,
        tuple(
            WeakQuestion(s, catalog.question_prompt(bank_id, s.question_id))
            for s in weakest(stats, WEAKEST_MIN_TRIES, WEAKEST_LIMIT)
        ),
    )
