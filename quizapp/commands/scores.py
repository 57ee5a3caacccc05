"""``quizapp scores``: saved scores as a table, CSV or JSON, without the TUI.

Also home of the small output helpers `quizapp stats` shares: aligned plain
text tables and spreadsheet-safe CSV cells. Everything printed goes through
`quizapp.commands.emit`, which makes it terminal-safe.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import TextIO

from quizapp import paths
from quizapp.commands import (
    EXIT_ERRORS,
    add_data_dir_argument,
    bank_by_id,
    emit,
    error,
    note,
    terminal_safe,
)
from quizapp.files import FileProblem, stat_path
from quizapp.paths import default_player
from quizapp.store import (
    AnswerRow,
    AttemptSummary,
    ScoreStore,
    StoreError,
    damaged_rows_notice,
)

EXIT_ERROR = EXIT_ERRORS
FORMATS = ("table", "csv", "json")

ATTEMPT_COLUMNS = (
    "attempt_id",
    "player",
    "bank_id",
    "bank_title",
    "started_at",
    "finished_at",
    "finished",
    "answered",
    "skipped",
    "total",
    "score",
    "max_score",
    "percent",
    "seconds",
)
ANSWER_COLUMNS = (
    "attempt_id",
    "player",
    "bank_id",
    "question_id",
    "answered_at",
    "given",
    "score",
    "max_score",
    "correct",
    "near_miss",
    "skipped",
    "seconds",
    "tags",
    "self_graded",
)

_EPILOG = f"""\
CSV columns, one row per attempt:
  {", ".join(ATTEMPT_COLUMNS)}
with --answers, one row per answer:
  {", ".join(ANSWER_COLUMNS)}

Times are ISO 8601 in local time with the UTC offset; booleans are true/false;
percent is score / max_score * 100 over the answered questions; seconds is the
time spent answering; tags are separated by ";"; self_graded is true for the
answers to open questions, which students grade themselves. Text cells that
a spreadsheet would run as a formula (starting with = + - @) get a leading ';
control characters in text are written as escapes (\\u001b). JSON output
has the same keys with typed values (numbers, true/false, null, tag lists)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``quizapp scores``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = _EPILOG
    parser.add_argument("--bank", metavar="ID", help="only attempts on the bank with this id")
    who = parser.add_mutually_exclusive_group()
    who.add_argument(
        "--player", metavar="NAME", help="whose scores to show (default: your login name)"
    )
    who.add_argument("--all-players", action="store_true", help="show every player's scores")
    parser.add_argument(
        "--answers", action="store_true", help="one row per answer instead of per attempt"
    )
    add_output_arguments(parser)


