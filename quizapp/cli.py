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
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from quizapp import __version__
from quizapp.commands import (
    EXIT_ERRORS,
    EXIT_USAGE,
    OutputError,
    add_common_arguments,
    error,
    flush_stdout,
    looks_like_path,
    note,
)

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
    "draft": "draft a bank (actors, dates, quotes with excerpts) from an article",
    "grade": "show how an answer to one question would be graded, and why",
    "quiz": "take a quiz on a bank: in the TUI, or as plain lines (--plain)",
    "doctor": "examine the scores database; repair it, or restore a backup",
}


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
        return _run_command(args_list[0], args_list[1:])
    if args_list and _is_unknown_command(args_list[0]):
        return EXIT_USAGE
    args = _parse(_main_parser(), args_list, "quizapp")
    from quizapp.tui.launch import run_tui  # Textual is imported only here

    return run_tui(args)


def _run_command(name: str, rest: list[str]) -> int:
    """Run the sub-command ``name``; output that cannot be written (a full
    disk, a closed pipe) is a message and status 1, never a traceback."""
    # A module cannot be called "import": keywords get a trailing underscore.
    module_name = f"{name}_" if keyword.iskeyword(name) else name
    module = importlib.import_module(f"quizapp.commands.{module_name}")
    parser = argparse.ArgumentParser(prog=f"quizapp {name}", description=COMMANDS[name])
    module.add_arguments(parser)
    args = _parse(parser, rest, f"quizapp {name}")
    try:
        status: int = module.run(args)
        flush_stdout()
    except OutputError as exc:
        error(name, f"cannot write the output: {exc}")
        return EXIT_ERRORS
    return status


def _parse(parser: argparse.ArgumentParser, args: list[str], prog: str) -> argparse.Namespace:
    """``parser.parse_args(args)``; the help or version text it prints (and
    exits after) fails cleanly too when it cannot be written."""
    try:
        return parser.parse_args(args)
    except SystemExit:
        try:
            flush_stdout()
        except OutputError as exc:
            note(f"{prog}: cannot write the output: {exc}")
            raise SystemExit(EXIT_ERRORS) from None
        raise


def _is_unknown_command(first: str) -> bool:
    """Whether ``first`` is neither an option, a command nor a path that
    exists (or looks like a bank file); if so, say so with a suggestion."""
    # lexists: a symbolic link counts, even a broken one (the TUI reports it).
    if first.startswith("-") or looks_like_path(first) or os.path.lexists(first):
        return False
    import difflib  # only for a word that is not a command

    close = difflib.get_close_matches(first, COMMANDS, n=1, cutoff=0.6)
    if close:
        note(f"quizapp: unknown command {first!r} — did you mean {close[0]!r}?")
    else:
        note(
            f"quizapp: unknown command {first!r}, and no file or folder has that name "
            f"(commands: {', '.join(COMMANDS)}; quizapp --help lists them)"
        )
    return True
