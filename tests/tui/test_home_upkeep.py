"""Home keeps itself up to date: banks reloaded with ctrl+r or when their
files change, what the score store found told (once), the day's backup, and
a footer and panel that work in a small terminal."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from quizapp.banks import discover_banks
from quizapp.model import LoadResult
from quizapp.paths import banks_dir
from quizapp.store import ScoreStore, StoreError
from quizapp.tui.app import create_app
from quizapp.tui.dialogs.bank_errors import BankErrorsDialog
from quizapp.tui.screens import home
from quizapp.tui.screens.history import HistoryScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.settings import AppSettings
from quizapp.usecases import store_health
from tests.store_damage import shipped_bank
from tests.tui.helpers import (
    FIXED_NOW,
    make_app,
    open_store,
    palette_lists,
    record_notices,
    record_quiz,
    settle,
    shown,
    wait_for_banks,
)

BANK = """\
format = 1
[bank]
id = "{id}"
title = "{title}"
[[questions]]
id = "q"
type = "true_false"
prompt = "Is this a test?"
answer = true
"""


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app tells the user in notifications, in order."""
    return record_notices(monkeypatch)


async def wait_for(pilot: object, condition: object, tries: int = 200) -> None:
    """Pause until ``condition()`` holds (Home looks at the files in the background)."""
    for _ in range(tries):
        if condition():  # type: ignore[operator]
            return
        await pilot.pause(0.02)  # type: ignore[attr-defined]
    raise AssertionError("it did not happen")


async def test_banks_reload_with_ctrl_r_and_when_their_files_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told: list[str]
) -> None:
    monkeypatch.setattr(home, "BANK_CHECK_SECONDS", 0.05)
    folder = banks_dir(create=True)  # the user's bank folder (a temporary one)
    (folder / "a.toml").write_text(BANK.format(id="a", title="Bank A"), encoding="utf-8")

    def load_banks() -> Sequence[LoadResult]:
        return discover_banks(shipped=False)

    store = ScoreStore.open(tmp_path / "data" / "scores.sqlite3")
    settings = AppSettings(player="sam", data_dir=tmp_path / "data", now=lambda: FIXED_NOW)
    app = create_app((), store, settings, load_banks=load_banks)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for_banks(app, pilot)
            assert "Bank A" in await shown(pilot)
            # The day's backup was taken once the first frame was up.
            assert list((tmp_path / "data" / "backups").glob("*.sqlite3"))

            # Out of sight (another screen is on top), changes wait to be
            # reloaded: here from the palette.
            await pilot.press("h")
            await pilot.pause()
            (folder / "b.toml").write_text(BANK.format(id="b", title="Bank B"), encoding="utf-8")
            (folder / "a.toml").write_text(BANK.format(id="a", title="Bank A2"), encoding="utf-8")
            await pilot.pause(0.2)
            assert "b" not in app.banks_by_id
            await pilot.press("ctrl+p", *"reload banks")
            await palette_lists(pilot, "Read the bank files again")
            await pilot.press("enter")
            await wait_for(pilot, lambda: "b" in app.banks_by_id)
            assert told[-1] == "Banks reloaded: 1 new, 1 changed. 2 banks."
            assert isinstance(app.screen, HistoryScreen)
            await pilot.press("escape")
            await settle(pilot)
            text = await shown(pilot)
            assert "Bank A2" in text and "Bank B" in text
            await pilot.press("ctrl+r")
            await wait_for(pilot, lambda: told[-1].startswith("Banks reloaded: no"))
            assert told[-1] == "Banks reloaded: no bank file changed. 2 banks."

            # A file saved while Home is shown is picked up by itself: a broken
            # one is listed with its located problem.
            os.utime(folder, ns=(0, 0))  # the folder's stamp must change below
            (folder / "c.toml").write_text("format = 1\n[bank]\nid = 'c'\n", encoding="utf-8")
            await wait_for(pilot, lambda: len(app.results) == 3)
            await settle(pilot)
            text = await shown(pilot)
            assert "✗ c.toml could not be loaded" in text
            assert "c.toml:2:1:" in text
            assert told[-1] == "Banks reloaded: 1 new. 2 banks, 1 could not be loaded."
            await pilot.press("end", "enter")
            await pilot.pause()
            assert isinstance(app.screen, BankErrorsDialog)
            hint = await shown(pilot)
            assert "ctrl+r reloads the banks" in hint and "start quizapp again" not in hint
    finally:
        store.close()


async def test_home_tells_what_the_store_found_once_and_fits_60_by_20(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, told: list[str]
) -> None:
    bank = shipped_bank()  # a long description, many tags and facts
    played = {"bank_id": bank.id, "title": bank.title}
    store = open_store(db_path)
    record_quiz(store, {"erdogan-role": 1.0, "putin-role": 0.0}, **played)
    record_quiz(store, {"erdogan-role": 0.0}, finish=False, **played)
    record_quiz(store, {"erdogan-role": 0.0}, finish=False, **played)
    store.close()
    with sqlite3.connect(db_path) as conn:  # one unfinished attempt is damaged
        conn.execute("UPDATE attempts SET started_at = 'garbage' WHERE id = 2")
    store = open_store(db_path)
    # What opening found, without moving the file aside (a lost -wal file).
    store.warning = "The last answers may be missing: the scores database's log was lost."

    def no_backup(path: Path, now: object) -> None:
        raise StoreError("the disk is full", reason="full")

    monkeypatch.setattr(store_health, "daily_backup", no_backup)
    app = make_app([bank], store)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert "⚠ The last answers may be missing" in await shown(pilot, "#db-warning")
        damage = "1 damaged row in the scores database was skipped; run `quizapp doctor`"
        assert [notice for notice in told if "damaged row" in notice] == [f"{damage} to repair it"]
        assert "Today's backup of the scores database was not made: the disk is full" in told

        # The footer keeps help and quit with an unfinished quiz on the bank.
        footer = (await shown(pilot)).splitlines()[-1]
        for key in ("s Start quiz", "r Resume", "h History", "? Help", "^q Quit"):
            assert key in footer, footer
        # The panel scrolls to its last line (tab moves to it).
        detail = await shown(pilot, "#bank-detail")
        assert "to resume it or x to discard it" not in detail
        await pilot.press("tab", "end")
        detail = await shown(pilot, "#bank-detail")
        assert "Unfinished quiz" in detail and "x to discard it" in detail

        # Damage is told once per session, however often Home reads again.
        await pilot.press("shift+tab", "h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert len([notice for notice in told if "damaged row" in notice]) == 1
    store.close()
