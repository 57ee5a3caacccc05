"""Style sheets: the app's own, and one beside each screen that has styles."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.screen import Screen

import quizapp.tui

TUI = Path(quizapp.tui.__file__).parent


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


def test_every_style_sheet_is_named_by_a_screen_and_every_name_is_a_file() -> None:
    named: set[Path] = set()
    for screen in quizapp_screens():
        paths = screen.CSS_PATH or []
        for path in paths if isinstance(paths, list) else [paths]:
            named.add((Path(inspect.getfile(screen)).parent / path).resolve())
    assert all(path.is_file() for path in named), named
    on_disk = {path.resolve() for path in TUI.rglob("*.tcss")} - {(TUI / "app.tcss").resolve()}
    assert named == on_disk
