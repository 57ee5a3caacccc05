"""TOML banks -> model: parse, validate with file:line:col locations,
discover, write. No Textual here.

Public API::

    load_bank(path) -> Bank | BankError
    load_bank_text(text, path) -> Bank | BankError
    discover_banks(paths=(), *, shipped=True, user_dir=True) -> list[Bank | BankError]
    check_source_excerpts(bank, text) -> list[BankProblem]
    bank_to_toml(bank) -> str   (tomli-w)
"""
