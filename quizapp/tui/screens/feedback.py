"""Feedback after each answer: the verdict, the right answer, why, and the source."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from quizapp.grading import Grade, normalise_text
from quizapp.model import Bank
from quizapp.session import AnswerRecord
from quizapp.tui.screens.base import AppScreen
from quizapp.tui.text import literal, one_line
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.question_view import quote_content
from quizapp.usecases.formatting import format_score

#: What the screen dismisses with.
NEXT = "next"
LEAVE = "leave"


def verdict_content(record: AnswerRecord) -> Content:
    """``✓ Correct``, ``◐ Partly correct: 1 / 2 points``, ``✗ Wrong`` or ``→ Skipped``."""
    grade = record.grade
    if grade.skipped:
        return Content.styled("→ Skipped", "bold $warning")
    points = f"{format_score(grade.score, grade.max_score)} points"
    if grade.verdict == "correct":
        return Content.assemble(("✓ Correct", "bold $success"), (f"  {points}", "dim"))
    if grade.verdict == "partial":
        return Content.styled(f"◐ Partly correct: {points}", "bold $warning")
    return Content.assemble(("✗ Wrong", "bold $error"), (f"  {points}", "dim"))


def answer_lines(record: AnswerRecord) -> Content:
    """What was given and the right answer: the form an answer was accepted
    as ("Accepted 'turkiye' as Turkey"), a near miss, the exact value of a
    number within tolerance, why a wrong answer is wrong, and a ✓ or ✗ per
    gap or pair (`accepted_as`, `part_lines`)."""
    grade = record.grade
    if grade.skipped:
        return Content.assemble(("Correct answer: ", "bold"), literal(grade.expected, "bold"))
    lines: list[Content] = []
    if grade.correct:
        lines.append(accepted_as(grade.given, grade.expected, grade.near_miss))
        if grade.exact:
            lines.append(Content.assemble(("The exact value: ", "bold"), literal(grade.exact)))
    else:
        lines.append(Content.assemble(("Your answer: ", "dim"), literal(grade.given)))
    lines.extend(part_lines(grade))
    if not grade.correct:
        if grade.reason and not grade.parts:
            lines.append(Content.assemble(("Why: ", "dim"), literal(grade.reason)))
        lines.append(
            Content.assemble(("Correct answer: ", "bold"), literal(grade.expected, "bold"))
        )
    return Content("\n").join(lines)


def accepted_as(given: str, expected: str, near_miss: bool) -> Content:
    """``Your answer: X`` when it is the right answer as written, else
    ``Accepted 'turkiye' as Turkey`` naming the canonical answer (and
    saying when it was a near miss)."""
    if normalise_text(given) == normalise_text(expected) and not near_miss:
        return Content.assemble(("Your answer: ", "dim"), literal(given))
    pieces = Content.assemble(
        ("Accepted ", "$success"),
        literal(f"'{given}'"),
        (" as ", "$success"),
        literal(expected, "bold"),
    )
    if near_miss:
        pieces = Content.assemble(pieces, (" (a near miss: mind the spelling)", "dim"))
    return pieces


def part_lines(grade: Grade) -> list[Content]:
    """A ✓ or ✗ line per gap (cloze) or pair (match)."""
    lines = []
    for part in grade.parts:
        mark = ("✓ ", "bold $success") if part.correct else ("✗ ", "bold $error")
        given = literal(part.given) if part.given else Content.styled("(empty)", "dim")
        line = Content.assemble(mark, literal(part.label, "bold"), ": ", given)
        if part.correct and normalise_text(part.given) != normalise_text(part.expected):
            line = Content.assemble(line, (" accepted as ", "dim"), literal(part.expected))
        elif not part.correct:
            line = Content.assemble(line, ("  right: ", "dim"), literal(part.expected))
            if part.reason and part.given:
                line = Content.assemble(line, (" — ", "dim"), literal(part.reason, "dim"))
        lines.append(line)
    return lines


class FeedbackScreen(AppScreen[str]):
    """Shown after an answer; dismisses with ``"next"`` (enter) or
    ``"leave"`` (escape: the quiz asks whether to quit)."""

    CSS_PATH = "feedback.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "next", "Next", id="feedback.next"),
        Binding("escape", "leave", "Quit quiz", id="feedback.leave"),
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
        bank_title: str,
        status: Content,
        last: bool,
    ) -> None:
        super().__init__()
        self.record = record
        #: The quiz's bank: "show in context" reads its source text.
        self.bank = bank
        self.bank_title = bank_title
        self.status = status
        self.last = last

    def compose(self) -> ComposeResult:
        record = self.record
        question = record.question
        yield Header()
        with Horizontal(classes="quiz-bar"):
            yield Static(self.status, id="quiz-status")
        with VerticalScroll(id="feedback"):
            yield Static(verdict_content(record), id="verdict")
            if question.quote:
                yield Static(quote_content(question.quote), id="feedback-quote", classes="quote")
            yield Static(literal(question.prompt, "dim"), id="feedback-prompt")
            yield Static(answer_lines(record), id="feedback-answer")
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
