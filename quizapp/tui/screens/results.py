"""Results: the score, time, per-tag breakdown and the missed questions."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Static

from quizapp.model import Bank
from quizapp.session import AnswerRecord
from quizapp.tui.screens.base import AppScreen
from quizapp.tui.text import literal, one_line
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.question_view import quote_content
from quizapp.usecases.formatting import format_duration, format_percent, format_score
from quizapp.usecases.quiz import RecordedQuiz


def summary_content(quiz: RecordedQuiz) -> Content:
    """Score, percentage, how the answers went and the time taken."""
    session = quiz.session
    records = session.records
    right = sum(1 for r in records if r.grade.correct)
    skipped = sum(1 for r in records if r.grade.skipped)
    partly = sum(1 for r in records if not r.grade.skipped and r.grade.verdict == "partial")
    wrong = len(records) - right - skipped - partly
    counts = [f"{len(records)} question{'s' if len(records) != 1 else ''}", f"{right} right"]
    if partly:
        counts.append(f"{partly} partly right")
    counts.append(f"{wrong} wrong")
    if skipped:
        counts.append(f"{skipped} skipped")
    return Content.assemble(
        (f"{format_score(session.score, session.max_score)} points", "bold"),
        "  ",
        (format_percent(session.percent), "bold $accent"),
        "\n",
        " · ".join(counts),
        "\n",
        ("Time taken: ", "dim"),
        format_duration(session.seconds),
    )


def missed_content(record: AnswerRecord) -> Content:
    """A missed question with the right answer and what was given."""
    grade = record.grade
    mark = ("→ ", "$warning") if grade.skipped else ("✗ ", "$error")
    if grade.verdict == "partial":
        mark = ("◐ ", "$warning")
    given: Content = Content.styled("skipped", "italic") if grade.skipped else literal(grade.given)
    question = record.question
    quote: Content | str = (
        Content.assemble(" ", quote_content(question.quote)) if question.quote else ""
    )
    return Content.assemble(
        mark,
        literal(question.prompt or question.id),
        quote,
        "\n  ",
        ("Correct answer: ", "bold"),
        literal(grade.expected),
        "\n  ",
        ("You: ", "dim"),
        given,
        (f"  ({format_score(grade.score, grade.max_score)})", "dim"),
    )


class ResultsScreen(AppScreen[None]):
    """The end of a quiz. Retry the missed questions, start another quiz, or go home."""

    CSS_PATH = "results.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry_missed", "Retry missed", id="results.retry"),
        Binding("n", "new_quiz", "New quiz", id="results.new"),
        Binding("escape,h", "home", "Home", id="results.home"),
    ]

    def __init__(self, quiz: RecordedQuiz) -> None:
        super().__init__()
        self.quiz = quiz

    @property
    def bank_in_view(self) -> Bank:
        return self.quiz.session.bank

    def compose(self) -> ComposeResult:
        session = self.quiz.session
        yield Header()
        with VerticalScroll(id="results"):
            yield Static(summary_content(self.quiz), id="results-summary")
            yield Static(Content.styled("By tag", "bold"), classes="section-title")
            table: DataTable[Text] = DataTable(
                id="tag-table", show_cursor=False, zebra_stripes=True
            )
            table.add_columns("Tag", "Score", "Percent", "Questions")
            for tag in session.per_tag():
                table.add_row(
                    Text(one_line(tag.tag)),
                    Text(format_score(tag.score, tag.max_score), justify="right"),
                    Text(format_percent(tag.percent), justify="right"),
                    Text(str(tag.answered), justify="right"),
                )
            yield table
            missed = session.missed()
            title = f"Missed questions ({len(missed)})" if missed else "Nothing missed. Well done!"
            yield Static(Content.styled(title, "bold"), classes="section-title")
            for record in missed:
                yield Static(missed_content(record), classes="missed")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = one_line(self.quiz.session.bank.title)
        self.sub_title = "Results"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry_missed":
            return True if self.quiz.session.missed() else None
        return True

    def action_retry_missed(self) -> None:
        """A new quiz of only the questions missed here."""
        options = self.quiz.retry_options(self.quiz_app.settings.seed)
        if options is not None:
            self.quiz_app.start_quiz(self.quiz.session.bank, options, replace=True)

    def action_new_quiz(self) -> None:
        """Choose options for another quiz on the same bank."""
        bank = self.quiz.session.bank
        self.app.pop_screen()
        self.quiz_app.open_quiz_options(bank)

    def action_home(self) -> None:
        """Back to the home screen."""
        self.app.pop_screen()
