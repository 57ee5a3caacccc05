"""``quizapp scores``: history as a table, CSV and JSON, without Textual."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp import paths
from quizapp.cli import main
from quizapp.store import ScoreStore


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Print local times in UTC, so the expected output is the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2024, 3, day, hour, minute, tzinfo=dt.UTC)


class SetClock:
    def __init__(self) -> None:
        self.now = at(1, 0)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def history() -> Path:
    """tester: a finished and an unfinished attempt; ann: one finished attempt."""
    db_path = paths.scores_db_path()
    clock = SetClock()
    with ScoreStore.open(db_path, clock=clock) as store:

        def answer(
            attempt: int, qid: str, given: str, score: float, top: float, secs: float, **flags: bool
        ) -> None:
            store.record_answer(
                attempt,
                qid,
                given=given,
                score=score,
                max_score=top,
                seconds=secs,
                tags=("actors",),
                **flags,
            )

        clock.now = at(1, 9)
        first = store.start_attempt(
            "tester", "s400-actors", "S-400: actors", ["q1", "q2", "q3"], {}
        )
        answer(first, "q1", "Erdoğan", 1, 1, 12)
        answer(first, "q2", '=HYPERLINK("http://x")', 0, 1, 75)
        answer(first, "q3", "", 0, 2, 3, skipped=True)
        clock.now = at(1, 9, 2)
        store.finish_attempt(first)

        clock.now = at(1, 10)
        other = store.start_attempt("ann", "s400-actors", "S-400: actors", ["q1", "q2"], {})
        answer(other, "q1", "Erdogan", 1, 1, 8)
        answer(other, "q2", "Cagaptai", 1, 1, 7, near_miss=True)
        store.finish_attempt(other)

        clock.now = at(2, 18, 30)
        last = store.start_attempt("tester", "s400-dates", "S-400: dates", ["d1", "d2"], {})
        answer(last, "d1", "1999", 0.5, 1, 20)
    return db_path


def scores(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["scores", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_table_shows_the_login_users_attempts(
    history: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert scores(capsys) == (
        0,
        "date              bank         score  max  percent  answered  time  finished\n"
        "----------------  -----------  -----  ---  -------  --------  ----  --------\n"
        "2024-03-01 09:00  s400-actors      1    4      25%       3/3  1:30  yes\n"
        "2024-03-02 18:30  s400-dates     0.5    1      50%       1/2  0:20  no\n",
        "",
    )


def test_the_table_of_all_players_has_a_player_column(
    history: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = scores(capsys, "--all-players", "--bank", "s400-actors")
    assert status == 0
    assert out == (
        "date              bank         player  score  max  percent  answered  time  finished\n"
        "----------------  -----------  ------  -----  ---  -------  --------  ----  --------\n"
        "2024-03-01 09:00  s400-actors  tester      1    4      25%       3/3  1:30  yes\n"
        "2024-03-01 10:00  s400-actors  ann         2    2     100%       2/2  0:15  yes\n"
    )


def test_the_answers_table(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = scores(capsys, "--answers", "--player", "ann")
    assert status == 0
    assert out == (
        "date              bank         question  given     score  max  time  result\n"
        "----------------  -----------  --------  --------  -----  ---  ----  ---------\n"
        "2024-03-01 10:00  s400-actors  q1        Erdogan       1    1  0:08  correct\n"
        "2024-03-01 10:00  s400-actors  q2        Cagaptai      1    1  0:07  near miss\n"
    )


def test_csv_has_one_row_per_attempt_for_every_player(
    history: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = scores(capsys, "--all-players", "--format", "csv")
    assert status == 0
    assert out.splitlines() == [
        "attempt_id,player,bank_id,bank_title,started_at,finished_at,finished,answered,"
        "skipped,total,score,max_score,percent,seconds",
        "1,tester,s400-actors,S-400: actors,2024-03-01T09:00:00+00:00,"
        "2024-03-01T09:02:00+00:00,true,3,1,3,1,4,25,90",
        "2,ann,s400-actors,S-400: actors,2024-03-01T10:00:00+00:00,"
        "2024-03-01T10:00:00+00:00,true,2,0,2,2,2,100,15",
        "3,tester,s400-dates,S-400: dates,2024-03-02T18:30:00+00:00,,false,1,0,2,0.5,1,50,20",
    ]


def test_csv_answers_neutralise_formulas(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = scores(capsys, "--answers", "--format", "csv", "--bank", "s400-actors")
    assert status == 0
    assert out.splitlines() == [
        "attempt_id,player,bank_id,question_id,answered_at,given,score,max_score,correct,"
        "near_miss,skipped,seconds,tags,self_graded",
        "1,tester,s400-actors,q1,2024-03-01T09:00:00+00:00,Erdoğan,1,1,true,false,false,12,actors,"
        "false",
        "1,tester,s400-actors,q2,2024-03-01T09:00:00+00:00,"
        '"\'=HYPERLINK(""http://x"")",0,1,false,false,false,75,actors,false',
        "1,tester,s400-actors,q3,2024-03-01T09:00:00+00:00,,0,2,false,false,true,3,actors,false",
    ]


def test_json_lists_attempts_with_typed_values(
    history: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = scores(capsys, "--format", "json", "--bank", "s400-dates")
    assert status == 0
    assert json.loads(out) == [
        {
            "attempt_id": 3,
            "player": "tester",
            "bank_id": "s400-dates",
            "bank_title": "S-400: dates",
            "started_at": "2024-03-02T18:30:00+00:00",
            "finished_at": None,
            "finished": False,
            "answered": 1,
            "skipped": 0,
            "total": 2,
            "score": 0.5,
            "max_score": 1.0,
            "percent": 50.0,
            "seconds": 20.0,
        }
    ]


def test_json_answers(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = scores(capsys, "--format", "json", "--answers", "--player", "ann")
    assert status == 0
    assert [(a["question_id"], a["near_miss"], a["tags"]) for a in json.loads(out)] == [
        ("q1", False, ["actors"]),
        ("q2", True, ["actors"]),
    ]


def test_no_database_yet_is_a_friendly_line_and_creates_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert scores(capsys) == (0, "No scores yet for tester.\n", "")
    assert not paths.scores_db_path().exists()
    assert not paths.data_dir().exists()


def test_no_matching_attempts(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert scores(capsys, "--player", "zoe", "--bank", "s400-quotes") == (
        0,
        "No scores yet for zoe on bank s400-quotes.\n",
        "",
    )
    status, out, err = scores(capsys, "--player", "zoe", "--format", "csv")
    assert (status, out.count("\n"), err) == (0, 1, "No scores yet for zoe.\n")
    assert out.startswith("attempt_id,player,")
    assert scores(capsys, "--player", "zoe", "--format", "json") == (
        0,
        "[]\n",
        "No scores yet for zoe.\n",
    )


def test_data_dir_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with ScoreStore.open(tmp_path / "scores.sqlite3") as store:
        store.start_attempt("tester", "elsewhere", "Elsewhere", ["q"], {})
    status, out, _ = scores(capsys, "--data-dir", str(tmp_path), "--format", "json")
    assert status == 0
    assert [a["bank_id"] for a in json.loads(out)] == ["elsewhere"]


def test_an_unknown_bank_id_is_a_usage_error(
    history: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = scores(capsys, "--bank", "s400-actor")
    assert (status, out) == (2, "")
    assert err.startswith("quizapp scores: unknown bank id 's400-actor'\nknown bank ids:\n")
    assert "  s400-actors\n" in err
    # A bank with no scores yet is known; so is an id with scores but no bank file.
    assert scores(capsys, "--bank", "s400-quotes")[0] == 0
    with ScoreStore.open(history) as store:
        store.start_attempt("ann", "retired-bank", "Retired", ["q"], {})
    status, out, _ = scores(capsys, "--bank", "retired-bank")
    assert (status, out) == (0, "No scores yet for tester on bank retired-bank.\n")


def test_text_from_the_database_cannot_drive_the_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with ScoreStore.open(paths.scores_db_path()) as store:
        store.start_attempt("tester", "red\x1b[31m\u202e", "Title", [], {})
    status, out, _ = scores(capsys)
    assert status == 0
    assert "\x1b" not in out and "\u202e" not in out
    assert "red\\u001b[31m\\u202e" in out


def test_a_damaged_database_is_reported_and_replaced(capsys: pytest.CaptureFixture[str]) -> None:
    db_path = paths.scores_db_path()
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"garbage" * 1000)
    status, out, err = scores(capsys)
    assert (status, out) == (0, "No scores yet for tester.\n")
    assert err.startswith(
        "quizapp scores: warning: The scores database could not be read (file is not a database)"
    )
    assert len(list(db_path.parent.glob("scores.sqlite3.damaged-*"))) == 1


def test_an_unusable_database_is_an_error_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "scores.sqlite3").mkdir()
    status, out, err = scores(capsys, "--data-dir", str(tmp_path))
    assert (status, out) == (1, "")
    assert err == (
        f"quizapp scores: error: the scores database {tmp_path / 'scores.sqlite3'} "
        "is a folder, not a file\n"
    )


def test_player_and_all_players_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["scores", "--player", "ann", "--all-players"])
    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_help_documents_the_csv_columns(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["scores", "--help"])
    out = capsys.readouterr().out
    assert "attempt_id, player, bank_id, bank_title, started_at" in out
    assert "question_id, answered_at, given" in out


def test_scores_does_not_import_textual(history: Path) -> None:
    code = (
        "import sys\n"
        "from quizapp.cli import main\n"
        "status = main(['scores', '--all-players'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print('status', status, 'loaded', loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TZ": "UTC"},
    )
    assert result.stdout.splitlines()[-1] == "status 0 loaded []"
    assert "2024-03-01 10:00  s400-actors  ann" in result.stdout


def test_self_graded_answers_are_marked(capsys: pytest.CaptureFixture[str]) -> None:
    clock = SetClock()
    clock.now = at(4, 8)
    with ScoreStore.open(paths.scores_db_path(), clock=clock) as store:
        attempt = store.start_attempt("tester", "s400-argument", "Argument", ["why", "who"], {})
        store.record_answer(
            attempt, "why", given="", score=0.5, max_score=1, seconds=60, self_graded=True
        )
        store.record_answer(attempt, "who", given="Wilson", score=1, max_score=1, seconds=5)
    status, out, _ = scores(capsys, "--answers")
    assert status == 0
    assert out.splitlines()[2:] == [
        "2024-03-04 08:00  s400-argument  why                 0.5    1  1:00  "
        "partial (self-graded)",
        "2024-03-04 08:00  s400-argument  who       Wilson      1    1  0:05  correct",
    ]
    status, out, _ = scores(capsys, "--answers", "--format", "json")
    assert [(a["question_id"], a["self_graded"]) for a in json.loads(out)] == [
        ("why", True),
        ("who", False),
    ]
    status, out, _ = scores(capsys, "--answers", "--format", "csv")
    assert [line.rsplit(",", 1)[1] for line in out.splitlines()] == ["self_graded", "true", "false"]
