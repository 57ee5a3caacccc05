"""ScoreStore.open: migrations, damaged and newer databases, unusable locations."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from quizapp.store import SCHEMA_VERSION, ScoreStore, StoreError, database, schema

#: When the damaged file is found (local time; the aside name uses local time).
FOUND = dt.datetime(2024, 5, 6, 7, 8, 9).astimezone()
ASIDE_NAME = "scores.sqlite3.damaged-20240506-070809"

#: The version 1 schema exactly as quizapp 0.1 created it. Kept here, not
#: imported, so the test keeps describing old databases if the code changes.
V1_SCHEMA = """
CREATE TABLE players (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
CREATE TABLE attempts (
    id INTEGER PRIMARY KEY, player_id INTEGER NOT NULL REFERENCES players(id),
    bank_id TEXT NOT NULL, bank_title TEXT NOT NULL, question_ids TEXT NOT NULL,
    options TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT);
CREATE INDEX attempts_by_player_bank ON attempts(player_id, bank_id, started_at);
CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    bank_id TEXT NOT NULL, question_id TEXT NOT NULL, given TEXT NOT NULL,
    score REAL NOT NULL, max_score REAL NOT NULL, seconds REAL NOT NULL,
    near_miss INTEGER NOT NULL, skipped INTEGER NOT NULL, tags TEXT NOT NULL,
    answered_at TEXT NOT NULL, UNIQUE (attempt_id, question_id));
CREATE INDEX answers_by_question ON answers(bank_id, question_id);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO players VALUES (1, 'ann', '2023-01-01T10:00:00.000000+00:00');
INSERT INTO attempts VALUES (1, 1, 's400', 'S-400', '["q1","q2"]', '{"shuffle":true}',
    '2023-01-01T10:00:00.000000+00:00', '2023-01-01T10:05:00.000000+00:00');
INSERT INTO answers VALUES
    (1, 1, 's400', 'q1', 'Erdogan', 1, 1, 12.5, 0, 0, '["actors"]',
     '2023-01-01T10:01:00.000000+00:00'),
    (2, 1, 's400', 'q2', '2017', 0, 1, 20, 0, 0, '["dates"]',
     '2023-01-01T10:02:00.000000+00:00');
