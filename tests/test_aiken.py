"""Reading Aiken files, and the import command for both formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.banks import load_bank
from quizapp.cli import main
from quizapp.commands.import_ import guess_format
from quizapp.interchange.aiken import read_aiken
from quizapp.model import Bank, ChoiceQuestion

DATA = Path(__file__).parent / "data" / "interchange"


def test_sample_file() -> None:
    result = read_aiken((DATA / "questions.aiken.txt").read_text(encoding="utf-8"))
    assert result.errors == result.skipped == result.approximated == ()
    assert result.questions == (
        ChoiceQuestion(
            id="q1",
            prompt="Which system did Russia begin delivering to Turkey?",
            choices=("S-400", "F-35", "Patriot"),
            answer="S-400",
            line=1,
        ),
        ChoiceQuestion(
            id="q2",
            prompt="Which U.S. fighter jet was Turkey slated to buy?",
            choices=("S-400", "F-35", "Patriot", "Su-57"),
            answer="F-35",
            line=7,
        ),
    )


def test_malformed_file_reports_each_problem_at_its_line() -> None:
    result = read_aiken((DATA / "malformed.aiken.txt").read_text(encoding="utf-8"))
    assert result.questions == ()
    assert result.report_lines("bad.txt") == [
        "bad.txt:1:1: option 'A)' without a question",
        "bad.txt:6:1: a question needs at least 2 options before 'ANSWER:'",
        "bad.txt:8:1: the question has no 'ANSWER:' line",
        "bad.txt:14:1: expected option 'B)' here, found 'C)'",
        "bad.txt:20:1: 'ANSWER: E' names no option (options A to B)",
        "bad.txt:23:1: an Aiken question is one line, and this line follows the question "
        "on line 22 (options start with 'A)' or 'A.')",
    ]


def test_options_without_a_space_lower_case_answer_and_crlf() -> None:
    result = read_aiken("Pick one\r\nA)first\r\nB.second\r\nANSWER: b\r\n")
    assert [(q.choices, q.answer) for q in result.questions] == [(("first", "second"), "second")]


def test_answer_line_problems() -> None:
    result = read_aiken("Q\nA) x\nB) y\nANSWER:\n\nANSWER: A\n\nR\nA) x\nB)\nANSWER: A\n")
    assert result.report_lines("f") == [
        "f:4:1: 'ANSWER:' must give one letter from A to B",
        "f:6:1: 'ANSWER:' without a question before it",
        "f:10:1: option 'B)' has no text",
    ]


def test_duplicate_options_are_skipped_and_numbering_stays_stable() -> None:
    result = read_aiken("One\nA) x\nB) x\nANSWER: A\n\nTwo\nA) x\nB) y\nANSWER: B\n")
    assert result.report_lines("f") == [
        "f:3:1: skipped: two options read 'x'; quizapp needs different choices"
    ]
    assert [q.id for q in result.questions] == ["q2"]


# -------------------------------------------------------------- the command


def test_guess_format() -> None:
    assert guess_format(Path("a.gift"), "") == "gift"
    assert guess_format(Path("a.txt"), "Q\nA) x\nB) y\nANSWER: A\n") == "aiken"
    assert guess_format(Path("a.txt"), "Q {=a ~b}") == "gift"
    assert guess_format(Path("a.txt"), "nothing to go on") is None


def test_import_gift(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "moodle.toml"
    source = DATA / "moodle.gift"
    assert main(["import", str(source), "-o", str(output)]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"{source}:59:1: skipped: essay questions (an empty answer section {{}}) have no "
        "equivalent in quizapp",
        f"{source}:61:1: skipped: descriptions (text with no answer section {{...}}) have no "
        "equivalent in quizapp",
    ]
    assert out.splitlines() == [
        f"Wrote {output}: 13 questions converted, 2 skipped, 0 approximated.",
        f"GIFT files have no source excerpts, so `quizapp check {output}` warns that each "
        "question has no source; add them to make the bank complete.",
    ]
    bank = load_bank(output)
    assert isinstance(bank, Bank)
    assert (bank.id, bank.title, bank.defaults.match) == ("moodle", "Moodle", "normal")
    assert bank.source is not None and bank.source.title == "Imported from moodle.gift"
    assert output.read_text(encoding="utf-8").startswith(
        "# Imported from moodle.gift (GIFT) by quizapp import.\nformat = 1\n"
    )


def test_import_aiken_with_id_and_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.toml"
    source = DATA / "questions.aiken.txt"
    args = ["import", str(source), "-o", str(output), "--id", "jets", "--title", "Jets"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert (
        out.splitlines()[0] == f"Wrote {output}: 2 questions converted, 0 skipped, 0 approximated."
    )
    assert "(and no explanation: Aiken has no feedback)" in out
    bank = load_bank(output)
    assert isinstance(bank, Bank)
    assert (bank.id, bank.title, [q.id for q in bank.questions]) == ("jets", "Jets", ["q1", "q2"])


def test_import_malformed_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out.toml"
    source = DATA / "malformed.aiken.txt"
    assert main(["import", str(source), "-o", str(output), "--format", "aiken"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{source}:1:1: option 'A)' without a question"
    assert err[-1] == "quizapp import: 6 errors; no bank written"
    assert not output.exists()


def test_import_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = DATA / "questions.aiken.txt"
    existing = tmp_path / "exists.toml"
    existing.write_text("keep me", encoding="utf-8")
    assert main(["import", str(source), "-o", str(existing)]) == 2
    assert capsys.readouterr().err == (
        f"quizapp import: {existing} already exists; use --force to overwrite it\n"
    )
    assert existing.read_text(encoding="utf-8") == "keep me"
    assert main(["import", str(source), "-o", str(tmp_path / "x.txt")]) == 2
    assert main(["import", str(source), "-o", str(tmp_path / "x.toml"), "--id", "Not OK"]) == 2
    vague = tmp_path / "vague.txt"
    vague.write_text("nothing to go on\n", encoding="utf-8")
    assert main(["import", str(vague), "-o", str(tmp_path / "v.toml")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"quizapp import: {tmp_path / 'x.txt'}: a bank file name ends in .toml",
        "quizapp import: bank id 'Not OK' may only use lower-case letters, digits, '-', '_' "
        "and '.'; choose one with --id",
        f"quizapp import: cannot tell whether {vague} is GIFT or Aiken; say so with --format",
    ]


def test_import_unreadable_or_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.gift"
    assert main(["import", str(missing), "-o", str(tmp_path / "a.toml")]) == 1
    latin1 = tmp_path / "latin1.gift"
    latin1.write_bytes("Capitale de la Turquie ? {=Ankara ~Istanbul} é".encode("latin-1"))
    assert main(["import", str(latin1), "-o", str(tmp_path / "b.toml")]) == 1
    essays = tmp_path / "essays.gift"
    essays.write_text("Write an essay.{}\n", encoding="utf-8")
    assert main(["import", str(essays), "-o", str(tmp_path / "c.toml")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"quizapp import: cannot read {missing}: no such file",
        f"quizapp import: cannot read {latin1}: the file is not UTF-8 text (byte 0xe9 on line 1); "
        "save it as UTF-8",
        f"{essays}:1:1: skipped: essay questions (an empty answer section {{}}) have no "
        "equivalent in quizapp",
        f"quizapp import: no question of {essays} could be converted; no bank written",
    ]
    assert not any((tmp_path / name).exists() for name in ("a.toml", "b.toml", "c.toml"))
