"""The one-page brief: its sections and order, and ``quizapp brief``."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.brief import build_brief, plain
from quizapp.cli import main
from quizapp.model import (
    Actor,
    Bank,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    Event,
    Quote,
    SourceInfo,
    TextQuestion,
    TrueFalseQuestion,
)

BANK_TOML = """\
format = 1

[bank]
id = "brief-test"
title = "The S-400 rift"
description = "Why a missile purchase strains an alliance."

[bank.source]
title = "An editorial"
author = "The editors"

[[actors]]
id = "wilson"
name = "Ross Wilson"
kind = "person"
role = "former U.S. ambassador to Turkey"

[[actors]]
id = "putin"
name = "Vladimir Putin"
kind = "person"
role = "Russian President"

[[events]]
id = "delivery"
when = "July 12"
date = 2019-07-12
what = "Russia began delivering the S-400"

[[events]]
id = "fifties"
when = "the 1950s"
year = 1950
approximate = true
what = "The relationship became a cornerstone of American policy"
note = "Decade only."

[[quotes]]
id = "winner"
text = "Clearly a winner in all this is Putin"
speaker = "wilson"
context = "who gains from the rift"

[[questions]]
id = "fear"
type = "text"
prompt = "What does the U.S. fear the S-400 could do?"
answer = "collect intelligence on U.S. jets"
explanation = "The U.S. worries about its jets."
source = "could collect intelligence on U.S. fighter jets"
tags = ["dispute"]

[[questions]]
id = "system"
type = "choice"
prompt = "Which system did Turkey buy?"
choices = ["S-400", "F-35"]
answer = "S-400"
explanation = "Russia delivers the S-400."
source = "its advanced S-400 missile defense system"
tags = ["actors"]

[[questions]]
id = "why-ally"
type = "open"
prompt = "Why does the alliance with Turkey matter to America?"
model_answer = "Turkey borders several countries where America has policies to carry out."
key_points = ["where Turkey lies", "policies are easier to execute with Turkey on board"]
explanation = "Cagaptay's argument."
source = "it’s much easier to execute them with Turkey on board"
tags = ["dispute"]
"""

EXPECTED_BRIEF = """\
# The S-400 rift

Source: An editorial, The editors

Why a missile purchase strains an alliance.

## Key actors

- **Ross Wilson** — former U.S. ambassador to Turkey
- **Vladimir Putin** — Russian President

## Timeline

- **the 1950s** — The relationship became a cornerstone of American policy (Decade only.)
- **July 12** — Russia began delivering the S-400

## Key quotes

- “Clearly a winner in all this is Putin” — Ross Wilson (who gains from the rift)

## Points of dispute

- What does the U.S. fear the S-400 could do? — collect intelligence on U.S. jets

## For discussion

- **Why does the alliance with Turkey matter to America?**
  - where Turkey lies
  - policies are easier to execute with Turkey on board
