"""Command line: ``quizapp [PATH ...]`` starts the TUI; sub-commands don't.

Each sub-command lives in ``quizapp/commands/<name>.py`` with two functions,
``add_arguments(parser)`` and ``run(args) -> int``, and is imported only when
it is invoked. Only the TUI path imports Textual, so ``check``, ``scores``
and ``--version`` start in tens of milliseconds.
"""

from __future__ import annotations

import argparse
import importlib
import keyword
import sys
from collections.abc import Sequence
from pathlib import Path

from quizapp import __version__

#: Sub-command name -> one-line help. The module is quizapp.commands.<name>.
COMMANDS: dict[str, str] = {
    "check": "validate bank files and folders; print path:line:col: message for each problem",
    "scores": "print saved scores without starting the TUI",
    "brief": "print a one-page Markdown brief of a bank",
    "new": "write a starter bank with an example of every question type",
    "import": "convert a Moodle GIFT or Aiken file, or a CSV file, into a bank",
    "export": "write a bank as GIFT, Aiken or CSV",
    "stats": "per-question statistics of a bank (tries, facility, time)",
    "preview": "open a bank in the TUI and reload it whenever the file is saved",
}


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """``--data-dir`` and ``--player``, shared by the TUI and several commands."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="where scores and settings are kept (default: the user data dir; "
        "QUIZAPP_DATA_DIR overrides)",
    )
    parser.add_argument(
        "--player",
        metavar="NAME",
        help="whose scores to record and show (default: your login name)",
    )


def _main_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<9} {text}" for name, text in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="quizapp",
        description="A terminal quiz and study app. Without a command, starts the TUI "
        "with the shipped banks, your own banks and any PATH given.",
        epilog=f"commands (quizapp COMMAND --help for details):\n{commands}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"quizapp {__version__}")
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="extra bank files or folders"
    )
    add_common_arguments(parser)
    parser.add_argument(
        "--no-shipped", action="store_true", help="don't load the banks shipped with quizapp"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``quizapp`` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in COMMANDS:
        name = args_list[0]
        # A module cannot be called "import": keywords get a trailing underscore.
        module_name = f"{name}_" if keyword.iskeyword(name) else name
        module = importlib.import_module(f"quizapp.commands.{module_name}")
        parser = argparse.ArgumentParser(prog=f"quizapp {name}", description=COMMANDS[name])
        module.add_arguments(parser)
        args = parser.parse_args(args_list[1:])
        status: int = module.run(args)
        return status
    args = _main_parser().parse_args(args_list)
    from quizapp.tui import collector

    collector.pause()  # while the TUI starts: see quizapp.tui.collector
    from quizapp.tui.launch import run_tui  # Textual is imported only here

    return run_tui(args)
