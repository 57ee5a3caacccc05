"""How fast the quiz TUI starts, against a bare Textual app, and how long an
answer takes to be graded and committed.

Run: ``python benchmarks/bench_startup.py [--runs N] [--answers N]``.

Each startup figure is the time from spawning a Python process to a moment
inside that process (headless), read from the wall clock on both sides. The
moments:

- *first frame*: the first screen has been rendered and has settled (no
  layout or repaint pending). For quizapp that is Home saying that the
  banks are loading: the import of Textual and quizapp's first screen,
  reading the remembered theme, composing Home and rendering it.
- *home filled*: Home lists every bank with its scores and study cards (due
  and new), and has been rendered again. The scores database is opened and
  the banks are loaded in a thread started after the first frame; this is
  the time a user waits to choose.

The bare app is a Textual app with a single Static widget, timed to its
first frame the same way, so the ratios are quizapp's own cost. quizapp is
timed for a new user (an empty data folder) and for a returning one (a
remembered theme, past quizzes, an unfinished quiz and studied cards).
Runs alternate between the apps after one warm-up run of each. The median
and the best of the runs are printed: on a machine busy with other work the
best run is the steadier figure of what starting costs. Nothing here asserts
a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: Both kinds of child print the wall-clock time of the moment they wait for.
BARE_APP = """
import time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("Hello")

async def first_frame(pilot):
    def done():
        print(time.time())
        pilot.app.exit()

    pilot.app.call_after_refresh(done)

Bare().run(headless=True, auto_pilot=first_frame)
"""

#: ``python -c QUIZ_APP first-frame|filled``; exits 1 when the screen up is
#: not Home, or (for ``filled``) when Home lists no bank or some bank's study
#: cards were never counted.
QUIZ_APP = """
import argparse, asyncio, os, sys, time
from pathlib import Path
from quizapp.tui.launch import build_app, run_app

wait_for = sys.argv[1]
args = argparse.Namespace(
    paths=[], data_dir=Path(os.environ["QUIZAPP_DATA_DIR"]), player="bench", no_shipped=False
)
app = build_app(args)

def filled():
    from quizapp.tui.widgets.bank_list import BankEntry

    entries = app.screen.query_one("#banks").entries
    listed = [e for e in entries if isinstance(e, BankEntry)]
    return bool(listed) and all(e.study is not None for e in listed)

async def wait_then_exit(pilot):
    ok = type(app.screen).__name__ == "HomeScreen"
    if wait_for == "filled":
        deadline = time.monotonic() + 10
        while not (ok := filled()) and time.monotonic() < deadline:
            await asyncio.sleep(0.001)

    def done():
        print(time.time())
        app.exit(return_code=0 if ok else 1)

    app.call_after_refresh(done)

run_app(app, headless=True, auto_pilot=wait_then_exit)
if app.store_if_open is not None:
    app.store_if_open.close()
sys.exit(app.return_code)
"""


def time_child(code: str, env: dict[str, str], *args: str) -> float:
    """Seconds from spawning ``python -c code args`` to the moment it prints."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"{args} exited with {done.returncode}:\n{done.stderr[-2000:]}")
    return float(done.stdout.split()[-1]) - start


def returning_user(data_dir: Path) -> None:
    """A data folder as a returning user has it: a remembered theme, a finished
    and an unfinished quiz, and a few studied cards on every shipped bank."""
    from quizapp import paths
    from quizapp.banks import discover_banks
    from quizapp.model import Bank
    from quizapp.session import QuizOptions
    from quizapp.store import ScoreStore
    from quizapp.study import StudyDeck
    from quizapp.usecases.quiz import RecordedQuiz

    banks = [b for b in discover_banks(user_dir=False) if isinstance(b, Bank)]
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    with ScoreStore.open(paths.scores_db_path(data_dir)) as store:
        store.set_setting("theme", "nord")
        for number, bank in enumerate(banks):
            quiz = RecordedQuiz.start(store, "bench", bank, QuizOptions(count=5, seed=number))
            while not quiz.session.finished:
                quiz.answer("a typed answer", 2.0)
            RecordedQuiz.start(store, "bench", bank, QuizOptions(count=5)).answer("x", 1.0)
            deck = StudyDeck(bank, store, "bench", now=lambda: yesterday, new_per_day=10)
            for _ in range(10):
                card = deck.next_card()
                if card is None:
                    break
                deck.grade(card.id, 3)


def startup(runs: int, folder: Path) -> dict[str, list[float]]:
    """Startup samples (seconds) of the bare app and of quizapp, by label."""
    env = dict(os.environ)
    env["QUIZAPP_BANKS_DIR"] = str(folder / "banks")  # empty: shipped banks only
    # Both apps start from compiled bytecode, as an installed quizapp does:
    # the warm-up runs write it to a private cache, even where the
    # environment says not to write bytecode next to the sources.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    new_env = {**env, "QUIZAPP_DATA_DIR": str(folder / "new")}
    returning_env = {**env, "QUIZAPP_DATA_DIR": str(folder / "returning")}
    returning_user(folder / "returning")
    children = {
        "bare": (BARE_APP, env, ()),
        "new first frame": (QUIZ_APP, new_env, ("first-frame",)),
        "new home filled": (QUIZ_APP, new_env, ("filled",)),
        "returning first frame": (QUIZ_APP, returning_env, ("first-frame",)),
        "returning home filled": (QUIZ_APP, returning_env, ("filled",)),
    }
    for code, child_env, args in children.values():  # warm-up: bytecode and file caches
        time_child(code, child_env, *args)
    samples: dict[str, list[float]] = {label: [] for label in children}
    for _ in range(runs):
        for label, (code, child_env, args) in children.items():
            samples[label].append(time_child(code, child_env, *args))
    return samples


def answer_commits(count: int, folder: Path) -> list[float]:
    """Seconds taken to grade and commit each of ``count`` answers, the way
    the quiz screen does (`RecordedQuiz.answer`), on a shipped bank."""
    from quizapp.banks import discover_banks
    from quizapp.model import Bank
    from quizapp.session import QuizOptions
    from quizapp.store import ScoreStore
    from quizapp.usecases.quiz import RecordedQuiz

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
        samples = startup(options.runs, folder)
        commits = answer_commits(options.answers, folder)
    figures = {
        label: (1000 * statistics.median(times), 1000 * min(times))
        for label, times in samples.items()
    }
    bare_median, bare_best = figures.pop("bare")
    print(f"startup, headless, from spawning the process; {options.runs} runs:")
    print("                                              median ms   best ms   ratio to bare")
    print(f"  bare Textual app (one Static), first frame  {bare_median:9.1f} {bare_best:9.1f}")
    print("  quizapp with the shipped banks                                    median   best")
    for label, (median, best) in figures.items():
        print(
            f"    {label:<40}  {median:9.1f} {best:9.1f}   {median / bare_median:5.2f}  "
            f"{best / bare_best:5.2f}"
        )
    print("  (target: quizapp's first frame <= 1.15 x the bare app's)")
    print(f"grade and commit one answer (RecordedQuiz.answer), median of {len(commits)}:")
    print(f"  {1000 * statistics.median(commits):.2f} ms")


if __name__ == "__main__":
    main()
