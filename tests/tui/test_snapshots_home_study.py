"""Snapshots of Home and a study card at 80x24, the smallest terminal every
screen must fully fit (the 100x30 ones are in test_snapshots.py).

Update them on purpose, after looking at the new SVGs:
``pytest tests/tui/test_snapshots_home_study.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quizapp.banks import load_bank
from quizapp.store import ScoreStore
from quizapp.tui.screens.study import StudyScreen
from tests.tui.helpers import BANKS, load, make_app, open_store, record_quiz, settle
from tests.tui.study_helpers import study_bank

SnapCompare = Callable[..., bool]
SMALL = (80, 24)


def test_home_80x24(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store: ScoreStore = open_store(tmp_path / "scores.sqlite3")
    record_quiz(store, {"system": 1.0, "coup-year": 0.0, "analyst": 1.0})
    record_quiz(store, {"system": 1.0, "coup-year": 1.0}, finish=False)
    monkeypatch.chdir(BANKS.parents[2])  # the broken bank's path is the same everywhere
    broken = load_bank(Path("tests/tui/banks/broken.toml"))
    app = make_app([*load("every_type.toml"), broken], store)
    try:
        assert snap_compare(app, terminal_size=SMALL, run_before=settle)
    finally:
        store.close()


def test_study_card_80x24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    store: ScoreStore = open_store(tmp_path / "scores.sqlite3")
    bank = study_bank(tmp_path / "banks")

    async def reveal_a_card(pilot: Pilot[None]) -> None:
        await pilot.app.push_screen(StudyScreen(bank))
        await pilot.press("space", "3", "space")

    try:
        assert snap_compare(make_app([bank], store), terminal_size=SMALL, run_before=reveal_a_card)
    finally:
        store.close()
