"""GIFT syntax: question blocks, escapes, format markers and comment hints.

`split_blocks` cuts a GIFT text into questions; a `Block` knows which of its
characters are live syntax (not escaped) and turns spans back into text.
Offsets are kept relative to the block, and blocks know where they start in
the text, so every problem can be located at its line and column.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import NoReturn

from quizapp.interchange.common import html_to_text
from quizapp.model import MATCH_MODES, MatchMode

FORMATS = ("moodle", "html", "plain", "markdown")
#: A backslash escape: ``\~ \= \# \{ \} \: \\`` and ``\n`` (a line break).
_ESCAPE = re.compile(r"\\[\\n~=#{}:]")
_ESCAPE_OR_BREAK = re.compile(r"\\([\\n~=#{}:])|\n")
_NOT_SPACE = re.compile(r"\S")
#: Moodle's own category names that say nothing about the questions.
_CATEGORY_NOISE = re.compile(r"\$\w+\$|top|default for .*", re.IGNORECASE)


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


def clean(text: str) -> str:
    """Spaces collapsed in each line, lines stripped, at most one empty line."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


class Block:
    """One question's lines (comments blanked out) and which characters are
    live GIFT syntax, i.e. not escaped with a backslash."""

    def __init__(self, text: str, start: int, comments: list[tuple[int, str]]) -> None:
        self.text = text
        self.start = start
        self.comments = comments
        self.live = [True] * len(text)
        for escape in _ESCAPE.finditer(text):
            self.live[escape.start()] = self.live[escape.start() + 1] = False

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
        for i in range(start, end):
            if self.text[i] in markers and self.live[i]:
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

    def render(self, start: int, end: int, default: str = "moodle") -> str:
        """Plain text of ``start:end``: format marker applied, escapes resolved."""
        fmt, start = self.format_at(start, end, default)
        raw = self.unescape(start, end)
        return html_to_text(raw) if fmt == "html" else clean(raw)


def split_blocks(text: str) -> list[Block]:
    """The questions of a GIFT text: runs of non-blank lines. Comment lines
    are kept as blanks (so offsets still match the text) and collected."""
    blocks: list[Block] = []
    pieces: list[str] = []
    comments: list[tuple[int, str]] = []
    start = offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            if not pieces:
                start, comments = offset, []
            if stripped.startswith("//"):
                body = line[line.index("//") + 2 :]
                at = offset - start + len(line) - len(body.lstrip())
                comments.append((at, body.strip()))
                line = " " * len(line)
            pieces.append(line)
        elif pieces:
            blocks.append(Block("\n".join(pieces), start, comments))
            pieces = []
        offset += len(line) + 1
    if pieces:
        blocks.append(Block("\n".join(pieces), start, comments))
    return blocks


@dataclass
class Extras:
    """What comment hints add to a question."""

    tags: list[str] = field(default_factory=list)
    source: str = ""
    difficulty: int = 1
    points: int = 1
    quote: str = ""
    about: tuple[str, ...] = ()
    unit: str = ""
    match: MatchMode = "normal"
    prompt: str = ""


def category_tags(category: str) -> list[str]:
    """Tags from a ``$CATEGORY:`` path (Moodle writes a '/' in a name as '//')."""
    parts = category.replace("//", "\0").split("/")
    names = (part.replace("\0", "/").strip() for part in parts)
    return [name for name in names if name and not _CATEGORY_NOISE.fullmatch(name)]


_HINT_TEXTS = ("source", "quote", "unit", "prompt")


def _apply_hint(extras: Extras, value: str, offset: int) -> None:
    """Fill ``extras`` from a ``// quizapp: {json}`` comment."""
    try:
        data = json.loads(value)
    except json.JSONDecodeError as exc:
        error(offset + exc.pos, f"the quizapp comment is not valid JSON: {exc.msg}")
    if not isinstance(data, dict):
        error(offset, "the quizapp comment must hold a JSON object {...}")
    for key, item in data.items():
        if key in _HINT_TEXTS and isinstance(item, str):
            setattr(extras, key, item)
        elif key in ("tags", "about") and _strings(item):
            if key == "tags":
                extras.tags.extend(item)
            else:
                extras.about = tuple(item)
        elif key == "difficulty" and type(item) is int and 1 <= item <= 3:
            extras.difficulty = item
        elif key == "points" and type(item) is int and item >= 1:
            extras.points = item
        elif key == "match" and item in MATCH_MODES:
            extras.match = item
        else:
            known = ", ".join(
                sorted({*_HINT_TEXTS, "tags", "about", "difficulty", "points", "match"})
            )
            error(offset, f"bad quizapp comment entry {key!r}: {item!r} (known keys: {known})")


def _strings(item: object) -> bool:
    return isinstance(item, list) and all(isinstance(text, str) for text in item)


def read_hints(block: Block) -> Extras:
    """What the ``// tags:`` and ``// quizapp:`` comments of a question say."""
    extras = Extras()
    for offset, comment in block.comments:
        label, _, value = comment.partition(":")
        if label.strip().casefold() == "tags" and value:
            extras.tags.extend(tag.strip() for tag in value.split(",") if tag.strip())
        elif label.strip() == "quizapp" and value:
            at = offset + len(label) + 1 + len(value) - len(value.lstrip())
            _apply_hint(extras, value.strip(), at)
    return extras
