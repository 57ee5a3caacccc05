"""``quizapp stats``: per-question tries, facility, time and commonest wrong answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp import paths
from quizapp.cli import main
from quizapp.model import Bank
from quizapp.store import ScoreStore

BANK = """\
format = 1

[bank]
id = "capitals"
title = "European capitals"
generate = false

[[questions]]
id = "france"
type = "text"
prompt = "What is the capital of France?"
answer = "Paris"
explanation = "Paris has been the capital since 987."

[[questions]]
id = "spain"
type = "choice"
prompt = "Which city is the capital of Spain? [b]Not[/b] the biggest port."
choices = ["Madrid", "Barcelona", "Valencia"]
answer = "Madrid"
explanation = "Madrid."

[[questions]]
id = "italy"
type = "text"
prompt = "What is the capital of Italy?"
answer = "Rome"
explanation = "Rome."
"""


@pytest.fixture
def answers() -> None:
    """Three students on the capitals bank, plus a question since removed."""
    per_player = {
        "tester": [("france", "Paris", 1, 10), ("spain", "Barcelona", 0, 20)],
        "ann": [("france", "Lyon", 0, 6), ("spain", "Barcelona", 0, 30), ("retired", "x", 1, 4)],
        "bob": [("france", "", 0, 2), ("spain", "Madrid", 1, 10)],
    }
    with ScoreStore.open(paths.scores_db_path()) as store:
        for player, given in per_player.items():
            attempt = store.start_attempt(player, "capitals", "Capitals", [g[0] for g in given], {})
            for question_id, text, score, seconds in given:
                store.record_answer(
                    attempt,
                    question_id,
                    given=text,
                    score=score,
                    max_score=1,
                    seconds=seconds,
                    skipped=text == "",
                )
            store.finish_attempt(attempt)
        other = store.start_attempt("ann", "other-bank", "Other", ["france"], {})
        store.record_answer(other, "france", given="Nice", score=0, max_score=1, seconds=1)


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "capitals.toml"
    path.write_text(BANK, encoding="utf-8")
    return path


def stats(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["stats", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_class_results_by_bank_id_hardest_first(
    answers: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert stats(capsys, "capitals") == (
        0,
        "capitals: 7 tries on 3 questions, hardest first\n"
        "\n"
        "question  tries  facility  avg time  most chosen wrong answer\n"
        "--------  -----  --------  --------  ------------------------\n"
        "france        3       33%       6 s  Lyon\n"
        "spain         3       33%      20 s  Barcelona\n"
        "retired       1      100%       4 s  –\n",
        "",
    )


def test_one_players_results(answers: None, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = stats(capsys, "capitals", "--player", "tester")
    assert status == 0
    assert out == (
        "capitals: 2 tries by tester on 2 questions, hardest first\n"
        "\n"
        "question  tries  facility  avg time  most chosen wrong answer\n"
        "--------  -----  --------  --------  ------------------------\n"
        "spain         1        0%      20 s  Barcelona\n"
        "france        1      100%      10 s  –\n"
    )


def test_a_bank_file_adds_prompts_and_untried_questions(
    answers: None, bank_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = stats(capsys, str(bank_file))
    assert (status, err) == (0, "")
    assert out == (
        "European capitals (capitals): 7 tries on 3 questions, hardest first\n"
        "\n"
        "question  prompt                                    tries  facility  avg time"
        "  most chosen wrong answer\n"
        "--------  ----------------------------------------  -----  --------  --------"
        "  ------------------------\n"
        "france    What is the capital of France?                3       33%       6 s"
        "  Lyon\n"
        "spain     Which city is the capital of Spain? [b]…      3       33%      20 s"
        "  Barcelona\n"
        "retired                                                 1      100%       4 s  –\n"
        "italy     What is the capital of Italy?                 0         –         –  –\n"
    )


def test_csv(answers: None, bank_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = stats(capsys, str(bank_file), "--format", "csv")
    assert status == 0
    assert out.splitlines() == [
        "question_id,prompt,tries,correct,skipped,facility,avg_seconds,most_common_wrong,"
        "self_graded",
        "france,What is the capital of France?,3,1,1,0.333,6,Lyon,0",
        "spain,Which city is the capital of Spain? [b]Not[/b] the biggest port.,3,1,0,0.333,20,"
        "Barcelona,0",
        "retired,,1,1,0,1,4,,0",
        "italy,What is the capital of Italy?,0,0,0,,,,0",
    ]


def test_json(answers: None, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = stats(capsys, "capitals", "--format", "json", "--player", "ann")
    assert status == 0
    assert json.loads(out) == [
        {
            "question_id": "france",
            "prompt": "",
            "tries": 1,
            "correct": 0,
            "skipped": 0,
            "facility": 0.0,
            "avg_seconds": 6.0,
            "most_common_wrong": "Lyon",
            "self_graded": 0,
        },
        {
            "question_id": "spain",
            "prompt": "",
            "tries": 1,
            "correct": 0,
            "skipped": 0,
            "facility": 0.0,
            "avg_seconds": 30.0,
            "most_common_wrong": "Barcelona",
            "self_graded": 0,
        },
        {
            "question_id": "retired",
            "prompt": "",
            "tries": 1,
            "correct": 1,
            "skipped": 0,
            "facility": 1.0,
            "avg_seconds": 4.0,
            "most_common_wrong": None,
            "self_graded": 0,
        },
    ]


def test_nothing_recorded_yet(capsys: pytest.CaptureFixture[str]) -> None:
    (paths.banks_dir(create=True) / "capitals.toml").write_text(BANK, encoding="utf-8")
    assert stats(capsys, "capitals") == (0, "No answers recorded for bank capitals yet.\n", "")
    assert not paths.scores_db_path().exists()
    status, out, err = stats(capsys, "capitals", "--format", "json")
    assert (status, err) == (0, "No answers recorded for bank capitals yet.\n")
    assert [(row["question_id"], row["tries"]) for row in json.loads(out)] == [
        ("france", 0),
        ("spain", 0),
        ("italy", 0),
    ]


def test_an_id_of_a_bank_found_shows_its_prompts(
    answers: None, capsys: pytest.CaptureFixture[str]
) -> None:
    (paths.banks_dir(create=True) / "capitals.toml").write_text(BANK, encoding="utf-8")
    status, out, _ = stats(capsys, "capitals")
    assert status == 0
    assert (
        out.splitlines()[0] == "European capitals (capitals): 7 tries on 3 questions, hardest first"
    )
    assert "What is the capital of France?" in out


def test_an_unknown_id_is_a_usage_error_listing_the_known_ones(
    answers: None, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = stats(capsys, "capitols")
    assert (status, out) == (2, "")
    lines = err.splitlines()
    assert lines[0] == "quizapp stats: unknown bank id 'capitols'"
    assert "known bank ids:" in lines
    # Ids with saved answers count too, though no bank file has them.
    assert lines[-3:] == ["ids with saved scores but no bank file:", "  capitals", "  other-bank"]


def test_a_bank_file_with_errors_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('format = 1\n[bank]\nid = "x"\ntitle = \n', encoding="utf-8")
    status, out, err = stats(capsys, str(broken))
    assert (status, out) == (1, "")
    assert err.startswith(f"{broken}:4:")


def test_a_missing_bank_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.toml"
    assert stats(capsys, str(missing)) == (2, "", f"quizapp stats: {missing}: no such file\n")


def test_self_graded_tries_are_counted(capsys: pytest.CaptureFixture[str]) -> None:
    with ScoreStore.open(paths.scores_db_path()) as store:
        for player, score in (("ann", 1.0), ("bob", 0.5)):
            attempt = store.start_attempt(player, "argument", "Argument", ["why"], {})
            store.record_answer(
                attempt, "why", given="", score=score, max_score=1, seconds=30, self_graded=True
            )
    status, out, _ = stats(capsys, "argument")
    assert status == 0
    assert out.splitlines()[2:] == [
        "question  tries  facility  self-graded  avg time  most chosen wrong answer",
        "--------  -----  --------  -----------  --------  ------------------------",
        "why           2       50%            2      30 s  –",
    ]
    status, out, _ = stats(capsys, "argument", "--format", "json")
    assert [(r["question_id"], r["self_graded"]) for r in json.loads(out)] == [("why", 2)]


def test_the_command_prints_what_the_statistics_view_shows(
    answers: None, bank_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One row model: every row of the table holds the cells of the TUI's view."""
    from quizapp.banks import load_bank
    from quizapp.tui.screens.stats import row_cells as view_cells
    from quizapp.usecases.statistics import read_statistics

    bank = load_bank(bank_file)
    assert isinstance(bank, Bank)
    with ScoreStore.open(paths.scores_db_path()) as store:
        read = read_statistics(store, bank, None)
    _, out, _ = stats(capsys, str(bank_file))
    lines = out.splitlines()[4:]
    assert [line.split()[0] for line in lines] == [row.question_id for row in read.rows]
    for line, row in zip(lines, read.rows, strict=True):
        question, *figures = (cell.plain for cell in view_cells(row, 80))
        assert question == (row.prompt or row.question_id)
        # Tries, facility as a percentage, average time, most chosen wrong answer.
        assert all(figure in line for figure in figures), (line, figures)
