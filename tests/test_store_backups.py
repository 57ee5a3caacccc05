"""Backups of the scores database: daily, before a migration or a repair,
pruned to 7 daily and 4 weekly copies, and restored with quizapp doctor."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from quizapp.store import ScoreStore, StoreError, daily_backup
from quizapp.store.backups import list_backups, prune_backups, restore_backup
from tests.store_damage import run_cli
from tests.test_store_faults import V1_SCHEMA

#: Local time, as backups are named.
MONDAY = dt.datetime(2024, 5, 6, 7, 30).astimezone()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "scores.sqlite3"
    with ScoreStore.open(path) as store:
        record(store, "before the backup")
    return path


def record(store: ScoreStore, given: str) -> None:
    attempt = store.start_attempt("ann", "s400", "S-400", ["q1"], {})
    store.record_answer(attempt, "q1", given=given, score=1, max_score=1, seconds=1)
    store.finish_attempt(attempt)


def givens(path: Path) -> list[str]:
    with ScoreStore.open(path) as store:
        return [row.given for a in store.attempts() for row in store.answers(a.id)]


def test_the_first_start_of_a_day_takes_a_backup(db: Path) -> None:
    taken = daily_backup(db, MONDAY)
    assert taken == db.parent / "backups" / "scores-20240506-073000-daily.sqlite3"
    assert givens(taken) == ["before the backup"]
    # Later that day: nothing more; the next day: a new one.
    assert daily_backup(db, MONDAY.replace(hour=22)) is None
    assert daily_backup(db, MONDAY + dt.timedelta(days=1)) is not None
    assert [b.reason for b in list_backups(db)] == ["daily", "daily"]


def test_no_database_no_backup(tmp_path: Path) -> None:
    assert daily_backup(tmp_path / "scores.sqlite3", MONDAY) is None
    assert not (tmp_path / "backups").exists()


def test_a_backup_is_consistent_while_quizapp_writes(db: Path) -> None:
    with ScoreStore.open(db) as store:
        record(store, "still in the -wal file")
        taken = daily_backup(db, MONDAY)  # another connection, as the TUI's worker has
        record(store, "after the backup")
    assert taken is not None
    assert givens(taken) == ["before the backup", "still in the -wal file"]


def test_seven_daily_and_four_weekly_backups_are_kept(db: Path) -> None:
    for day in range(60):
        daily_backup(db, MONDAY + dt.timedelta(days=day))
    kept = [b.taken_at.date() for b in list_backups(db)]
    last = (MONDAY + dt.timedelta(days=59)).date()
    daily = [last - dt.timedelta(days=n) for n in range(7)]
    assert kept[:7] == daily
    # Before those, the newest backup of each of the four weeks before: the
    # day just before the daily ones (a Thursday), then three Sundays.
    assert last == dt.date(2024, 7, 4)
    assert kept[7:] == [
        dt.date(2024, 6, 27),
        dt.date(2024, 6, 23),
        dt.date(2024, 6, 16),
        dt.date(2024, 6, 9),
    ]
    assert prune_backups(db) == []


def test_backups_before_a_migration_or_a_repair_are_never_pruned(tmp_path: Path) -> None:
    path = tmp_path / "scores.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(V1_SCHEMA)
    ScoreStore.open(path).close()  # migrates from version 1
    (before,) = list_backups(path)
    assert before.reason == "before-migration"
    with closing(sqlite3.connect(before.path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (1,)
        assert conn.execute("SELECT given FROM answers").fetchall() == [("Erdogan",), ("2017",)]
    for day in range(30):
        daily_backup(path, MONDAY + dt.timedelta(days=day))
    assert [b.path for b in list_backups(path) if b.reason == "before-migration"] == [before.path]


def test_doctor_lists_and_restores_a_backup_end_to_end(db: Path) -> None:
    daily_backup(db, MONDAY)
    with ScoreStore.open(db) as store:
        record(store, "after the backup")
    current = db.read_bytes()
    folder = ("--data-dir", str(db.parent))

    listing = run_cli("doctor", "--restore", *folder)
    assert listing.status == 0
    assert "1  2024-05-06 07:30  daily" in listing.out
    assert "scores-20240506-073000-daily.sqlite3" in listing.out

    restored = run_cli("doctor", "--restore", "1", *folder)
    assert restored.status == 0, restored
    assert givens(db) == ["before the backup"]
    # The replaced database is kept beside it; the backup stays too.
    (aside,) = db.parent.glob("scores.sqlite3.replaced-*[0-9]")
    assert f"The database it replaced was moved to {aside}." in restored.out
    assert aside.read_bytes() == current
    assert givens(aside) == ["before the backup", "after the backup"]
    assert len(list_backups(db)) == 1


def test_restoring_by_file_name_or_path(db: Path, tmp_path: Path) -> None:
    taken = daily_backup(db, MONDAY)
    assert taken is not None
    by_name = run_cli("doctor", "--restore", taken.name, "--data-dir", str(db.parent))
    assert by_name.status == 0
    elsewhere = tmp_path / "copy.sqlite3"
    elsewhere.write_bytes(taken.read_bytes())
    by_path = run_cli("doctor", "--restore", str(elsewhere), "--data-dir", str(db.parent))
    assert by_path.status == 0
    assert givens(db) == ["before the backup"]


def test_an_unknown_backup_is_a_usage_error(db: Path) -> None:
    run = run_cli("doctor", "--restore", "3", "--data-dir", str(db.parent))
    assert run.status == 2
    assert "quizapp doctor: no backup '3'; `quizapp doctor --restore` lists them" in run.err


def test_a_damaged_backup_is_not_restored(db: Path) -> None:
    taken = daily_backup(db, MONDAY)
    assert taken is not None
    data = bytearray(taken.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096
    taken.write_bytes(bytes(data))
    before = db.read_bytes()
    with pytest.raises(StoreError, match="cannot be restored"):
        restore_backup(db, taken, MONDAY)
    assert db.read_bytes() == before
    assert list(db.parent.glob("scores.sqlite3.*")) == []


def test_no_backups_yet(tmp_path: Path) -> None:
    run = run_cli("doctor", "--restore", "--data-dir", str(tmp_path))
    assert (run.status, run.out) == (0, f"No backups in {tmp_path / 'backups'} yet.\n")


def test_a_damaged_database_gets_no_daily_backup_but_a_word(db: Path) -> None:
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("PRAGMA writable_schema = ON")
        # An index that no longer matches its table: only the full check sees it.
        conn.execute("UPDATE sqlite_master SET sql = replace(sql, 'bank_id', 'given')"
                     " WHERE name = 'answers_by_question'")  # fmt: skip
    with pytest.raises(StoreError, match="run `quizapp doctor` to repair it") as failure:
        daily_backup(db, MONDAY)
    assert failure.value.reason == "damaged"
    assert list_backups(db) == []
    assert list((db.parent / "backups").iterdir()) == []
