"""The package imports and reports its version."""

import subprocess
import sys

from quizapp import __version__


def test_version_flag() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "quizapp", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"quizapp {__version__}"
