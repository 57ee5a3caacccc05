"""``quizapp preview BANK``: one bank file, shown as students see it, reloaded
whenever it is saved.

The parts without widgets are here: noticing that the file changed
(`FileStamp`), loading it (`load_preview`), and telling what changed between
two loads (`compare_questions`). The screen is `quizapp.tui.screens.preview`.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from quizapp import paths
from quizapp.banks import load_bank
from quizapp.model import Bank, BankProblem, LoadResult, Question
from quizapp.session import QuizOptions, QuizSession
from quizapp.store import ScoreStore, StoreError, default_player
from quizapp.tui.app import QuizApp
from quizapp.tui.commands import CHANGE_THEME, HELP, PaletteCommand, QuizCommands
from quizapp.tui.launch import run_app
from quizapp.tui.settings import AppSettings

#: How often the file is looked at, in seconds.
POLL_SECONDS = 0.5
#: Choices are shuffled as in a quiz, always with this seed, so that a
#: question keeps its order of choices from one save to the next.
PREVIEW_SEED = 0


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What changes when a file is saved: its modification time, size and
    inode (editors that save by writing a new file and renaming it change
    the inode, possibly nothing else)."""

    mtime_ns: int
    size: int
    inode: int


def file_stamp(path: Path) -> FileStamp | None:
    """The stamp of ``path`` now, or None when it cannot be looked at
    (missing, for instance halfway through an editor's save)."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return FileStamp(status.st_mtime_ns, status.st_size, status.st_ino)


@dataclass(frozen=True, slots=True)
class PreviewLoad:
    """One load of the previewed file: the result and, for a bank, its
    questions in quiz order (hand-written, then generated)."""

    stamp: FileStamp | None
    result: LoadResult
    session: QuizSession | None

    @property
    def bank(self) -> Bank | None:
        """The bank, or None when the file has errors."""
        return self.result if isinstance(self.result, Bank) else None

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question a quiz on the bank can ask (none for a broken file)."""
        return self.session.questions if self.session is not None else ()

    def question_warnings(self, question: Question) -> tuple[BankProblem, ...]:
        """The bank's warnings about ``question`` (located at its table)."""
        if self.bank is None or question.generated:
            return ()
        return tuple(w for w in self.bank.warnings if w.location.line == question.line)

    def bank_warnings(self) -> tuple[BankProblem, ...]:
        """The bank's warnings that are not about one of its questions."""
        if self.bank is None:
            return ()
        lines = {question.line for question in self.bank.questions}
        return tuple(w for w in self.bank.warnings if w.location.line not in lines)


def load_preview(path: Path) -> PreviewLoad:
    """Load ``path`` for the preview; never raises for a bad file."""
    stamp = file_stamp(path)
    result = load_bank(path)
    session = None
    if isinstance(result, Bank):
        options = QuizOptions(shuffle=False, seed=PREVIEW_SEED)
        session = QuizSession.from_bank(result, options)
    return PreviewLoad(stamp, result, session)


@dataclass(frozen=True, slots=True)
class QuestionChanges:
    """Question ids changed, added and removed between two loads, in bank order."""

    changed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changed or self.added or self.removed)

    @property
    def marked(self) -> frozenset[str]:
        """The questions to highlight: changed or new."""
        return frozenset((*self.changed, *self.added))

    def summary(self) -> str:
        """``question 'a' changed; 2 added: 'b', 'c'`` (or ``no question changed``)."""
        parts = []
        for verb, ids in (("changed", self.changed), ("added", self.added)):
            parts.extend(_describe(verb, ids))
        parts.extend(_describe("removed", self.removed))
        return "; ".join(parts) if parts else "no question changed"


def _describe(verb: str, ids: Sequence[str]) -> list[str]:
    if not ids:
        return []
    if len(ids) == 1:
        return [f"question '{ids[0]}' {verb}"]
    shown = ", ".join(f"'{question_id}'" for question_id in ids[:3])
    more = f" and {len(ids) - 3} more" if len(ids) > 3 else ""
    return [f"{len(ids)} questions {verb}: {shown}{more}"]


