"""The feedback of `quizapp.usecases.feedback` drawn as `Content`: each span's
text literal (never markup), styled for its tone."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from quizapp.tui.text import literal
from quizapp.tui.widgets.question_view import quote_content
from quizapp.usecases.feedback import Line, Span, Tone

#: The style of each tone.
TONE_STYLES: dict[Tone, str] = {
    "": "",
    "bold": "bold",
    "label": "dim",
    "italic": "italic",
    "quote": "",
    "success": "$success",
    "accent": "bold $accent",
    "right": "bold $success",
    "partly": "bold $warning",
    "wrong": "bold $error",
    "skipped": "bold $warning",
}


def span_content(span: Span) -> Content:
    """One span, styled for its tone."""
    if span.tone == "quote":
        return quote_content(span.text)
    return literal(span.text, TONE_STYLES[span.tone])


def line_content(spans: Line) -> Content:
    """One line of feedback."""
    return Content.assemble(*(span_content(span) for span in spans))


def lines_content(lines: Iterable[Line]) -> Content:
    """Lines of feedback, one under the other."""
    return Content("\n").join(line_content(spans) for spans in lines)
