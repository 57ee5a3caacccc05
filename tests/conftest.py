"""Shared fixtures: every test runs against its own data and bank dirs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
#: The editorial the shipped banks are derived from. It lives outside the
#: project, in ``../shared/seed/`` beside the checkout; QUIZAPP_SEED_DIR
#: points elsewhere.
ARTICLE = (
    Path(os.environ.get("QUIZAPP_SEED_DIR") or REPO_ROOT.parent / "shared" / "seed")
    / "000_13c348e383c0ea65.txt"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the longest tests first: those marked ``slow``, then the screens'
    (a Pilot test takes about a second, most others a few milliseconds).

    The test processes take the next test from one queue as they finish one
    (``--maxschedchunk 1`` in pyproject.toml), so the quick tests even out
    the processes' ends instead of a long test starting last.
    """

    def rank(item: pytest.Item) -> int:
        if item.get_closest_marker("slow"):
            return 0
        return 1 if "tui" in item.path.parent.parts else 2

    items.sort(key=rank)  # stable: each file's tests stay in their order


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
    if not ARTICLE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the article is missing at {ARTICLE} (required when CI is set)")
        pytest.skip(f"the article is not available at {ARTICLE}")
    return ARTICLE.read_text(encoding="utf-8")
