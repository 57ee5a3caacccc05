"""The review of a drafted bank: ``quizapp draft ARTICLE --review``, and
"New bank from an article…" on Home."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from quizapp.banks import load_bank
from quizapp.cli import main
from quizapp.model import Bank
from quizapp.store import ScoreStore
from quizapp.tui.dialogs.confirm import ConfirmDialog
from quizapp.tui.dialogs.draft_fix import DateDialog, NewBankDialog, RoleDialog, SpeakerDialog
from quizapp.tui.preview_app import PreviewApp, create_draft_review_app
from quizapp.tui.screens.bank_preview import PreviewScreen
from quizapp.tui.screens.draft_review import DraftReviewScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.usecases.draft_review import draft_request
from tests.tui.helpers import load, make_app, settle, shown
from tests.tui.teacher_helpers import REVIEW_ARTICLE, teacher_settings

SMALL = (80, 24)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    shutil.copy(REVIEW_ARTICLE, path)
    return path


def review_app(article: Path, store: ScoreStore) -> PreviewApp:
    settings = teacher_settings(store.path.parent)
    return create_draft_review_app(draft_request(str(article)), store, settings)


def rows(screen: DraftReviewScreen) -> list[str]:
    items = screen.query_one("#review-items", OptionList)
    return [str(items.get_option_at_index(i).prompt) for i in range(items.option_count)]


def marked(screen: DraftReviewScreen) -> list[str]:
    """The words of the article shown in reverse: the item's own."""
    content = screen.query_one("#review-excerpt", Static).content
    return [content.plain[s.start : s.end] for s in content.spans if "reverse" in str(s.style)]


async def highlight(pilot: Pilot[None], screen: DraftReviewScreen, label: str) -> None:
    """Highlight the item labelled ``label``, as a click on its row would."""
    (index,) = [i for i, row in enumerate(rows(screen)) if row[3:] == label]
    screen.query_one("#review-items", OptionList).highlighted = index
    await pilot.pause()


def text(screen: Screen[object], selector: str) -> str:
    """The text of a Static, its lines joined by spaces (wrapped or not)."""
    return " ".join(str(screen.query_one(selector, Static).content).split())


