"""The package imports and reports its version; a mistyped command is caught."""

import subprocess
import sys
from pathlib import Path

import pytest

from quizapp import __version__
from quizapp.cli import main


def test_version_flag() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "quizapp", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"quizapp {__version__}"


def test_a_mistyped_command_is_not_taken_for_a_bank(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["chek", "x.toml"]) == 2
    assert capsys.readouterr() == ("", "quizapp: unknown command 'chek' — did you mean 'check'?\n")
    assert main(["frobnicate"]) == 2
    assert capsys.readouterr().err == (
        "quizapp: unknown command 'frobnicate', and no file or folder has that name "
        "(commands: check, scores, brief, new, import, export, stats, preview, draft, grade, "
        "quiz, doctor; quizapp --help lists them)\n"
    )
