"""Show-in-context figures: finding an excerpt in a large source text.

Run: ``python benchmarks/bench_excerpts.py`` (add ``--quick`` for fewer runs).

Prints, for a text that repeats one word (the case that makes a regular
expression backtrack) and for an ordinary text of varied words:

1. the time `quizapp.banks.excerpts.locate_excerpt` takes to find a 20 KB
   excerpt in a 1 MB text and choose the window around it, and to find
   that the excerpt is not there;
2. the same search with the regular expression show-in-context used before
   (words joined by ``\\s+``), on a text and excerpt 10 and 5 times smaller:
   it grows with the product of the two sizes, so the full-size case would
   take about 50 times longer.

Times are medians of several runs (CPU time); nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from collections.abc import Callable

from quizapp.banks.excerpts import locate_excerpt


def _median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def regex_search(text: str, excerpt: str) -> tuple[int, int] | None:
    """The search show-in-context used before: words joined by ``\\s+``."""
    pattern = r"\s+".join(re.escape(word) for word in excerpt.split())
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def texts(size: int, excerpt_size: int) -> dict[str, tuple[str, str, str]]:
    """name -> (text, an excerpt found at its middle, an excerpt not in it)."""
    repetitive = "a " * (size // 2)
    middle = len(repetitive) // 2
    found = repetitive[middle : middle + excerpt_size - 1] + "b"
    repetitive = repetitive[:middle] + found + repetitive[middle + excerpt_size :]
    rng = random.Random(1)
    words = ["Turkey", "bought", "the", "S-400", "from", "Russia", "and", "NATO", "objected"]
    varied = " ".join(rng.choice(words) for _ in range(size // 5))[:size]
    start = len(varied) // 2
    return {
        "one repeated word": (repetitive, found, found[:-1] + "c"),
        "varied words": (varied, varied[start : start + excerpt_size], "not there " * 10),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    runs = 3 if parser.parse_args().quick else 7

    print("locate_excerpt: a 20 KB excerpt in a 1 MB text")
    for name, (text, found, missing) in texts(1_000_000, 20_000).items():
        hit = _median_ms(lambda t=text, e=found: locate_excerpt(t, e), runs)
        miss = _median_ms(lambda t=text, e=missing: locate_excerpt(t, e), runs)
        print(f"  {name:<18} found {hit:8.1f} ms   not found {miss:8.1f} ms")

    print("the regular expression used before: a 4 KB excerpt in a 100 KB text")
    for name, (text, found, missing) in texts(100_000, 4_000).items():
        hit = _median_ms(lambda t=text, e=found: regex_search(t, e), 1)
        miss = _median_ms(lambda t=text, e=missing: regex_search(t, e), 1)
        print(f"  {name:<18} found {hit:8.1f} ms   not found {miss:8.1f} ms")


if __name__ == "__main__":
    main()
