"""Every screen legible without colour (NO_COLOR=1) and with the terminal's
own colours (the ANSI theme, ``ansi-dark``, once called ``textual-ansi``):
state is shown by text, marks or style, never by colour alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from quizapp.store import ScoreStore
from quizapp.tui.screens.cram import CramScreen
from quizapp.tui.screens.history import HistoryScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.screens.study import StudyScreen
from tests.tui.helpers import load, make_app, open_quiz_at, record_quiz, settle, shown
from tests.tui.study_helpers import study_bank


def highlight_stands_out(option_list: OptionList) -> bool:
    """Whether the highlighted row differs from the others by more than its
    colour where there is no colour: bold or reverse, or its own background
    in the terminal's colours."""
    highlighted = option_list.get_component_rich_style("option-list--option-highlighted")
    normal = option_list.rich_style
    if option_list.app.no_color:
        return bool(highlighted.reverse)
    return bool(highlighted.bold or highlighted.reverse) or highlighted.bgcolor != normal.bgcolor


@pytest.mark.parametrize("mode", ["NO_COLOR", "ansi-dark"])
async def test_home_study_and_cram_are_legible_without_colour(
    mode: str, store: ScoreStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if mode == "NO_COLOR":
        monkeypatch.setenv("NO_COLOR", "1")
    record_quiz(store, {"system": 0.0}, finish=False)
    study = study_bank(tmp_path / "banks")
    app = make_app([*load("every_type.toml", "broken.toml"), study], store, theme=None)
    if mode != "NO_COLOR":
        app.theme = mode
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.no_color == (mode == "NO_COLOR")
        text = await shown(pilot)
        # A bank that failed, an unfinished quiz and due cards say so in words.
        for words in ("✗ broken.toml could not be loaded", "unfinished quiz", "0 due"):
            assert words in text, words
        assert highlight_stands_out(app.screen.query_one("#banks", OptionList))
        footer = text.splitlines()[-1]
        assert "? Help" in footer and "^q Quit" in footer

        await app.push_screen(StudyScreen(study))
        await pilot.press("space")
        text = await shown(pilot)
        assert "new card" in text  # which kind of card, in words
        hint = await shown(pilot, "#card-hint")
        assert "1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 8d" in hint
        await pilot.press("escape")

        await app.push_screen(CramScreen(study))
        await pilot.pause()
        assert highlight_stands_out(app.screen.query_one("#cram-choice", OptionList))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.parametrize("mode", ["NO_COLOR", "ansi-dark"])
async def test_a_quiz_its_feedback_results_and_history_are_legible_without_colour(
    mode: str, store: ScoreStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    if mode == "NO_COLOR":
        monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(load("every_type.toml"), store, theme=None)
    if mode != "NO_COLOR":
        app.theme = mode
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz_at(pilot, "system", "delivery")
        assert isinstance(app.screen, QuizScreen)
        choices = app.screen.query_one(OptionList)
        assert highlight_stands_out(choices)
        # Verdicts in words and marks, not in green and red.
        prompts = [str(option.prompt) for option in choices.options]
        wrong = next(n for n, prompt in enumerate(prompts, 1) if "F-35" in prompt)
        await pilot.press(str(wrong))
        text = await shown(pilot)
        assert "✗ Wrong" in text and "Correct answer: S-400" in text
        await pilot.press("enter", "t")  # next question; true
        text = await shown(pilot)
        assert "✓ Correct" in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        text = await shown(pilot)
        assert "Missed questions (1)" in text and "✗" in text
        footer = text.splitlines()[-1]
        assert "? Help" in footer and "^q Quit" in footer
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert highlight_stands_out(app.screen.query_one("#history-banks", OptionList))
        text = await shown(pilot)
        assert "1 of 2" in text or "50%" in text
