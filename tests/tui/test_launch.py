"""Starting the TUI from parsed command-line arguments."""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quizapp.model import Bank, BankError, LoadResult
from quizapp.store import ScoreStore
from quizapp.tui.app import QuizApp, create_app
from quizapp.tui.dialogs.quiz_options import QuizOptionsDialog
from quizapp.tui.launch import LaunchError, build_app, run_tui
from quizapp.tui.settings import THEME_SETTING, AppSettings, remembered_theme
from quizapp.tui.widgets.bank_list import BankEntry, BankList
from tests.tui.helpers import BANKS, SIZE, load, screen_text, wait_for_banks


def arguments(tmp_path: Path, *paths: Path, player: str | None = "sam") -> argparse.Namespace:
    return argparse.Namespace(
        paths=list(paths), data_dir=tmp_path / "data", player=player, no_shipped=True
    )


def test_build_app_leaves_the_store_and_the_banks_to_the_app(tmp_path: Path) -> None:
    app = build_app(arguments(tmp_path, BANKS / "every_type.toml", BANKS / "broken.toml"))
    assert app.settings.player == "sam"
    assert app.settings.data_dir == tmp_path / "data"
    # Neither the scores database nor the banks are touched before the first frame.
    assert app.store_if_open is None and not (tmp_path / "data").exists()
    assert app.banks_loading and app.results == ()


def test_files_that_are_not_banks_are_source_texts_to_show_in_context(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The text.", encoding="utf-8")
    app = build_app(arguments(tmp_path, BANKS / "every_type.toml", article, BANKS))
    assert app.settings.source_texts == (article,)
    assert app.bank_loader is not None
    assert [r.path.name for r in app.bank_loader()] == [
        "every_type.toml",
        "broken.toml",
        "discussion.toml",
        "hostile.toml",
    ]


async def test_home_comes_up_first_then_lists_the_banks_it_loaded(tmp_path: Path) -> None:
    app = build_app(arguments(tmp_path, BANKS / "every_type.toml", BANKS / "broken.toml"))
    try:
        async with app.run_test(size=SIZE) as pilot:
            shown: list[str] = []
            # What the first frame shows, before the banks are loaded.
            app.call_after_refresh(lambda: shown.append(screen_text(app)))
            await wait_for_banks(app, pilot)
            assert "Loading the question banks" in shown[0]
            assert not app.banks_loading
            assert app.store.path == tmp_path / "data" / "scores.sqlite3"
            assert app.store.path.exists()
            assert [type(result) for result in app.results] == [Bank, BankError]
            text = screen_text(app)
            assert "Loading" not in text
            assert "Every question type" in text and "broken.toml could not be loaded" in text
            entries = app.screen.query_one(BankList).entries
            assert isinstance(entries[0], BankEntry) and entries[0].study is not None
            # The keys work on the banks listed.
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, QuizOptionsDialog)
    finally:
        if app.store_if_open is not None:
            app.store_if_open.close()


def loading_app(tmp_path: Path, load_banks: Callable[[], Sequence[LoadResult]]) -> QuizApp:
    """An app that loads its banks with ``load_banks`` once Home is up."""
    store = ScoreStore.open(tmp_path / "scores.sqlite3")
    settings = AppSettings(player="sam", data_dir=tmp_path)
    return create_app((), store, settings, load_banks=load_banks)


async def test_keys_wait_for_the_banks(tmp_path: Path) -> None:
    started = threading.Event()
    release = threading.Event()

    def slow_loader() -> Sequence[LoadResult]:
        started.set()
        release.wait(10)
        return load("every_type.toml")

    app = loading_app(tmp_path, slow_loader)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await asyncio.to_thread(started.wait, 10)
            await pilot.press("s", "enter", "t")  # no bank to start or study yet
            await pilot.pause()
            assert app.screen is app.home
            await pilot.press("h")  # History needs none
            await pilot.pause()
            assert type(app.screen).__name__ == "HistoryScreen"
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is app.home and app.banks_loading
            assert not app.screen.query_one(BankList).display
            assert "Loading the question banks" in screen_text(app)
            release.set()
            await wait_for_banks(app, pilot)
            assert app.screen is app.home
            assert "Every question type" in screen_text(app)
    finally:
        release.set()
        app.store.close()