def add_output_arguments(parser: argparse.ArgumentParser) -> None:
    """``--format`` and ``--data-dir``, as ``quizapp scores`` and ``quizapp stats`` take them."""
    parser.add_argument("--format", choices=FORMATS, default="table", help="default: table")
    add_data_dir_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Print the selected scores; 0 on success, 1 when the database cannot be
    used, 2 for an unknown ``--bank`` id."""
    player: str | None = None if args.all_players else (args.player or default_player()).strip()
    if player == "":
        return fail("scores", "the player name is empty")
    db_path = scores_database("scores", args.data_dir)
    if isinstance(db_path, int):
        return db_path
    attempts: list[AttemptSummary] = []
    answers: dict[int, list[AnswerRow]] = {}
    scored: set[str] = set()
    if db_path is not None:
        try:
            with ScoreStore.open(db_path) as store:
                if store.warning:
                    note(f"quizapp scores: warning: {store.warning}")
                attempts = store.attempts(player=player, bank_id=args.bank)
                if args.answers:
                    answers = {a.id: store.answers(a.id) for a in attempts}
                if args.bank and not attempts:
                    scored = {attempt.bank_id for attempt in store.attempts()}
                warn_damaged("scores", store)
        except StoreError as exc:
            return fail("scores", str(exc))
    if args.bank and not attempts and args.bank not in scored:
        known = bank_by_id("scores", args.bank, scored=scored)
        if isinstance(known, int):
            return known
    if args.answers:
        records = [answer_record(a, row) for a in attempts for row in answers[a.id]]
    else:
        records = [attempt_record(a) for a in attempts]
    empty = "" if records else _empty_message(args, player)
    if empty and args.format != "table":
        note(empty)  # machine formats stay clean on stdout
    columns = ANSWER_COLUMNS if args.answers else ATTEMPT_COLUMNS
    if args.format == "csv":
        return emit(lambda out: write_csv(out, columns, records))
    if args.format == "json":
        return emit(lambda out: write_json(out, records))
    if empty:
        return emit(lambda out: out.write(empty + "\n"))
    table = (
        _answer_table(attempts, answers, player is None)
        if args.answers
        else _attempt_table(attempts, player is None)
    )
    return emit(lambda out: out.writelines(line + "\n" for line in table))


def scores_database(command: str, data_dir: Path | None) -> Path | int | None:
    """The scores database in ``data_dir`` (default: the user data dir), None
    when there is none yet, or `EXIT_ERRORS` after saying why it cannot be
    reached (a name too long, no permission ...)."""
    db_path = paths.scores_db_path(data_dir or paths.data_dir())
    try:
        stat_path(db_path)
    except FileProblem as problem:
        if problem.missing:
            return None
        return fail(command, f"cannot use the scores in {db_path}: {problem}")
    return db_path


def _empty_message(args: argparse.Namespace, player: str | None) -> str:
    what = "answers" if args.answers else "scores"
    whose = f" for {terminal_safe(player)}" if player is not None else ""
    where = f" on bank {terminal_safe(args.bank)}" if args.bank else ""
    return f"No {what} yet{whose}{where}."


# ------------------------------------------------------------------ records


def attempt_record(attempt: AttemptSummary) -> dict[str, object]:
    """One attempt as a JSON-able dict with the `ATTEMPT_COLUMNS` keys."""
    return {
        "attempt_id": attempt.id,
        "player": attempt.player,
        "bank_id": attempt.bank_id,
        "bank_title": attempt.bank_title,
        "started_at": local_iso(attempt.started_at),
        "finished_at": local_iso(attempt.finished_at) if attempt.finished_at else None,
        "finished": attempt.finished,
        "answered": attempt.answered,
        "skipped": attempt.skipped,
        "total": attempt.total,
        "score": round(attempt.score, 4),
        "max_score": round(attempt.max_score, 4),
        "percent": round(attempt.percent, 1),
        "seconds": round(attempt.seconds, 1),
    }


def answer_record(attempt: AttemptSummary, row: AnswerRow) -> dict[str, object]:
    """One answer as a JSON-able dict with the `ANSWER_COLUMNS` keys."""
    return {
        "attempt_id": attempt.id,
        "player": attempt.player,
        "bank_id": attempt.bank_id,
        "question_id": row.question_id,
        "answered_at": local_iso(row.answered_at),
        "given": row.given,
        "score": round(row.score, 4),
        "max_score": round(row.max_score, 4),
        "correct": row.correct,
        "near_miss": row.near_miss,
        "skipped": row.skipped,
        "seconds": round(row.seconds, 1),
        "tags": list(row.tags),
        "self_graded": row.self_graded,
    }


def _attempt_table(attempts: Sequence[AttemptSummary], with_player: bool) -> list[str]:
    headers = ["date", "bank", *(["player"] if with_player else []), "score", "max", "percent"]
    headers += ["answered", "time", "finished"]
    rows = [
        [
            local_minute(a.started_at),
            a.bank_id,
            *([a.player] if with_player else []),
            number(a.score),
            number(a.max_score),
            f"{a.percent:.0f}%",
            f"{a.answered}/{a.total}",
            duration(a.seconds),
            "yes" if a.finished else "no",
        ]
        for a in attempts
    ]
    right = {"score", "max", "percent", "answered", "time"}
    return render_table(headers, rows, right={i for i, h in enumerate(headers) if h in right})


def _answer_table(
    attempts: Sequence[AttemptSummary], answers: dict[int, list[AnswerRow]], with_player: bool
) -> list[str]:
    headers = ["date", "bank", *(["player"] if with_player else []), "question", "given"]
    headers += ["score", "max", "time", "result"]
    rows = [
        [
            local_minute(row.answered_at),
            a.bank_id,
            *([a.player] if with_player else []),
            row.question_id,
            clip(row.given, 30),
            number(row.score),
            number(row.max_score),
            duration(row.seconds),
            _verdict(row),
        ]
        for a in attempts
        for row in answers[a.id]
    ]
    right = {"score", "max", "time"}
    return render_table(headers, rows, right={i for i, h in enumerate(headers) if h in right})


def _verdict(row: AnswerRow) -> str:
    if row.skipped:
        return "skipped"
    if row.correct:
        verdict = "near miss" if row.near_miss else "correct"
    else:
        verdict = "partial" if row.score > 0 else "wrong"
    return f"{verdict} (self-graded)" if row.self_graded else verdict


# ------------------------------------------------------------------ output helpers


def fail(command: str, message: str) -> int:
    """Print ``quizapp COMMAND: error: message`` to stderr; return the error status."""
    error(command, f"error: {message}")
    return EXIT_ERROR


def warn_damaged(command: str, store: ScoreStore) -> None:
    """Say on standard error how many damaged rows the reads left out, if any."""
    if store.damaged_rows:
        error(command, damaged_rows_notice(store.damaged_rows))


def write_csv(out: TextIO, columns: Sequence[str], records: Iterable[dict[str, object]]) -> None:
    """CSV with a header row; lists joined with ";", formula-like text neutralised."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow(csv_cell(record[column]) for column in columns)


