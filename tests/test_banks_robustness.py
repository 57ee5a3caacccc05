"""Whatever the bytes, loading gives a bank or located problems, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.banks import load_bank, load_bank_text
from quizapp.model import Bank, BankError

DATA = Path(__file__).parent / "data" / "banks"
SHIPPED = Path(__file__).resolve().parents[1] / "questions"
SEEDS = [
    path.read_text(encoding="utf-8")
    for path in sorted(DATA.glob("*.toml")) + sorted(SHIPPED.glob("*.toml"))
]
SNIPPETS = [
    "[[questions]]\n",
    "[bank]\n",
    '"""',
    "'''",
    '"',
    "[",
    "]",
    "{",
    "}",
    "=",
    ",",
    "#",
    "\n",
    "\\",
    "{{a}}",
    "1979-05-27",
    "nan",
    'type = "cloze"\n',
    "id = 3\n",
    "\x00",
    "é",
    "\r\n",
]


def assert_well_formed(result: Bank | BankError, path: str, text: str) -> None:
    """A bank, or an error whose every problem is located inside the text."""
    lines = text.count("\n") + 2
    if isinstance(result, Bank):
        assert not any(problem.severity == "error" for problem in result.warnings)
        problems = result.warnings
        for item in (*result.questions, *result.actors, *result.events, *result.quotes):
            assert 1 <= item.line < lines
    else:
        assert result.problems, "a BankError must say what is wrong"
        problems = result.problems
        assert any(problem.severity == "error" for problem in problems)
    for problem in problems:
        assert problem.location.path == path
        assert 1 <= problem.location.line < lines, str(problem)
        assert problem.location.col >= 1
        assert problem.message
        assert not problem.message.startswith("internal error"), str(problem)


@st.composite
def mutated_banks(draw: st.DrawFn) -> str:
    """A valid bank with a few random edits: cut, duplicated, swapped or
    inserted lines and characters."""
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        lines = text.splitlines(keepends=True)
        operation = draw(
            st.sampled_from(["cut", "duplicate", "swap", "insert", "truncate", "chars"])
        )
        if operation == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
            continue
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        if operation == "cut":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, lines[index])
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == "insert":
            lines.insert(index, draw(st.sampled_from(SNIPPETS)))
        else:
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            piece = draw(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=3)))
            cut = draw(st.integers(0, 3))
            lines[index] = line[:at] + piece + line[at + cut :]
        text = "".join(lines)
    return text


@settings(max_examples=300, deadline=None)
@given(text=mutated_banks())
def test_mutated_banks_load_or_report_located_problems(text: str) -> None:
    result = load_bank_text(text, "mutated.toml")
    assert_well_formed(result, "mutated.toml", text)
    if isinstance(result, Bank):
        lines = text.split("\n")  # TOML's lines: not split at "\x85" or "\u2028"
        for question in result.questions:
            assert "questions" in lines[question.line - 1], question.line


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("robustness") / "bank.toml"


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.one_of(st.binary(max_size=300), mutated_banks().map(lambda text: text.encode())))
def test_arbitrary_bytes_load_or_report_located_problems(scratch: Path, data: bytes) -> None:
    scratch.write_bytes(data)
    result = load_bank(scratch)
    text = data.decode("utf-8", errors="replace")
    assert_well_formed(result, str(scratch), text)


def test_the_seeds_are_valid_or_known_broken() -> None:
    loaded = [load_bank_text(text, "seed.toml") for text in SEEDS]
    assert sum(isinstance(result, Bank) for result in loaded) >= 2