async def test_a_loader_that_fails_is_reported_on_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> Sequence[LoadResult]:
        raise OSError("the bank folder vanished")

    notices: list[tuple[str, str]] = []

    def notify(self: QuizApp, message: str, **kwargs: object) -> None:
        notices.append((message, str(kwargs.get("severity"))))

    monkeypatch.setattr(QuizApp, "notify", notify)
    app = loading_app(tmp_path, broken)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_for_banks(app, pilot)
            assert not app.banks_loading
            assert notices == [
                ("The question banks could not be loaded: the bank folder vanished", "error")
            ]
            text = " ".join(screen_text(app).split())
            assert "The question banks could not be loaded: the bank folder vanished" in text
            assert "No question banks were found" not in text
    finally:
        app.store.close()


def test_quitting_while_the_banks_load_does_not_wait_for_them(tmp_path: Path) -> None:
    release = threading.Event()
    loading = threading.Event()

    def stuck() -> Sequence[LoadResult]:
        loading.set()
        release.wait(60)
        return []

    app = loading_app(tmp_path, stuck)

    async def quit_while_loading(pilot: Pilot[None]) -> None:
        await asyncio.to_thread(loading.wait, 10)
        await pilot.press("ctrl+q")

    try:
        started = time.monotonic()
        app.run(headless=True, auto_pilot=quit_while_loading)
        assert time.monotonic() - started < 30  # not the 60 s the loader is stuck for
        assert loading.is_set() and not release.is_set()
    finally:
        release.set()
        app.store.close()


def test_the_player_defaults_to_the_login_name(tmp_path: Path) -> None:
    app = build_app(arguments(tmp_path, player=None))
    assert app.settings.player == "tester"  # USER, set by the test fixtures


def test_an_empty_player_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(LaunchError, match="--player needs a name"):
        build_app(arguments(tmp_path, player="  "))
    assert run_tui(arguments(tmp_path, player="")) == 1
    assert capsys.readouterr().err == "quizapp: --player needs a name\n"


def test_an_unusable_data_folder_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be")
    assert run_tui(arguments(tmp_path)) == 1
    err = capsys.readouterr().err
    assert err.startswith("quizapp: ") and "Traceback" not in err


def test_the_command_line_reports_errors_without_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quizapp", "--player", "", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr == "quizapp: --player needs a name\n"


def test_no_heavy_module_is_imported_before_the_first_frame(tmp_path: Path) -> None:
    # The scores database, the banks (the model, the loader, generated
    # questions), the scheduler and the other screens load after Home's first
    # frame, in its worker: held back here until the first frame is drawn.
    code = (
        "import argparse, sys, threading\n"
        "from pathlib import Path\n"
        "from quizapp.tui.launch import build_app, run_app\n"
        f"data_dir = Path({str(tmp_path / 'data')!r})\n"
        "app = build_app(argparse.Namespace(paths=[], data_dir=data_dir, player='sam',"
        " no_shipped=False))\n"
        "release = threading.Event()\n"
        "opener = app.open_store\n"
        "app.open_store = lambda: (release.wait(10), opener())[1]\n"
        "async def first_frame(pilot):\n"
        "    def drawn():\n"
        "        heavy = ('quizapp.model', 'quizapp.banks', 'quizapp.generate', 'quizapp.study',"
        " 'quizapp.store', 'quizapp.usecases.store_health', 'fsrs', 'tomli',"
        " 'quizapp.tui.screens.quiz')\n"
        "        print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
        "        release.set()\n"
        "        app.exit()\n"
        "    app.call_after_refresh(drawn)\n"
        "run_app(app, headless=True, auto_pilot=first_frame)\n"
        "app.store_if_open and app.store_if_open.close()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


async def test_the_remembered_theme_is_read_before_the_store_opens(tmp_path: Path) -> None:
    with ScoreStore.open(tmp_path / "data" / "scores.sqlite3") as store:
        store.set_setting(THEME_SETTING, "nord")
    app = build_app(arguments(tmp_path, BANKS / "every_type.toml"))
    assert app.theme == "nord" and app.store_if_open is None
    try:
        async with app.run_test(size=SIZE) as pilot:
            colors = app.current_theme.to_color_system()
            assert app.screen.styles.background == colors.background
            await wait_for_banks(app, pilot)
            app.theme = "textual-light"
            await pilot.pause()
            assert app.store.get_setting(THEME_SETTING) == "textual-light"
    finally:
        if app.store_if_open is not None:
            app.store_if_open.close()


def test_a_damaged_or_missing_database_means_no_remembered_theme(tmp_path: Path) -> None:
    assert remembered_theme(tmp_path / "none.sqlite3") is None
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\0" + b"\xff" * 4000)
    assert remembered_theme(damaged) is None
    # A folder name longer than the file system allows.
    assert remembered_theme(tmp_path / ("d" * 300) / "scores.sqlite3") is None