def _differ(before: Question, after: Question) -> bool:
    if before == after:
        return False
    # Editing a question moves the ones below it in the file: that is no change.
    return before.line == after.line or dataclasses.replace(before, line=after.line) != after


def compare_questions(old: Sequence[Question], new: Sequence[Question]) -> QuestionChanges:
    """What differs between two versions of a bank's questions, by id."""
    before = {question.id: question for question in old}
    after_ids = {question.id for question in new}
    changed = [q.id for q in new if q.id in before and _differ(before[q.id], q)]
    added = [q.id for q in new if q.id not in before]
    removed = [q.id for q in old if q.id not in after_ids]
    return QuestionChanges(tuple(changed), tuple(added), tuple(removed))


# ------------------------------------------------------------------- the app

#: The palette of the preview; ``screen.`` actions are the preview screen's own.
PREVIEW_COMMANDS: tuple[PaletteCommand, ...] = (
    PaletteCommand("Next question", "Show the bank's next question", "screen.move(1)"),
    PaletteCommand("Previous question", "Show the bank's previous question", "screen.move(-1)"),
    PaletteCommand(
        "Show answer", "Show or hide the answer, explanation and source", "screen.reveal"
    ),
    PaletteCommand("Try again", "Clear your answer and answer again", "screen.try_again"),
    PaletteCommand("Reload", "Load the bank file again now", "screen.reload"),
    PaletteCommand("Statistics", "How students did on each question of the bank", "app.statistics"),
    HELP,
    CHANGE_THEME,
)


class PreviewCommands(QuizCommands):
    """The preview's palette: its screen's commands only while it is on top."""

    commands = PREVIEW_COMMANDS

    def available(self, command: PaletteCommand) -> bool:
        from quizapp.tui.screens.preview import PreviewScreen

        return not command.action.startswith("screen.") or isinstance(self.screen, PreviewScreen)


class PreviewApp(QuizApp):
    """The app of ``quizapp preview``: the preview screen instead of Home.

    ``stats_player`` narrows the statistics view to one player (None: everyone).
    """

    COMMANDS = App.COMMANDS | {PreviewCommands}

    def __init__(
        self,
        first: PreviewLoad,
        path: Path,
        store: ScoreStore,
        settings: AppSettings,
        *,
        stats_player: str | None = None,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        super().__init__([first.result], store, settings)
        self.first = first
        self.path = path
        self.stats_player = stats_player
        self.poll_seconds = poll_seconds

    def get_default_screen(self) -> Screen[None]:
        from quizapp.tui.screens.preview import PreviewScreen

        return PreviewScreen(self.first, self.path, poll_seconds=self.poll_seconds)

    def open_bank_view(self, view: str, bank: Bank) -> None:
        """As in the quiz app; the statistics show ``stats_player``'s answers."""
        if view == "statistics":
            from quizapp.tui.screens.stats import StatsScreen

            self.push_screen(StatsScreen(bank, player=self.stats_player))
        else:
            super().open_bank_view(view, bank)

    def replace_result(self, result: LoadResult) -> None:
        """Make a new load of the file the app's only bank (or bank error)."""
        self.set_results([result])


def create_preview_app(
    path: Path,
    store: ScoreStore,
    settings: AppSettings,
    *,
    stats_player: str | None = None,
    poll_seconds: float = POLL_SECONDS,
) -> PreviewApp:
    """The preview app on the bank file ``path``, loaded once now; used by
    the command line and the tests."""
    return PreviewApp(
        load_preview(path),
        path,
        store,
        settings,
        stats_player=stats_player,
        poll_seconds=poll_seconds,
    )


def run_preview(path: Path, *, data_dir: Path, stats_player: str | None) -> int:
    """Run the preview until the user quits; returns the exit status."""
    try:
        store = ScoreStore.open(paths.scores_db_path(data_dir))
    except StoreError as error:
        print(f"quizapp preview: error: {error}", file=sys.stderr)
        return 1
    settings = AppSettings(player=default_player(), data_dir=data_dir)
    app = create_preview_app(path, store, settings, stats_player=stats_player)
    try:
        run_app(app)
    finally:
        store.close()
    return app.return_code or 0
