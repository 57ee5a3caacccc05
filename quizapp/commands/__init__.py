"""Sub-commands of the ``quizapp`` CLI, one module each (see `quizapp.cli`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TextIO


def emit(write: Callable[[TextIO], object]) -> int:
    """Run ``write(sys.stdout)``; a reader that went away (``| head``) is not an error."""
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # Stop Python from complaining again when it flushes stdout at exit.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    return 0
