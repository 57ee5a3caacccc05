"""``quizapp preview BANK``: the app that shows one bank file as students
see it, reloaded whenever it is saved (the screen is
`quizapp.tui.screens.bank_preview`; loading and comparing the file,
`quizapp.usecases.watched_bank`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from quizapp import paths
from quizapp.model import Bank
from quizapp.paths import default_player
from quizapp.store import ScoreStore, StoreError
from quizapp.tui.app import QuizApp
from quizapp.tui.launch import run_app
from quizapp.tui.palette import CHANGE_THEME, HELP, PaletteCommand, QuizCommands
from quizapp.tui.screens.bank_preview import PreviewScreen
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.settings import AppSettings
from quizapp.usecases.watched_bank import POLL_SECONDS, PreviewLoad, load_preview

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
        return PreviewScreen(self.first, self.path, poll_seconds=self.poll_seconds)

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
