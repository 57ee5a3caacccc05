"""How long study mode's store work takes on the shipped banks.

Run: ``python benchmarks/bench_study.py [--days N]``. Simulates a player who
studies every card of every shipped bank for ``--days`` days (each card
graded Good whenever it is due), then times what the screens do: Home's
due/new counts for every bank, picking the next card, grading one card (the
FSRS step and its committed transaction) and a wrong quiz answer making its
cards due. Prints labelled figures; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from quizapp.banks import discover_banks
from quizapp.generate import generate_questions
from quizapp.model import Bank
from quizapp.session import QuizOptions
from quizapp.store import ScoreStore
from quizapp.study import StudyDeck
from quizapp.usecases.quiz import RecordedQuiz

START = dt.datetime(2025, 1, 6, 18, 0, tzinfo=dt.UTC)


class Clock:
    """A clock the simulation moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


def timed(action: Callable[[], object], repeat: int) -> float:
    """Median milliseconds of ``repeat`` calls of ``action``."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return 1000 * statistics.median(samples)


def simulate(store: ScoreStore, banks: list[Bank], clock: Clock, days: int) -> int:
    """Study every due card of every bank, Good, once a day; returns reviews made."""
    reviews = 0
    for day in range(days):
        clock.now = START + dt.timedelta(days=day)
        for bank in banks:
            deck = StudyDeck(bank, store, "bench", now=clock, new_per_day=1000)
            while (card := deck.next_card()) is not None:
                deck.grade(card.id, 3)
                reviews += 1
                # Learning steps bring a card back within minutes: skip ahead.
                clock.now += dt.timedelta(minutes=11)
    return reviews


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=30, help="days of study (default 30)")
    parser.add_argument("--repeat", type=int, default=50, help="timings per figure (default 50)")
    options = parser.parse_args(argv)
    banks = [b for b in discover_banks(user_dir=False) if isinstance(b, Bank)]
    clock = Clock()
    with (
        tempfile.TemporaryDirectory(prefix="quizapp-bench-") as tmp,
        ScoreStore.open(Path(tmp) / "study.sqlite3") as store,
    ):
        start = time.perf_counter()
        reviews = simulate(store, banks, clock, options.days)
        elapsed = time.perf_counter() - start
        cards = sum(len(StudyDeck(bank, store, "bench").cards) for bank in banks)
        clock.now += dt.timedelta(days=3)
        decks = [StudyDeck(bank, store, "bench", now=clock) for bank in banks]
        counts_ms = timed(lambda: [deck.counts() for deck in decks], options.repeat)
        next_ms = timed(decks[0].next_card, options.repeat)

        # Grading: every card of the biggest deck once more, a week later.
        clock.now += dt.timedelta(days=7)
        deck = max(decks, key=lambda d: len(d.cards))
        ids = iter([card.id for card in deck.cards] * (options.repeat // len(deck.cards) + 1))
        grade_ms = timed(lambda: deck.grade(next(ids), 3), options.repeat)

        bank = deck.bank
        generated = [q.id for q in generate_questions(bank)] or [bank.questions[0].id]
        wrong = iter(generated * (options.repeat // len(generated) + 1))

        def skip_one() -> None:
            only = QuizOptions(question_ids=(next(wrong),))
            RecordedQuiz.start(store, "bench", bank, only, now=clock).skip(1.0)

        quiz_ms = timed(skip_one, options.repeat)
    print(f"simulated {options.days} days on {len(banks)} shipped banks ({cards} cards):")
    print(f"  {reviews} reviews graded and committed in {elapsed:.2f} s")
    print(f"medians of {options.repeat} runs:")
    print(f"  Home due/new counts, all {len(banks)} banks   {counts_ms:7.2f} ms")
    print(f"  next card to study (one bank)        {next_ms:7.2f} ms")
    print(f"  grade one card (FSRS + commit)       {grade_ms:7.2f} ms")
    print(f"  skipped quiz answer saved, cards due {quiz_ms:7.2f} ms")


if __name__ == "__main__":
    main()
