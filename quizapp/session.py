"""QuizSession: the pure state machine of one quiz. No Textual here.

A session holds an ordered list of questions, the answers given so far and
the score. The TUI asks it for the current question, passes it answers, and
shows what it reports; it never decides a quiz rule itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.grading import Grade
from quizapp.model import Answer, Bank, Question, QuestionType


@dataclass(frozen=True, slots=True)
class QuizOptions:
    """How to build a quiz from a bank."""

    #: Keep only questions carrying any of these tags (empty: all).
    tags: tuple[str, ...] = ()
    #: Keep only these question types (empty: all).
    types: tuple[QuestionType, ...] = ()
    #: At most this many questions (None: all).
    count: int | None = None
    #: Shuffle the question order.
    shuffle: bool = True
    #: Shuffle choices (choice/multi), the starting order of order items and
    #: the right-hand column of match questions.
    shuffle_choices: bool = True
    #: Seed for reproducible order (None: random).
    seed: int | None = None
    #: Add questions generated from the bank's fact tables.
    include_generated: bool = True
    #: Restrict to these question ids, in this order (retry missed, review).
    question_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answered (or skipped) question of a session."""

    question: Question
    grade: Grade
    seconds: float = 0.0

    @property
    def skipped(self) -> bool:
        return self.grade.skipped


@dataclass(frozen=True, slots=True)
class TagScore:
    """Score within one tag."""

    tag: str
    score: float
    max_score: float
    answered: int

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0


class QuizSession:
    """One quiz over a fixed, ordered list of questions."""

    def __init__(self, bank: Bank, questions: Sequence[Question], *, seed: int = 0) -> None:
        raise NotImplementedError

    @classmethod
    def from_bank(cls, bank: Bank, options: QuizOptions = QuizOptions()) -> QuizSession:
        """Select, order and (optionally) generate questions from ``bank``."""
        raise NotImplementedError

    @property
    def current(self) -> Question | None:
        """The question to answer now, or None when finished."""
        raise NotImplementedError

    def display_choices(self, question: Question) -> tuple[str, ...]:
        """Choices (choice/multi), initial item order (order) or right column
        (match) in the order to display: shuffled with the session seed when
        ``shuffle_choices`` was set, stable for a given question."""
        raise NotImplementedError

    def answer(self, answer: Answer, seconds: float = 0.0) -> AnswerRecord:
        """Grade ``answer`` to the current question and move on."""
        raise NotImplementedError

    def skip(self, seconds: float = 0.0) -> AnswerRecord:
        """Skip the current question (scores 0) and move on."""
        raise NotImplementedError

    def restore(self, question_id: str, grade: Grade, seconds: float = 0.0) -> None:
        """Replay a stored answer to the current question (resume)."""
        raise NotImplementedError
