"""Preview: a bank file's questions as students see them, reloaded on every save.

Each question is shown with the quiz's own question view and answer widget,
in a quiz's order, choices shuffled as in a quiz. An answer is graded as in
a quiz but never recorded. The file is looked at every `POLL_SECONDS`; a
save that breaks the bank shows its problems above the last version that
loaded, and a save that loads marks the questions it changed.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quizapp.grading import bank_terms, grade_answer
from quizapp.model import (
    Bank,
    BankError,
    ClozeQuestion,
    MatchQuestion,
    NumberQuestion,
    OpenQuestion,
    Question,
    TextQuestion,
    question_answer_text,
)
from quizapp.session import AnswerRecord
from quizapp.tui.screens.base import AppScreen
from quizapp.tui.screens.feedback import answer_lines, verdict_content
from quizapp.tui.text import literal, literal_line, one_line
from quizapp.tui.widgets.answer import AnswerWidget
from quizapp.tui.widgets.factory import mount_question
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.question_view import QuestionView, quote_content
from quizapp.tui.widgets.title_bar import TitleBar
from quizapp.usecases.formatting import format_points
from quizapp.usecases.watched_bank import (
    POLL_SECONDS,
    PreviewLoad,
    QuestionChanges,
    compare_questions,
    file_stamp,
    load_preview,
)

#: Marks a question changed or added by the last save in the question list.
CHANGED_MARK = "●"
#: Marks a question the bank has warnings about in the question list.
WARNING_MARK = "!"


def _mode_line(mode: str) -> Content:
    return Content.styled(f"Typed answers compared in {mode} mode", "dim")


#: Shown under an open question, which has no answer to check.
OPEN_NOTE = (
    "An open question: students write or think through an answer, then see the "
    "model answer and key points and grade themselves. ctrl+l shows them."
)


def accepted_lines(question: Question) -> list[Content]:
    """What else there is to the answer: text alternatives and match mode,
    cloze gap alternatives, a number's tolerance, a match question's
    distractors, an open question's key points."""
    match question:
        case OpenQuestion(key_points=points) if points:
            return [
                Content.styled("Key points:", "dim"),
                *(Content.assemble("• ", literal_line(point)) for point in points),
            ]
        case MatchQuestion(distractors=distractors) if distractors:
            return [
                Content.assemble(
                    ("Distractors (match nothing): ", "dim"),
                    literal_line("; ".join(distractors)),
                )
            ]
        case TextQuestion(accept=accept, match=mode):
            lines = [Content.assemble(("Also accepted: ", "dim"), literal_line("; ".join(accept)))]
            return [*(lines if accept else []), _mode_line(mode)]
        case ClozeQuestion(gaps=gaps, match=mode):
            lines = [
                Content.assemble(
                    (f"Gap {number}: ", "dim"),
                    literal_line(" | ".join((gap.answer, *gap.accept))),
                )
                for number, gap in enumerate(gaps, 1)
            ]
            return [*lines, _mode_line(mode)]
        case NumberQuestion(tolerance=tolerance, unit=unit) if tolerance:
            return [literal_line(f"Within ± {tolerance:g} {unit}", "dim")]
    return []


def question_facts(question: Question) -> Content:
    """``id system · choice · tags: context · difficulty 1 · 1 point · line 14``
    (or ``generated from`` the facts it is about)."""
    parts = [Content.assemble("id ", literal_line(question.id)), Content(str(question.type))]
    if question.tags:
        parts.append(Content.assemble("tags: ", literal_line(", ".join(question.tags))))
    points = format_points(question.points)
    parts.append(Content(f"difficulty {question.difficulty}"))
    parts.append(Content(f"{points} point{'s' if question.points != 1 else ''}"))
    if question.generated:
        about = ", ".join(question.about)
        parts.append(Content.assemble("generated from ", literal_line(about or "the facts")))
    else:
        parts.append(Content(f"line {question.line}"))
    return Content(" · ").join(parts).stylize("dim")


def question_option(number: int, question: Question, *, marked: bool, warned: bool) -> Content:
    """One row of the question list: ``●! 3 system`` (changed, has warnings)."""
    return Content.assemble(
        (CHANGED_MARK if marked else " ", "bold $warning"),
        (WARNING_MARK if warned else " ", "bold $warning"),
        (f"{number:>3} ", "dim"),
        literal_line(question.id),
    )


