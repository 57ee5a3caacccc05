"""``quizapp quiz BANK [--count N] [--tag T] [--plain]``: take a quiz.

On a terminal the TUI opens straight into the quiz. With ``--plain``, or
when standard input or output is not a terminal (a script, a screen reader's
line mode, a slow link), the quiz runs as plain lines: each question with
its numbered choices, a typed answer, the same grading and feedback as the
TUI, and the results. Every answer is saved to the scores database the
moment it is given (the same store and rules as the TUI, through
`quizapp.usecases`), so the end of input or ctrl+c stops the quiz cleanly
with the answers given kept; the TUI can resume it. The plain quiz never
imports Textual; its output goes through `quizapp.commands` (terminal-safe).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TextIO

from quizapp.commands import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    add_common_arguments,
    error,
    find_bank,
    note,
    write_stdout,
)
from quizapp.commands.quiz_answers import (
    NotAnAnswer,
    question_lines,
    read_answer,
    read_gaps,
    read_self_grade,
    self_grade_prompt,
)
from quizapp.model import Answer, Bank, ClozeQuestion, OpenAnswer, OpenQuestion, Question
from quizapp.session import AnswerRecord, QuizOptions
from quizapp.usecases import StoreError, feedback
from quizapp.usecases.formatting import format_percent, format_score
from quizapp.usecases.quiz import NotSaved, RecordedQuiz, unsaved_path

#: What a user types instead of an answer.
SKIP, QUIT = "/skip", "/quit"
#: The exit status after ctrl+c (the shell's for SIGINT).
EXIT_INTERRUPTED = 130


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``quizapp quiz``."""
    parser.add_argument("bank", metavar="BANK", help="a bank id, or the path of a bank file")
    parser.add_argument(
        "--count", type=_positive, metavar="N", help="ask N questions (default: all of them)"
    )
    parser.add_argument("--tag", metavar="TAG", help="only questions with this tag")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="plain lines on standard input and output, no TUI (the default when "
        "either is not a terminal)",
    )
    parser.add_argument(
        "--seed", type=int, metavar="N", help="the same seed asks the same questions in order"
    )
    add_common_arguments(parser)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is less than 1")
    return value


def run(args: argparse.Namespace) -> int:
    """Take the quiz; 0 when it ran (finished or stopped at the end of
    input), 1 for a bank with errors or a scores database that cannot be
    used, 2 for an unknown bank or options that match no question, 130
    after ctrl+c."""
    found = find_bank("quiz", args.bank)
    if isinstance(found, int):
        return found
    options = QuizOptions(tags=(args.tag,) if args.tag else (), count=args.count, seed=args.seed)
    if not args.plain and _is_terminal(sys.stdin) and _is_terminal(sys.stdout):
        return _run_tui(args, found, options)
    return _run_plain(args, found, options)


def _run_tui(args: argparse.Namespace, bank: Bank, options: QuizOptions) -> int:
    """Open the TUI with every bank, and the quiz on ``bank`` on top of Home."""
    from quizapp.tui.launch import run_tui

    given = Path(args.bank)
    tui_args = argparse.Namespace(
        paths=[given] if bank.path is not None and given.is_file() else [],
        data_dir=args.data_dir,
        player=args.player,
        no_shipped=False,
    )
    return run_tui(tui_args, prepare=lambda app: app.start_quiz_when_loaded(bank.id, options))


def _run_plain(args: argparse.Namespace, bank: Bank, options: QuizOptions) -> int:
    from quizapp import paths
    from quizapp.store import ScoreStore

    player = (args.player or paths.default_player()).strip()
    if not player:
        error("quiz", "--player needs a name")
        return EXIT_USAGE
    data_dir: Path = args.data_dir.expanduser() if args.data_dir else paths.data_dir()
    try:
        store = ScoreStore.open(paths.scores_db_path(data_dir))
    except StoreError as problem:
        error("quiz", str(problem))
        return EXIT_ERRORS
    with store:
        if store.warning:
            note(f"quizapp quiz: warning: {store.warning}")
        try:
            quiz = RecordedQuiz.start(store, player, bank, options)
        except ValueError as problem:
            error("quiz", f"the quiz cannot start: {problem}")
            return EXIT_USAGE
        # Typed lines that the terminal does not echo (a file, a pipe) are
        # printed, so that the output reads as a transcript.
        echo = not _is_terminal(sys.stdin)
        return PlainQuiz(quiz, _read_line, write_stdout, data_dir, echo=echo).run()


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except ValueError:  # closed
        return False


def _read_line() -> str | None:
    """A line of standard input without its line break (None at the end of
    input, or when standard input is closed or cannot be read)."""
    if sys.stdin is None:
        return None
    try:
        line = sys.stdin.readline()
    except (OSError, ValueError):  # unreadable, closed, or not text
        return None
    return line.rstrip("\r\n") if line else None


class _Stop(Exception):
    """The user typed /quit, or the input ended."""


