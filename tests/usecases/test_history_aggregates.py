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


def expected_from_answers(
    store: ScoreStore, bank: str, player: str | None
) -> dict[str, tuple[int, int, int, float]]:
    """Per question: tries, correct, skipped and total seconds, summed here
    from every stored answer (the oracle the database's sums must match)."""
    totals: dict[str, list[float]] = {}
    for summary in store.attempts(player=player, bank_id=bank):
        for answer in store.answers(summary.id):
            total = totals.setdefault(answer.question_id, [0, 0, 0, 0.0])
            total[0] += 1
            total[1] += answer.correct
            total[2] += answer.skipped
            total[3] += answer.seconds
    return {q: (int(t[0]), int(t[1]), int(t[2]), t[3]) for q, t in sorted(totals.items())}


@pytest.mark.parametrize("seed", range(4))
def test_the_aggregates_agree_with_the_answers(store: ScoreStore, seed: int) -> None:
    random_history(store, seed)
    finished = [a for a in store.attempts(player="tester", finished=True)]
    scores = store.bank_stats("tester")
    assert set(scores) == {a.bank_id for a in finished}
    for bank, stats_of_bank in scores.items():
        mine = [a for a in finished if a.bank_id == bank]
        assert stats_of_bank.attempts == len(mine)
        assert stats_of_bank.best_percent == pytest.approx(max(a.percent for a in mine))
        assert stats_of_bank.last_percent == pytest.approx(mine[-1].percent)
    for bank in ("bank-a", "bank-b"):
        for player in ("tester", None):
            stats = store.question_stats(bank_id=bank, player=player)
            expected = expected_from_answers(store, bank, player)
            assert [(s.question_id, s.tries, s.correct, s.skipped) for s in stats] == [
                (q, tries, correct, skipped) for q, (tries, correct, skipped, _) in expected.items()
            ]
            assert [s.avg_seconds * s.tries for s in stats] == pytest.approx(
                [seconds for *_, seconds in expected.values()]
            )
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
    (stats,) = store.question_stats(bank_id="b")
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
    # Both damaged answers are left out, as every read of the store leaves
    # them out: a score or a time that cannot be read.
    assert store.bank_stats("tester")["b"].best_percent == pytest.approx(50.0)
    assert store.attempts()[0].answered == 2
    totals = {s.question_id: s for s in store.question_stats(bank_id="b")}
    assert set(totals) == {"system", "coup-year"}
    assert store.tag_accuracy(player="tester", bank_id="b") == {"context": [1.0], "dates": [0.0]}
    assert {m.question_id for m in store.missed_on_bank("tester", "b")} == {"coup-year"}
    assert store.missed_questions("tester") == {"b": {"coup-year"}}
