"""``quizapp preview BANK.toml``: the bank as students see it, reloaded on save.

Opens the TUI on one bank file: every question (generated ones included) as
a quiz shows it, to answer without recording anything, with the answer,
explanation and source a key away. Each time the file is saved it is loaded
again: the preview shows the new problems as ``path:line:col: message``, or
the questions that changed. A file with errors still opens, showing them.

Exit status: 0 after quitting, 1 the scores database cannot be used,
2 a usage error (no such file, a folder, an empty player name). Textual is
imported only once the arguments are good.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from quizapp import paths
from quizapp.commands import EXIT_USAGE, error
from quizapp.files import FileProblem, stat_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``quizapp preview``."""
    parser.add_argument("bank", type=Path, metavar="BANK.toml", help="the bank file to preview")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="where scores and settings are kept, for the statistics view and the theme "
        "(default: the user data dir; QUIZAPP_DATA_DIR overrides)",
    )
    parser.add_argument(
        "--player",
        metavar="NAME",
        help="the statistics view shows this player's answers (default: everyone's)",
    )


def _usage_error(message: str) -> int:
    error("preview", f"error: {message}")
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    """Check the arguments, then run the preview until the user quits."""
    bank: Path = args.bank.expanduser()
    try:
        if stat_path(bank).is_folder:
            return _usage_error(f"{bank} is a folder; name one bank file (*.toml)")
    except FileProblem as problem:
        if problem.missing:
            return _usage_error(f"no such bank file: {bank}")
        return _usage_error(f"{bank}: {problem}")
    player: str | None = None
    if args.player is not None:
        player = args.player.strip()
        if not player:
            return _usage_error("--player needs a name")
    data_dir: Path = args.data_dir.expanduser() if args.data_dir else paths.data_dir()

    from quizapp.tui.preview import run_preview  # Textual is imported only here

    return run_preview(bank, data_dir=data_dir, stats_player=player)
