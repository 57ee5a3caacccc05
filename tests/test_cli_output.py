"""Output that cannot be written: every command says so and exits with 1.

Standard output on a full disk (``> /dev/full``) or a pipe whose reader is
gone (``| head``) fails when Python flushes it; a traceback, or Python's
"Exception ignored" at exit, used to follow. Most cases run in-process with
a standard output that fails the same way; a few run ``quizapp`` for real.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp import paths
from quizapp.cli import main
from quizapp.store import ScoreStore

EVERY_TYPE = Path(__file__).parent / "data" / "banks" / "every-type.toml"
REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EPIPE: "the reader closed the pipe",
}


class FailingFile(io.RawIOBase):
    """A file whose writes fail with ``error`` until ``failing`` is turned off."""

    def __init__(self, error: int) -> None:
        self.error = error
        self.failing = True

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        if not self.failing:
            return len(memoryview(data))  # type: ignore[arg-type]
        if self.error == errno.EPIPE:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")
        raise OSError(self.error, os.strerror(self.error))


@contextlib.contextmanager
def failing_stdout(error: int) -> Iterator[str]:
    """Standard output buffered as Python buffers it, over a file that fails
    with ``error``; yields the reason the commands should give. (Used inside
    the test: pytest's capture sets ``sys.stdout`` as each test starts.)"""
    raw = FailingFile(error)
    stdout = io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8")
    saved, sys.stdout = sys.stdout, stdout
    try:
        yield REASONS[error]
    finally:
        sys.stdout = saved
        raw.failing = False
        stdout.close()


ERRORS = pytest.mark.parametrize("error", sorted(REASONS), ids=["full disk", "closed pipe"])


@pytest.fixture
def saved_answers() -> None:
    with ScoreStore.open(paths.scores_db_path()) as store:
        attempt = store.start_attempt("tester", "solar-system", "Solar", ["q"], {})
        store.record_answer(attempt, "q", given="Mars", score=1, max_score=1, seconds=2)


def every_command(tmp_path: Path) -> list[list[str]]:
    """One run of each command that prints something on standard output."""
    gift = tmp_path / "in.gift"
    gift.write_text("::q:: The sky is blue {T}\n", encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("“The sky is blue,” said Ada Lovelace, the mayor.\n", encoding="utf-8")
    return [
        ["check", str(EVERY_TYPE)],
        ["check", str(EVERY_TYPE), "--format", "json"],
        ["scores"],
        ["scores", "--format", "csv"],
        ["scores", "--answers", "--format", "json"],
        ["stats", "solar-system"],
        ["stats", str(EVERY_TYPE), "--format", "csv"],
        ["brief", str(EVERY_TYPE)],
        ["new", str(tmp_path / "new.toml")],
        ["import", str(gift), "-o", str(tmp_path / "imported.toml")],
        ["export", str(EVERY_TYPE), "--format", "gift"],
        ["export", str(EVERY_TYPE), "--format", "csv"],
        ["draft", str(article), "-o", str(tmp_path / "draft.toml")],
        ["quiz", str(EVERY_TYPE), "--plain"],
    ]


@ERRORS
def test_every_command_fails_cleanly_when_its_output_cannot_be_written(
    error: int, saved_answers: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in every_command(tmp_path):
        with failing_stdout(error) as reason:
            status = main(args)
        assert status == 1, args
        err = capsys.readouterr().err
        assert err.splitlines()[-1] == f"quizapp {args[0]}: cannot write the output: {reason}", args


@ERRORS
def test_help_that_cannot_be_written_fails_cleanly(
    error: int, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (["check", "--help"], ["--help"], ["--version"]):
        with failing_stdout(error) as reason, pytest.raises(SystemExit) as exited:
            main(args)
        assert exited.value.code == 1
        assert capsys.readouterr().err.endswith(f"cannot write the output: {reason}\n")


def quizapp(*args: str, **options: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "quizapp", *args], stderr=subprocess.PIPE, **options
    )


def test_a_real_full_disk(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        process = quizapp("export", str(EVERY_TYPE), "--format", "gift", stdout=full)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err.decode().splitlines()[-1] == (
        "quizapp export: cannot write the output: no space left on the device"
    )


def test_a_real_closed_pipe() -> None:
    process = quizapp("check", str(EVERY_TYPE), "--format", "json", stdout=subprocess.PIPE)
    assert process.stdout is not None
    process.stdout.close()  # the reader goes away before anything is written
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err.decode() == "quizapp check: cannot write the output: the reader closed the pipe\n"


def test_a_closed_standard_output() -> None:
    # ``>&-``: the command starts with no standard output at all.
    command = f"{shlex.quote(sys.executable)} -m quizapp check {shlex.quote(str(EVERY_TYPE))} >&-"
    result = subprocess.run(["sh", "-c", command], capture_output=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.decode() == (
        "quizapp check: cannot write the output: standard output is closed\n"
    )


@pytest.mark.parametrize("command", ["scores", "stats"])
def test_a_data_dir_with_a_name_too_long(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / ("d" * 300)
    args = [command, *(["solar-system"] if command == "stats" else []), "--data-dir", str(data_dir)]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"quizapp {command}: error: cannot use the scores in "
        f"{data_dir / 'scores.sqlite3'}: the path, or a part of it, is too long\n"
    )
