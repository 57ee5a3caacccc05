"""GIFT import of one question with very many answers.

Run: ``python benchmarks/bench_import.py`` (add ``--quick`` for 10,000 answers only).

A hostile or careless file may hold one question with 100,000 answers. For
10,000 and 100,000 answers in one multiple-choice, multiple-answer,
short-answer, matching and numerical question, prints the time to read the
GIFT text and the time to check the result as a bank (what ``quizapp
import`` does before writing). Both grow linearly: ten times the answers
take about ten times as long. CPU time of one run; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import time

from quizapp.interchange.convert import convert
from quizapp.interchange.gift import read_gift


def _questions(count: int) -> dict[str, str]:
    return {
        "choice": "Pick one {=a0 " + " ".join(f"~a{i}" for i in range(1, count)) + "}",
        "multi": "Pick {" + " ".join(f"~%10%a{i}" for i in range(count)) + "}",
        "short": "Say {" + " ".join(f"=a{i}" for i in range(count)) + "}",
        "match": "Match {" + " ".join(f"=l{i} -> r{i}" for i in range(count)) + "}",
        "numerical": "Year {#" + " ".join(f"={i}:1" for i in range(count)) + "}",
    }


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10,000 answers only")
    counts = (10_000,) if parser.parse_args().quick else (10_000, 100_000)
    print(f"{'question':<10} {'answers':>8} {'read':>8} {'check':>8}")
    for count in counts:
        for kind, text in _questions(count).items():
            start = time.process_time()
            result = read_gift(text)
            read = time.process_time() - start
            start = time.process_time()
            convert(
                result,
                path="bench.gift",
                bank_id=None,
                title=None,
                fallback_id="bench",
                fallback_title="Bench",
                source_title="Bench",
                strict=False,
            )
            check = time.process_time() - start
            print(f"{kind:<10} {count:>8,} {read:>7.2f}s {check:>7.2f}s")


if __name__ == "__main__":
    main()
