"""Review of mistakes: the questions a player got wrong, for a quiz of them.

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
    most recent first (summed up by the database: call it from a worker)."""
    wanted = set(question_ids)
    mistakes = [
        Mistake(
            question_id=found.question_id,
            missed=found.missed,
            tries=found.tries,
            last_missed=found.last_missed,
            put_right=found.latest_correct,
        )
        for found in store.missed_on_bank(player, bank_id)
        if found.question_id in wanted
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
        kind="review",
    )
