"""Pairing quotation marks: the quoted spans of an article.

Curly and straight, double and single marks are paired paragraph by
paragraph with a stack, so a quote nested in another stays part of it and
apostrophes (don’t, Turkey’s, the ’90s) are never taken for marks. A
paragraph that leaves a double quote open continues it when the next
paragraph opens with a quotation mark: the news convention for a quote of
several paragraphs, where only the last one closes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.draft.article import Paragraph

_MARK = re.compile(r"[“”\"‘’'«»„]")
_OPEN_DOUBLE = "“«„"
_CLOSE_DOUBLE = "”»"
_OPENERS = "([{—–-/"
_ELISION = re.compile(r"\d0s|em\b|til\b|cause\b|n\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Text between a pair of quotation marks (or a paragraph's part of a
    quote that runs over several paragraphs)."""

    #: Offset of the opening mark and just past the closing mark (or the
    #: paragraph's end when the quote goes on in the next paragraph).
    start: int
    end: int
    #: Offsets of the quoted text, marks excluded.
    text_start: int
    text_end: int
    paragraph: int
    #: "double" or "single".
    mark: str
    #: True when the quote goes on in the next paragraph.
    continues: bool = False
    #: True when this span goes on a quote of the previous paragraph.
    continuation: bool = False


@dataclass(frozen=True, slots=True)
class Unpaired:
    """A quotation mark left open at the end of its paragraph."""

    offset: int
    paragraph: int


def find_quoted_spans(
    text: str, paragraphs: Sequence[Paragraph]
) -> tuple[list[QuotedSpan], list[Unpaired]]:
    """The outermost quoted spans of every paragraph, in order, and the
    opening marks that were never closed."""
    spans: list[QuotedSpan] = []
    unpaired: list[Unpaired] = []
    carried = False
    for number, paragraph in enumerate(paragraphs):
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        found, left_open = _pair(text, paragraph, number)
        if carried and found and found[0].start == paragraph.start:
            first = found[0]
            found[0] = QuotedSpan(
                first.start,
                first.end,
                first.text_start,
                first.text_end,
                first.paragraph,
                first.mark,
                first.continues,
                True,
            )
        carried = False
        if left_open is not None:
            if following is not None and _opens_with_double(text, following):
                found.append(
                    QuotedSpan(
                        left_open,
                        paragraph.end,
                        left_open + 1,
                        paragraph.end,
                        number,
                        "double",
                        continues=True,
                    )
                )
                carried = True
            else:
                unpaired.append(Unpaired(left_open, number))
        spans.extend(found)
    return spans, unpaired


def _opens_with_double(text: str, paragraph: Paragraph) -> bool:
    first = text[paragraph.start]
    return first in _OPEN_DOUBLE or first == '"'


def _kind(text: str, position: int, start: int, end: int) -> str:
    """What the mark at ``position`` is: open/close double or single,
    "straight" (a " that closes an open one or opens), or "apostrophe"."""
    mark = text[position]
    before = text[position - 1] if position > start else " "
    after = text[position + 1] if position + 1 < end else " "
    if mark in _OPEN_DOUBLE:
        return "open-double"
    if mark in _CLOSE_DOUBLE:
        return "close-double"
    if mark == '"':
        return "straight"
    if mark == "‘":
        if after.isspace() or _ELISION.match(text, position + 1):
            return "apostrophe"
        return "open-single"
    # ’ or ': an apostrophe inside a word, a closing mark after one, or
    # (straight only) an opening mark before one.
    if before.isalnum() and after.isalnum():
        return "apostrophe"
    if not before.isspace() and before not in _OPENERS and not after.isalnum():
        return "close-single"
    opener_before = before.isspace() or before in _OPENERS or before in '“"'
    if mark == "'" and opener_before and not after.isspace():
        return "apostrophe" if _ELISION.match(text, position + 1) else "open-single"
    return "apostrophe"


def _pair(text: str, paragraph: Paragraph, number: int) -> tuple[list[QuotedSpan], int | None]:
    """Outermost pairs of one paragraph, and the offset of a double mark
    left open at its end (None when all are closed)."""
    start, end = paragraph.start, paragraph.end
    stack: list[tuple[str, int]] = []  # ("double" | "single", offset of the mark)
    found: list[QuotedSpan] = []

    def close(kind: str, position: int) -> None:
        while stack and stack[-1][0] != kind:
            stack.pop()  # an opening single mark that was an apostrophe after all
        if not stack:
            return
        _, opened = stack.pop()
        if not stack:
            found.append(QuotedSpan(opened, position + 1, opened + 1, position, number, kind))

    for match in _MARK.finditer(text, start, end):
        position = match.start()
        kind = _kind(text, position, start, end)
        if kind == "open-double":
            stack.append(("double", position))
        elif kind == "close-double":
            close("double", position)
        elif kind == "straight":
            if any(entry[0] == "double" and text[entry[1]] == '"' for entry in stack):
                close("double", position)
            else:
                stack.append(("double", position))
        elif kind == "open-single":
            stack.append(("single", position))
        elif kind == "close-single" and any(entry[0] == "single" for entry in stack):
            close("single", position)
    doubles = [offset for kind, offset in stack if kind == "double"]
    return found, (doubles[0] if doubles else None)
