"""The export command: GIFT, Aiken and CSV to a file or standard output, what
is left out and what the target will not keep."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.commands.new import starter_text
from quizapp.interchange.convert import import_text


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    path = tmp_path / "starter.toml"
    path.write_text(starter_text("starter", "Starter"), encoding="utf-8")
    return path


def test_export_command_to_stdout(starter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(starter), "--format", "aiken"]) == 0
    out, err = capsys.readouterr()
    assert out == (
        "Which system did Russia begin delivering to Turkey on July 12?\n"
        "A) S-400\nB) F-35\nC) Patriot\nANSWER: A\n"
    )
    assert err.splitlines() == [
        "left out borders: Aiken holds single-answer choice questions only, not multi",
        "left out severe-speaker: Aiken holds single-answer choice questions only, not true_false",
        "left out cleric: Aiken holds single-answer choice questions only, not text",
        "left out winner-cloze: Aiken holds single-answer choice questions only, not cloze",
        "left out coup-year: Aiken holds single-answer choice questions only, not number",
        "left out timeline: Aiken holds single-answer choice questions only, not order",
        "left out roles: Aiken holds single-answer choice questions only, not match",
        "left out why-turkey-matters: Aiken holds single-answer choice questions only, not open",
        "Moodle will not keep (Aiken has no place for it):",
        "  - question ids: 1 question (Moodle names questions after their text)",
        "  - explanations: 1 question",
        "  - source excerpts: 1 question",
        "  - tags: 1 question",
        "exported 1 of 9 questions as aiken",
    ]


def test_export_gift_says_once_what_moodle_will_not_keep(
    starter: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "bank.gift"
    assert main(["export", str(starter), "--format", "gift", "-o", str(out_file)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "left out winner-cloze: GIFT's missing-word questions have one gap, this cloze has 2",
        "left out timeline: GIFT has no ordering questions",
        "Moodle will not keep (quizapp import reads it back from the //: lines):",
        "  - typo tolerance (lenient matching of typed answers): 1 question; Moodle accepts "
        "only the listed answers, ignoring case",
        "  - source excerpts: 7 questions",
        "  - difficulty: 2 questions above 1",
        "  - links to the facts ('about'): 6 questions",
        "  - self-grading: 1 question (an open question becomes an essay a teacher grades)",
        "  - facts: 2 actors, 3 events, 2 quotes, and the questions quizapp generates from them",
        "  - the bank's description and source",
        f"exported 7 of 9 questions as gift to {out_file}",
    ]
    conversion = import_text(out_file.read_text(encoding="utf-8"), "gift")
    assert conversion.bank is not None
    assert len(conversion.bank.questions) == 9


def test_export_refuses_to_overwrite_without_force(
    starter: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "bank.gift"
    out_file.write_text("keep me", encoding="utf-8")
    assert main(["export", str(starter), "--format", "gift", "-o", str(out_file)]) == 2
    assert capsys.readouterr().err == (
        f"quizapp export: {out_file} already exists; use --force to overwrite it\n"
    )
    assert out_file.read_text(encoding="utf-8") == "keep me"
    assert main(["export", str(starter), "--format", "csv", "-o", str(out_file), "--force"]) == 0
    assert out_file.read_bytes().startswith(b"\xef\xbb\xbftype,id,prompt,choices,")


def test_export_generated_questions_too(starter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(starter), "--format", "csv", "--generated"]) == 0
    out, err = capsys.readouterr()
    records = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))[1:]
    ids = [row[1] for row in records if row[0] not in ("bank", "actor", "event", "quote")]
    assert ids[:8] == [
        "system",
        "borders",
        "severe-speaker",
        "cleric",
        "winner-cloze",
        "coup-year",
        "timeline",
        "roles",
    ]
    assert len(ids) > 8
    assert err == f"exported {len(ids)} of {len(ids)} questions as csv\n"


def test_export_takes_a_bank_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "s400-quotes", "--format", "gift"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("// S-400 dispute: the quotes (bank s400-quotes)")
    assert err.splitlines()[-1].startswith("exported ")
    assert main(["export", "s400-quotez", "--format", "gift"]) == 2
    assert capsys.readouterr().err.startswith(
        "quizapp export: unknown bank id 's400-quotez'\nknown bank ids:\n"
    )


def test_export_command_refuses_a_broken_bank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('format = 1\n[bank]\nid = "b"\n', encoding="utf-8")
    assert main(["export", str(broken), "--format", "gift"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == f"quizapp export: {broken} has errors; nothing done"
    assert f"{broken}:2:1: missing required key 'title'" in err


def test_export_command_when_nothing_fits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "order.toml"
    bank.write_text(
        'format = 1\n[bank]\nid = "o"\ntitle = "O"\n\n[[questions]]\nid = "t"\ntype = "order"\n'
        'prompt = "Order"\nitems = ["a", "b"]\nexplanation = "a first"\nsource = "a, b"\n',
        encoding="utf-8",
    )
    assert main(["export", str(bank), "--format", "aiken"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "left out t: Aiken holds single-answer choice questions only, not order",
        f"quizapp export: no question of {bank} fits aiken",
    ]
