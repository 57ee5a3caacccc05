"""Read queries of the scores database, as functions over a connection."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from quizapp.store.rows import AnswerRow, AttemptSummary, QuestionStats, ReviewRow, is_correct
from quizapp.store.timestamps import from_db


def player_id(conn: sqlite3.Connection, name: str) -> int | None:
    """The id of the player called ``name``, or None."""
    row = conn.execute("SELECT id FROM players WHERE name = ?", (name,)).fetchone()
    return None if row is None else int(row[0])


def attempt_summaries(
    conn: sqlite3.Connection,
    *,
    attempt_id: int | None = None,
    player: str | None = None,
    bank_id: str | None = None,
    finished: bool | None = None,
) -> list[AttemptSummary]:
    """Attempts with totals computed from their answers, oldest first."""
    where: list[str] = []
    params: list[object] = []
    if attempt_id is not None:
        where.append("a.id = ?")
        params.append(attempt_id)
    if player is not None:
        where.append("p.name = ?")
        params.append(player.strip())
    if bank_id is not None:
        where.append("a.bank_id = ?")
        params.append(bank_id)
    if finished is not None:
        where.append("a.finished_at IS NOT NULL" if finished else "a.finished_at IS NULL")
    filters = (" WHERE " + " AND ".join(where)) if where else ""
    base = " FROM attempts a JOIN players p ON p.id = a.player_id" + filters
    attempts = conn.execute(
        "SELECT a.id, p.name, a.bank_id, a.bank_title, a.started_at, a.finished_at,"
        " a.question_ids, a.options" + base + " ORDER BY a.started_at, a.id",
        params,
    ).fetchall()
    # Totals in a second query: grouping the answers along their attempt_id
    # index is several times faster than a LEFT JOIN ... GROUP BY.
    totals = {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT attempt_id, COUNT(*), SUM(score), SUM(max_score), SUM(seconds), SUM(skipped)"
            " FROM answers WHERE attempt_id IN (SELECT a.id" + base + ") GROUP BY attempt_id",
            params,
        )
    }
    summaries = []
    for row in attempts:
        answered, score, max_score, seconds, skipped = totals.get(row[0], (0, 0, 0, 0, 0))
        summaries.append(
            AttemptSummary(
                id=row[0],
                player=row[1],
                bank_id=row[2],
                bank_title=row[3],
                started_at=from_db(row[4]),
                finished_at=from_db(row[5]) if row[5] is not None else None,
                question_ids=tuple(json.loads(row[6])),
                options=json.loads(row[7]),
                answered=answered,
                score=float(score),
                max_score=float(max_score),
                seconds=float(seconds),
                skipped=skipped,
            )
        )
    return summaries


def answer_rows(conn: sqlite3.Connection, attempt_id: int) -> list[AnswerRow]:
    """An attempt's answers in the order they were first given."""
    rows = conn.execute(
        "SELECT attempt_id, question_id, given, score, max_score, seconds, near_miss, skipped,"
        " tags, answered_at, self_graded FROM answers WHERE attempt_id = ? ORDER BY id",
        (attempt_id,),
    )
    return [
        AnswerRow(
            attempt_id=row[0],
            question_id=row[1],
            given=row[2],
            score=row[3],
            max_score=row[4],
            seconds=row[5],
            near_miss=bool(row[6]),
            skipped=bool(row[7]),
            tags=tuple(json.loads(row[8])),
            answered_at=from_db(row[9]),
            self_graded=bool(row[10]),
        )
        for row in rows
    ]


class _Tally:
    """One question's answers so far, while `question_stats` reads them.

    A plain class: a dataclass would generate its methods at every import of
    the store, that is at every start of quizapp.
    """

    __slots__ = ("correct", "last_correct", "seconds", "self_graded", "skipped", "tries", "wrong")

    def __init__(self) -> None:
        self.tries = 0
        self.correct = 0
        self.skipped = 0
        self.self_graded = 0
        self.seconds = 0.0
        self.last_correct = False
        # given text -> (count, order of the latest such answer)
        self.wrong: dict[str, tuple[int, int]] = {}


