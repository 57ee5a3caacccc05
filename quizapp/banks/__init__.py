"""TOML banks -> model: parse, validate with file:line:col locations,
discover, write. No Textual here.

Public API::

    load_bank(path) -> Bank | BankError
    load_bank_text(text, path) -> Bank | BankError
    discover_banks(paths=(), *, shipped=True, user_dir=True) -> list[Bank | BankError]
    check_source_excerpts(bank, text) -> list[BankProblem]
    bank_to_toml(bank) -> str   (tomli-w, in quizapp.banks.write)

Nothing here raises for bad input: a file that cannot be used comes back as
a `BankError` carrying every problem found in it, each located
``path:line:col``.
"""

from __future__ import annotations

from quizapp.banks.excerpts import check_source_excerpts
from quizapp.banks.load import discover_banks, load_bank, load_bank_text
from quizapp.banks.questions import parse_cloze
from quizapp.model import Bank

__all__ = [
    "bank_to_toml",
    "check_source_excerpts",
    "discover_banks",
    "load_bank",
    "load_bank_text",
    "parse_cloze",
]


def bank_to_toml(bank: Bank) -> str:
    """``bank`` as the text of a bank file (see `quizapp.banks.write`)."""
    from quizapp.banks.write import bank_to_toml as write  # tomli-w only when writing

    return write(bank)
