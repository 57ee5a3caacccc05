"""`StoreError`: what the score store raises when the database cannot be used.

A module of its own, below every layer: the application layer and the TUI
catch it, and the TUI names it before its first frame, when the store
itself is not loaded yet (the store is opened after the first frame).
"""

from __future__ import annotations


class StoreError(Exception):
    """The scores database cannot be used; the message says why, for a user.

    ``reason`` sorts the failures a caller may treat differently: ``"full"``
    (no space left), ``"read-only"``, ``"locked"`` (another program held the
    database longer than the busy timeout), ``"damaged"`` (run ``quizapp
    doctor``) or ``"other"``.
    """

    def __init__(self, message: str, *, reason: str = "other") -> None:
        super().__init__(message)
        self.reason = reason
