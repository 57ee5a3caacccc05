"""Sub-commands of the ``quizapp`` CLI, one module each (see `quizapp.cli`).

Shared here, for every command:

- the exit statuses;
- `terminal_safe`, the one filter for text from banks and the score store:
  control and format characters become visible escapes (``\\u001b``), so no
  text can move the cursor, retitle or query the terminal;
- `emit`, the one way to print a command's output: everything it writes goes
  through `terminal_safe` (tabs and line breaks kept) and a standard output
  that cannot be written (a full disk, a closed pipe) becomes an
  `OutputError`, which `quizapp.cli.main` reports as a message and status 1;
- `error` and `note` for lines on standard error, filtered the same way;
- `find_bank` for a BANK argument that may be a bank id or a bank file;
- `add_common_arguments`: ``--data-dir`` and ``--player``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import unicodedata
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from quizapp.files import FileProblem, describe_os_error, stat_path

if TYPE_CHECKING:
    from quizapp.model import Bank, LoadResult

#: Exit statuses shared by every command (argparse uses 2 for usage errors too).
EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2

#: Unicode categories a terminal may act on: controls (ESC, BEL, CSI ...),
#: format characters (bidirectional overrides ...) and lone surrogates.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
_SHORT_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


class OutputError(Exception):
    """Standard output could not be written; ``str(error)`` says why."""


def terminal_safe(text: str, *, keep: str = "") -> str:
    """``text`` with every control and format character, except those in
    ``keep``, written as an escape (``\\n``, ``\\u001b``, ``\\u202e``).

    The escapes are those of JSON, so JSON output stays valid JSON meaning
    the same text, and a spreadsheet or a person reading CSV or a table sees
    where the characters were.
    """
    if text.isprintable():
        return text
    return "".join(
        _escape(char)
        if char not in keep and unicodedata.category(char) in _UNSAFE_CATEGORIES
        else char
        for char in text
    )


def _escape(char: str) -> str:
    short = _SHORT_ESCAPES.get(char)
    if short is not None:
        return short
    code = ord(char)
    if code > 0xFFFF:  # as JSON writes it: a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def safe_lines(text: str) -> str:
    """``text`` made terminal-safe, keeping its line breaks and tabs."""
    return "\n".join(terminal_safe(line, keep="\t") for line in text.split("\n"))


def emit(write: Callable[[TextIO], object]) -> int:
    """Print what ``write(out)`` writes to ``out``, made terminal-safe; return `EXIT_OK`.

    Raises `OutputError` when standard output cannot be written (a full
    disk, a reader that closed the pipe); `quizapp.cli.main` turns it into a
    message and exit status 1.
    """
    buffer = io.StringIO()
    write(buffer)
    write_stdout(buffer.getvalue())
    return EXIT_OK


def write_stdout(text: str) -> None:
    """Write ``text`` (made terminal-safe) to standard output and flush it.

    Raises `OutputError` when it cannot be written.
    """
    stdout = sys.stdout
    if stdout is None:  # started with standard output closed (``>&-``)
        if text:
            raise OutputError("standard output is closed")
        return
    try:
        if isinstance(stdout, io.TextIOWrapper):
            # A terminal that cannot show "—" or "“" still gets the text.
            # (Reconfiguring flushes what is buffered, so it may fail too.)
            stdout.reconfigure(errors="replace")
        stdout.write(safe_lines(text))
        stdout.flush()
    except OSError as exc:  # a closed pipe (BrokenPipeError) included
        _discard_stdout()
        raise OutputError(describe_os_error(exc, "write")) from None


def flush_stdout() -> None:
    """Flush standard output; raises `OutputError` when it cannot be written."""
    write_stdout("")


def _discard_stdout() -> None:
    """Point standard output at the null device, so the text still buffered
    is dropped quietly instead of failing again when Python exits."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (tests capture it)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


def error(command: str, message: str) -> None:
    """Print ``quizapp COMMAND: message`` on standard error (terminal-safe)."""
    note(f"quizapp {command}: {message}")


def note(line: str) -> None:
    """Print one terminal-safe line on standard error: a problem, a warning,
    progress. A standard error that cannot be written is ignored."""
    with contextlib.suppress(OSError):
        print(terminal_safe(line), file=sys.stderr)


def notes(lines: Iterable[object]) -> None:
    """`note` each of ``lines`` (such as a bank's problems)."""
    for line in lines:
        note(str(line))


