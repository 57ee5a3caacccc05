"""How fast the quiz TUI starts, against a bare Textual app, and how long an
answer takes to be graded and committed.

Run: ``python benchmarks/bench_startup.py [--runs N] [--answers N]``.

Startup is measured from spawning a Python process to that process having
exited right after its first screen was rendered (headless): the import of
Textual and quizapp, loading the shipped banks, opening the scores database,
composing the home screen and one refresh. The bare app is a Textual app
with a single Static widget, run the same way, so the ratio is quizapp's
own cost. Runs alternate between the two apps after one warm-up run of
each. Prints labelled figures; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: Both children leave as soon as the first screen has been drawn.
EXIT_AFTER_FIRST_FRAME = """
async def exit_after_first_frame(pilot):
    pilot.app.call_after_refresh(pilot.app.exit)
"""

BARE_APP = (
    """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("Hello")
"""
    + EXIT_AFTER_FIRST_FRAME
    + """
Bare().run(headless=True, auto_pilot=exit_after_first_frame)
"""
)

QUIZ_APP = """
import argparse, os, sys
from pathlib import Path
from quizapp.tui.launch import build_app

args = argparse.Namespace(
    paths=[], data_dir=Path(os.environ["QUIZAPP_DATA_DIR"]), player="bench", no_shipped=False
)
app = build_app(args)

async def exit_after_first_frame(pilot):
    def done():
        listed = pilot.app.screen.query_one("#banks").option_count
        pilot.app.exit(return_code=0 if listed else 1)

    pilot.app.call_after_refresh(done)

app.run(headless=True, auto_pilot=exit_after_first_frame)
app.store.close()
sys.exit(app.return_code)  # 1 when no bank was listed
"""


def time_child(code: str, env: dict[str, str]) -> float:
    """Seconds from spawning ``python -c code`` to its exit."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    return time.perf_counter() - start


def startup(runs: int, folder: Path) -> tuple[list[float], list[float]]:
    """Startup samples (seconds) of the bare app and of quizapp."""
    env = dict(os.environ)
    env["QUIZAPP_DATA_DIR"] = str(folder / "data")
    env["QUIZAPP_BANKS_DIR"] = str(folder / "banks")  # empty: shipped banks only
    # Both apps start from compiled bytecode, as an installed quizapp does:
    # the warm-up runs write it to a private cache, even where the
    # environment says not to write bytecode next to the sources.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    time_child(BARE_APP, env)  # warm-up: bytecode cache, file cache
    time_child(QUIZ_APP, env)
    bare, quiz = [], []
    for _ in range(runs):
        bare.append(time_child(BARE_APP, env))
        quiz.append(time_child(QUIZ_APP, env))
    return bare, quiz


def answer_commits(count: int, folder: Path) -> list[float]:
    """Seconds taken to grade and commit each of ``count`` answers, the way
    the quiz screen does (`RecordedQuiz.answer`), on a shipped bank."""
    from quizapp.banks import discover_banks
    from quizapp.model import Bank
    from quizapp.session import QuizOptions
    from quizapp.store import ScoreStore
    from quizapp.tui.attempts import RecordedQuiz

    banks = [b for b in discover_banks(user_dir=False) if isinstance(b, Bank)]
    samples: list[float] = []
    with ScoreStore.open(folder / "answers.sqlite3") as store:
        while len(samples) < count:
            for bank in banks:
                quiz = RecordedQuiz.start(store, "bench", bank, QuizOptions(seed=len(samples)))
                while not quiz.session.finished and len(samples) < count:
                    start = time.perf_counter()
                    quiz.answer("a typed answer", 1.0)
                    samples.append(time.perf_counter() - start)
    return samples


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="startup runs per app (default 7)")
    parser.add_argument("--answers", type=int, default=200, help="answers to commit (default 200)")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as tmp:
        folder = Path(tmp)
        bare, quiz = startup(options.runs, folder)
        commits = answer_commits(options.answers, folder)
    bare_ms = 1000 * statistics.median(bare)
    quiz_ms = 1000 * statistics.median(quiz)
    print(f"startup to the first rendered screen, headless, median of {options.runs} runs:")
    print(f"  bare Textual app (one Static)      {bare_ms:7.1f} ms")
    print(f"  quizapp home screen (shipped banks) {quiz_ms:6.1f} ms")
    print(f"  ratio quizapp / bare               {quiz_ms / bare_ms:7.2f}   (target <= 1.15)")
    print(f"grade and commit one answer (RecordedQuiz.answer), median of {len(commits)}:")
    print(f"  {1000 * statistics.median(commits):.2f} ms")


if __name__ == "__main__":
    main()
