"""Starting the TUI from parsed command-line arguments."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.model import Bank, BankError
from quizapp.tui.launch import LaunchError, build_app, run_tui
from tests.tui.helpers import BANKS


def arguments(tmp_path: Path, *paths: Path, player: str | None = "sam") -> argparse.Namespace:
    return argparse.Namespace(
        paths=list(paths), data_dir=tmp_path / "data", player=player, no_shipped=True
    )


def test_build_app_loads_the_named_banks_and_opens_the_store(tmp_path: Path) -> None:
    app = build_app(arguments(tmp_path, BANKS / "every_type.toml", BANKS / "broken.toml"))
    try:
        kinds = [type(result) for result in app.results]
        assert kinds == [Bank, BankError]
        assert app.settings.player == "sam"
        assert app.settings.data_dir == tmp_path / "data"
        assert app.store.path == tmp_path / "data" / "scores.sqlite3"
        assert app.store.path.exists()
    finally:
        app.store.close()


def test_the_player_defaults_to_the_login_name(tmp_path: Path) -> None:
    app = build_app(arguments(tmp_path, player=None))
    try:
        assert app.settings.player == "tester"  # USER, set by the test fixtures
    finally:
        app.store.close()


def test_an_empty_player_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(LaunchError, match="--player needs a name"):
        build_app(arguments(tmp_path, player="  "))
    assert run_tui(arguments(tmp_path, player="")) == 1
    assert capsys.readouterr().err == "quizapp: --player needs a name\n"


def test_an_unusable_data_folder_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be")
    assert run_tui(arguments(tmp_path)) == 1
    err = capsys.readouterr().err
    assert err.startswith("quizapp: ") and "Traceback" not in err


def test_the_command_line_reports_errors_without_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quizapp", "--player", "", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr == "quizapp: --player needs a name\n"


def test_building_the_app_imports_only_what_home_shows_first(tmp_path: Path) -> None:
    # The palette, study counting (fsrs) and every other screen load later.
    code = (
        "import argparse, sys\n"
        "from pathlib import Path\n"
        "from quizapp.tui.launch import build_app\n"
        f"data_dir = Path({str(tmp_path / 'data')!r})\n"
        "build_app(argparse.Namespace(paths=[], data_dir=data_dir, player='sam',"
        " no_shipped=False))\n"
        "later = ('quizapp.tui.', 'quizapp.study', 'quizapp.session', 'fsrs')\n"
        "print(sorted(m for m in sys.modules if m.startswith(later)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(
        [
            "quizapp.tui.app",
            "quizapp.tui.formatting",
            "quizapp.tui.launch",
            "quizapp.tui.overview",
            "quizapp.tui.screens",
            "quizapp.tui.screens.base",
            "quizapp.tui.screens.home",
            "quizapp.tui.settings",
            "quizapp.tui.text",
            "quizapp.tui.widgets",
            "quizapp.tui.widgets.bank_list",
            "quizapp.tui.widgets.keys_footer",
        ]
    )
