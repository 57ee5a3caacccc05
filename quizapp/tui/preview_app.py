"""``quizapp preview BANK``: the app that shows one bank file as students
see it, reloaded whenever it is saved (the screen is
`quizapp.tui.screens.bank_preview`; loading and comparing the file,
`quizapp.usecases.watched_bank`). The same app runs ``quizapp draft ARTICLE
--review``: the review of a drafted bank (`quizapp.tui.screens.draft_review`),
then the preview of the bank saved.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import App
from textual.screen import Screen

from quizapp import paths
from quizapp.model import Bank, LoadResult
from quizapp.paths import default_player
from quizapp.store import ScoreStore, StoreError
from quizapp.tui.app import QuizApp
from quizapp.tui.launch import run_app
from quizapp.tui.palette import CHANGE_THEME, HELP, PaletteCommand, QuizCommands
from quizapp.tui.screens.bank_preview import PreviewScreen
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.settings import AppSettings
from quizapp.usecases.watched_bank import POLL_SECONDS, load_preview

if TYPE_CHECKING:
    from quizapp.usecases.draft_review import DraftRequest

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
    PaletteCommand(
        "Statistics", "How students did on each question of the bank", "app.run('statistics')"
    ),
    HELP,
    CHANGE_THEME,
)


class PreviewCommands(QuizCommands):
    """The preview's palette: its screen's commands only while it is on top."""

    commands = PREVIEW_COMMANDS

    def available(self, command: PaletteCommand) -> bool:
        return not command.action.startswith("screen.") or isinstance(self.screen, PreviewScreen)


class PreviewApp(QuizApp):
    """The app of ``quizapp preview`` (the preview screen instead of Home)
    and of ``quizapp draft --review`` (the draft review, then the preview
    of the bank saved). Build it with `create_preview_app` or
    `create_draft_review_app`.

    ``stats_player`` narrows the statistics view to one player (None: everyone).
    """

    # Textual reads the CSS_PATH of pushed screens only, not the first one's,
    # so the app names the style sheets of the screens it starts with.
    # (QuizApp's CSS_PATH is one file: mypy takes its type to be str.)
    CSS_PATH = [  # type: ignore[assignment]  # noqa: RUF012
        "app.tcss",
        "screens/quiz.tcss",
        "screens/bank_preview.tcss",
        "screens/draft_review.tcss",
    ]
    COMMANDS = App.COMMANDS | {PreviewCommands}

    def __init__(
        self,
        first_screen: Callable[[], Screen[None]],
        results: Sequence[LoadResult],
        store: ScoreStore,
        settings: AppSettings,
        *,
        stats_player: str | None = None,
    ) -> None:
        super().__init__(results, store, settings)
        self._first_screen = first_screen
        self.stats_player = stats_player

    def get_default_screen(self) -> Screen[None]:
        return self._first_screen()

    @on(PreviewScreen.BankShown)
    def _bank_shown(self, event: PreviewScreen.BankShown) -> None:
        self.set_results([event.result])

    def open_bank_view(self, view: str, bank: Bank) -> None:
        """As in the quiz app; the statistics show ``stats_player``'s answers."""
        if view == "statistics":
            self.push_screen(StatsScreen(bank, player=self.stats_player))
        else:
            super().open_bank_view(view, bank)


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
    first = load_preview(path)
    return PreviewApp(
        lambda: PreviewScreen(first, path, poll_seconds=poll_seconds),
        [first.result],
        store,
        settings,
        stats_player=stats_player,
    )


def create_draft_review_app(
    request: DraftRequest, store: ScoreStore, settings: AppSettings
) -> PreviewApp:
    """The app of ``quizapp draft ARTICLE --review``: the review of the
    draft (made in a worker once the screen is up), then the preview of the
    bank it saves."""
    from quizapp.tui.screens.draft_review import DraftReviewScreen

    return PreviewApp(lambda: DraftReviewScreen(request), [], store, settings)


def run_preview(path: Path, *, data_dir: Path, stats_player: str | None) -> int:
    """Run the preview until the user quits; returns the exit status."""
    return _run(
        "preview",
        data_dir,
        lambda store, settings: create_preview_app(
            path, store, settings, stats_player=stats_player
        ),
    )


def run_draft_review(request: DraftRequest, *, data_dir: Path) -> int:
    """Run the draft review (then the preview) until the user quits."""
    return _run(
        "draft", data_dir, lambda store, settings: create_draft_review_app(request, store, settings)
    )


def _run(
    command: str, data_dir: Path, make_app: Callable[[ScoreStore, AppSettings], PreviewApp]
) -> int:
    try:
        store = ScoreStore.open(paths.scores_db_path(data_dir))
    except StoreError as error:
        print(f"quizapp {command}: error: {error}", file=sys.stderr)
        return 1
    settings = AppSettings(player=default_player(), data_dir=data_dir)
    app = make_app(store, settings)
    try:
        run_app(app)
    finally:
        store.close()
    return app.return_code or 0
