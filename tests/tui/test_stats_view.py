"""The teacher's statistics view: per-question tries, facility, time, wrong answers."""

from __future__ import annotations

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Select, Static

from quizapp.item_stats import ItemRow
from quizapp.store import QuestionStats, ScoreStore
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.stats import StatsScreen, sort_rows
from tests.tui.helpers import SIZE, load, make_app, palette_lists, shown

BANK_ID = "tui-every-type"

#: (player, question id, given, score, seconds); an empty answer is a skip.
ANSWERS = [
    ("ann", "system", "F-35", 0.0, 20.0),
    ("ann", "coup-year", "2016", 1.0, 6.0),
    ("ann", "analyst", "[/bold]Gulen", 0.0, 30.0),
    ("bob", "system", "S-400", 1.0, 10.0),
    ("bob", "coup-year", "2015", 0.0, 9.0),
    ("bob", "analyst", "", 0.0, 60.0),
    ("cy", "system", "F-35", 0.0, 12.0),
    ("cy", "coup-year", "2016", 1.0, 3.0),
    ("cy", "analyst", "Cagaptay", 1.0, 18.0),
]


def record(store: ScoreStore) -> None:
    """Three students' answers on the every-type bank, one attempt each."""
    for player in ("ann", "bob", "cy"):
        given = [a for a in ANSWERS if a[0] == player]
        attempt = store.start_attempt(
            player, BANK_ID, "Every question type", [a[1] for a in given], {}
        )
        for _, question_id, text, score, seconds in given:
            store.record_answer(
                attempt,
                question_id,
                given=text,
                score=score,
                max_score=1.0,
                seconds=seconds,
                skipped=text == "",
            )
        store.finish_attempt(attempt)


def cells(app: QuizApp) -> list[list[str]]:
    table = app.screen.query_one("#stats-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def headers(app: QuizApp) -> list[str]:
    table = app.screen.query_one("#stats-table", DataTable)
    return [str(column.label) for column in table.ordered_columns]


def detail(app: QuizApp) -> list[str]:
    return str(app.screen.query_one("#stats-detail", Static).content).splitlines()


async def open_stats(pilot: Pilot[None], player: str | None = None) -> StatsScreen:
    app = pilot.app
    assert isinstance(app, QuizApp)
    bank = app.banks_by_id[BANK_ID]
    await app.push_screen(StatsScreen(bank, player=player))
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, StatsScreen)
    return screen


# Untried hand-written questions come last, in bank order.
UNTRIED = [
    ["Which of these countries border Turkey?", "0", "–", "–", "–"],
    ["Russia began delivering the S-400 on July 1…", "0", "–", "–", "–"],
    ["Complete the quote.", "0", "–", "–", "–"],
    ["Put these in order, oldest first.", "0", "–", "–", "–"],
    ["Match each person to their role.", "0", "–", "–", "–"],
    ["Which alliance is Turkey a member of? “a NA…", "0", "–", "–", "–"],
]
SYSTEM = ["Which system did Turkey buy from Russia?", "3", "33%", "14 s", "F-35"]
ANALYST = ["Which analyst directs the Turkish Research…", "3", "33%", "36 s", "[/bold]Gulen"]
COUP = ["In what year was the coup attempt?", "3", "67%", "6 s", "2015"]


async def test_everyone_hardest_first_with_the_whole_row_below(store: ScoreStore) -> None:
    record(store)
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await open_stats(pilot)
        assert app.screen.title == "Every question type"
        assert await shown(pilot, "#stats-summary") == "9 tries by everyone on 3 questions"
        assert headers(app) == [
            "Question",
            "Tries",
            "Facility ▲",
            "Avg time",
            "Most chosen wrong answer",
        ]
        # Lowest facility first; ties: more tries, then by id. Bank text stays literal.
        assert cells(app) == [ANALYST, SYSTEM, COUP, *UNTRIED]
        assert detail(app) == [
            "Which analyst directs the Turkish Research Program?",
            "id analyst · 3 tries: 1 correct, 1 skipped · average 36 s",
            "Most chosen wrong answer: [/bold]Gulen",
        ]
        await pilot.press("down")
        assert detail(app)[1] == "id system · 3 tries: 1 correct · average 14 s"
        await pilot.press("ctrl+end")
        assert detail(app) == [
            "Which alliance is Turkey a member of? “a NATO ally”",
            "id skipped · nobody has tried it yet",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StatsScreen)


async def test_prompts_are_cut_to_the_terminals_width(store: ScoreStore) -> None:
    record(store)
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stats(pilot)
        assert [row[0] for row in cells(app)[:3]] == [
            "Which analyst directs t…",
            "Which system did Turkey…",
            "In what year was the co…",
        ]
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert cells(app)[0][0] == "Which analyst directs the Turkish Research Program?"