class PlainQuiz:
    """Runs a `RecordedQuiz` as lines: ``read`` gives each typed line (None
    at the end of input), ``write`` prints text (made terminal-safe)."""

    def __init__(
        self,
        quiz: RecordedQuiz,
        read: Callable[[], str | None],
        write: Callable[[str], None],
        data_dir: Path,
        *,
        echo: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.quiz = quiz
        self.read = read
        self.write = write
        self.data_dir = data_dir
        #: Print each line read after its prompt.
        self.echo = echo
        self.clock = clock

    def say(self, *lines: str) -> None:
        """Print ``lines``, one per line."""
        self.write("".join(line + "\n" for line in lines))

    def ask(self, prompt: str = "> ") -> str:
        """A typed line; raises `_Stop` at the end of input or on /quit."""
        self.write(prompt)
        line = self.read()
        if self.echo:
            self.write(("" if line is None else line) + "\n")
        if line is None or line.strip() == QUIT:
            raise _Stop
        return line

    def run(self) -> int:
        """Ask every question, then show the results; the exit status."""
        session = self.quiz.session
        count = session.total
        label = feedback.quiz_kind_label(session.options.kind)
        self.say(
            f"{session.bank.title}{f' ({label})' if label else ''}: "
            f"{count} question{'s' if count != 1 else ''}. "
            f"Type {SKIP} to skip a question, {QUIT} to stop (your answers are kept).",
        )
        try:
            while (question := session.current) is not None:
                self.ask_question(question)
        except _Stop:
            return self.stop("Stopped", EXIT_OK)
        except KeyboardInterrupt:
            return self.stop("\nInterrupted", EXIT_INTERRUPTED)
        self.show_results()
        return self.settle_unsaved(EXIT_OK)

    def ask_question(self, question: Question) -> None:
        """Show the current question, read an answer (or a skip) and show the feedback."""
        session = self.quiz.session
        display = session.display_choices(question)
        score = format_score(session.score, session.max_score)
        self.say("", f"Question {session.number} of {session.total} (score {score})")
        self.say(*question_lines(question, display))
        started = self.clock()
        while True:
            line = self.ask()
            if line.strip() == SKIP:
                self.give(self.quiz.skip, started)
                return
            answer: Answer
            try:
                if isinstance(question, ClozeQuestion):
                    answer = self.read_cloze(question, line)
                elif isinstance(question, OpenQuestion):
                    answer = self.read_open(question, line)
                else:
                    answer = read_answer(question, display, line)
            except NotAnAnswer as problem:
                self.say(str(problem))
                continue
            self.give(partial(self.quiz.answer, answer), started)
            return

    def read_cloze(self, question: ClozeQuestion, first: str) -> tuple[str, ...]:
        """The gaps, the first already typed; the others asked one by one."""
        lines = [first]
        for number in range(2, len(question.gaps) + 1):
            lines.append(self.ask(f"gap {number}> "))
        return read_gaps(lines)

    def read_open(self, question: OpenQuestion, written: str) -> OpenAnswer:
        """Show the model answer, then read the student's grade of their answer."""
        self.say(f"Model answer: {question.model_answer}")
        if question.key_points:
            self.say("A good answer covers:", *(f"  • {point}" for point in question.key_points))
        self.say(self_grade_prompt())
        while True:
            try:
                return OpenAnswer(read_self_grade(self.ask()), written.strip())
            except NotAnAnswer as problem:
                self.say(str(problem))

    def give(self, give: Callable[[float], AnswerRecord], started: float) -> None:
        """Grade and save the answer, then show its feedback."""
        seconds = max(self.clock() - started, 0.0)
        try:
            record = give(seconds)
        except NotSaved as problem:
            record = problem.record
            self.say(problem.explanation)
        self.show_feedback(record)

    def show_feedback(self, record: AnswerRecord) -> None:
        """The verdict, the answers, the explanation and the source."""
        question = record.question
        # An open question's model answer was shown before it was graded.
        answers = feedback.answer_lines(record, model_answer=False)
        lines = [feedback.verdict(record.grade), *answers]
        self.say(feedback.plain(lines))
        points = feedback.key_points(question)
        if points and record.grade.skipped:
            self.say("A good answer covers:", *(f"  • {point}" for point in points))
        if question.explanation:
            self.say(question.explanation)
        if question.source:
            source = (feedback.Span("From the source: "), feedback.Span(question.source, "quote"))
            self.say(feedback.plain([source]))

    def show_results(self) -> None:
        """The score, the time, the score per tag and every missed question."""
        session = self.quiz.session
        self.say("", "Results", feedback.plain(feedback.summary_lines(session)))
        tags = session.per_tag()
        if tags:
            self.say("By tag:")
            self.say(
                *(
                    f"  {tag.tag}: {format_score(tag.score, tag.max_score)} "
                    f"({format_percent(tag.percent)})"
                    for tag in tags
                )
            )
        missed = session.missed()
        self.say(f"Missed questions ({len(missed)}):" if missed else "Nothing missed. Well done!")
        for record in missed:
            mark = feedback.missed_mark(record.grade).text
            first, *rest = feedback.plain(feedback.missed_lines(record)).splitlines()
            self.say(f"{mark} {first}", *(f"  {line}" for line in rest))

    def stop(self, why: str, status: int) -> int:
        """Say how far the quiz got and what was kept; the exit status."""
        session = self.quiz.session
        answered = session.index
        if not answered:
            self.say("", f"{why} before the first answer: nothing was saved.")
            return status
        self.say(
            "",
            f"{why} after {answered} of {session.total} questions "
            f"(score {format_score(session.score, session.max_score)}). Your answers are "
            "kept: resume this quiz in quizapp (r on Home).",
        )
        return self.settle_unsaved(status)

    def settle_unsaved(self, status: int) -> int:
        """Save the answers not saved yet; when the store still fails, write
        them to a JSON file in the data folder and say where."""
        if not self.quiz.unsaved:
            return status
        try:
            self.quiz.save_unsaved()
        except StoreError as problem:
            target = unsaved_path(self.data_dir, self.quiz.session.bank.id, self.quiz.now())
            try:
                path = self.quiz.export_unsaved(target)
            except OSError as failure:
                error("quiz", f"{len(self.quiz.unsaved)} answers are lost: {problem}; {failure}")
                return EXIT_ERRORS
            error("quiz", f"the answers could not be saved ({problem}); they are in {path}")
            return EXIT_ERRORS
        return status
