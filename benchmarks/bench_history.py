"""How long the UI thread is kept busy at a time with a long history.

Run: ``python benchmarks/bench_history.py [--attempts N] [--answers-per-attempt N]``.

Fills a scores database with ``--attempts`` quizzes (10,000 by default) of
``--answers-per-attempt`` answers each (10: 100,000 answers) on the shipped
banks, one in twenty left unfinished, then drives the TUI headless as a user
would: Home's refresh (back on Home), a bank's detail (moving through the
list), History (and moving through its banks), a review of mistakes, a
study session and the statistics view (sorting it, then one player's
answers).

A UI-thread step is one call of quizapp's own code on the app's thread: a
message handler, an action, a compose, a method a screen calls to show what
it read (with whatever Textual does inside it, such as adding table rows).
Every method of quizapp's screens, dialogs and widgets is wrapped with a
timer for the run, and the longest outermost call while a screen is driven
is its worst step (an async method counts each stretch between two awaits).
Work in worker threads is not a UI-thread step. Textual's own painting of
the screen afterwards is not one either; it is shown apart, as the longest
pause of the event loop (a heartbeat task that wakes every millisecond),
which also counts what the machine's other work takes from the app. The
same screens are driven with an empty history first, for comparison. Each screen is driven
``--repeats`` times and the lowest figure kept (the machine may be busy with
other work); a warm-up run first imports every screen.

The last line reads ``worst UI-thread step at 10,000 attempts: N ms``.
Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import functools
import importlib
import inspect
import json
import pkgutil
import random
import sqlite3
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Generator
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

import quizapp.tui
from quizapp.banks import discover_banks
from quizapp.generate import generate_questions
from quizapp.model import Bank
from quizapp.store import ScoreStore
from quizapp.tui.app import QuizApp, create_app
from quizapp.tui.settings import AppSettings

PLAYER = "bench"
SIZE = (120, 40)


def fill(path: Path, banks: list[Bank], attempts: int, per_attempt: int) -> None:
    """``attempts`` quizzes of ``per_attempt`` answers each, written straight
    into the tables (the way the app writes them, only faster)."""
    ScoreStore.open(path).close()  # creates and migrates the database
    rng = random.Random(1)
    questions = {bank.id: (*bank.questions, *generate_questions(bank)) for bank in banks}
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT OR IGNORE INTO players (name, created_at) VALUES (?, ?)", (PLAYER, "x")
        )
        conn.execute("INSERT OR IGNORE INTO players (name, created_at) VALUES ('other', 'x')")
        players = dict(conn.execute("SELECT name, id FROM players"))
        attempt_rows = []
        answer_rows = []
        for number in range(attempts):
            bank = banks[number % len(banks)]
            asked = rng.sample(questions[bank.id], min(per_attempt, len(questions[bank.id])))
            began = start + dt.timedelta(minutes=30 * number)
            finished = None if number % 20 == 19 else (began + dt.timedelta(minutes=10))
            attempt_rows.append(
                (
                    number + 1,
                    players[PLAYER if number % 10 else "other"],
                    bank.id,
                    bank.title,
                    json.dumps([q.id for q in asked]),
                    json.dumps({"seed": number, "shuffle": False}),
                    began.isoformat(timespec="microseconds"),
                    finished.isoformat(timespec="microseconds") if finished else None,
                )
            )
            for index, question in enumerate(asked):
                right = rng.random() < 0.7
                answered = began + dt.timedelta(seconds=20 * index)
                answer_rows.append(
                    (
                        number + 1,
                        bank.id,
                        question.id,
                        "right" if right else rng.choice(["wrong", "other", "no idea"]),
                        1.0 if right else 0.0,
                        1.0,
                        rng.uniform(2, 30),
                        0,
                        0,
                        json.dumps(list(question.tags)),
                        answered.isoformat(timespec="microseconds"),
                    )
                )
        conn.executemany("INSERT INTO attempts VALUES (?, ?, ?, ?, ?, ?, ?, ?)", attempt_rows)
        conn.executemany(
            "INSERT INTO answers (attempt_id, bank_id, question_id, given, score, max_score,"
            " seconds, near_miss, skipped, tags, answered_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            answer_rows,
        )
    conn.close()


class Heartbeat:
    """The longest time the event loop was kept from a 1 ms heartbeat."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._beat())

    def reset(self) -> None:
        self.worst = 0.0

    async def _beat(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            self.worst = max(self.worst, now - last - 0.001)
            last = now


class StepTimer:
    """Times the outermost calls of quizapp's TUI code on the main thread."""

    def __init__(self) -> None:
        self.worst = 0.0
        #: The qualified name of the slowest call.
        self.slowest = ""
        self._depth = 0

    def reset(self) -> None:
        self.worst = 0.0
        self.slowest = ""

    def _enter(self) -> float | None:
        if threading.current_thread() is not threading.main_thread():
            return None
        self._depth += 1
        return time.perf_counter() if self._depth == 1 else None

    def _leave(self, started: float | None, name: str) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        self._depth -= 1
        if started is not None and time.perf_counter() - started > self.worst:
            self.worst = time.perf_counter() - started
            self.slowest = name

    def wrap(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """``function`` timed (each stretch between awaits, for a coroutine)."""
        timer = self
        if inspect.iscoroutinefunction(function):

            @functools.wraps(function)
            async def run_coroutine(*args: Any, **kwargs: Any) -> Any:
                steps = function(*args, **kwargs).__await__()
                value: Any = None
                error: BaseException | None = None
                while True:
                    started = timer._enter()
                    try:
                        yielded = steps.throw(error) if error is not None else steps.send(value)
                    except StopIteration as stop:
                        return stop.value
                    finally:
                        timer._leave(started, function.__qualname__)
                    try:
                        value, error = await _Yield(yielded), None
                    except BaseException as raised:
                        value, error = None, raised

            return run_coroutine
        if inspect.isgeneratorfunction(function):

            @functools.wraps(function)
            def run_generator(*args: Any, **kwargs: Any) -> Any:
                started = timer._enter()
                try:
                    return iter(list(function(*args, **kwargs)))
                finally:
                    timer._leave(started, function.__qualname__)

            return run_generator

        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            started = timer._enter()
            try:
                return function(*args, **kwargs)
            finally:
                timer._leave(started, function.__qualname__)

        return run

    def instrument(self) -> None:
        """Wrap every method of the classes defined in quizapp.tui."""
        for info in pkgutil.walk_packages(quizapp.tui.__path__, "quizapp.tui."):
            module = importlib.import_module(info.name)
            for cls in list(vars(module).values()):
                if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                    continue
                wrapped: dict[Callable[..., Any], Callable[..., Any]] = {}
                for name, value in list(vars(cls).items()):
                    if inspect.isfunction(value) and not name.startswith("__"):
                        wrapped[value] = self.wrap(value)
                        setattr(cls, name, wrapped[value])
                # Handlers declared with @on are kept in a table of their own.
                for handlers in vars(cls).get("_decorated_handlers", {}).values():
                    handlers[:] = [(wrapped.get(f, f), selectors) for f, selectors in handlers]


class _Yield:
    """Hands what a wrapped coroutine yielded on to the event loop."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __await__(self) -> Generator[Any, Any, Any]:
        return (yield self.value)


TIMER = StepTimer()
#: The slowest call of each screen in the last run driven.
SLOWEST: dict[str, str] = {}


async def settle(pilot: Pilot[None]) -> None:
    """Until the workers are done and the screen has caught up."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.05)


Scenario = Callable[[Pilot[None]], Awaitable[None]]


async def home_refresh(pilot: Pilot[None]) -> None:
    await pilot.press("h")  # History, then back: Home reads its entries again
    await settle(pilot)
    heartbeat_reset(pilot)
    await pilot.press("escape")
    await settle(pilot)


async def bank_detail(pilot: Pilot[None]) -> None:
    for key in ("down", "down", "down", "up", "up", "up"):
        await pilot.press(key)
        await settle(pilot)


async def history(pilot: Pilot[None]) -> None:
    await pilot.press("h")
    await settle(pilot)
    for key in ("down", "down", "up"):
        await pilot.press(key)
        await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)


async def mistakes(pilot: Pilot[None]) -> None:
    await pilot.press("m")
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)