"""


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "brief-test.toml"
    path.write_text(BANK_TOML, encoding="utf-8")
    return path


@pytest.fixture
def user_banks(isolated_dirs: Path) -> Path:
    """The user bank folder (QUIZAPP_BANKS_DIR), created."""
    folder = Path(os.environ["QUIZAPP_BANKS_DIR"])
    folder.mkdir(parents=True)
    return folder


def test_sections_and_order(bank_file: Path) -> None:
    from quizapp.banks import load_bank

    bank = load_bank(bank_file)
    assert isinstance(bank, Bank), bank
    assert build_brief(bank) == EXPECTED_BRIEF


def test_empty_sections_are_left_out() -> None:
    bank = Bank(
        id="bare", title="Bare", questions=(TrueFalseQuestion(id="t", prompt="x", answer=True),)
    )
    assert build_brief(bank) == "# Bare\n"


def test_points_of_dispute() -> None:
    bank = Bank(
        id="points",
        title="Points",
        source=SourceInfo(title="A page", url="https://example.org/a"),
        questions=(
            TrueFalseQuestion(
                id="t1", prompt="Turkey bought the S-400.", answer=True, tags=("context",)
            ),
            TrueFalseQuestion(
                id="t2",
                prompt="The rift was easily solved.",
                answer=False,
                explanation="It was not easily solved.",
                tags=("context",),
            ),
            TrueFalseQuestion(
                id="t3", prompt="Sanctions are unlikely.", answer=False, tags=("dispute",)
            ),
            ClozeQuestion(
                id="c1",
                prompt="Complete.",
                parts=("Ankara had to ", " between two systems."),
                gaps=(ClozeGap("choose"),),
                tags=("dispute",),
            ),
            ClozeQuestion(
                id="c2",
                prompt="Complete.",
                parts=("", " controls the media."),
                gaps=(ClozeGap("Erdogan"),),
                explanation="Erdogan controls Turkish media.",
                tags=("dispute",),
            ),
            # The same point made twice is listed once; other tags are left out.
            TextQuestion(id="q1", prompt="Who sold it?", answer="Russia", tags=("context",)),
            TextQuestion(id="q2", prompt="Who sold it?", answer="Russia", tags=("dispute",)),
            TextQuestion(id="q3", prompt="Who bought it?", answer="Turkey", tags=("actors",)),
        ),
    )
    assert build_brief(bank) == (
        "# Points\n"
        "\n"
        "Source: A page <https://example.org/a>\n"
        "\n"
        "## Points of dispute\n"
        "\n"
        "- Turkey bought the S-400.\n"
        "- It was not easily solved.\n"
        "- Not so: Sanctions are unlikely.\n"
        "- Ankara had to choose between two systems.\n"
        "- Erdogan controls Turkish media.\n"
        "- Who sold it? — Russia\n"
    )


def test_odd_text_stays_on_its_line() -> None:
    assert plain("a\nb\t c\x1b[31m d\x00e\u2028f") == "a b c [31m d e f"
    bank = Bank(
        id="odd",
        title="Odd [b]title[/b]\n# not a heading",
        actors=(Actor(id="x", name="[@click=app.quit]x[/]", kind="person", role="line\none"),),
        events=(Event(id="e", when="\x1b[2J", sort_key=dt.date(2000, 1, 1), what="*stars*"),),
        quotes=(Quote(id="q", text="said\n\nthis", speaker="nobody"),),
        questions=(ChoiceQuestion(id="c", prompt="?", choices=("a", "b"), answer="a"),),
    )
    assert build_brief(bank) == (
        "# Odd [b]title[/b] # not a heading\n"
        "\n"
        "## Key actors\n"
        "\n"
        "- **[@click=app.quit]x[/]** — line one\n"
        "\n"
        "## Timeline\n"
        "\n"
        "- **[2J** — *stars*\n"
        "\n"
        "## Key quotes\n"
        "\n"
        "- “said this” — nobody\n"
    )


# -------------------------------------------------------------------- CLI


def test_cli_prints_the_brief_of_a_file(
    bank_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["brief", str(bank_file)]) == 0
    out, err = capsys.readouterr()
    assert out == EXPECTED_BRIEF
    assert err == ""


def test_cli_finds_a_bank_by_id(
    bank_file: Path, user_banks: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (user_banks / "mine.toml").write_text(BANK_TOML, encoding="utf-8")
    assert main(["brief", "brief-test"]) == 0
    assert capsys.readouterr().out == EXPECTED_BRIEF


def test_cli_writes_a_file(
    bank_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "brief.md"
    assert main(["brief", str(bank_file), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == EXPECTED_BRIEF
    assert capsys.readouterr() == ("", "")

    folder_in_the_way = tmp_path / "taken"
    folder_in_the_way.mkdir()
    assert main(["brief", str(bank_file), "--output", str(folder_in_the_way)]) == 2
    assert capsys.readouterr().err == (
        f"quizapp brief: cannot write {folder_in_the_way}: it is a folder, not a file\n"
    )
    unwritable = tmp_path / "missing-folder" / "brief.md"
    assert main(["brief", str(bank_file), "--output", str(unwritable)]) == 1
    assert capsys.readouterr().err == (
        f"quizapp brief: cannot write {unwritable}: its folder does not exist\n"
    )


def test_cli_never_overwrites_a_file_without_force(
    bank_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "notes.md"
    target.write_text("my own notes", encoding="utf-8")
    assert main(["brief", str(bank_file), "-o", str(target)]) == 2
    assert capsys.readouterr() == (
        "",
        f"quizapp brief: {target} already exists; use --force to overwrite it\n",
    )
    assert target.read_text(encoding="utf-8") == "my own notes"
    assert main(["brief", str(bank_file), "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8") == EXPECTED_BRIEF


def test_cli_unknown_id_lists_the_known_ones(
    user_banks: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (user_banks / "mine.toml").write_text(BANK_TOML, encoding="utf-8")
    (user_banks / "broken.toml").write_text("format = 1\n[bank\n", encoding="utf-8")
    from quizapp.banks import discover_banks

    shipped = sorted(b.id for b in discover_banks(user_dir=False) if isinstance(b, Bank))
    assert main(["brief", "no-such-bank"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    known = "".join(f"  {bank_id}\n" for bank_id in sorted([*shipped, "brief-test"]))
    assert err == (
        "quizapp brief: unknown bank id 'no-such-bank'\n"
        "known bank ids:\n"
        f"{known}"
        "bank files that failed to load (see quizapp check):\n"
        f"  {user_banks / 'broken.toml'}\n"
    )


def test_cli_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(tmp_path / "gone.toml")]) == 2
    assert capsys.readouterr().err == f"quizapp brief: {tmp_path / 'gone.toml'}: no such file\n"
    assert main(["brief", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"quizapp brief: {tmp_path} is a folder; give a bank file or a bank id\n"
    )


def test_cli_bank_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(
        'format = 1\n\n[bank]\nid = "b"\ntitle = "B"\n\n'
        '[[questions]]\nid = "q"\ntype = "choice"\nprompt = "?"\nchoices = ["a", "b"]\n'
        'answer = "c"\nexplanation = "e"\nsource = "s"\n',
        encoding="utf-8",
    )
    from quizapp.banks import load_bank

    result = load_bank(broken)
    assert not isinstance(result, Bank)
    assert main(["brief", str(broken)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    problems = "".join(f"{problem}\n" for problem in result.problems)
    assert err == f"{problems}quizapp brief: {broken} has errors; nothing done\n"
    assert err.startswith(f"{broken}:12:")


def test_cli_runs_without_textual(bank_file: Path) -> None:
    code = (
        "import sys; from quizapp.cli import main; status = main(['brief', sys.argv[1]]); "
        "sys.stdout.flush(); assert 'textual' not in sys.modules, 'textual imported'; "
        "sys.exit(status)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(bank_file)], capture_output=True, text=True, check=False
    )
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout == EXPECTED_BRIEF
