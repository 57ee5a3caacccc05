"""What one question of a quiz costs the app: processor time per question.

Run: ``python benchmarks/bench_quiz_steps.py [--questions N] [--quizzes N]``.

Starts the TUI headless on the shipped ``s400-actors`` bank with a fresh
scores database, then plays ``--quizzes`` quizzes of ``--questions``
questions as a user who skips each one: ctrl+s (the answer is saved and
its feedback shows), then Enter (the next question). Each key waits until
the app is idle again, as a user would.

Prints the processor time of this process per question (both keys, with
what Textual does to draw the screens), the median of the quizzes after
the first (which imports and styles every screen once), and the wall time
of the same stretch, which also holds the time the app sat idle. The
machine's other work shows in the wall time, not in the processor time.
Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from quizapp.banks import load_bank
from quizapp.model import Bank
from quizapp.paths import shipped_banks_dir
from quizapp.session import QuizOptions
from quizapp.store import ScoreStore
from quizapp.tui.app import create_app
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.settings import AppSettings


async def play(data_dir: Path, quizzes: int, questions: int) -> list[tuple[float, float]]:
    """(processor, wall) seconds per question of each quiz."""
    bank = load_bank(shipped_banks_dir() / "s400-actors.toml")
    assert isinstance(bank, Bank), bank
    store = ScoreStore.open(data_dir / "scores.sqlite3")
    settings = AppSettings(player="bench", data_dir=data_dir, seed=1, cursor_blink=False)
    app = create_app([bank], store, settings)
    figures = []
    async with app.run_test(size=(100, 30)) as pilot:
        while app.banks_loading:
            await pilot.pause(0.01)
        for _ in range(quizzes):
            options = QuizOptions(count=questions, shuffle=False, seed=1)
            app.start_quiz(bank, options)
            while not isinstance(app.screen, QuizScreen):
                await pilot.pause()
            await pilot.pause()
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(questions):
                await pilot.press("ctrl+s")
                await pilot.press("enter")
            figures.append(
                ((time.process_time() - cpu) / questions, (time.perf_counter() - wall) / questions)
            )
            while not isinstance(app.screen, HomeScreen):
                await pilot.press("escape")
    store.close()
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10, help="questions per quiz")
    parser.add_argument("--quizzes", type=int, default=6, help="quizzes played")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as tmp:
        figures = asyncio.run(play(Path(tmp), args.quizzes, args.questions))
    kept = figures[1:] or figures
    cpu = statistics.median(c for c, _ in kept) * 1000
    wall = statistics.median(w for _, w in kept) * 1000
    print(f"quizzes: {len(figures)} of {args.questions} questions (the first one not counted)")
    print(f"wall time per question: {wall:.0f} ms (with the app's idle time)")
    print(f"processor time per question: {cpu:.0f} ms")


if __name__ == "__main__":
    main()
