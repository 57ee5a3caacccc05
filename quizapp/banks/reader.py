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
# Patterns for syntax errors only: compiled when first used (and cached by re).
_AT_LINE = r"\(at line (?P<line>\d+), column (?P<col>\d+)\)$"
_AT_END = "(at end of document)"
_DECLARED_TWICE = r"^Cannot declare \((.*)\) twice$"
_BARE_WORD = r"[A-Za-z_][\w-]*"
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
    except RecursionError:  # tomli's limit on nested arrays and inline tables
        line, col = _deepest_nesting(text)
        message = "TOML syntax error: arrays or inline tables are nested too deeply"
        return BankProblem(Location(path, line, col), message)
    except ValueError:  # Python's limit on the digits of an integer (4,300)
        digits = re.search(r"[0-9][0-9_]{4000,}", text)
        offset = digits.start() if digits else 0
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        message = "TOML syntax error: a number with thousands of digits"
        return BankProblem(Location(path, line, col), message)


def _deepest_nesting(text: str) -> tuple[int, int]:
    """Where bracket nesting is deepest (strings not told apart: a hint only)."""
    depth = deepest = offset = 0
    for index, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest, offset = depth, index
        elif char in "]}":
            depth -= 1
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _syntax_problem(exc: tomli.TOMLDecodeError, text: str, path: str) -> BankProblem:
    raw, line, col = _error_position(exc, text)
    if raw.startswith(("Cannot overwrite a value", "Cannot declare")):
        # tomli stops after the key or header; point at its start instead.
        lines = text.splitlines()
        line_text = lines[line - 1] if 0 < line <= len(lines) else ""
        col = len(line_text) - len(line_text.lstrip()) + 1
    message = f"TOML syntax error: {_friendlier(raw, text, getattr(exc, 'pos', -1))}"
    return BankProblem(Location(path, max(line, 1), max(col, 1)), message)


def _error_position(exc: tomli.TOMLDecodeError, text: str) -> tuple[str, int, int]:
    """The bare message, line and column of a TOML error: from tomli's
    attributes, else parsed from "... (at line X, column Y)"."""
    msg, line, col = (
        getattr(exc, "msg", None),
        getattr(exc, "lineno", None),
        getattr(exc, "colno", None),
    )
    if isinstance(msg, str) and isinstance(line, int) and isinstance(col, int):
        return msg, line, col
    full = str(exc)
    located = re.search(_AT_LINE, full)
    if located:
        return full[: located.start()].rstrip(), int(located["line"]), int(located["col"])
    if full.endswith(_AT_END):
        lines = text.split("\n")
        return full.removesuffix(_AT_END).rstrip(), len(lines), len(lines[-1]) + 1
    return full, 1, 1


def _friendlier(raw: str, text: str, pos: int) -> str:
    for prefix, better in _FRIENDLIER:
        if raw.startswith(prefix):
            return better
    declared = re.match(_DECLARED_TWICE, raw)
    if declared:
        names = [part.strip().strip("'\"") for part in declared.group(1).split(",")]
        return f"table [{'.'.join(name for name in names if name)}] is declared twice"
    if raw == "Invalid value" and 0 <= pos < len(text):
        word = re.compile(_BARE_WORD).match(text, pos)
        if word and word.group() not in _TOML_WORDS:
            return 'invalid value: text must be in quotes, e.g. answer = "Paris"'
    return raw[:1].lower() + raw[1:]
