"""Bank loading figures: TOML reader, validation overhead, ``quizapp check`` start-up.

Run: ``python benchmarks/bench_banks.py`` (add ``--quick`` for fewer runs).

Prints, in one run:

1. raw parse time of synthetic banks of 1,000 and 10,000 questions (every
   question type, plus actors, events and quotes) with the standard
   library's ``tomllib`` and with ``tomli``, the reader quizapp uses;
2. parse + validate time (``load_bank``: read, decode, parse, locate, check
   every rule, build the model) and its ratio to reading and parsing the
   same file with ``tomli`` (target: at most 1.30, i.e. validation adds at
   most 30%);
3. whole-process wall time of ``quizapp check`` on the shipped banks beside
   ``python -c pass`` and ``python -c "import tomllib"`` (target: ``check``
   within 3x of ``import tomllib``).

Times are medians of several runs: CPU time for the in-process figures,
wall and CPU time for whole processes. The in-process runs go in rounds,
one run of each reader and of ``load_bank`` per round, and each ratio is the
median of the ratios within the rounds: on a shared machine, other processes
then slow both sides of a ratio alike. (Timing all the runs of one reader
before those of the next let a busy spell of a few seconds move a ratio by
0.2.)
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from functools import partial
from pathlib import Path

import tomli

from quizapp.banks import load_bank
from quizapp.model import Bank
from quizapp.paths import shipped_banks_dir

_EXPLANATION = (
    "The editorial states this directly, and the other options are people or "
    "systems it names in a different role."
)
_SOURCE = "On July 12, Russia began delivering components of its advanced S-400 system."


def _question(number: int, actors: int) -> str:
    """The TOML of question ``number``, cycling through every type."""
    kind = number % 8
    head = f'[[questions]]\nid = "q{number}"\n'
    tail = (
        f'explanation = "{_EXPLANATION}"\nsource = "{_SOURCE}"\n'
        f'tags = ["actors", "dates"]\ndifficulty = {number % 3 + 1}\n'
        f'about = ["actor{number % actors}"]\n\n'
    )
    body = [
        'type = "choice"\nprompt = "Which system did Turkey buy from Russia?"\n'
        'choices = ["S-400", "F-35", "Patriot", "THAAD"]\nanswer = "S-400"\n',
        'type = "multi"\nprompt = "Which countries border Turkey?"\n'
        'choices = ["Iraq", "Syria", "Iran", "Greece", "Egypt"]\n'
        'answers = ["Iraq", "Syria", "Iran", "Greece"]\n',
        'type = "true_false"\nprompt = "Russia began delivering the S-400 on July 12."\n'
        "answer = true\n",
        'type = "text"\nprompt = "Which cleric does Erdogan blame for the coup attempt?"\n'
        'answer = "Fethullah Gulen"\naccept = ["Gulen"]\nmatch = "lenient"\n',
        'type = "cloze"\nprompt = "Complete the quote."\n'
        'text = "Clearly a {{winner}} in all this is {{Putin|Vladimir Putin}}"\n',
        'type = "number"\nprompt = """In what year was\nthe coup attempt?"""\n'
        "answer = 2016\ntolerance = 0\n",
        'type = "order"\nprompt = "Oldest first."\n'
        'items = ["Soviet times", "the 1950s", "2016", "July 12"]\n',
        'type = "match"\nprompt = "Match each person to their role."\npairs = [\n'
        '  ["Ross Wilson", "former U.S. ambassador to Turkey"],\n'
        '  ["Soner Cagaptay", "director of the Turkish Research Program"],\n'
        '  ["Recep Tayyip Erdogan", "Turkish President"],\n]\n',
    ][kind]
    return head + body + tail


def synthetic_bank(questions: int) -> str:
    """A valid bank with ``questions`` questions and one fact per 20 questions
    of each fact kind."""
    facts = max(2, questions // 20)
    parts = [
        "format = 1\n\n[bank]\n"
        f'id = "synthetic-{questions}"\ntitle = "Synthetic bank of {questions} questions"\n'
        'description = "Generated for benchmarks."\n\n[defaults]\npoints = 1\n\n'
    ]
    for n in range(facts):
        parts.append(
            f'[[actors]]\nid = "actor{n}"\nname = "Person {n}"\nkind = "person"\n'
            f'role = "role number {n}"\naliases = ["P{n}"]\nsource = "{_SOURCE}"\n\n'
            f'[[events]]\nid = "event{n}"\nwhen = "July {n % 28 + 1}"\n'
            f"date = 2016-07-{n % 28 + 1:02d}\n"
            f'what = "Something happened, number {n}."\nactors = ["actor{n}"]\n\n'
            f'[[quotes]]\nid = "quote{n}"\ntext = "Clearly a winner in all this, number {n}"\n'
            f'speaker = "actor{n}"\ncontext = "On the dispute"\n\n'
        )
    parts.extend(_question(n, facts) for n in range(questions))
    return "".join(parts)


def _cpu_ms(action: Callable[[], object]) -> float:
    """CPU time of one ``action()`` in this process, in ms (CPU time, not wall
    time, so that other processes on a busy machine disturb it less). The
    result is dropped inside the timing."""
    start = time.process_time()
    action()
    return (time.process_time() - start) * 1000


def _rounds_ms(actions: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """CPU times of each action, in ms: ``rounds`` rounds, each running every
    action once, in turn."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(rounds):
        for name, action in actions.items():
            times[name].append(_cpu_ms(action))
    return times


