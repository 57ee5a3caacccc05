"""Fixtures for the use-case tests: a reproducible store per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.store import ScoreStore
from tests.helpers import open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ScoreStore]:
    opened = open_store(tmp_path / "data" / "scores.sqlite3")
    yield opened
    opened.close()
