"""Results: the score, time, per-tag breakdown and the missed questions."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from quizapp.model import Bank
from quizapp.session import AnswerRecord
from quizapp.tui.screens.base import AppScreen
from quizapp.tui.text import one_line
from quizapp.tui.widgets.feedback_lines import line_content, lines_content, span_content
from quizapp.tui.widgets.hanging_lines import HangingLines
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.title_bar import TitleBar
from quizapp.usecases import feedback
from quizapp.usecases.formatting import format_percent, format_score
from quizapp.usecases.quiz import RecordedQuiz


def summary_content(quiz: RecordedQuiz) -> Content:
    """Score, percentage, how the answers went and the time taken."""
    return lines_content(feedback.summary_lines(quiz.session))


def missed_entry(record: AnswerRecord) -> HangingLines:
    """A missed question with the right answer and what was given, after its
    mark (✗, ◐ or →): wrapped lines stay indented under their text."""
    first, *rest = feedback.missed_lines(record)
    mark = Content.assemble(span_content(feedback.missed_mark(record.grade)), " ")
    lines = [(mark, line_content(first)), *((Content("  "), line_content(line)) for line in rest)]
    return HangingLines(lines, classes="missed")


class ResultsScreen(AppScreen[None]):
    """The end of a quiz. Retry the missed questions, start another quiz, or go home."""

    CSS_PATH = "results.tcss"

    # The keys mean what they mean on Home: m a quiz of mistakes, s a new
    # quiz, h history.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "m",
            "retry_missed",
            "Retry missed",
            tooltip="A new quiz of only the questions missed here",
            id="results.retry",
        ),
        Binding(
            "s",
            "new_quiz",
            "New quiz",
            tooltip="Choose the options of another quiz on this bank (the last ones are kept)",
            id="results.new",
        ),
        Binding("h", "app.run('history')", "History", id="results.history"),
        Binding("escape", "home", "Home", id="results.home"),
    ]

    def __init__(self, quiz: RecordedQuiz) -> None:
        super().__init__()
        self.quiz = quiz

    @property
    def bank_in_view(self) -> Bank:
        return self.quiz.session.bank

    def compose(self) -> ComposeResult:
        session = self.quiz.session
        yield TitleBar()
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
                yield missed_entry(record)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = one_line(self.quiz.session.bank.title)
        kind = feedback.quiz_kind_label(self.quiz.session.options.kind)
        self.sub_title = f"Results · {kind}" if kind else "Results"

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
