"""The built wheel carries the shipped banks as ``quizapp/questions/*.toml``.

Builds a real wheel from the source tree (``python -m build`` when it is
installed, else ``pip wheel``), so it needs the build backend (hatchling)
from the package index, as a normal ``pip install .`` does.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


def build_wheel(out: Path) -> Path:
    if importlib.util.find_spec("build") is not None:
        command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO_ROOT)]
    else:
        command = [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "--wheel-dir",
            str(out),
            str(REPO_ROOT),
        ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"building the wheel failed:\n{result.stdout}\n{result.stderr}"
    (wheel,) = out.glob("quizapp-*.whl")
    return wheel


@pytest.mark.slow
def test_wheel_contains_every_shipped_bank(tmp_path: Path) -> None:
    shipped = {path.name: path.read_bytes() for path in (REPO_ROOT / "questions").glob("*.toml")}
    assert shipped, "questions/ has no bank files"
    wheel = build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        packaged = {
            name.removeprefix("quizapp/questions/"): archive.read(name)
            for name in archive.namelist()
            if name.startswith("quizapp/questions/") and name.endswith(".toml")
        }
        names = set(archive.namelist())
    assert sorted(packaged) == sorted(shipped)
    assert packaged == shipped
    assert {"quizapp/__init__.py", "quizapp/banks/__init__.py", "quizapp/py.typed"} <= names
