"""`ScoreStore`: the one object the rest of quizapp uses to read and write scores."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType

from quizapp.store import aggregates, queries
from quizapp.store.aggregates import MissedQuestion
from quizapp.store.database import open_database
from quizapp.store.decode import DamageLog, decoded, text, timestamp
from quizapp.store.errors import SQLITE_ERRORS, store_error
from quizapp.store.quiz_writes import AnswerToSave, NewAttempt
from quizapp.store.rows import (
    AnswerRow,
    AttemptSummary,
    BankStats,
    CardRow,
    QuestionStats,
    ReviewRow,
)
from quizapp.store.timestamps import Clock, to_db, utc_now


class ScoreStore:
    """The scores database. Create with `ScoreStore.open`.

    Every write is one committed transaction. Methods may be called from any
    thread (a lock serialises them), so Textual thread workers can use the
    same store. Database failures raise `StoreError` with a message meant for
    the user (a full disk, a read-only file, a lock held too long: see
    `StoreError.reason`); a wrong argument (an unknown attempt id, an empty
    player name, a rating outside 1..4) raises ValueError. Saving the same
    answer again replaces it, so a failed save can simply be retried.

    A damaged row is never raised: reads leave it out and count it in
    `damaged_rows` (see `quizapp.store.decode`), for the user to be told
    once (`quizapp.store.damaged_rows_notice`).
    """

    #: Set by `open` when a damaged database was moved aside to this path.
    moved_aside: Path | None
    #: Sentences for the user from opening: a damaged database moved aside,
    #: or recent answers missing with a lost -wal file. Show it when set.
    warning: str | None
    #: The database file.
    path: Path

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        clock: Clock = utc_now,
        moved_aside: Path | None = None,
        warning: str | None = None,
    ) -> None:
        """Wrap an open, migrated connection; use `ScoreStore.open` instead."""
        self._conn = conn
        self._lock = threading.RLock()
        self._clock = clock
        self.path = path
        self.moved_aside = moved_aside
        self.warning = warning
        self._damage = DamageLog()

    @classmethod
    def open(cls, path: Path, *, clock: Clock | None = None) -> ScoreStore:
        """Open (creating, migrating or replacing a damaged file) the database.

        Creates missing parent folders. A damaged or newer database is moved
        aside, a damaged one replaced by the rows that could still be read
        (see `moved_aside` and `warning`); raises `StoreError` when the
        database cannot be used at all (permissions, a folder in the way).
        """
        now = clock or utc_now
        opened = open_database(Path(path), now())
        return cls(
            opened.conn,
            Path(path),
            clock=now,
            moved_aside=opened.moved_aside,
            warning=opened.warning,
        )

    @property
    def damaged_rows(self) -> int:
        """How many damaged rows reads have left out so far (each counted once)."""
        with self._lock:
            return self._damage.count

    @property
    def damage_problems(self) -> tuple[str, ...]:
        """What was wrong with the first damaged rows left out."""
        with self._lock:
            return tuple(self._damage.problems)

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> ScoreStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------ plumbing

    def _now(self) -> str:
        return to_db(self._clock())

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except SQLITE_ERRORS as exc:
            raise store_error(self.path, exc, doing) from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction, taking the write lock up front."""
        with self._lock, self._errors("could not save to"):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                # Leave no transaction open, whatever failed (even the COMMIT);
                # the first error is the one worth reporting.
                if self._conn.in_transaction:
                    with suppress(*SQLITE_ERRORS):
                        self._conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent snapshot for several queries."""
        with self._lock, self._errors("could not read"):
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    def _player_id(self, conn: sqlite3.Connection, player: str) -> int:
        name = _player_name(player)
        conn.execute(
            "INSERT OR IGNORE INTO players (name, created_at) VALUES (?, ?)", (name, self._now())
        )
        found = queries.player_id(conn, name)
        assert found is not None, "the player row was inserted just above"
        return found

    # ------------------------------------------------------------ attempts

    def start_attempt(
        self,
        player: str,
        bank_id: str,
        bank_title: str,
        question_ids: Sequence[str],
        options: dict[str, object],
    ) -> int:
        """Record a new attempt; returns its id. The player is created on first use."""
        new = NewAttempt(player, bank_id, bank_title, tuple(question_ids), options)
        with self._write() as conn:
            return self._insert_attempt(conn, new, self._player_id(conn, player))

    def record_answer(
        self,
        attempt_id: int,
        question_id: str,
        *,
        given: str,
        score: float,
        max_score: float,
        seconds: float,
        near_miss: bool = False,
        skipped: bool = False,
        tags: Sequence[str] = (),
        self_graded: bool = False,
    ) -> None:
        """Store one answer in its own committed transaction.

        Answering the same question again within an attempt replaces the
        earlier answer (an attempt holds one answer per question).
        ``self_graded`` marks a score the student gave themself (an open
        question, see `quizapp.grading.Grade.self_graded`).
        """
        answer = AnswerToSave(
            question_id,
            given,
            score,
            max_score,
            seconds,
            near_miss,
            skipped,
            tuple(tags),
            self_graded,
        )
        self.save_quiz_answers(attempt_id, [answer])

    def _insert_attempt(self, conn: sqlite3.Connection, attempt: NewAttempt, player_id: int) -> int:
        """Insert ``attempt`` of the player ``player_id``; its new id."""
        cursor = conn.execute(
            "INSERT INTO attempts (player_id, bank_id, bank_title, question_ids, options,"
            " started_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                player_id,
                attempt.bank_id,
                attempt.bank_title,
                json.dumps(list(attempt.question_ids)),
                json.dumps(attempt.options, sort_keys=True),
                self._now(),
            ),
        )
        return int(cursor.lastrowid or 0)

    def _upsert_answer(
        self, conn: sqlite3.Connection, attempt_id: int, bank_id: str, answer: AnswerToSave
    ) -> None:
        """Insert ``answer``, replacing an earlier answer to its question in the attempt."""
        conn.execute(
            "INSERT INTO answers (attempt_id, bank_id, question_id, given, score,"
            " max_score, seconds, near_miss, skipped, tags, answered_at, self_graded)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (attempt_id, question_id) DO UPDATE SET given = excluded.given,"
            " score = excluded.score, max_score = excluded.max_score,"
            " seconds = excluded.seconds, near_miss = excluded.near_miss,"
            " skipped = excluded.skipped, tags = excluded.tags,"
            " answered_at = excluded.answered_at, self_graded = excluded.self_graded",
            (
                attempt_id,
                bank_id,
                answer.question_id,
                answer.given,
                float(answer.score),
                float(answer.max_score),
                float(answer.seconds),
                int(answer.near_miss),
                int(answer.skipped),
                json.dumps(list(answer.tags)),
                self._now(),
                int(answer.self_graded),
            ),
        )

    def save_quiz_answers(
        self,
        attempt: int | NewAttempt,
        answers: Sequence[AnswerToSave],
        *,
        finish: bool = False,
    ) -> int:
        """Store quiz answers, with everything they change, in one transaction:
        the attempt when it is a `NewAttempt` (a quiz is stored from its first
        answer), each answer (replacing an earlier answer to the same
        question), the study cards each one makes due, and, with ``finish``,
        the attempt marked finished. Returns the attempt's id."""
        with self._write() as conn:
            if isinstance(attempt, NewAttempt):
                player_id = self._player_id(conn, attempt.player)
                attempt_id = self._insert_attempt(conn, attempt, player_id)
                bank_id = attempt.bank_id
            else:
                attempt_id = attempt
                row = conn.execute(
                    "SELECT bank_id, player_id FROM attempts WHERE id = ?", (attempt_id,)
                ).fetchone()
                if row is None:
                    raise ValueError(f"no attempt with id {attempt_id}")
                bank_id, player_id = row
            for answer in answers:
                self._upsert_answer(conn, attempt_id, bank_id, answer)
                for card in answer.cards_due:
                    due = to_db(card.due)
                    conn.execute(
                        "INSERT INTO cards (player_id, bank_id, card_id, state, due, updated_at)"
                        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (player_id, bank_id, card_id)"
                        " DO UPDATE SET due = excluded.due, updated_at = excluded.updated_at"
                        " WHERE cards.due > excluded.due",
                        (player_id, bank_id, card.card_id, card.fresh_state_json, due, self._now()),
                    )
            if finish:
                conn.execute(
                    "UPDATE attempts SET finished_at = COALESCE(finished_at, ?) WHERE id = ?",
                    (self._now(), attempt_id),
                )
        return attempt_id

    def finish_attempt(self, attempt_id: int) -> None:
        """Mark an attempt finished now (a second call keeps the first time)."""
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE attempts SET finished_at = COALESCE(finished_at, ?) WHERE id = ?",
                (self._now(), attempt_id),
            )
            if cursor.rowcount == 0:
                raise ValueError(f"no attempt with id {attempt_id}")

    def discard_attempt(self, attempt_id: int) -> None:
        """Delete an attempt and its answers (the user asked to discard it)."""
        with self._write() as conn:
            conn.execute("DELETE FROM answers WHERE attempt_id = ?", (attempt_id,))
            conn.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))

    def attempt(self, attempt_id: int) -> AttemptSummary | None:
        """One attempt, or None if there is no such attempt."""
        with self._read() as conn:
            found = queries.attempt_summaries(conn, self._damage, attempt_id=attempt_id)
        return found[0] if found else None

    def attempts(
        self, *, player: str | None = None, bank_id: str | None = None, finished: bool | None = None
    ) -> list[AttemptSummary]:
        """Attempts, oldest first, filtered by player, bank and finished state."""
        with self._read() as conn:
            return queries.attempt_summaries(
                conn, self._damage, player=player, bank_id=bank_id, finished=finished
            )

    def unfinished_attempts(
        self, player: str, *, bank_id: str | None = None
    ) -> list[AttemptSummary]:
        """The player's attempts that can be resumed, newest first."""
        found = self.attempts(player=player, bank_id=bank_id, finished=False)
        return found[::-1]

    def answers(self, attempt_id: int) -> list[AnswerRow]:
        """An attempt's answers in the order they were first given."""
        with self._read() as conn:
            return queries.answer_rows(conn, self._damage, attempt_id)

    def players(self) -> list[str]:
        """Every player name, sorted."""
        with self._read() as conn:
            rows = conn.execute("SELECT id, name FROM players ORDER BY name").fetchall()
            return sorted(decoded(rows, "players", lambda row: text(row[0]), self._damage))

    # ------------------------------------------------------------ statistics

    def bank_stats(self, player: str) -> dict[str, BankStats]:
        """Per bank id: best and last finished score and when last played,
        summed up by the database. Banks the player never finished an
        attempt on are left out."""
        with self._read() as conn:
            return aggregates.bank_stats(conn, player)

    def missed_questions(self, player: str) -> dict[str, set[str]]:
        """Per bank id, the questions the player ever answered without full marks."""
        with self._read() as conn:
            return aggregates.missed_questions(conn, player)

    def missed_on_bank(self, player: str, bank_id: str) -> list[MissedQuestion]:
        """The player's answers on a bank, per question missed at least once."""
        with self._read() as conn:
            return aggregates.missed_on_bank(conn, player, bank_id)

    def question_stats(self, *, bank_id: str, player: str | None = None) -> list[QuestionStats]:
        """Per question of ``bank_id`` ever answered: tries, correct, time and the
        most common wrong answer, for one player or (None) everyone, summed up
        by the database. Sorted by question id; every answer counts, finished
        attempt or not."""
        with self._read() as conn:
            return aggregates.question_stats(conn, bank_id=bank_id, player=player)

    def tag_accuracy(self, *, player: str, bank_id: str) -> dict[str, list[float]]:
        """Per tag, the accuracy (0..1) in each finished attempt, oldest first,
        summed up by the database. Accuracy is the points scored over the
        points available on the attempt's answers with that tag, so partial
        credit counts; a tag gets a value only for attempts that had it."""
        with self._read() as conn:
            return aggregates.tag_accuracy(conn, player=player, bank_id=bank_id)

    # ------------------------------------------------------------ settings

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """The stored value of a setting (such as ``theme``), or ``default``."""
        with self._read() as conn:
            rows = conn.execute("SELECT rowid, value FROM settings WHERE key = ?", (key,))
            found = list(decoded(rows, "settings", lambda row: text(row[0]), self._damage))
        return found[0] if found else default

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting, replacing any earlier value."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # ------------------------------------------------------------ study cards

    def card_states(self, player: str, bank_id: str) -> dict[str, CardRow]:
        """The player's stored study cards of a bank, by card id."""
        with self._read() as conn:
            player_id = queries.player_id(conn, _player_name(player))
            if player_id is None:
                return {}
            rows = conn.execute(
                "SELECT rowid, card_id, state, due, updated_at FROM cards"
                " WHERE player_id = ? AND bank_id = ? ORDER BY card_id",
                (player_id, bank_id),
            )
            cards = list(decoded(rows, "cards", _card_row, self._damage))
        return {card.card_id: card for card in cards}

    def save_review(
        self,
        player: str,
        bank_id: str,
        card_id: str,
        *,
        state_json: str,
        due: dt.datetime,
        rating: int,
        log_json: str,
        reviewed_at: dt.datetime | None = None,
        introduced: bool = True,
    ) -> None:
        """Store a card's new state and the review that produced it, in one
        transaction; ``introduced`` when the card was new (had no state)."""
        _check_rating(rating)
        when = to_db(reviewed_at) if reviewed_at is not None else self._now()
        with self._write() as conn:
            player_id = self._player_id(conn, player)
            _upsert_card(conn, player_id, bank_id, card_id, state_json, due, when)
            conn.execute(
                "INSERT INTO reviews"
                " (player_id, bank_id, card_id, rating, reviewed_at, log, cram, introduced)"
                " VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
                (player_id, bank_id, card_id, rating, when, log_json, int(introduced)),
            )

    def record_cram_review(
        self,
        player: str,
        bank_id: str,
        card_id: str,
        *,
        rating: int,
        log_json: str = "{}",
        reviewed_at: dt.datetime | None = None,
    ) -> None:
        """Log a cram-mode review; the card's schedule is left untouched."""
        _check_rating(rating)
        when = to_db(reviewed_at) if reviewed_at is not None else self._now()
        with self._write() as conn:
            player_id = self._player_id(conn, player)
            conn.execute(
                "INSERT INTO reviews (player_id, bank_id, card_id, rating, reviewed_at, log, cram)"
                " VALUES (?, ?, ?, ?, ?, ?, 1)",
                (player_id, bank_id, card_id, rating, when, log_json),
            )

    def reviews(self, player: str, bank_id: str | None = None) -> list[ReviewRow]:
        """The player's reviews (of one bank, or all), oldest first."""
        with self._read() as conn:
            return queries.review_rows(
                conn, self._damage, player=_player_name(player), bank_id=bank_id
            )

    def reviews_today(self, player: str, bank_id: str, since: dt.datetime) -> int:
        """How many new cards had their first-ever (non-cram) review at or
        after ``since``: the new cards studied, for the daily new-card limit.
        A card made due by a wrong quiz answer before it was ever studied is
        not counted (its first review says ``introduced = 0``)."""
        with self._read() as conn:
            player_id = queries.player_id(conn, _player_name(player))
            if player_id is None:
                return 0
            row = conn.execute(
                # SQLite takes a bare column beside MIN() from the row with
                # the minimum: ``introduced`` is the first review's.
                "SELECT COUNT(*) FROM (SELECT MIN(reviewed_at) AS first, introduced"
                " FROM reviews WHERE player_id = ? AND bank_id = ? AND cram = 0"
                " GROUP BY card_id) WHERE first >= ? AND introduced IS NOT 0",
                (player_id, bank_id, to_db(since)),
            ).fetchone()
        return int(row[0])


def _card_row(row: Sequence[object]) -> CardRow:
    return CardRow(text(row[0]), text(row[1]), timestamp(row[2]), timestamp(row[3]))


def _player_name(player: str) -> str:
    name = player.strip()
    if not name:
        raise ValueError("the player name is empty")
    return name


def _check_rating(rating: int) -> None:
    if rating not in (1, 2, 3, 4):
        raise ValueError(f"a review rating is 1 (Again) to 4 (Easy), not {rating!r}")


def _upsert_card(
    conn: sqlite3.Connection,
    player_id: int,
    bank_id: str,
    card_id: str,
    state_json: str,
    due: dt.datetime,
    updated_at: str,
) -> None:
    conn.execute(
        "INSERT INTO cards (player_id, bank_id, card_id, state, due, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (player_id, bank_id, card_id)"
        " DO UPDATE SET state = excluded.state, due = excluded.due,"
        " updated_at = excluded.updated_at",
        (player_id, bank_id, card_id, state_json, to_db(due), updated_at),
    )
