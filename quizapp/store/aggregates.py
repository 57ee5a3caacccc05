"""Aggregates over a player's whole history, computed by SQLite.

The screens that summarise a history (Home, History, a review of mistakes,
the teacher's statistics) read these instead of every answer, so their cost
grows slowly with the number of answers stored. A stored value of the wrong
type (a damaged row) never raises here: the SQL counts only the answers
whose numbers and skip flag the store can read (`sql_answer_totals_valid`,
the rule of `quizapp.store.decode`) and text as dates and answers
(``typeof``), and what is read back is checked again before it is used.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from quizapp.store.decode import sql_answer_totals_valid
from quizapp.store.rows import BankStats, QuestionStats
from quizapp.store.timestamps import from_db

#: SQL: the answer row ``s`` has a readable score, maximum, time and skip flag.
_SCORED = sql_answer_totals_valid("s")
#: SQL: the answer row ``s`` got full marks (the rule of `quizapp.store.rows.is_correct`).
_FULL_MARKS = "(s.max_score > 0 AND s.score >= s.max_score)"


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _moment(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return from_db(value)
    except ValueError:
        return None


def bank_stats(conn: sqlite3.Connection, player: str) -> dict[str, BankStats]:
    """Per bank id: the player's finished attempts, best and last percent,
    and when the last one was finished. Banks never finished are left out."""
    rows = conn.execute(
        "WITH finished AS ("
        "  SELECT a.id, a.bank_id, a.started_at, COALESCE(a.finished_at, a.started_at) AS done,"
        "   SUM(s.score) AS score, SUM(s.max_score) AS max_score"
        "  FROM attempts a JOIN players p ON p.id = a.player_id"
        f"  LEFT JOIN answers s ON s.attempt_id = a.id AND {_SCORED}"
        "  WHERE p.name = ? AND a.finished_at IS NOT NULL GROUP BY a.id),"
        " percents AS ("
        "  SELECT bank_id, done,"
        "   CASE WHEN max_score > 0 THEN 100.0 * score / max_score ELSE 0.0 END AS percent,"
        "   ROW_NUMBER() OVER (PARTITION BY bank_id ORDER BY started_at DESC, id DESC)"
        "    AS newest"
        "  FROM finished)"
        " SELECT bank_id, COUNT(*), MAX(percent), MAX(CASE WHEN newest = 1 THEN percent END),"
        "  MAX(CASE WHEN newest = 1 THEN done END)"
        " FROM percents GROUP BY bank_id",
        (player.strip(),),
    )
    result: dict[str, BankStats] = {}
    for bank_id, attempts, best, last, done in rows:
        best_percent, last_percent, last_played = _number(best), _number(last), _moment(done)
        if not isinstance(bank_id, str) or best_percent is None or last_played is None:
            continue
        result[bank_id] = BankStats(
            bank_id=bank_id,
            attempts=_count(attempts),
            best_percent=best_percent,
            last_percent=last_percent if last_percent is not None else 0.0,
            last_played=last_played,
        )
    return result


def missed_questions(conn: sqlite3.Connection, player: str) -> dict[str, set[str]]:
    """Per bank id, the questions the player answered at least once without
    full marks (skips included)."""
    rows = conn.execute(
        "SELECT a.bank_id, s.question_id FROM answers s"
        " JOIN attempts a ON a.id = s.attempt_id JOIN players p ON p.id = a.player_id"
        f" WHERE p.name = ? AND {_SCORED} AND NOT {_FULL_MARKS}"
        " GROUP BY a.bank_id, s.question_id",
        (player.strip(),),
    )
    missed: dict[str, set[str]] = {}
    for bank_id, question_id in rows:
        if isinstance(bank_id, str) and isinstance(question_id, str):
            missed.setdefault(bank_id, set()).add(question_id)
    return missed


@dataclass(frozen=True, slots=True)
class MissedQuestion:
    """One question a player got wrong at least once on a bank."""

    question_id: str
    #: Answers without full marks (skips included).
    missed: int
    #: Answers in all.
    tries: int
    #: When it was last got wrong.
    last_missed: dt.datetime
    #: Whether the latest answer to it got full marks.
    latest_correct: bool


def missed_on_bank(conn: sqlite3.Connection, player: str, bank_id: str) -> list[MissedQuestion]:
    """The player's answers on ``bank_id`` summed up per question missed at
    least once, in question id order."""
    rows = conn.execute(
        "WITH graded AS ("
        f"  SELECT s.id, s.question_id, s.answered_at, {_FULL_MARKS} AS ok"
        "  FROM answers s JOIN attempts a ON a.id = s.attempt_id"
        "  JOIN players p ON p.id = a.player_id"
        f"  WHERE p.name = ? AND a.bank_id = ? AND {_SCORED} AND typeof(s.answered_at) = 'text'),"
        " ranked AS ("
        "  SELECT *, ROW_NUMBER() OVER"
        "   (PARTITION BY question_id ORDER BY answered_at DESC, id DESC) AS newest"
        "  FROM graded)"
        " SELECT question_id, SUM(NOT ok), COUNT(*), MAX(CASE WHEN NOT ok THEN answered_at END),"
        "  MAX(CASE WHEN newest = 1 THEN ok END)"
        " FROM ranked GROUP BY question_id HAVING SUM(NOT ok) > 0 ORDER BY question_id",
        (player.strip(), bank_id),
    )
    found = []
    for question_id, missed, tries, last_missed, latest_ok in rows:
        moment = _moment(last_missed)
        if not isinstance(question_id, str) or moment is None:
            continue
        found.append(
            MissedQuestion(question_id, _count(missed), _count(tries), moment, latest_ok == 1)
        )
    return found


def question_stats(
    conn: sqlite3.Connection, *, bank_id: str, player: str | None
) -> list[QuestionStats]:
    """Per question of ``bank_id`` ever answered (by ``player``, or anyone):
    tries, correct, skips, self-graded tries, mean time and the most common
    wrong answer (not self-graded; ties go to the most recent). Sorted by
    question id."""
    if player is None:
        source = "answers s WHERE s.bank_id = ?"
        params: tuple[object, ...] = (bank_id,)
    else:
        source = (
            "answers s JOIN attempts a ON a.id = s.attempt_id"
            " JOIN players p ON p.id = a.player_id WHERE s.bank_id = ? AND p.name = ?"
        )
        params = (bank_id, player.strip())
    rows = conn.execute(
        "WITH graded AS ("
        "  SELECT s.id, s.question_id, s.given, s.skipped, s.self_graded, s.answered_at,"
        f"   {_FULL_MARKS} AS ok,"
        "   s.seconds"
        f"  FROM {source} AND {_SCORED}),"
        " ranked AS ("
        "  SELECT *, ROW_NUMBER() OVER"
        "   (PARTITION BY question_id ORDER BY answered_at DESC, id DESC) AS newest"
        "  FROM graded),"
        " totals AS ("
        "  SELECT question_id, COUNT(*) AS tries, SUM(ok) AS correct,"
        "   SUM(skipped IS NOT 0) AS skips, SUM(self_graded IS NOT 0) AS own,"
        "   AVG(seconds) AS seconds,"
        "   MAX(CASE WHEN newest = 1 THEN ok END) AS last_ok"
        "  FROM ranked GROUP BY question_id),"
        " wrong AS ("
        "  SELECT question_id, given, COUNT(*) AS times, MAX(answered_at) AS latest, MAX(id) AS id"
        # A self-graded answer is the student's own words, not a wrong choice.
        "  FROM graded WHERE NOT ok AND skipped IS 0 AND self_graded IS 0"
        "   AND typeof(given) = 'text'"
        "  GROUP BY question_id, given),"
        " commonest AS ("
        "  SELECT question_id, given, ROW_NUMBER() OVER"
        "   (PARTITION BY question_id ORDER BY times DESC, latest DESC, id DESC) AS rank"
        "  FROM wrong)"
        " SELECT t.question_id, t.tries, t.correct, t.skips, t.own, t.seconds, t.last_ok, c.given"
        " FROM totals t LEFT JOIN commonest c ON c.question_id = t.question_id AND c.rank = 1"
        " ORDER BY t.question_id",
        params,
    )
    found = []
    for question_id, tries, correct, skips, own, seconds, last_ok, wrong in rows:
        if not isinstance(question_id, str):
            continue
        found.append(
            QuestionStats(
                bank_id=bank_id,
                question_id=question_id,
                tries=_count(tries),
                correct=_count(correct),
                last_correct=last_ok == 1,
                avg_seconds=_number(seconds) or 0.0,
                most_common_wrong=wrong if isinstance(wrong, str) else None,
                skipped=_count(skips),
                self_graded=_count(own),
            )
        )
    return found


def tag_accuracy(conn: sqlite3.Connection, *, player: str, bank_id: str) -> dict[str, list[float]]:
    """Per tag, points scored over points available in each of the player's
    finished attempts on the bank that had the tag, oldest attempt first."""
    rows = conn.execute(
        "WITH tagged AS ("
        "  SELECT DISTINCT s.id, a.id AS attempt, a.started_at, t.value AS tag,"
        "   s.score, s.max_score"
        "  FROM attempts a JOIN players p ON p.id = a.player_id"
        "  JOIN answers s ON s.attempt_id = a.id,"
        # Tags that are not a JSON list (a damaged row) are read as no tags.
        "  json_each(CASE WHEN json_valid(s.tags) AND json_type(s.tags) = 'array'"
        "   THEN s.tags ELSE '[]' END) t"
        "  WHERE p.name = ? AND a.bank_id = ? AND a.finished_at IS NOT NULL"
        f"   AND {_SCORED} AND t.type = 'text')"
        " SELECT tag, attempt, SUM(score), SUM(max_score) FROM tagged"
        " GROUP BY tag, attempt ORDER BY started_at, attempt",
        (player.strip(), bank_id),
    )
    accuracy: dict[str, list[float]] = {}
    for tag, _attempt, score, max_score in rows:
        points, available = _number(score), _number(max_score)
        if isinstance(tag, str) and points is not None and available:
            accuracy.setdefault(tag, []).append(points / available)
    return dict(sorted(accuracy.items()))
