"""check_source_excerpts: every excerpt and quote must be verbatim in the source."""

from __future__ import annotations

from pathlib import Path

from quizapp.banks import check_source_excerpts, load_bank, load_bank_text
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
