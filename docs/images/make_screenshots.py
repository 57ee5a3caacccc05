"""Regenerate the TUI screenshots in this folder from the shipped banks
(and, for the draft review, one of the test articles, written for quizapp).

Run from the repository root: ``python docs/images/make_screenshots.py``.
The quiz is seeded and the clocks are fixed, so the pictures only change
when the screens or the shipped banks do.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import tempfile
from pathlib import Path

from textual.pilot import Pilot

from quizapp.banks import discover_banks
from quizapp.model import Bank
from quizapp.store import ScoreStore
from quizapp.tui.app import QuizApp, create_app
from quizapp.tui.preview_app import PreviewApp, create_draft_review_app, create_preview_app
from quizapp.tui.settings import AppSettings
from quizapp.usecases.catalog import overview
from quizapp.usecases.draft_review import draft_request

HERE = Path(__file__).parent
#: Paths shown in the teacher's screens, relative to the repository root.
PREVIEWED = Path("questions/s400-argument.toml")
ARTICLE = Path("tests/data/articles/harbour-bridge.txt")
NOW = dt.datetime(2025, 3, 14, 18, 30, tzinfo=dt.UTC)
SIZE = (100, 30)


class Clock:
    """Moves on by ``step`` each time it is read (seconds, or minutes of wall time)."""

    def __init__(self, step: float) -> None:
        self.value = 0.0
        self.step = step

    def seconds(self) -> float:
        self.value += self.step
        return self.value

    def wall(self) -> dt.datetime:
        self.value += self.step
        return NOW - dt.timedelta(days=2) + dt.timedelta(minutes=self.value)


async def save(pilot: Pilot[None], name: str) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # what the screen reads in workers
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    pilot.app.save_screenshot(f"{name}.svg", path=str(HERE))
    print(f"wrote docs/images/{name}.svg")


async def tour(app: QuizApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        # A first quiz on the quotes bank, mostly skipped, so that Home,
        # Results and History have something to show.
        banks = [r for r in app.results if isinstance(r, Bank)]
        quotes = next(i for i, bank in enumerate(banks) if bank.id.endswith("quotes"))
        await pilot.press(*["down"] * quotes, "enter")
        await pilot.pause()
        # From the Start button back to the number field: eight at random.
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab", "8", "enter")
        await pilot.pause()
        await save(pilot, "tui-quiz")
        await pilot.press("2", "4", "enter")  # a multi question: two of three right
        await pilot.pause()
        await save(pilot, "tui-feedback")
        await pilot.press("enter")
        for _ in range(7):
            await pilot.press("ctrl+s", "enter")
            await pilot.pause()
        await save(pilot, "tui-results")
        await pilot.press("h")
        await pilot.pause()
        await save(pilot, "tui-home")
        await pilot.press("h")
        await pilot.pause()
        await save(pilot, "tui-history")


async def teacher_tour(preview: PreviewApp, review: PreviewApp) -> None:
    """The preview of a bank on an open question, answer shown; the review
    of a drafted article."""
    async with preview.run_test(size=SIZE) as pilot:
        await pilot.press(*["pagedown"] * 26, "ctrl+r")  # the first open question
        await save(pilot, "tui-preview")
    async with review.run_test(size=SIZE) as pilot:
        await save(pilot, "tui-draft-review")


def seed_history(store: ScoreStore, bank: Bank) -> None:
    """Three earlier quizzes on ``bank``, getting better, for History to show."""
    questions = overview(bank).questions
    for attempt_number, right_every in enumerate((3, 2, 1)):
        chosen = random.Random(attempt_number).sample(questions, 8)
        attempt = store.start_attempt(
            "alex", bank.id, bank.title, [q.id for q in chosen], {"seed": attempt_number}
        )
        for index, question in enumerate(chosen):
            right = index % right_every == 0 or question is questions[0]
            store.record_answer(
                attempt,
                question.id,
                given="(earlier answer)",
                score=float(question.points) if right else 0.0,
                max_score=float(question.points),
                seconds=9.0 + index,
                tags=question.tags,
            )
        store.finish_attempt(attempt)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wall = Clock(1.0)
        store = ScoreStore.open(Path(tmp) / "scores.sqlite3", clock=wall.wall)
        ticks = Clock(7.0)
        settings = AppSettings(
            player="alex",
            data_dir=Path(tmp),
            now=lambda: NOW,
            clock=ticks.seconds,
            seed=3,
            theme="textual-dark",
            cursor_blink=False,
        )
        results = discover_banks(user_dir=False)
        quotes = next(r for r in results if isinstance(r, Bank) and r.id.endswith("quotes"))
        seed_history(store, quotes)
        app = create_app(results, store, settings)
        try:
            asyncio.run(tour(app))
            asyncio.run(
                teacher_tour(
                    create_preview_app(PREVIEWED, store, settings),
                    create_draft_review_app(draft_request(str(ARTICLE)), store, settings),
                )
            )
        finally:
            store.close()


if __name__ == "__main__":
    main()