INSERT INTO settings VALUES ('theme', 'nord');
PRAGMA user_version = 1;
"""


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "scores.sqlite3"


def open_at_found(path: Path) -> ScoreStore:
    return ScoreStore.open(path, clock=lambda: FOUND)


def tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {row[0] for row in rows}


def version_of(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def a_database_with_answers(path: Path, answers: int) -> None:
    with ScoreStore.open(path) as store:
        attempt = store.start_attempt("ann", "s400", "S-400", [], {})
        for n in range(answers):
            store.record_answer(
                attempt, f"q{n}", given="an answer " * 5, score=1, max_score=1, seconds=1
            )


def assert_fresh_and_working(store: ScoreStore) -> None:
    assert store.attempts() == []
    attempt = store.start_attempt("ann", "s400", "S-400", ["q1"], {})
    store.record_answer(attempt, "q1", given="x", score=1, max_score=1, seconds=1)
    assert [a.answered for a in store.attempts()] == [1]
    assert version_of(store.path) == SCHEMA_VERSION


# ------------------------------------------------------------------ migrations


def test_a_version_1_database_is_migrated_with_its_data(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.executescript(V1_SCHEMA)
    assert version_of(db_path) == 1

    with ScoreStore.open(db_path) as store:
        (summary,) = store.attempts(player="ann")
        assert (summary.bank_id, summary.score, summary.max_score) == ("s400", 1.0, 2.0)
        assert summary.seconds == 32.5
        assert summary.options == {"shuffle": True}
        assert summary.finished_at == dt.datetime(2023, 1, 1, 10, 5, tzinfo=dt.UTC)
        assert [(r.question_id, r.given, r.tags) for r in store.answers(1)] == [
            ("q1", "Erdogan", ("actors",)),
            ("q2", "2017", ("dates",)),
        ]
        assert store.get_setting("theme") == "nord"
        # The version 2 study tables work.
        due = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
        store.save_review("ann", "s400", "q1", state_json="{}", due=due, rating=3, log_json="{}")
        assert list(store.card_states("ann", "s400")) == ["q1"]
        assert store.moved_aside is None and store.warning is None

    assert version_of(db_path) == SCHEMA_VERSION
    assert {"cards", "reviews", "players", "attempts", "answers", "settings"} <= tables(db_path)


def test_a_new_database_gets_every_table(db_path: Path) -> None:
    ScoreStore.open(db_path).close()
    assert version_of(db_path) == SCHEMA_VERSION
    assert tables(db_path) == {"players", "attempts", "answers", "settings", "cards", "reviews"}


def test_a_failing_migration_leaves_the_old_version(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.executescript(V1_SCHEMA)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, broken))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    conn = sqlite3.connect(db_path, isolation_level=None)
    with closing(conn), pytest.raises(sqlite3.OperationalError):
        schema.migrate(conn)
    assert version_of(db_path) == 1
    assert "cards" not in tables(db_path) and "half_done" not in tables(db_path)


# ------------------------------------------------------------------ damaged files


def test_a_file_that_is_not_a_database_is_moved_aside(db_path: Path) -> None:
    garbage = b"these are not the scores you are looking for\n" * 200
    db_path.write_bytes(garbage)

    with open_at_found(db_path) as store:
        aside = db_path.with_name(ASIDE_NAME)
        assert store.moved_aside == aside
        assert aside.read_bytes() == garbage
        assert store.warning == (
            "The scores database could not be read (file is not a database); "
            f"it was moved to {aside} and a fresh one started."
        )
        assert_fresh_and_working(store)


def test_a_truncated_database_is_moved_aside_intact(db_path: Path) -> None:
    a_database_with_answers(db_path, 300)
    full = db_path.read_bytes()
    assert len(full) > 8 * 4096
    truncated = full[: len(full) // 2]
    db_path.write_bytes(truncated)

    with open_at_found(db_path) as store:
        assert store.moved_aside == db_path.with_name(ASIDE_NAME)
        assert store.moved_aside.read_bytes() == truncated
        assert store.warning is not None
        assert "could not be read (database disk image is malformed)" in store.warning
        # The player and the attempt were in the first half; the answers,
        # written after them, were cut off.
        assert "with the 2 records that could still be read" in store.warning
        assert [(a.player, a.answered) for a in store.attempts()] == [("ann", 0)]


def test_a_database_failing_the_integrity_check_is_moved_aside(db_path: Path) -> None:
    a_database_with_answers(db_path, 300)
    data = bytearray(db_path.read_bytes())
    # Overwrite the middle of the file, keeping its size and header: the
    # database opens, and only the check finds the damage.
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xff" * 8192
    db_path.write_bytes(bytes(data))

    with open_at_found(db_path) as store:
        assert store.moved_aside is not None
        assert store.moved_aside.read_bytes() == bytes(data)
        assert store.warning is not None
        assert store.warning.startswith("The scores database could not be read (")
        # The damage hit index pages only: every answer was copied into the
        # fresh database.
        assert "a fresh one started with the 302 records that could still be read" in (
            store.warning
        )
        assert [a.answered for a in store.attempts()] == [300]


def test_a_database_from_a_newer_quizapp_is_moved_aside(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.executescript("CREATE TABLE future (x); PRAGMA user_version = 7;")
    content = db_path.read_bytes()

    with open_at_found(db_path) as store:
        aside = db_path.with_name(ASIDE_NAME)
        assert store.moved_aside == aside
        assert aside.read_bytes() == content
        assert store.warning == (
            "The scores database was written by a newer quizapp (schema version 7; this "
            f"quizapp knows up to {SCHEMA_VERSION}); it was moved to {aside} and a fresh one "
            "started."
        )
        assert_fresh_and_working(store)


def test_an_empty_file_is_a_fresh_database(db_path: Path) -> None:
    db_path.write_bytes(b"")
    with open_at_found(db_path) as store:
        assert store.moved_aside is None and store.warning is None
        assert_fresh_and_working(store)
    assert list(db_path.parent.glob("*damaged*")) == []


def test_an_earlier_aside_copy_is_never_overwritten(db_path: Path) -> None:
    earlier = db_path.with_name(ASIDE_NAME)
    earlier.write_bytes(b"the first damaged copy")
    db_path.write_bytes(b"the second damaged copy" * 100)

    with open_at_found(db_path) as store:
        assert store.moved_aside == db_path.with_name(ASIDE_NAME + "-1")
    assert earlier.read_bytes() == b"the first damaged copy"
    assert db_path.with_name(ASIDE_NAME + "-1").read_bytes() == b"the second damaged copy" * 100

    db_path.unlink()
    db_path.write_bytes(b"a third damaged copy" * 100)
    with open_at_found(db_path) as store:
        assert store.moved_aside == db_path.with_name(ASIDE_NAME + "-2")


def test_wal_and_shm_files_move_with_the_database(db_path: Path) -> None:
    db_path.write_bytes(b"not a database" * 100)
    Path(f"{db_path}-wal").write_bytes(b"wal content")
    Path(f"{db_path}-shm").write_bytes(b"shm content")

    with open_at_found(db_path) as store:
        aside = store.moved_aside
        assert aside is not None
        assert Path(f"{aside}-wal").read_bytes() == b"wal content"
        # The -shm file is only an index SQLite rebuilds; it moves, but its
        # bytes may have been refreshed by the check.
        assert Path(f"{aside}-shm").is_file()
        assert_fresh_and_working(store)


def test_a_damaged_database_keeps_its_wal_file_intact(tmp_path: Path, db_path: Path) -> None:
    # A database whose latest commits are still in its -wal file, as a
    # killed process leaves it; then its main file gets damaged.
    source = tmp_path / "source.sqlite3"
    writer = sqlite3.connect(source, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("CREATE TABLE old (text)")
    writer.executemany("INSERT INTO old VALUES (?)", [("old row " * 20,)] * 400)
    writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("CREATE TABLE recent (text)")
    writer.executemany("INSERT INTO recent VALUES (?)", [("recent row",)] * 50)
    main = bytearray(source.read_bytes())
    wal = Path(f"{source}-wal").read_bytes()
    writer.close()
    assert len(wal) > 0
    main[len(main) // 2 : len(main) // 2 + 8192] = b"\x00" * 8192
    db_path.write_bytes(bytes(main))
    Path(f"{db_path}-wal").write_bytes(wal)

    with open_at_found(db_path) as store:
        aside = store.moved_aside
        assert aside is not None
        assert aside.read_bytes() == bytes(main)
        assert Path(f"{aside}-wal").read_bytes() == wal
        assert_fresh_and_working(store)


def test_a_file_another_quizapp_moved_aside_meanwhile_is_left_to_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.write_bytes(b"not a database" * 100)
    real_check = database._check_read_only
    others: list[ScoreStore] = []

    def check_while_another_quizapp_starts(path: Path) -> None:
        try:
            real_check(path)
        finally:
            # Between our check and our move, another quizapp moves the
            # damaged file aside and starts recording in a fresh database.
            monkeypatch.setattr(database, "_check_read_only", real_check)
            other = open_at_found(path)
            other.start_attempt("bob", "s400", "S-400", [], {})
            others.append(other)

    monkeypatch.setattr(database, "_check_read_only", check_while_another_quizapp_starts)
    with open_at_found(db_path) as store:
        assert store.moved_aside is None and store.warning is None
        assert [a.player for a in store.attempts()] == ["bob"]
    (other,) = others
    assert other.moved_aside == db_path.with_name(ASIDE_NAME)
    other.close()
    assert [p.name for p in db_path.parent.glob("*damaged*")] == [ASIDE_NAME]


# ------------------------------------------------------------------ unusable locations


def test_missing_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "scores.sqlite3"
    with ScoreStore.open(path) as store:
        assert_fresh_and_working(store)


def test_a_folder_where_the_database_should_be_is_an_error(db_path: Path) -> None:
    db_path.mkdir()
    with pytest.raises(StoreError, match="is a folder, not a file"):
        ScoreStore.open(db_path)
    assert db_path.is_dir()


def test_a_file_where_the_data_folder_should_be_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file, not a folder")
    with pytest.raises(StoreError, match="cannot create the folder for the scores database"):
        ScoreStore.open(tmp_path / "data" / "quizapp" / "scores.sqlite3")


def skip_unless_permissions_apply(tmp_path: Path) -> None:
    """Skip when this process ignores file permissions (root with its usual capabilities)."""
    probe = tmp_path / "probe"
    probe.mkdir()
    probe.chmod(0o500)
    try:
        (probe / "file").touch()
    except PermissionError:
        return
    finally:
        probe.chmod(0o700)
    pytest.skip("this process may write anywhere (root)")


def test_an_unwritable_folder_is_an_error(tmp_path: Path) -> None:
    skip_unless_permissions_apply(tmp_path)
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="permission denied"):
            ScoreStore.open(folder / "scores.sqlite3")
    finally:
        folder.chmod(0o700)


def test_an_unreadable_database_is_an_error_and_left_alone(tmp_path: Path, db_path: Path) -> None:
    skip_unless_permissions_apply(tmp_path)
    ScoreStore.open(db_path).close()
    db_path.chmod(0o200)
    try:
        with pytest.raises(StoreError, match="permission denied"):
            ScoreStore.open(db_path)
        assert list(db_path.parent.glob("*damaged*")) == []
    finally:
        db_path.chmod(0o600)


def test_a_symbolic_link_loop_is_a_clear_error(db_path: Path) -> None:
    db_path.symlink_to(db_path.name)
    with pytest.raises(StoreError, match="is a symbolic link that leads back to itself"):
        ScoreStore.open(db_path)


def test_a_name_too_long_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="File name too long"):
        ScoreStore.open(tmp_path / ("x" * 300) / "scores.sqlite3")


def test_a_fifo_in_place_of_the_database_is_an_error(db_path: Path) -> None:
    os.mkfifo(db_path)
    with pytest.raises(StoreError, match="is not a regular file"):
        ScoreStore.open(db_path)


# ------------------------------------------------------------------ schema damage


def a_store_with_an_attempt(path: Path) -> None:
    with ScoreStore.open(path) as store:
        attempt = store.start_attempt("ann", "s400", "S-400", ["q1", "q2"], {})
        for question in ("q1", "q2"):
            store.record_answer(attempt, question, given="x", score=1, max_score=1, seconds=1)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("PRAGMA user_version = -1", "a schema version of -1"),
        ("PRAGMA user_version = 0", "tables without a schema version"),
        ("DROP TABLE settings", "the settings table is missing"),
        ("ALTER TABLE reviews DROP COLUMN cram", "the reviews table has no cram column"),
        (
            # What a newer quizapp might add without raising the version.
            "ALTER TABLE answers ADD COLUMN graded_by TEXT NOT NULL DEFAULT 'x';"
            "UPDATE sqlite_master SET sql = replace(sql, 'DEFAULT ''x''', '')"
            " WHERE name = 'answers'",
            "the answers table has an unknown required column graded_by",
        ),
    ],
)
def test_schema_damage_is_moved_aside_and_the_rows_kept(
    db_path: Path, damage: str, reason: str
) -> None:
    a_store_with_an_attempt(db_path)
    with closing(sqlite3.connect(db_path, isolation_level=None)) as conn:
        conn.execute("PRAGMA writable_schema = ON")
        conn.executescript(damage)
    damaged = db_path.read_bytes()

    with open_at_found(db_path) as store:
        assert store.moved_aside == db_path.with_name(ASIDE_NAME)
        assert store.moved_aside.read_bytes() == damaged
        assert store.warning is not None
        assert store.warning.startswith(f"The scores database could not be read ({reason});")
        # The answers were kept, and saving works again.
        assert [a.answered for a in store.attempts()] == [2]
        attempt = store.start_attempt("ann", "s400", "S-400", ["q1"], {})
        store.record_answer(attempt, "q1", given="x", score=1, max_score=1, seconds=1)
        store.set_setting("theme", "nord")
        store.record_cram_review("ann", "s400", "q1", rating=3)
    assert version_of(db_path) == SCHEMA_VERSION


# ------------------------------------------------------------------ write failures


def test_a_full_disk_is_a_store_error_and_nothing_is_lost(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = database._open_read_write

    def small_disk(*args: object) -> sqlite3.Connection:
        conn = real_open(*args)  # type: ignore[arg-type]
        # SQLite reports SQLITE_FULL, as on a full disk, once the file would
        # grow past the pages it has now.
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    ScoreStore.open(db_path).close()
    monkeypatch.setattr(database, "_open_read_write", small_disk)
    saved: list[str] = []
    with ScoreStore.open(db_path) as store:
        attempt = store.start_attempt("ann", "s400", "S-400", [], {})
        with pytest.raises(StoreError) as failure:
            for n in range(10_000):
                store.record_answer(
                    attempt, f"q{n}", given="an answer " * 20, score=1, max_score=1, seconds=1
                )
                saved.append(f"q{n}")
        assert failure.value.reason == "full"
        assert str(failure.value).startswith(
            f"could not save to the scores database {db_path}: the disk is full"
        )
        assert [row.question_id for row in store.answers(attempt)] == saved
    monkeypatch.undo()
    # Once there is room again, the answer that failed is saved, once.
    with ScoreStore.open(db_path) as store:
        for _ in range(2):
            store.record_answer(
                attempt, f"q{len(saved)}", given="again", score=1, max_score=1, seconds=1
            )
        assert len(store.answers(attempt)) == len(saved) + 1


def test_a_read_only_database_is_a_store_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = database._open_read_write

    def read_only(*args: object) -> sqlite3.Connection:
        conn = real_open(*args)  # type: ignore[arg-type]
        conn.execute("PRAGMA query_only = ON")
        return conn

    ScoreStore.open(db_path).close()
    monkeypatch.setattr(database, "_open_read_write", read_only)
    with ScoreStore.open(db_path) as store, pytest.raises(StoreError) as failure:
        store.start_attempt("ann", "s400", "S-400", [], {})
    assert failure.value.reason == "read-only"
    assert "the file is read-only" in str(failure.value)


# ------------------------------------------------------------------ the -wal file after a crash


def crashed_with_answers(tmp_path: Path, answers: int) -> Path:
    """A copy of a database taken while quizapp still had it open, as a
    kill -9 leaves it: the answers are in its -wal file, the -shm file
    records them."""
    live = tmp_path / "live" / "scores.sqlite3"
    crashed = tmp_path / "crashed" / "scores.sqlite3"
    crashed.parent.mkdir()
    with ScoreStore.open(live) as store:
        attempt = store.start_attempt("ann", "s400", "S-400", [], {})
        for n in range(answers):
            store.record_answer(attempt, f"q{n}", given="x", score=1, max_score=1, seconds=1)
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{live}{suffix}", f"{crashed}{suffix}")
    return crashed


def answered(path: Path) -> tuple[list[int], str | None]:
    with ScoreStore.open(path) as store:
        return [a.answered for a in store.attempts()], store.warning


MISSING = "Recent answers may be missing: the journal of the scores database (scores.sqlite3-wal)"


def test_a_crash_with_its_wal_file_loses_nothing(tmp_path: Path) -> None:
    assert answered(crashed_with_answers(tmp_path, 5)) == ([5], None)


def test_a_wal_file_deleted_after_a_crash_is_noticed(tmp_path: Path) -> None:
    crashed = crashed_with_answers(tmp_path, 5)
    Path(f"{crashed}-wal").unlink()
    found, warning = answered(crashed)
    assert found == []
    assert warning is not None and warning.startswith(MISSING)


@pytest.mark.parametrize("where", ["header", "last frame"])
def test_a_garbled_wal_file_is_noticed(tmp_path: Path, where: str) -> None:
    crashed = crashed_with_answers(tmp_path, 5)
    wal = Path(f"{crashed}-wal")
    data = bytearray(wal.read_bytes())
    data[20 if where == "header" else len(data) - 100] ^= 0x55
    wal.write_bytes(bytes(data))
    found, warning = answered(crashed)
    assert found == ([] if where == "header" else [4])
    assert warning is not None and warning.startswith(MISSING)


def test_a_newer_database_keeps_the_tables_this_quizapp_knows(db_path: Path) -> None:
    a_store_with_an_attempt(db_path)
    with closing(sqlite3.connect(db_path, isolation_level=None)) as conn:
        conn.executescript("CREATE TABLE future (x); PRAGMA user_version = 185;")
    newer = db_path.read_bytes()
    with open_at_found(db_path) as store:
        assert store.moved_aside is not None and store.moved_aside.read_bytes() == newer
        assert store.warning is not None
        assert "was written by a newer quizapp (schema version 185;" in store.warning
        assert "a fresh one started with the 4 records this quizapp can read." in store.warning
        assert [a.answered for a in store.attempts()] == [2]
