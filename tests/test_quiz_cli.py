"""``quizapp quiz BANK``: a quiz as plain lines, and the TUI straight into a quiz."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from quizapp import paths
from quizapp.cli import main
from quizapp.store import ScoreStore

BANKS = Path(__file__).parent / "tui" / "banks"
EVERY_TYPE = str(BANKS / "every_type.toml")
DISCUSSION = str(BANKS / "discussion.toml")
#: With --seed 7 the every-type bank asks: multi, order, match, number,
#: choice, choice with a quote, text, true or false, cloze.
RIGHT_ANSWERS = [
    "3 4 5 2",
    "1 3 2",
    "b c a",
    "2016",
    "2",
    "NATO",
    "Cagaptay",
    "t",
    "winner",
    "Putin",
]


def typed(monkeypatch: pytest.MonkeyPatch, *lines: str) -> None:
    """Standard input holding ``lines``, then its end."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(line + "\n" for line in lines)))


def stored() -> list[tuple[bool, list[tuple[str, float]]]]:
    """(finished, [(question id, score)]) of every stored attempt."""
    with ScoreStore.open(paths.scores_db_path()) as store:
        return [
            (a.finished, [(row.question_id, row.score) for row in store.answers(a.id)])
            for a in store.attempts(player="tester")
        ]


def quiz(*args: str) -> int:
    return main(["quiz", *args, "--seed", "7", "--player", "tester"])


def test_a_plain_quiz_asks_grades_and_saves_every_answer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Not a terminal: the quiz runs as plain lines without --plain.
    typed(monkeypatch, "9", "3 4 5 2", *RIGHT_ANSWERS[1:6], "Cagaptai", *RIGHT_ANSWERS[7:])
    assert quiz(EVERY_TYPE) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Every question type: 9 questions. Type /skip to skip a question, /quit to stop"
    )
    # Numbered choices, the typed line echoed, a wrong number asked again.
    assert (
        "Question 1 of 9 (score 0 / 0)\nWhich of these countries border Turkey?\n"
        "  1. Spain\n  2. Greece\n  3. Iraq\n  4. Iran\n  5. Syria\n"
        "Type the numbers of every right choice, such as: 1 3\n"
        "> 9\nType numbers from 1 to 5, separated by spaces.\n> 3 4 5 2\n✓ Correct  1 / 1 points\n"
    ) in out
    assert "with:\n  a. Russian president\n  b. former U.S. ambassador to Turkey\n" in out
    assert "“a NATO ally”\nWhich alliance is Turkey a member of?\n  1. NATO\n" in out
    # The grading and feedback of the TUI: a near miss, the source as a quote.
    assert "Accepted 'Cagaptai' as Soner Cagaptay (a near miss: mind the spelling)" in out
    assert "From the source: “Soner Cagaptay, director of the Turkish Research Program”" in out
    assert "Clearly a [1]_____ in all this is [2]_____\nType each gap on its own line.\n" in out
    assert "> winner\ngap 2> Putin\n✓ Correct" in out
    assert "Results\n9 / 9 points  100%\n9 questions · 9 right · 0 wrong\nTime answering: " in out
    assert out.endswith("  quotes: 1 / 1 (100%)\nNothing missed. Well done!\n")
    ((finished, answers),) = stored()
    assert finished and len(answers) == 9 and all(score == 1.0 for _, score in answers)


def test_the_end_of_input_stops_the_quiz_and_keeps_the_answers(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed(monkeypatch, "1 2", "/skip")
    assert quiz(EVERY_TYPE, "--plain") == 0
    out = capsys.readouterr().out
    assert "→ Skipped\nCorrect answer: Soviet times → the 1950s → 2016" in out
    assert out.endswith(
        "Stopped after 2 of 9 questions (score 0 / 2). Your answers are kept: "
        "resume this quiz in quizapp (r on Home).\n"
    )
    assert stored() == [(False, [("neighbours", 0.0), ("timeline", 0.0)])]


def test_ctrl_c_stops_the_quiz_and_keeps_the_answers(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = iter(["3 4 5 2\n"])

    def readline() -> str:
        for line in lines:
            return line
        raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", io.StringIO())
    monkeypatch.setattr(sys.stdin, "readline", readline)
    assert quiz(EVERY_TYPE, "--plain") == 130
    assert capsys.readouterr().out.endswith(
        "\nInterrupted after 1 of 9 questions (score 1 / 1). Your answers are kept: "
        "resume this quiz in quizapp (r on Home).\n"
    )
    assert stored() == [(False, [("neighbours", 1.0)])]


def test_open_questions_show_the_model_answer_then_take_the_students_grade(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed(monkeypatch, "Wilson and Cagaptay", "maybe", "2", "/quit")
    assert quiz(DISCUSSION, "--tag", "argument", "--count", "2") == 0
    out = capsys.readouterr().out
    assert "Discussion questions: 2 questions." in out
    assert (
        "> Wilson and Cagaptay\nModel answer: It quotes two people, Ross Wilson and Soner "
        "Cagaptay; no one speaking for Turkey's government, for Russia or for the Trump "
        "administration is quoted.\nA good answer covers:\n"
        "  • Ross Wilson, a former U.S. ambassador to Turkey\n"
    ) in out
    assert "> maybe\nType 1, 2 or 3. How much of it did your answer cover?" in out
    assert (
        "> 2\n◐ Partly correct: 0.5 / 1 points  graded by you\nYour answer: Wilson and Cagaptay\n"
        "Your grade: Some of it\nOnly two outside voices"
    ) in out
    assert stored() == [(False, [("voices", 0.5)])]


def test_a_quiz_that_cannot_start_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert quiz(EVERY_TYPE, "--tag", "nope") == 2
    assert capsys.readouterr().err == (
        "quizapp quiz: the quiz cannot start: no question matches these options\n"
    )
    assert quiz("no-such-bank") == 2
    assert "quizapp quiz: unknown bank id 'no-such-bank'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        quiz(EVERY_TYPE, "--count", "0")
    assert "0 is less than 1" in capsys.readouterr().err
    assert stored() == []


def test_on_a_terminal_the_tui_opens_straight_into_the_quiz(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quizapp.tui import launch
    from quizapp.tui.app import QuizApp
    from quizapp.tui.screens.quiz import QuizScreen

    monkeypatch.setattr(sys, "stdin", io.StringIO())
    for stream in (sys.stdin, sys.stdout):
        monkeypatch.setattr(stream, "isatty", lambda: True)
    seen: list[tuple[str, int, str | None]] = []
    run_app = launch.run_app

    async def look(pilot: object) -> None:
        app = pilot.app  # type: ignore[attr-defined]
        for _ in range(500):  # the banks load, then the question shows
            if isinstance(app.screen, QuizScreen) and app.screen.query("#answer"):
                break
            await pilot.pause(0.01)  # type: ignore[attr-defined]
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        options = screen.quiz.session.options
        seen.append((screen.quiz.session.bank.id, screen.quiz.session.total, options.tags[0]))
        app.exit()

    def headless(app: QuizApp) -> None:
        run_app(app, headless=True, auto_pilot=look)

    monkeypatch.setattr(launch, "run_app", headless)
    assert quiz(EVERY_TYPE, "--tag", "dates", "--count", "2") == 0
    assert seen == [("tui-every-type", 2, "dates")]
