"""Files that are not TOML, not UTF-8 or not readable: located errors, never
an exception."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import tomli

from quizapp.banks import load_bank, load_bank_text
from quizapp.banks.reader import _syntax_problem
from quizapp.model import Bank, BankError

VALID = (
    'format = 1\n[bank]\nid = "t"\ntitle = "T"\n\n[[questions]]\nid = "q"\ntype = "text"\n'
    'prompt = "P?"\nanswer = "A"\nexplanation = "E."\nsource = "S."\n'
)


def only_problem(result: Bank | BankError) -> str:
    assert isinstance(result, BankError)
    (problem,) = result.problems
    assert problem.severity == "error"
    return str(problem)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'format = 1\n[bank]\nid = "t"\ntitle = Test\n',
            "bank.toml:4:9: TOML syntax error: invalid value: text must be in quotes, "
            'e.g. answer = "Paris"',
        ),
        (
            'format = 1\n[bank]\nid = "t"\nid = "u"\n',
            "bank.toml:4:1: TOML syntax error: this key is already set "
            "(a key may appear once per table)",
        ),
        (
            "format = 1\n[bank]\n[bank]\n",
            "bank.toml:3:1: TOML syntax error: table [bank] is declared twice",
        ),
        (
            'format = 1\n[bank]\ntitle = "unterminated\n',
            "bank.toml:3:22: TOML syntax error: illegal character '\\n'",
        ),
        (
            'format = 1\nchoices = ["a" "b"]\n',
            "bank.toml:2:16: TOML syntax error: unclosed array",
        ),
        (
            "format = 1\n= 3\n",
            "bank.toml:2:1: TOML syntax error: expected 'key = value', a [table] or an "
            "[[array]] header",
        ),
        (
            'format = 1\nprompt = """never closed\n',
            "bank.toml:3:1: TOML syntax error: unterminated string",
        ),
    ],
)
def test_syntax_errors_are_located_where_the_parser_stopped(text: str, expected: str) -> None:
    assert only_problem(load_bank_text(text, "bank.toml")) == expected


def test_deep_nesting_is_a_syntax_error() -> None:
    text = "format = 1\nx = " + "[" * 3000 + "]" * 3000 + "\n"
    problem = only_problem(load_bank_text(text, "bank.toml"))
    assert problem.startswith("bank.toml:2:")
    assert problem.endswith(": TOML syntax error: arrays or inline tables are nested too deeply")


def test_invalid_utf8_is_located_at_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('format = 1\n[bank]\ntitle = "Erdoğan ç"\n'.encode() + b'\nx = "caf\xe9"\n')
    assert only_problem(load_bank(path)) == (
        f"{path}:5:9: the file is not UTF-8 text (byte 0xe9); save it as UTF-8"
    )


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.toml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert only_problem(load_bank(path)) == (
        f"{path}:1:1: the file is not UTF-8 text (byte 0x89); save it as UTF-8"
    )


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode())
    bank = load_bank(path)
    assert isinstance(bank, Bank)
    assert bank.path == path
    assert bank.questions[0].line == 6


def test_windows_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.toml"
    path.write_bytes(VALID.replace("\n", "\r\n").replace('answer = "A"', "answer = 1").encode())
    assert only_problem(load_bank(path)) == f"{path}:10:1: 'answer' must be a string, found integer"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    assert only_problem(load_bank(path)) == f"{path}:1:1: no such file"


def test_folder_instead_of_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert only_problem(load_bank(folder)) == f"{folder}:1:1: this is a folder, not a file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.toml"
    path.write_text(VALID, encoding="utf-8")
    path.chmod(0)
    try:
        assert only_problem(load_bank(path)) == (f"{path}:1:1: permission denied")
    finally:
        path.chmod(0o644)


def test_load_bank_reads_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "good.toml"
    path.write_text(VALID, encoding="utf-8")
    bank = load_bank(path)
    assert isinstance(bank, Bank)
    assert (bank.id, bank.path, len(bank.questions)) == ("t", path, 1)


def test_missing_source_file_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "with-source.toml"
    path.write_text(
        VALID.replace('title = "T"\n', 'title = "T"\n[bank.source]\ntitle = "A"\nfile = "a.txt"\n'),
        encoding="utf-8",
    )
    bank = load_bank(path)
    assert isinstance(bank, Bank)
    assert [str(w) for w in bank.warnings] == [
        f"{path}:7:1: warning: source file 'a.txt' not found (looked for {tmp_path / 'a.txt'})"
    ]
    (tmp_path / "a.txt").write_text("The article.", encoding="utf-8")
    bank = load_bank(path)
    assert isinstance(bank, Bank)
    assert bank.warnings == ()
    assert bank.source_path() == tmp_path / "a.txt"


def test_position_read_from_the_message_when_the_error_has_no_attributes() -> None:
    with pytest.warns(DeprecationWarning):
        located = tomli.TOMLDecodeError("Invalid value (at line 3, column 9)")
        at_end = tomli.TOMLDecodeError("Unclosed array (at end of document)")
    text = "a = 1\nb = [\n  2,\n"
    assert str(_syntax_problem(located, text, "bank.toml")) == (
        "bank.toml:3:9: TOML syntax error: invalid value"
    )
    assert str(_syntax_problem(at_end, text, "bank.toml")) == (
        "bank.toml:4:1: TOML syntax error: unclosed array"
    )