def problems_content(load: PreviewLoad, *, shown_version: bool) -> Content:
    """What is wrong with the file as a whole, as ``path:line:col: message``
    lines: every error of a file that did not load, or the warnings of a
    bank that are not about one question."""
    result = load.result
    if isinstance(result, BankError):
        errors = [p for p in result.problems if p.severity == "error"]
        warnings = len(result.problems) - len(errors)
        heading = f"✗ The saved file has {len(errors)} error{'s' if len(errors) != 1 else ''}"
        if warnings:
            heading += f" (and {warnings} warning{'s' if warnings != 1 else ''})"
        heading += (
            "; the last version that loaded is shown below."
            if shown_version
            else ". Fix the file and save it: the preview reloads."
        )
        lines = [Content.styled(heading, "bold $error")]
        lines += [literal(str(problem), "$error") for problem in errors]
    else:
        lines = [literal(str(problem), "$warning") for problem in load.bank_warnings()]
    return Content("\n").join(lines)


#: The footer shows the previous and next keys together: "pgup pgdn Question".
_MOVE = Binding.Group("Question")


class PreviewScreen(AppScreen[None]):
    """One question at a time from the previewed bank, with the question
    list on the left and the file's problems (if any) on top."""

    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = [
        "quiz.tcss",
        "bank_preview.tcss",
    ]

    #: The screen has the class ``-narrow`` below 80 columns. (Textual
    #: declares it so that it cannot be annotated as a ClassVar here.)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+b,pageup",
            "move(-1)",
            "Previous",
            tooltip="The previous question of the bank",
            priority=True,
            group=_MOVE,
            id="preview.previous",
        ),
        Binding(
            "ctrl+n,pagedown",
            "move(1)",
            "Next",
            tooltip="The next question of the bank",
            priority=True,
            group=_MOVE,
            id="preview.next",
        ),
        Binding(
            "ctrl+l",
            "reveal",
            "Answer",
            tooltip="Show or hide the answer, the explanation and the source",
            priority=True,
            id="preview.reveal",
        ),
        Binding(
            "ctrl+t",
            "try_again",
            "Try again",
            tooltip="Clear your answer and answer the question again",
            priority=True,
            id="preview.try_again",
        ),
        Binding(
            "ctrl+o",
            "statistics",
            "Statistics",
            tooltip="How students did on each question of the bank",
            show=False,
            priority=True,
            id="preview.statistics",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            tooltip="Back to the screen the preview was opened from",
            id="preview.back",
        ),
        Binding(
            "ctrl+r",
            "reload",
            "Reload",
            tooltip="Load the file again now (it reloads by itself when saved)",
            show=False,
            priority=True,
            id="preview.reload",
        ),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("tab / shift+tab", "Between the question list and the answer"),
        ("↑ ↓ in the list", "Show another question; ⏎ to answer it"),
    )

    class BankShown(Message):
        """The preview shows a new version of the bank file (it loaded)."""

        def __init__(self, result: Bank) -> None:
            super().__init__()
            self.result = result

    class Loaded(Message):
        """The file was loaded again, and compared with the questions shown
        (posted from the loading thread)."""

        def __init__(self, load: PreviewLoad, changes: QuestionChanges) -> None:
            super().__init__()
            self.load = load
            self.changes = changes

    def __init__(
        self,
        first: PreviewLoad,
        path: Path,
        *,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        super().__init__()
        self.path = path
        self.poll_seconds = poll_seconds
        #: The latest load, which may be a broken file.
        self.latest = first
        #: The latest load that gave a bank: the one shown.
        self.shown: PreviewLoad | None = first if first.bank is not None else None
        #: Questions changed or added by the last save that loaded.
        self.changes = QuestionChanges()
        #: How many times the file was loaded again since the screen opened.
        self.reloads = 0
        self.index = 0
        self._stamp = first.stamp
        self._answer: AnswerWidget | None = None
        self._revealed = False

    @property
    def bank_in_view(self) -> Bank | None:
        """The version of the bank on screen (None until the file loads)."""
        return self.shown.bank if self.shown is not None else None

    @property
    def question(self) -> Question | None:
        """The question on screen."""
        questions = self.shown.questions if self.shown else ()
        return questions[self.index] if 0 <= self.index < len(questions) else None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="preview"):
            yield OptionList(id="preview-questions")
            with Vertical(id="preview-main"):
                with VerticalScroll(id="preview-problems"):
                    yield Static(id="preview-problem-list")
                yield Static(id="preview-status", classes="quiz-bar")
                with VerticalScroll(id="preview-area"):
                    yield Static(id="preview-changed")
                    yield Vertical(id="preview-question")
                    yield Static(id="preview-verdict")
                    yield Static(id="preview-details")
        yield KeysFooter()

    async def on_mount(self) -> None:
        self.sub_title = one_line(f"preview · {self.path}")
        self._show_problems()
        self._fill_list()
        await self.show_question(focus=True)
        self.set_interval(self.poll_seconds, self.check_file, name="preview-poll")
        if self.shown is not None and self.shown.bank is not None:
            self.post_message(self.BankShown(self.shown.bank))

    # ------------------------------------------------------------ reloading

    def check_file(self) -> None:
        """Load the file again if it was saved (or removed) since the last load."""
        stamp = file_stamp(self.path)
        if stamp != self._stamp:
            self._stamp = stamp
            self._load(self.shown.questions if self.shown else ())

    @work(thread=True, exclusive=True, exit_on_error=False, group="preview-load")
    def _load(self, shown: tuple[Question, ...]) -> None:
        # Loading and comparing a big bank takes a while: not on the app's thread.
        load = load_preview(self.path)
        # Against nothing (a file broken until now), every question would be "added".
        compare = load.bank is not None and bool(shown)
        changes = compare_questions(shown, load.questions) if compare else QuestionChanges()
        self.post_message(self.Loaded(load, changes))

    @on(Loaded)
    async def _loaded(self, event: Loaded) -> None:
        event.stop()
        if event.load.stamp != self._stamp:
            return  # saved again while loading: the next look at the file loads it again
        await self.apply_load(event.load, event.changes)

    async def apply_load(self, load: PreviewLoad, changes: QuestionChanges) -> None:
        """Show a new load of the file: its problems, or its questions with
        the ``changes`` from the questions shown marked, staying on the same
        question."""
        self.reloads += 1
        self.latest = load
        if load.bank is None:
            self._show_problems()
            problems = load.result.problems if isinstance(load.result, BankError) else ()
            count = sum(problem.severity == "error" for problem in problems)
            self.notify(
                f"The saved file has {count} error{'s' if count != 1 else ''}.",
                title="Not reloaded",
                severity="error",
                markup=False,
            )
            self.refresh_bindings()
            return
        if load.bank is not None:
            self.post_message(self.BankShown(load.bank))
        current = self.question
        had_version = self.shown is not None
        self.changes = changes
        self.shown = load
        ids = [question.id for question in load.questions]
        if current is not None and current.id in ids:
            self.index = ids.index(current.id)
        else:
            self.index = min(self.index, max(len(ids) - 1, 0))
        self._show_problems()
        self._fill_list()
        if current is None or current.id not in ids or current.id in self.changes.changed:
            # The teacher is editing this question: keep its answer shown if it was.
            await self.show_question(focus=not self._list_has_focus(), keep_reveal=True)
        else:
            self._show_status()
            self._show_changed_label()
        if had_version:
            summary = self.changes.summary().capitalize() + "."
        else:
            count = len(load.questions)
            summary = f"The bank loads: {count} question{'s' if count != 1 else ''}."
        self.notify(summary, title="Reloaded", markup=False)
        self.refresh_bindings()

    def action_reload(self) -> None:
        """Load the file again now."""
        self._stamp = file_stamp(self.path)
        self._load(self.shown.questions if self.shown else ())

    def _list_has_focus(self) -> bool:
        return self.query_one("#preview-questions", OptionList).has_focus

    # ------------------------------------------------------------ showing

    def _show_problems(self) -> None:
        panel = self.query_one("#preview-problems", VerticalScroll)
        result = self.latest.result
        has_problems = isinstance(result, BankError) or bool(self.latest.bank_warnings())
        panel.display = has_problems
        if has_problems:
            self.query_one("#preview-problem-list", Static).update(
                problems_content(self.latest, shown_version=self.shown is not None)
            )
        panel.set_class(isinstance(result, BankError), "-errors")
        if self.shown is not None and self.shown.bank is not None:
            self.title = one_line(self.shown.bank.title)
        else:
            self.title = one_line(self.path.name)

    def _fill_list(self) -> None:
        shown = self.shown
        questions = shown.questions if shown else ()
        marked = self.changes.marked
        option_list = self.query_one("#preview-questions", OptionList)
        option_list.set_options(
            Option(
                question_option(
                    number,
                    question,
                    marked=question.id in marked,
                    warned=shown is not None and bool(shown.question_warnings(question)),
                )
            )
            for number, question in enumerate(questions, 1)
        )
        if questions:
            option_list.highlighted = self.index

    def _show_status(self) -> None:
        status = self.query_one("#preview-status", Static)
        question = self.question
        if self.shown is None or question is None:
            status.update(Content.styled("No question to show yet.", "dim"))
            return
        total = len(self.shown.questions)
        where = "generated" if question.generated else f"line {question.line}"
        lines = [
            Content.assemble(
                (f"Question {self.index + 1} of {total}", "bold"),
                f" · {question.type} · {where}",
            )
        ]
        lines += [literal(str(w), "$warning") for w in self.shown.question_warnings(question)]
        status.update(Content("\n").join(lines))

    async def show_question(self, *, focus: bool, keep_reveal: bool = False) -> None:
        """Show the current question afresh and unanswered, its answer hidden
        unless ``keep_reveal`` and it was shown; ``focus`` moves the keyboard
        to its answer widget."""
        self._show_status()
        self._show_changed_label()
        self._revealed = keep_reveal and self._revealed
        holder = self.query_one("#preview-question", Vertical)
        self._answer = None
        self.query_one("#preview-verdict", Static).display = False
        self._show_details()
        question = self.question
        if question is None or self.shown is None or self.shown.session is None:
            await holder.remove_children()
            return
        if isinstance(question, OpenQuestion):
            # Nothing to grade: the question, and its model answer a key away.
            await holder.remove_children()
            note = Static(Content.styled(OPEN_NOTE, "dim"), id="preview-open-note")
            await holder.mount(QuestionView(question, id="question"), note)
            self.query_one("#preview-area", VerticalScroll).scroll_home(animate=False)
            return
        widget = await mount_question(
            holder,
            question,
            self.shown.session.display_choices(question),
            cursor_blink=self.quiz_app.settings.cursor_blink,
            footer_keys=False,  # the preview's own keys fill its footer
        )
        self._answer = widget
        self.query_one("#preview-area", VerticalScroll).scroll_home(animate=False)
        if focus:
            widget.focus_answer()

    def _show_changed_label(self) -> None:
        label = self.query_one("#preview-changed", Static)
        question = self.question
        label.display = question is not None and question.id in self.changes.marked
        label.update(Content.styled(f"{CHANGED_MARK} Changed in the last save", "bold $warning"))

    def _show_details(self) -> None:
        question = self.question
        details = self.query_one("#preview-details", Static)
        details.display = self._revealed and question is not None
        if question is None:
            return
        lines = [
            Content.assemble(
                ("Model answer: " if isinstance(question, OpenQuestion) else "Answer: ", "bold"),
                literal(question_answer_text(question), "bold"),
            ),
            *accepted_lines(question),
        ]
        if question.explanation:
            lines += [Content(""), literal(question.explanation)]
        if question.source:
            lines += [
                Content(""),
                Content.styled("From the source", "bold dim"),
                quote_content(question.source),
            ]
        lines += [Content(""), question_facts(question)]
        details.update(Content("\n").join(lines))

    # ------------------------------------------------------------ events

    @on(OptionList.OptionHighlighted, "#preview-questions")
    async def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index != self.index:
            self.index = event.option_index
            await self.show_question(focus=False)

    @on(OptionList.OptionSelected, "#preview-questions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self._answer is not None:
            self._answer.focus_answer()

    @on(AnswerWidget.Answered)
    def _answered(self, event: AnswerWidget.Answered) -> None:
        event.stop()
        question = self.question
        if question is None or event.widget is not self._answer:
            return
        terms = bank_terms(self.bank_in_view) if self.bank_in_view is not None else None
        record = AnswerRecord(question, grade_answer(question, event.answer, terms), 0.0)
        verdict = self.query_one("#preview-verdict", Static)
        verdict.update(Content("\n").join([verdict_content(record), answer_lines(record)]))
        verdict.display = True
        self._revealed = True
        self._show_details()

    # ------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("move", "reveal", "try_again"):
            return self.question is not None
        if action == "statistics":
            return self.shown is not None
        if action == "back":
            # Over Home (opened after a draft review); `quizapp preview` has nothing below.
            return self.app.screen_stack[0] is not self
        return True

    def action_back(self) -> None:
        """Back to the screen below."""
        self.dismiss()

    async def action_move(self, step: int) -> None:
        """Show the next (1) or previous (-1) question, stopping at the ends."""
        total = len(self.shown.questions) if self.shown else 0
        index = min(max(self.index + step, 0), total - 1)
        if total and index != self.index:
            self.index = index
            self.query_one("#preview-questions", OptionList).highlighted = index
            await self.show_question(focus=True)

    def action_reveal(self) -> None:
        """Show or hide the answer, accepted alternatives, explanation and source."""
        self._revealed = not self._revealed
        self._show_details()

    async def action_try_again(self) -> None:
        """Show the question unanswered again."""
        await self.show_question(focus=True)

    def action_statistics(self) -> None:
        """How students did on each question of this bank."""
        bank = self.bank_in_view
        if bank is not None:
            self.quiz_app.open_bank_view("statistics", bank)
