"""Bank preview and statistics view figures.

Run: ``python benchmarks/bench_preview.py`` (add ``--quick`` for fewer runs).

Prints, in one run:

1. for synthetic banks of 100, 1,000 and 10,000 hand-written questions (plus
   the questions generated from their facts): the time to load the file for
   the preview (read, validate, generate, order, in the loading thread) and
   to compare it with the previous version (on the app's thread);
2. the time to look at the file once (``os.stat``, every 0.5 s);
3. in a headless app, the time from saving the file to the preview showing
   the new version (polling every 10 ms here, so the figure is the work
   done, not the wait for the next look at the file);
4. the time to open the statistics view on a store of 100,000 answers to
   400 questions from 250 players.

Times are medians of several runs (CPU time for in-process figures, wall
time for the headless app); nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_banks import synthetic_bank

from quizapp.store import ScoreStore
from quizapp.tui.preview_app import create_preview_app
from quizapp.tui.screens.bank_preview import PreviewScreen
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.settings import AppSettings
from quizapp.usecases.watched_bank import compare_questions, file_stamp, load_preview


def _median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def _edited(text: str) -> str:
    # One prompt reworded (and longer, so the file's size changes too).
    return text.replace("Which system did Turkey buy", "Which air defence system did Turkey buy", 1)


def bench_load(folder: Path, runs: int) -> None:
    """Loading for the preview and comparing two versions."""
    print("1. load for the preview / compare with the previous version")
    for count in (100, 1_000, 10_000):
        path = folder / f"synthetic-{count}.toml"
        text = synthetic_bank(count)
        path.write_text(text, encoding="utf-8")
        first = load_preview(path)
        total = len(first.questions)
        load_ms = _median_ms(partial(load_preview, path), runs)
        path.write_text(_edited(text), encoding="utf-8")
        second = load_preview(path)
        compare = partial(compare_questions, first.questions, second.questions)
        compare_ms = _median_ms(compare, runs)
        changes = compare_questions(first.questions, second.questions)
        print(
            f"   {count:>6,} written ({total:>6,} with generated): load {load_ms:8.1f} ms, "
            f"compare {compare_ms:6.1f} ms ({changes.summary()})"
        )


def bench_stat(folder: Path, runs: int) -> None:
    """One look at the file."""
    path = folder / "synthetic-100.toml"
    per_call = _median_ms(lambda: [file_stamp(path) for _ in range(1000)], runs) / 1000
    print(f"2. one look at the file (os.stat): {per_call * 1000:.1f} µs")


def _settings(folder: Path) -> AppSettings:
    return AppSettings(player="bench", data_dir=folder, cursor_blink=False)


async def _save_to_shown(path: Path, store: ScoreStore, folder: Path, runs: int) -> list[float]:
    app = create_preview_app(path, store, _settings(folder), poll_seconds=0.01)
    text = path.read_text(encoding="utf-8")
    times = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        for run in range(runs):
            before = screen.reloads
            start = time.perf_counter()
            path.write_text(text + f"\n# save {run}\n", encoding="utf-8")
            while screen.reloads == before:
                await asyncio.sleep(0.001)
            await pilot.pause()
            times.append(time.perf_counter() - start)
    return times


def bench_reload(folder: Path, runs: int) -> None:
    """From a save to the new version on screen."""
    print("3. from saving the file to the preview showing it (headless, 100x30)")
    with ScoreStore.open(folder / "scores.sqlite3") as store:
        for count in (100, 1_000):
            path = folder / f"synthetic-{count}.toml"
            times = asyncio.run(_save_to_shown(path, store, folder, runs))
            print(f"   {count:>6,} written: {statistics.median(times) * 1000:8.1f} ms")


def _fill_store(store: ScoreStore, bank_id: str, question_ids: list[str]) -> int:
    answers = 0
    for player in range(250):
        attempt = store.start_attempt(f"student{player}", bank_id, "Bench", question_ids, {})
        for number, question_id in enumerate(question_ids):
            right = (player + number) % 3 != 0
            store.record_answer(
                attempt,
                question_id,
                given="S-400" if right else f"wrong {number % 4}",
                score=1.0 if right else 0.0,
                max_score=1.0,
                seconds=5.0 + number % 20,
            )
            answers += 1
        store.finish_attempt(attempt)
    return answers


async def _open_stats(path: Path, store: ScoreStore, folder: Path, runs: int) -> list[float]:
    app = create_preview_app(path, store, _settings(folder))
    times = []
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, PreviewScreen) and screen.shown and screen.shown.bank
        bank = screen.shown.bank
        for _ in range(runs):
            start = time.perf_counter()
            await app.push_screen(StatsScreen(bank))
            await pilot.pause()
            times.append(time.perf_counter() - start)
            app.pop_screen()
            await pilot.pause()
    return times


def bench_stats(folder: Path, runs: int) -> None:
    """Opening the statistics view on a well-used store."""
    path = folder / "synthetic-400.toml"
    path.write_text(synthetic_bank(400), encoding="utf-8")
    loaded = load_preview(path)
    assert loaded.bank is not None
    question_ids = [question.id for question in loaded.bank.questions]
    with ScoreStore.open(folder / "stats.sqlite3") as store:
        answers = _fill_store(store, loaded.bank.id, question_ids)
        query_ms = _median_ms(lambda: store.question_stats(bank_id=loaded.bank.id), runs)
        times = asyncio.run(_open_stats(path, store, folder, runs))
    print(
        f"4. statistics view, {answers:,} answers to {len(question_ids)} questions: "
        f"query {query_ms:.1f} ms, open the view {statistics.median(times) * 1000:.1f} ms"
    )


def main() -> None:
    """Print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bench_load(folder, runs)
        bench_stat(folder, runs)
        bench_reload(folder, runs)
        bench_stats(folder, runs)


if __name__ == "__main__":
    main()
