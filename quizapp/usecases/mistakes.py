"""Review of mistakes: the questions a player got wrong, for a quiz of them. No Textual here.

A mistake is any stored answer without full marks, skips included (the
store counts those as missed too). Only questions still in the bank count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from quizapp.session import QuizOptions
from quizapp.store import ScoreStore

#: How the questions of a review are ordered and chosen.
ReviewOrder = Literal["recent", "often"]


@dataclass(frozen=True, slots=True)
class Mistake:
    """A question the player got wrong at least once."""

    question_id: str
    #: Answers to it without full marks (skips included).
    missed: int
    #: Answers to it in all.
    tries: int
    #: When it was last got wrong.
    last_missed: dt.datetime
    #: Whether the latest answer to it was right (the mistake was put right since).
    put_right: bool


def find_mistakes(
    store: ScoreStore, player: str, bank_id: str, question_ids: Iterable[str]
) -> list[Mistake]:
    """The player's mistakes on the questions ``question_ids`` of a bank,
    most recent first. Reads every answer of the player's attempts on it."""
    wanted = set(question_ids)
    missed: dict[str, int] = {}
    tries: dict[str, int] = {}
    last_missed: dict[str, dt.datetime] = {}
    latest: dict[str, tuple[dt.datetime, bool]] = {}
    for attempt in store.attempts(player=player, bank_id=bank_id):
        for row in store.answers(attempt.id):
            question_id = row.question_id
            if question_id not in wanted:
                continue
            tries[question_id] = tries.get(question_id, 0) + 1
            previous = latest.get(question_id)
            if previous is None or row.answered_at >= previous[0]:
                latest[question_id] = (row.answered_at, row.correct)
            if not row.correct:
                missed[question_id] = missed.get(question_id, 0) + 1
                if question_id not in last_missed or row.answered_at > last_missed[question_id]:
                    last_missed[question_id] = row.answered_at
    mistakes = [
        Mistake(
            question_id=question_id,
            missed=count,
            tries=tries[question_id],
            last_missed=last_missed[question_id],
            put_right=latest[question_id][1],
        )
        for question_id, count in missed.items()
    ]
    return ordered(mistakes, "recent")


def ordered(mistakes: Iterable[Mistake], order: ReviewOrder) -> list[Mistake]:
    """``recent``: mistakes not yet put right first, then the newest first.
    ``often``: most often missed first, then the lowest share right, then
    the newest. Ties go by question id, so the order is stable."""
    items = list(mistakes)
    items.sort(key=lambda m: m.question_id)
    items.sort(key=lambda m: m.last_missed, reverse=True)
    if order == "recent":
        items.sort(key=lambda m: m.put_right)
    else:
        items.sort(key=lambda m: (-m.missed, (m.tries - m.missed) / m.tries))
    return items


def review_options(
    mistakes: Iterable[Mistake], order: ReviewOrder, count: int | None, seed: int | None
) -> QuizOptions:
    """Options for a quiz of the first ``count`` mistakes (all when None) in
    ``order``, asked in that order, generated questions included."""
    chosen = ordered(mistakes, order)[:count]
    if not chosen:
        raise ValueError("there is no mistake to review")
    return QuizOptions(
        question_ids=tuple(m.question_id for m in chosen),
        shuffle=False,
        include_generated=True,
        seed=seed,
    )
