"""The JSON Schema of bank format 1, shipped with quizapp for editors.

Editors that validate TOML against a JSON Schema (Taplo, Even Better TOML
in VS Code) use it to complete keys and flag mistakes while a bank is
typed. The schema mirrors ``docs/bank-format.md``; the few rules it cannot
express are checked by ``quizapp check`` only (listed in that document).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: The schema's file name, also used when it is copied next to a bank.
SCHEMA_FILE_NAME = "bank-v1.schema.json"


def schema_path() -> Path:
    """The path of the shipped ``bank-v1.schema.json``."""
    return Path(str(resources.files("quizapp.schema").joinpath(SCHEMA_FILE_NAME)))


def schema_text() -> str:
    """The schema, as JSON text."""
    return schema_path().read_text(encoding="utf-8")
