"""Home: failed banks, the damaged-database warning, the theme, the palette."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.command import CommandInput, CommandPalette
from textual.widgets import OptionList

from quizapp.model import BankError
from quizapp.store import ScoreStore
from quizapp.tui import registry
from quizapp.tui.dialogs.bank_errors import BankErrorsDialog
from quizapp.tui.dialogs.quiz_options import QuizOptionsDialog
from quizapp.tui.palette import PALETTE_COMMANDS
from quizapp.tui.screens.base import BankScreen
from quizapp.tui.screens.history import HistoryScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.settings import THEME_SETTING
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.title_bar import TitleBar
from tests.tui.helpers import (
    SIZE,
    flat,
    load,
    make_app,
    open_store,
    palette_lists,
    settle,
    shown,
)


async def test_a_failed_bank_is_listed_with_its_first_error_and_opens_all(
    store: ScoreStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = load("every_type.toml", "broken.toml")
    broken = results[1]
    assert isinstance(broken, BankError)
    app = make_app(results, store)
    async with app.run_test(size=SIZE) as pilot:
        text = await shown(pilot)
        assert "Every question type" in text
        assert "✗ broken.toml could not be loaded" in text
        assert "7 problems; press Enter to see them all" in text
        option = app.screen.query_one("#banks", OptionList).get_option_at_index(1)
        assert f"{broken.first}" in str(option.prompt)
        assert str(broken.first).endswith("broken.toml:8:1: missing required key 'prompt'")
        # A greyed key (there is nothing to resume) rings the bell when clicked.
        bells: list[None] = []
        monkeypatch.setattr(app, "bell", lambda: bells.append(None))
        footer = text.splitlines()[-1]
        await pilot.click(KeysFooter, offset=(footer.index("r Resume"), 0))
        await pilot.pause()
        assert bells and isinstance(app.screen, HomeScreen)

        await pilot.press("down")
        footer = (await shown(pilot)).splitlines()[-1]
        assert "e Errors" in footer and "Start quiz" not in footer
        await pilot.press("s")  # not for a failed bank
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BankErrorsDialog)
        listed = await shown(pilot, ".problems")
        for problem in broken.problems:
            assert str(problem).split("broken.toml")[1] in listed
        assert "unknown key 'anwser' in a text question -- did you mean 'answer'?" in listed
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        await pilot.press("up", "s")
        await pilot.pause()
        assert isinstance(app.screen, QuizOptionsDialog)


async def test_a_damaged_database_is_reported_on_screen(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not a database, just garbage " * 100)
    store = open_store(db_path)
    assert store.moved_aside is not None and store.warning is not None
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        banner = await shown(pilot, "#db-warning")
        # The path may be folded across lines: compare without spaces.
        assert banner.replace(" ", "") == f"⚠ {store.warning}".replace(" ", "")
        assert "could not be read" in banner or "damaged" in banner or "moved to" in banner
        # The app is usable: a quiz starts on the fresh database.
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
    assert store.moved_aside.exists()
    store.close()


async def test_no_warning_banner_for_a_healthy_database(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#db-warning").display


async def test_the_chosen_theme_is_remembered(db_path: Path) -> None:
    store = open_store(db_path)
    app = make_app(load("every_type.toml"), store, theme=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        app.theme = "nord"
        await pilot.pause()
    assert store.get_setting(THEME_SETTING) == "nord"
    store.close()

    store = open_store(db_path)
    app = make_app(load("every_type.toml"), store, theme=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
    store.close()


async def test_an_unknown_remembered_theme_is_ignored(store: ScoreStore) -> None:
    store.set_setting(THEME_SETTING, "no-such-theme")
    app = make_app(load("every_type.toml"), store, theme=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"


async def test_command_palette_lists_and_runs_the_main_actions(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        listed = await palette_lists(pilot, "History")
        # The first entries show before anything is typed, in this order.
        first = ("New quiz", "Study due cards", "Review mistakes", "Resume quiz", "History")
        lines = [line.strip() for line in listed.splitlines()]
        assert [title for line in lines for title in first if line.startswith(title)] == list(first)
        # Every entry is found by typing its name.
        for command in PALETTE_COMMANDS:
            # As if typed: the palette searches on every change of its input.
            app.screen.query_one(CommandInput).value = command.title.replace("'", "").lower()
            listed = await palette_lists(pilot, command.help)
            # (A title may end in "…": the end of a word is not \b then.)
            title = re.escape(command.title)
            assert re.search(rf"^{title}(?!\w)", listed, re.MULTILINE), command.title
            assert command.help in listed
        # Textual's own "Theme" entry is left out in favour of "Change theme".
        assert "Theme" not in [command.title for command in app.get_system_commands(app.screen)]
        app.screen.query_one(CommandInput).value = ""
        await pilot.press(*"history")
        await palette_lists(pilot, "Your past quizzes")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)

        await pilot.press("ctrl+p")
        await pilot.press(*"new quiz", "enter")
        await settle(pilot)
        assert isinstance(app.screen, QuizOptionsDialog)
        assert app.screen_stack[0] is app.home
        assert len(app.screen_stack) == 2  # History was closed first


async def test_the_title_line_follows_the_screen_and_its_icon_opens_the_palette(
    store: ScoreStore,
) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert flat((await shown(pilot)).splitlines()[0]) == "⭘ quizapp — tester"
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert flat((await shown(pilot)).splitlines()[0]) == "⭘ History — tester"
        app.screen.sub_title = "a very long sub-title that cannot fit in sixty columns"
        line = (await shown(pilot)).splitlines()[0]
        assert line.rstrip().endswith("…") and len(line) <= 60, line

        await pilot.click(TitleBar, offset=(20, 0))  # not the icon: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.click(TitleBar, offset=(1, 0))
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)


@pytest.mark.parametrize("theme", ["nord", "textual-light"])
async def test_the_remembered_theme_is_the_one_on_screen(store: ScoreStore, theme: str) -> None:
    store.set_setting(THEME_SETTING, theme)
    app = make_app(load("every_type.toml"), store, theme=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == theme
        # Its colours and its light or dark mode are those on screen.
        colors = app.current_theme.to_color_system()
        assert app.screen.styles.background == colors.background
        dark = app.current_theme.dark
        assert (app.has_class("-dark-mode"), app.has_class("-light-mode")) == (dark, not dark)


async def test_a_theme_given_in_the_settings_is_not_remembered(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store, theme="gruvbox")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"
        assert store.get_setting(THEME_SETTING) is None
        app.theme = "nord"  # chosen by the user: remembered
        await pilot.pause()
    assert store.get_setting(THEME_SETTING) == "nord"


def test_every_bank_view_is_a_screen_about_one_bank() -> None:
    views = [action for action in registry.ACTIONS if action.screen is not None]
    assert {action.name for action in views} >= {"study", "cram", "statistics"}
    for action in views:
        assert issubclass(registry.screen_class(action.name), BankScreen), action.name
        assert action.key is not None and action.title is not None, action.name


async def test_an_unknown_view_is_refused(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE):
        bank = app.banks_by_id["tui-every-type"]
        with pytest.raises(ValueError, match="unknown view 'nope'"):
            app.open_bank_view("nope", bank)
