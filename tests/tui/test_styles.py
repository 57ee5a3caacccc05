"""Style sheets: Home needs only the app's own; every other screen names the rest."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from textual.screen import Screen

import quizapp.tui
from quizapp.store import ScoreStore
from quizapp.tui.screens.base import SCREEN_CSS
from quizapp.tui.screens.home import HomeScreen
from tests.tui.helpers import SIZE, load, make_app


def quizapp_screens() -> list[type[Screen[object]]]:
    """Every screen class quizapp defines."""
    for module in pkgutil.walk_packages(quizapp.tui.__path__, "quizapp.tui."):
        importlib.import_module(module.name)
    found: list[type[Screen[object]]] = []
    pending: list[type[Screen[object]]] = [Screen]
    while pending:
        for sub in pending.pop().__subclasses__():
            pending.append(sub)
            if sub.__module__.startswith("quizapp."):
                found.append(sub)
    return found


def test_every_screen_but_home_names_the_screens_style_sheets() -> None:
    screens = quizapp_screens()
    assert HomeScreen in screens and len(screens) > 20
    for screen in screens:
        if screen is HomeScreen:
            assert screen.CSS_PATH is None
        else:
            assert screen.CSS_PATH == SCREEN_CSS, screen.__name__
    assert all(Path(path).is_file() for path in SCREEN_CSS)


async def test_home_starts_without_the_other_screens_styles(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        read = {Path(path) for path, _ in app.stylesheet.source}
        assert not read & {Path(path) for path in SCREEN_CSS}
        # The first other screen to open reads them, and their rules apply.
        await pilot.press("s")
        await pilot.pause()
        read = {Path(path) for path, _ in app.stylesheet.source}
        assert {Path(path) for path in SCREEN_CSS} <= read
        dialog = app.screen.query_one(".dialog")
        assert dialog.styles.border.top[0] == "thick"
        assert dialog.styles.width is not None and dialog.styles.width.value == 72
