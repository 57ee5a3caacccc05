"""Cram mode: all cards or one tag's, Again sends a card to the end, the store is untouched."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from quizapp.store import ScoreStore
from quizapp.study import StudyDeck
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.context_reader import ContextReaderScreen
from quizapp.tui.screens.cram import CramScreen
from tests.tui.helpers import FIXED_NOW, SIZE, make_app, shown
from tests.tui.study_helpers import study_bank


def database_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read with a separate connection."""
    with sqlite3.connect(path) as conn:
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {
            table: sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }


def current_card(app: QuizApp) -> str:
    screen = app.screen
    assert isinstance(screen, CramScreen) and screen.cram is not None
    card = screen.cram.current
    assert card is not None
    return card.id


async def test_cramming_every_card_leaves_the_store_untouched(
    store: ScoreStore, db_path: Path, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks")
    # One card has a schedule already: cramming must not move it.
    StudyDeck(bank, store, "tester", now=lambda: FIXED_NOW - dt.timedelta(days=3)).grade(
        "actor:wilson", 3
    )
    before = database_rows(db_path)
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(CramScreen(bank))
        text = await shown(pilot)
        assert "Study views — Cram" in text
        assert "Go through the cards once, without changing your study schedule." in text
        for line in ("All cards (9)", "actors (3)", "dates (3)", "context (2)", "quotes (1)"):
            assert line in text
        assert "⏎ Cram these" in text.splitlines()[-1]
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CramScreen) and screen.cram is not None
        order = [card.id for card in screen.cram.cards]
        assert sorted(order) == sorted(card.id for card in screen.cards)
        assert "Study views — Cram · all cards" in await shown(pilot)
        assert "Cards 9 · Left 9 · Again 0 · schedule unchanged" in await shown(pilot)

        missed = current_card(app)
        await pilot.press("space")
        # A cram changes no schedule: the grades say no wait, the footer has them.
        text = await shown(pilot)
        assert "How well did you recall it? 1 Again · 2 Hard · 3 Good · 4 Easy" in text
        assert "1234 Grade" in text.splitlines()[-1]
        await pilot.press("1")
        text = await shown(pilot)
        assert "Last card: Again; it comes back at the end." in text
        assert "Cards 9 · Left 9 · Again 1" in text
        seen = [missed]
        for _ in range(9):
            seen.append(current_card(app))
            await pilot.press("space", "3")
        assert seen == [*order, missed]

        text = await shown(pilot)
        assert "Cram done: 9 cards." in text
        assert "First time round: Again 1 · Hard 0 · Good 8 · Easy 0." in text
        assert "Cards came back after Again 1 time." in text
        assert "Missed first time (1):" in text
        assert f"✗ {screen.cram.cards[0].front}" in text
        assert "Your study schedule was not changed." in text
        footer = text.splitlines()[-1]
        for key in ("r Cram again", "m Cram the missed", "t Other cards", "esc Back"):
            assert key in footer

        # Cram only the card missed, then the same again.
        await pilot.press("m")
        await pilot.pause()
        assert [card.id for card in screen.cram.cards] == [missed]
        await pilot.press("space", "4")
        assert "Cram done: 1 card." in await shown(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert [card.id for card in screen.cram.cards] == [missed]

    assert database_rows(db_path) == before


async def test_cramming_one_tag(store: ScoreStore, db_path: Path, tmp_path: Path) -> None:
    bank = study_bank(tmp_path / "banks")
    before = database_rows(db_path)
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        screen = CramScreen(bank)
        await app.push_screen(screen)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert screen.cram is not None
        assert sorted(card.id for card in screen.cram.cards) == [
            "event:coup",
            "event:delivery",
            "event:soviet",
        ]
        text = await shown(pilot)
        assert "Study views — Cram · dates" in text
        assert "Cards 3 · Left 3" in text
        assert "WHEN  When did this happen?" in text
        await pilot.press("2")  # grades wait for the answer
        assert screen.cram.remaining == 3
        for _ in range(3):
            await pilot.press("space", "2")
        text = await shown(pilot)
        assert "Cram done: 3 cards." in text
        assert "First time round: Again 0 · Hard 3 · Good 0 · Easy 0." in text
        assert "Missed first time" not in text
        assert screen.check_action("missed", ()) is None

        # Back to the choice, with the tag crammed last highlighted.
        await pilot.press("t")
        text = await shown(pilot)
        assert "Which cards?" in text
        await pilot.press("enter")
        await pilot.pause()
        assert screen.cram is not None and screen.tag == "dates"
        assert len(screen.cram.cards) == 3
    assert database_rows(db_path) == before


async def test_a_cram_card_opens_its_excerpt_in_the_source(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        screen = CramScreen(bank)
        await app.push_screen(screen)
        await pilot.press("down", "down", "enter")  # dates
        await pilot.pause()
        while current_card(app) != "event:coup":
            await pilot.press("space", "3")
        await pilot.press("space", "c")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ContextReaderScreen)
        assert reader.excerpt == "a 2016 coup attempt"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and current_card(app) == "event:coup"