def question_stats(
    conn: sqlite3.Connection, *, bank_id: str, player: str | None
) -> list[QuestionStats]:
    """Per question answered in ``bank_id``: tries, correct, time, commonest wrong answer."""
    sql = (
        "SELECT s.question_id, s.given, s.score, s.max_score, s.seconds, s.skipped,"
        " s.self_graded"
        " FROM answers s JOIN attempts a ON a.id = s.attempt_id"
        " JOIN players p ON p.id = a.player_id WHERE s.bank_id = ?"
    )
    params: list[object] = [bank_id]
    if player is not None:
        sql += " AND p.name = ?"
        params.append(player.strip())
    sql += " ORDER BY s.answered_at, s.id"
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for order, (question_id, given, score, max_score, seconds, skipped, self_graded) in enumerate(
        conn.execute(sql, params)
    ):
        tally = tallies[question_id]
        right = is_correct(score, max_score)
        tally.tries += 1
        tally.correct += right
        tally.skipped += bool(skipped)
        tally.self_graded += bool(self_graded)
        tally.seconds += seconds
        tally.last_correct = right
        # A self-graded answer is the student's own words, not a wrong choice.
        if not right and not skipped and not self_graded:
            count, _ = tally.wrong.get(given, (0, 0))
            tally.wrong[given] = (count + 1, order)
    return [
        QuestionStats(
            bank_id=bank_id,
            question_id=question_id,
            tries=tally.tries,
            correct=tally.correct,
            last_correct=tally.last_correct,
            avg_seconds=tally.seconds / tally.tries,
            most_common_wrong=max(tally.wrong, key=tally.wrong.__getitem__)
            if tally.wrong
            else None,
            skipped=tally.skipped,
            self_graded=tally.self_graded,
        )
        for question_id, tally in sorted(tallies.items())
    ]


def tag_accuracy(conn: sqlite3.Connection, *, player: str, bank_id: str) -> dict[str, list[float]]:
    """Per tag, points scored over points available in each finished attempt, oldest first."""
    rows = conn.execute(
        "SELECT s.attempt_id, s.tags, s.score, s.max_score"
        " FROM answers s JOIN attempts a ON a.id = s.attempt_id"
        " JOIN players p ON p.id = a.player_id"
        " WHERE p.name = ? AND a.bank_id = ? AND a.finished_at IS NOT NULL"
        " ORDER BY a.started_at, a.id, s.id",
        (player.strip(), bank_id),
    )
    # tag -> attempt id -> [score, max]; dicts keep the attempts' order.
    points: dict[str, dict[int, list[float]]] = defaultdict(dict)
    for attempt_id, tags_json, score, max_score in rows:
        for tag in dict.fromkeys(json.loads(tags_json)):
            total = points[tag].setdefault(attempt_id, [0.0, 0.0])
            total[0] += score
            total[1] += max_score
    return {
        tag: [score / maximum for score, maximum in per_attempt.values() if maximum > 0]
        for tag, per_attempt in sorted(points.items())
    }


def review_rows(conn: sqlite3.Connection, *, player: str, bank_id: str | None) -> list[ReviewRow]:
    """A player's reviews, of one bank or all, oldest first."""
    sql = (
        "SELECT r.bank_id, r.card_id, r.rating, r.reviewed_at, r.log, r.cram FROM reviews r"
        " JOIN players p ON p.id = r.player_id WHERE p.name = ?"
    )
    params: list[object] = [player]
    if bank_id is not None:
        sql += " AND r.bank_id = ?"
        params.append(bank_id)
    sql += " ORDER BY r.reviewed_at, r.id"
    return [
        ReviewRow(row[0], row[1], row[2], from_db(row[3]), row[4], bool(row[5]))
        for row in conn.execute(sql, params)
    ]
