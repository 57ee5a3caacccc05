"""``quizapp preview``: argument errors end before the TUI (and Textual) start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import quizapp.tui.preview_app
from quizapp import paths
from quizapp.cli import main

BANK = Path(__file__).parent / "data" / "banks" / "every-type.toml"

WITHOUT_TUI = """
import sys
from quizapp.cli import main
status = main(sys.argv[1:])
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
print("status", status, "textual modules:", loaded)
"""


def run_python(*args: str) -> tuple[str, str]:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_TUI, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return result.stdout, result.stderr


def test_a_missing_file_is_a_usage_error_without_textual(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    out, err = run_python("preview", str(missing))
    assert out == "status 2 textual modules: []\n"
    assert err == f"quizapp preview: error: no such bank file: {missing}\n"


def test_a_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"quizapp preview: error: {tmp_path} is a folder; name one bank file (*.toml)\n"
    )


def test_an_empty_player_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", str(BANK), "--player", "  "]) == 2
    assert capsys.readouterr().err == "quizapp preview: error: --player needs a name\n"


def test_the_bank_argument_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["preview"])
    assert exit_info.value.code == 2
    assert "the following arguments are required: BANK.toml" in capsys.readouterr().err


def test_good_arguments_start_the_preview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Path, Path, str | None]] = []

    def run_preview(path: Path, *, data_dir: Path, stats_player: str | None) -> int:
        calls.append((path, data_dir, stats_player))
        return 0

    monkeypatch.setattr(quizapp.tui.preview_app, "run_preview", run_preview)
    data = tmp_path / "data"
    assert main(["preview", str(BANK), "--data-dir", str(data), "--player", " ann "]) == 0
    assert main(["preview", str(BANK)]) == 0
    # Without --data-dir: the user data dir (QUIZAPP_DATA_DIR, set for every test).
    assert calls == [(BANK, data, "ann"), (BANK, paths.data_dir(), None)]


def test_an_unusable_scores_database_ends_with_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    assert main(["preview", str(BANK), "--data-dir", str(not_a_folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("quizapp preview: error: ")
    assert str(not_a_folder) in err
