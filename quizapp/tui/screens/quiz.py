"""Quiz: one question at a time, with progress and the running score."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import ProgressBar, Static

from quizapp.model import Bank
from quizapp.session import AnswerRecord
from quizapp.tui.screens.base import AppScreen
from quizapp.tui.text import one_line
from quizapp.tui.widgets.answer import AnswerWidget
from quizapp.tui.widgets.factory import mount_question
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.title_bar import TitleBar
from quizapp.usecases import StoreError, feedback
from quizapp.usecases.formatting import format_score
from quizapp.usecases.quiz import NotSaved, RecordedQuiz, unsaved_path, warm_up_grading


def quiz_status(number: int, total: int, score: float, max_score: float) -> Content:
    """``Question 3 of 10 · score 2 / 2``."""
    return Content.assemble(
        (f"Question {number} of {total}", "bold"),
        f" · score {format_score(score, max_score)}",
    )


class QuizScreen(AppScreen[None]):
    """Asks the questions of a `RecordedQuiz`; every answer is saved before
    its feedback is shown. Leaving asks first, and keeps the answers given."""

    CSS_PATH = "quiz.tcss"
    # Shorter than 24 rows, option lists scroll within themselves, so that an
    # answer's Submit button stays in view (quiz.tcss).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # noqa: RUF012 (not a ClassVar in Textual)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "skip", "Skip", priority=True, id="quiz.skip"),
        Binding(
            "escape",
            "leave",
            "Leave",
            tooltip="Leave the quiz (asks first; your answers are kept)",
            id="quiz.leave",
        ),
    ]

    def __init__(self, quiz: RecordedQuiz) -> None:
        super().__init__()
        self.quiz = quiz
        self._answer: AnswerWidget | None = None
        self._shown_at = 0.0
        #: True from an answer until the next question is shown.
        self._waiting = True
        #: The index in the session of the question in place (-1: none yet).
        self._mounted = -1

    @property
    def bank_in_view(self) -> Bank:
        return self.quiz.session.bank

    @property
    def in_progress(self) -> bool:
        """Leaving now would leave questions unanswered, or answers unsaved."""
        return not self.quiz.session.finished or bool(self.quiz.unsaved)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(classes="quiz-bar"):
            yield Static(id="quiz-status")
            yield ProgressBar(
                total=self.quiz.session.total,
                show_eta=False,
                show_percentage=False,
                id="quiz-progress",
            )
        yield VerticalScroll(id="question-area")
        yield KeysFooter()

    async def on_mount(self) -> None:
        self._warm_up_grading()
        self.title = one_line(self.quiz.session.bank.title)
        self.sub_title = feedback.quiz_kind_label(self.quiz.session.options.kind)
        await self.show_question()

    @work(thread=True, exclusive=True, exit_on_error=False, group="warm-up")
    def _warm_up_grading(self) -> None:
        # Off the UI thread, so that the first near miss does not wait for it.
        warm_up_grading()

    def _show_status(self) -> None:
        session = self.quiz.session
        self.query_one("#quiz-status", Static).update(
            quiz_status(session.number, session.total, session.score, session.max_score)
        )
        self.query_one(ProgressBar).update(progress=session.index)

    async def show_question(self) -> None:
        """Show the current question, or the results when the quiz is done."""
        if self.quiz.session.current is None:
            self._show_results()
            return
        if self._mounted != self.quiz.session.index:
            await self._mount_question()
        self._show_status()
        self._shown_at = self.quiz_app.settings.clock()
        self._waiting = False
        self.refresh_bindings()

    async def _mount_question(self) -> None:
        """Put the current question and its answer widget in place, focused.
        The next question is put in place while the last one's feedback
        covers this screen, so that coming back only shows it."""
        session = self.quiz.session
        question = session.current
        if question is None:
            return
        self._mounted = session.index
        area = self.query_one("#question-area", VerticalScroll)
        widget = await mount_question(
            area,
            question,
            session.display_choices(question),
            cursor_blink=self.quiz_app.settings.cursor_blink,
        )
        area.scroll_home(animate=False)
        widget.focus_answer()
        self._answer = widget

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip":
            return None if self._waiting else True
        return True

    @on(AnswerWidget.Answered)
    def _answered(self, event: AnswerWidget.Answered) -> None:
        event.stop()
        if self._waiting or event.widget is not self._answer:
            return
        answer = event.answer
        self._give(lambda seconds: self.quiz.answer(answer, seconds))

    def action_skip(self) -> None:
        """Skip the current question: it scores 0 and counts as missed."""
        if not self._waiting:
            self._give(self.quiz.skip)

    def _give(self, give: Callable[[float], AnswerRecord]) -> None:
        self._waiting = True
        seconds = max(self.quiz_app.settings.clock() - self._shown_at, 0.0)
        try:
            record = give(seconds)
        except NotSaved as error:
            record = error.record
            self.notify(
                error.explanation,
                title="Not saved",
                severity="error",
                markup=False,
            )
        session = self.quiz.session
        self._show_status()
        from quizapp.tui.screens.feedback import FeedbackScreen

        self.app.push_screen(
            FeedbackScreen(
                record,
                bank=session.bank,
                kind=session.options.kind,
                bank_title=session.bank.title,
                status=quiz_status(session.index, session.total, session.score, session.max_score),
                last=session.finished,
            ),
            self._after_feedback,
        )
        self.call_later(self._mount_question)

    async def _after_feedback(self, choice: str | None) -> None:
        if choice == "leave" and self.in_progress:
            self.action_leave()
        await self.show_question()

    def _show_results(self) -> None:
        from quizapp.tui.screens.results import ResultsScreen

        self.settle_unsaved(lambda: self.app.switch_screen(ResultsScreen(self.quiz)))

    def action_leave(self) -> None:
        """Go back to Home after asking; the answers given so far are kept."""
        self.confirm_leave(lambda: self.app.pop_screen())

    def confirm_leave(self, then: Callable[[], object]) -> None:
        """Ask whether to leave the quiz; call ``then`` if the answer is yes
        (once any unsaved answers are saved or exported).

        A quiz left before its first answer is not kept."""
        from quizapp.tui.dialogs.confirm import ConfirmDialog
        from quizapp.tui.dialogs.unsaved import UnsavedAnswersDialog

        if not self.in_progress:
            then()
            return
        if isinstance(self.app.screen, ConfirmDialog | UnsavedAnswersDialog):
            return  # already asking
        session = self.quiz.session
        if session.finished:
            self.settle_unsaved(then)
            return
        answered = session.index
        if not answered:
            message = Content("No question is answered yet, so this quiz will not be kept.")
        elif self.quiz.unsaved:
            message = Content(
                f"You answered {answered} of {session.total} questions; "
                f"{len(self.quiz.unsaved)} of your answers could not be saved yet."
            )
        else:
            message = Content(
                f"You answered {answered} of {session.total} questions; your "
                "answers are saved. Resume the quiz from Home with r, or discard it there with x."
            )

        def leave(confirmed: bool | None) -> None:
            if confirmed:
                self.settle_unsaved(then)

        self.app.push_screen(
            ConfirmDialog("Leave this quiz?", message, yes="Leave", no="Stay"), leave
        )

    def settle_unsaved(self, then: Callable[[], object]) -> None:
        """Save the answers not saved yet, then call ``then``; when the store
        still fails, ask whether to retry or export them as JSON first."""
        from quizapp.tui.dialogs.unsaved import UnsavedAnswersDialog, UnsavedChoice

        if not self.quiz.unsaved:
            then()
            return
        count = len(self.quiz.unsaved)
        try:
            self.quiz.save_unsaved()
        except StoreError as error:
            reason = str(error)
        else:
            self.notify(f"{count} unsaved answer{'s are' if count != 1 else ' is'} saved now.")
            then()
            return

        def chosen(choice: UnsavedChoice | None) -> None:
            if choice == "retry":
                self.settle_unsaved(then)
            elif choice == "export":
                self._export_unsaved(then)

        self.app.push_screen(UnsavedAnswersDialog(count, reason), chosen)

    def _export_unsaved(self, then: Callable[[], object]) -> None:
        app = self.quiz_app
        target = unsaved_path(app.settings.data_dir, self.quiz.session.bank.id, app.settings.now())
        try:
            path = self.quiz.export_unsaved(target)
        except OSError as error:
            self.notify(
                f"The answers could not be exported: {error}", severity="error", markup=False
            )
            return
        self.quiz.unsaved.clear()
        self.notify(f"Your unsaved answers are in {path}.", timeout=10, markup=False)
        then()
