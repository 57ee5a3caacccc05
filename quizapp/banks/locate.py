"""Where things are in a bank's TOML text.

The TOML parser gives values without positions, so problems found while
validating are located by scanning the text ourselves. A *where* is the path
of a value in the parsed document: ``("questions", 3, "choices", 1)`` is the
second choice of the fourth question; ``("questions", 3)`` is that
question's table, located at its ``[[questions]]`` header.

Two scans, both run only on text the TOML parser has accepted:

- a fast one, with a few regular expressions, finds the ``[[name]]`` header
  of every top-level array of tables (every loaded question and fact needs
  its line). It is trusted only when the number of headers found per name
  equals the number of tables the parser built.
- a full one, a small tokenizer that understands strings (multi-line ones
  too), comments, arrays, inline tables and dotted or quoted keys, maps
  every key, table and array item to its position. It runs lazily, when a
  problem needs a key's position or the fast scan cannot be trusted.

When a position cannot be found, the nearest enclosing one is used, and
failing that line 1: locating never raises.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import itertools
import operator
import re
from collections.abc import Mapping

import tomli

Where = tuple[str | int, ...]
Position = tuple[int, int]

# What may be an array-of-tables header: a "[[" that starts its line, or
# follows a space or tab (an indented header, or an array of arrays), then a
# bare name and "]]", or a quote (a quoted name, or an array of strings).
# Groups: "" after a space or tab (None at the start of the line), the name
# (None for a quote). The look-behinds come after the literal "[[", so the
# regex engine still skips quickly from one "[[" to the next.
_HEADER_SPLIT = re.compile(
    r"\[\[(?:(?<=\n\[\[)|(?<=[ \t]\[\[)())[ \t]*(?:([A-Za-z0-9_-]+)[ \t]*\]\]|[\"'])"
)

# The careful scans' patterns, compiled when first used (and cached by re):
# most loads never need them.
# Groups: the indentation, the table name.
_AOT_HEADER = r"\n([ \t]*)\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]"
_AOT_HEADER_FIRST_LINE = r"([ \t]*)\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]"
# Possessive quantifiers: a stray """ (in a comment, say) must fail fast, not
# backtrack through every way of splitting the rest of the file.
_ML_BASIC = r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+"""(?:""?)?'
_ML_LITERAL = r"'''[\s\S]*?'''(?:''?)?"


class SourceMap:
    """Positions (1-based line, column) of the tables, keys and items of one
    bank text, looked up by *where* path."""

    def __init__(
        self, text: str, data: Mapping[str, object], headers: Headers | None = None
    ) -> None:
        """``headers`` is what `split_headers` found in ``text``, if it ran
        already (the loader runs it before parsing, while the text it just
        decoded is still in the CPU cache)."""
        self._text = text
        self._tables = _fast_headers(text, data, headers or split_headers(text))
        self._positions: dict[Where, Position] | None = None

    def locate(self, where: Where) -> Position:
        """The position of ``where``, or of its nearest located ancestor."""
        if self._tables is not None and len(where) == 2:
            name, index = where
            headers = self._tables.get(str(name))
            if headers is not None and type(index) is int and 0 <= index < len(headers):
                return headers[index]
        positions = self._full_positions()
        for end in range(len(where), 0, -1):
            found = positions.get(where[:end])
            if found is not None:
                return found
        return (1, 1)

    def line(self, where: Where) -> int:
        """The line of ``where`` (see `locate`)."""
        return self.locate(where)[0]

    def header_lines(self, name: str, count: int) -> list[int]:
        """The lines of the ``count`` tables of the array ``name``, in order."""
        headers = self._tables.get(name) if self._tables is not None else None
        if headers is not None and len(headers) == count:
            return [line for line, _ in headers]
        return [self.locate((name, index))[0] for index in range(count)]

    def _full_positions(self) -> dict[Where, Position]:
        if self._positions is None:
            self._positions = scan_positions(self._text)
        return self._positions


def scan_positions(text: str) -> dict[Where, Position]:
    """Every table, key and array item of a valid TOML ``text`` with its
    position; a partial map if the text surprises the scanner."""
    scanner = _Scanner(text)
    with contextlib.suppress(IndexError, ValueError, RecursionError):
        scanner.scan()  # on a surprise, keep what was found before it
    newlines = [match.start() for match in re.finditer("\n", text)]
    positions: dict[Where, Position] = {}
    for where, offset in scanner.offsets.items():
        line = bisect.bisect_left(newlines, offset)
        line_start = newlines[line - 1] + 1 if line else 0
        positions[where] = (line + 1, offset - line_start + 1)
    return positions


def _fast_headers(
    text: str, data: Mapping[str, object], quick: Headers
) -> dict[str, list[Position]] | None:
    """The positions of the top-level ``[[name]]`` headers, by name, or None
    when the quick scan disagrees with what the parser built.

    The quick split finds every real header with a bare name, and declines
    when it meets a quoted one; counts that agree with the parser's then
    prove no match is a look-alike inside a multi-line string. Otherwise the
    scan is repeated without the multi-line strings.
    """
    if quick.tables is not None and _agrees(quick.tables, data):
        return quick.tables
    tables = _header_scan(text, _multiline_strings(text))
    return tables if _agrees(tables, data) else None


class Headers:
    """What `split_headers` found: ``tables`` is None when it declined."""

    __slots__ = ("tables",)

    def __init__(self, tables: dict[str, list[Position]] | None) -> None:
        self.tables = tables


def split_headers(text: str) -> Headers:
    """The quick scan of `SourceMap`, on its own (see `_split_headers`)."""
    return Headers(_split_headers(text))


def _split_headers(text: str) -> dict[str, list[Position]] | None:
    """Positions of every ``[[name]]`` line, look-alikes in multi-line strings
    included; None if a line starts with a quoted ``[["name"]]`` header.

    This runs on every load, so the work per header stays in C: one split of
    the text at each ``[[`` that may start a header, then line breaks counted
    and headers grouped by name with map() and compress(). Only a ``[[``
    after a space or tab (an indented header, or an array of arrays) costs a
    Python step.
    """
    # "\n" first: a header on the first line is preceded by a line break too.
    pieces = _HEADER_SPLIT.split("\n" + text)
    # The text before match 1, its groups, the text before match 2, ...
    # Matches hold no line break: the line of a match is the number of line
    # breaks before it, the added one included.
    before, blanks, names = pieces[0:-1:3], pieces[1::3], pieces[2::3]
    lines = itertools.accumulate(map(str.count, before, itertools.repeat("\n")))
    if "" not in blanks:  # every match starts its line
        positions = list(zip(lines, itertools.repeat(1)))
    else:
        columns = [
            1 if blank is None else _header_column(text_before)
            for blank, text_before in zip(blanks, before, strict=True)
        ]
        positions = list(zip(lines, columns, strict=True))
        # Column 0: not a header. A name of "" is never looked for below.
        names = [name if column else "" for name, column in zip(names, columns, strict=True)]
    if None in names:
        return None  # a quoted name: left to the full scan
    tables: dict[str, list[Position]] = {}
    for name in set(names):
        if name:
            chosen = map(operator.eq, names, itertools.repeat(name))
            tables[name] = list(itertools.compress(positions, chosen))
    return tables


def _header_column(text_before: str) -> int:
    """The column of a ``[[`` that follows ``text_before`` (which ends with a
    space or tab); 0 when other text comes before it on its line, so it is no
    header."""
    indent = text_before[text_before.rfind("\n") + 1 :]
    return 0 if indent.strip(" \t") else len(indent) + 1


def _header_scan(text: str, strings: list[tuple[int, int]]) -> dict[str, list[Position]]:
    """Positions of ``[[name]]`` lines, skipping those inside ``strings``."""
    tables: dict[str, list[Position]] = {}
    line, counted_to, next_string = 1, 0, 0
    count = text.count
    first = re.match(_AOT_HEADER_FIRST_LINE, text)
    for match in itertools.chain([first] if first else [], re.finditer(_AOT_HEADER, text)):
        start = match.end(1)  # the "[[" itself
        if strings:
            while next_string < len(strings) and strings[next_string][1] <= start:
                next_string += 1
            if next_string < len(strings) and strings[next_string][0] <= start:
                continue  # inside a multi-line string: not a header
        line += count("\n", counted_to, start)
        counted_to = start
        name = match.group(2)
        headers = tables.get(name)
        if headers is None:
            headers = tables[name] = []
        headers.append((line, start - match.start(1) + 1))
    return tables


def _agrees(tables: dict[str, list[Position]], data: Mapping[str, object]) -> bool:
    """Whether there is one header per table the parser built, per array."""
    for name, value in data.items():
        if isinstance(value, list) and len(tables.get(name, ())) != len(value):
            return False
    return all(isinstance(data.get(name), list) for name in tables)


def _multiline_strings(text: str) -> list[tuple[int, int]]:
    """Sorted spans of the multi-line strings of ``text``."""
    spans = [m.span() for m in re.finditer(_ML_BASIC, text)] if '"""' in text else []
    if "'''" in text:
        spans.extend(m.span() for m in re.finditer(_ML_LITERAL, text))
        spans.sort()
    return spans


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    """The full scanner's tokens (compiled on first use: most loads never need it)."""
    return re.compile(
        r"""
          (?P<ws>[ \t\r]+)
        | (?P<nl>\n)
        | (?P<comment>\#[^\n]*)
        | (?P<str>\"\"\"(?:[^"\\]++|\\[\s\S]|"(?!""))*+\"\"\"(?:""?)?
                | '''[\s\S]*?'''(?:''?)?
                | "(?:[^"\\\n]|\\.)*"
                | '[^'\n]*')
        | (?P<punct>[\[\]{}=,.])
        | (?P<bare>[^\s\[\]{}=,\#"'.]+)
        """,
        re.VERBOSE,
    )


class _Scanner:
    """A tokenizer and recursive-descent walk over valid TOML, recording the
    character offset where each table, key and array item starts."""

    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str, int]] = [
            (match.lastgroup or "", match.group(), match.start())
            for match in _token_pattern().finditer(text)
            if match.lastgroup not in ("ws", "comment")
        ]
        self.index = 0
        self.offsets: dict[Where, int] = {}
        self._table_index: dict[Where, int] = {}

    def scan(self) -> None:
        table: Where = ()
        tokens = self.tokens
        while self.index < len(tokens):
            kind, value, offset = tokens[self.index]
            if kind == "nl":
                self.index += 1
            elif kind == "punct" and value == "[":
                table = self._header(offset)
            else:
                self._key_value(table)
                self._skip_line()

    def _header(self, offset: int) -> Where:
        tokens = self.tokens
        nxt = tokens[self.index + 1]
        is_array = nxt[1] == "[" and nxt[2] == offset + 1
        self.index += 2 if is_array else 1
        keys = self._key()
        path: Where = ()
        for number, key in enumerate(keys):
            path = (*path, key)
            if is_array and number == len(keys) - 1:
                position = self._table_index.get(path, -1) + 1
                self._table_index[path] = position
                path = (*path, position)
            elif path in self._table_index:
                path = (*path, self._table_index[path])
        self.offsets.setdefault(path, offset)
        self._skip_line()
        return path

    def _key_value(self, table: Where) -> None:
        offset = self.tokens[self.index][2]
        keys = self._key()
        for end in range(1, len(keys) + 1):
            self.offsets.setdefault((*table, *keys[:end]), offset)
        if self.tokens[self.index][1] != "=":
            raise ValueError("expected '='")
        self.index += 1
        self._value((*table, *keys))

    def _key(self) -> tuple[str, ...]:
        tokens = self.tokens
        parts = [_key_text(tokens[self.index])]
        self.index += 1
        while tokens[self.index][1] == "." and tokens[self.index][0] == "punct":
            parts.append(_key_text(tokens[self.index + 1]))
            self.index += 2
        return tuple(parts)

    def _value(self, path: Where) -> None:
        tokens = self.tokens
        kind, value, _ = tokens[self.index]
        self.index += 1
        if kind == "punct" and value == "[":
            number = 0
            while not self._closed("]"):
                self.offsets.setdefault((*path, number), tokens[self.index][2])
                self._value((*path, number))
                number += 1
                self._separator("]")
        elif kind == "punct" and value == "{":
            while not self._closed("}"):
                self._key_value(path)
                self._separator("}")
        elif kind == "bare":  # numbers, dates, times: "1.5", "1979-05-27 07:32:00.5"
            while self.index < len(tokens) and (
                tokens[self.index][0] == "bare" or tokens[self.index][1] == "."
            ):
                self.index += 1

    def _closed(self, closing: str) -> bool:
        """Skip line breaks; consume ``closing`` if it comes next."""
        tokens = self.tokens
        while tokens[self.index][0] == "nl":
            self.index += 1
        if tokens[self.index][1] == closing:
            self.index += 1
            return True
        return False

    def _separator(self, closing: str) -> None:
        """Consume the ',' after an item; leave ``closing`` for `_closed`."""
        tokens = self.tokens
        while tokens[self.index][0] == "nl":
            self.index += 1
        if tokens[self.index][1] == ",":
            self.index += 1
        elif tokens[self.index][1] != closing:
            raise ValueError(f"expected ',' or {closing!r}")

    def _skip_line(self) -> None:
        while self.index < len(self.tokens) and self.tokens[self.index][0] != "nl":
            self.index += 1


def _key_text(token: tuple[str, str, int]) -> str:
    kind, value, _ = token
    if kind == "bare":
        return value
    if kind != "str":
        raise ValueError(f"unexpected {value!r} in a key")
    if value.startswith("'"):
        return value[1:-1]
    decoded = tomli.loads(f"k = {value}")["k"]
    return decoded if isinstance(decoded, str) else value
