"""Helpers for tests without screens: test banks, a reproducible store, stored quizzes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from quizapp.banks import load_bank
from quizapp.model import LoadResult
from quizapp.store import ScoreStore

BANKS = Path(__file__).parent / "tui" / "banks"
#: "Now" for every test app: dates on screen are relative to it.
FIXED_NOW = dt.datetime(2025, 3, 14, 10, 0, tzinfo=dt.UTC)
#: The seed every test quiz is built with.
SEED = 7


class StoreClock:
    """A wall clock for the store: one minute later each time it is read."""

    def __init__(self, start: dt.datetime = FIXED_NOW - dt.timedelta(days=1)) -> None:
        self.value = start

    def __call__(self) -> dt.datetime:
        value = self.value
        self.value += dt.timedelta(minutes=1)
        return value


def load(*names: str) -> list[LoadResult]:
    """Test banks by file name, in order."""
    return [load_bank(BANKS / name) for name in names]


def open_store(path: Path) -> ScoreStore:
    """A store whose timestamps are reproducible."""
    return ScoreStore.open(path, clock=StoreClock())


TAGS = {"system": ("context",), "coup-year": ("dates",), "analyst": ("actors",)}


def record_quiz(
    store: ScoreStore,
    scores: dict[str, float],
    *,
    bank_id: str = "tui-every-type",
    title: str = "Every question type",
    finish: bool = True,
) -> int:
    """Store a quiz the way the app does: an attempt, its answers, finished."""
    attempt = store.start_attempt(
        "tester", bank_id, title, list(scores), {"shuffle": False, "seed": SEED}
    )
    for question_id, score in scores.items():
        store.record_answer(
            attempt,
            question_id,
            given="typed",
            score=score,
            max_score=1.0,
            seconds=10.0,
            tags=TAGS.get(question_id, ()),
        )
    if finish:
        store.finish_attempt(attempt)
    return attempt
