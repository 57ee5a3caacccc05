"""The database's aggregates agree with the answers they sum up, and a damaged
row never makes them raise."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing

import pytest

from quizapp.store import ScoreStore
from tests.helpers import record_quiz

QUESTIONS = ("system", "coup-year", "analyst", "neighbours")


def random_history(store: ScoreStore, seed: int) -> None:
    """Quizzes by two players on two banks, some unfinished, scores 0..1."""
    rng = random.Random(seed)
    for number in range(12):
        asked = rng.sample(QUESTIONS, rng.randint(1, len(QUESTIONS)))
        scores = {q: rng.choice([0.0, 0.5, 1.0]) for q in asked}
        bank = rng.choice(["bank-a", "bank-b"])
        attempt = record_quiz(store, scores, bank_id=bank, title=bank, finish=number % 4 != 3)
        if number % 5 == 0:  # a quiz by someone else
            with closing(sqlite3.connect(store.path)) as conn, conn:
                conn.execute(
                    "INSERT OR IGNORE INTO players (name, created_at) VALUES ('other', 'x')"
                )
                conn.execute(
                    "UPDATE attempts SET player_id = (SELECT id FROM players WHERE name = 'other')"
                    " WHERE id = ?",
                    (attempt,),
                )


@pytest.mark.parametrize("seed", range(4))
def test_the_aggregates_agree_with_the_answers(store: ScoreStore, seed: int) -> None:
    random_history(store, seed)
    assert store.bank_scores("tester") == store.bank_stats("tester")
    for bank in ("bank-a", "bank-b"):
        assert store.tag_totals(player="tester", bank_id=bank) == pytest.approx(
            store.tag_accuracy(player="tester", bank_id=bank)
        )
        for player in ("tester", None):
            totals = store.question_totals(bank_id=bank, player=player)
            stats = store.question_stats(bank_id=bank, player=player)
            assert [(s.question_id, s.tries, s.correct, s.skipped) for s in totals] == [
                (s.question_id, s.tries, s.correct, s.skipped) for s in stats
            ]
            assert [s.avg_seconds for s in totals] == pytest.approx([s.avg_seconds for s in stats])
            assert [s.last_correct for s in totals] == [s.last_correct for s in stats]
        missed = {m.question_id: m for m in store.missed_on_bank("tester", bank)}
        stats = store.question_stats(bank_id=bank, player="tester")
        assert {s.question_id: s.missed for s in stats if s.missed} == {
            q: m.missed for q, m in missed.items()
        }
        assert store.missed_questions("tester").get(bank, set()) == set(missed)


def test_the_most_common_wrong_answer_ties_go_to_the_latest(store: ScoreStore) -> None:
    for given in ("Iran", "Iraq", "Iran", "Iraq"):
        attempt = store.start_attempt("tester", "b", "B", ["q"], {})
        store.record_answer(attempt, "q", given=given, score=0, max_score=1, seconds=1)
    (stats,) = store.question_totals(bank_id="b")
    assert stats.most_common_wrong == "Iraq" and stats.tries == 4 and stats.correct == 0


def test_damaged_values_are_skipped_never_raised(store: ScoreStore) -> None:
    record_quiz(store, {"system": 1.0, "coup-year": 0.0}, bank_id="b", title="B")
    with closing(sqlite3.connect(store.path)) as conn, conn:
        conn.execute(
            "INSERT INTO answers (attempt_id, bank_id, question_id, given, score, max_score,"
            " seconds, near_miss, skipped, tags, answered_at)"
            " VALUES (1, 'b', 'analyst', X'00', 'lots', 1.0, 'slow', 0, 0, '{not json',"
            " 'yesterday')"
        )
        conn.execute(
            "INSERT INTO answers (attempt_id, bank_id, question_id, given, score, max_score,"
            " seconds, near_miss, skipped, tags, answered_at)"
            " VALUES (1, 'b', 'neighbours', 'x', 0.0, 1.0, 'slow', 0, 0, '\"one\"', 12)"
        )
    assert store.bank_scores("tester")["b"].best_percent == pytest.approx(100 / 3)
    totals = {s.question_id: s for s in store.question_totals(bank_id="b")}
    assert "analyst" not in totals and totals["neighbours"].avg_seconds == 0.0
    assert store.tag_totals(player="tester", bank_id="b") == {"context": [1.0], "dates": [0.0]}
    assert {m.question_id for m in store.missed_on_bank("tester", "b")} == {"coup-year"}
    assert store.missed_questions("tester") == {"b": {"coup-year", "neighbours"}}
