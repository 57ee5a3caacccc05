"""The question being asked: its quote (if any) and its prompt."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quizapp.display import quote_marks
from quizapp.model import ClozeQuestion, Question
from quizapp.tui.text import literal

#: What a cloze question without a prompt asks.
CLOZE_PROMPT = "Fill in the gaps."


def quote_content(text: str) -> Content:
    """A quotation, between typographic quotes unless it has its own
    (`quizapp.display.quote_marks`)."""
    opening, closing = quote_marks(text)
    return Content.assemble((opening, "bold $accent"), literal(text), (closing, "bold $accent"))


class QuestionView(Vertical):
    """Shows the question's quote as a quote, then its prompt."""

    def __init__(
        self, question: Question, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.question = question

    def compose(self) -> ComposeResult:
        question = self.question
        if question.quote:
            yield Static(quote_content(question.quote), classes="quote")
        prompt = question.prompt
        if not prompt and isinstance(question, ClozeQuestion):
            prompt = CLOZE_PROMPT
        yield Static(literal(prompt, "bold"), classes="prompt")
