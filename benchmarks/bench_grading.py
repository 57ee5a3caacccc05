"""How long grading takes, typical and hostile answers alike.

Run: ``python benchmarks/bench_grading.py``. Times the one number reader on
20,000 digits and a letter (what the number answer field and the grader
both run on enter), lenient matching of a 100,000-character answer against
a short and a 100,000-character right answer, loading the English word list
(once, on the first near miss), and grading a typical typed answer with a
bank's terms. Prints labelled figures; nothing here asserts a time.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from quizapp.banks import discover_banks
from quizapp.grading import bank_terms, grade_answer
from quizapp.matching.numbers import read_number
from quizapp.matching.text import match_text
from quizapp.matching.words import english_words
from quizapp.model import Bank, TextQuestion
from quizapp.session import not_yet_a_number


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``work``, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    start = time.perf_counter()
    english_words()
    print(f"English word list, first load: {(time.perf_counter() - start) * 1000:.0f} ms")

    digits = "1" * 20_000 + "x"
    print(
        f"read_number, 20,000 digits and a letter: {best_of(5, lambda: read_number(digits)):.2f} ms"
    )
    field = "1" * 22 + "a"
    check = best_of(5, lambda: not_yet_a_number(field))
    print(f"number field check, 22 digits and a letter: {check:.3f} ms")

    long_typed = "ab" * 50_000
    short = best_of(3, lambda: match_text(long_typed, ["defensive"], "lenient"))
    print(f"lenient match, 100,000 characters vs a short answer: {short:.2f} ms")
    long_right = ["ba" * 50_000]
    long = best_of(3, lambda: match_text(long_typed, long_right, "lenient"))
    print(f"lenient match, 100,000 characters vs a 100,000-character answer: {long:.0f} ms")

    banks = [bank for bank in discover_banks() if isinstance(bank, Bank)]
    dispute = next(bank for bank in banks if bank.id == "s400-dispute")
    start = time.perf_counter()
    terms = bank_terms(dispute)
    print(f"bank_terms(s400-dispute): {(time.perf_counter() - start) * 1000:.1f} ms")
    question = next(q for q in dispute.questions if isinstance(q, TextQuestion))
    timings = [
        best_of(20, lambda a=a: grade_answer(question, a, terms)) for a in ("F-35", "F-36", "f35")
    ]
    print(f"grading a typed answer: {statistics.median(timings):.3f} ms (median of best-of-20)")


if __name__ == "__main__":
    main()
