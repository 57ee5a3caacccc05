"""The core and the non-TUI commands never import Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BANK = Path(__file__).parent / "data" / "banks" / "every-type.toml"
ARTICLE = Path(__file__).parent / "data" / "articles" / "harbour-bridge.txt"

CORE_AND_CHECK = f"""
import sys
import quizapp.banks, quizapp.grading, quizapp.session, quizapp.store, quizapp.generate
import quizapp.draft
from quizapp.cli import main
status = main(["check", {str(BANK)!r}])
assert status == 0, status
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
print("textual modules:", loaded)
"""

GRADE = f"""
import sys
from quizapp.cli import main
status = main(["grade", {str(BANK)!r}, "farthest", "Neptune", "--format", "json"])
assert status == 0, status
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
print("textual modules:", loaded)
"""

DRAFT = """
import contextlib, io, sys, tempfile
from pathlib import Path
from quizapp.cli import main
with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stdout(io.StringIO()):
    status = main(["draft", {article!r}, "-o", str(Path(folder) / "draft.toml")])
assert status == 0, status
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
print("textual modules:", loaded)
""".replace("{article!r}", repr(str(ARTICLE)))

QUIZ = f"""
import contextlib, io, sys, tempfile
from quizapp.cli import main
sys.stdin = io.StringIO("1\\n/skip\\n")
with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stdout(io.StringIO()):
    status = main(["quiz", {str(BANK)!r}, "--plain", "--data-dir", folder, "--player", "p"])
assert status == 0, status
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
print("textual modules:", loaded)
"""

VERSION = """
import contextlib, io, sys
from quizapp.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main(["--version"])
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
print("textual modules:", loaded)
"""


DOCTOR = """
import contextlib, io, sys, tempfile
from quizapp.cli import main
from quizapp.store import ScoreStore
with tempfile.TemporaryDirectory() as folder:
    ScoreStore.open(__import__("pathlib").Path(folder) / "scores.sqlite3").close()
    with contextlib.redirect_stdout(io.StringIO()):
        for args in ([], ["--repair"], ["--restore"]):
            assert main(["doctor", "--data-dir", folder, *args]) == 0
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
print("textual modules:", loaded)
"""


def run_python(code: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return result.stdout.splitlines()


def test_core_and_check_leave_textual_out() -> None:
    assert run_python(CORE_AND_CHECK) == [
        "1 bank checked: 1 valid, 0 with errors (0 errors, 0 warnings)",
        "textual modules: []",
    ]


def test_version_leaves_textual_out() -> None:
    assert run_python(VERSION) == ["textual modules: []"]


def test_grade_leaves_textual_out() -> None:
    lines = run_python(GRADE)
    assert lines[-1] == "textual modules: []"
    assert '"verdict": "correct"' in lines[0]


def test_the_plain_quiz_leaves_textual_out() -> None:
    assert run_python(QUIZ) == ["textual modules: []"]


def test_draft_leaves_textual_out() -> None:
    assert run_python(DRAFT) == ["textual modules: []"]


def test_doctor_leaves_textual_out() -> None:
    assert run_python(DOCTOR) == ["textual modules: []"]