async def test_sorting_by_keys_and_column_titles(store: ScoreStore) -> None:
    record(store)
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await open_stats(pilot)
        await pilot.press("down")  # keep the system question highlighted through sorts
        await pilot.press("4")  # average time, longest first
        assert headers(app)[3] == "Avg time ▼"
        assert cells(app)[:3] == [ANALYST, SYSTEM, COUP]
        await pilot.press("4")  # again: reversed
        assert headers(app)[3] == "Avg time ▲"
        assert cells(app) == [COUP, SYSTEM, ANALYST, *UNTRIED]
        assert detail(app)[1].startswith("id system")

        await pilot.press("1")  # by prompt, A to Z
        assert [row[0] for row in cells(app)[:3]] == [COUP[0], ANALYST[0], SYSTEM[0]]
        await pilot.press("5")  # by wrong answer
        assert [row[4] for row in cells(app)[:3]] == ["2015", "[/bold]Gulen", "F-35"]
        await pilot.press("3")  # facility, lowest first: the starting order
        assert cells(app)[:3] == [ANALYST, SYSTEM, COUP]

        # A click on a column title sorts by it.
        table = app.screen.query_one("#stats-table", DataTable)
        tries_x = table.ordered_columns[0].get_render_width(table) + 1
        await pilot.click("#stats-table", offset=(tries_x, 0))
        await pilot.pause()
        assert headers(app)[1] == "Tries ▼"


async def test_one_players_answers(store: ScoreStore) -> None:
    record(store)
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stats(pilot)
        select = screen.query_one("#stats-player", Select)
        await pilot.press("p")
        await pilot.pause()
        assert select.expanded
        overlay = select.query_one(OptionList)
        assert [str(option.prompt) for option in overlay.options] == [
            "Everyone",
            "ann",
            "bob",
            "cy",
        ]
        await pilot.press("down", "down", "enter")  # bob
        await pilot.pause()
        assert screen.player == "bob"
        assert await shown(pilot, "#stats-summary") == "3 tries by bob on 3 questions"
        # Facility ties go to the question with more tries, then by id.
        assert cells(app)[:3] == [
            ["Which analyst directs the Turkish Research…", "1", "0%", "1 min 00 s", "–"],
            ["In what year was the coup attempt?", "1", "0%", "9 s", "2015"],
            ["Which system did Turkey buy from Russia?", "1", "100%", "10 s", "–"],
        ]


async def test_a_player_without_answers_and_an_empty_store(store: ScoreStore) -> None:
    app = make_app(load("every_type.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stats(pilot, player="dee")
        assert screen.query_one("#stats-player", Select).value == "dee"
        assert await shown(pilot, "#stats-summary") == (
            "No answers recorded by dee for this bank yet."
        )
        assert cells(app)[0] == ["Which system did Turkey buy from Russia?", "0", "–", "–", "–"]
        assert len(cells(app)) == 9

        await pilot.press("p")
        await pilot.pause()
        await pilot.press("up", "enter")  # Everyone
        await pilot.pause()
        assert screen.player is None
        assert await shown(pilot, "#stats-summary") == "No answers recorded for this bank yet."


async def test_cells_are_never_markup(store: ScoreStore) -> None:
    app = make_app(load("hostile.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        bank = next(iter(app.banks_by_id.values()))
        attempt = store.start_attempt("ann", bank.id, bank.title, [bank.questions[0].id], {})
        store.record_answer(
            attempt,
            bank.questions[0].id,
            given="[@click=app.quit]x[/]",
            score=0.0,
            max_score=1.0,
            seconds=4.0,
        )
        await app.push_screen(StatsScreen(bank))
        await pilot.pause()
        table = app.screen.query_one("#stats-table", DataTable)
        first = table.get_row_at(0)
        assert all(isinstance(cell, Text) for cell in first)
        assert str(first[4]) == "[@click=app.quit]x[/]"
        await pilot.click("#stats-table", offset=(60, 1))
        await pilot.pause()
        assert app.is_running


async def test_opened_from_home_and_from_the_palette(store: ScoreStore) -> None:
    record(store)
    app = make_app(load("every_type.toml", "broken.toml"), store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert screen.bank is app.banks_by_id[BANK_ID] and screen.player is None
        assert cells(app)[0] == ANALYST
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.home

        # A bank that could not be loaded has no statistics.
        await pilot.press("down", "i")
        await pilot.pause()
        assert app.screen is app.home
        await pilot.press("up")

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"statistics")
        assert "how everyone did on each question" in await palette_lists(
            pilot, "how everyone did on each question"
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        assert app.screen.bank is app.banks_by_id[BANK_ID]


def test_sort_rows_keeps_untried_questions_last() -> None:
    def stats(question_id: str, tries: int, correct: int, seconds: float) -> QuestionStats:
        return QuestionStats(
            bank_id="b",
            question_id=question_id,
            tries=tries,
            correct=correct,
            last_correct=False,
            avg_seconds=seconds,
        )

    rows = [
        ItemRow("a", "Alpha", stats("a", 2, 1, 5.0)),
        ItemRow("b", "beta", stats("b", 4, 1, 9.0)),
        ItemRow("c", "Gamma", None),
    ]
    ids = [row.question_id for row in sort_rows(rows, "tries")]
    assert ids == ["b", "a", "c"]
    assert [row.question_id for row in sort_rows(rows, "tries", reverse=True)] == ["a", "b", "c"]
    assert [row.question_id for row in sort_rows(rows, "question")] == ["a", "b", "c"]
    assert [row.question_id for row in sort_rows(rows, "facility")] == ["b", "a", "c"]