def refuse_output_file(command: str, path: Path, *, force: bool) -> int | None:
    """`EXIT_USAGE`, after saying why, when ``path`` may not be written: it
    exists and ``force`` is off, it is not a regular file (a folder, a FIFO,
    a device), or it cannot be reached. None when it may be written."""
    try:
        info = stat_path(path)
    except FileProblem as problem:
        if problem.missing:
            return None
        error(command, f"cannot write {path}: {problem}")
        return EXIT_USAGE
    if not info.is_file:
        error(command, f"cannot write {path}: it is {info.kind}, not a file")
        return EXIT_USAGE
    if not force:
        error(command, f"{path} already exists; use --force to overwrite it")
        return EXIT_USAGE
    return None


def write_output_file(command: str, path: Path, text: str) -> int:
    """Write ``text`` to ``path`` as UTF-8; `EXIT_OK`, or `EXIT_ERRORS` after
    saying why it could not be written."""
    try:
        path.write_text(text, encoding="utf-8", newline="")
    except ValueError:
        error(command, f"cannot write {path}: the path contains a NUL byte")
        return EXIT_ERRORS
    except OSError as exc:
        error(command, f"cannot write {path}: {describe_os_error(exc, 'write')}")
        return EXIT_ERRORS
    return EXIT_OK


def add_data_dir_argument(parser: argparse.ArgumentParser) -> None:
    """``--data-dir``, for every command that reads or writes the scores."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="where scores and settings are kept (default: the user data dir; "
        "QUIZAPP_DATA_DIR overrides)",
    )


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """``--data-dir`` and ``--player``, shared by the TUI and several commands."""
    add_data_dir_argument(parser)
    parser.add_argument(
        "--player",
        metavar="NAME",
        help="whose scores to record and show (default: your login name)",
    )


def looks_like_path(target: str) -> bool:
    """Whether a BANK argument was meant as a file rather than a bank id."""
    return target.endswith(".toml") or "/" in target or "\\" in target


def find_bank(command: str, target: str) -> Bank | int:
    """The bank a BANK argument names: a bank file, or the id of a bank quizapp
    finds (shipped, or in the user's bank folder), loaded.

    Returns the bank, or an exit status after saying on standard error why
    there is none: `EXIT_USAGE` for no such file, a folder or an unknown id
    (the known ids are listed); `EXIT_ERRORS` for a bank with errors (each
    is printed as ``path:line:col: message``).
    """
    from quizapp.model import BankError

    found = find_bank_or_scores(command, target, scored=())
    assert not isinstance(found, str)  # only an id in ``scored`` comes back as text
    if isinstance(found, BankError):
        notes(found.problems)
        error(command, f"{target} has errors; nothing done")
        return EXIT_ERRORS
    return found


def find_bank_or_scores(
    command: str, target: str, *, scored: Callable[[], Collection[str]] | Collection[str]
) -> LoadResult | str | int:
    """As `find_bank`, for commands on saved scores: an id no bank has but
    that is among ``scored`` (the ids with saved scores, or a function giving
    them, called only when needed) comes back as it is, a `str`."""
    from quizapp.banks import load_bank

    path = Path(target)
    try:
        info = stat_path(path)
    except FileProblem as problem:
        if not problem.missing:
            error(command, f"{target}: {problem}")
            return EXIT_USAGE
    else:
        if info.is_folder:
            error(command, f"{target} is a folder; give a bank file or a bank id")
            return EXIT_USAGE
        return load_bank(path)  # the loader says what is wrong with a FIFO or device
    if looks_like_path(target):
        error(command, f"{target}: no such file")
        return EXIT_USAGE
    return bank_by_id(command, target, scored=scored)


def bank_by_id(
    command: str, bank_id: str, *, scored: Callable[[], Collection[str]] | Collection[str] = ()
) -> Bank | str | int:
    """The bank quizapp finds (shipped, or in the user's bank folder) with
    this id; else ``bank_id`` itself when it is among ``scored`` (ids with
    saved scores); else `EXIT_USAGE` after saying "unknown bank" on standard
    error with the known ids."""
    from quizapp.banks import discover_banks
    from quizapp.model import Bank, BankError

    found = discover_banks()
    banks = [result for result in found if isinstance(result, Bank)]
    bank = next((bank for bank in banks if bank.id == bank_id), None)
    if bank is not None:
        return bank
    scored_ids = set(scored() if callable(scored) else scored)
    if bank_id in scored_ids:
        return bank_id
    error(command, f"unknown bank id {bank_id!r}")
    known = sorted({bank.id for bank in banks})
    note("known bank ids:")
    for known_id in known or ["(none)"]:
        note(f"  {known_id}")
    only_scores = sorted(scored_ids.difference(known))
    if only_scores:
        note("ids with saved scores but no bank file:")
        for known_id in only_scores:
            note(f"  {known_id}")
    broken = [result for result in found if isinstance(result, BankError)]
    if broken:
        note("bank files that failed to load (see quizapp check):")
        for failed in broken:
            note(f"  {failed.path}")
    return EXIT_USAGE
