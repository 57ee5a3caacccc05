"""Reading user-named files: only regular files, bounded, every failure a sentence."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizapp.files import FileProblem, read_file


def problem(path: Path, limit: int | None = None) -> str:
    with pytest.raises(FileProblem) as caught:
        read_file(path) if limit is None else read_file(path, limit=limit)
    return str(caught.value)


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bank.toml"
    path.write_bytes(b"format = 1\n")
    assert read_file(path) == b"format = 1\n"


def test_missing_folder_and_too_large(tmp_path: Path) -> None:
    assert problem(tmp_path / "nope.toml") == "no such file"
    assert problem(tmp_path) == "this is a folder, not a file"
    big = tmp_path / "big.toml"
    big.write_bytes(b"x" * 2048)
    assert problem(big, limit=1024) == "the file is 2 KB; the limit is 1 KB"


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "bank.toml"
    os.mkfifo(fifo)
    assert "FIFO" in problem(fifo)


def test_devices_and_odd_paths_are_refused(tmp_path: Path) -> None:
    assert "device" in problem(Path("/dev/zero"))
    assert problem(Path("bank\0.toml")) == "the path contains a NUL byte"
    assert "too long" in problem(tmp_path / ("x" * 5000))
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    assert "loop" in problem(loop)
