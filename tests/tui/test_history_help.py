"""History (attempts, trend, tags, weakest questions) and Help (every key)."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList, Static

from quizapp.store import ScoreStore
from quizapp.tui.screens.help import HelpScreen
from quizapp.tui.screens.history import HistoryScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.widgets.hanging_lines import HangingLines
from tests.tui.helpers import SIZE, TAGS, load, make_app, open_new_quiz, record_quiz, settle, shown


def cells(table: DataTable[object]) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_history_shows_attempts_trend_tags_and_weakest_questions(
    store: ScoreStore,
) -> None:
    record_quiz(store, {"system": 1.0, "coup-year": 0.0, "analyst": 0.0})
    record_quiz(store, {"system": 1.0, "coup-year": 0.0, "analyst": 1.0})
    # A review of mistakes, with an answer the student graded themself.
    review = store.start_attempt(
        "tester",
        "tui-every-type",
        "Every question type",
        ["coup-year", "analyst"],
        {"kind": "review"},
    )
    for question_id, score in (("coup-year", 1.0), ("analyst", 0.5)):
        store.record_answer(
            review,
            question_id,
            given="",
            score=score,
            max_score=1,
            seconds=10,
            tags=TAGS[question_id],
            self_graded=question_id == "analyst",
        )
    store.finish_attempt(review)
    record_quiz(store, {"system": 0.0}, finish=False)
    record_quiz(store, {"q": 0.5}, bank_id="gone", title="A bank no longer loaded")

    app = make_app(load("every_type.toml"), store)
    # At 80x24 the banks are listed above the details, which fit the width.
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        # Opened on the bank highlighted at Home, though another was played last.
        banks = screen.query_one("#history-banks", OptionList)
        assert banks.highlighted == 1
        assert [str(banks.get_option_at_index(i).prompt) for i in range(2)] == [
            "A bank no longer loaded · 1 quiz",
            "Every question type · 4 quizzes",
        ]
        heading = await shown(pilot, "#history-heading")
        assert heading == "Every question type 3 finished quizzes · best 75% · last 75%"
        # The scores on a fixed scale from 0% to 100%: 33% is a third of the height.
        assert str(screen.query_one("#trend", Static).content).splitlines() == [
            "100% ┤  ▂",
            "     │ ██",
            "  0% ┤███",
        ]
        caption = await shown(pilot, "#trend-caption")
        assert caption == "Your last 3 scores, oldest to newest: 33% 67% 75%"
        started = [
            attempt.started_at.strftime("%Y-%m-%d %H:%M")  # UTC, like FIXED_NOW
            for attempt in store.attempts(player="tester", bank_id="tui-every-type")
        ]
        assert cells(screen.query_one("#attempts", DataTable)) == [
            [started[3], "0 / 1", "0%", "1 of 1 · unfinished", "10 s"],
            [started[2], "1.5 / 2", "75%", "2 of 2 · review", "20 s"],
            [started[1], "2 / 3", "67%", "3 of 3", "30 s"],
            [started[0], "1 / 3", "33%", "3 of 3", "30 s"],
        ]
        text = await shown(pilot)
        assert "Answered             Time" in text  # every column fits 80 columns
        assert "review: a review of your mistakes." in text
        assert started[0].startswith("2025-03-13 10:")
        assert cells(screen.query_one("#tag-accuracy", DataTable)) == [
            ["actors", "▁█▅", "50%", "3"],
            ["context", "██", "100%", "2"],
            ["dates", "▁▁█", "100%", "3"],
        ]
        # A question graded by the student is marked as such.
        assert cells(screen.query_one("#weakest", DataTable)) == [
            ["✎ Which analyst directs the Turkish Research Prog…", "3", "2"],  # cut to fit
            ["In what year was the coup attempt?", "3", "2"],
            ["Which system did Turkey buy from Russia?", "3", "1"],
        ]
        note = str(screen.query_one("#weakest-note", Static).content)
        assert note == "✎ marks a question you graded yourself."

        await pilot.press("up")
        await pilot.pause()
        assert await shown(pilot, "#history-heading") == (
            "A bank no longer loaded 1 finished quiz · best 50% · last 50%"
        )
        assert not screen.query_one("#trend", Static).display
        assert not screen.query_one("#weakest", DataTable).display
        assert "None yet" in str(screen.query_one("#weakest-note", Static).content)

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_history_without_any_quiz(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        text = await shown(pilot)
        assert "No quizzes yet. Start one from Home; your scores will show here." in text
        assert "Attempts, newest first" not in text


def first_line(text: str) -> str:
    """The first line shown under the header (without the scroll bar)."""
    return next(line.strip(" ▁▂▃▄▅▆▇█") for line in text.splitlines()[1:] if line.strip())


async def test_help_lists_every_key_on_every_screen(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        # Help opens at the section of the screen it was opened from.
        text = await shown(pilot)
        assert first_line(text) == "Home"
        assert "quizapp is keyboard-first" not in text
        footer = text.splitlines()[-1]
        assert "Close help" in footer and "Help " not in footer.replace("Close help", "")
        listed = "\n".join(
            f"{marker.plain}{line.plain}"
            for widget in app.screen.query(HangingLines)
            for marker, line in widget.lines
        )
        titles = [str(s.content) for s in app.screen.query(".section-title").results(Static)]
        assert titles == [
            "Everywhere",
            "Home",
            "New quiz options",
            "A bank's errors",
            "Quiz",
            "One answer (choice)",
            "True or false",
            "Select all that apply (multi)",
            "Typed answers (text, number)",
            "Fill in the gaps (cloze)",
            "Put in order (order)",
            "Pair them up (match)",
            "Open questions (open)",
            "Feedback",
            "Results",
            "History",
            "Review mistakes",
            "Unsaved answers",
            "New cards a day",
            "Study (flashcards)",
            "Cram",
            "Who's who",
            "Timeline",
            "Quotes",
            "Brief",
            "Statistics (for teachers)",
            "Show in context",
            "Bank preview (quizapp preview BANK)",
            "Draft review",
            "Yes / no questions",
            "Help",
        ]
        for keys, description in [
            ("? / f1", "Help"),
            ("^q", "Quit"),
            ("s", "Choose options and start a quiz on the current bank"),
            ("r", "Resume the highlighted bank's unfinished quiz"),
            ("^s", "Skip"),
            ("1–9", "Choose an option by its number"),
            ("t", "True"),
            ("space", "Tick or untick the highlighted option"),
            ("shift+↑ / u", "Move up"),
            ("shift+↓ / d", "Move down"),
            ("a–z", "Pair the highlighted left item with the lettered item"),
            ("⌫ / del", "Clear the pair of the highlighted left item"),
            ("1–3", "Grade your answer: you covered all, some or none of it"),
            ("⏎ / space", "Next"),
            ("m", "A new quiz of only the questions missed here"),
            ("t", "Study the current bank's due cards, then new ones"),
            ("m", "A quiz of the questions you got wrong on the current bank"),
            (
                "a",
                "Cram the current bank's cards; your study schedule is left alone",
            ),
            ("w", "Who's who: the bank's actors, with their quotes and events"),
            ("l", "Timeline: the bank's events in order"),
            ("o", "Quotes: every quote with its speaker and context"),
            ("b", "Brief: one page to read before a discussion"),
            ("n", "Change the daily limit of new study cards"),
            (
                "d",
                "Draft a bank from an article: review its actors, dates and quotes, then save it",
            ),
            ("u", "The next item to check"),
            ("c", "Read the answer's excerpt where it stands in the source text"),
            ("m", "A quiz of the questions you got wrong on this bank"),
            ("space / ⏎", "Turn the card over: the answer, the explanation and the source"),
            ("1", "Again: you did not recall it; it comes back within minutes"),
            ("4", "Easy: you recalled it at once"),
            ("1", "Again: you did not recall it; it comes back at the end"),
            ("m", "Cram only the cards graded Again first time round"),
            ("e", "To the excerpt"),
            ("^f", "Search"),
            ("y", "Copy the brief as Markdown (through the terminal: some ignore it)"),
            ("^s", "Save the brief as a Markdown file in your data folder"),
            ("y", "Yes"),
        ]:
            assert f"{keys.ljust(22)}{description}" in listed, (keys, description)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_question_mark_types_in_an_input_and_f1_opens_help(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_quiz(pilot)
        for _ in range(3):  # to the text question
            await pilot.press("ctrl+s", "enter")
            await pilot.pause()
        assert "Which analyst directs" in await shown(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.query_one("#typed-input").value == "?"  # type: ignore[attr-defined]
        footer = (await shown(pilot)).splitlines()[-1]
        assert "f1 Help" in footer
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        # At the keys of the answer being typed; the footer offers no help again.
        text = await shown(pilot)
        assert first_line(text) == "Typed answers (text, number)"
        assert "f1" not in text.splitlines()[-1]
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)


async def test_a_long_help_line_wraps_under_its_text_not_its_key(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=(60, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = (await shown(pilot)).splitlines()
        (at,) = [n for n, line in enumerate(lines) if line.startswith("  d ")]
        text_column = lines[at].index("Draft a bank")
        assert lines[at + 1].startswith(" " * text_column + "review its actors")
