"""ScoreStore across real processes: two writers at once, and a kill -9."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from quizapp.store import ScoreStore

#: Waits for the go file, then records COUNT answers as PLAYER.
WRITER = """
import sys, time
from pathlib import Path
from quizapp.store import ScoreStore

path, player, count, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
while not go.exists():
    time.sleep(0.001)
with ScoreStore.open(path) as store:
    attempt = store.start_attempt(player, "s400", "S-400", [], {})
    for n in range(count):
        store.record_answer(attempt, f"q{n}", given=player, score=1, max_score=1, seconds=1)
    store.finish_attempt(attempt)
"""

#: Records answers q0, q1, ... printing "committed N" after each commit. In
#: "step" mode it waits for a line on stdin before each answer.
RECORDER = """
import sys
from pathlib import Path
from quizapp.store import ScoreStore

path, step = Path(sys.argv[1]), sys.argv[2] == "step"
store = ScoreStore.open(path)
attempt = store.start_attempt("ann", "s400", "S-400", [], {})
for n in range(1_000_000):
    if step and not sys.stdin.readline():
        break
    store.record_answer(attempt, f"q{n}", given=str(n), score=1, max_score=1, seconds=1)
    print(f"committed {n}", flush=True)
"""


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "scores.sqlite3"  # neither process finds a database
    go = tmp_path / "go"
    count = 300
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), player, str(count), str(go)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for player in ("ann", "bob")
    ]
    go.touch()
    for writer in writers:
        _, errors = writer.communicate()
        assert writer.returncode == 0, errors

    with ScoreStore.open(db_path) as store:
        assert store.moved_aside is None
        for player in ("ann", "bob"):
            (attempt,) = store.attempts(player=player)
            assert attempt.finished
            answers = store.answers(attempt.id)
            assert [a.question_id for a in answers] == [f"q{n}" for n in range(count)]
            assert {a.given for a in answers} == {player}


def start_recorder(db_path: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", RECORDER, str(db_path), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_9(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL


def stored_question_ids(db_path: Path) -> list[str]:
    with ScoreStore.open(db_path) as store:
        assert store.moved_aside is None and store.warning is None
        (attempt,) = store.attempts()
        return [a.question_id for a in store.answers(attempt.id)]


def test_a_process_killed_between_answers_keeps_every_answer(tmp_path: Path) -> None:
    db_path = tmp_path / "scores.sqlite3"
    recorder = start_recorder(db_path, "step")
    assert recorder.stdin is not None and recorder.stdout is not None
    for n in range(7):
        recorder.stdin.write("next\n")
        recorder.stdin.flush()
        assert recorder.stdout.readline() == f"committed {n}\n"
    kill_9(recorder)  # waiting for the eighth answer

    assert stored_question_ids(db_path) == [f"q{n}" for n in range(7)]


def test_a_process_killed_while_writing_keeps_every_commit(tmp_path: Path) -> None:
    db_path = tmp_path / "scores.sqlite3"
    recorder = start_recorder(db_path, "run")
    assert recorder.stdout is not None
    for n in range(40):
        assert recorder.stdout.readline() == f"committed {n}\n"
    kill_9(recorder)  # somewhere in the middle of recording more answers

    stored = stored_question_ids(db_path)
    # Every answer reported committed is there, and the ones after it are a
    # clean run of whole answers (the one being written is lost or complete).
    assert len(stored) >= 40
    assert stored == [f"q{n}" for n in range(len(stored))]
