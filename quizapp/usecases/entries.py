"""What Home lists about each bank file, as the catalog reads it.

Light on purpose: Home imports it before its first frame, and the types it
names (the model, the store's rows, the scheduler's counts) are imported by
`quizapp.usecases.catalog`, in the worker that reads the entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from typing_extensions import TypeIs

    from quizapp.model import BankError
    from quizapp.store import AttemptSummary, BankStats
    from quizapp.study import StudyCounts
    from quizapp.usecases.catalog import BankOverview


@dataclass(frozen=True, slots=True)
class BankEntry:
    """A loaded bank as Home lists it, with this player's record on it."""

    overview: BankOverview
    stats: BankStats | None
    #: This player's unfinished attempts on the bank, newest first.
    unfinished: tuple[AttemptSummary, ...] = ()
    #: Study cards due now and new today (None when they could not be counted).
    study: StudyCounts | None = None
    #: How many of the bank's questions the player got wrong at least once.
    missed: int = 0


#: What Home lists: a loaded bank, or a bank file that could not be loaded.
CatalogEntry: TypeAlias = "BankEntry | BankError"


@dataclass(frozen=True, slots=True)
class CatalogView:
    """Everything Home shows, read in one go: an entry per bank file, and
    why the scores could not be read, if they could not."""

    entries: tuple[CatalogEntry, ...]
    error: str | None = None


def is_failed(entry: CatalogEntry | None) -> TypeIs[BankError]:
    """Whether ``entry`` is a bank file that could not be loaded."""
    return entry is not None and not isinstance(entry, BankEntry)
