"""Read queries of the scores database, as functions over a connection.

Every row is decoded with `quizapp.store.decode`: a damaged row is left out
and recorded in the `DamageLog` passed in, never raised.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from quizapp.store.decode import (
    DamagedRow,
    DamageLog,
    decoded,
    flag,
    integer,
    json_object,
    number,
    optional_timestamp,
    rating,
    sql_answer_totals_valid,
    text,
    text_list,
    timestamp,
)
from quizapp.store.rows import AnswerRow, AttemptSummary, ReviewRow


def player_id(conn: sqlite3.Connection, name: str) -> int | None:
    """The id of the player called ``name``, or None."""
    row = conn.execute("SELECT id FROM players WHERE name = ?", (name,)).fetchone()
    return None if row is None else int(row[0])


def attempt_summaries(
    conn: sqlite3.Connection,
    damage: DamageLog,
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
        "SELECT a.id, p.id, p.name, a.bank_id, a.bank_title, a.started_at, a.finished_at,"
        " a.question_ids, a.options" + base + " ORDER BY a.started_at, a.id",
        params,
    ).fetchall()
    # Totals in a second query: grouping the answers along their attempt_id
    # index is several times faster than a LEFT JOIN ... GROUP BY. Attempts
    # with a damaged answer are summed again from their sound answers.
    totals: dict[int, tuple[int, float, float, float, int]] = {}
    for row in conn.execute(
        "SELECT s.attempt_id, COUNT(*), TOTAL(s.score), TOTAL(s.max_score), TOTAL(s.seconds),"
        f" TOTAL(s.skipped), SUM(NOT {sql_answer_totals_valid('s')})"
        " FROM answers s WHERE s.attempt_id IN (SELECT a.id" + base + ") GROUP BY s.attempt_id",
        params,
    ):
        if row[6]:
            totals[row[0]] = _sound_totals(conn, damage, row[0])
        else:
            totals[row[0]] = (row[1], row[2], row[3], row[4], int(row[5]))
    summaries = []
    for row in attempts:
        try:
            player_name = text(row[2])
        except DamagedRow as problem:
            damage.add("players", row[1], f"name: {problem}")
            continue
        try:
            summary = _attempt_summary(row, player_name, totals.get(row[0], (0, 0, 0, 0, 0)))
        except DamagedRow as problem:
            damage.add("attempts", row[0], str(problem))
            continue
        summaries.append(summary)
    return summaries


def _sound_totals(
    conn: sqlite3.Connection, damage: DamageLog, attempt_id: int
) -> tuple[int, float, float, float, int]:
    """Answers, score, maximum, seconds and skips of an attempt's sound answers."""
    rows = conn.execute(
        "SELECT id, score, max_score, seconds, skipped FROM answers WHERE attempt_id = ?",
        (attempt_id,),
    )
    sound = list(
        decoded(
            rows,
            "answers",
            lambda row: (number(row[0]), number(row[1]), number(row[2]), flag(row[3])),
            damage,
        )
    )
    return (
        len(sound),
        sum(s[0] for s in sound),
        sum(s[1] for s in sound),
        sum(s[2] for s in sound),
        sum(s[3] for s in sound),
    )


def _attempt_summary(
    row: Sequence[object], player: str, totals: tuple[int, float, float, float, int]
) -> AttemptSummary:
    answered, score, max_score, seconds, skipped = totals
    return AttemptSummary(
        id=integer(row[0]),
        player=player,
        bank_id=text(row[3]),
        bank_title=text(row[4]),
        started_at=timestamp(row[5]),
        finished_at=optional_timestamp(row[6]),
        question_ids=text_list(row[7]),
        options=json_object(row[8]),
        answered=answered,
        score=score,
        max_score=max_score,
        seconds=seconds,
        skipped=skipped,
    )


def answer_rows(conn: sqlite3.Connection, damage: DamageLog, attempt_id: int) -> list[AnswerRow]:
    """An attempt's answers in the order they were first given."""
    rows = conn.execute(
        "SELECT id, attempt_id, question_id, given, score, max_score, seconds, near_miss,"
        " skipped, tags, answered_at, self_graded FROM answers WHERE attempt_id = ? ORDER BY id",
        (attempt_id,),
    )
    return list(decoded(rows, "answers", _answer_row, damage))


def _answer_row(row: Sequence[object]) -> AnswerRow:
    return AnswerRow(
        attempt_id=integer(row[0]),
        question_id=text(row[1]),
        given=text(row[2]),
        score=number(row[3]),
        max_score=number(row[4]),
        seconds=number(row[5]),
        near_miss=flag(row[6]),
        skipped=flag(row[7]),
        tags=text_list(row[8]),
        answered_at=timestamp(row[9]),
        self_graded=flag(row[10]),
    )


def review_rows(
    conn: sqlite3.Connection, damage: DamageLog, *, player: str, bank_id: str | None
) -> list[ReviewRow]:
    """A player's reviews, of one bank or all, oldest first."""
    sql = (
        "SELECT r.id, r.bank_id, r.card_id, r.rating, r.reviewed_at, r.log, r.cram FROM reviews r"
        " JOIN players p ON p.id = r.player_id WHERE p.name = ?"
    )
    params: list[object] = [player]
    if bank_id is not None:
        sql += " AND r.bank_id = ?"
        params.append(bank_id)
    sql += " ORDER BY r.reviewed_at, r.id"
    return list(decoded(conn.execute(sql, params), "reviews", _review_row, damage))


def _review_row(row: Sequence[object]) -> ReviewRow:
    return ReviewRow(
        bank_id=text(row[0]),
        card_id=text(row[1]),
        rating=rating(row[2]),
        reviewed_at=timestamp(row[3]),
        log_json=text(row[4]),
        cram=flag(row[5]),
    )
