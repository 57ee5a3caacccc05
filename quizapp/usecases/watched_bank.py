"""A bank file watched while a teacher edits it (``quizapp preview BANK``). No Textual here.

Noticing that the file changed (`FileStamp`), loading it as a quiz would
ask it (`load_preview`), and telling what changed between two loads
(`compare_questions`). The app is `quizapp.tui.preview_app`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quizapp.banks import load_bank
from quizapp.model import Bank, BankProblem, LoadResult, Question
from quizapp.session import QuizOptions, QuizSession

#: How often the file is looked at, in seconds.
POLL_SECONDS = 0.5
#: Choices are shuffled as in a quiz, always with this seed, so that a
#: question keeps its order of choices from one save to the next.
PREVIEW_SEED = 0


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What changes when a file is saved: its modification time, size and
    inode (editors that save by writing a new file and renaming it change
    the inode, possibly nothing else)."""

    mtime_ns: int
    size: int
    inode: int


def file_stamp(path: Path) -> FileStamp | None:
    """The stamp of ``path`` now, or None when it cannot be looked at
    (missing, for instance halfway through an editor's save)."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return FileStamp(status.st_mtime_ns, status.st_size, status.st_ino)


@dataclass(frozen=True, slots=True)
class PreviewLoad:
    """One load of the previewed file: the result and, for a bank, its
    questions in quiz order (hand-written, then generated)."""

    stamp: FileStamp | None
    result: LoadResult
    session: QuizSession | None

    @property
    def bank(self) -> Bank | None:
        """The bank, or None when the file has errors."""
        return self.result if isinstance(self.result, Bank) else None

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question a quiz on the bank can ask (none for a broken file)."""
        return self.session.questions if self.session is not None else ()

    def question_warnings(self, question: Question) -> tuple[BankProblem, ...]:
        """The bank's warnings about ``question`` (located at its table)."""
        if self.bank is None or question.generated:
            return ()
        return tuple(w for w in self.bank.warnings if w.location.line == question.line)

    def bank_warnings(self) -> tuple[BankProblem, ...]:
        """The bank's warnings that are not about one of its questions."""
        if self.bank is None:
            return ()
        lines = {question.line for question in self.bank.questions}
        return tuple(w for w in self.bank.warnings if w.location.line not in lines)


def load_preview(path: Path) -> PreviewLoad:
    """Load ``path`` for the preview; never raises for a bad file."""
    stamp = file_stamp(path)
    result = load_bank(path)
    session = None
    if isinstance(result, Bank):
        options = QuizOptions(shuffle=False, seed=PREVIEW_SEED)
        session = QuizSession.from_bank(result, options)
    return PreviewLoad(stamp, result, session)


@dataclass(frozen=True, slots=True)
class QuestionChanges:
    """Question ids changed, added and removed between two loads, in bank order."""

    changed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changed or self.added or self.removed)

    @property
    def marked(self) -> frozenset[str]:
        """The questions to highlight: changed or new."""
        return frozenset((*self.changed, *self.added))

    def summary(self) -> str:
        """``question 'a' changed; 2 added: 'b', 'c'`` (or ``no question changed``)."""
        parts = []
        for verb, ids in (("changed", self.changed), ("added", self.added)):
            parts.extend(_describe(verb, ids))
        parts.extend(_describe("removed", self.removed))
        return "; ".join(parts) if parts else "no question changed"


def _describe(verb: str, ids: Sequence[str]) -> list[str]:
    if not ids:
        return []
    if len(ids) == 1:
        return [f"question '{ids[0]}' {verb}"]
    shown = ", ".join(f"'{question_id}'" for question_id in ids[:3])
    more = f" and {len(ids) - 3} more" if len(ids) > 3 else ""
    return [f"{len(ids)} questions {verb}: {shown}{more}"]


def _differ(before: Question, after: Question) -> bool:
    if before == after:
        return False
    # Editing a question moves the ones below it in the file: that is no change.
    return before.line == after.line or dataclasses.replace(before, line=after.line) != after


def compare_questions(old: Sequence[Question], new: Sequence[Question]) -> QuestionChanges:
    """What differs between two versions of a bank's questions, by id."""
    before = {question.id: question for question in old}
    after_ids = {question.id for question in new}
    changed = [q.id for q in new if q.id in before and _differ(before[q.id], q)]
    added = [q.id for q in new if q.id not in before]
    removed = [q.id for q in old if q.id not in after_ids]
    return QuestionChanges(tuple(changed), tuple(added), tuple(removed))
