"""The bank catalog: the banks found, their overviews, and what Home shows
about each (scores, unfinished quizzes, study counts, mistakes); reloading
the banks, and noticing when their files change."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeAlias

from quizapp import paths
from quizapp.display import prompt_with_quote
from quizapp.generate import generate_questions
from quizapp.model import Bank, BankError, LoadResult
from quizapp.store import ScoreStore, StoreError
from quizapp.usecases.entries import BankEntry, BankOverview, CatalogEntry, CatalogView, count_tags
from quizapp.usecases.study import study_counts

#: A file's or folder's modification time (ns) and size; None when it is gone.
Stamp: TypeAlias = "tuple[int, int] | None"


def overview(bank: Bank) -> BankOverview:
    """Count a bank's questions (generated ones included) by tag."""
    generated = generate_questions(bank)
    questions = (*bank.questions, *generated)
    return BankOverview(
        bank=bank,
        questions=questions,
        generated=len(generated),
        tag_counts=count_tags(questions),
    )


class Catalog:
    """The banks found and the bank files that failed to load, with each
    bank's overview (its questions, generated ones included), computed the
    first time it is asked for.

    ``stamps`` records the bank files and their folders (and the user's bank
    folder) as they were when the catalog was made: `files_changed` says
    whether any was edited, added or removed since.
    """

    def __init__(self, results: Sequence[LoadResult] = ()) -> None:
        self.results: tuple[LoadResult, ...] = tuple(results)
        self.stamps: dict[Path, Stamp] = stamps(self.results)
        #: The loaded banks by id (the first one, when two share an id).
        self.banks_by_id: dict[str, Bank] = {}
        for result in self.results:
            if isinstance(result, Bank):
                self.banks_by_id.setdefault(result.id, result)
        self._overviews: dict[str, BankOverview] = {}

    @classmethod
    def load(cls, loader: Callable[[], Sequence[LoadResult]]) -> Catalog:
        """Load the banks with ``loader`` and work out every overview (slow:
        call it from a worker)."""
        catalog = cls(loader())
        for result in catalog.results:
            if isinstance(result, Bank):
                catalog.overview(result)
        return catalog

    @property
    def banks(self) -> list[Bank]:
        """The loaded banks, in the order found."""
        return [result for result in self.results if isinstance(result, Bank)]

    def overview(self, bank: Bank) -> BankOverview:
        """The bank's questions (generated ones included) and counts, computed once."""
        known = self._overviews.get(bank.id)
        if known is None or known.bank is not bank:
            known = self._overviews[bank.id] = overview(bank)
        return known

    def files_changed(self) -> bool:
        """Whether a bank file or a folder holding banks changed since the
        catalog was made (a few ``stat`` calls: call it from a worker)."""
        return stamps(self.results) != self.stamps

    def plain_entries(self) -> list[CatalogEntry]:
        """An entry per bank file, without the player's record (Home lists
        these until the record is read)."""
        return [
            BankEntry(self.overview(result), None) if isinstance(result, Bank) else result
            for result in self.results
        ]

    def question_prompt(self, bank_id: str, question_id: str) -> str:
        """A question's prompt (with its quote, if it has one), or its id
        when its bank or the question is gone."""
        bank = self.banks_by_id.get(bank_id)
        if bank is not None:
            for question in self.overview(bank).questions:
                if question.id == question_id:
                    return prompt_with_quote(question) or question_id
        return question_id


def result_path(result: LoadResult) -> Path | None:
    """The file a bank (or a failed bank file) was loaded from, if any."""
    return result.path


def stamps(results: Iterable[LoadResult]) -> dict[Path, Stamp]:
    """The stamp of every bank file of ``results``, of the folders holding
    them and of the user's bank folder: a new, removed or renamed file
    changes its folder's; an edit changes the file's own."""
    files = [path for result in results if (path := result_path(result)) is not None]
    watched = [*files, *{path.parent for path in files}, paths.banks_dir()]
    return {path: _stamp(path) for path in watched}


def _stamp(path: Path) -> Stamp:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_mtime_ns, info.st_size)


def reloader(results: Sequence[LoadResult]) -> Callable[[], list[LoadResult]]:
    """A loader that reads the files of ``results`` again (a bank made
    without a file is kept as it is)."""
    given = tuple(results)

    def reload() -> list[LoadResult]:
        from quizapp.banks import load_bank

        return [
            load_bank(path) if (path := result_path(result)) is not None else result
            for result in given
        ]

    return reload


def reload_summary(old: Catalog, new: Catalog) -> str:
    """What reloading changed, for the user: ``Banks reloaded: 1 new, 1
    changed. 4 banks, 1 could not be loaded.``"""
    before = {result_path(r): r for r in old.results}
    after = {result_path(r): r for r in new.results}
    added = sum(1 for path in after if path not in before)
    removed = sum(1 for path in before if path not in after)
    changed = sum(
        1
        for path in after
        if path in before and path is not None and new.stamps.get(path) != old.stamps.get(path)
    )
    parts = [
        f"{count} {what}"
        for count, what in ((added, "new"), (changed, "changed"), (removed, "removed"))
        if count
    ]
    what = ", ".join(parts) if parts else "no bank file changed"
    banks = len(new.banks)
    failed = sum(1 for result in new.results if isinstance(result, BankError))
    text = f"Banks reloaded: {what}. {banks} bank{'s' if banks != 1 else ''}"
    if failed:
        text += f", {failed} could not be loaded"
    return text + "."


def read_entries(
    catalog: Catalog, store: ScoreStore, player: str, now: Callable[[], dt.datetime]
) -> CatalogView:
    """Scores, unfinished quizzes, study counts and mistakes of every bank of
    ``catalog`` for ``player``, summed up by the database (call it from a
    worker: it grows with the player's history)."""
    error: str | None = None
    try:
        stats = store.bank_stats(player)
        unfinished = store.unfinished_attempts(player)
        missed = store.missed_questions(player)
    except StoreError as failure:
        error = str(failure)
        stats, unfinished, missed = {}, [], {}
    counts = study_counts(store, player, catalog.banks, now) if error is None else {}
    entries: list[CatalogEntry] = []
    for result in catalog.results:
        if not isinstance(result, Bank):
            entries.append(result)
            continue
        bank_overview = catalog.overview(result)
        wrong = missed.get(result.id, set())
        entries.append(
            BankEntry(
                overview=bank_overview,
                stats=stats.get(result.id),
                unfinished=tuple(a for a in unfinished if a.bank_id == result.id),
                study=counts.get(result.id),
                missed=sum(1 for q in bank_overview.questions if q.id in wrong),
            )
        )
    return CatalogView(tuple(entries), error)
