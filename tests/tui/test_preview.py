"""``quizapp preview``: a bank file shown as students see it and reloaded on save."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from quizapp.banks import load_bank, load_bank_text
from quizapp.model import Bank
from quizapp.store import ScoreStore
from quizapp.tui.preview_app import PreviewApp, create_preview_app
from quizapp.tui.screens.bank_preview import PreviewScreen
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.widgets.choice_list import ChoiceList
from quizapp.tui.widgets.hanging_lines import HangingLines
from quizapp.usecases.watched_bank import QuestionChanges, compare_questions, file_stamp
from tests.tui.helpers import BANKS, EVERY_TYPE, SIZE, shown
from tests.tui.teacher_helpers import teacher_settings

BANK = """\
format = 1

[bank]
id = "capitals"
title = "European capitals"
generate = false

[[questions]]
id = "france"
type = "choice"
prompt = "What is the capital of France?"
choices = ["Paris", "Lyon", "Marseille"]
answer = "Paris"
explanation = "Paris has been the capital since 987."
source = "Paris, the capital of France"

[[questions]]
id = "spain"
type = "text"
prompt = "What is the capital of Spain?"
answer = "Madrid"
accept = ["Madrid, Spain"]
explanation = "Madrid."

[[questions]]
id = "italy"
type = "number"
prompt = "In what year did Rome become the capital of Italy?"
answer = 1871
tolerance = 1
explanation = "In 1871, after the capture of Rome."
source = "Rome became the capital in 1871"
"""

OPEN_QUESTION = """
[[questions]]
id = "discuss"
type = "open"
prompt = "Why does the purchase matter to the alliance?"
model_answer = "The purchase strains the alliance."
key_points = ["the S-400 purchase", "[red]the F-35 programme"]
explanation = "Both are in the editorial."
"""

#: Every test polls the file this often, in seconds.
POLL = 0.02


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "capitals.toml"
    path.write_text(BANK, encoding="utf-8")
    return path


def make_preview(path: Path, store: ScoreStore, *, stats_player: str | None = None) -> PreviewApp:
    settings = teacher_settings(store.path.parent)
    return create_preview_app(path, store, settings, stats_player=stats_player, poll_seconds=POLL)


def preview_screen(app: PreviewApp) -> PreviewScreen:
    screen = app.screen
    assert isinstance(screen, PreviewScreen)
    return screen


async def save(pilot: Pilot[None], path: Path, text: str) -> None:
    """Write ``text`` to the previewed file as an editor would, and wait
    until the preview has loaded it."""
    app = pilot.app
    assert isinstance(app, PreviewApp)
    screen = preview_screen(app)
    before, stamp = screen.reloads, file_stamp(path)
    path.write_text(text, encoding="utf-8")
    assert file_stamp(path) != stamp, "each test edit must change the file's size"
    for _ in range(500):
        await pilot.pause(POLL)
        if screen.reloads > before:
            break
    else:
        raise AssertionError("the preview did not reload the saved file")
    await pilot.pause()


def text_of(app: PreviewApp, selector: str) -> list[str]:
    """The lines of a Static's text, unwrapped and whether scrolled into view or not."""
    return str(preview_screen(app).query_one(selector, Static).content).splitlines()


def problems(app: PreviewApp) -> list[str]:
    """The lines of the problems panel."""
    return text_of(app, "#preview-problem-list")


def choices(app: PreviewApp) -> tuple[str, ...]:
    """The choices of the choice question on screen, in the order shown."""
    return preview_screen(app).query_one("#answer", ChoiceList).choices


