"""The draft review's figures on a 20,000-word article (``quizapp draft
ARTICLE --review``).

Run: ``python benchmarks/bench_draft_review.py`` (add ``--quick`` for fewer runs).

In a headless app at 100x30, on the 20,000-word article of
``bench_draft.py``: the wall time from the app's start to the list of
drafted items on screen (the drafting runs in a worker), and the CPU time
the app's thread spends on one key that changes the draft (``x``, leave
the highlighted item out, then ``a``, keep it) and on one that only moves
the highlight (``down``): medians of several presses. Nothing here asserts
a time.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_draft import article_of

from quizapp.store import ScoreStore
from quizapp.tui.preview_app import create_draft_review_app
from quizapp.tui.screens.draft_review import DraftReviewScreen
from quizapp.tui.settings import AppSettings
from quizapp.usecases.draft_review import draft_request

WORDS = 20_000


async def measure(folder: Path, presses: int) -> None:
    article = folder / "long.txt"
    article.write_text(article_of(WORDS), encoding="utf-8")
    store = ScoreStore.open(folder / "scores.sqlite3")
    settings = AppSettings(player="bench", data_dir=folder, cursor_blink=False)
    app = create_draft_review_app(draft_request(str(article)), store, settings)
    try:
        start = time.perf_counter()
        async with app.run_test(size=(100, 30)) as pilot:
            screen = app.screen
            assert isinstance(screen, DraftReviewScreen)
            while screen.draft is None:
                await pilot.pause(0.005)
            await pilot.pause()
            listed = time.perf_counter() - start
            items = len(screen.draft.items())
            print(f"{WORDS:,} words, {items} items: listed {listed * 1000:.0f} ms after start")
            for keys in (("x", "a"), ("down",)):
                times = []
                for _ in range(presses):
                    for key in keys:
                        cpu = time.process_time()
                        await pilot.press(key)
                        await pilot.pause()
                        times.append(time.process_time() - cpu)
                median = statistics.median(times) * 1000
                print(f"  {' / '.join(keys):<6} {median:6.1f} ms CPU per key (median)")
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer presses")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(measure(Path(folder), 5 if args.quick else 15))


if __name__ == "__main__":
    main()
