"""Damaged rows: values of the wrong type, NULLs, text that is not UTF-8.

Every read skips such a row and counts it; the commands say so once; the
doctor lists them and its repair keeps every sound row.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from quizapp.store import ScoreStore, damaged_rows_notice
from tests.store_damage import NOW, run_cli

T0 = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)


def sql(path: Path, statement: str, *params: object) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute(statement, params)


def set_null(path: Path, table: str, column: str, rowid: int) -> None:
    """Put a NULL in a NOT NULL column, as a damaged record header does:
    the constraint is lifted from the schema text, then put back."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        (ddl,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        lifted = re.sub(rf"(\b{column}\s+\w+)\s+NOT NULL", r"\1", ddl)
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (lifted, table))
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute(f"UPDATE {table} SET {column} = NULL WHERE rowid = ?", (rowid,))
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (ddl, table))


def answer(store: ScoreStore, attempt: int, question: str, score: float = 1.0) -> None:
    store.record_answer(
        attempt, question, given=f"given {question}", score=score, max_score=1, seconds=2,
        tags=("actors",),
    )  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Three players; ann has two finished attempts of three answers, bob and
    cem one each; study cards, reviews and a setting."""
    path = tmp_path / "scores.sqlite3"
    with ScoreStore.open(path, clock=lambda: T0) as store:
        for player in ("ann", "ann", "bob", "cem"):
            attempt = store.start_attempt(player, "s400", "S-400", ["q1", "q2", "q3"], {})
            for question in ("q1", "q2", "q3"):
                answer(store, attempt, question)
            store.finish_attempt(attempt)
        for card in ("c1", "c2"):
            store.save_review("ann", "s400", card, state_json="{}", due=T0, rating=3, log_json="{}")
        store.set_setting("theme", "nord")
    return path


def damage_rows(path: Path) -> None:
    """One damage of each kind, each in its own row."""
    sql(path, "UPDATE answers SET score = x'00' WHERE id = 1")  # a blob for a number
    sql(path, "UPDATE answers SET seconds = 'slow' WHERE id = 2")  # text for a number
    sql(path, "UPDATE answers SET skipped = 2 WHERE id = 4")  # not a flag
    sql(path, "UPDATE answers SET given = CAST(x'ff41' AS TEXT) WHERE id = 5")  # not UTF-8
    sql(path, "UPDATE answers SET answered_at = '2026-12-04T22:57:\x1d2.4+00:00' WHERE id = 6")
    sql(path, "UPDATE answers SET score = 1e999 WHERE id = 7")  # infinite
    sql(path, "UPDATE attempts SET options = '[1]' WHERE id = 4")  # cem's: not an object
    sql(path, "UPDATE players SET name = CAST(x'626fff' AS TEXT) WHERE name = 'bob'")
    sql(path, "UPDATE cards SET due = 'tomorrow' WHERE card_id = 'c1'")
    sql(path, "UPDATE reviews SET log = x'01' WHERE id = 2")
    sql(path, "UPDATE settings SET value = x'01' WHERE key = 'theme'")


def test_rows_with_wrong_types_and_nulls_are_skipped_and_counted(db: Path) -> None:
    damage_rows(db)
    with ScoreStore.open(db) as store:
        # bob's name and cem's attempt are damaged: only ann's attempts show.
        attempts = store.attempts()
        assert [a.player for a in attempts] == ["ann", "ann"]
        # Damaged numbers are left out of the totals.
        assert [(a.answered, a.score) for a in attempts] == [(1, 1.0), (2, 2.0)]
        assert [r.question_id for r in store.answers(1)] == ["q3"]
        assert [r.question_id for r in store.answers(2)] == []  # 4 bad flag, 5 UTF-8, 6 time
        assert [r.question_id for r in store.answers(3)] == ["q2", "q3"]  # 7 infinite
        assert store.players() == ["ann", "cem"]
        assert list(store.card_states("ann", "s400")) == ["c2"]
        assert [r.card_id for r in store.reviews("ann")] == ["c1"]
        assert store.get_setting("theme", "default") == "default"
        stats = {s.question_id: s.tries for s in store.question_stats(bank_id="s400")}
        # The database's sums leave out answers 1, 2, 4 and 7, whose numbers
        # or skip flag cannot be read; 5's text and 6's time of answering
        # are not summed, so those answers still count as tries.
        assert stats == {"q1": 1, "q2": 3, "q3": 4}
        # Each damaged row counts once, however often it was read.
        store.attempts()
        assert store.damaged_rows == 11
        assert len(store.damage_problems) == 11
        assert store.moved_aside is None
    assert damaged_rows_notice(12) == (
        "12 damaged rows in the scores database were skipped; run `quizapp doctor` to repair it"
    )
    assert damaged_rows_notice(1).startswith("1 damaged row in the scores database was skipped")


def test_the_commands_say_once_that_rows_were_skipped(db: Path) -> None:
    damage_rows(db)
    folder = ("--data-dir", str(db.parent))
    scores = run_cli("scores", "--all-players", "--answers", *folder)
    assert scores.status == 0
    assert scores.err.count("damaged rows in the scores database were skipped") == 1
    assert "quizapp scores: " in scores.err and "run `quizapp doctor` to repair it" in scores.err
    stats = run_cli("stats", "s400", *folder)
    assert stats.status == 0
    # The answers its statistics (summed up by the database, as the TUI's
    # view) cannot count, and the player and the attempt skipped when it
    # looked for the bank among the attempts.
    assert stats.err == (
        "quizapp stats: 6 damaged rows in the scores database were skipped; "
        "run `quizapp doctor` to repair it\n"
    )


def test_the_doctor_lists_damaged_rows_and_changes_nothing(db: Path) -> None:
    damage_rows(db)
    before = db.read_bytes()
    report = run_cli("doctor", "--data-dir", str(db.parent))
    assert report.status == 1
    assert "answers     12        6" in report.out
    assert "answers row 1: score: a blob where a number belongs: b'\\x00'" in report.out
    assert "answers row 5: given: text that is not UTF-8: b'\\xffA'" in report.out
    assert "Found 11 damaged rows. Run `quizapp doctor --repair`" in report.out
    assert db.read_bytes() == before


def test_nulls_where_none_can_be_get_the_file_replaced_by_its_sound_rows(db: Path) -> None:
    set_null(db, "answers", "tags", 8)
    set_null(db, "reviews", "reviewed_at", 2)
    with ScoreStore.open(db) as store:
        assert store.moved_aside is not None
        assert store.warning is not None
        assert "NULL value in" in store.warning
        assert "started with the 22 records that could still be read" in store.warning
        assert [r.question_id for r in store.answers(3)] == ["q1", "q3"]
        assert [a.answered for a in store.attempts()] == [3, 3, 2, 3]
        assert [r.card_id for r in store.reviews("ann")] == ["c1"]
        assert store.damaged_rows == 0


def attempts_with_answers(path: Path) -> dict[int, tuple[str, list[tuple[str, str]]]]:
    with ScoreStore.open(path) as store:
        return {
            a.id: (a.player, [(r.question_id, r.given) for r in store.answers(a.id)])
            for a in store.attempts()
        }


def test_repair_recovers_every_undamaged_attempt(db: Path) -> None:
    before = attempts_with_answers(db)
    sql(db, "UPDATE attempts SET started_at = 'yesterday' WHERE id = 2")
    sql(db, "UPDATE answers SET given = x'00' WHERE id = 8")  # attempt 3's q2
    sql(db, "UPDATE players SET name = CAST(x'626fff' AS TEXT) WHERE name = 'bob'")
    damaged = db.read_bytes()

    repair = run_cli("doctor", "--repair", "--data-dir", str(db.parent))
    assert repair.status == 0, repair
    assert "Recovered 18 rows; 6 rows were lost with the damage." in repair.out
    after = attempts_with_answers(db)
    # Attempt 2 is lost with its answers; attempt 3 keeps its sound answers;
    # bob's attempt is kept under a stand-in name.
    assert after[1] == before[1]
    assert after[3] == ("recovered player 2", [before[3][1][0], before[3][1][2]])
    assert after[4] == before[4]
    assert set(after) == {1, 3, 4}
    # The damaged file is kept, byte for byte; a backup was taken first.
    (aside,) = db.parent.glob("scores.sqlite3.damaged-*[0-9]")
    assert aside.read_bytes() == damaged
    assert len(list((db.parent / "backups").glob("*-before-repair.sqlite3"))) == 1
    assert run_cli("doctor", "--data-dir", str(db.parent)).status == 0
    with ScoreStore.open(db) as store:
        assert list(store.card_states("ann", "s400")) == ["c1", "c2"]
        assert store.get_setting("theme") == "nord"


def test_repair_of_a_sound_database_changes_nothing(db: Path) -> None:
    before = db.read_bytes()
    repair = run_cli("doctor", "--repair", "--data-dir", str(db.parent))
    assert (repair.status, repair.out) == (0, "No damage found; nothing to repair.\n")
    assert db.read_bytes() == before


def test_store_reads_of_a_filled_store_see_no_damage(tmp_path: Path) -> None:
    from tests.store_damage import fill_store, read_everything, shipped_bank

    bank = shipped_bank()
    fill_store(tmp_path / "scores.sqlite3", bank)
    with ScoreStore.open(tmp_path / "scores.sqlite3", clock=lambda: NOW) as store:
        read_everything(store, bank)
        assert store.damaged_rows == 0 and store.warning is None
