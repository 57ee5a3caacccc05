"""ScoreStore: attempts, answers, statistics, settings and study tables."""

from __future__ import annotations

import datetime as dt
import getpass
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.paths import default_player
from quizapp.store import (
    SCHEMA_VERSION,
    AnswerRow,
    CardRow,
    ReviewRow,
    ScoreStore,
    StoreError,
    database,
)

T0 = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)


class Clock:
    """A clock that shows T0 until a test moves it."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "scores.sqlite3"


@pytest.fixture
def store(db_path: Path, clock: Clock) -> Iterator[ScoreStore]:
    with ScoreStore.open(db_path, clock=clock) as opened:
        yield opened


def quiz(
    store: ScoreStore,
    player: str,
    bank_id: str,
    results: list[tuple[str, float, float]],
    *,
    finish: bool = True,
    given: str = "x",
    tags: tuple[str, ...] = (),
) -> int:
    """An attempt with one answer per (question id, score, max) triple."""
    attempt = store.start_attempt(player, bank_id, bank_id.title(), [q for q, _, _ in results], {})
    for question_id, score, max_score in results:
        store.record_answer(
            attempt,
            question_id,
            given=given,
            score=score,
            max_score=max_score,
            seconds=2.0,
            tags=tags,
        )
    if finish:
        store.finish_attempt(attempt)
    return attempt


# ------------------------------------------------------------------ attempts


def test_a_recorded_attempt_sums_its_answers(store: ScoreStore, clock: Clock) -> None:
    options: dict[str, object] = {"count": 3, "tags": ("actors",), "shuffle": True}
    attempt = store.start_attempt("ann", "s400", "S-400", ["q1", "q2", "q3"], options)
    store.record_answer(attempt, "q1", given="Erdogan", score=1, max_score=1, seconds=4.5)
    store.record_answer(attempt, "q2", given="A; B", score=1.5, max_score=2, seconds=10.25)
    store.record_answer(attempt, "q3", given="", score=0, max_score=1, seconds=1.0, skipped=True)
    clock.advance(600)  # the attempt's seconds come from its answers, not from this
    store.finish_attempt(attempt)

    summary = store.attempt(attempt)
    assert summary is not None
    assert summary.player == "ann"
    assert (summary.bank_id, summary.bank_title) == ("s400", "S-400")
    assert summary.question_ids == ("q1", "q2", "q3")
    assert summary.options == {"count": 3, "tags": ["actors"], "shuffle": True}
    assert (summary.answered, summary.skipped, summary.total) == (3, 1, 3)
    assert (summary.score, summary.max_score) == (2.5, 4.0)
    assert summary.percent == 62.5
    assert summary.seconds == 15.75
    assert summary.started_at == T0
    assert summary.finished_at == T0 + dt.timedelta(minutes=10)
    assert summary.finished


def test_self_graded_answers_are_marked(store: ScoreStore) -> None:
    attempt = store.start_attempt("ann", "s400", "S-400", ["why", "q1"], {})
    store.record_answer(
        attempt, "why", given="its neighbours", score=0.5, max_score=1, seconds=40, self_graded=True
    )
    store.record_answer(attempt, "q1", given="Erdogan", score=1, max_score=1, seconds=3)
    assert [(row.question_id, row.self_graded) for row in store.answers(attempt)] == [
        ("why", True),
        ("q1", False),
    ]
    stats = {s.question_id: s for s in store.question_stats(bank_id="s400")}
    assert (stats["why"].self_graded, stats["q1"].self_graded) == (1, 0)


def test_answers_come_back_as_given_in_order(store: ScoreStore, clock: Clock) -> None:
    attempt = store.start_attempt("ann", "s400", "S-400", ["q2", "q1"], {})
    clock.advance(2)
    store.record_answer(
        attempt,
        "q2",
        given="Cagaptai",
        score=1,
        max_score=1,
        seconds=3.0,
        near_miss=True,
        tags=("actors", "people"),
    )
    clock.advance(1)
    store.record_answer(attempt, "q1", given="", score=0, max_score=2, seconds=0.5, skipped=True)
    assert store.answers(attempt) == [
        AnswerRow(
            attempt_id=attempt,
            question_id="q2",
            given="Cagaptai",
            score=1.0,
            max_score=1.0,
            seconds=3.0,
            near_miss=True,
            skipped=False,
            tags=("actors", "people"),
            answered_at=T0 + dt.timedelta(seconds=2),
        ),
        AnswerRow(
            attempt_id=attempt,
            question_id="q1",
            given="",
            score=0.0,
            max_score=2.0,
            seconds=0.5,
            near_miss=False,
            skipped=True,
            tags=(),
            answered_at=T0 + dt.timedelta(seconds=3),
        ),
    ]
    assert [row.correct for row in store.answers(attempt)] == [True, False]


def test_answering_a_question_again_replaces_the_answer(store: ScoreStore) -> None:
    attempt = store.start_attempt("ann", "s400", "S-400", ["q1"], {})
    store.record_answer(attempt, "q1", given="wrong", score=0, max_score=1, seconds=1)
    store.record_answer(attempt, "q1", given="right", score=1, max_score=1, seconds=2)
    rows = store.answers(attempt)
    assert [(r.given, r.score) for r in rows] == [("right", 1.0)]
    summary = store.attempt(attempt)
    assert summary is not None and summary.answered == 1


def test_unknown_attempts_are_reported(store: ScoreStore) -> None:
    with pytest.raises(ValueError, match="no attempt with id 99"):
        store.record_answer(99, "q1", given="x", score=1, max_score=1, seconds=1)
    with pytest.raises(ValueError, match="no attempt with id 99"):
        store.finish_attempt(99)
    assert store.attempt(99) is None
    assert store.answers(99) == []


def test_a_failed_write_leaves_the_store_usable(store: ScoreStore) -> None:
    attempt = store.start_attempt("ann", "s400", "S-400", ["q1"], {})
    with pytest.raises(ValueError):
        store.record_answer(attempt + 1, "q1", given="x", score=1, max_score=1, seconds=1)
    store.record_answer(attempt, "q1", given="x", score=1, max_score=1, seconds=1)
    assert [a.answered for a in store.attempts()] == [1]


def test_a_database_locked_too_long_is_a_store_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.05)
    with ScoreStore.open(db_path) as store:
        attempt = store.start_attempt("ann", "s400", "S-400", ["q1"], {})
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with pytest.raises(StoreError, match="database is locked"):
            store.record_answer(attempt, "q1", given="x", score=1, max_score=1, seconds=1)
        other.execute("ROLLBACK")
        other.close()
        store.record_answer(attempt, "q1", given="x", score=1, max_score=1, seconds=1)
        assert [a.answered for a in store.attempts()] == [1]


def test_finishing_twice_keeps_the_first_time(store: ScoreStore) -> None:
    attempt = quiz(store, "ann", "s400", [("q1", 1, 1)])
    first = store.attempt(attempt)
    store.finish_attempt(attempt)
    assert store.attempt(attempt) == first


def test_attempts_filter_and_order(store: ScoreStore) -> None:
    a1 = quiz(store, "ann", "s400", [("q1", 1, 1)])
    b1 = quiz(store, "bob", "s400", [("q1", 0, 1)])
    a2 = quiz(store, "ann", "dates", [("d1", 1, 1)], finish=False)
    a3 = quiz(store, "ann", "s400", [("q1", 0, 1)], finish=False)

    assert [a.id for a in store.attempts()] == [a1, b1, a2, a3]
    assert [a.id for a in store.attempts(player="ann")] == [a1, a2, a3]
    assert [a.id for a in store.attempts(bank_id="s400")] == [a1, b1, a3]
    assert [a.id for a in store.attempts(player="ann", finished=True)] == [a1]
    assert [a.id for a in store.attempts(finished=False)] == [a2, a3]
    assert [a.id for a in store.unfinished_attempts("ann")] == [a3, a2]
    assert [a.id for a in store.unfinished_attempts("ann", bank_id="dates")] == [a2]
    assert store.attempts(player="nobody") == []


def test_an_attempt_without_answers_has_zero_totals(store: ScoreStore) -> None:
    attempt = store.start_attempt("ann", "s400", "S-400", ["q1", "q2"], {})
    summary = store.attempt(attempt)
    assert summary is not None
    assert (summary.answered, summary.score, summary.max_score, summary.seconds) == (0, 0, 0, 0)
    assert summary.percent == 0.0
    assert not summary.finished


def test_discarding_an_attempt_removes_it_and_its_answers(store: ScoreStore) -> None:
    kept = quiz(store, "ann", "s400", [("q1", 1, 1)])
    dropped = quiz(store, "ann", "s400", [("q1", 0, 1), ("q2", 0, 1)], finish=False)
    store.discard_attempt(dropped)
    assert [a.id for a in store.attempts()] == [kept]
    assert store.answers(dropped) == []
    assert [(s.question_id, s.tries) for s in store.question_stats(bank_id="s400")] == [("q1", 1)]


def test_players_are_created_on_first_use(store: ScoreStore) -> None:
    assert store.players() == []
    quiz(store, "zoe", "s400", [("q1", 1, 1)])
    quiz(store, " ann ", "s400", [("q1", 1, 1)])
    quiz(store, "ann", "s400", [("q1", 1, 1)])
    assert store.players() == ["ann", "zoe"]
    assert len(store.attempts(player="ann")) == 2
    with pytest.raises(ValueError, match="player name is empty"):
        store.start_attempt("  ", "s400", "S-400", [], {})


def test_scores_survive_closing_and_reopening(db_path: Path, clock: Clock) -> None:
    with ScoreStore.open(db_path, clock=clock) as store:
        attempt = quiz(store, "ann", "s400", [("q1", 1, 1), ("q2", 0, 1)])
        before = store.attempts()
    with ScoreStore.open(db_path, clock=clock) as store:
        assert store.attempts() == before
        assert len(store.answers(attempt)) == 2
        assert store.moved_aside is None and store.warning is None


def test_the_database_is_in_wal_mode(store: ScoreStore, db_path: Path) -> None:
    other = sqlite3.connect(db_path)
    try:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert other.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        other.close()


def test_threads_can_share_one_store(store: ScoreStore) -> None:
    attempts = [store.start_attempt("ann", "s400", "S-400", [], {}) for _ in range(4)]

    def answer_all(attempt: int) -> None:
        for n in range(50):
            store.record_answer(attempt, f"q{n}", given="x", score=1, max_score=1, seconds=1)

    threads = [threading.Thread(target=answer_all, args=(a,)) for a in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a.answered for a in store.attempts()] == [50, 50, 50, 50]


# ------------------------------------------------------------------ statistics


def test_bank_stats_cover_finished_attempts_only(store: ScoreStore, clock: Clock) -> None:
    quiz(store, "ann", "s400", [("q1", 1, 1), ("q2", 1, 1)])  # 100 %
    quiz(store, "ann", "s400", [("q1", 0, 1), ("q2", 1, 1)])  # 50 %
    last = quiz(store, "ann", "s400", [("q1", 1, 1), ("q2", 0, 2)])  # 33.3 %
    quiz(store, "ann", "s400", [("q1", 0, 1)], finish=False)
    quiz(store, "ann", "dates", [("d1", 0, 1)], finish=False)
    quiz(store, "bob", "s400", [("q1", 0, 1)])

    stats = store.bank_stats("ann")
    assert list(stats) == ["s400"]
    s400 = stats["s400"]
    assert s400.attempts == 3
    assert s400.best_percent == 100.0
    assert s400.last_percent == pytest.approx(100 / 3)
    summary = store.attempt(last)
    assert summary is not None and s400.last_played == summary.finished_at
    assert store.bank_stats("nobody") == {}


def test_question_stats_count_tries_and_wrong_answers(store: ScoreStore) -> None:
    for given, score in [("Putin", 0), ("Trump", 0), ("Putin", 0), ("Erdogan", 1)]:
        quiz(store, "ann", "s400", [("who", score, 1)], given=given)
    quiz(store, "bob", "s400", [("who", 0.5, 1)], given="Trump")  # partial: wrong
    quiz(store, "bob", "s400", [("who", 0, 1)], given="Trump")
    attempt = store.start_attempt("bob", "s400", "S-400", ["when"], {})
    store.record_answer(attempt, "when", given="", score=0, max_score=1, seconds=9, skipped=True)
    store.record_answer(attempt, "who", given="Erdogan", score=1, max_score=1, seconds=5)
    quiz(store, "ann", "other-bank", [("who", 0, 1)], given="Nobody")

    everyone = {s.question_id: s for s in store.question_stats(bank_id="s400")}
    assert list(everyone) == ["when", "who"]
    who = everyone["who"]
    assert (who.tries, who.correct, who.missed, who.skipped) == (7, 2, 5, 0)
    assert who.last_correct is True
    assert who.facility == pytest.approx(2 / 7)
    assert who.avg_seconds == pytest.approx((6 * 2.0 + 5) / 7)
    assert who.most_common_wrong == "Trump"  # 3 times, Putin twice
    when = everyone["when"]
    assert (when.tries, when.correct, when.skipped, when.most_common_wrong) == (1, 0, 1, None)

    (ann_who,) = store.question_stats(bank_id="s400", player="ann")
    assert (ann_who.tries, ann_who.correct, ann_who.last_correct) == (4, 1, True)
    assert ann_who.most_common_wrong == "Putin"
    assert store.question_stats(bank_id="s400", player="nobody") == []


def test_a_tie_between_wrong_answers_goes_to_the_most_recent(store: ScoreStore) -> None:
    for given in ["Putin", "Trump", "Trump", "Putin"]:
        quiz(store, "ann", "s400", [("who", 0, 1)], given=given)
    (stats,) = store.question_stats(bank_id="s400")
    assert stats.most_common_wrong == "Putin"


def test_tag_accuracy_per_finished_attempt(store: ScoreStore) -> None:
    first = store.start_attempt("ann", "s400", "S-400", ["a1", "a2", "d1"], {})
    store.record_answer(first, "a1", given="x", score=1, max_score=1, seconds=1, tags=["actors"])
    store.record_answer(first, "a2", given="x", score=0, max_score=1, seconds=1, tags=["actors"])
    store.record_answer(
        first, "d1", given="x", score=1, max_score=2, seconds=1, tags=["dates", "actors"]
    )
    store.finish_attempt(first)
    quiz(store, "ann", "s400", [("a1", 1, 1)], tags=("actors",))
    quiz(store, "ann", "s400", [("q1", 0, 1)], tags=("quotes",), finish=False)
    quiz(store, "ann", "other", [("q1", 0, 1)], tags=("actors",))
    quiz(store, "bob", "s400", [("q1", 0, 1)], tags=("actors",))

    assert store.tag_accuracy(player="ann", bank_id="s400") == {
        "actors": [0.5, 1.0],  # (1 + 0 + 1) / (1 + 1 + 2), then 1 / 1
        "dates": [0.5],
    }
    assert store.tag_accuracy(player="nobody", bank_id="s400") == {}


# ------------------------------------------------------------------ settings


def test_settings(db_path: Path) -> None:
    with ScoreStore.open(db_path) as store:
        assert store.get_setting("theme") is None
        assert store.get_setting("theme", "nord") == "nord"
        store.set_setting("theme", "gruvbox")
        store.set_setting("theme", "textual-dark")
        store.set_setting("study.new_per_day", "20")
    with ScoreStore.open(db_path) as store:
        assert store.get_setting("theme", "nord") == "textual-dark"
        assert store.get_setting("study.new_per_day") == "20"


# ------------------------------------------------------------------ study tables


def test_saving_a_review_stores_the_card_and_the_log(store: ScoreStore) -> None:
    due = dt.datetime(2024, 3, 2, 9, 0, tzinfo=dt.UTC)
    reviewed = dt.datetime(2024, 3, 1, 10, 0, tzinfo=dt.UTC)
    store.save_review(
        "ann",
        "s400",
        "actor:erdogan",
        state_json='{"s": 1}',
        due=due,
        rating=3,
        log_json='{"r": 3}',
        reviewed_at=reviewed,
    )
    assert store.card_states("ann", "s400") == {
        "actor:erdogan": CardRow("actor:erdogan", '{"s": 1}', due, reviewed)
    }
    later = due + dt.timedelta(days=3)
    store.save_review(
        "ann",
        "s400",
        "actor:erdogan",
        state_json='{"s": 2}',
        due=later,
        rating=4,
        log_json='{"r": 4}',
        reviewed_at=reviewed + dt.timedelta(days=1),
    )
    card = store.card_states("ann", "s400")["actor:erdogan"]
    assert (card.state_json, card.due) == ('{"s": 2}', later)
    assert [(r.rating, r.log_json, r.cram) for r in store.reviews("ann", "s400")] == [
        (3, '{"r": 3}', False),
        (4, '{"r": 4}', False),
    ]
    assert store.card_states("bob", "s400") == {}
    assert store.card_states("ann", "other") == {}


def test_cram_reviews_leave_the_schedule_alone(store: ScoreStore) -> None:
    due = dt.datetime(2024, 3, 9, tzinfo=dt.UTC)
    store.save_review("ann", "s400", "c1", state_json="{}", due=due, rating=3, log_json="{}")
    before = store.card_states("ann", "s400")
    store.record_cram_review("ann", "s400", "c1", rating=1)
    store.record_cram_review("ann", "s400", "c2", rating=4)
    assert store.card_states("ann", "s400") == before
    assert [(r.card_id, r.rating, r.cram) for r in store.reviews("ann")] == [
        ("c1", 3, False),
        ("c1", 1, True),
        ("c2", 4, True),
    ]


def test_reviews_of_all_banks_oldest_first(store: ScoreStore) -> None:
    day = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    for hours, bank in [(5, "b"), (1, "a"), (3, "b")]:
        store.save_review(
            "ann",
            bank,
            "c",
            state_json="{}",
            due=day,
            rating=2,
            log_json="{}",
            reviewed_at=day + dt.timedelta(hours=hours),
        )
    assert store.reviews("ann") == [
        ReviewRow("a", "c", 2, day + dt.timedelta(hours=1), "{}", False),
        ReviewRow("b", "c", 2, day + dt.timedelta(hours=3), "{}", False),
        ReviewRow("b", "c", 2, day + dt.timedelta(hours=5), "{}", False),
    ]
    assert [r.bank_id for r in store.reviews("ann", "b")] == ["b", "b"]
    assert store.reviews("bob") == []


def test_ratings_outside_one_to_four_are_refused(store: ScoreStore) -> None:
    due = dt.datetime(2024, 3, 9, tzinfo=dt.UTC)
    for rating in (0, 5):
        with pytest.raises(ValueError, match="1 \\(Again\\) to 4 \\(Easy\\)"):
            store.save_review(
                "ann", "s", "c", state_json="{}", due=due, rating=rating, log_json="{}"
            )
        with pytest.raises(ValueError):
            store.record_cram_review("ann", "s", "c", rating=rating)
    assert store.reviews("ann") == []


def test_naive_datetimes_are_local_time(store: ScoreStore) -> None:
    naive = dt.datetime(2024, 3, 1, 12, 0)
    store.save_review("ann", "s", "c", state_json="{}", due=naive, rating=3, log_json="{}")
    assert store.card_states("ann", "s")["c"].due == naive.astimezone(dt.UTC)


def test_reviews_today_counts_cards_first_reviewed_since(store: ScoreStore) -> None:
    midnight = dt.datetime(2024, 3, 2, tzinfo=dt.UTC)
    due = midnight + dt.timedelta(days=5)

    def review(card: str, hours: float, *, cram: bool = False, bank: str = "s400") -> None:
        when = midnight + dt.timedelta(hours=hours)
        if cram:
            store.record_cram_review("ann", bank, card, rating=3, reviewed_at=when)
        else:
            store.save_review(
                "ann",
                bank,
                card,
                state_json="{}",
                due=due,
                rating=3,
                log_json="{}",
                reviewed_at=when,
            )

    review("old", -30)  # first seen yesterday
    review("old", 2)
    review("new1", 1)
    review("new1", 3)
    review("new2", 4)
    review("crammed", -5, cram=True)  # cram does not introduce a card
    review("crammed", 5)
    review("elsewhere", 1, bank="other")
    assert store.reviews_today("ann", "s400", midnight) == 3
    assert store.reviews_today("ann", "s400", midnight + dt.timedelta(hours=3.5)) == 2
    assert store.reviews_today("bob", "s400", midnight) == 0


# ------------------------------------------------------------------ default player


def test_default_player_is_the_login_name() -> None:
    assert default_player() == "tester"  # conftest sets USER


def test_default_player_falls_back_when_there_is_no_login_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_user() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert default_player() == "player"