def write_json(out: TextIO, records: Sequence[dict[str, object]]) -> None:
    """A JSON list of objects, indented, non-ASCII kept readable."""
    json.dump(list(records), out, indent=2, ensure_ascii=False)
    out.write("\n")


def csv_cell(value: object) -> str:
    """A value as CSV text that a spreadsheet shows and never runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # Records are already rounded; print them without a float's noise.
        text = f"{value:f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    if isinstance(value, list):
        value = ";".join(str(item) for item in value)
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def number(value: float) -> str:
    """A score as short text: 3, 2.5, 0.33."""
    text = f"{round(value, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def duration(seconds: float) -> str:
    """Seconds as m:ss, or h:mm:ss from an hour."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def local_iso(moment: dt.datetime) -> str:
    """ISO 8601 in local time with its UTC offset, to the second."""
    return moment.astimezone().isoformat(timespec="seconds")


def local_minute(moment: dt.datetime) -> str:
    """Local date and time to the minute, for tables."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def clip(text: str, width: int) -> str:
    """Terminal-safe text cut to ``width`` display columns with an ellipsis."""
    safe = terminal_safe(text)
    if display_width(safe) <= width:
        return safe
    out, used = [], 0
    for ch in safe:
        used += display_width(ch)
        if used > width - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def display_width(text: str) -> int:
    """Columns a terminal uses for ``text`` (wide East Asian characters take two)."""
    return sum(
        0
        if unicodedata.combining(ch)
        else 2
        if unicodedata.east_asian_width(ch) in ("W", "F")
        else 1
        for ch in text
    )


def render_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: Collection[int] = ()
) -> list[str]:
    """Plain text lines: a header, a rule and the rows, columns two spaces apart.

    Cells are made terminal-safe; columns whose index is in ``right`` are
    right-aligned.
    """
    cells = [list(headers), *([terminal_safe(c) for c in row] for row in rows)]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        padded = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            padded.append(pad + cell if i in right else cell + pad)
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return [line(cells[0]), rule, *(line(row) for row in cells[1:])]
