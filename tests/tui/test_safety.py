"""Bank text is untrusted: markup, actions, escape sequences and control
characters are shown literally and harm nothing, through a whole quiz."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Select

from quizapp.banks import load_bank
from quizapp.model import Bank
from quizapp.store import ScoreStore
from quizapp.tui.dialogs.bank_errors import BankErrorsDialog
from quizapp.tui.dialogs.confirm import ConfirmDialog
from quizapp.tui.dialogs.quiz_options import QuizOptionsDialog
from quizapp.tui.dialogs.review_mistakes import ReviewMistakesDialog
from quizapp.tui.screens.bank_preview import accepted_lines
from quizapp.tui.screens.feedback import FeedbackScreen
from quizapp.tui.screens.history import HistoryScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.text import one_line, plain_text, shorten
from tests.tui.answering import answer_widget, pair_up, put_in_order, select_all, type_answer
from tests.tui.helpers import SIZE, flat, load, make_app, open_new_quiz, settle, shown

TITLE = "[b]Hostile[/b] [@click=app.quit]bank[/] red"
CLICK_QUIT = "[@click=app.quit]x[/]"


def test_plain_text_removes_escape_sequences_and_shows_control_characters() -> None:
    assert plain_text("\x1b[31mred\x1b[0m") == "red"
    assert plain_text("a\x1b[2Jb") == "ab"
    assert plain_text("osc \x1b]0;title\x07 end") == "osc  end"
    assert plain_text("osc \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\") == "osc link"
    assert plain_text("c1 \x9b31m csi") == "c1  csi"
    assert plain_text("bell\x07 bs\x08 vt\x0b ff\x0c nul\x00 del\x7f") == (
        "bell␇ bs␈ vt␋ ff␌ nul␀ del␡"
    )
    assert plain_text("\u202egnirts\u202c") == "\ufffdgnirts\ufffd"
    assert plain_text("one\r\ntwo\rthree\tfour") == "one\ntwo\nthree    four"
    assert plain_text("[b]kept[/b] [/ [@click=app.quit]x[/]") == (
        "[b]kept[/b] [/ [@click=app.quit]x[/]"
    )
    assert plain_text("Erdoğan\u200d ok") == "Erdoğan\u200d ok"


def test_one_line_and_shorten() -> None:
    assert one_line("a\n  b\x07\tc") == "a b␇ c"
    assert shorten("a long question prompt", 10) == "a long qu…"
    assert shorten("short", 10) == "short"


async def test_a_hostile_bank_goes_through_a_whole_quiz(store: ScoreStore) -> None:
    results = load("hostile.toml")
    (bank,) = results
    assert isinstance(bank, Bank)
    app = make_app(results, store)
    async with app.run_test(size=SIZE) as pilot:
        assert "[b]Hostile[/b] [@click=app.quit]bank[/] red" in await shown(pilot, "#banks")
        detail = await shown(pilot, "#bank-detail")
        assert "[/ unbalanced [link=https://example.invalid]link[/link] $title ${x}" in detail
        assert "Source: [@click=app.bell]source[/]" in detail
        assert "Tags: control 6 · [red]tag[/red] 2" in detail

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuizOptionsDialog)
        tag_select = app.screen.query_one("#tag", Select)
        tag_select.value = "[red]tag[/red]"
        await pilot.pause()
        assert "[red]tag[/red] (2)" in await shown(pilot, "#tag")
        assert "2 questions match;" in await shown(pilot, "#match-count")
        tag_select.value = ""
        await pilot.press("escape")
        await pilot.pause()
        await open_new_quiz(pilot)
        assert isinstance(app.screen, QuizScreen)

        # choice: the quote, the prompt and every choice literal; clicking the
        # choice that looks like a quit action answers the question instead.
        assert flat((await shown(pilot)).splitlines()[0]) == f"⭘ {TITLE}"  # the header
        assert await shown(pilot, "#quiz-status") == "Question 1 of 8 · score 0 / 0"
        assert await shown(pilot, "#question") == flat(  # █ is the quote's bar
            "█ “[i]quoted[/i]  cleared?” Pick [b]bold[/b] or [/ or [@click=app.quit]x[/]"
        )
        options = app.screen.query_one("#answer OptionList", OptionList)
        listed = await shown(pilot, "#answer OptionList")
        for choice in (CLICK_QUIT, "[b]bold[/b]", "[/", "red"):
            assert choice in listed
        choices = answer_widget(pilot).choices  # type: ignore[attr-defined]
        await pilot.click(options, offset=(6, 1 + choices.index(CLICK_QUIT)))
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, FeedbackScreen)
        feedback = await shown(pilot, "#feedback")
        assert f"Your answer: {CLICK_QUIT}" in feedback
        assert "Correct answer: [/" in feedback
        assert "Explained with [@click=app.quit]a link[/] and ␇ a bell." in feedback
        assert "“Source with [/ and an OSC sequence.”" in feedback
        await pilot.press("enter")
        await pilot.pause()

        # multi
        assert "Select all that [apply]" in await shown(pilot, "#question")
        listed = await shown(pilot, "#answer OptionList")
        for choice in ("[b]one[/b]", CLICK_QUIT.replace("x", "two"), "three␈␈␈", "[/four"):
            assert choice in listed
        await select_all(pilot, ["[b]one[/b]", "[/four"])
        feedback = await shown(pilot, "#feedback")
        assert "✓ Correct" in feedback
        assert "$prompt and ${choices}" in feedback
        await pilot.press("enter")
        await pilot.pause()

        # true_false with control characters
        assert await shown(pilot, "#question") == flat(
            "Control characters: bell␇ backspace␈ vt␋ ff␌ cr del␡ c1 end"
        )
        await pilot.press("f")
        await pilot.pause()
        assert "\ufffdReversed? No: shown as a symbol." in await shown(pilot, "#feedback")
        await pilot.press("enter")
        await pilot.pause()

        # text with a very long word: folded, never a crash; "[/" typed is right
        question = next(q for q in bank.questions if q.id == "long-text")
        assert (await shown(pilot, "#question")).replace(" ", "") == question.prompt.replace(
            " ", ""
        )
        await type_answer(pilot, "[/")
        feedback = await shown(pilot, "#feedback")
        assert "✓ Correct" in feedback and "[/]" in feedback
        await pilot.press("enter")
        await pilot.pause()

        # number with a hostile unit
        assert "How many [b]brackets[/b]?" in await shown(pilot, "#question")
        assert "[@click=app.quit]units[/]" in await shown(pilot, "#answer")
        await type_answer(pilot, "2")
        assert "✓ Correct" in await shown(pilot, "#feedback")
        await pilot.press("enter")
        await pilot.pause()

        # cloze: the passage around the gaps is literal
        assert "Fill [b][1]_____[/b] the [@click=app.quit][2]_____[/] please" in await shown(
            pilot, "#answer .cloze-passage"
        )
        await type_answer(pilot, "in", "gap")
        assert "✓ Correct" in await shown(pilot, "#feedback")
        await pilot.press("enter")
        await pilot.pause()

        # order
        listed = await shown(pilot, "#answer OptionList")
        for item in ("[first]", "[/second]", "third"):
            assert item in listed
        await put_in_order(pilot, ["[first]", "[/second]", "\x1b[31mthird"])
        assert "✓ Correct" in await shown(pilot, "#feedback")
        await pilot.press("enter")
        await pilot.pause()

        # match
        assert await shown(pilot, "#match-left") == "[b]left one[/b] → ? left two → ?"
        assert f"{CLICK_QUIT.replace('x', 'right two')}" in await shown(pilot, "#match-right")
        await pair_up(
            pilot,
            [
                ("[b]left one[/b]", "[/right one"),
                ("\x1b[31mleft two", "[@click=app.quit]right two[/]"),
            ],
            click_last=True,
        )
        assert app.is_running
        assert "✓ Correct" in await shown(pilot, "#feedback")
        await pilot.press("enter")
        await pilot.pause()

        assert isinstance(app.screen, ResultsScreen)
        results_text = await shown(pilot, "#results")
        assert "7 / 8 points 88%" in results_text
        assert f"✗ Pick [b]bold[/b] or [/ or {CLICK_QUIT}" in results_text
        assert "[red]tag[/red]" in results_text

        await pilot.press("h")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        listed = await shown(pilot, "#history-banks")  # the title is folded to fit
        assert listed.replace(" ", "") == f"{TITLE}·1quiz".replace(" ", "")
        assert app.is_running

    assert len(store.answers(store.attempts(player="tester")[0].id)) == 8


HOSTILE_PLAYER = "[@click=app.quit]eve[/] [b]x[/b]"
GONE_TITLE = "[b]Gone[/b] [@click=app.quit]bank[/]"


def record_answer(
    store: ScoreStore,
    player: str,
    bank: tuple[str, str],
    question_id: str,
    given: str,
    *,
    finish: bool = True,
) -> None:
    """A one-question quiz on ``bank`` (id, title) answered wrongly, as the
    app stores it; finished unless ``finish`` is False."""
    bank_id, title = bank
    attempt = store.start_attempt(player, bank_id, title, [question_id], {"shuffle": False})
    store.record_answer(
        attempt, question_id, given=given, score=0.0, max_score=1.0, seconds=3.0, tags=()
    )
    if finish:
        store.finish_attempt(attempt)


async def test_player_names_and_stored_bank_titles_are_shown_literally(
    store: ScoreStore,
) -> None:
    # Store content: this player's quiz on a bank no longer loaded, another
    # player's quiz on a loaded one; names, titles and answers are markup.
    record_answer(store, HOSTILE_PLAYER, ("gone", GONE_TITLE), "system", "[/")
    record_answer(store, "[/mallory", ("tui-every-type", "Every type"), "system", CLICK_QUIT)
    app = make_app(load("every_type.toml"), store, player=HOSTILE_PLAYER)
    async with app.run_test(size=SIZE) as pilot:
        assert (await shown(pilot)).splitlines()[0].endswith(f"quizapp — {HOSTILE_PLAYER}")

        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert (await shown(pilot)).splitlines()[0].endswith(f"History — {HOSTILE_PLAYER}")
        listed = await shown(pilot, "#history-banks")  # folded to fit the column
        assert listed.replace(" ", "") == f"{GONE_TITLE}·1quiz".replace(" ", "")
        assert GONE_TITLE in await shown(pilot, "#history-heading")

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        app.screen.query_one("#stats-player", Select).value = "[/mallory"
        await pilot.pause()
        assert "▊ [/mallory ▼ ▎" in await shown(pilot, "#stats-player")
        assert await shown(pilot, "#stats-summary") == "1 try by [/mallory on 1 question"
        assert CLICK_QUIT in await shown(pilot, "#stats-table")

        bank = app.banks_by_id["tui-every-type"]
        await app.push_screen(StatsScreen(bank, player="[b]nobody[/b]\nat all"))
        await pilot.pause()
        assert await shown(pilot, "#stats-summary") == (
            "No answers recorded by [b]nobody[/b] at all for this bank yet."
        )
        assert app.is_running


async def test_dialogs_show_bank_text_and_file_names_literally(
    store: ScoreStore, tmp_path: Path
) -> None:
    broken = tmp_path / "[b]bad[@click=app.quit]x.toml"
    broken.write_text(
        'format = 1\n"[@click=app.quit]key[/]" = 1\n\n[bank]\nid = "bad"\ntitle = "t"\n',
        encoding="utf-8",
    )
    (bank,) = load("hostile.toml")
    assert isinstance(bank, Bank)
    record_answer(store, "tester", (bank.id, bank.title), "markup-choice", "[b]bold[/b]")
    record_answer(store, "tester", (bank.id, bank.title), "markup-multi", "[/", finish=False)
    app = make_app([bank, load_bank(broken)], store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ReviewMistakesDialog)
        dialog = await shown(pilot, ".dialog")
        assert "Review mistakes: [b]Hostile[/b] [@click=app.quit]bank[/] red" in dialog
        assert "1× Pick [b]bold[/b] or [/ or [@click=app.quit]x[/]" in dialog
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "The unfinished quiz on [b]Hostile[/b] [@click=app.quit]bank[/] red" in (
            await shown(pilot, ".dialog")
        )
        await pilot.press("n")
        await pilot.pause()

        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BankErrorsDialog)
        dialog = await shown(pilot, ".dialog")
        assert "[b]bad[@click=app.quit]x.toml: 2 problems" in dialog
        # The problem lines are wrapped to the dialog's width.
        problem = "x.toml:2:1: unknown key '[@click=app.quit]key[/]'"
        assert problem.replace(" ", "") in dialog.replace(" ", "")
        assert app.is_running


def test_a_number_unit_is_shown_literally_with_the_tolerance(tmp_path: Path) -> None:
    path = tmp_path / "unit.toml"
    path.write_text(
        'format = 1\n[bank]\nid = "unit"\ntitle = "Units"\n\n[[questions]]\nid = "n"\n'
        'type = "number"\nprompt = "How far?"\nanswer = 2\ntolerance = 0.5\n'
        'unit = "[@click=app.quit]km[/]\\n[b]"\n',
        encoding="utf-8",
    )
    bank = load_bank(path)
    assert isinstance(bank, Bank)
    (line,) = accepted_lines(bank.questions[0])
    assert line.plain == "Within ± 0.5 [@click=app.quit]km[/] [b]"
