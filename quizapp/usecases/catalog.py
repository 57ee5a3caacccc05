"""The bank catalog: the banks found, their overviews, and what Home shows
about each (scores, unfinished quizzes, study counts, mistakes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from quizapp.display import prompt_with_quote
from quizapp.generate import generate_questions
from quizapp.model import Bank, LoadResult
from quizapp.store import ScoreStore, StoreError
from quizapp.usecases.entries import BankEntry, BankOverview, CatalogEntry, CatalogView, count_tags
from quizapp.usecases.study import study_counts


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
    first time it is asked for."""

    def __init__(self, results: Sequence[LoadResult] = ()) -> None:
        self.results: tuple[LoadResult, ...] = tuple(results)
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


def read_entries(
    catalog: Catalog, store: ScoreStore, player: str, now: Callable[[], dt.datetime]
) -> CatalogView:
    """Scores, unfinished quizzes, study counts and mistakes of every bank of
    ``catalog`` for ``player``, summed up by the database (call it from a
    worker: it grows with the player's history)."""
    error: str | None = None
    try:
        stats = store.bank_scores(player)
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