def list_rows(app: PreviewApp) -> list[str]:
    options = preview_screen(app).query_one("#preview-questions", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.fixture
def notes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """(title, message) of every notification the preview shows."""
    shown_notes: list[tuple[str, str]] = []
    original = PreviewApp.notify

    def notify(self: PreviewApp, message: str, *, title: str = "", **kwargs: object) -> None:
        shown_notes.append((title, message))
        original(self, message, title=title, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PreviewApp, "notify", notify)
    yield shown_notes


# ---------------------------------------------------------------- showing


async def test_shows_each_question_as_a_quiz_does_without_recording(
    bank_file: Path, store: ScoreStore
) -> None:
    app = make_preview(bank_file, store)
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.title == "European capitals"
        assert app.screen.sub_title == f"preview · {bank_file}"
        # "!": the bank has warnings about the question (no source here).
        assert list_rows(app) == ["    1 france", " !  2 spain", "    3 italy"]
        assert await shown(pilot, "#preview-status") == "Question 1 of 3 · choice · line 8"
        assert await shown(pilot, "#question") == "What is the capital of France?"
        # Choices shuffled as in a quiz, the same way on every load.
        assert choices(app) == ("Marseille", "Paris", "Lyon")
        assert not preview_screen(app).query_one("#preview-problems").display

        await pilot.press("2")
        assert await shown(pilot, "#preview-verdict") == (
            "✓ Correct 1 / 1 points Your answer: Paris"
        )
        # The answer, explanation and source show after answering, as in feedback.
        assert await shown(pilot, "#preview-details") == (
            "Answer: Paris Paris has been the capital since 987. From the source "
            "“Paris, the capital of France” "
            "id france · choice · difficulty 1 · 1 point · line 8"
        )
        await pilot.press("pagedown")
        assert text_of(app, "#preview-status") == [
            "Question 2 of 3 · text · line 17",
            f"{bank_file}:17:1: warning: question 'spain' has no source "
            "(the excerpt that proves the answer)",
        ]
        await pilot.press(*"Madird", "enter")
        assert await shown(pilot, "#preview-verdict") == (
            "✓ Correct 1 / 1 points Accepted 'Madird' as Madrid (a near miss: mind the spelling)"
        )
        assert text_of(app, "#preview-details")[:4] == [
            "Answer: Madrid",
            "Also accepted: Madrid, Spain",
            "Typed answers compared in lenient mode",
            "",
        ]
    assert store.attempts(player="teacher") == []


async def test_navigation_reveal_and_try_again(bank_file: Path, store: ScoreStore) -> None:
    app = make_preview(bank_file, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = preview_screen(app)
        await pilot.press("ctrl+b")  # already at the first question
        assert screen.index == 0
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # stops at the last
        assert await shown(pilot, "#preview-status") == "Question 3 of 3 · number · line 25"
        assert screen.query_one("#preview-questions", OptionList).highlighted == 2

        assert not screen.query_one("#preview-details").display
        await pilot.press("ctrl+l")
        assert await shown(pilot, "#preview-details") == (
            "Answer: 1871 Within ± 1 In 1871, after the capture of Rome. From the source "
            "“Rome became the capital in 1871” "
            "id italy · number · difficulty 1 · 1 point · line 25"
        )
        await pilot.press("ctrl+l")
        assert not screen.query_one("#preview-details").display

        await pilot.press(*"1869", "enter")
        assert (await shown(pilot, "#preview-verdict")).startswith("✗ Wrong 0 / 1 points")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not screen.query_one("#preview-verdict").display
        await pilot.press(*"1870", "enter")  # within the tolerance
        assert (await shown(pilot, "#preview-verdict")).startswith("✓ Correct")

        # The list shows a question when highlighted; enter moves to its answer.
        await pilot.press("shift+tab", "shift+tab")  # past the question area
        assert screen.query_one("#preview-questions", OptionList).has_focus
        await pilot.press("up")
        assert (await shown(pilot, "#preview-status")).startswith(
            "Question 2 of 3 · text · line 17"
        )
        assert screen.query_one("#preview-questions", OptionList).has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "typed-input"


async def test_every_question_type_and_generated_questions(
    tmp_path: Path, store: ScoreStore
) -> None:
    path = tmp_path / "every_type.toml"
    shutil.copy(BANKS / "every_type.toml", path)
    text = path.read_text(encoding="utf-8").replace("generate = false", "generate = true")
    text = text.replace(
        '["Vladimir Putin", "Russian president"],\n]',
        '["Vladimir Putin", "Russian president"],\n]\ndistractors = ["Turkish [b]president"]',
    )
    text += OPEN_QUESTION
    text += (
        '\n[[actors]]\nid = "putin"\nname = "Vladimir Putin"\nkind = "person"\n'
        'role = "Russian president"\n\n[[actors]]\nid = "erdogan"\n'
        'name = "Recep Tayyip Erdogan"\nkind = "person"\nrole = "Turkish president"\n\n'
        '[[quotes]]\nid = "winner-quote"\n'
        'text = "Clearly a winner in all this is Putin"\nspeaker = "putin"\n'
    )
    path.write_text(text, encoding="utf-8")
    app = make_preview(path, store)
    async with app.run_test(size=SIZE) as pilot:
        rows = list_rows(app)
        assert [row.split()[-1] for row in rows] == [
            *EVERY_TYPE,
            "discuss",
            "quote:winner-quote:speaker",
            "quote:winner-quote:cloze",
            "actors:roles:1",
        ]
        # "!" marks the questions the bank has warnings about (no source here).
        assert rows[1] == " !  2 neighbours"
        screen = preview_screen(app)
        for number in range(2, len(rows) + 1):
            await pilot.press("pagedown")
            await pilot.pause()
            if number == 8:
                # A match question's distractors are offered with the right items.
                assert "Turkish [b]president" in await shown(pilot, "#answer")
                await pilot.press("ctrl+l")
                assert "Distractors (match nothing): Turkish [b]president" in await shown(
                    pilot, "#preview-details"
                )
            elif number == 10:
                # An open question: nothing to grade; its model answer a key away.
                assert text_of(app, "#preview-status")[0] == "Question 10 of 13 · open · line 100"
                assert not screen.query("#answer")
                assert "ctrl+l shows them" in await shown(pilot, "#preview-open-note")
                await pilot.press("ctrl+l")
                assert (await shown(pilot, "#preview-details")).startswith(
                    "Model answer: The purchase strains the alliance. Key points: "
                    "• the S-400 purchase • [red]the F-35 programme"
                )
            else:
                assert screen.query_one("#answer") is not None
        assert await shown(pilot, "#preview-status") == "Question 13 of 13 · match · generated"
        await pilot.press("ctrl+l")
        details = await shown(pilot, "#preview-details")
        assert details.endswith(
            "id actors:roles:1 · match · tags: actors · difficulty 2 · 1 point · "
            "generated from erdogan, putin"
        )

        await pilot.press("ctrl+b", "ctrl+b", "ctrl+b", "ctrl+b", "ctrl+b", "ctrl+b")
        await pilot.press("ctrl+b", "ctrl+b", "ctrl+b", "ctrl+b", "ctrl+b")
        assert text_of(app, "#preview-status") == [
            "Question 2 of 13 · multi · line 25",
            f"{path}:25:1: warning: question 'neighbours' has no source "
            "(the excerpt that proves the answer)",
        ]


# ---------------------------------------------------------------- reloading


async def test_a_save_shows_the_changed_question_on_the_same_question(
    bank_file: Path, store: ScoreStore, notes: list[tuple[str, str]]
) -> None:
    app = make_preview(bank_file, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = preview_screen(app)
        await pilot.press("pagedown")  # spain
        await pilot.press("ctrl+l")
        # A question added above it, and its prompt reworded (with text that
        # would be markup if it were not shown literally).
        text = BANK.replace(
            '[[questions]]\nid = "spain"',
            '[[questions]]\nid = "portugal"\ntype = "text"\nprompt = "Capital of Portugal?"\n'
            'answer = "Lisbon"\nexplanation = "Lisbon."\nsource = "Lisbon"\n\n'
            '[[questions]]\nid = "spain"',
        ).replace(
            "What is the capital of Spain?",
            "Which city is [b]Spain's[/b] capital? [@click=app.quit]x[/]",
        )
        await save(pilot, bank_file, text)

        assert screen.reloads == 1
        assert list_rows(app) == [
            "    1 france",
            "●   2 portugal",
            "●!  3 spain",
            "    4 italy",
        ]
        assert (await shown(pilot, "#preview-status")).startswith(
            "Question 3 of 4 · text · line 25"
        )
        assert await shown(pilot, "#question") == (
            "Which city is [b]Spain's[/b] capital? [@click=app.quit]x[/]"
        )
        assert await shown(pilot, "#preview-changed") == "● Changed in the last save"
        # The answer stays shown while the question is being edited.
        assert (await shown(pilot, "#preview-details")).startswith("Answer: Madrid")
        assert notes[-1] == (
            "Reloaded",
            "Question 'spain' changed; question 'portugal' added.",
        )

        # Editing another question keeps this one (now unchanged) on screen.
        await save(pilot, bank_file, text.replace("Paris has been", "Paris is"))
        assert (await shown(pilot, "#preview-status")).startswith(
            "Question 3 of 4 · text · line 25"
        )
        assert not screen.query_one("#preview-changed").display
        assert list_rows(app)[0] == "●   1 france"
        assert notes[-1] == ("Reloaded", "Question 'france' changed.")
    assert app.return_code is None


async def test_a_removed_question_leaves_the_position_where_it_was(
    bank_file: Path, store: ScoreStore, notes: list[tuple[str, str]]
) -> None:
    app = make_preview(bank_file, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("pagedown")
        start = BANK.index('[[questions]]\nid = "spain"')
        end = BANK.index('[[questions]]\nid = "italy"')
        await save(pilot, bank_file, BANK[:start] + BANK[end:])
        assert await shown(pilot, "#preview-status") == "Question 2 of 2 · number · line 17"
        assert notes[-1] == ("Reloaded", "Question 'spain' removed.")
        # A save that changes nothing about the questions says so.
        await save(pilot, bank_file, "# a comment\n" + BANK[:start] + BANK[end:])
        assert notes[-1] == ("Reloaded", "No question changed.")
        assert await shown(pilot, "#preview-status") == "Question 2 of 2 · number · line 18"


async def test_a_broken_save_shows_its_errors_over_the_last_version(
    bank_file: Path, store: ScoreStore, notes: list[tuple[str, str]]
) -> None:
    app = make_preview(bank_file, store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = preview_screen(app)
        # Answered before the save: the answer stays on screen after it.
        await pilot.press("2")
        broken = BANK.replace('answer = "Paris"', 'anwser = "Paris"').replace(
            "tolerance = 1", 'tolerance = "[red]one"'
        )
        await save(pilot, bank_file, broken)
        assert screen.query_one("#preview-problems").display
        assert problems(app) == [
            "✗ The saved file has 3 errors (and 1 warning); the last version that loaded "
            "is shown below.",
            f"{bank_file}:8:1: missing required key 'answer'",
            f"{bank_file}:13:1: unknown key 'anwser' in a choice question -- did you mean "
            "'answer'?",
            f"{bank_file}:30:1: 'tolerance' must be a number, found string",
        ]
        # The last good version stays, still answerable, laid out as in a
        # quiz: a narrow list; the prompt, the choices and the verdict together.
        assert await shown(pilot, "#preview-status") == "Question 1 of 3 · choice · line 8"
        assert (await shown(pilot, "#preview-verdict")).startswith("✓ Correct")
        assert_compact_layout(screen, choices=3)
        await pilot.press("ctrl+t", "2")
        assert (await shown(pilot, "#preview-verdict")).startswith("✓ Correct")
        assert_compact_layout(screen, choices=3)
        footer = (await shown(pilot)).splitlines()[-1]
        assert "^q Quit" in footer and "? Help" in footer
        assert notes[-1] == ("Not reloaded", "The saved file has 3 errors.")
        # At 60x20 too; the list narrows and the question area scrolls.
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert screen.query_one("#preview-questions").outer_size.width == 16
        assert_compact_layout(screen, choices=3)
        await pilot.resize_terminal(80, 24)

        await save(pilot, bank_file, BANK.replace("Lyon", "Nice"))
        assert not screen.query_one("#preview-problems").display
        assert choices(app) == ("Marseille", "Paris", "Nice")
        assert notes[-1] == ("Reloaded", "Question 'france' changed.")


def assert_compact_layout(screen: PreviewScreen, *, choices: int) -> None:
    """The question list is narrow; the answer is right under the prompt
    and shows every choice; the verdict is right under the answer."""
    assert screen.query_one("#preview-questions").outer_size.width <= 22
    prompt = screen.query_one("#question").region
    answer = screen.query_one("#answer").region
    verdict = screen.query_one("#preview-verdict").region
    assert answer.height == choices + 2  # its border and one line per choice
    assert 0 <= answer.y - prompt.bottom <= 1
    assert 0 <= verdict.y - answer.bottom <= 1


async def test_a_file_broken_from_the_start_shows_its_errors_until_fixed(
    bank_file: Path, store: ScoreStore, notes: list[tuple[str, str]]
) -> None:
    bank_file.write_text(BANK.replace('title = "European capitals"\n', ""), encoding="utf-8")
    app = make_preview(bank_file, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = preview_screen(app)
        assert app.screen.title == "capitals.toml"
        assert problems(app) == [
            "✗ The saved file has 1 error (and 1 warning). Fix the file and save it: "
            "the preview reloads.",
            f"{bank_file}:3:1: missing required key 'title'",
        ]
        assert await shown(pilot, "#preview-status") == "No question to show yet."
        assert list_rows(app) == []
        await pilot.press("pagedown", "ctrl+l", "ctrl+o")  # nothing to do yet
        assert screen.index == 0 and app.screen is screen

        await save(pilot, bank_file, BANK)
        assert app.screen.title == "European capitals"
        assert not screen.query_one("#preview-problems").display
        assert await shown(pilot, "#preview-status") == "Question 1 of 3 · choice · line 8"
        # Nothing to compare with: no question is marked as changed.
        assert list_rows(app)[0] == "    1 france"
        assert notes[-1] == ("Reloaded", "The bank loads: 3 questions.")


async def test_warnings_about_the_whole_bank_show_on_top(
    bank_file: Path, store: ScoreStore
) -> None:
    text = BANK.replace(
        "generate = false\n",
        'generate = false\n\n[bank.source]\ntitle = "An atlas"\nfile = "atlas.txt"\n',
    )
    bank_file.write_text(text, encoding="utf-8")
    app = make_preview(bank_file, store)
    async with app.run_test(size=SIZE) as pilot:
        panel = preview_screen(app).query_one("#preview-problems")
        assert panel.display and not panel.has_class("-errors")
        assert problems(app) == [
            f"{bank_file}:10:1: warning: source file 'atlas.txt' not found "
            f"(looked for {bank_file.parent / 'atlas.txt'})"
        ]
        (bank_file.parent / "atlas.txt").write_text("Paris, the capital of France", "utf-8")
        await save(pilot, bank_file, text + "\n")
        assert not panel.display


async def test_a_deleted_file_is_reported_and_picked_up_again(
    bank_file: Path, store: ScoreStore
) -> None:
    app = make_preview(bank_file, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = preview_screen(app)
        bank_file.unlink()
        for _ in range(500):
            await pilot.pause(POLL)
            if screen.reloads:
                break
        assert problems(app) == [
            "✗ The saved file has 1 error; the last version that loaded is shown below.",
            f"{bank_file}:1:1: no such file",
        ]
        await save(pilot, bank_file, BANK)
        assert not screen.query_one("#preview-problems").display


async def test_statistics_of_the_previewed_bank(bank_file: Path, store: ScoreStore) -> None:
    attempt = store.start_attempt("ann", "capitals", "European capitals", ["france"], {})
    store.record_answer(attempt, "france", given="Lyon", score=0, max_score=1, seconds=8)
    app = make_preview(bank_file, store, stats_player="ann")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert screen.player == "ann"
        assert await shown(pilot, "#stats-summary") == "1 try by ann on 1 question"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)


async def test_the_palette_and_help_of_the_preview(bank_file: Path, store: ScoreStore) -> None:
    app = make_preview(bank_file, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = preview_screen(app)
        await palette(pilot, "next question")
        assert screen.index == 1
        await palette(pilot, "show answer")
        assert screen.query_one("#preview-details").display
        await palette(pilot, "statistics")
        assert isinstance(app.screen, StatsScreen)
        # The preview's own commands are not offered over the statistics.
        await pilot.press("ctrl+p", *"question")
        await pilot.pause(0.3)
        assert "Show the bank's next question" not in await shown(pilot)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is screen

        await pilot.press("f1")
        await pilot.pause()
        help_rows = {
            (keys.plain.strip(), description.plain)
            for widget in app.screen.query(HangingLines)
            for keys, description in widget.lines
        }
        for row in [
            ("^n / pgdn", "The next question of the bank"),
            ("^b / pgup", "The previous question of the bank"),
            ("^l", "Show or hide the answer, the explanation and the source"),
            ("^t", "Clear your answer and answer the question again"),
            ("^o", "How students did on each question of the bank"),
            ("^r", "Load the file again now (it reloads by itself when saved)"),
            ("↑ ↓ in the list", "Show another question; ⏎ to answer it"),
            (
                "1–5",
                "Sort by column 1–5 (question, tries, facility, average time, wrong answer); "
                "the same key again reverses",
            ),
            (
                "i",
                "Statistics: how everyone did on each question of the bank (for teachers)",
            ),
        ]:
            assert row in help_rows, row


async def palette(pilot: Pilot[None], command: str) -> None:
    """Run a command of the palette by typing its name, as a user would."""
    await pilot.press("ctrl+p", *command)
    for _ in range(100):  # the palette searches in the background
        if command.capitalize() in await shown(pilot):
            break
        await pilot.pause(0.05)
    await pilot.press("enter")
    await pilot.pause()


# ---------------------------------------------------------------- changes


def test_compare_questions_ignores_lines_moved_by_other_edits() -> None:
    old = load_bank(BANKS / "every_type.toml")
    assert isinstance(old, Bank)
    text = (BANKS / "every_type.toml").read_text(encoding="utf-8")
    moved = text.replace("# One question", "\n\n# One question").replace(
        'answer = "Soner Cagaptay"', 'answer = "Soner Çağaptay"'
    )
    new = load_bank_text_for(moved)
    changes = compare_questions(old.questions, new.questions)
    assert changes == QuestionChanges(changed=("analyst",))
    assert changes.marked == frozenset({"analyst"})
    assert changes.summary() == "question 'analyst' changed"
    assert not compare_questions(old.questions, old.questions)


def test_changes_summary_names_at_most_three_questions() -> None:
    changes = QuestionChanges(changed=("a", "b", "c", "d", "e"), added=("f",), removed=("g", "h"))
    assert changes.summary() == (
        "5 questions changed: 'a', 'b', 'c' and 2 more; question 'f' added; "
        "2 questions removed: 'g', 'h'"
    )
    assert QuestionChanges().summary() == "no question changed"


def test_file_stamp(tmp_path: Path) -> None:
    path = tmp_path / "bank.toml"
    assert file_stamp(path) is None
    path.write_text("a", encoding="utf-8")
    first = file_stamp(path)
    assert first is not None and first.size == 1
    path.write_text("ab", encoding="utf-8")
    assert file_stamp(path) != first


def load_bank_text_for(text: str) -> Bank:
    bank = load_bank_text(text, "every_type.toml")
    assert isinstance(bank, Bank)
    return bank


async def test_at_80_columns_every_question_keeps_help_and_quit_in_the_footer(
    tmp_path: Path, store: ScoreStore
) -> None:
    path = tmp_path / "every_type.toml"
    shutil.copy(BANKS / "every_type.toml", path)
    app = make_preview(path, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(pilot)
        screen = preview_screen(app)
        assert screen.shown is not None
        seen: set[str] = set()
        for _ in range(len(screen.shown.questions)):
            footer = (await shown(pilot)).splitlines()[-1]
            question = screen.question
            assert question is not None
            seen.add(type(question).__name__)
            # With a typing field in focus, ? types and f1 is help.
            assert "^q Quit" in footer and " Help" in footer, (question.id, footer)
            await pilot.press("pagedown")
        assert len(seen) >= 8
