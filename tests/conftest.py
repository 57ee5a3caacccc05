"""Shared fixtures: every test runs against its own data and bank dirs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

#: The editorial the shipped banks are derived from (outside the project).
ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_13c348e383c0ea65.txt"
REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point QUIZAPP_DATA_DIR and QUIZAPP_BANKS_DIR at fresh temporary folders."""
    root = tmp_path_factory.mktemp("quizapp-home")
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("QUIZAPP_BANKS_DIR", str(root / "banks"))
    monkeypatch.setenv("USER", "tester")
    yield root


@pytest.fixture
def article_text() -> str:
    """The editorial's text; skips when it is absent, unless CI is set."""
    import os

    if not ARTICLE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the article is missing at {ARTICLE} (required when CI is set)")
        pytest.skip(f"the article is not available at {ARTICLE}")
    return ARTICLE.read_text(encoding="utf-8")
