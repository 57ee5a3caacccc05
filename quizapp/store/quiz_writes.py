"""What one save of a quiz writes: answers, a new attempt, study cards made due.

`quizapp.store.ScoreStore.save_quiz_answers` writes them in one transaction,
so an answer, the attempt it belongs to and the study cards it makes due are
stored together or not at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NewAttempt:
    """An attempt not stored yet: it is created with its first answer."""

    player: str
    bank_id: str
    bank_title: str
    question_ids: tuple[str, ...]
    #: The QuizOptions as a JSON-able dict (for resume and retry).
    options: dict[str, object]


@dataclass(frozen=True, slots=True)
class CardDue:
    """A study card to make due at ``due``: a stored card whose due time is
    later moves to ``due``; a card never stored is created with ``fresh_state_json``."""

    card_id: str
    due: dt.datetime
    fresh_state_json: str


@dataclass(frozen=True, slots=True)
class AnswerToSave:
    """One graded answer (or skip) and the study cards it makes due."""

    question_id: str
    given: str
    score: float
    max_score: float
    seconds: float
    near_miss: bool = False
    skipped: bool = False
    tags: tuple[str, ...] = ()
    #: The student graded the answer themself (an open question).
    self_graded: bool = False
    cards_due: tuple[CardDue, ...] = ()
