"""A whole quiz from Home to Results with every question type, then retry-missed."""

from __future__ import annotations

from quizapp.store import ScoreStore
from quizapp.tui.screens.feedback import FeedbackScreen
from quizapp.tui.screens.history import HistoryScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.results import ResultsScreen
from tests.tui.answering import (
    choose,
    pair_up,
    put_in_order,
    select_all,
    type_answer,
)
from tests.tui.helpers import (
    EVERY_TYPE,
    SIZE,
    flat,
    load,
    make_app,
    open_new_quiz,
    open_quiz_at,
    shown,
)

ROLES = [
    ("Ross Wilson", "former U.S. ambassador to Turkey"),
    ("Soner Cagaptay", "director of the Turkish Research Program"),
    ("Vladimir Putin", "Russian president"),
]


async def test_every_question_type_from_home_to_results(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert "Every question type" in await shown(pilot)
        await open_new_quiz(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert store.attempts() == []  # the quiz is stored with its first answer
        assert app.screen.quiz.session.question_ids == EVERY_TYPE

        # choice: a number key; the answer is stored before the feedback shows.
        text = await shown(pilot)
        assert flat(text.splitlines()[0]) == "⭘ Every question type"  # the header
        assert await shown(pilot, "#quiz-status") == "Question 1 of 9 · score 0 / 0"
        assert "Which system did Turkey buy from Russia?" in text
        assert text.splitlines()[-1].startswith(" 1–9 Choose  ^s Skip  esc Leave  ^q Quit  ? Help")
        await choose(pilot, "S-400")
        assert isinstance(app.screen, FeedbackScreen)
        (attempt,) = store.attempts(player="tester")
        assert [(row.question_id, row.score) for row in store.answers(attempt.id)] == [
            ("system", 1.0)
        ]
        text = await shown(pilot)
        assert "✓ Correct  1 / 1 points" in text
        assert "The editorial is about the S-400 air defence system." in text
        assert "“Turkey's purchase of the Russian S-400 system”" in text
        assert await shown(pilot, "#quiz-status") == "Question 1 of 9 · score 1 / 1"
        await pilot.press("enter")
        await pilot.pause()

        # multi: two right picks and one wrong of four right answers -> 1/4.
        assert "Which of these countries border Turkey?" in await shown(pilot)
        await select_all(pilot, ["Iraq", "Syria", "Spain"])
        text = await shown(pilot)
        assert "◐ Partly correct: 0.25 / 1 points" in text
        assert "Your answer: Iraq; Syria; Spain" in text
        assert "Why: 2 of the 4 right choices picked, and 1 wrong one" in text
        assert "Correct answer: Iraq; Syria; Iran; Greece" in text
        await pilot.press("enter")
        await pilot.pause()

        # true_false with t.
        await pilot.press("t")
        await pilot.pause()
        assert "✓ Correct" in await shown(pilot)
        await pilot.press("space")
        await pilot.pause()

        # text: a typo accepted as a near miss.
        assert "Which analyst directs the Turkish Research Program?" in await shown(pilot)
        await type_answer(pilot, "Cagaptai")
        text = await shown(pilot)
        assert "✓ Correct" in text
        assert "Accepted 'Cagaptai' as Soner Cagaptay (a near miss: mind the spelling)" in text
        await pilot.press("enter")
        await pilot.pause()

        # number: wrong.
        await type_answer(pilot, "2015")
        text = await shown(pilot)
        assert "✗ Wrong  0 / 1 points" in text
        assert "Your answer: 2015" in text
        assert "Correct answer: 2016" in text
        await pilot.press("enter")
        await pilot.pause()

        # cloze: enter moves to the next gap, then submits; the footer says which.
        text = await shown(pilot)
        assert "Clearly a [1]_____ in all this is [2]_____" in text
        assert text.splitlines()[-1].startswith(" ⏎ Next gap  ^s Skip")
        await type_answer(pilot, "winner")
        assert (await shown(pilot)).splitlines()[-1].startswith(" ⏎ Submit  ^s Skip")
        await type_answer(pilot, "Putin")
        text = await shown(pilot)
        assert "✓ Correct" in text
        assert "✓ gap 1: winner" in text and "✓ gap 2: Putin" in text
        await pilot.press("enter")
        await pilot.pause()

        # order: move items with shift+up and u.
        await put_in_order(pilot, ["Soviet times", "the 1950s", "2016"])
        assert "✓ Correct" in await shown(pilot)
        await pilot.press("enter")
        await pilot.pause()

        # match: letters, and a click for the last pair.
        assert "Match each person to their role." in await shown(pilot)
        await pair_up(pilot, ROLES, click_last=True)
        text = await shown(pilot)
        assert "✓ Correct" in text
        assert text.count("✓ ") >= 1 + len(ROLES)  # the verdict and a mark per pair
        await pilot.press("enter")
        await pilot.pause()

        # the last question has a quote; skip it.
        text = await shown(pilot)
        assert "“a NATO ally”" in text
        assert await shown(pilot, "#quiz-status") == "Question 9 of 9 · score 6.25 / 8"
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = await shown(pilot)
        assert "→ Skipped" in text
        assert "Correct answer: NATO" in text
        assert "Press Enter to see your results." in text
        # The attempt is finished with the last answer, before Results show.
        finished = store.attempt(attempt.id)
        assert finished is not None and finished.finished
        await pilot.press("enter")
        await pilot.pause()

        assert isinstance(app.screen, ResultsScreen)
        text = await shown(pilot)
        assert "6.25 / 9 points  69%" in text
        assert "9 questions · 6 right · 1 partly right · 1 wrong · 1 skipped" in text
        assert "Time answering: 45 s (the time reading feedback is not counted)" in text
        assert "Missed questions (3)" in text
        tag_rows = {
            str(row[0]): [str(cell) for cell in row[1:]]
            for row in (
                app.screen.query_one("#tag-table").get_row_at(i)  # type: ignore[attr-defined]
                for i in range(4)
            )
        }
        assert tag_rows == {
            "actors": ["2 / 2", "100%", "2"],
            "context": ["1.25 / 3", "42%", "3"],
            "dates": ["2 / 3", "67%", "3"],
            "quotes": ["1 / 1", "100%", "1"],
        }
        missed = flat(text)
        assert (
            "Which of these countries border Turkey? Correct answer: Iraq; Syria; Iran; Greece "
            "You: Iraq; Syria; Spain (0.25 / 1)" in missed
        )
        assert "In what year was the coup attempt? Correct answer: 2016 You: 2015 (0 / 1)" in missed
        assert (
            "→ Which alliance is Turkey a member of? “a NATO ally” Correct answer: NATO "
            "You: skipped (0 / 1)" in missed
        )

    (attempt,) = store.attempts(player="tester")
    rows = {row.question_id: row for row in store.answers(attempt.id)}
    assert len(rows) == 9
    assert rows["analyst"].given == "Cagaptai" and rows["analyst"].near_miss
    assert rows["analyst"].score == 1.0
    assert rows["neighbours"].given == "Iraq; Syria; Spain" and rows["neighbours"].score == 0.25
    assert rows["coup-year"].given == "2015" and rows["coup-year"].score == 0.0
    assert rows["winner"].given == "winner; Putin" and rows["winner"].score == 1.0
    assert rows["timeline"].given == "Soviet times → the 1950s → 2016"
    assert rows["skipped"].skipped and rows["skipped"].given == ""
    assert all(row.seconds == 5.0 for row in rows.values())
    (summary,) = store.attempts(player="tester")
    assert summary.finished and summary.score == 6.25 and summary.max_score == 9.0


async def test_retry_missed_asks_only_the_missed_questions(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_quiz(pilot, count=3)
        # The first right, the other two skipped: two are missed.
        await choose(pilot, "S-400")
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(2):
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "1 / 3 points  33%" in await shown(pilot)
        # h means History here as on Home; Esc comes back to the results.
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)

        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        text = await shown(pilot)
        assert "Question 1 of 2" in text
        assert "Every question type — Retry of missed questions" in text
        assert "Which of these countries border Turkey?" in text
        await select_all(pilot, ["Iraq", "Syria", "Iran", "Greece"])
        assert "✓ Correct" in await shown(pilot)
        await pilot.press("enter")
        await pilot.pause()
        # Leave the retry after one answer and check Home.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = await shown(pilot)
        assert "best 33% · last 33%" in text
        assert "unfinished quiz: 1 of 2 answered" in text

    first, retry = store.attempts(player="tester")
    assert first.finished and not retry.finished
    assert first.question_ids == ("system", "neighbours", "delivery")
    assert retry.question_ids == ("neighbours", "delivery")
    assert [row.question_id for row in store.answers(retry.id)] == ["neighbours"]


async def test_at_60_columns_every_question_keeps_help_and_quit_in_the_footer(
    store: ScoreStore,
) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_quiz_at(pilot, *EVERY_TYPE)
        for question_id in EVERY_TYPE:
            footer = (await shown(pilot)).splitlines()[-1]
            # With a typing field in focus, ? types and f1 is help. (The keys
            # are packed closer, and ^p left out if need be, to make room.)
            assert "^q Quit" in footer and " Help" in footer, (question_id, footer)
            await pilot.press("ctrl+s", "enter")  # skip it, then on from its feedback
        footer = (await shown(pilot)).splitlines()[-1]
        assert isinstance(app.screen, ResultsScreen)
        assert "^q Quit" in footer and "? Help" in footer
