"""Where quizapp keeps its data, config and user banks.

Directories are computed, never created, unless a caller asks with
``create=True``. Environment overrides: ``QUIZAPP_DATA_DIR`` (scores
database, settings) and ``QUIZAPP_BANKS_DIR`` (the user's own banks).
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

APP_NAME = "quizapp"
#: The player name used when the login name cannot be found.
FALLBACK_PLAYER = "player"


def default_player() -> str:
    """The player to record scores for when none is given: the login name."""
    try:
        name = getpass.getuser().strip()
    except (OSError, KeyError, ImportError):
        # No LOGNAME/USER/... variable and no passwd entry (some containers).
        return FALLBACK_PLAYER
    return name or FALLBACK_PLAYER


def _user_dir(kind: str) -> Path:
    import platformdirs

    if kind == "data":
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir(*, create: bool = False) -> Path:
    """The data directory (``QUIZAPP_DATA_DIR`` overrides)."""
    env = os.environ.get("QUIZAPP_DATA_DIR")
    path = Path(env).expanduser() if env else _user_dir("data")
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def banks_dir(*, create: bool = False) -> Path:
    """The user's own bank directory (``QUIZAPP_BANKS_DIR`` overrides)."""
    env = os.environ.get("QUIZAPP_BANKS_DIR")
    path = Path(env).expanduser() if env else data_dir() / "banks"
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def scores_db_path(data: Path | None = None) -> Path:
    """The scores database inside ``data`` (default: `data_dir`)."""
    return (data if data is not None else data_dir()) / "scores.sqlite3"


def shipped_banks_dir() -> Path:
    """The directory of the banks shipped with quizapp.

    In an installed wheel they live in ``quizapp/questions``; in a source
    checkout (editable install, tests) in the top-level ``questions/``.

    The package folder is found from this module's ``__file__``, which is
    what `importlib.resources` would return for a package on the file system
    (banks are read as files, so quizapp is never run from a zip). Importing
    `importlib.resources`, and the zipfile module it brings, would add
    milliseconds to every start of the TUI.
    """
    package = Path(__file__).parent
    packaged = package / "questions"
    if packaged.is_dir():
        return packaged
    return package.parent / "questions"
