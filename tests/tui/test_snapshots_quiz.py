"""Snapshots of the quiz screens at 80x24 (the 100x30 ones are in test_snapshots.py).

Update them on purpose, after looking at the new SVGs:
``pytest tests/tui/test_snapshots_quiz.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quizapp.store import ScoreStore
from tests.tui.answering import pair_up, type_answer
from tests.tui.helpers import (
    TAGS,
    load,
    make_app,
    open_new_quiz,
    open_quiz_at,
    open_store,
    record_quiz,
    settle,
)

SnapCompare = Callable[..., bool]
SIZE = (80, 24)


@pytest.fixture
def snapshot_store(tmp_path: Path) -> Iterator[ScoreStore]:
    store = open_store(tmp_path / "scores.sqlite3")
    yield store
    store.close()


def test_quiz_question(snap_compare: SnapCompare, snapshot_store: ScoreStore) -> None:
    async def to_the_match_question(pilot: Pilot[None]) -> None:
        await open_quiz_at(pilot, "roles")
        await pilot.press("b")  # pair the first left item

    app = make_app(load("every_type.toml"), snapshot_store)
    assert snap_compare(app, terminal_size=SIZE, run_before=to_the_match_question)


def test_feedback_with_a_mark_per_gap(
    snap_compare: SnapCompare, snapshot_store: ScoreStore
) -> None:
    async def one_gap_right_one_wrong(pilot: Pilot[None]) -> None:
        await open_quiz_at(pilot, "winner")
        await type_answer(pilot, "winer", "Erdogan")

    app = make_app(load("every_type.toml"), snapshot_store)
    assert snap_compare(app, terminal_size=SIZE, run_before=one_gap_right_one_wrong)


def test_results(snap_compare: SnapCompare, snapshot_store: ScoreStore) -> None:
    async def through_the_discussion(pilot: Pilot[None]) -> None:
        await open_new_quiz(pilot)
        await pilot.press(*"Wilson and Cagaptay", "enter")
        await pilot.press("2", "enter")
        await pilot.press("enter", "3", "enter")
        await pilot.pause()
        await pair_up(
            pilot,
            [("Ross Wilson", "NATO secretary general"), ("Vladimir Putin", "Russian president")],
            click_last=False,
        )
        await pilot.press("enter")
        await pilot.pause()

    app = make_app(load("discussion.toml"), snapshot_store)
    assert snap_compare(app, terminal_size=SIZE, run_before=through_the_discussion)


def test_history(snap_compare: SnapCompare, snapshot_store: ScoreStore) -> None:
    record_quiz(snapshot_store, {"system": 1.0, "coup-year": 0.0, "analyst": 0.0})
    record_quiz(snapshot_store, {"system": 1.0, "coup-year": 0.0, "analyst": 1.0})
    review = snapshot_store.start_attempt(
        "tester", "tui-every-type", "Every question type", ["coup-year"], {"kind": "review"}
    )
    snapshot_store.record_answer(
        review, "coup-year", given="2016", score=1, max_score=1, seconds=8, tags=TAGS["coup-year"]
    )
    snapshot_store.finish_attempt(review)
    record_quiz(snapshot_store, {"system": 0.0, "coup-year": 0.0, "analyst": 1.0})

    async def open_history(pilot: Pilot[None]) -> None:
        await pilot.press("h")
        await settle(pilot)

    app = make_app(load("every_type.toml"), snapshot_store)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_history)