async def test_a_teacher_reviews_a_small_article_and_saves_it(
    article: Path, store: ScoreStore
) -> None:
    app = review_app(article, store)
    bank = article.with_suffix(".toml")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DraftReviewScreen)
        assert rows(screen) == [
            "Actors · 3",
            "✓  Anna Berg",
            "✓  Tom Hale",
            "✓! Harbour Trust",
            "Events · 3",
            "✓  March 3, 2021",
            "✓  2024",
            "✓! June 5",
            "Quotes · 3",
            "✓  “We will finish it by 2024” Anna Berg",
            "✓  “It is a waste of money” Tom Hale",
            "✓  “Nobody asked the fishermen” Tom Hale",
        ]
        assert text(screen, "#review-status").startswith("9 of 9 kept · ! 2 to check (u)")
        # The first item to check is highlighted, with its excerpt in the article.
        assert text(screen, "#review-item") == (
            "Actor · kept · id harbour-trust Name: Harbour Trust Kind: institution "
            "Role: met to discuss the plan Named: once "
            "! role drafted from what it does in the article: rewrite it"
        )
        assert marked(screen) == ["Harbour Trust"]

        # Fix the role: the item is checked, its "!" goes.
        await pilot.press("e")
        assert isinstance(app.screen, RoleDialog)
        await pilot.press(*"board", "enter")
        await pilot.pause()
        assert rows(screen)[3] == "✓  Harbour Trust"
        assert "Role: board Named: once" in text(screen, "#review-item")
        # The next one to check: an event without a year. Fix its date.
        await pilot.press("u")
        assert marked(screen) == ["June 5"]
        await pilot.press("e")
        assert isinstance(app.screen, DateDialog)
        app.screen.query_one("#fix-date", Input).value = "June 5"
        await pilot.press("enter")
        await pilot.pause()
        assert text(app.screen, "#fix-error") == (
            "type a date as 2016-07-12 or a year as 2016, not 'June 5'"
        )
        app.screen.query_one("#fix-date", Input).value = "2021-06-05"
        # The box shows its state by a mark, not by colour alone.
        assert "▐X▌ Approximate" in await shown(pilot, "#fix-approximate")
        await pilot.press("tab", "space")  # no longer approximate
        await pilot.pause()
        assert "▐ ▌ Approximate" in await shown(pilot, "#fix-approximate")
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
        assert "Date: 2021-06-05 What:" in text(screen, "#review-item")
        # Leave out a date and a speaker: his quotes then have none.
        await highlight(pilot, screen, "2024")
        await pilot.press("x")
        await highlight(pilot, screen, "Tom Hale")
        await pilot.press("x")
        await pilot.pause()
        assert rows(screen)[2] == "✗  Tom Hale"
        assert rows(screen)[6] == "✗  2024"
        assert rows(screen)[10:] == [
            "✓! “It is a waste of money” Tom Hale",
            "✓! “Nobody asked the fishermen” Tom Hale",
        ]
        # Saving now asks first; "no" writes nothing.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert text(app.screen, ".dialog-body").startswith("2 kept quotes have no speaker.")
        await pilot.press("n")
        await pilot.pause()
        assert not bank.exists()
        # Give one quote to Anna Berg, keep Tom Hale after all, and save.
        await highlight(pilot, screen, "“Nobody asked the fishermen” Tom Hale")
        # Article text is shown as written, never as markup.
        assert "The plan [/] costs [@click=app.quit]more[/b] than planned." in text(
            screen, "#review-excerpt"
        )
        await pilot.press("e")
        assert isinstance(app.screen, SpeakerDialog)
        await pilot.press("enter")  # the first kept actor: Anna Berg
        await pilot.pause()
        assert rows(screen)[11] == "✓  “Nobody asked the fishermen” Anna Berg"
        await highlight(pilot, screen, "Tom Hale")
        await pilot.press("a", "ctrl+s")
        await settle(pilot)
        await pilot.pause()

        # The bank is written and opens in the preview.
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        assert preview.title == "Harbour vote splits the council"
        assert "esc Back" in await shown(pilot)
        saved = load_bank(bank)
        assert isinstance(saved, Bank)
        assert [actor.role for actor in saved.actors] == [
            "Mayor",
            "leader of the opposition",
            "board",
        ]
        assert [(event.id, event.approximate) for event in saved.events] == [
            ("march-3-2021", False),
            ("june-5", False),
        ]
        assert [quote.speaker for quote in saved.quotes] == ["berg", "hale", "berg"]
        written = bank.read_text(encoding="utf-8")
        assert "# UNSURE" not in written  # every place was checked

        # Back in the review, a second save asks before overwriting the bank.
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert f"saved as {bank}" in str(screen.query_one("#review-status", Static).content)
        await highlight(pilot, screen, "March 3, 2021")
        await pilot.press("x", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert text(app.screen, ".dialog-body") == (
            f"{bank} already exists. Write the bank over it?"
        )
        await pilot.press("n")
        await pilot.pause()
        assert bank.read_text(encoding="utf-8") == written
        # At 60x20 the list narrows; the item and the article still show.
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert screen.query_one("#review-items").outer_size.width == 24
        assert screen.query_one("#review-article").region.height >= 5
    assert main(["check", str(bank), "--source", str(article)]) == 0


async def test_home_asks_for_an_article_and_opens_its_review(
    article: Path, store: ScoreStore
) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewBankDialog)
        dialog.query_one("#article", Input).value = str(article.with_name("missing.txt"))
        await pilot.press("enter")
        await pilot.pause()
        error = str(dialog.query_one("#fix-error", Static).content)
        assert error == f"{article.with_name('missing.txt')}: no such file"
        dialog.query_one("#article", Input).value = str(article)
        dialog.query_one("#output", Input).value = str(article.with_name("mine.toml"))
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DraftReviewScreen)
        assert screen.request.output == article.with_name("mine.toml")
        assert len(rows(screen)) == 12
        status = str(screen.query_one("#review-status", Static).content)
        assert status.endswith(f"ctrl+s writes {article.with_name('mine.toml')}")
        # Nothing changed yet: Esc goes straight back to Home.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        # A change is not lost without asking.
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, NewBankDialog)
        app.screen.query_one("#article", Input).value = str(article)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not article.with_suffix(".toml").exists()