def _median_ratio(numerators: list[float], denominators: list[float]) -> float:
    """The median of the per-round ratios."""
    return statistics.median(n / d for n, d in zip(numerators, denominators, strict=True))


def _process_ms(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of running ``command``.

    Bytecode caching is left on, as for an installed quizapp (pip compiles
    it at install time): the warm-up run writes any missing ``.pyc`` files.
    """
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, check=True, capture_output=True, env=env)  # warm-up
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def _read_and_parse(path: Path, loads: Callable[[str], object]) -> object:
    return loads(path.read_bytes().decode("utf-8"))


def bench_parse(folder: Path, rounds: dict[int, int]) -> None:
    """Raw parse with each reader, and parse + validate, on synthetic banks of
    each size in ``rounds`` (questions -> rounds of runs)."""
    print("Synthetic banks: median CPU time, runs in rounds (see the module docstring)")
    print(
        f"  {'questions':>9}  {'size':>7}  {'rounds':>6}  {'tomllib':>9}  {'tomli':>9}  "
        f"{'load_bank':>9}  {'ratio':>5}"
    )
    for count, runs in rounds.items():
        text = synthetic_bank(count)
        path = folder / f"synthetic-{count}.toml"
        path.write_text(text, encoding="utf-8")
        loaded = load_bank(path)
        if not isinstance(loaded, Bank) or len(loaded.questions) != count or loaded.warnings:
            raise SystemExit(f"the synthetic bank did not load cleanly: {loaded}")
        times = _rounds_ms(
            {
                "tomllib": partial(_read_and_parse, path, tomllib.loads),
                "tomli": partial(_read_and_parse, path, tomli.loads),
                "load_bank": partial(load_bank, path),
            },
            runs,
        )
        ms = {name: statistics.median(values) for name, values in times.items()}
        ratio = _median_ratio(times["load_bank"], times["tomli"])
        print(
            f"  {count:>9,}  {len(text) / 1e6:>5.2f}MB  {runs:>6}  {ms['tomllib']:>7.1f}ms  "
            f"{ms['tomli']:>7.1f}ms  {ms['load_bank']:>7.1f}ms  {ratio:>5.2f}"
        )
    print("  tomllib, tomli: read + decode + raw parse with that reader (quizapp uses tomli)")
    print("  load_bank: read + decode + parse + locate + validate + build the model")
    print("  ratio = load_bank / tomli (target <= 1.30),")
    print("  each the median of the ratios within a round")


def bench_check(runs: int) -> None:
    """Whole-process time of ``quizapp check`` on the shipped banks."""
    shipped = shipped_banks_dir()
    script = Path(sys.executable).with_name("quizapp")
    check = [str(script)] if script.is_file() else [sys.executable, "-m", "quizapp"]
    label = f"quizapp check {shipped.name}/ ({len(list(shipped.glob('*.toml')))} banks)"
    figures = {
        "python -c pass": _process_ms([sys.executable, "-c", "pass"], runs),
        'python -c "import tomllib"': _process_ms([sys.executable, "-c", "import tomllib"], runs),
        label: _process_ms([*check, "check", str(shipped)], runs),
    }
    print(f"\nWhole process: median of {runs} runs")
    print(f"  {'':<40} {'wall':>8}  {'cpu':>8}")
    for name, (wall, cpu) in figures.items():
        print(f"  {name:<40} {wall:>6.1f}ms  {cpu:>6.1f}ms")
    base_wall, base_cpu = figures['python -c "import tomllib"']
    wall, cpu = figures[label]
    print(
        f'  check / "import tomllib": {wall / base_wall:.2f} wall, {cpu / base_cpu:.2f} cpu '
        "(target <= 3)"
    )


def main() -> None:
    """Print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench_parse(Path(folder), {1_000: 7, 10_000: 3} if args.quick else {1_000: 31, 10_000: 9})
    bench_check(5 if args.quick else 15)


if __name__ == "__main__":
    main()
