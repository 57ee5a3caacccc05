"""The import command, and the round trip through the command line as a user
runs it: export, import, check, export again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.banks import load_bank
from quizapp.cli import main
from quizapp.commands.import_ import guess_format
from quizapp.model import Bank
from quizapp.paths import shipped_banks_dir

DATA = Path(__file__).parent / "data" / "interchange"
BANKS = [
    *sorted(shipped_banks_dir().glob("*.toml")),
    Path(__file__).parent / "data" / "banks" / "every-type.toml",
]


@pytest.mark.parametrize("kind", ["gift", "csv"])
@pytest.mark.parametrize("bank", BANKS, ids=lambda path: path.stem)
def test_the_round_trip_through_the_command_line(
    bank: Path, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported, imported, again = tmp_path / f"x.{kind}", tmp_path / "y.toml", tmp_path / f"z.{kind}"
    assert main(["export", str(bank), "--format", kind, "-o", str(exported)]) == 0
    assert main(["import", str(exported), "-o", str(imported)]) == 0
    assert main(["check", str(imported)]) == 0
    assert main(["export", str(imported), "--format", kind, "-o", str(again)]) == 0
    assert again.read_bytes() == exported.read_bytes()
    capsys.readouterr()
    original, back = load_bank(bank), load_bank(imported)
    assert isinstance(original, Bank) and isinstance(back, Bank)
    assert back.id == original.id and back.title == original.title
    assert [q.id for q in back.questions] == [q.id for q in original.questions]


@pytest.mark.parametrize("kind", ["gift", "csv"])
def test_generated_questions_export_as_a_bank_that_imports_back(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = shipped_banks_dir() / "s400-actors.toml"
    exported, imported = tmp_path / f"x.{kind}", tmp_path / "y.toml"
    assert main(["export", str(bank), "--format", kind, "--generated", "-o", str(exported)]) == 0
    assert main(["import", str(exported), "-o", str(imported)]) == 0
    assert main(["check", str(imported)]) == 0
    capsys.readouterr()
    original, back = load_bank(bank), load_bank(imported)
    assert isinstance(original, Bank) and isinstance(back, Bank)
    ids = [q.id for q in back.questions]
    assert ids[: len(original.questions)] == [q.id for q in original.questions]
    # The generated ones follow, under ids a bank accepts.
    generated = ids[len(original.questions) :]
    assert generated and all(":" not in qid for qid in generated)
    assert "actor.western-alliance.role" in generated


def test_the_round_trip_as_a_shell_runs_it(tmp_path: Path) -> None:
    bank = shipped_banks_dir() / "s400-quotes.toml"
    quizapp = [sys.executable, "-m", "quizapp"]
    steps = [
        [*quizapp, "export", str(bank), "--format", "gift", "-o", "x.gift"],
        [*quizapp, "import", "x.gift", "-o", "y.toml"],
        [*quizapp, "check", "y.toml"],
        [*quizapp, "export", "y.toml", "--format", "gift", "-o", "z.gift"],
    ]
    for step in steps:
        done = subprocess.run(step, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "z.gift").read_text(encoding="utf-8") == (tmp_path / "x.gift").read_text(
        encoding="utf-8"
    )


# ----------------------------------------------------------- the command


def test_guess_format() -> None:
    assert guess_format(Path("a.gift"), "") == "gift"
    assert guess_format(Path("a.CSV"), "") == "csv"
    assert guess_format(Path("a.txt"), "Q\nA) x\nB) y\nANSWER: A\n") == "aiken"
    assert guess_format(Path("a.txt"), "Q {=a ~b}") == "gift"
    assert guess_format(Path("a.txt"), "nothing to go on") is None


def test_import_gift(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "moodle.toml"
    source = DATA / "every-construct.gift"
    assert main(["import", str(source), "-o", str(output)]) == 0
    out, err = capsys.readouterr()
    assert len(err.splitlines()) == 7
    assert err.splitlines()[-1] == (
        f"{source}:104:1: skipped: descriptions (text with no answer section {{...}}) have no "
        "equivalent in quizapp"
    )
    assert out.splitlines() == [
        f"Wrote {output}: 25 questions, 2 skipped, 5 converted with a difference.",
        "25 questions lack a source excerpt or an explanation (GIFT has no place for them): "
        f"`quizapp check {output}` lists them; add them to make the bank complete.",
    ]
    bank = load_bank(output)
    assert isinstance(bank, Bank)
    assert (bank.id, bank.title, bank.defaults.match) == (
        "moodle",
        "Every construct",
        "normal",
    )
    assert bank.source is not None and bank.source.title == "Imported from every-construct.gift"
    assert output.read_text(encoding="utf-8").startswith(
        "# Imported from every-construct.gift (GIFT) by quizapp import.\nformat = 1\n"
    )


def test_import_aiken_with_id_and_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.toml"
    source = DATA / "questions.aiken.txt"
    args = ["import", str(source), "-o", str(output), "--id", "jets", "--title", "Jets"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[0] == f"Wrote {output}: 2 questions."
    bank = load_bank(output)
    assert isinstance(bank, Bank)
    assert (bank.id, bank.title, [q.id for q in bank.questions]) == ("jets", "Jets", ["q1", "q2"])


def test_id_and_title_override_those_the_file_carries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported, output = tmp_path / "x.gift", tmp_path / "y.toml"
    bank = shipped_banks_dir() / "s400-dates.toml"
    assert main(["export", str(bank), "--format", "gift", "-o", str(exported)]) == 0
    assert main(["import", str(exported), "-o", str(output), "--id", "mine"]) == 0
    capsys.readouterr()
    loaded = load_bank(output)
    assert isinstance(loaded, Bank)
    assert (loaded.id, loaded.title) == ("mine", "S-400 dispute: dates and timeline")


def test_malformed_questions_are_left_out_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out.toml"
    source = DATA / "malformed.gift"
    assert main(["import", str(source), "-o", str(output)]) == 0
    out, err = capsys.readouterr()
    assert f"{source}:29:5: error: question 'no-fact': 'about' item 1 'pluto' is not an " in err
    assert "out.toml" not in err  # never a line of the bank file
    assert out.splitlines()[0] == f"Wrote {output}: 1 question, 12 errors (left out)."


def test_strict_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.toml"
    source = DATA / "malformed.aiken.txt"
    assert main(["import", str(source), "-o", str(output), "--strict"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{source}:1:1: error: option 'A)' without a question")
    assert err[-1] == "quizapp import: 6 errors (--strict); no bank written"
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
        "and '.'",
        f"quizapp import: cannot tell whether {vague} is GIFT or Aiken; say so with --format",
    ]


def test_import_unreadable_or_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.gift"
    assert main(["import", str(missing), "-o", str(tmp_path / "a.toml")]) == 1
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("type,id,prompt\nchoice,q,Capitale é".encode("latin-1"))
    assert main(["import", str(latin1), "-o", str(tmp_path / "b.toml")]) == 1
    essays = tmp_path / "essays.gift"
    essays.write_text("Write an essay.{}\n", encoding="utf-8")
    assert main(["import", str(essays), "-o", str(tmp_path / "c.toml")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"quizapp import: cannot read {missing}: ")
    assert err[1:] == [
        f"quizapp import: cannot read {latin1}: the file is not UTF-8 text (byte 0xe9 on line 2); "
        "save it as UTF-8 (in Excel: Save As > CSV UTF-8)",
        f"{essays}:1:1: skipped: this essay has no general feedback ({{####...}}) to be the "
        "model answer that a quizapp open question shows after answering; add one to import it",
        "quizapp import: no question of the file could be converted; no bank written",
    ]
    assert not any((tmp_path / name).exists() for name in ("a.toml", "b.toml", "c.toml"))


def test_notes_are_terminal_safe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "hostile.gift"
    source.write_text("Pick {=\x1b]0;title\x07a =\x1b]0;title\x07a ~b}\n", encoding="utf-8")
    main(["import", str(source), "-o", str(tmp_path / "h.toml")])
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\u001b" in err
