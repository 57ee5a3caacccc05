"""``quizapp check``: output lines, summary, JSON, --source, --strict, exit codes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from quizapp.cli import main

DATA = Path(__file__).parent / "data" / "banks"


@pytest.fixture
def banks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture banks; the working directory is its parent, so
    paths print as ``banks/NAME.toml``."""
    shutil.copytree(DATA, tmp_path / "banks")
    monkeypatch.chdir(tmp_path)
    return Path("banks")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["check", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_valid_bank(banks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "banks/every-type.toml") == (
        0,
        "1 bank checked: 1 valid, 0 with errors (0 errors, 0 warnings)\n",
        "",
    )


def test_a_folder_with_broken_banks(banks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "banks")
    assert status == 1
    assert err == ""
    assert out.splitlines() == [
        "banks/broken.toml:8:1: missing required key 'role'",
        "banks/broken.toml:16:1: 'speaker' 'galilei' is not an actor of this bank "
        "-- did you mean 'galileo'?",
        "banks/broken.toml:18:1: missing required key 'answer'",
        "banks/broken.toml:22:32: duplicate choice 'Mercury'",
        "banks/broken.toml:23:1: unknown key 'anwser' in a choice question "
        "-- did you mean 'answer'?",
        "banks/syntax-error.toml:5:9: TOML syntax error: invalid value: text must be in quotes, "
        'e.g. answer = "Paris"',
        "banks/warnings-only.toml:8:1: warning: question 'sky' has no explanation "
        "(shown after answering)",
        "banks/warnings-only.toml:8:1: warning: question 'sky' has no source "
        "(the excerpt that proves the answer)",
        "4 banks checked: 2 valid, 2 with errors (6 errors, 2 warnings)",
    ]


def test_warnings_pass_unless_strict(banks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "banks/warnings-only.toml")
    assert status == 0
    assert out.splitlines()[-1] == "1 bank checked: 1 valid, 0 with errors (0 errors, 2 warnings)"
    status, out, _ = run(capsys, "--strict", "banks/warnings-only.toml")
    assert status == 1
    assert out.splitlines()[-1] == (
        "1 bank checked: 1 valid, 0 with errors (0 errors, 2 warnings); "
        "with --strict, warnings fail the check"
    )


def test_json_output(banks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--format", "json", "banks/broken.toml", "banks/every-type.toml")
    assert status == 1
    document = json.loads(out)
    assert document["summary"] == {
        "checked": 2,
        "valid": 1,
        "with_errors": 1,
        "errors": 5,
        "warnings": 0,
        "strict": False,
    }
    broken, valid = document["files"]
    assert valid == {
        "path": "banks/every-type.toml",
        "bank": "solar-system",
        "valid": True,
        "errors": 0,
        "warnings": 0,
        "problems": [],
    }
    assert (broken["path"], broken["bank"], broken["valid"]) == ("banks/broken.toml", None, False)
    assert broken["problems"][0] == {
        "path": "banks/broken.toml",
        "line": 8,
        "col": 1,
        "severity": "error",
        "message": "missing required key 'role'",
    }
    assert [(p["line"], p["col"]) for p in broken["problems"]] == [
        (8, 1),
        (16, 1),
        (18, 1),
        (22, 32),
        (23, 1),
    ]


def test_source_excerpts_are_checked(banks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = "banks/solar-system.txt"
    assert run(capsys, "--source", source, "banks/every-type.toml")[0] == 0
    bank = banks / "every-type.toml"
    bank.write_text(
        bank.read_text(encoding="utf-8").replace(
            'source = "Neptune the farthest"', 'source = "Neptune is the farthest"'
        ),
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "--source", source, "banks/every-type.toml")
    assert status == 1
    assert out.splitlines() == [
        "banks/every-type.toml:93:1: source excerpt not found in the source text: "
        "'Neptune is the farthest'",
        "1 bank checked: 0 valid, 1 with errors (1 error, 0 warnings)",
    ]


def test_usage_errors(banks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "banks/nope.toml") == (
        2,
        "",
        "quizapp check: error: no such file or folder: banks/nope.toml\n",
    )
    assert run(capsys, "--source", "banks/nope.txt", "banks/every-type.toml") == (
        2,
        "",
        "quizapp check: error: cannot read --source banks/nope.txt: no such file\n",
    )
    Path("empty").mkdir()
    assert run(capsys, "empty") == (2, "", "quizapp check: error: no *.toml bank files in empty\n")
    with pytest.raises(SystemExit) as exited:
        main(["check"])
    assert exited.value.code == 2
    assert "the following arguments are required: PATH" in capsys.readouterr().err


def test_a_source_that_is_not_a_regular_file_is_refused_at_once(
    banks: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo("fifo.txt")
    for source, reason in (
        ("fifo.txt", "not a regular file (a FIFO); quizapp reads only files"),
        ("/dev/zero", "not a regular file (a device); quizapp reads only files"),
        ("banks", "this is a folder, not a file"),
    ):
        assert run(capsys, "banks/every-type.toml", "--source", source) == (
            2,
            "",
            f"quizapp check: error: cannot read --source {source}: {reason}\n",
        )


def test_control_characters_in_bank_text_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "escape.toml"
    path.write_text(
        'format = 1\n[bank]\nid = "e"\ntitle = "T"\n[[questions]]\nid = "q"\n'
        'type = "choice"\nprompt = "P?"\nchoices = ["a", "b"]\nanswer = "\\u001b[2Jc"\n'
        'explanation = "E."\nsource = "S."\n',
        encoding="utf-8",
    )
    status, out, _ = run(capsys, str(path))
    assert status == 1
    assert "\x1b" not in out
    assert out.splitlines()[0] == (f"{path}:10:1: 'answer' '\\u001b[2Jc' is not one of the choices")
