"""How long committing one answer takes, and opening a well-used database.

Run: ``python benchmarks/bench_store.py [--answers N]``. Prints labelled
figures; nothing here asserts a time. The database lives in a temporary
folder next to the system's other temporary files, so the figures include
a real fsync per commit where that folder is on disk.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from contextlib import closing
from pathlib import Path

from quizapp.store import ScoreStore


def percentile(samples: list[float], fraction: float) -> float:
    """The ``fraction`` quantile (nearest rank) of ``samples``."""
    ordered = sorted(samples)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered)) - 1))
    return ordered[rank]


def time_record_answer(folder: Path, count: int) -> list[float]:
    """Seconds taken by each of ``count`` `ScoreStore.record_answer` calls."""
    question_ids = [f"q{i}" for i in range(count)]
    with ScoreStore.open(folder / "answers.sqlite3") as store:
        attempt = store.start_attempt("bench", "bench-bank", "Bench", question_ids, {})
        samples = []
        for question_id in question_ids:
            start = time.perf_counter()
            store.record_answer(
                attempt,
                question_id,
                given="Recep Tayyip Erdogan",
                score=1.0,
                max_score=1.0,
                seconds=4.2,
                tags=("actors",),
            )
            samples.append(time.perf_counter() - start)
    return samples


def fill(path: Path, attempts: int, per_attempt: int) -> None:
    """A database with ``attempts`` finished attempts of ``per_attempt`` answers."""
    ScoreStore.open(path).close()  # creates the schema
    conn = sqlite3.connect(path, isolation_level=None)
    with closing(conn):
        # Bulk load in one transaction: this part is setup, not measured.
        conn.execute("BEGIN")
        for n in range(attempts):
            stamp = f"2024-01-01T00:00:{n % 60:02}.000000+00:00"
            ids = [f"q{i}" for i in range(per_attempt)]
            conn.execute(
                "INSERT INTO players (id, name, created_at) VALUES (1, 'bench', '')"
                " ON CONFLICT DO NOTHING"
            )
            attempt = conn.execute(
                "INSERT INTO attempts (player_id, bank_id, bank_title, question_ids, options,"
                " started_at, finished_at) VALUES (1, ?, 'Bench', '[]', '{}', ?, ?)",
                (f"bank-{n % 5}", stamp, stamp),
            ).lastrowid
            conn.executemany(
                "INSERT INTO answers (attempt_id, bank_id, question_id, given, score, max_score,"
                " seconds, near_miss, skipped, tags, answered_at)"
                " VALUES (?, ?, ?, 'an answer', 1, 1, 3.5, 0, 0, '[\"actors\"]', ?)",
                [(attempt, f"bank-{n % 5}", qid, stamp) for qid in ids],
            )
        conn.execute("COMMIT")


def time_open(path: Path, repeats: int) -> list[float]:
    """Seconds taken by each of ``repeats`` `ScoreStore.open` + close of ``path``."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        ScoreStore.open(path).close()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=500, help="answers to commit (500)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as tmp:
        folder = Path(tmp)
        samples = time_record_answer(folder, args.answers)
        ms = [s * 1000 for s in samples]
        print(f"record_answer, {len(ms)} commits (WAL, synchronous=FULL):")
        print(f"  median   {statistics.median(ms):7.2f} ms")
        print(f"  p95      {percentile(ms, 0.95):7.2f} ms")
        print(f"  max      {max(ms):7.2f} ms")
        big = folder / "big.sqlite3"
        fill(big, attempts=2000, per_attempt=50)
        opens = [s * 1000 for s in time_open(big, 10)]
        size_mb = big.stat().st_size / 1e6
        print(f"open + quick_check + close, 2000 attempts / 100000 answers ({size_mb:.1f} MB):")
        print(f"  median   {statistics.median(opens):7.2f} ms")
        with ScoreStore.open(big) as store:
            start = time.perf_counter()
            store.bank_stats("bench")
            stats_ms = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            store.question_stats(bank_id="bank-0")
            questions_ms = (time.perf_counter() - start) * 1000
        print(f"bank_stats over 2000 attempts          {stats_ms:7.2f} ms")
        print(f"question_stats over 20000 answers      {questions_ms:7.2f} ms")


if __name__ == "__main__":
    main()
