"""ScoreStore: players, attempts and answers in SQLite. No Textual here.

WAL mode, one committed transaction per answer, schema versioned with
``PRAGMA user_version`` and migrated forward. A database that cannot be
opened or read is moved aside (never deleted) and a fresh one started; the
store reports that in ``moved_aside`` so the UI can say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    """One quiz attempt of one player on one bank."""

    id: int
    player: str
    bank_id: str
    bank_title: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    #: The quiz's question ids in order (for resume).
    question_ids: tuple[str, ...]
    #: The QuizOptions used, as a JSON-able dict (for resume / retry).
    options: dict[str, object]
    answered: int
    score: float
    max_score: float
    seconds: float

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """One stored answer."""

    attempt_id: int
    question_id: str
    given: str
    score: float
    max_score: float
    seconds: float
    near_miss: bool
    skipped: bool
    tags: tuple[str, ...]
    answered_at: dt.datetime


@dataclass(frozen=True, slots=True)
class BankStats:
    """Best / last score of a player on a bank (finished attempts)."""

    bank_id: str
    attempts: int
    best_percent: float
    last_percent: float
    last_played: dt.datetime


@dataclass(frozen=True, slots=True)
class QuestionStats:
    """How a player (or everyone) did on one question."""

    bank_id: str
    question_id: str
    tries: int
    correct: int
    last_correct: bool

    @property
    def missed(self) -> int:
        return self.tries - self.correct


class ScoreStore:
    """The scores database. Create with `ScoreStore.open`."""

    #: Set by `open` when a damaged database was moved aside to this path.
    moved_aside: Path | None

    @classmethod
    def open(cls, path: Path) -> ScoreStore:
        """Open (creating, migrating or replacing a damaged file) the database."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def start_attempt(
        self,
        player: str,
        bank_id: str,
        bank_title: str,
        question_ids: Sequence[str],
        options: dict[str, object],
    ) -> int:
        """Record a new attempt; returns its id."""
        raise NotImplementedError

    def record_answer(
        self,
        attempt_id: int,
        question_id: str,
        *,
        given: str,
        score: float,
        max_score: float,
        seconds: float,
        near_miss: bool = False,
        skipped: bool = False,
        tags: Sequence[str] = (),
    ) -> None:
        """Store one answer in its own committed transaction."""
        raise NotImplementedError

    def finish_attempt(self, attempt_id: int) -> None:
        raise NotImplementedError

    def discard_attempt(self, attempt_id: int) -> None:
        raise NotImplementedError

    def attempt(self, attempt_id: int) -> AttemptSummary | None:
        raise NotImplementedError

    def attempts(
        self, *, player: str | None = None, bank_id: str | None = None, finished: bool | None = None
    ) -> list[AttemptSummary]:
        """Attempts, oldest first, filtered."""
        raise NotImplementedError

    def unfinished_attempts(self, player: str) -> list[AttemptSummary]:
        raise NotImplementedError

    def answers(self, attempt_id: int) -> list[AnswerRow]:
        raise NotImplementedError

    def bank_stats(self, player: str) -> dict[str, BankStats]:
        """Per bank id: best and last finished score and when last played."""
        raise NotImplementedError

    def question_stats(self, *, bank_id: str, player: str | None = None) -> list[QuestionStats]:
        raise NotImplementedError

    def weakest_questions(
        self, *, player: str, bank_id: str, min_tries: int = 2, limit: int = 10
    ) -> list[QuestionStats]:
        """Most often missed questions with at least ``min_tries`` tries."""
        raise NotImplementedError

    def tag_accuracy(self, *, player: str, bank_id: str) -> dict[str, list[float]]:
        """Per tag, the accuracy (0..1) in each finished attempt, oldest first."""
        raise NotImplementedError

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        raise NotImplementedError

    def set_setting(self, key: str, value: str) -> None:
        raise NotImplementedError
