"""``quizapp stats BANK``: item statistics of a bank from the saved answers.

Per question: tries, the facility index (the share of tries with full
marks; a skip counts as a try), the average time and the most chosen wrong
answer, hardest first: the rows and cells of the TUI's statistics view
(`quizapp.usecases.statistics`). Everyone's answers by default (class results);
``--player`` narrows to one player. BANK is a bank file or the id of a bank
quizapp finds: the prompts are shown too and questions nobody has tried yet
are listed last. An id with saved answers but no bank file any more (a bank
deleted or renamed) still works, without the prompts.

Exit status: 0 printed (also when nothing was recorded yet), 1 the bank file
has errors or the database cannot be used, 2 no such bank file, or an id that
is neither a bank's nor among the saved answers.
"""

from __future__ import annotations

import argparse
import contextlib

from quizapp.commands import EXIT_ERRORS, emit, find_bank_or_scores, note, notes, terminal_safe
from quizapp.commands.scores import (
    add_output_arguments,
    clip,
    fail,
    render_table,
    scores_database,
    warn_damaged,
    write_csv,
    write_json,
)
from quizapp.item_stats import ItemRow, item_rows
from quizapp.model import Bank, BankError
from quizapp.store import ScoreStore, StoreError
from quizapp.usecases.statistics import read_statistics, row_cells, shorten

#: Widths of the shortened prompt and wrong answer in the table.
PROMPT_WIDTH = 40
WRONG_WIDTH = 30

COLUMNS = (
    "question_id",
    "prompt",
    "tries",
    "correct",
    "skipped",
    "facility",
    "avg_seconds",
    "most_common_wrong",
    "self_graded",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``quizapp stats``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = (
        f"CSV columns: {', '.join(COLUMNS)}\n"
        "facility is correct / tries (0..1; empty when nobody tried the question);\n"
        "self_graded counts the tries students graded themselves (open questions);\n"
        "prompt is empty unless BANK is a bank file."
    )
    parser.add_argument(
        "bank", metavar="BANK", help="a bank id, or the path of a bank file (adds the prompts)"
    )
    parser.add_argument(
        "--player", metavar="NAME", help="only this player's answers (default: everyone's)"
    )
    add_output_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Print the item statistics of one bank."""
    player = args.player.strip() if args.player is not None else None
    if player == "":
        return fail("stats", "the player name is empty")
    db_path = scores_database("stats", args.data_dir)
    if isinstance(db_path, int):
        return db_path
    try:
        with contextlib.ExitStack() as opened:
            store = opened.enter_context(ScoreStore.open(db_path)) if db_path else None
            if store is not None and store.warning:
                note(f"quizapp stats: warning: {store.warning}")
            found = find_bank_or_scores(
                "stats",
                args.bank,
                scored=lambda: {a.bank_id for a in store.attempts()} if store else (),
            )
            if isinstance(found, int):
                return found
            if isinstance(found, BankError):
                notes(found.problems)
                return EXIT_ERRORS
            bank = found if isinstance(found, Bank) else None
            bank_id = bank.id if bank else str(found)
            read = read_statistics(store, bank or bank_id, player) if store else None
            if store is not None:
                warn_damaged("stats", store)
    except StoreError as exc:
        return fail("stats", str(exc))

    stats = list(read.stats) if read is not None else []
    items = list(read.rows) if read is not None else item_rows([], bank)
    records = [item.record() for item in items]
    empty = ""
    if not stats:
        whose = f" by {player}" if player else ""
        empty = f"No answers recorded{whose} for bank {bank_id} yet."
        if args.format != "table":
            note(empty)  # machine formats stay clean on stdout
    if args.format == "csv":
        return emit(lambda out: write_csv(out, COLUMNS, records))
    if args.format == "json":
        return emit(lambda out: write_json(out, records))
    if not stats:
        return emit(lambda out: out.write(terminal_safe(empty) + "\n"))
    tries = sum(s.tries for s in stats)
    name = f"{bank.title} ({bank.id})" if bank else bank_id
    whose = f" by {player}" if player else ""
    summary = f"{name}: {tries} {_plural(tries, 'try', 'tries')}{whose}"
    summary += f" on {len(stats)} {_plural(len(stats), 'question', 'questions')}, hardest first"
    lines = [terminal_safe(summary), "", *_table(items, with_prompt=bank is not None)]
    return emit(lambda out: out.writelines(line + "\n" for line in lines))


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def _table(items: list[ItemRow], *, with_prompt: bool) -> list[str]:
    # The column appears once students have graded answers themselves.
    self_graded = any(item.stats and item.stats.self_graded for item in items)
    headers = ["question", *(["prompt"] if with_prompt else []), "tries", "facility"]
    headers += [*(["self-graded"] if self_graded else []), "avg time", "most chosen wrong answer"]
    rows = []
    for item in items:
        # The cells of the statistics view; the prompt only when the bank is known.
        _, tries, facility, time, wrong = row_cells(item, PROMPT_WIDTH, WRONG_WIDTH)
        s = item.stats
        rows.append(
            [
                clip(item.question_id, 28),
                *([clip(shorten(item.prompt, PROMPT_WIDTH), PROMPT_WIDTH)] if with_prompt else []),
                tries,
                facility,
                *([str(s.self_graded) if s else "0"] if self_graded else []),
                time,
                clip(wrong, WRONG_WIDTH),
            ]
        )
    right = {
        headers.index(h) for h in ("tries", "facility", "self-graded", "avg time") if h in headers
    }
    return render_table(headers, rows, right=right)
