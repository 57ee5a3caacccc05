"""Question generation time for big banks: 10,000 actors, 10,000 events.

Run: ``python benchmarks/bench_generate.py`` (add ``--quick`` for one run).

Generation runs when a bank is loaded for a quiz, a study session or the
preview, so it must grow linearly with the number of facts. Each line
prints the median CPU time of ``generate_questions`` on a synthetic bank
(target: under 1 s each), the number of questions made and the time per
fact, and, for comparison, the same bank at a tenth of the size: a linear
generator takes about ten times as long on ten times the facts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from quizapp.generate import generate_questions
from quizapp.grading import normalise_text
from quizapp.model import Actor, Bank, Event, Quote

TARGET_SECONDS = 1.0
KINDS = ("person", "institution", "country", "group")


def actors_bank(count: int) -> Bank:
    """``count`` actors with distinct names and roles, of four kinds, and a
    quote for every tenth actor."""
    actors = tuple(
        Actor(
            f"actor-{n}",
            f"Actor Number {n}",
            KINDS[n % len(KINDS)],
            f"the role of actor {n} in the story",
            aliases=(f"A{n}",),
            source=f"Actor Number {n}, the role of actor {n}",
        )
        for n in range(count)
    )
    quotes = tuple(
        Quote(f"quote-{n}", f"Words spoken by actor {n} about the purchase", f"actor-{n}")
        for n in range(0, count, 10)
    )
    return Bank(id=f"actors-{count}", title="Actors", actors=actors, quotes=quotes)


def events_bank(count: int) -> Bank:
    """``count`` events on distinct days, every other one with a stated year."""
    start = dt.date(1900, 1, 1)
    events = tuple(
        Event(
            f"event-{n}",
            f"day {n}",
            start + dt.timedelta(days=n),
            f"Thing number {n} happens",
            year=(start + dt.timedelta(days=n)).year if n % 2 else None,
        )
        for n in range(count)
    )
    return Bank(id=f"events-{count}", title="Events", events=events)


def cpu_time(bank: Bank, runs: int) -> tuple[float, int]:
    """Median CPU seconds of generating ``bank``'s questions, and their number."""
    times = []
    made = 0
    for _ in range(runs):
        # Cold, as when a bank is loaded: no text folded by an earlier run.
        normalise_text.cache_clear()
        start = time.process_time()
        made = len(generate_questions(bank))
        times.append(time.process_time() - start)
    return statistics.median(times), made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run of each case")
    runs = 1 if parser.parse_args().quick else 3
    for name, build in (("actors", actors_bank), ("events", events_bank)):
        small, small_made = cpu_time(build(1_000), runs)
        seconds, made = cpu_time(build(10_000), runs)
        verdict = "ok" if seconds < TARGET_SECONDS else "OVER TARGET"
        print(
            f"10,000 {name}: {seconds:.3f} s for {made:,} questions "
            f"({seconds / 10_000 * 1e6:.0f} µs per {name[:-1]}; "
            f"1,000 {name}: {small:.3f} s for {small_made:,}) "
            f"target < {TARGET_SECONDS:.0f} s: {verdict}"
        )


if __name__ == "__main__":
    main()
