"""Study mode in the app: Home's counts and keys, quiz answers feeding the
schedule, show in context from the feedback, review of mistakes, the palette."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from quizapp.store import ScoreStore
from quizapp.study import NEW_PER_DAY_SETTING
from quizapp.tui.dialogs.review_mistakes import ReviewMistakesDialog
from quizapp.tui.dialogs.study_limit import NewPerDayDialog
from quizapp.tui.screens.brief import BriefScreen
from quizapp.tui.screens.context_reader import HIGHLIGHT, ContextReaderScreen
from quizapp.tui.screens.cram import CramScreen
from quizapp.tui.screens.feedback import FeedbackScreen
from quizapp.tui.screens.history import HistoryScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.quotes import QuotesScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.screens.study import StudyScreen
from quizapp.tui.screens.timeline import TimelineScreen
from quizapp.tui.screens.whos_who import WhosWhoScreen
from tests.tui.answering import choose
from tests.tui.helpers import (
    FIXED_NOW,
    SIZE,
    load,
    make_app,
    open_new_quiz,
    record_quiz,
    settle,
    shown,
)
from tests.tui.study_helpers import study_bank


async def test_home_counts_cards_and_opens_every_study_view(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        text = await shown(pilot)
        assert "not played yet · 0 due · 9 new cards" in text
        detail = await shown(pilot, "#bank-detail")
        assert "Study: 0 due · 9 new cards today · t study · a cram" in detail
        assert "Mistakes: none yet" in detail
        assert (
            "Facts: w who's who (3 actors) · l timeline (3 events) · o quotes (1 quote) · b brief"
            in detail
        )
        footer = text.splitlines()[-1]
        for key in ("s Start quiz", "t Study", "h History", "? Help", "^q Quit"):
            assert key in footer

        for key, screen_class in (
            ("t", StudyScreen),
            ("a", CramScreen),
            ("w", WhosWhoScreen),
            ("l", TimelineScreen),
            ("o", QuotesScreen),
            ("b", BriefScreen),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_class), key
            assert app.screen.bank_in_view is bank
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)

        # Two new cards studied: Home counts them when it is back.
        await pilot.press("t", "space", "3", "space", "3", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "not played yet · 0 due · 7 new cards" in await shown(pilot)
    assert len(store.card_states("tester", bank.id)) == 2


async def test_a_wrong_quiz_answer_makes_its_card_due(store: ScoreStore, tmp_path: Path) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_quiz(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert "Which system did Turkey buy from Russia?" in await shown(pilot)
        await choose(pilot, "F-35")
        assert isinstance(app.screen, FeedbackScreen)
        states = store.card_states("tester", bank.id)
        assert list(states) == ["q:system"]
        assert states["q:system"].due == FIXED_NOW
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f")  # right: "the article mentions Greenland" is false
        await pilot.pause()
        assert list(store.card_states("tester", bank.id)) == ["q:system"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("escape")
        await pilot.pause()

        assert "1 due · 8 new cards" in await shown(pilot)
        await pilot.press("t")
        await pilot.pause()
        text = await shown(pilot)
        assert "Due 1 · New 8 · Studied 0 · review" in text
        assert "Which system did Turkey buy from Russia?" in text
        # Reviewing the card the quiz made due leaves the new cards as they were.
        await pilot.press("space", "3")
        text = await shown(pilot)
        assert "Due 0 · New 8 · Studied 1 · new card" in text


async def test_feedback_shows_the_answer_in_context(store: ScoreStore, tmp_path: Path) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_quiz(pilot)
        await choose(pilot, "S-400")
        feedback = app.screen
        assert isinstance(feedback, FeedbackScreen)
        text = await shown(pilot)
        assert "“its advanced S-400 missile defense system”" in text
        assert "Press c to read it in the source." in text
        assert "c Show in context" in text.splitlines()[-1]
        await pilot.press("c")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ContextReaderScreen)
        (paragraph,) = reader.query(".excerpt").results(Static)
        content = paragraph.content
        assert isinstance(content, Content)
        spans = [span for span in content.spans if span.style == HIGHLIGHT]
        assert [content.plain[span.start : span.end] for span in spans] == [
            "its advanced S-400 missile defense system"
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is feedback
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)


async def test_without_the_source_file_feedback_has_no_context(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks", with_source=False)
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_quiz(pilot)
        await choose(pilot, "S-400")
        feedback = app.screen
        assert isinstance(feedback, FeedbackScreen)
        text = await shown(pilot)
        assert "“its advanced S-400 missile defense system”" in text
        assert "read it in the source" not in text
        assert "Show in context" not in text.splitlines()[-1]
        assert feedback.check_action("show_context", ()) is False
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is feedback


def record_mistakes(store: ScoreStore) -> None:
    """Two quizzes: coup-year missed twice, delivery once (partly right, last),
    analyst missed once then put right; system always right."""
    record_quiz(store, {"system": 1.0, "coup-year": 0.0, "analyst": 0.0})
    record_quiz(store, {"coup-year": 0.0, "analyst": 1.0, "delivery": 0.5})


async def test_review_mistakes_from_home_asks_the_missed_questions(store: ScoreStore) -> None:
    record_mistakes(store)
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        detail = await shown(pilot, "#bank-detail")
        assert "Mistakes: 3 questions you got wrong · m review them" in detail
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ReviewMistakesDialog)
        text = await shown(pilot, ".dialog")
        assert "Review mistakes: Every question type" in text
        assert "You got 3 questions wrong; 2 of them are not put right yet." in text
        # The order chosen shows as a mark, not only as a colour.
        assert "▐●▌ Most recent first" in text and "▐ ▌ Most often first" in text
        # Most recent first: those not put right yet, newest first, then the others.
        assert (
            "1× Russia began delivering the S-400 on July 12. "
            "2× In what year was the coup attempt? "
            "1× Which analyst directs the Turkish Research Program?" in text
        )
        await pilot.click("#often")
        await pilot.pause()
        text = await shown(pilot, ".dialog")
        assert (
            "2× In what year was the coup attempt? "
            "1× Russia began delivering the S-400 on July 12. "
            "1× Which analyst directs" in text
        )
        assert "▐ ▌ Most recent first" in text and "▐●▌ Most often first" in text
        await pilot.click("#review-count")
        await pilot.press("end", "backspace", "2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        text = await shown(pilot)
        assert "In what year was the coup attempt?" in text
        assert "Every question type — Review of mistakes" in text  # the header
        assert app.screen.quiz.session.question_ids == ("coup-year", "delivery")
        await pilot.press("ctrl+s", "enter", "ctrl+s", "enter")
        await pilot.pause()
        assert "Every question type — Results · Review of mistakes" in await shown(pilot)


async def test_review_mistakes_from_history(store: ScoreStore) -> None:
    record_mistakes(store)
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "m Review mistakes" in (await shown(pilot)).splitlines()[-1]
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ReviewMistakesDialog)
        await pilot.press("enter")  # Start, with the defaults
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.quiz.session.question_ids == ("delivery", "coup-year", "analyst")


async def test_no_mistakes_nothing_to_review(store: ScoreStore) -> None:
    record_quiz(store, {"system": 1.0})
    record_quiz(store, {"q": 0.0}, bank_id="gone", title="A bank no longer loaded")
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "No mistakes to review on this bank yet" in await shown(pilot)

        # History of a bank that is no longer loaded cannot be reviewed.
        await pilot.press("h", "up")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert history.bank_in_view is None
        assert history.check_action("review_mistakes", ()) is None


async def test_the_palette_opens_study_and_sets_new_cards_a_day(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"study due", "enter")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen) and study.bank is bank
        assert "Due 0 · New 9" in await shown(pilot)

        await pilot.press("ctrl+p", *"new cards a day", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewPerDayDialog)
        await pilot.press("end", "backspace", "backspace", "5", "enter")
        await pilot.pause()
        assert app.screen is study
        assert store.get_setting(NEW_PER_DAY_SETTING) == "5"
        assert "Due 0 · New 5" in await shown(pilot)

        # From the study screen, the palette's Cram goes back to Home first.
        await pilot.press("ctrl+p", *"cram", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CramScreen)
        assert [type(screen).__name__ for screen in app.screen_stack] == [
            "HomeScreen",
            "CramScreen",
        ]
