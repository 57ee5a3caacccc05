"""Study mode: due cards first, then new ones, each self-grade stored with its schedule."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import fsrs
from textual.widgets import TextArea

from quizapp.model import Bank
from quizapp.store import ScoreStore
from quizapp.study import NEW_PER_DAY_SETTING, StudyDeck
from quizapp.tui.app import QuizApp
from quizapp.tui.dialogs.study_limit import NewPerDayDialog
from quizapp.tui.screens.context_reader import ContextReaderScreen
from quizapp.tui.screens.study import StudyScreen
from quizapp.tui.widgets.study_card import StudyCardView
from tests.tui.helpers import FIXED_NOW, SECONDS_PER_READ, SIZE, make_app, shown
from tests.tui.study_helpers import hostile_bank, study_bank, write_bank

LEARNING_STEP = fsrs.Scheduler().learning_steps[1]
RELEARNING_STEP = fsrs.Scheduler().relearning_steps[0]


def clock(*moments: dt.datetime) -> Callable[[], dt.datetime]:
    """A clock that gives ``moments`` in turn, then the last one for ever."""
    remaining = list(moments)

    def now() -> dt.datetime:
        return remaining.pop(0) if len(remaining) > 1 else remaining[0]

    return now


def study_earlier(store: ScoreStore, bank: Bank, card_id: str, days_ago: int) -> None:
    """Learn a card ``days_ago`` days ago (Good twice, ten minutes apart), so that
    it is a review card due again by now."""
    start = FIXED_NOW - dt.timedelta(days=days_ago)
    deck = StudyDeck(bank, store, "tester", now=clock(start, start + dt.timedelta(minutes=11)))
    deck.grade(card_id, 3)
    deck.grade(card_id, 3)


async def open_study(app: QuizApp, bank: Bank) -> StudyScreen:
    screen = StudyScreen(bank)
    await app.push_screen(screen)
    return screen


def front(app: QuizApp) -> str:
    view = app.screen.query_one(StudyCardView)
    assert view.card is not None
    return view.card.id


async def test_due_cards_come_first_then_new_ones_and_every_grade_is_stored(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks")
    study_earlier(store, bank, "event:coup", days_ago=30)
    study_earlier(store, bank, "actor:wilson", days_ago=20)
    before = len(store.reviews("tester", bank.id))
    store.set_setting(NEW_PER_DAY_SETTING, "2")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await open_study(app, bank)
        text = await shown(pilot)
        assert "Study views — Study" in text
        assert "Due 2 · New 2 · Studied 0 · review" in text
        # The most overdue card first, face up; grading needs the answer shown first.
        assert front(app) == "event:coup"
        assert "WHEN  When did this happen?" in text
        assert "A coup attempt in Turkey" in text
        assert "2016" not in text.split("A coup attempt in Turkey")[1]
        assert "Think of the answer, then press space to see it." in text
        await pilot.press("3")
        assert len(store.reviews("tester", bank.id)) == before

        await pilot.press("space")
        text = await shown(pilot)
        assert "2016" in text
        assert "From the source" in text
        assert "“a 2016 coup attempt”" in text
        # Each grade says when it brings the card back (FSRS, before its fuzz).
        assert (
            "How well did you recall it? 1 Again 10m · 2 Hard 23d · 3 Good 1mo · 4 Easy 2mo" in text
        )
        footer = text.splitlines()[-1]
        assert "1234 Grade" in footer and "c In context" in footer
        await pilot.press("4")
        text = await shown(pilot)
        coup = store.card_states("tester", bank.id)["event:coup"]
        assert coup.due > FIXED_NOW + dt.timedelta(days=1)
        assert "Last card: Easy; it comes back in " in text and " days." in text

        assert front(app) == "actor:wilson"
        assert "Due 1 · New 2 · Studied 1 · review" in text
        await pilot.press("space", "1")
        wilson = store.card_states("tester", bank.id)["actor:wilson"]
        assert wilson.due == FIXED_NOW + RELEARNING_STEP
        assert coup.due > wilson.due  # Again comes back sooner than Easy

        # Then the new cards, in bank order, up to the daily limit.
        assert front(app) == "actor:putin"
        text = await shown(pilot)
        assert "Due 0 · New 2 · Studied 2 · new card" in text
        assert "Last card: Again; it comes back in 10 min." in text
        await pilot.press("space", "3")
        assert front(app) == "actor:gulen"
        await pilot.press("space", "3")
        states = store.card_states("tester", bank.id)
        assert states["actor:putin"].due == FIXED_NOW + LEARNING_STEP
        assert states["actor:gulen"].due == FIXED_NOW + LEARNING_STEP
        assert "event:soviet" not in states

        text = await shown(pilot)
        assert "Nothing more to study now. Well done!" in text
        assert (
            "You studied 4 cards in 20 s: Again 1 · Hard 0 · Good 2 · Easy 1. "
            "2 of them were new." in text
        )
        assert "The next card is due today 10:10 (in 10 min)." in text
        assert "5 new cards wait: at most 2 new cards a day. Press n to change that." in text
        footer = text.splitlines()[-1]
        assert "r Look for due cards" in footer and "Show answer" not in footer

    reviews = store.reviews("tester", bank.id)[before:]
    assert [(r.card_id, r.rating, r.reviewed_at, r.cram) for r in reviews] == [
        ("event:coup", 4, FIXED_NOW, False),
        ("actor:wilson", 1, FIXED_NOW, False),
        ("actor:putin", 3, FIXED_NOW, False),
        ("actor:gulen", 3, FIXED_NOW, False),
    ]
    # Each card was on screen for one tick of the test clock.
    seconds = [json.loads(r.log_json)["review_duration"] for r in reviews]
    assert seconds == [SECONDS_PER_READ * 1000] * 4


async def test_the_daily_limit_of_new_cards_is_changed_from_the_study_screen(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks")
    store.set_setting(NEW_PER_DAY_SETTING, "0")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await open_study(app, bank)
        text = await shown(pilot)
        assert "Nothing to study now." in text
        assert "9 new cards wait: at most 0 new cards a day. Press n to change that." in text

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewPerDayDialog)
        await pilot.press("ctrl+a", "ctrl+k", *"abc", "enter")  # letters are not typed
        await pilot.press("enter")
        text = await shown(pilot)
        assert isinstance(app.screen, NewPerDayDialog)
        assert "Type a whole number from 0 to 9999." in text
        await pilot.press(*"1", "enter")
        await pilot.pause()

        assert isinstance(app.screen, StudyScreen)
        assert store.get_setting(NEW_PER_DAY_SETTING) == "1"
        assert front(app) == "actor:putin"
        assert "Due 0 · New 1 · Studied 0 · new card" in await shown(pilot)
        await pilot.press("space", "3")
        assert "8 new cards wait: at most 1 new cards a day." in await shown(pilot)

        await pilot.press("n", "escape")
        await pilot.pause()
        assert store.get_setting(NEW_PER_DAY_SETTING) == "1"


async def test_a_revealed_card_opens_its_excerpt_in_the_source(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, bank)
        assert front(app) == "actor:putin"
        await pilot.press("c")  # not before the answer is shown
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("space")
        assert "Press c to read it in the source." in await shown(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ContextReaderScreen)
        assert app.screen.excerpt == "Clearly a winner in all this is Putin"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one(StudyCardView).revealed


async def test_without_the_source_file_show_in_context_is_disabled(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks", with_source=False)
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, bank)
        await pilot.press("space")
        text = await shown(pilot)
        assert "Russian President (person)" in text
        assert "read it in the source" not in text
        assert screen.check_action("show_context", ()) is False  # not in the footer
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is screen


async def test_hostile_card_text_is_shown_literally(store: ScoreStore, tmp_path: Path) -> None:
    bank = hostile_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await open_study(app, bank)
        await pilot.press("space")
        text = await shown(pilot)
        assert "[b]Hostile[/b] [@click=app.quit]study[/] — Study" in text
        assert "[@click=app.quit]Quitter[/]" in text
        assert "[/ breaks red markup ([b]person[/b])" in text
        assert "[link=https://example.invalid]link[/link] $title" in text
        await pilot.click("#card-front")
        await pilot.press("3", "space")
        text = await shown(pilot)
        assert "[@click=app.quit]now[/]" in text
        assert "[i]note[/i]" in text
        assert " cleared [/" in text and "\x1b" not in text
        await pilot.press("3", "space")
        text = await shown(pilot)
        assert "“[@click=app.quit]quoted[/] [/”" in text
        assert "[b]context[/b]" in text and "]0;title" not in text
        await pilot.press("3", "space")
        text = await shown(pilot)
        assert "Type [/ or [@click=app.quit]x[/]" in text
        assert "[b]x[/b]" in text
        assert "“[/source]”" in text
        await pilot.click("#card-explanation")
        await pilot.press("3")
        assert "Nothing more to study now." in await shown(pilot)
        assert app.is_running
    assert [r.card_id for r in store.reviews("tester", bank.id)] == [
        "actor:markup",
        "event:escape",
        "quote:quote",
        "q:q",
    ]


OPEN_BANK = """\
format = 1
[bank]
id = "open-study"
title = "Open questions"
[[questions]]
id = "why"
type = "open"
prompt = "Why does the S-400 sale matter to the alliance?"
model_answer = "It divides the alliance, which is what Putin wants."
key_points = ["the divide between Ankara and Washington", "Putin's goal"]
explanation = "The editorial's main claim."
"""


async def test_an_open_question_is_studied_with_its_model_answer_and_points(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = write_bank(tmp_path / "banks", OPEN_BANK)
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await open_study(app, bank)
        text = await shown(pilot)
        assert "QUESTION  Answer the question." in text
        assert "Why does the S-400 sale matter to the alliance?" in text
        assert "Putin wants" not in text
        # Answered as in a quiz: written (space and digits are text here)...
        await pilot.press(*"it splits 2 allies")
        assert app.screen.query_one("#open-text", TextArea).text == "it splits 2 allies"
        assert store.reviews("tester", bank.id) == []
        # ... then the model answer and its points, and a grade of one's own.
        await pilot.press("enter")
        text = await shown(pilot)
        assert "It divides the alliance, which is what Putin wants." in text
        assert "A good answer covers" in text
        assert "the divide between Ankara and Washington" in text
        assert "Putin's goal" in text
        assert "How much of it did your answer cover?" in text
        assert "Again" not in text  # the flashcard's grades are not offered
        await pilot.press("2")  # some of it
        text = await shown(pilot)
        assert "Last card: Hard" in text
        assert "Nothing more to study now." in text
    (review,) = store.reviews("tester", bank.id)
    # Some of it is Hard (all is Good, none is Again).
    assert (review.card_id, review.rating) == ("q:why", 2)
