"""Loading bank files and finding them: never raises for bad input."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from quizapp.banks.checker import describe
from quizapp.banks.locate import SourceMap, split_headers
from quizapp.banks.reader import decode_bank_bytes, parse_toml
from quizapp.banks.validate import build_bank
from quizapp.files import FileProblem, read_file, stat_path
from quizapp.model import Bank, BankError, BankProblem, LoadResult, Location
from quizapp.paths import banks_dir, shipped_banks_dir


def load_bank(path: Path) -> Bank | BankError:
    """Load and validate the bank file at ``path``.

    Every problem (unreadable file, bytes that are not UTF-8, TOML syntax,
    broken rules) comes back as a `BankError` located ``path:line:col``.
    """
    return _load_file(path)[0]


def load_bank_text(text: str, path: str) -> Bank | BankError:
    """Validate bank ``text``; ``path`` names it in problem locations and
    becomes `Bank.path`."""
    return _load_text(text.removeprefix("\ufeff"), path, Path(path))[0]


def discover_banks(
    paths: Sequence[Path] = (), *, shipped: bool = True, user_dir: bool = True
) -> list[Bank | BankError]:
    """Load the shipped banks, the user's banks (``QUIZAPP_BANKS_DIR``) and
    the files and folders in ``paths``, in that order.

    Folders are scanned for ``*.toml`` files, sorted by name. A file reached
    twice is loaded once. When two files declare the same bank id, the later
    one is a `BankError` naming the first. A broken file never stops the
    others from loading.
    """
    files: list[Path] = []
    if shipped:
        files.extend(_bank_files(shipped_banks_dir()))
    if user_dir:
        files.extend(_bank_files(banks_dir()))
    for path in paths:
        files.extend(_bank_files(path) if _is_folder(path) else [path])

    results: list[LoadResult] = []
    seen: set[Path] = set()
    banks_by_id: dict[str, Bank] = {}
    for file in files:
        key = _identity(file)
        if key in seen:
            continue
        seen.add(key)
        result, source = _load_file(file)
        if isinstance(result, Bank):
            first = banks_by_id.setdefault(result.id, result)
            if first is not result:
                result = _id_clash(result, first, source)
        results.append(result)
    return results


def _is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; anything else (a file, nothing, a path
    that cannot be followed) is loaded as a file, which says what is wrong."""
    try:
        return stat_path(path).is_folder
    except FileProblem:
        return False


def _bank_files(folder: Path) -> Iterator[Path]:
    """The ``*.toml`` files of ``folder`` sorted by name (none if it is missing);
    hidden files, such as editors' lock files, are skipped."""
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except (OSError, ValueError):
        return
    for name in names:
        if name.endswith(".toml") and not name.startswith("."):
            yield folder / name


def _identity(file: Path) -> Path:
    try:
        return file.resolve()
    except (OSError, RuntimeError, ValueError):
        return file.absolute()


def _id_clash(bank: Bank, first: Bank, source: SourceMap | None) -> BankError:
    line, col = source.locate(("bank", "id")) if source is not None else (1, 1)
    problem = BankProblem(
        Location(str(bank.path), line, col),
        f"bank id '{bank.id}' is already used by {first.path}; give this bank another id",
    )
    return BankError(bank.path or Path(), (problem, *bank.warnings))


def _load_file(path: Path) -> tuple[LoadResult, SourceMap | None]:
    name = str(path)
    try:
        data = read_file(path)
    except FileProblem as problem:
        return _failure(path, name, str(problem)), None
    text = decode_bank_bytes(data, name)
    if isinstance(text, BankProblem):
        return BankError(path, (text,)), None
    result, source = _load_text(text, name, path)
    if isinstance(result, Bank) and source is not None:
        try:
            result = _check_source_file(result, source)
        except Exception as exc:  # a safety net: one bank's path never stops the others
            return _failure(path, name, f"internal error: {type(exc).__name__}: {exc}"), None
    return result, source


def _load_text(text: str, name: str, path: Path) -> tuple[LoadResult, SourceMap | None]:
    try:
        # The quick header scan first, while the text is still in the CPU cache.
        headers = split_headers(text)
        data = parse_toml(text, name)
        if isinstance(data, BankProblem):
            return BankError(path, (data,)), None
        source = SourceMap(text, data, headers)
        return build_bank(data, source, name, path), source
    except Exception as exc:  # a safety net: bad input must never raise
        return _failure(path, name, f"internal error: {type(exc).__name__}: {exc}"), None


def _check_source_file(bank: Bank, source: SourceMap) -> Bank:
    """Warn when ``[bank.source] file`` names a file that is not there or
    cannot be read (a folder, a FIFO, a loop of links, no permission ...).

    Never raises: whatever the path, the bank loads (its text was checked
    by the validator: no control characters, no over-long names).
    """
    source_path = bank.source_path()
    if source_path is None or bank.source is None:
        return bank
    try:
        info = stat_path(source_path)
    except FileProblem as problem:
        reason = "not found" if problem.missing else f"cannot be used: {problem}"
    else:
        if info.is_file:
            return bank
        reason = f"cannot be used: it is {info.kind}, not a file"
    line, col = source.locate(("bank", "source", "file"))
    looked = str(source_path)
    if len(looked) > 200:
        looked = f"{looked[:100]}…{looked[-99:]}"
    warning = BankProblem(
        Location(str(bank.path), line, col),
        f"source file {describe(bank.source.file)} {reason} (looked for {looked})",
        "warning",
    )
    return replace(bank, warnings=(*bank.warnings, warning))


def _failure(path: Path, name: str, message: str) -> BankError:
    return BankError(path, (BankProblem(Location(name, 1, 1), message),))
