"""Starting the TUI from the command line (``quizapp [PATH ...]``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp import paths
from quizapp.tui.app import QuizApp, create_app
from quizapp.tui.settings import AppSettings, remembered_theme

if TYPE_CHECKING:
    from textual.app import AutopilotCallbackType

    from quizapp.model import LoadResult
    from quizapp.store import ScoreStore


class LaunchError(Exception):
    """The TUI cannot start; the message says why, for the user."""


def build_app(args: argparse.Namespace) -> QuizApp:
    """Build the app from parsed arguments (``paths``, ``data_dir``,
    ``player``, ``no_shipped``). Once Home is on screen, the app opens the
    scores database and loads the banks in a thread: the first frame waits
    for neither. Only the remembered theme is read before.

    The caller closes ``app.store_if_open`` when the app is done.
    """
    player = paths.default_player() if args.player is None else args.player.strip()
    if not player:
        raise LaunchError("--player needs a name")
    data_dir: Path = args.data_dir.expanduser() if args.data_dir else paths.data_dir()
    db_path = paths.scores_db_path(data_dir)
    # Files that are not banks are source texts to show in context.
    bank_paths = [p for p in args.paths if p.suffix == ".toml" or not p.is_file()]
    source_texts = tuple(p for p in args.paths if p not in bank_paths)
    shipped = not args.no_shipped

    def open_store() -> ScoreStore:
        from quizapp.store import ScoreStore

        return ScoreStore.open(db_path)

    def load_banks() -> list[LoadResult]:
        from quizapp.banks import discover_banks

        return discover_banks(bank_paths, shipped=shipped)

    settings = AppSettings(player=player, data_dir=data_dir, source_texts=source_texts)
    return create_app(
        (),
        None,
        settings,
        load_banks=load_banks,
        open_store=open_store,
        remembered_theme=remembered_theme(db_path),
    )


def run_tui(args: argparse.Namespace, *, prepare: Callable[[QuizApp], object] | None = None) -> int:
    """Run the TUI until the user quits; returns the exit status.
    ``prepare`` is given the app before it runs (``quizapp quiz`` asks it
    to start a quiz)."""
    try:
        app = build_app(args)
    except LaunchError as error:
        print(f"quizapp: {error}", file=sys.stderr)
        return 1
    if prepare is not None:
        prepare(app)
    try:
        run_app(app)
    finally:
        store = app.store_if_open
        if store is not None:
            store.close()
    if app.store_error is not None:
        print(f"quizapp: {app.store_error}", file=sys.stderr)
        return 1
    return app.return_code or 0


def run_app(
    app: QuizApp,
    *,
    headless: bool = False,
    auto_pilot: AutopilotCallbackType | None = None,
) -> None:
    """Run ``app`` until it exits, as ``quizapp`` does (``headless`` and
    ``auto_pilot`` are for benchmarks)."""
    app.run(headless=headless, auto_pilot=auto_pilot)
