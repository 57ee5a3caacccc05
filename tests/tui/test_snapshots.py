"""Snapshots of the main screens at 100x30.

Update them on purpose, after looking at the new SVGs:
``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quizapp.banks import load_bank
from quizapp.store import ScoreStore
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.study import StudyScreen
from tests.tui.answering import choose, select_all, type_answer
from tests.tui.helpers import (
    BANKS,
    SIZE,
    load,
    make_app,
    open_quiz_at,
    open_store,
    record_quiz,
    settle,
)
from tests.tui.study_helpers import study_bank

SnapCompare = Callable[..., bool]
REPO = BANKS.parents[2]


@pytest.fixture
def snapshot_store(tmp_path: Path) -> Iterator[ScoreStore]:
    store = open_store(tmp_path / "scores.sqlite3")
    yield store
    store.close()


def snapshot_app(store: ScoreStore, monkeypatch: pytest.MonkeyPatch) -> QuizApp:
    """The every-type bank and a broken bank loaded by a relative path, so
    that the error shown is the same on every machine."""
    monkeypatch.chdir(REPO)
    broken = load_bank(Path("tests/tui/banks/broken.toml"))
    return make_app([*load("every_type.toml"), broken], store)


def test_home(
    snap_compare: SnapCompare, snapshot_store: ScoreStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_quiz(snapshot_store, {"system": 1.0, "coup-year": 0.0, "analyst": 1.0})
    record_quiz(snapshot_store, {"system": 1.0, "coup-year": 1.0}, finish=False)
    assert snap_compare(
        snapshot_app(snapshot_store, monkeypatch), terminal_size=SIZE, run_before=settle
    )


def test_quiz_question(
    snap_compare: SnapCompare, snapshot_store: ScoreStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def to_the_match_question(pilot: Pilot[None]) -> None:
        await open_quiz_at(pilot, "roles")
        await pilot.press("b")  # pair the first left item

    assert snap_compare(
        snapshot_app(snapshot_store, monkeypatch),
        terminal_size=SIZE,
        run_before=to_the_match_question,
    )


def test_feedback(
    snap_compare: SnapCompare, snapshot_store: ScoreStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def to_a_near_miss(pilot: Pilot[None]) -> None:
        await open_quiz_at(pilot, "analyst")
        await type_answer(pilot, "Cagaptai")

    assert snap_compare(
        snapshot_app(snapshot_store, monkeypatch), terminal_size=SIZE, run_before=to_a_near_miss
    )


def test_results(
    snap_compare: SnapCompare, snapshot_store: ScoreStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def through_the_quiz(pilot: Pilot[None]) -> None:
        await open_quiz_at(pilot, "system", "neighbours", "delivery", "analyst", "roles")
        await choose(pilot, "S-400")
        await pilot.press("enter")
        await select_all(pilot, ["Iraq", "Syria", "Iran"])
        await pilot.press("enter")
        await pilot.press("t", "enter")
        for _ in range(2):
            await pilot.press("ctrl+s", "enter")
            await pilot.pause()

    assert snap_compare(
        snapshot_app(snapshot_store, monkeypatch), terminal_size=SIZE, run_before=through_the_quiz
    )


def test_history(
    snap_compare: SnapCompare, snapshot_store: ScoreStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_quiz(snapshot_store, {"system": 1.0, "coup-year": 0.0, "analyst": 0.0})
    record_quiz(snapshot_store, {"system": 1.0, "coup-year": 0.0, "analyst": 1.0})
    record_quiz(snapshot_store, {"system": 0.0, "coup-year": 0.0, "analyst": 1.0})
    record_quiz(snapshot_store, {"system": 1.0, "coup-year": 1.0, "analyst": 1.0})

    async def open_history(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)  # History reads the attempts in a worker

    assert snap_compare(
        snapshot_app(snapshot_store, monkeypatch), terminal_size=SIZE, run_before=open_history
    )


def test_study_card_revealed(
    snap_compare: SnapCompare, snapshot_store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks")

    async def grade_one_and_reveal_the_next(pilot: Pilot[None]) -> None:
        await pilot.app.push_screen(StudyScreen(bank))
        await pilot.press("space", "3", "space")

    assert snap_compare(
        make_app([bank], snapshot_store),
        terminal_size=SIZE,
        run_before=grade_one_and_reveal_the_next,
    )
