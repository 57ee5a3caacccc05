"""Before a quiz starts: the unfinished quizzes it could resume instead, and
the options last chosen for the bank (kept in the store's settings)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from quizapp.model import Bank, Question
from quizapp.session import QuizOptions, questions_matching
from quizapp.store import AttemptSummary, ScoreStore
from quizapp.usecases.formatting import format_score, format_when

#: The store setting that keeps a bank's last quiz options (the bank id follows).
OPTIONS_SETTING = "quiz.options:"


@dataclass(frozen=True, slots=True)
class QuizStart:
    """What starting a quiz on ``bank`` has to know first."""

    bank: Bank
    #: The player's unfinished quizzes on the bank, newest first.
    unfinished: tuple[AttemptSummary, ...]
    #: The options last chosen for the bank (None: never chosen, or unreadable).
    options: QuizOptions | None


def prepare_quiz(store: ScoreStore, player: str, bank: Bank) -> QuizStart:
    """The unfinished quizzes and the remembered options of ``player`` on
    ``bank`` (raises `StoreError`; call it from a worker)."""
    unfinished = store.unfinished_attempts(player, bank_id=bank.id)
    return QuizStart(bank, tuple(unfinished), remembered_options(store, bank.id))


def remembered_options(store: ScoreStore, bank_id: str) -> QuizOptions | None:
    """The options last chosen for a quiz on ``bank_id``: its tag, number of
    questions, generated questions and shuffling (None when there are none,
    or they cannot be read)."""
    stored = store.get_setting(OPTIONS_SETTING + bank_id)
    if stored is None:
        return None
    try:
        data = json.loads(stored)
        return QuizOptions.from_dict(data) if isinstance(data, dict) else None
    except ValueError:  # not JSON, or a value of the wrong type
        return None


def remember_options(store: ScoreStore, bank_id: str, options: QuizOptions) -> None:
    """Keep the choices of ``options`` for the next quiz on ``bank_id``
    (raises `StoreError`)."""
    chosen = {
        "tags": list(options.tags),
        "count": options.count,
        "shuffle": options.shuffle,
        "include_generated": options.include_generated,
    }
    store.set_setting(OPTIONS_SETTING + bank_id, json.dumps(chosen))


def unfinished_quizzes(store: ScoreStore, player: str) -> list[AttemptSummary]:
    """Every unfinished quiz of ``player``, newest first (raises `StoreError`;
    call it from a worker)."""
    return store.unfinished_attempts(player)


def resumable(
    attempts: Iterable[AttemptSummary], banks_by_id: Mapping[str, Bank]
) -> list[tuple[AttemptSummary, Bank | None]]:
    """Each attempt with the loaded bank it is on (None: no bank loaded has
    its id, so it cannot be resumed now)."""
    return [(attempt, banks_by_id.get(attempt.bank_id)) for attempt in attempts]


def describe_unfinished(attempt: AttemptSummary, now: dt.datetime) -> str:
    """``started today 10:00: 2 of 9 answered, score 1 / 2``."""
    started = format_when(attempt.started_at, now)
    return (
        f"started {started}: {attempt.answered} of {attempt.total} answered, "
        f"score {format_score(attempt.score, attempt.max_score)}"
    )


def count_matching(questions: Sequence[Question], options: QuizOptions) -> int:
    """How many of ``questions`` (hand-written and generated) a quiz with
    ``options`` chooses from."""
    return len(questions_matching(questions, options))


def selection_note(matching: int, count: int | None) -> str:
    """``9 questions match; the quiz asks 5 of them.`` (or all of them)."""
    if not matching:
        return "No question matches these options."
    noun = "question matches" if matching == 1 else "questions match"
    asked = "all of them" if count is None or count >= matching else f"{count} of them"
    if matching == 1:
        asked = "it"
    return f"{matching} {noun}; the quiz asks {asked}."
