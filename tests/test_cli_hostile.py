"""Every command with hostile text: nothing reaches the terminal that it would act on.

The hostile bank (tests/data/hostile/hostile.toml) and the saved answers
below put escape sequences (clear the screen, set the title, ask for the
cursor position), C1 controls, bells and bidi overrides in every kind of
field. Whatever a command prints, table, CSV or JSON, to standard output or
standard error, must hold no byte below 0x20 but tab and newline, no DEL,
no C1 control and no bidi override.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
import unicodedata
from pathlib import Path

import pytest

from quizapp import paths
from quizapp.cli import main
from quizapp.store import ScoreStore

HOSTILE = Path(__file__).parent / "data" / "hostile"
NASTY = "\x1b[2J\x1b]0;pwned\x07\x1b[6n\x9b31m\u202e\x00\x7f\r"


def unsafe_characters(text: str) -> list[str]:
    """The characters of ``text`` a terminal could act on."""
    return [
        char
        for char in text
        if (ord(char) < 0x20 and char not in "\t\n")
        or 0x7F <= ord(char) <= 0x9F
        or unicodedata.category(char) in ("Cf", "Cs")
    ]


def assert_terminal_safe(text: str) -> None:
    data = text.encode("utf-8", "surrogateescape")
    assert not [byte for byte in data if byte < 0x20 and byte not in (0x09, 0x0A)]
    assert b"\x1b" not in data
    assert unsafe_characters(text) == []


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The hostile bank in the user's bank folder (so its id is found), with
    hostile saved answers for it and for a bank id that no file has."""
    banks = paths.banks_dir(create=True)
    for name in ("hostile.toml", "hostile-source.txt"):
        shutil.copy(HOSTILE / name, banks / name)
    with ScoreStore.open(paths.scores_db_path()) as store:
        for player in ("tester", f"eve{NASTY}"):
            attempt = store.start_attempt(player, "hostile", f"Title{NASTY}", ["markup-choice"], {})
            store.record_answer(
                attempt,
                "markup-choice",
                given=f"wrong{NASTY}",
                score=0,
                max_score=1,
                seconds=3,
                tags=(f"tag{NASTY}",),
            )
            store.record_answer(
                attempt, f"gone{NASTY}", given=NASTY, score=1, max_score=1, seconds=1
            )
            store.finish_attempt(attempt)
        store.start_attempt("tester", f"id{NASTY}", f"T{NASTY}", ["q"], {})
    return banks / "hostile.toml"


def gift_file(folder: Path) -> Path:
    path = folder / "hostile.gift"
    path.write_text(
        f"::q1:: Which {NASTY} one? {{=right{NASTY} ~wrong#because{NASTY}}}\n\n"
        f"::q2:: {NASTY} is true {{T}}\n",
        encoding="utf-8",
    )
    return path


def article_file(folder: Path) -> Path:
    path = folder / "article.txt"
    path.write_text(
        f"“We will not stop{NASTY},” said Ada Lovelace{NASTY}, the mayor, on July 12.\n",
        encoding="utf-8",
    )
    return path


