"""Feedback after each answer: the verdict, the right answer, why, and the source."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quizapp.model import Bank
from quizapp.session import AnswerRecord, QuizKind
from quizapp.tui.screens.base import AppScreen
from quizapp.tui.text import literal, one_line
from quizapp.tui.widgets.feedback_lines import line_content, lines_content
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.open_answer import key_point_lines
from quizapp.tui.widgets.question_view import quote_content
from quizapp.tui.widgets.title_bar import TitleBar
from quizapp.usecases import feedback

#: What the screen dismisses with.
NEXT = "next"
LEAVE = "leave"


def verdict_content(record: AnswerRecord) -> Content:
    """``✓ Correct``, ``◐ Partly correct: 1 / 2 points``, ``✗ Wrong`` or
    ``→ Skipped`` (`quizapp.usecases.feedback.verdict`)."""
    return line_content(feedback.verdict(record.grade))


def answer_lines(record: AnswerRecord) -> Content:
    """What was given and the right answer, why, and a ✓ or ✗ per gap or
    pair (`quizapp.usecases.feedback.answer_lines`)."""
    return lines_content(feedback.answer_lines(record))


class FeedbackScreen(AppScreen[str]):
    """Shown after an answer; dismisses with ``"next"`` (enter) or
    ``"leave"`` (escape: the quiz asks whether to quit)."""

    CSS_PATH = "feedback.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "next", "Next", id="feedback.next"),
        Binding(
            "escape",
            "leave",
            "Leave",
            tooltip="Leave the quiz (asks first; your answers are kept)",
            id="feedback.leave",
        ),
        Binding(
            "c",
            "show_context",
            "Show in context",
            tooltip="Read the answer's excerpt where it stands in the source text",
            id="feedback.context",
        ),
    ]

    def __init__(
        self,
        record: AnswerRecord,
        *,
        bank: Bank | None = None,
        kind: QuizKind = "quiz",
        bank_title: str,
        status: Content,
        last: bool,
    ) -> None:
        super().__init__()
        self.record = record
        #: The quiz's bank: "show in context" reads its source text.
        self.bank = bank
        self.kind = kind
        self.bank_title = bank_title
        self.status = status
        self.last = last

    def compose(self) -> ComposeResult:
        record = self.record
        question = record.question
        yield TitleBar()
        with Horizontal(classes="quiz-bar"):
            yield Static(self.status, id="quiz-status")
        with VerticalScroll(id="feedback"):
            yield Static(verdict_content(record), id="verdict")
            if question.quote:
                yield Static(quote_content(question.quote), id="feedback-quote", classes="quote")
            yield Static(literal(question.prompt, "dim"), id="feedback-prompt")
            yield Static(answer_lines(record), id="feedback-answer")
            points = feedback.key_points(question)
            if points:
                yield Static(Content.styled("A good answer covers", "bold"), classes="label")
                yield key_point_lines(points)
            if question.explanation:
                yield Static(literal(question.explanation), id="explanation")
            if question.source:
                yield Static(Content.styled("From the source", "bold dim"), classes="label")
                yield Static(quote_content(question.source), id="source", classes="quote")
                if self._has_context():
                    yield Static(
                        Content.assemble(
                            ("Press ", "dim"), ("c", "bold"), (" to read it in the source.", "dim")
                        ),
                        id="context-hint",
                    )
            next_step = "see your results" if self.last else "go on"
            yield Static(Content.styled(f"Press Enter to {next_step}.", "dim"), id="next-hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = one_line(self.bank_title)
        self.sub_title = feedback.quiz_kind_label(self.kind)

    @property
    def bank_in_view(self) -> Bank | None:
        return self.bank

    def _has_context(self) -> bool:
        """Whether the bank's source text exists and the question quotes it."""
        from quizapp.tui.screens.context_reader import source_file

        return (
            self.bank is not None
            and bool(self.record.question.source)
            and source_file(self.bank, self.quiz_app.settings.source_texts) is not None
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_context":
            return self._has_context()
        return True

    def action_show_context(self) -> None:
        """Read the answer's excerpt where it stands in the source text."""
        if self.bank is None or not self._has_context():
            return
        from quizapp.tui.screens.context_reader import ContextReaderScreen

        self.app.push_screen(
            ContextReaderScreen(
                self.bank, self.record.question.source, self.quiz_app.settings.source_texts
            )
        )

    def action_next(self) -> None:
        """Go to the next question (or the results after the last one)."""
        self.dismiss(NEXT)

    def action_leave(self) -> None:
        """Ask whether to quit the quiz."""
        self.dismiss(LEAVE)
