"""What Home lists about each bank file (a bank's overview and the player's
record on it), as the catalog reads it.

Light on purpose: Home imports it before its first frame, and the types it
names (the model, the store's rows, the scheduler's counts) are imported by
`quizapp.usecases.catalog`, in the worker that reads the entries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from typing_extensions import TypeIs

    from quizapp.model import Bank, BankError, Question
    from quizapp.store import AttemptSummary, BankStats
    from quizapp.study import StudyCounts


@dataclass(frozen=True, slots=True)
class BankOverview:
    """A loaded bank with its question counts."""

    bank: Bank
    #: Hand-written questions first, then generated ones.
    questions: tuple[Question, ...]
    generated: int
    #: (tag, number of questions with it), most common first.
    tag_counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        """Questions available with generated ones included."""
        return len(self.questions)

    @property
    def written(self) -> int:
        """Hand-written questions."""
        return self.total - self.generated

    def tags(self, *, include_generated: bool = True) -> tuple[tuple[str, int], ...]:
        """Tag counts over hand-written questions, plus generated ones if asked."""
        if include_generated:
            return self.tag_counts
        return count_tags(q for q in self.questions if not q.generated)


def count_tags(questions: Iterable[Question]) -> tuple[tuple[str, int], ...]:
    """(tag, number of questions with it), most common first."""
    counts: Counter[str] = Counter()
    for question in questions:
        counts.update(dict.fromkeys(question.tags, 1))
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


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
