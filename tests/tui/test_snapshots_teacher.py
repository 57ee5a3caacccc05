"""Snapshots of the teacher's screens at 80x24: the bank preview with an
answered question, and the review of a drafted bank.

Update them on purpose, after looking at the new SVGs:
``pytest tests/tui/test_snapshots_teacher.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quizapp.store import ScoreStore
from quizapp.tui.preview_app import create_draft_review_app, create_preview_app
from quizapp.tui.settings import AppSettings
from quizapp.usecases.draft_review import draft_request
from tests.tui.helpers import BANKS, open_store, settle
from tests.tui.teacher_helpers import REVIEW_ARTICLE, teacher_settings

SnapCompare = Callable[..., bool]
REPO = BANKS.parents[2]
SMALL = (80, 24)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppSettings]:
    # Paths relative to the checkout: the header shows the same ones everywhere.
    monkeypatch.chdir(REPO)
    yield teacher_settings(tmp_path)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ScoreStore]:
    opened = open_store(tmp_path / "scores.sqlite3")
    yield opened
    opened.close()


def test_preview_answered_80x24(
    snap_compare: SnapCompare, store: ScoreStore, settings: AppSettings
) -> None:
    async def answer(pilot: Pilot[None]) -> None:
        await pilot.press("2")
        await settle(pilot)

    app = create_preview_app(Path("tests/tui/banks/every_type.toml"), store, settings)
    assert snap_compare(app, terminal_size=SMALL, run_before=answer)


def test_draft_review_80x24(
    snap_compare: SnapCompare, store: ScoreStore, settings: AppSettings
) -> None:
    request = draft_request(str(REVIEW_ARTICLE.relative_to(REPO)))
    app = create_draft_review_app(request, store, settings)
    assert snap_compare(app, terminal_size=SMALL, run_before=settle)