async def study(pilot: Pilot[None]) -> None:
    await pilot.press("t")
    await settle(pilot)
    for _ in range(5):
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)


async def statistics(pilot: Pilot[None]) -> None:
    await pilot.press("i")
    await settle(pilot)
    for key in ("2", "3", "3", "1"):
        await pilot.press(key)
        await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)


SCENARIOS: dict[str, Scenario] = {
    "Home's refresh": home_refresh,
    "a bank's detail": bank_detail,
    "History": history,
    "Mistakes": mistakes,
    "Study": study,
    "statistics view": statistics,
}

_HEARTBEATS: dict[int, Heartbeat] = {}


def heartbeat_reset(pilot: Pilot[None]) -> None:
    _HEARTBEATS[id(pilot.app)].reset()
    TIMER.reset()


def drive(
    store_path: Path, data_dir: Path, banks: list[Bank], repeats: int
) -> dict[str, tuple[float, float]]:
    """Worst UI-thread step and longest event-loop pause (seconds) of each
    scenario, in a headless app: the lowest over ``repeats`` runs of it."""
    store = ScoreStore.open(store_path)
    settings = AppSettings(player=PLAYER, data_dir=data_dir, cursor_blink=False)
    app: QuizApp = create_app(list(banks), store, settings)
    heartbeat = Heartbeat()
    _HEARTBEATS[id(app)] = heartbeat
    worst: dict[str, tuple[float, float]] = {}
    slowest: dict[str, str] = {}

    async def run(pilot: Pilot[None]) -> None:
        heartbeat.start()
        await settle(pilot)
        for name, scenario in SCENARIOS.items():
            for _ in range(repeats):
                heartbeat.reset()
                TIMER.reset()
                await scenario(pilot)
                now = (TIMER.worst, heartbeat.worst)
                if now <= worst.get(name, now):
                    worst[name], slowest[name] = now, TIMER.slowest
        app.exit()

    try:
        app.run(headless=True, size=SIZE, auto_pilot=run)
    finally:
        store.close()
    SLOWEST.update(slowest)
    return worst


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=10_000)
    parser.add_argument("--answers-per-attempt", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3, help="runs of each screen (default 3)")
    options = parser.parse_args(argv)
    banks = [b for b in discover_banks(user_dir=False) if isinstance(b, Bank)]
    TIMER.instrument()
    with tempfile.TemporaryDirectory(prefix="quizapp-history-") as tmp:
        folder = Path(tmp)
        drive(folder / "warm-up.sqlite3", folder, banks, 1)  # imports every screen
        empty = drive(folder / "empty.sqlite3", folder, banks, options.repeats)
        fill(folder / "full.sqlite3", banks, options.attempts, options.answers_per_attempt)
        full = drive(folder / "full.sqlite3", folder, banks, options.repeats)
    answers = options.attempts * options.answers_per_attempt
    print(f"per screen, ms (headless, {len(banks)} shipped banks, best of {options.repeats}):")
    print(f"  {'':<20} {'worst UI-thread step':>31}   {'longest event-loop pause':>31}")
    print(
        f"  {'screen':<20} {'no history':>12} {f'{options.attempts:,} attempts':>18}" * 1
        + f"   {'no history':>12} {f'{options.attempts:,} attempts':>18}"
    )
    for name in SCENARIOS:
        (step0, pause0), (step, pause) = empty[name], full[name]
        print(
            f"  {name:<20} {1000 * step0:12.1f} {1000 * step:18.1f}"
            f"   {1000 * pause0:12.1f} {1000 * pause:18.1f}"
        )
    print(f"  ({answers:,} answers in all)")
    print("slowest call per screen with that history:")
    for name in SCENARIOS:
        print(f"  {name:<20} {SLOWEST.get(name, '')}")
    worst = max(step for step, _ in full.values())
    print(f"worst UI-thread step at {options.attempts:,} attempts: {1000 * worst:.0f} ms")


if __name__ == "__main__":
    main()