def commands(bank: Path, tmp_path: Path) -> list[list[str]]:
    """Every command, with the hostile bank, answers or arguments."""
    source = str(bank.parent / "hostile-source.txt")
    return [
        ["check", str(bank)],
        ["check", str(bank), "--format", "json"],
        ["check", str(bank), "--source", source],
        ["check", str(bank), "--source", source, "--format", "json"],
        ["check", str(tmp_path / f"missing{NASTY}.toml")],
        ["scores"],
        ["scores", "--all-players"],
        ["scores", "--all-players", "--answers"],
        ["scores", "--all-players", "--format", "csv"],
        ["scores", "--all-players", "--answers", "--format", "csv"],
        ["scores", "--all-players", "--answers", "--format", "json"],
        ["scores", "--bank", f"no{NASTY}"],
        ["scores", "--player", f"nobody{NASTY}"],
        ["stats", str(bank)],
        ["stats", "hostile"],
        ["stats", "hostile", "--format", "csv"],
        ["stats", "hostile", "--format", "json"],
        ["stats", f"id{NASTY}"],
        ["stats", f"no{NASTY}"],
        ["stats", "hostile", "--player", f"eve{NASTY}"],
        ["brief", str(bank)],
        ["brief", "hostile", "-o", str(tmp_path / "brief.md")],
        ["brief", f"no{NASTY}"],
        ["new", str(tmp_path / f"new{NASTY}.toml"), "--with-schema"],
        ["new", str(tmp_path / f"new{NASTY}.toml")],
        ["import", str(gift_file(tmp_path)), "-o", str(tmp_path / "imported.toml")],
        ["export", str(bank), "--format", "gift"],
        ["export", "hostile", "--format", "aiken"],
        ["export", "hostile", "--format", "csv", "--generated"],
        ["export", str(bank), "--format", "gift", "-o", str(tmp_path / f"out{NASTY}.gift")],
        ["export", f"no{NASTY}", "--format", "gift"],
        ["preview", str(tmp_path / f"missing{NASTY}.toml")],
        ["preview", str(tmp_path)],
        ["draft", str(article_file(tmp_path)), "-o", str(tmp_path / "draft.toml")],
        ["draft", str(tmp_path / f"missing{NASTY}.txt")],
        ["grade", str(bank), "markup-choice", f"x{NASTY}"],
        ["grade", "hostile", "markup-choice", "1", "--format", "json"],
        ["grade", "hostile", f"no{NASTY}", "x"],
        ["quiz", str(bank), "--plain", "--seed", "1"],
        ["quiz", "hostile", "--plain", "--tag", f"tag{NASTY}"],
        ["quiz", f"no{NASTY}", "--plain"],
        [f"chek{NASTY}"],
    ]


def test_every_command_prints_hostile_text_terminal_safe(
    hostile: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for args in commands(hostile, tmp_path):
        # What a quiz reads: hostile text, then a choice, a skip and the end of input.
        monkeypatch.setattr(sys, "stdin", io.StringIO(f"x{NASTY}\n1\n/skip\n" * 3))
        status = main(args)
        out, err = capsys.readouterr()
        assert status in (0, 1, 2), args
        assert_terminal_safe(out)
        if args[0] != "import":  # the GIFT report on standard error is the importer's
            assert_terminal_safe(err)
        assert "Traceback" not in out + err


def test_hostile_text_is_kept_as_escapes(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scores", "--all-players", "--answers", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    # The text is all there, each control character written as an escape.
    assert (
        "wrong\\u001b[2J\\u001b]0;pwned\\u0007\\u001b[6n\\u009b31m\\u202e\\u0000\\u007f\\r" in out
    )
    assert main(["scores", "--all-players", "--answers", "--format", "json"]) == 0
    given = [row["given"] for row in json.loads(capsys.readouterr().out)]
    # JSON escapes mean what they say: a JSON reader gets the text back as saved.
    assert f"wrong{NASTY}" in given
    assert main(["export", "hostile", "--format", "gift"]) == 0
    out = capsys.readouterr().out
    assert "\\u001b]0;title\\u0007" in out


def test_the_safe_escapes_are_one_filter() -> None:
    from quizapp.commands import safe_lines, terminal_safe

    assert terminal_safe("a\tb\nc\x1b[31m\u202e\U000e0001") == (
        "a\\tb\\nc\\u001b[31m\\u202e\\udb40\\udc01"
    )
    assert terminal_safe("tab\tkept", keep="\t") == "tab\tkept"
    assert safe_lines("line\x07 one\n\tline two\r\n") == "line\\u0007 one\n\tline two\\r\n"
    assert terminal_safe("Erdoğan “quoted” — 東京") == "Erdoğan “quoted” — 東京"
