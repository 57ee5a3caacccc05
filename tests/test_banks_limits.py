"""The limits of bank format 1: each is an error located at its key."""

from __future__ import annotations

import pytest

from quizapp.banks import load_bank_text
from quizapp.banks.limits import MAX_PROBLEMS
from quizapp.model import Bank, BankError

HEAD = 'format = 1\n[bank]\nid = "b"\ntitle = "B"\n\n[[questions]]\nid = "q"\n'


def problems(body: str, head: str = HEAD) -> list[str]:
    result = load_bank_text(head + body, "bank.toml")
    assert isinstance(result, BankError), result
    return [str(problem) for problem in result.problems if problem.severity == "error"]


def question(kind: str, body: str) -> str:
    return f'type = "{kind}"\nexplanation = "E."\nsource = "S."\n{body}\n'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            question("true_false", f'prompt = "{"p" * 10_001}"\nanswer = true'),
            "bank.toml:11:1: 'prompt' is too long: 10,001 characters (the limit is 10,000)",
        ),
        (
            question("choice", f'prompt = "P"\nchoices = ["a", "{"b" * 1_001}"]\nanswer = "a"'),
            "bank.toml:12:17: 'choices' item 2 is too long: 1,001 characters (the limit is 1,000)",
        ),
        (
            question("order", 'prompt = "P"\nitems = [' + ", ".join(['"i"'] * 101) + "]"),
            "bank.toml:12:1: 'items' has 101 items; the limit is 100",
        ),
        (
            question(
                "match",
                'prompt = "P"\npairs = ['
                + ", ".join(f'["l{n}", "r{n}"]' for n in range(101))
                + "]",
            ),
            "bank.toml:12:1: 'pairs' has 101 items; the limit is 100",
        ),
        (
            question("match", f'prompt = "P"\npairs = [["a", "{"1" * 1_001}"], ["b", "2"]]'),
            "bank.toml:12:16: 'pairs' item 1 is too long: 1,001 characters (the limit is 1,000)",
        ),
        (
            question("cloze", f'text = "{"a {{b}} " * 101}"'),
            "bank.toml:11:1: 'text' has more than 100 gaps; the limit is 100",
        ),
        (
            question("true_false", f'prompt = "P"\nanswer = true\npoints = {10**400}'),
            "bank.toml:13:1: 'points' must be an integer 1-1000, "
            "found a number of about 401 digits",
        ),
        (
            question("number", f'prompt = "P"\nanswer = {10**400}'),
            "bank.toml:12:1: 'answer' must be between -10^15 and 10^15, "
            "found a number of about 401 digits",
        ),
        (
            question("number", 'prompt = "P"\nanswer = 1\ntolerance = 1e300'),
            "bank.toml:13:1: 'tolerance' must be between -10^15 and 10^15, found 1e+300",
        ),
    ],
    ids=["text", "item", "items", "pairs", "pair side", "gaps", "points", "answer", "tolerance"],
)
def test_each_limit_is_an_error_at_its_key(body: str, message: str) -> None:
    assert problems(body) == [message]


def test_ids_and_the_bank_id() -> None:
    head = HEAD.replace('id = "b"', f'id = "{"b" * 101}"').replace(
        'id = "q"', f'id = "{"q" * 101}"'
    )
    assert problems(question("true_false", 'prompt = "P"\nanswer = true'), head) == [
        "bank.toml:3:1: 'id' is too long: 101 characters (the limit is 100)",
        "bank.toml:7:1: 'id' is too long: 101 characters (the limit is 100)",
    ]


def test_at_the_limits_a_bank_loads() -> None:
    body = question(
        "number",
        f'prompt = "{"p" * 10_000}"\nanswer = -1_000_000_000_000_000\ntolerance = 1e15\n'
        "points = 1000\ntags = [" + ", ".join(f'"{n:03}{"t" * 997}"' for n in range(100)) + "]",
    )
    assert isinstance(load_bank_text(HEAD + body, "bank.toml"), Bank)


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            "a\\u0000b.txt",
            "'file' contains a control character (U+0000); give the name of a text file",
        ),
        (
            "texts/" + "n" * 256 + ".txt",
            "'file' has a folder or file name of more than 255 bytes, which file systems do not "
            f"allow: '{'n' * 39}…'",
        ),
        ("d/" * 2_001, "'file' is too long: 4,002 characters (the limit is 4,000)"),
    ],
    ids=["NUL", "long name", "long path"],
)
def test_source_file_paths_no_file_system_takes(file: str, message: str) -> None:
    head = HEAD.replace(
        'title = "B"\n', f'title = "B"\n[bank.source]\ntitle = "T"\nfile = "{file}"\n'
    )
    assert problems(question("true_false", 'prompt = "P"\nanswer = true'), head) == [
        f"bank.toml:7:1: {message}"
    ]


def test_a_newer_format_with_thousands_of_digits() -> None:
    result = load_bank_text(f"format = {10**4000}\n", "bank.toml")
    assert isinstance(result, BankError)
    assert str(result.first) == (
        "bank.toml:1:1: this bank needs a newer quizapp (format a number of about 4,001 digits; "
        "this version reads format 1)"
    )
    result = load_bank_text("format = 1\nx = " + "9" * 5_000 + "\n", "bank.toml")
    assert isinstance(result, BankError)
    assert (
        str(result.first) == "bank.toml:2:5: TOML syntax error: a number with thousands of digits"
    )


def test_problems_past_the_cap_are_counted() -> None:
    body = "".join(
        f'[[questions]]\nid = "q{n}"\ntype = "choise"\nprompt = "P"\n' for n in range(300)
    )
    found = load_bank_text(
        HEAD + 'type = "true_false"\nprompt = "P"\nanswer = true\n' + body, "b.toml"
    )
    assert isinstance(found, BankError)
    assert len(found.problems) == MAX_PROBLEMS + 1
    last = found.problems[-1]
    # 300 errors and the first question's 2 warnings; 200 are kept.
    assert last.message == "... and 102 more problems (fix these first)"
    assert last.severity == "error"
    assert last.location == found.problems[-2].location
