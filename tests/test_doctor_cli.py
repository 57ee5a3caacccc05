"""``quizapp doctor`` on missing, sound, unreadable and newer databases."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from quizapp.store import SCHEMA_VERSION, ScoreStore
from tests.store_damage import run_cli


def test_no_database_yet(tmp_path: Path) -> None:
    run = run_cli("doctor", "--data-dir", str(tmp_path))
    assert (run.status, run.out) == (
        0,
        f"No scores database at {tmp_path / 'scores.sqlite3'} yet.\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_a_sound_database(tmp_path: Path) -> None:
    with ScoreStore.open(tmp_path / "scores.sqlite3") as store:
        store.start_attempt("ann", "s400", "S-400", [], {})
    run = run_cli("doctor", "--data-dir", str(tmp_path))
    assert run.status == 0
    assert run.out.startswith(f"Scores database {tmp_path / 'scores.sqlite3'} (")
    assert f"schema version {SCHEMA_VERSION})" in run.out
    assert "attempts     1        0" in run.out
    assert run.out.endswith("\nNo damage found.\n")


def test_a_file_that_is_not_a_database_is_reported_then_replaced(tmp_path: Path) -> None:
    db = tmp_path / "scores.sqlite3"
    db.write_bytes(b"not a database\n" * 500)
    report = run_cli("doctor", "--data-dir", str(tmp_path))
    assert report.status == 1
    assert "problem: not a readable database: file is not a database" in report.out
    repair = run_cli("doctor", "--repair", "--data-dir", str(tmp_path))
    assert repair.status == 0, repair
    assert "No backup could be taken" in repair.out
    assert "Nothing could be read from it (file is not a database); a fresh one was started." in (
        repair.out
    )
    (aside,) = tmp_path.glob("scores.sqlite3.damaged-*")
    assert aside.read_bytes() == b"not a database\n" * 500
    assert run_cli("doctor", "--data-dir", str(tmp_path)).status == 0


def test_a_newer_database_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "scores.sqlite3"
    with closing(sqlite3.connect(db)) as conn:
        conn.executescript("CREATE TABLE future (x); PRAGMA user_version = 7;")
    before = db.read_bytes()
    for args in ([], ["--repair"]):
        run = run_cli("doctor", *args, "--data-dir", str(tmp_path))
        assert run.status == 1
        assert "written by a newer quizapp (schema version 7)" in run.out
        assert "Use the newer quizapp that wrote it" in run.out
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scores.sqlite3"]


def test_terminal_escapes_in_damaged_rows_are_shown_as_text(tmp_path: Path) -> None:
    db = tmp_path / "scores.sqlite3"
    with ScoreStore.open(db) as store:
        store.start_attempt("ann", "s400", "S-400", [], {})
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("UPDATE attempts SET started_at = '\x1b]0;pwned\x07'")
    run = run_cli("doctor", "--data-dir", str(tmp_path))
    assert run.status == 1
    assert "\x1b" not in run.out and "\x07" not in run.out
    assert "attempts row 1: started_at: not a time: '\\x1b]0;pwned\\x07'" in run.out
