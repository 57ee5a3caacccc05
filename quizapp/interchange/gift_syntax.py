"""GIFT syntax: question blocks, escapes, format markers and comment lines.

`split_blocks` cuts a GIFT text into blocks as Moodle does: runs of lines
that are not blank (a line holding only ``0`` counts as blank, as it does
for Moodle). Comment lines (``//``) are blanked out of a block's text but
kept: Moodle reads ``[id:...]`` and ``[tag:...]`` in them, and quizapp
reads its own ``//:`` lines. A `Block` knows which of its characters are
live syntax (not escaped) and turns spans back into text. Offsets are kept
relative to the block, and blocks know where they start in the document, so
every problem can be located at its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NoReturn

from quizapp.interchange.text import FORMATS, Changes, to_plain_text

#: A backslash escape: ``\~ \= \# \{ \} \: \\`` and ``\n`` (a line break).
_ESCAPE = re.compile(r"\\[\\n~=#{}:]")
_ESCAPE_OR_BREAK = re.compile(r"\\([\\n~=#{}:])|\n")
_NOT_SPACE = re.compile(r"\S")
#: The prefix of quizapp's own comment lines, which carry TOML.
CARRIED = "//:"


class Stop(Exception):
    """Ends the reading of one question: an error or a skip at ``offset``."""

    def __init__(self, kind: str, offset: int, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.offset = offset
        self.message = message


def error(offset: int, message: str) -> NoReturn:
    """Stop reading the question: it is malformed at ``offset``."""
    raise Stop("error", offset, message)


def skip(offset: int, message: str) -> NoReturn:
    """Stop reading the question: it has no quizapp equivalent."""
    raise Stop("skip", offset, message)


def _unescaped(found: re.Match[str]) -> str:
    escaped = found.group(1)
    if escaped is None:
        return " "
    return "\n" if escaped == "n" else escaped


@dataclass
class Comments:
    """The comment lines of a block."""

    #: Every comment line, stripped, one per line: where Moodle looks for
    #: ``[id:...]`` and ``[tag:...]``.
    text: str = ""
    #: (document offset, text) of each ``//:`` line, the prefix and one
    #: space after it removed.
    carried: list[tuple[int, str]] = field(default_factory=list)
    #: (document offset, body) of the other comment lines.
    other: list[tuple[int, str]] = field(default_factory=list)


class Block:
    """One question's lines (comments blanked out) and which characters are
    live GIFT syntax, i.e. not escaped with a backslash."""

    def __init__(self, text: str, start: int, comments: Comments) -> None:
        self.text = text
        self.start = start
        self.comments = comments
        self.live = [True] * len(text)
        for escape in _ESCAPE.finditer(text):
            self.live[escape.start()] = self.live[escape.start() + 1] = False

    @property
    def is_blank(self) -> bool:
        """Whether the block is comments only."""
        return not self.text.strip()

    def find(self, sub: str, start: int, end: int) -> int:
        """The first live ``sub`` in ``start:end``, or -1."""
        i = self.text.find(sub, start, end)
        while i >= 0 and not all(self.live[i : i + len(sub)]):
            i = self.text.find(sub, i + 1, end)
        return i

    def rfind(self, sub: str, start: int, end: int) -> int:
        """The last live ``sub`` in ``start:end``, or -1."""
        i = self.text.rfind(sub, start, end)
        while i >= 0 and not all(self.live[i : i + len(sub)]):
            i = self.text.rfind(sub, start, i + len(sub) - 1)
        return i

    def skip_space(self, i: int, end: int | None = None) -> int:
        """The first position from ``i`` that is not white space (or ``end``)."""
        end = len(self.text) if end is None else end
        found = _NOT_SPACE.search(self.text, i, end)
        return found.start() if found else max(i, end)

    def split(self, start: int, end: int, markers: str) -> list[tuple[str, int, int]]:
        """``start:end`` cut before each live marker: (marker, from, to) with
        the marker excluded; the first piece has marker ""."""
        pieces: list[tuple[str, int, int]] = []
        marker, piece_start = "", start
        pattern = re.compile("[" + re.escape(markers) + "]")
        for found in pattern.finditer(self.text, start, end):
            i = found.start()
            if self.live[i]:
                pieces.append((marker, piece_start, i))
                marker, piece_start = self.text[i], i + 1
        pieces.append((marker, piece_start, end))
        return pieces

    def unescape(self, start: int, end: int) -> str:
        """The characters of ``start:end`` as text: escapes resolved, ``\\n``
        a line break, the file's own line breaks turned into spaces."""
        # Spans start and end on live characters, so none cuts an escape in two.
        return _ESCAPE_OR_BREAK.sub(_unescaped, self.text[start:end])

    def format_at(self, start: int, end: int, default: str) -> tuple[str, int]:
        """The ``[format]`` marker at the start of ``start:end``, if any, and
        where the text after it starts."""
        i = self.skip_space(start, end)
        if i < end and self.text[i] == "[":
            close = self.text.find("]", i, end)
            if close > 0 and self.text[i + 1 : close] in FORMATS:
                return self.text[i + 1 : close], close + 1
        return default, start

    def render(self, start: int, end: int, default: str, changes: Changes) -> str:
        """Plain text of ``start:end``: format marker applied, escapes resolved."""
        fmt, start = self.format_at(start, end, default)
        return to_plain_text(self.unescape(start, end), fmt, changes)


def _blank(stripped: str) -> bool:
    # Moodle's test for the end of a question is PHP's empty(), for which "0" is empty too.
    return not stripped or stripped == "0"


def split_blocks(text: str) -> list[Block]:
    """The blocks of a GIFT text (see the module). Comment lines are kept as
    blanks, so offsets still match the text, and collected."""
    blocks: list[Block] = []
    pieces: list[str] = []
    comments = Comments()
    comment_lines: list[str] = []
    start = offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not _blank(stripped):
            if not pieces:
                start, comments, comment_lines = offset, Comments(), []
            if stripped.startswith("//"):
                comment_lines.append(stripped)
                body = line[line.index("//") + 2 :]
                at = offset + len(line) - len(body)
                if body.startswith(":"):
                    spaced = body.startswith(": ")
                    comments.carried.append((at + 1 + spaced, body[1 + spaced :]))
                else:
                    comments.other.append((at + len(body) - len(body.lstrip()), body.strip()))
                line = " " * len(line)
            pieces.append(line)
        elif pieces:
            comments.text = "\n".join(comment_lines)
            blocks.append(Block("\n".join(pieces), start, comments))
            pieces = []
        offset += len(line) + 1
    if pieces:
        comments.text = "\n".join(comment_lines)
        blocks.append(Block("\n".join(pieces), start, comments))
    return blocks


def escape_gift(text: str) -> str:
    """``text`` with GIFT's special characters escaped and line breaks as ``\\n``."""
    out = text.replace("\\", "\\\\").replace("\r\n", "\n").replace("\r", "\n")
    for char in "~=#{}:":
        out = out.replace(char, "\\" + char)
    return out.replace("\n", "\\n")
