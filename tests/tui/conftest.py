"""Fixtures for the TUI tests (helpers are in `tests.tui.helpers`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.store import ScoreStore
from tests.tui.helpers import open_store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "scores.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[ScoreStore]:
    opened = open_store(db_path)
    yield opened
    opened.close()
