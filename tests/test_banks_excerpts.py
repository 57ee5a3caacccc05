"""check_source_excerpts: every excerpt and quote must be verbatim in the source."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from quizapp.banks import check_source_excerpts, load_bank, load_bank_text
from quizapp.banks.excerpts import (
    context_source,
    find_excerpt,
    locate_excerpt,
    read_context_source,
)
from quizapp.files import FileProblem
from quizapp.model import Bank

DATA = Path(__file__).parent / "data" / "banks"
SOURCE = (
    "“Clearly a winner in all this is Putin,” said Ross Wilson.\n"
    "It’s been Russia’s   mission to divide the alliance."
)
BANK = """\
format = 1
[bank]
id = "t"
title = "T"

[[actors]]
id = "wilson"
name = "Ross Wilson"
kind = "person"
role = "envoy"
source = "said Ross\\nWilson."

[[quotes]]
id = "winner"
text = "Clearly a winner in all this is Putin,"
speaker = "wilson"
source = "Clearly a winner in all of this is Putin"

[[questions]]
id = "q"
type = "true_false"
prompt = "P."
answer = true
explanation = "E."
source = "It's been Russia's mission"
"""


def load(text: str, path: Path) -> Bank:
    path.write_text(text, encoding="utf-8")
    bank = load_bank(path)
    assert isinstance(bank, Bank), bank
    return bank


def test_whitespace_is_normalised_but_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "bank.toml"
    bank = load(BANK, path)
    assert [str(problem) for problem in check_source_excerpts(bank, SOURCE)] == [
        f"{path}:17:1: source excerpt not found in the source text: "
        "'Clearly a winner in all of this is Putin' "
        "(the first 24 characters match; it differs from 'of this is Putin')",
        f"{path}:25:1: source excerpt not found in the source text: "
        "'It's been Russia's mission' "
        "(it differs only in quote marks or apostrophes: ’ “ ” versus ' \")",
    ]


def test_quote_text_is_checked_at_its_key(tmp_path: Path) -> None:
    path = tmp_path / "bank.toml"
    bank = load(BANK.replace('Putin,"\nspeaker', 'putin,"\nspeaker'), path)
    problems = check_source_excerpts(bank, SOURCE.replace("all this", "all of this"))
    assert [str(problem) for problem in problems] == [
        f"{path}:15:1: quote text not found in the source text: "
        "'Clearly a winner in all this is putin,' "
        "(the first 24 characters match; it differs from 'this is putin,')",
        f"{path}:25:1: source excerpt not found in the source text: "
        "'It's been Russia's mission' "
        "(it differs only in quote marks or apostrophes: ’ “ ” versus ' \")",
    ]


def test_case_differences_get_their_own_hint(tmp_path: Path) -> None:
    bank = load(bank_text_without_quote_problem(), tmp_path / "b.toml")
    (problem,) = check_source_excerpts(bank, SOURCE)
    assert problem.message == (
        "source excerpt not found in the source text: 'it’s been russia’s mission' "
        "(it differs only in upper and lower case)"
    )


def bank_text_without_quote_problem() -> str:
    return BANK.replace("all of this", "all this").replace(
        "It's been Russia's mission", "it’s been russia’s mission"
    )


def test_nothing_alike_gets_no_hint(tmp_path: Path) -> None:
    bank = load(
        BANK.replace("all of this", "all this").replace(
            "It's been Russia's mission", "Quite another sentence"
        ),
        tmp_path / "b.toml",
    )
    (problem,) = check_source_excerpts(bank, SOURCE)
    assert problem.message == (
        "source excerpt not found in the source text: 'Quite another sentence'"
    )


def test_every_excerpt_present_gives_no_problem() -> None:
    bank = load_bank(DATA / "every-type.toml")
    assert isinstance(bank, Bank)
    source = (DATA / "solar-system.txt").read_text(encoding="utf-8")
    assert check_source_excerpts(bank, source) == []
    assert [p.message for p in check_source_excerpts(bank, "Nothing here.")][:2] == [
        "source excerpt not found in the source text: "
        "'Galileo Galilei turned a telescope to Jupiter'",
        "source excerpt not found in the source text: "
        "'The Sun holds the eight planets of the Solar System in…'",
    ]


def test_a_bank_whose_file_is_gone_is_located_at_its_tables() -> None:
    bank = load_bank_text(BANK, "no/such/bank.toml")
    assert isinstance(bank, Bank)
    assert [str(problem.location) for problem in check_source_excerpts(bank, SOURCE)] == [
        "no/such/bank.toml:13:1",
        "no/such/bank.toml:19:1",
    ]


def test_a_source_may_hold_one_excerpt_per_line(tmp_path: Path) -> None:
    # A line break inside one passage still matches; a line that is not in
    # the text is reported on its own.
    text = BANK.replace(
        "source = \"It's been Russia's mission\"",
        'source = """\nsaid Ross Wilson.\nIt’s been Russia’s mission\nRussia wins"""',
    ).replace('source = "Clearly a winner in all of this is Putin"', 'source = "said Ross Wilson"')
    path = tmp_path / "bank.toml"
    bank = load(text, path)
    assert [str(problem) for problem in check_source_excerpts(bank, SOURCE)] == [
        f"{path}:25:1: source excerpt not found in the source text: 'Russia wins'"
    ]


# ------------------------------------------------------------ show in context


def bank_with_source(folder: Path, file: str) -> Bank:
    folder.mkdir(parents=True, exist_ok=True)
    return load(
        'format = 1\n[bank]\nid = "s"\ntitle = "S"\n[bank.source]\ntitle = "T"\n'
        f"file = {json.dumps(file)}\n"
        '[[questions]]\nid = "q"\ntype = "true_false"\nprompt = "P."\nanswer = true\n'
        'explanation = "E."\nsource = "S."\n',
        folder / "bank.toml",
    )


def test_context_source_inside_the_banks_folder(tmp_path: Path) -> None:
    folder = tmp_path / "banks"
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "article.txt").write_text("The text.", encoding="utf-8")
    bank = bank_with_source(folder, "texts/article.txt")
    assert context_source(bank) == (folder / "texts" / "article.txt").resolve()
    assert read_context_source(bank) == "The text."


def test_context_source_outside_the_folder_only_when_named(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("private", encoding="utf-8")
    folder = tmp_path / "banks"
    for file in ("../secret.txt", str(outside)):
        bank = bank_with_source(folder, file)
        refused = context_source(bank)
        assert isinstance(refused, str)
        assert refused.endswith(
            "is outside the bank's folder; quizapp shows it only when you name it on the "
            "command line."
        )
        with pytest.raises(FileProblem, match="outside the bank's folder"):
            read_context_source(bank)
        assert context_source(bank, named=[outside]) == outside.resolve()
        assert read_context_source(bank, named=[tmp_path / "banks" / ".." / "secret.txt"]) == (
            "private"
        )
    # A symbolic link in the folder that leads out of it is outside too.
    (folder / "link.txt").symlink_to(outside)
    assert "outside the bank's folder" in str(context_source(bank_with_source(folder, "link.txt")))


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda folder: None, "The source text 'it' was not found."),
        (lambda folder: (folder / "it").mkdir(), "is a folder, not a file."),
        (lambda folder: os.mkfifo(folder / "it"), "is a FIFO, not a file."),
        (lambda folder: (folder / "it").symlink_to("/dev/zero"), "outside the bank's folder"),
        (lambda folder: (folder / "it").symlink_to(folder / "it"), "loop of symbolic links"),
    ],
    ids=["missing", "folder", "fifo", "device", "loop"],
)
def test_context_source_refuses_what_cannot_be_shown(
    tmp_path: Path, make: Callable[[Path], object], reason: str
) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    make(folder)
    bank = bank_with_source(folder, "it")
    refused = context_source(bank)
    assert isinstance(refused, str) and reason in refused, refused
    # Named on the command line, a device is still not read.
    with pytest.raises(FileProblem):
        read_context_source(bank, named=[folder / "it"])


def test_context_source_never_raises_for_odd_paths(tmp_path: Path) -> None:
    bank = bank_with_source(tmp_path, "ok.txt")
    assert bank.source is not None
    for file in ("a\0b", "x" * 5000, "/".join(["d"] * 3000)):
        odd = replace(bank, source=replace(bank.source, file=file))
        assert isinstance(context_source(odd), str)
        with pytest.raises(FileProblem):
            read_context_source(odd)


@pytest.mark.parametrize(
    ("text", "excerpt", "found"),
    [
        ("one two three", "two", (4, 7)),
        ("a 2016\ncoup attempt.", "a 2016 coup  attempt", (0, 19)),
        ("said  \n\t Wilson", " said Wilson ", (0, 15)),
        ("x  \n\n  y   z  w", "y z", (7, 12)),
        ("Turkey’s “tilt”", 'Turkey\'s "tilt"', (0, 15)),
        ("Turkey's tilt", "Turkey’s tilt", (0, 13)),
        ("Clearly a winner", "clearly a winner", None),
        ("anything", "   ", None),
        ("costs $5 (or more).", "$5 (or more).", (6, 19)),
    ],
)
def test_find_excerpt(text: str, excerpt: str, found: tuple[int, int] | None) -> None:
    assert find_excerpt(text, excerpt) == found


def test_a_long_excerpt_in_a_long_repetitive_text_is_found() -> None:
    # A regular expression backtracks on this (minutes for a 1 MB text);
    # the search is linear.
    text = "a " * 300_000 + "b " + "a " * 10
    excerpt = "a " * 5_000 + "b"
    assert find_excerpt(text, excerpt) == (590_000, 600_001)
    assert find_excerpt(text, "a " * 5_000 + "c") is None


def test_locate_excerpt_gives_a_bounded_window_cut_at_breaks() -> None:
    paragraphs = [f"Paragraph {n}: " + "word " * 50 for n in range(1000)]
    text = "\n\n".join(paragraphs)
    excerpt = "Paragraph 500: word word"
    window = locate_excerpt(text, excerpt, around=1_000)
    assert window.excerpt is not None
    start, end = window.excerpt
    assert text[start:end] == excerpt
    assert window.start < start < end < window.end
    assert window.end - window.start <= 2_000 + len(excerpt)
    assert text[window.start : window.start + 10] == "Paragraph "
    assert text[window.end : window.end + 2] == "\n\n"
    missing = locate_excerpt(text, "not there", around=1_000)
    assert (missing.start, missing.excerpt) == (0, None)
    assert 0 < missing.end <= 2_000
    short = locate_excerpt("a short text", "short")
    assert (short.start, short.end, short.excerpt) == (0, 12, (2, 7))
    # A source of several excerpts, one per line, is shown at the first one found.
    several = locate_excerpt(text, "not there\nParagraph 700: word\nParagraph 20: word")
    assert several.excerpt is not None
    assert text[several.excerpt[0] : several.excerpt[1]] == "Paragraph 700: word"
