"""``quizapp grade BANK QUESTION_ID ANSWER...``: verdicts for teachers tuning banks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp.cli import main

EVERY_TYPE = str(Path(__file__).parent / "data" / "banks" / "every-type.toml")


def grade(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["grade", *args])
    out, err = capsys.readouterr()
    return status, out, err


def graded_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    status, out, _ = grade(capsys, *args, "--format", "json")
    assert status == 0
    document: dict[str, object] = json.loads(out)
    return document


def test_a_wrong_answer_and_its_reason(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = grade(capsys, "s400-dispute", "us-reaction", "offensive")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "s400-dispute / us-reaction (text)",
        "verdict:   wrong",
        "score:     0 / 1",
        "near miss: no",
        "given:     offensive",
        "expected:  defensive",
        "reason:    'offensive' is a different word from 'defensive'",
    ]


def test_a_right_answer(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = grade(capsys, "s400-dispute", "us-reaction", "defensive")
    assert status == 0
    assert "verdict:   correct" in out.splitlines()
    assert "matched:   defensive" in out.splitlines()


def test_json_has_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert graded_json(capsys, "s400-actors", "russian-president", "President", "Putin") == {
        "bank": "s400-actors",
        "question": "russian-president",
        "verdict": "correct",
        "score": 1.0,
        "max_score": 1.0,
        "near_miss": False,
        "matched": "Putin",
        "reason": None,
    }
    near = graded_json(capsys, "s400-actors", "coup-cleric", "Fetullah", "Gulen")
    assert (near["verdict"], near["near_miss"], near["matched"]) == (
        "correct",
        True,
        "Fethullah Gulen",
    )


def test_a_cloze_takes_one_answer_per_gap(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = grade(capsys, "s400-dispute", "coup-grievance", "sensitivity", "cleric")
    assert status == 0
    lines = out.splitlines()
    assert "verdict:   partial" in lines
    assert "score:     0.5 / 1" in lines
    assert "  gap 2: right, cleric" in lines
    assert any(
        line.startswith("  gap 1: wrong, sensitivity ('sensitivity' drops") for line in lines
    )
    status, _, err = grade(capsys, "s400-dispute", "coup-grievance", "a", "b", "c")
    assert status == 2
    assert "this question has 2 gaps: give one ANSWER per gap, not 3" in err


def test_generated_questions_are_graded(capsys: pytest.CaptureFixture[str]) -> None:
    wrong = graded_json(capsys, "s400-quotes", "quote:winner:cloze", "wiener")
    assert (wrong["verdict"], wrong["reason"]) == (
        "wrong",
        "gap 1: 'wiener' is a different word from 'winner'",
    )
    assert graded_json(capsys, EVERY_TYPE, "event:pluto:year", "in 2006")["verdict"] == "correct"


def test_open_questions_take_the_students_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    assert graded_json(capsys, "s400-argument", "discuss-claim", "some")["score"] == 0.5
    status, _, err = grade(capsys, "s400-argument", "discuss-claim", "maybe")
    assert status == 2 and "all, some or none" in err


def test_choices_by_text_or_number_and_other_types(capsys: pytest.CaptureFixture[str]) -> None:
    assert graded_json(capsys, EVERY_TYPE, "closest", "1")["verdict"] == "correct"
    assert graded_json(capsys, EVERY_TYPE, "closest", "Mercury")["verdict"] == "correct"
    assert graded_json(capsys, EVERY_TYPE, "closest", "mercury")["verdict"] == "correct"
    assert graded_json(capsys, EVERY_TYPE, "closest", "Venus")["verdict"] == "wrong"
    assert graded_json(capsys, EVERY_TYPE, "giants", "1", "Saturn")["verdict"] == "correct"
    assert graded_json(capsys, EVERY_TYPE, "giants", "Jupiter")["verdict"] == "partial"
    assert graded_json(capsys, EVERY_TYPE, "red", "true")["verdict"] == "correct"
    assert graded_json(capsys, EVERY_TYPE, "size", "Saturn", "Jupiter")["verdict"] == "wrong"
    pairs = ["Mercury=closest to the Sun", "Neptune=farthest from the Sun", "Mars=3"]
    assert graded_json(capsys, EVERY_TYPE, "who", *pairs)["verdict"] == "correct"
    assert graded_json(capsys, EVERY_TYPE, "planets", "eight")["verdict"] == "correct"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-bank", "q", "a"], "quizapp grade: unknown bank id 'no-such-bank'"),
        (["s400-dispute", "us-reactoin", "a"], "did you mean 'us-reaction'?"),
        ([EVERY_TYPE, "closest", "7"], "there is no choice 7: this question has 3"),
        ([EVERY_TYPE, "red", "maybe"], "answer true or false, not 'maybe'"),
        ([EVERY_TYPE, "who", "Mercury"], "give each pair as LEFT=RIGHT"),
        ([EVERY_TYPE, "closest"], "give the answer to grade after the question id"),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    status, out, err = grade(capsys, *args)
    assert (status, out) == (2, "")
    assert message in err


def test_a_broken_bank_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('format = 1\n[bank]\nid = "b"\n', encoding="utf-8")
    status, _, err = grade(capsys, str(broken), "q", "a")
    assert status == 1
    assert "missing required key 'title'" in err


def test_bank_text_cannot_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bank = tmp_path / "escape.toml"
    bank.write_text(
        'format = 1\n[bank]\nid = "e"\ntitle = "E"\n[[questions]]\nid = "q"\ntype = "text"\n'
        'prompt = "P"\nanswer = "a\\u001b]0;pwned\\u0007"\n',
        encoding="utf-8",
    )
    status, out, _ = grade(capsys, str(bank), "q", "\x1b[2Jb")
    assert status == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "pwned" in out  # the text is kept, its control characters escaped
