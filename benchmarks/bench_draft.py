"""Drafting speed: ``quizapp draft`` on a 1,000-word and a 20,000-word article.

Run: ``python benchmarks/bench_draft.py`` (add ``--quick`` for fewer runs).

The articles are made of the paragraphs of the test articles in
``tests/data/articles`` (news text with quotations, names and dates),
repeated in turn until the length is reached. Each figure is the median of
several runs of the whole in-process pipeline: parse the article, draft
its actors, events and quotes, render the bank text. Targets: under 200 ms
for 1,000 words, under 2 s for 20,000 words. CPU time is printed beside
wall time, since other processes on a shared machine slow the wall clock.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from quizapp.draft import article_format, bank_text, draft_article, parse_article

ARTICLES = Path(__file__).resolve().parents[1] / "tests" / "data" / "articles"
TARGETS = {1_000: 0.2, 20_000: 2.0}


def paragraphs() -> list[str]:
    """Body paragraphs of the plain-text and Markdown test articles."""
    found = []
    for path in sorted(ARTICLES.iterdir()):
        if article_format(path.name) == "html" or path.name.endswith(".key.toml"):
            continue
        article = parse_article(path.read_text(encoding="utf-8"), article_format(path.name))
        found += [article.text[p.start : p.end] for p in article.paragraphs if not p.heading]
    return found


def article_of(words: int) -> str:
    """An article of about ``words`` words, paragraphs taken in turn."""
    pool = paragraphs()
    chosen: list[str] = []
    count = 0
    while count < words:
        paragraph = pool[len(chosen) % len(pool)]
        chosen.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(chosen) + "\n"


def draft_once(text: str) -> None:
    """The whole pipeline, as ``quizapp draft`` runs it (without file I/O)."""
    draft = draft_article(parse_article(text))
    bank_text(
        draft,
        bank_id="bench",
        title="Benchmark",
        article_name="bench.txt",
        check_command="quizapp check bench.toml --source bench.txt",
    )


def measure(text: str, runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``runs`` drafts of ``text``."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        draft_once(text)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    """Print the figures and whether each meets its target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    draft_once(article_of(200))  # warm up: imports, compiled patterns
    for words, target in TARGETS.items():
        text = article_of(words)
        runs = (3 if args.quick else 9) if words <= 1_000 else (1 if args.quick else 3)
        wall, cpu = measure(text, runs)
        verdict = "ok" if wall < target else "SLOWER THAN TARGET"
        print(
            f"{len(text.split()):>6} words: {wall * 1000:7.1f} ms wall, {cpu * 1000:7.1f} ms CPU "
            f"(median of {runs}; target < {target * 1000:.0f} ms) {verdict}"
        )


if __name__ == "__main__":
    main()
