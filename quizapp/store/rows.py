"""The values `ScoreStore` returns: frozen dataclasses, no database handles.

Every datetime here is timezone-aware UTC.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    """One quiz attempt of one player on one bank.

    ``answered``, ``score``, ``max_score`` and ``seconds`` are computed from
    the attempt's stored answers: ``answered`` counts answered *and* skipped
    questions, ``max_score`` sums only the answered ones (so an unfinished
    attempt's percent is over what was answered so far), and ``seconds`` is
    the sum of the time spent on each answer. It is not ``finished_at -
    started_at``, which would count the hours between quitting and resuming.
    """

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
    #: How many of the ``answered`` questions were skipped.
    skipped: int = 0

    @property
    def finished(self) -> bool:
        """True once `ScoreStore.finish_attempt` was called."""
        return self.finished_at is not None

    @property
    def percent(self) -> float:
        """Score as a percentage of the maximum of the answered questions."""
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    @property
    def total(self) -> int:
        """Number of questions in the quiz."""
        return len(self.question_ids)


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
    #: The student graded this answer themself (an open question).
    self_graded: bool = False

    @property
    def correct(self) -> bool:
        """Full marks (the same rule as `quizapp.grading.Grade.correct`)."""
        return is_correct(self.score, self.max_score)


@dataclass(frozen=True, slots=True)
class BankStats:
    """Best / last score of a player on a bank (finished attempts only)."""

    bank_id: str
    #: Number of finished attempts.
    attempts: int
    best_percent: float
    last_percent: float
    #: When the last finished attempt was finished.
    last_played: dt.datetime


@dataclass(frozen=True, slots=True)
class QuestionStats:
    """How a player (or everyone) did on one question.

    A skipped question counts as a try that was not correct: for item
    statistics an omitted answer is a wrong one.
    """

    bank_id: str
    question_id: str
    tries: int
    correct: int
    last_correct: bool
    #: Mean time per try, skipped tries included.
    avg_seconds: float = 0.0
    #: The most frequent answer text among wrong (not full marks), not skipped,
    #: not self-graded tries; ties go to the most recent. None when there is none.
    most_common_wrong: str | None = None
    skipped: int = 0
    #: How many of the tries the students graded themselves (open questions).
    self_graded: int = 0

    @property
    def missed(self) -> int:
        """Tries that did not get full marks (skips included)."""
        return self.tries - self.correct

    @property
    def facility(self) -> float:
        """The facility index: share of tries that were correct (0..1)."""
        return self.correct / self.tries if self.tries else 0.0


@dataclass(frozen=True, slots=True)
class CardRow:
    """The stored spaced-repetition state of one study card.

    ``state_json`` is written and read by the study module; the store never
    looks inside it. ``due`` is authoritative: after a wrong quiz answer
    it may differ from any due date inside ``state_json``.
    """

    card_id: str
    state_json: str
    due: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One self-graded review of a study card (1 Again, 2 Hard, 3 Good, 4 Easy)."""

    bank_id: str
    card_id: str
    rating: int
    reviewed_at: dt.datetime
    log_json: str
    #: True for cram-mode reviews, which leave the schedule alone.
    cram: bool


def is_correct(score: float, max_score: float) -> bool:
    """Full marks on a question worth something."""
    return max_score > 0 and score >= max_score
