"""Bytes -> text -> TOML data, with syntax errors turned into located problems.

The reader is `tomli` (its compiled wheel), chosen by measurement over the
standard library's `tomllib`: about 3x faster on large banks and quicker to
import (``benchmarks/bench_banks.py`` prints both).
"""

from __future__ import annotations

import re
from typing import Any

import tomli

from quizapp.model import BankProblem, Location

#: tomli's terse messages, rephrased for bank authors (matched on the prefix).
_FRIENDLIER: tuple[tuple[str, str], ...] = (
    ("Cannot overwrite a value", "this key is already set (a key may appear once per table)"),
    ("Expected newline or end of document after a statement", "expected the end of the line"),
    ("Invalid statement", "expected 'key = value', a [table] or an [[array]] header"),
)
_DECLARED_TWICE = re.compile(r"^Cannot declare \((.*)\) twice$")
_BARE_WORD = re.compile(r"[A-Za-z_][\w-]*")
_TOML_WORDS = frozenset({"true", "false", "inf", "nan"})


def decode_bank_bytes(data: bytes, path: str) -> str | BankProblem:
    """UTF-8 text of a bank file (a leading byte order mark is dropped), or
    a problem located at the first byte that is not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
        line_start = data.rfind(b"\n", 0, start) + 1
        line = data.count(b"\n", 0, start) + 1
        col = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
        message = f"the file is not UTF-8 text (byte 0x{data[start]:02x}); save it as UTF-8"
        return BankProblem(Location(path, line, col), message)
    return text.removeprefix("\ufeff")


def parse_toml(text: str, path: str) -> dict[str, Any] | BankProblem:
    """The TOML document ``text``, or its syntax error located as the parser
    reports it (line and column where it stopped)."""
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        return _syntax_problem(exc, text, path)


def _syntax_problem(exc: tomli.TOMLDecodeError, text: str, path: str) -> BankProblem:
    line: int = getattr(exc, "lineno", 1)
    col: int = getattr(exc, "colno", 1)
    raw: str = getattr(exc, "msg", str(exc))
    message = f"TOML syntax error: {_friendlier(raw, text, getattr(exc, 'pos', -1))}"
    if raw.startswith("Cannot overwrite a value"):
        # tomli stops after the value; the key starts the line.
        line_text = text.splitlines()[line - 1] if line - 1 < len(text.splitlines()) else ""
        col = len(line_text) - len(line_text.lstrip()) + 1
    return BankProblem(Location(path, max(line, 1), max(col, 1)), message)


def _friendlier(raw: str, text: str, pos: int) -> str:
    for prefix, better in _FRIENDLIER:
        if raw.startswith(prefix):
            return better
    declared = _DECLARED_TWICE.match(raw)
    if declared:
        names = [part.strip().strip("'\"") for part in declared.group(1).split(",")]
        return f"table [{'.'.join(name for name in names if name)}] is declared twice"
    if raw == "Invalid value" and 0 <= pos < len(text):
        word = _BARE_WORD.match(text, pos)
        if word and word.group() not in _TOML_WORDS:
            return 'invalid value: text must be in quotes, e.g. answer = "Paris"'
    return raw[:1].lower() + raw[1:]
